#include "warden/cel/eval/batch.h"

#include <memory>
#include <vector>

#include "warden/base/json_string.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/data/json_reader.h"

namespace warden::cel {

namespace {

std::string ErrorLine(std::string_view message) {
  std::string out = "{\"error\":";
  warden::AppendJsonString(out, message);
  out += "}";
  return out;
}

bool GetBool(const data::Node& root, std::string_view key) {
  const data::Node* node = root.Find(key);
  return node != nullptr && node->kind() == data::NodeKind::kBool && node->bool_value();
}

// Adds the declarations of `type_env` to `env`; returns an error message or "".
std::string DeclareTypeEnv(const data::Node& type_env, Env& env) {
  if (!type_env.is_list()) return "`type_env` must be an array";
  for (size_t decl_idx = 0; decl_idx < type_env.size(); ++decl_idx) {
    const data::Node& decl = type_env.item(decl_idx);
    std::string where = "`type_env[" + std::to_string(decl_idx) + "]`";
    const data::Node* name = decl.Find("name");
    if (name == nullptr || !name->is_string()) return where + ": missing `name`";
    if (const data::Node* ident = decl.Find("ident")) {
      if (!ident->is_string()) return where + ": `ident` must be a type string";
      auto type = Type::Parse(ident->string_value());
      if (!type.ok()) return where + ": " + type.status().message();
      env.DeclareVariable(std::string(name->string_value()), *type);
      continue;
    }
    const data::Node* overloads = decl.Find("function");
    if (overloads == nullptr || !overloads->is_list())
      return where + ": needs `ident` or `function`";
    FunctionDecl function{std::string(name->string_value()), {}};
    for (const data::Node& overload : overloads->items()) {
      OverloadDecl decl_out;
      if (const data::Node* id = overload.Find("overload_id"); id && id->is_string()) {
        decl_out.id = std::string(id->string_value());
      }
      decl_out.member = GetBool(overload, "member");
      std::vector<std::string> type_params;
      if (const data::Node* params = overload.Find("type_params"); params && params->is_list()) {
        for (const data::Node& param : params->items())
          type_params.emplace_back(param.string_value());
      }
      decl_out.type_params = type_params;
      if (const data::Node* params = overload.Find("params"); params && params->is_list()) {
        for (const data::Node& param : params->items()) {
          auto type = Type::Parse(param.string_value(), type_params);
          if (!type.ok()) return where + ": " + type.status().message();
          decl_out.params.push_back(*type);
        }
      }
      if (const data::Node* result = overload.Find("result"); result && result->is_string()) {
        auto type = Type::Parse(result->string_value(), type_params);
        if (!type.ok()) return where + ": " + type.status().message();
        decl_out.result = *type;
      }
      function.overloads.push_back(std::move(decl_out));
    }
    env.DeclareFunction(std::move(function));
  }
  return "";
}

}  // namespace

std::string EvaluateBatchLine(std::string_view line, const BatchOptions& options) {
  if (line.size() > options.max_line_bytes) {
    return ErrorLine("input line longer than " + std::to_string(options.max_line_bytes) + " bytes");
  }
  auto document = data::ReadJson(line, "<line>");
  if (!document.ok()) return ErrorLine(document.status().message());
  const data::Node& root = *document->root;
  if (!root.is_map()) return ErrorLine("each line must be a JSON object");
  const data::Node* expr = root.Find("expr");
  if (expr == nullptr || !expr->is_string()) return ErrorLine("missing string field `expr`");

  std::shared_ptr<Env> env = Env::Create();
  if (const data::Node* container = root.Find("container"); container && container->is_string()) {
    env->set_container(std::string(container->string_value()));
  }
  if (const data::Node* type_env = root.Find("type_env")) {
    std::string error = DeclareTypeEnv(*type_env, *env);
    if (!error.empty()) return ErrorLine(error);
  }

  // Bindings are decoded first: undeclared names are declared `dyn`.
  EvalState state;
  Arena binding_arena(options.limits.max_memory_bytes);
  ValueFactory factory(binding_arena);
  std::vector<std::pair<std::string, Value>> bindings;
  if (const data::Node* bound = root.Find("bindings")) {
    if (!bound->is_map()) return ErrorLine("`bindings` must be an object");
    for (const data::MapEntry& entry : bound->entries()) {
      auto value = DecodeTypedValue(entry.value, factory, "bindings." + std::string(entry.key()));
      if (!value.ok()) return ErrorLine(value.status().message());
      bindings.emplace_back(std::string(entry.key()), *value);
      if (!env->SlotOf(entry.key())) env->DeclareVariable(std::string(entry.key()), Type::Dyn());
    }
  }

  CompileOptions compile;
  compile.check = !GetBool(root, "disable_check");
  compile.parse.enable_macros = !GetBool(root, "disable_macros");
  compile.limits = options.limits;
  CompileResult compiled = env->Compile(expr->string_value(), compile);
  if (!compiled.ok()) {
    std::string message;
    for (const Issue& issue : compiled.issues) {
      if (!message.empty()) message += "; ";
      message += issue.message;
    }
    return ErrorLine(message);
  }
  std::string type_suffix;
  if (compile.check) {
    type_suffix = ",\"type\":";
    warden::AppendJsonString(type_suffix, compiled.type.ToString());
  }
  if (GetBool(root, "check_only")) {
    // Without checking there is no type to report: an empty object.
    return type_suffix.empty() ? "{}" : "{" + type_suffix.substr(1) + "}";
  }

  Activation activation(*env);
  for (const auto& [name, value] : bindings) activation.Bind(name, value);
  Value result = compiled.program->Evaluate(activation, state);
  if (result.is_error()) return ErrorLine(result.error().message);
  std::string out = "{\"value\":";
  EncodeTypedValue(result, out);
  out += type_suffix;
  out += "}";
  return out;
}

}  // namespace warden::cel
