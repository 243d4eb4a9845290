#include "warden/cel/eval/batch.h"

#include <gtest/gtest.h>

#include <string>

#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

// Evaluates one line and checks that the output is one JSON object on one line.
std::string Batch(std::string_view line, const BatchOptions& options = {}) {
  std::string out = EvaluateBatchLine(line, options);
  EXPECT_EQ(out.find('\n'), std::string::npos) << out;
  auto document = data::ReadJson(out, "<output>");
  EXPECT_TRUE(document.ok() && document->root->is_map()) << "not a JSON object: " << out;
  return out;
}

bool IsErrorContaining(const std::string& out, std::string_view fragment) {
  return out.rfind(R"json({"error":)json", 0) == 0 && out.find(fragment) != std::string::npos;
}

struct Case {
  const char* line;
  const char* expected;
};

void ExpectOutputs(std::initializer_list<Case> cases) {
  for (const Case& test : cases) {
    SCOPED_TRACE(test.line);
    EXPECT_EQ(Batch(test.line), test.expected);
  }
}

void ExpectErrors(std::initializer_list<Case> cases) {
  for (const Case& test : cases) {
    SCOPED_TRACE(test.line);
    std::string out = Batch(test.line);
    EXPECT_TRUE(IsErrorContaining(out, test.expected)) << out;
  }
}

TEST(BatchTest, ValueLinesCarryTheCheckedType) {
  ExpectOutputs({
      {R"json({"expr": "1 + 2"})json", R"json({"value":{"int":"3"},"type":"int"})json"},
      {R"json({"expr": "'a' + 'b'"})json", R"json({"value":{"string":"ab"},"type":"string"})json"},
      {R"json({"expr": "[1, 2].map(x, x * 2)"})json",
       R"json({"value":{"list":[{"int":"2"},{"int":"4"}]},"type":"list(int)"})json"},
      {R"json({"expr": "{'k': 1u}"})json",
       R"json({"value":{"map":[[{"string":"k"},{"uint":"1"}]]},"type":"map(string, uint)"})json"},
      {R"json({"expr": "'say \"hi\"\\n'"})json",
       R"json({"value":{"string":"say \"hi\"\n"},"type":"string"})json"},
  });
}

TEST(BatchTest, BindingsAreTypedValues) {
  ExpectOutputs({
      {R"json({"expr": "x + 1", "bindings": {"x": {"int": "41"}}})json",
       R"json({"value":{"int":"42"},"type":"int"})json"},
      {R"json({"expr": "b.size()", "bindings": {"b": {"bytes": "AP/+"}}})json",
       R"json({"value":{"int":"3"},"type":"int"})json"},
      {R"json({"expr": "m[1u]", "bindings": {"m": {"map": [[{"int": "1"}, {"string": "one"}]]}}})json",
       R"json({"value":{"string":"one"},"type":"dyn"})json"},
  });
  ExpectErrors({
      {R"json({"expr": "x", "bindings": []})json", "`bindings` must be an object"},
      {R"json({"expr": "x", "bindings": {"x": {"list": [{"int": "no"}]}}})json",
       "`bindings.x.list[0].int`"},
  });
}

TEST(BatchTest, CheckOnlyReportsTheTypeWithoutEvaluating) {
  ExpectOutputs({
      {R"json({"expr": "1 + 2", "check_only": true})json", R"json({"type":"int"})json"},
      {R"json({"expr": "1 / 0", "check_only": true})json", R"json({"type":"int"})json"},
      {R"json({"expr": "[1].map(x, string(x))", "check_only": true})json",
       R"json({"type":"list(string)"})json"},
  });
  ExpectErrors({{R"json({"expr": "1 + 'a'", "check_only": true})json", "no matching overload"}});
}

TEST(BatchTest, CheckOnlyWithCheckingDisabledHasNoType) {
  EXPECT_EQ(Batch(R"json({"expr": "1 + 2", "check_only": true, "disable_check": true})json"), "{}");
}

TEST(BatchTest, DisableCheckEvaluatesWithoutAType) {
  ExpectOutputs({
      {R"json({"expr": "1 == 1u", "disable_check": true})json",
       R"json({"value":{"bool":true}})json"},
      {R"json({"expr": "1 + 2", "disable_check": false})json",
       R"json({"value":{"int":"3"},"type":"int"})json"},
  });
  ExpectErrors({
      {R"json({"expr": "nope + 1", "disable_check": true})json", "undeclared reference to `nope`"},
      {R"json({"expr": "1 + 'a'", "disable_check": true})json", "no matching overload"},
      {R"json({"expr": "nope + 1"})json", "`nope`"},
  });
}

TEST(BatchTest, DisableMacrosTurnsMacrosIntoPlainCalls) {
  ExpectOutputs({{R"json({"expr": "[1, 2].all(x, x > 0)"})json",
                  R"json({"value":{"bool":true},"type":"bool"})json"}});
  ExpectErrors({
      {R"json({"expr": "[1, 2].all(x, x > 0)", "disable_macros": true})json", "`x`"},
      {R"json({"expr": "has(a.b)", "disable_macros": true, "disable_check": true})json", ""},
  });
}

TEST(BatchTest, ContainerResolvesNames) {
  ExpectOutputs({
      {R"json({"expr": "c", "container": "a.b", "type_env": [{"name": "a.b.c", "ident": "int"}],
           "bindings": {"a.b.c": {"int": "7"}}})json",
       R"json({"value":{"int":"7"},"type":"int"})json"},
  });
  ExpectErrors(
      {{R"json({"expr": "c", "type_env": [{"name": "a.b.c", "ident": "int"}]})json", "`c`"}});
}

