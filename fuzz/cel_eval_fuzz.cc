// Fuzzes the whole CEL pipeline: parse, check, plan and evaluate. Input layout:
//   byte 0      option flags (type checking, optional syntax, tight limits)
//   rest        "<expression>\n@@\n<JSON document>" — the document is bound as `object`;
//               without the separator the whole rest is the expression.
// Any input must give issues or a value (possibly an error value) — never a crash, a
// hang, unbounded memory or a result that cannot be encoded.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/data/reader.h"

namespace {

const std::shared_ptr<warden::cel::Env>& FuzzEnv() {
  static const std::shared_ptr<warden::cel::Env> env = [] {
    auto created = warden::cel::Env::Create();
    created->DeclareVariable("object", warden::cel::Type::Dyn());
    created->DeclareVariable("n", warden::cel::Type::Int());
    created->DeclareVariable("s", warden::cel::Type::String());
    return created;
  }();
  return env;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string_view expression = rest;
  std::string_view document_text;
  if (size_t separator = rest.find("\n@@\n"); separator != std::string_view::npos) {
    expression = rest.substr(0, separator);
    document_text = rest.substr(separator + 4);
  }

  warden::cel::CompileOptions options;
  options.check = (flags & 1) == 0;
  options.parse.enable_optional_syntax = (flags & 2) == 0;
  // Tight limits keep every run short; the flags still reach the default path sometimes.
  if ((flags & 4) == 0) {
    options.limits.cost_budget = 200'000;
    options.limits.max_iterations = 20'000;
    options.limits.max_memory_bytes = size_t{4} << 20;
  }

  const auto& env = FuzzEnv();
  warden::cel::CompileResult compiled = env->Compile(expression, options);
  if (!compiled.ok()) {
    if (compiled.issues.empty()) __builtin_trap();
    if (compiled.FormatIssues({"fuzz.cel", 1, 1}).empty()) __builtin_trap();
    return 0;
  }

  std::vector<warden::data::Document> documents;
  if (!document_text.empty()) {
    warden::data::ReadLimits limits;
    limits.max_depth = 64;
    auto read = warden::data::ReadDocuments(document_text, "fuzz.json", warden::data::Format::kJson,
                                            limits);
    if (read.ok()) documents = std::move(read).value();
  }

  warden::cel::Activation activation(*env);
  if (!documents.empty()) activation.Bind("object", documents.front());
  activation.Bind("n", warden::cel::Value::Int(static_cast<int64_t>(flags) - 100));
  activation.Bind("s", warden::cel::Value::String("Fuzz-Ünïcode"));

  warden::cel::EvalState state;
  warden::cel::Value result = compiled.program->Evaluate(activation, state);
  if (warden::cel::EncodeTypedValue(result).empty()) __builtin_trap();
  // A second evaluation with the same state must behave the same (state is reused).
  warden::cel::Value again = compiled.program->Evaluate(activation, state);
  if (warden::cel::EncodeTypedValue(again).empty()) __builtin_trap();
  return 0;
}
