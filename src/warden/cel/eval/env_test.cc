#include "warden/cel/eval/env.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/eval_testing.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

using eval_testing::kTrue;

// Evaluates a compiled program with the given name/value bindings.
std::string Evaluate(const Env& env, const CompileResult& compiled,
                     std::initializer_list<std::pair<std::string_view, Value>> bindings = {}) {
  if (!compiled.ok()) return "compile error: " + compiled.FormatIssues();
  Activation activation(env);
  for (const auto& [name, value] : bindings) activation.Bind(name, value);
  EvalState state;
  return EncodeTypedValue(compiled.program->Evaluate(activation, state));
}

TEST(EnvTest, CompileSucceedsWithProgramAndCheckedType) {
  auto env = Env::Create();
  env->DeclareVariable("n", Type::Int());
  CompileResult compiled = env->Compile("n * 2 + 1");
  ASSERT_TRUE(compiled.ok()) << compiled.FormatIssues();
  ASSERT_NE(compiled.program, nullptr);
  EXPECT_TRUE(compiled.issues.empty());
  EXPECT_EQ(compiled.type.ToString(), "int");
  EXPECT_EQ(compiled.source.text, "n * 2 + 1");
  EXPECT_EQ(Evaluate(*env, compiled, {{"n", Value::Int(20)}}), R"({"int":"41"})");
}

TEST(EnvTest, CompileFailuresHaveIssuesAndNoProgram) {
  auto env = Env::Create();
  env->DeclareVariable("n", Type::Int());
  const char* kBad[] = {
      "1 +",          // syntax
      "n +* 2",       // syntax
      "missing + 1",  // undeclared name
      "n + 'a'",      // no overload for (int, string)
      "n.size()",     // no overload for a receiver of type int
      "[1, 2].all(x)",
  };
  for (const char* expr : kBad) {
    SCOPED_TRACE(expr);
    CompileResult compiled = env->Compile(expr);
    EXPECT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.program, nullptr);
    EXPECT_FALSE(compiled.issues.empty());
  }
}

TEST(EnvTest, FormatIssuesPointsIntoTheEnclosingFile) {
  auto env = Env::Create();
  env->DeclareVariable("x", Type::Int());
  // The expression starts at line 12, column 18 of policy.yaml; the error is on its
  // second line, where columns are the file's own.
  CompileResult compiled = env->Compile("x == 1 &&\n  nope > 2");
  ASSERT_FALSE(compiled.ok());
  std::string text = compiled.FormatIssues({"policy.yaml", 12, 18});
  EXPECT_EQ(text.find("policy.yaml:13:3: error: "), 0u) << text;
  EXPECT_NE(text.find("`nope`"), std::string::npos) << text;
  EXPECT_NE(text.find("\n   |   nope > 2\n   |   ^\n"), std::string::npos) << text;
}

TEST(EnvTest, FormatIssuesShiftsColumnsOnTheFirstLine) {
  auto env = Env::Create();
  CompileResult compiled = env->Compile("1 + nope");
  ASSERT_FALSE(compiled.ok());
  std::string text = compiled.FormatIssues({"policy.yaml", 12, 18});
  EXPECT_EQ(text.find("policy.yaml:12:22: error: "), 0u) << text;
  EXPECT_NE(text.find("\n   | 1 + nope\n   |     ^\n"), std::string::npos) << text;
}

TEST(EnvTest, FormatIssuesCountsColumnsInCodePoints) {
  auto env = Env::Create();
  CompileResult compiled = env->Compile("'\xC3\xA9\xE2\x82\xAC' + nope");
  ASSERT_FALSE(compiled.ok());
  std::string text = compiled.FormatIssues();
  EXPECT_EQ(text.find("<expr>:1:8: error: "), 0u) << text;
  EXPECT_NE(text.find("\n   |        ^\n"), std::string::npos) << text;
}