TEST(BatchTest, TypeEnvDeclaresVariables) {
  ExpectOutputs({
      {R"json({"expr": "x + 1", "type_env": [{"name": "x", "ident": "int"}],
           "bindings": {"x": {"int": "1"}}})json",
       R"json({"value":{"int":"2"},"type":"int"})json"},
      {R"json({"expr": "m['k'].size()", "type_env": [{"name": "m", "ident": "map(string, list(int))"}],
           "check_only": true})json",
       R"json({"type":"int"})json"},
  });
  ExpectErrors({
      // Declared int, so a string operand is a compile error.
      {R"json({"expr": "x + 'a'", "type_env": [{"name": "x", "ident": "int"}]})json",
       "no matching overload"},
      // Declared but not bound: an evaluation error.
      {R"json({"expr": "x + 1", "type_env": [{"name": "x", "ident": "int"}]})json",
       "no value bound to `x`"},
  });
}

TEST(BatchTest, TypeEnvDeclaresFunctions) {
  ExpectOutputs({
      {R"json({"expr": "f(1)", "check_only": true, "type_env": [{"name": "f", "function": [
           {"overload_id": "f_int", "params": ["int"], "result": "string"}]}]})json",
       R"json({"type":"string"})json"},
      {R"json({"expr": "1.g()", "check_only": true, "type_env": [{"name": "g", "function": [
           {"overload_id": "g_int", "params": ["int"], "result": "bool", "member": true}]}]})json",
       R"json({"type":"bool"})json"},
      {R"json({"expr": "h([1])", "check_only": true, "type_env": [{"name": "h", "function": [
           {"overload_id": "h_list", "params": ["list(A)"], "result": "A",
            "type_params": ["A"]}]}]})json",
       R"json({"type":"int"})json"},
  });
  ExpectErrors({
      {R"json({"expr": "f('a')", "check_only": true, "type_env": [{"name": "f", "function": [
           {"overload_id": "f_int", "params": ["int"], "result": "string"}]}]})json",
       "no matching overload"},
  });
}

TEST(BatchTest, MalformedTypeEnvIsAnErrorLine) {
  ExpectErrors({
      {R"json({"expr": "1", "type_env": {}})json", "`type_env` must be an array"},
      {R"json({"expr": "1", "type_env": [{"ident": "int"}]})json", "`type_env[0]`: missing `name`"},
      {R"json({"expr": "1", "type_env": [{"name": "x"}]})json", "needs `ident` or `function`"},
      {R"json({"expr": "1", "type_env": [{"name": "x", "ident": 5}]})json", "`ident` must be"},
      {R"json({"expr": "1", "type_env": [{"name": "x", "ident": "int"}, {"name": "y", "ident": "list("}]})json",
       "`type_env[1]`"},
      {R"json({"expr": "1", "type_env": [{"name": "f", "function": [{"params": ["nope("]}]}]})json",
       "`type_env[0]`"},
  });
}

TEST(BatchTest, MalformedLinesAreErrorLines) {
  ExpectErrors({
      {"", ""},
      {"{", ""},
      {"not json", ""},
      {R"json({"expr": "1"} trailing)json", ""},
      {"[1, 2]", "each line must be a JSON object"},
      {R"json("expr")json", "each line must be a JSON object"},
      {"{}", "missing string field `expr`"},
      {R"json({"expr": 1})json", "missing string field `expr`"},
      {R"json({"exp": "1"})json", "missing string field `expr`"},
  });
}

TEST(BatchTest, OversizedLineIsAnErrorLine) {
  BatchOptions options;
  options.max_line_bytes = 16;
  std::string line = R"json({"expr": "1 + 2 + 3"})json";
  std::string out = Batch(line, options);
  EXPECT_TRUE(IsErrorContaining(out, "longer than 16 bytes")) << out;
  options.max_line_bytes = line.size();
  EXPECT_EQ(Batch(line, options), R"json({"value":{"int":"6"},"type":"int"})json");
}

TEST(BatchTest, CompileAndEvaluationErrorsAreErrorLines) {
  ExpectErrors({
      {R"json({"expr": "1 +"})json", ""},
      {R"json({"expr": "1 / 0"})json", "division by zero"},
      {R"json({"expr": "[1][2]"})json", "index out of range"},
      {R"json({"expr": "{'a': 1}.b"})json", "no such key: `b`"},
      {R"json({"expr": "9223372036854775807 + 1"})json", "overflow"},
  });
}

TEST(BatchTest, LimitsApply) {
  BatchOptions options;
  options.limits.max_iterations = 10;
  std::string out =
      Batch(R"json({"expr": "[1,2,3,4,5,6,7,8,9,10,11].all(x, x > 0)"})json", options);
  EXPECT_TRUE(IsErrorContaining(out, "iteration limit")) << out;
}

TEST(BatchTest, EachLineIsIndependent) {
  // A declaration or binding on one line does not leak into the next.
  Batch(
      R"json({"expr": "x", "type_env": [{"name": "x", "ident": "int"}], "bindings": {"x": {"int": "1"}}})json");
  EXPECT_TRUE(IsErrorContaining(Batch(R"json({"expr": "x"})json"), "`x`"));
}

}  // namespace
}  // namespace warden::cel
