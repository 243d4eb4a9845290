// Runs the type checker over the cel-spec conformance cases (shared/conformance/cel-spec,
// FORMAT.md there): every case that is type-checked upstream is parsed and checked
// against its `type_env` (plus every binding not in it, declared `dyn`) in its
// container. A case passes when
//  * it expects a type: the check is clean and deduces exactly that type;
//  * it is `check_only` and expects an error: the check reports an issue;
//  * it expects a value: the check is clean (a false check error is a bug);
//  * it expects an error at run time: anything (the failure may come later).
// Prints a per-file summary and fails on every case that does not pass.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "warden/cel/check/checker.h"
#include "warden/cel/check/testing/json_value.h"
#include "warden/cel/parse/parser.h"

namespace warden::cel {
namespace {

using testing::JsonValue;

struct FileStats {
  int checked = 0;
  int passed = 0;
  int type_expectations = 0;
  int runtime_errors_rejected_at_check = 0;  // informational
  int unchecked = 0;                         // disable_check cases
  int unchecked_rejected = 0;                // ... that the checker rejects
  std::vector<std::string> failures;
};

std::string CasesPath() {
  const char* source_dir = std::getenv("WARDEN_SOURCE_DIR");
  if (source_dir == nullptr) return "";
  return std::string(source_dir) + "/../shared/conformance/cel-spec/cases.jsonl";
}

// Declares the case's type environment; returns false with `error` on a bad declaration.
bool BuildEnv(const JsonValue& test_case, CheckEnv& env, std::string& error) {
  if (const JsonValue* container = test_case.Find("container")) env.container = container->text();
  std::set<std::string> declared;
  if (const JsonValue* type_env = test_case.Find("type_env")) {
    for (const JsonValue& decl : type_env->items()) {
      const std::string& name = decl.Find("name")->text();
      declared.insert(name);
      if (const JsonValue* ident = decl.Find("ident")) {
        StatusOr<Type> type = Type::Parse(ident->text());
        if (!type.ok()) {
          error = type.status().message();
          return false;
        }
        env.variables.push_back(VariableDecl{name, *type});
        continue;
      }
      FunctionDecl function{name, {}};
      for (const JsonValue& overload_json : decl.Find("function")->items()) {
        OverloadDecl overload;
        overload.id = overload_json.Find("overload_id")->text();
        overload.member = overload_json.IsTrue("member");
        if (const JsonValue* params = overload_json.Find("type_params")) {
          for (const JsonValue& param : params->items())
            overload.type_params.push_back(param.text());
        }
        for (const JsonValue& param : overload_json.Find("params")->items()) {
          StatusOr<Type> type = Type::Parse(param.text(), overload.type_params);
          if (!type.ok()) {
            error = type.status().message();
            return false;
          }
          overload.params.push_back(*type);
        }
        StatusOr<Type> result =
            Type::Parse(overload_json.Find("result")->text(), overload.type_params);
        if (!result.ok()) {
          error = result.status().message();
          return false;
        }
        overload.result = *result;
        function.overloads.push_back(std::move(overload));
      }
      env.functions.push_back(std::move(function));
    }
  }
  for (const auto& [name, value] : test_case.Find("bindings")->members()) {
    if (declared.count(name) == 0) env.variables.push_back(VariableDecl{name, Type::Dyn()});
  }
  return true;
}

// Every node a clean check visits has a type free of type parameters; nodes under a
// select resolved as a qualified variable name, and the receiver of a namespaced call
// (`math.greatest(...)`), are not visited.
std::string UntypedNode(const Expr* expr, const CheckResult& result) {
  if (expr == nullptr) return "";
  auto type = result.types.find(expr->id);
  if (type == result.types.end()) return "node " + std::to_string(expr->id) + " has no type";
  if (type->second.HasTypeParams()) {
    return "node " + std::to_string(expr->id) + " has type " + type->second.ToString();
  }
  auto reference = result.references.find(expr->id);
  bool resolved = reference != result.references.end();
  std::vector<const Expr*> children;
  switch (expr->kind) {
    case ExprKind::kSelect:
      if (!resolved) children.push_back(expr->operand.get());
      break;
    case ExprKind::kCall:
      if (!resolved || !reference->second.namespaced_call) {
        children.push_back(expr->operand.get());
      }
      for (const ExprPtr& arg : expr->args) children.push_back(arg.get());
      break;
    case ExprKind::kList:
      for (const ExprPtr& element : expr->args) children.push_back(element.get());
      break;
    case ExprKind::kMap:
    case ExprKind::kStruct:
      for (const MapEntryExpr& entry : expr->entries) {
        children.push_back(entry.key.get());
        children.push_back(entry.value.get());
      }
      break;
    case ExprKind::kComprehension:
      children = {expr->iter_range.get(), expr->accu_init.get(), expr->loop_condition.get(),
                  expr->loop_step.get(), expr->result.get()};
      break;
    default:
      break;
  }
  for (const Expr* child : children) {
    std::string problem = UntypedNode(child, result);
    if (!problem.empty()) return problem;
  }
  return "";
}

std::string DescribeIssues(const std::vector<Issue>& issues) {
  std::string out;
  for (const Issue& issue : issues) {
    if (!out.empty()) out += "; ";
    out += "@" + std::to_string(issue.offset) + " " + issue.message;
  }
  return out;
}

// Checks one case; returns "" when it passes, else the reason.
std::string RunCase(const JsonValue& test_case, FileStats& stats) {
  ParseOptions options;
  options.enable_macros = !test_case.IsTrue("disable_macros");
  ParseResult parsed = Parse(test_case.Find("expr")->text(), options);
  if (!parsed.ok()) return "parse error: " + DescribeIssues(parsed.issues);

  CheckEnv env;
  std::string env_error;
  if (!BuildEnv(test_case, env, env_error)) return "bad type_env: " + env_error;
  CheckResult result = Check(parsed.parsed, env);

  if (result.ok()) {
    std::string problem = UntypedNode(parsed.parsed.expr.get(), result);
    if (!problem.empty()) return problem;
  }

  const JsonValue& expect = *test_case.Find("expect");
  if (const JsonValue* type = expect.Find("type")) {
    ++stats.type_expectations;
    if (!result.ok()) return "unexpected check error: " + DescribeIssues(result.issues);
    if (result.result_type.ToString() != type->text()) {
      return "type `" + result.result_type.ToString() + "`, expected `" + type->text() + "`";
    }
    return "";
  }
  if (expect.IsTrue("error")) {
    if (test_case.IsTrue("check_only") && result.ok()) {
      return "expected a check error, got type `" + result.result_type.ToString() + "`";
    }
    if (!result.ok()) ++stats.runtime_errors_rejected_at_check;
    return "";
  }
  if (!result.ok()) return "unexpected check error: " + DescribeIssues(result.issues);
  return "";
}

// Cases upstream does not type-check (their expressions are ill-typed on purpose, or
// rely on unchecked evaluation): how many the checker rejects, for information.
void CountUncheckedCase(const JsonValue& test_case, FileStats& stats) {
  ++stats.unchecked;
  ParseResult parsed = Parse(test_case.Find("expr")->text());
  CheckEnv env;
  std::string env_error;
  if (!parsed.ok() || !BuildEnv(test_case, env, env_error)) return;
  if (!Check(parsed.parsed, env).ok()) ++stats.unchecked_rejected;
}

TEST(ConformanceCheckTest, EveryCheckedCaseTypesAsExpected) {
  std::string path = CasesPath();
  std::ifstream input(path);
  if (path.empty() || !input) {
    GTEST_SKIP() << "conformance cases not found: set WARDEN_SOURCE_DIR so that "
                    "$WARDEN_SOURCE_DIR/../shared/conformance/cel-spec/cases.jsonl exists";
  }
  std::map<std::string, FileStats> stats_by_file;
  std::string line;
  int line_number = 0;
  while (std::getline(input, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::optional<JsonValue> test_case = JsonValue::Parse(line);
    ASSERT_TRUE(test_case.has_value()) << "malformed JSON on line " << line_number;
    FileStats& stats = stats_by_file[test_case->Find("file")->text()];
    if (test_case->IsTrue("disable_check")) {
      CountUncheckedCase(*test_case, stats);
      continue;
    }
    ++stats.checked;
    std::string failure = RunCase(*test_case, stats);
    if (failure.empty()) {
      ++stats.passed;
      continue;
    }
    stats.failures.push_back(test_case->Find("id")->text() + " `" +
                             test_case->Find("expr")->text() + "`: " + failure);
  }

  int total_checked = 0;
  int total_passed = 0;
  std::cout << "conformance check results (file: passed/checked):\n";
  for (const auto& [file, stats] : stats_by_file) {
    if (stats.checked == 0 && stats.unchecked == 0) continue;
    total_checked += stats.checked;
    total_passed += stats.passed;
    std::cout << "  " << file << ": " << stats.passed << "/" << stats.checked;
    if (stats.type_expectations > 0) std::cout << ", type expectations " << stats.type_expectations;
    if (stats.runtime_errors_rejected_at_check > 0) {
      std::cout << ", runtime-error cases rejected at check "
                << stats.runtime_errors_rejected_at_check;
    }
    if (stats.unchecked > 0) {
      std::cout << "; disable_check cases rejected by the checker " << stats.unchecked_rejected
                << "/" << stats.unchecked;
    }
    std::cout << "\n";
    for (const std::string& failure : stats.failures) ADD_FAILURE() << failure;
  }
  std::cout << "  total: " << total_passed << "/" << total_checked << "\n";
  EXPECT_GT(total_checked, 0);
}

}  // namespace
}  // namespace warden::cel