TEST(EnvTest, FormatIssuesOfASyntaxError) {
  auto env = Env::Create();
  CompileResult compiled = env->Compile("a &&\n(b ||");
  ASSERT_FALSE(compiled.ok());
  std::string text = compiled.FormatIssues({"rules.yaml", 3, 5});
  EXPECT_EQ(text.find("rules.yaml:4:"), 0u) << text;
  EXPECT_NE(text.find("\n   | (b ||\n"), std::string::npos) << text;
}

TEST(EnvTest, RedeclaringAVariableKeepsItsSlotAndChangesItsType) {
  auto env = Env::Create();
  EXPECT_EQ(env->DeclareVariable("a", Type::String()), 0u);
  EXPECT_EQ(env->DeclareVariable("b", Type::Int()), 1u);
  EXPECT_EQ(env->DeclareVariable("a", Type::Int()), 0u);
  EXPECT_EQ(env->slot_count(), 2u);
  EXPECT_EQ(env->SlotOf("a"), 0u);
  EXPECT_EQ(env->SlotOf("b"), 1u);
  EXPECT_EQ(env->SlotOf("c"), std::nullopt);
  ASSERT_EQ(env->variables().size(), 2u);
  EXPECT_EQ(env->variables()[0].type.ToString(), "int");
  // The new type is what the checker sees.
  CompileResult compiled = env->Compile("a + b");
  EXPECT_EQ(Evaluate(*env, compiled, {{"a", Value::Int(1)}, {"b", Value::Int(2)}}),
            R"({"int":"3"})");
}

TEST(EnvTest, DeclaredButUnboundVariableIsAnErrorValue) {
  auto env = Env::Create();
  env->DeclareVariable("x", Type::Int());
  CompileResult compiled = env->Compile("x + 1");
  std::string result = Evaluate(*env, compiled);
  EXPECT_NE(result.find("no value bound to `x`"), std::string::npos) << result;
}

TEST(EnvTest, ALaterBindReplacesTheValue) {
  auto env = Env::Create();
  env->DeclareVariable("x", Type::Int());
  CompileResult compiled = env->Compile("x");
  ASSERT_TRUE(compiled.ok());
  Activation activation(*env);
  activation.Bind("x", Value::Int(1));
  activation.Bind("x", Value::Int(2));
  EvalState state;
  EXPECT_EQ(EncodeTypedValue(compiled.program->Evaluate(activation, state)), R"({"int":"2"})");
}

TEST(EnvTest, ContainerResolvesShortNames) {
  auto env = Env::Create();
  env->set_container("a.b");
  env->DeclareVariable("a.b.c", Type::Int());
  env->DeclareVariable("a.x", Type::Int());
  env->DeclareVariable("a.b.x", Type::Int());
  env->DeclareVariable("x", Type::Int());
  std::initializer_list<std::pair<std::string_view, Value>> bindings = {{"a.b.c", Value::Int(1)},
                                                                        {"a.x", Value::Int(2)},
                                                                        {"a.b.x", Value::Int(3)},
                                                                        {"x", Value::Int(4)}};
  struct Case {
    const char* expr;
    const char* expected;
  };
  const Case kCases[] = {
      {"c", R"({"int":"1"})"},   {"a.b.c", R"({"int":"1"})"},
      {"x", R"({"int":"3"})"},    // the innermost container wins
      {"b.x", R"({"int":"3"})"},  // a.b.x through container `a`
      {".x", R"({"int":"4"})"},   // a leading dot names the root scope
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.expr);
    EXPECT_EQ(Evaluate(*env, env->Compile(test.expr), bindings), test.expected);
  }
  EXPECT_FALSE(env->Compile(".c").ok()) << "`.c` is not in the root scope";
}

