#pragma once
// Test support for the evaluator's unit tests: compile an expression in an Env whose
// variables are the top-level keys of a JSON document (declared `dyn`, bound zero-copy),
// evaluate it and render the result as typed JSON (typed_value.h), so that values and
// errors compare as text: `{"int":"3"}`, `{"error":"division by zero"}`. Only *_test.cc
// files include this header.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/data/json_reader.h"

namespace warden::cel::eval_testing {

inline constexpr std::string_view kTrue = R"({"bool":true})";
inline constexpr std::string_view kFalse = R"({"bool":false})";

class Harness {
 public:
  // `bindings_json` is a JSON object; each key becomes a `dyn` variable bound to the
  // key's value.
  explicit Harness(std::string_view bindings_json = "{}", CompileOptions options = {})
      : env_(Env::Create()), options_(std::move(options)) {
    auto document = data::ReadJson(bindings_json, "<bindings>");
    EXPECT_TRUE(document.ok()) << document.status().message();
    if (!document.ok()) return;
    document_ = std::move(*document);
    for (const data::MapEntry& entry : document_.root->entries()) {
      env_->DeclareVariable(std::string(entry.key()), Type::Dyn());
    }
  }

  Env& env() { return *env_; }
  CompileOptions& options() { return options_; }

  // Compiles `expr`; fails the test (and returns null) when there are issues.
  std::shared_ptr<const Program> Compile(std::string_view expr) {
    CompileResult compiled = env_->Compile(expr, options_);
    EXPECT_TRUE(compiled.ok()) << expr << "\n" << compiled.FormatIssues();
    return compiled.program;
  }

  // The typed JSON of the result, or "compile error" when `expr` does not compile.
  std::string Eval(std::string_view expr) {
    std::shared_ptr<const Program> program = Compile(expr);
    if (program == nullptr) return "compile error";
    return Run(*program);
  }

  // Evaluates an already compiled program with this harness's bindings.
  std::string Run(const Program& program) {
    Activation activation(*env_);
    if (document_.root != nullptr) {
      for (const data::MapEntry& entry : document_.root->entries()) {
        activation.Bind(entry.key(), Value::FromNode(entry.value));
      }
    }
    return EncodeTypedValue(program.Evaluate(activation, state_));
  }

 private:
  std::shared_ptr<Env> env_;
  CompileOptions options_;
  data::Document document_;
  EvalState state_;
};

// A table row: an expression and the typed JSON of its result (or, for errors, a
// fragment of the error message).
struct EvalCase {
  std::string_view expr;
  std::string_view expected;
};

// Expects each expression to evaluate to exactly `expected`.
inline void ExpectValues(Harness& harness, std::initializer_list<EvalCase> cases) {
  for (const EvalCase& test : cases) {
    SCOPED_TRACE(test.expr);
    EXPECT_EQ(harness.Eval(test.expr), test.expected);
  }
}

// Expects each expression to evaluate to an error whose message contains `expected`.
inline void ExpectErrors(Harness& harness, std::initializer_list<EvalCase> cases) {
  for (const EvalCase& test : cases) {
    SCOPED_TRACE(test.expr);
    std::string result = harness.Eval(test.expr);
    EXPECT_EQ(result.rfind(R"({"error":)", 0), 0u) << result;
    EXPECT_NE(result.find(test.expected), std::string::npos) << result;
  }
}

}  // namespace warden::cel::eval_testing