TEST(EnvTest, QualifiedVariableNameBeatsFieldSelection) {
  auto docs = data::ReadJson(R"({"c": 1, "d": 3})", "<a.b>");
  ASSERT_TRUE(docs.ok());
  auto env = Env::Create();
  env->DeclareVariable("a.b", Type::Map(Type::String(), Type::Int()));
  env->DeclareVariable("a.b.c", Type::Int());
  std::initializer_list<std::pair<std::string_view, Value>> bindings = {
      {"a.b", Value::FromNode(*docs->root)}, {"a.b.c", Value::Int(2)}};
  // `a.b.c` is the variable of that name (the longest match), not field `c` of `a.b`.
  EXPECT_EQ(Evaluate(*env, env->Compile("a.b.c"), bindings), R"({"int":"2"})");
  EXPECT_EQ(Evaluate(*env, env->Compile("a.b.d"), bindings), R"({"int":"3"})");
  EXPECT_EQ(Evaluate(*env, env->Compile("a.b['c']"), bindings), R"({"int":"1"})");
  EXPECT_EQ(Evaluate(*env, env->Compile("has(a.b.d)"), bindings), kTrue);
}

TEST(EnvTest, TypeNamesAreValues) {
  auto env = Env::Create();
  const char* kTrueExprs[] = {
      "type(1) == int",
      "type(1u) == uint",
      "type(1.5) == double",
      "type('s') == string",
      "type(b's') == bytes",
      "type(true) == bool",
      "type(null) == null_type",
      "type([1]) == list",
      "type({'a': 1}) == map",
      "type(int) == type",
      "type(timestamp(0)) == google.protobuf.Timestamp",
      "type(duration('1s')) == google.protobuf.Duration",
      "int != uint",
      "type(1) != type(1u)",
  };
  for (const char* expr : kTrueExprs) {
    SCOPED_TRACE(expr);
    EXPECT_EQ(Evaluate(*env, env->Compile(expr)), kTrue);
  }
}

TEST(EnvTest, WithoutCheckingUndeclaredNamesAreRuntimeErrors) {
  auto env = Env::Create();
  CompileOptions options;
  options.check = false;
  EXPECT_FALSE(env->Compile("missing + 1").ok());  // checked: a compile error
  CompileResult compiled = env->Compile("missing + 1", options);
  ASSERT_TRUE(compiled.ok()) << compiled.FormatIssues();
  EXPECT_EQ(compiled.type.ToString(), "dyn");
  std::string unbound = Evaluate(*env, compiled);
  EXPECT_NE(unbound.find("undeclared reference to `missing`"), std::string::npos) << unbound;
  // Binding the undeclared name makes it available by name.
  EXPECT_EQ(Evaluate(*env, compiled, {{"missing", Value::Int(41)}}), R"({"int":"42"})");
}

TEST(EnvTest, WithoutCheckingOverloadMismatchesAreRuntimeErrors) {
  auto env = Env::Create();
  CompileOptions options;
  options.check = false;
  CompileResult compiled = env->Compile("1 + 'a'", options);
  ASSERT_TRUE(compiled.ok());
  std::string result = Evaluate(*env, compiled);
  EXPECT_NE(result.find("no matching overload"), std::string::npos) << result;
}

TEST(EnvTest, DeclaredFunctionsAreKnownToTheCheckerOnly) {
  auto env = Env::Create();
  EXPECT_FALSE(env->Compile("twice(2)").ok());
  OverloadDecl overload;
  overload.id = "twice_int";
  overload.params = {Type::Int()};
  overload.result = Type::Int();
  env->DeclareFunction(FunctionDecl{"twice", {overload}});
  CompileResult compiled = env->Compile("twice(2)");
  ASSERT_TRUE(compiled.ok()) << compiled.FormatIssues();
  EXPECT_EQ(compiled.type.ToString(), "int");
  std::string result = Evaluate(*env, compiled);
  EXPECT_EQ(result.rfind(R"({"error":)", 0), 0u) << "no implementation: " << result;
}

TEST(EnvTest, ProgramKeepsItsEnvAlive) {
  auto env = Env::Create();
  env->DeclareVariable("x", Type::Int());
  std::shared_ptr<const Program> program = env->Compile("x * 3").program;
  ASSERT_NE(program, nullptr);
  Activation activation(*env);
  activation.Bind("x", Value::Int(5));
  env.reset();  // the program (and so the activation's Env) stays valid: ASan checks
  EvalState state;
  EXPECT_EQ(EncodeTypedValue(program->Evaluate(activation, state)), R"({"int":"15"})");
}

}  // namespace
}  // namespace warden::cel
