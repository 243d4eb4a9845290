// Checker behaviour on hand-built ASTs (independent of the parser).

#include "warden/cel/check/checker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/check/testing/ast_builder.h"

namespace warden::cel {
namespace {

using testing::AstBuilder;

CheckEnv EnvWith(std::vector<VariableDecl> variables, std::string container = "") {
  CheckEnv env;
  env.variables = std::move(variables);
  env.container = std::move(container);
  return env;
}

TEST(CheckerTest, ConstantsHaveTheirPrimitiveTypes) {
  AstBuilder b;
  ParsedExpr parsed =
      b.Finish(b.List(b.Int(1), b.Uint(2), b.Double(3), b.String("s"), b.Bool(true), b.Null()));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type.ToString(), "list(dyn)");
  const std::vector<std::string> expected = {"int",    "uint", "double",
                                             "string", "bool", "null_type"};
  for (size_t elem_idx = 0; elem_idx < expected.size(); ++elem_idx) {
    EXPECT_EQ(result.types.at(parsed.expr->args[elem_idx]->id).ToString(), expected[elem_idx]);
  }
}

TEST(CheckerTest, ArithmeticResolvesTheOverloadAndRecordsIt) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kAdd, b.Int(1), b.Int(2)));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Int());
  const Reference& reference = result.references.at(parsed.expr->id);
  EXPECT_EQ(reference.name, "_+_");
  EXPECT_EQ(reference.overload_ids, std::vector<std::string>{"add_int64"});
}

TEST(CheckerTest, MismatchedOperandsReportNoMatchingOverload) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kAdd, b.Int(1), b.String("a")));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message,
            "found no matching overload for `_+_` applied to `(int, string)`");
  EXPECT_EQ(result.issues[0].offset, parsed.expr->offset);
  EXPECT_EQ(result.result_type, Type::Error());
}

TEST(CheckerTest, DynArgumentsMatchSeveralOverloads) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kLess, b.Ident("x"), b.Int(1)));
  CheckResult result = Check(parsed, EnvWith({{"x", Type::Dyn()}}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Bool());
  EXPECT_EQ(result.references.at(parsed.expr->id).overload_ids,
            (std::vector<std::string>{"less_int64", "less_uint64_int64", "less_double_int64"}));
}

TEST(CheckerTest, UndeclaredIdentifierNamesTheContainerAndSuggests) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Ident("severty"));
  CheckResult result = Check(parsed, EnvWith({{"severity", Type::String()}}, "acme"));
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "undeclared reference to `severty` (in container `acme`)");
  EXPECT_EQ(result.issues[0].help, "did you mean `severity`?");
}

TEST(CheckerTest, ContainerResolutionPrefersTheMostQualifiedName) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Ident("y"));
  CheckResult result = Check(parsed, EnvWith({{"x.y", Type::Bool()}, {"y", Type::String()}}, "x"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Bool());
  EXPECT_EQ(result.references.at(parsed.expr->id).name, "x.y");
}

TEST(CheckerTest, LeadingDotResolvesFromTheRoot) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Ident(".y"));
  CheckResult result = Check(parsed, EnvWith({{"x.y", Type::Bool()}, {"y", Type::String()}}, "x"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::String());
  EXPECT_EQ(result.references.at(parsed.expr->id).name, "y");
}

TEST(CheckerTest, QualifiedNameResolvesOnTheOutermostNode) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Select(b.Select(b.Ident("a"), "b"), "c"));
  CheckResult result =
      Check(parsed,
            EnvWith({{"a.b.c", Type::String()}, {"a.b", Type::Map(Type::String(), Type::Int())}}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::String());
  EXPECT_EQ(result.references.at(parsed.expr->id).name, "a.b.c");
  EXPECT_EQ(result.references.size(), 1u);
  EXPECT_EQ(result.types.count(parsed.expr->operand->id), 0u);
}

TEST(CheckerTest, SelectOnAMapVariableUsesTheLongestDeclaredPrefix) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Select(b.Select(b.Ident("a"), "b"), "c"));
  CheckResult result = Check(parsed, EnvWith({{"a.b", Type::Map(Type::String(), Type::Int())}}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Int());
  EXPECT_EQ(result.references.count(parsed.expr->id), 0u);
  EXPECT_EQ(result.references.at(parsed.expr->operand->id).name, "a.b");
}

TEST(CheckerTest, SelectOnAnIntIsAnError) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Select(b.Ident("a"), "pancakes"));
  CheckResult result = Check(parsed, EnvWith({{"a", Type::Int()}}));
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "type `int` does not support field selection");
}

TEST(CheckerTest, MisspeltDottedVariableIsReportedWholeWithASuggestion) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Select(b.Ident("request"), "auht"));
  CheckResult result = Check(parsed, EnvWith({{"request.auth", Type::String()}}));
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "undeclared reference to `request.auht`");
  EXPECT_EQ(result.issues[0].help, "did you mean `request.auth`?");
}

TEST(CheckerTest, HasOnAMapIsBool) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Select(b.Map(b.String("a"), b.Int(1)), "a", true));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Bool());
}

TEST(CheckerTest, ListLiteralsJoinElementTypes) {
  struct Case {
    std::string name;
    ExprPtr (*build)(AstBuilder&);
    std::string type;
  };
  const std::vector<Case> cases = {
      {"empty", [](AstBuilder& b) { return b.List(); }, "list(dyn)"},
      {"ints", [](AstBuilder& b) { return b.List(b.Int(1), b.Int(2)); }, "list(int)"},
      {"mixed", [](AstBuilder& b) { return b.List(b.Int(1), b.String("a")); }, "list(dyn)"},
      {"nested empty", [](AstBuilder& b) { return b.List(b.List(), b.List(b.Int(1))); },
       "list(list(int))"},
      {"empty map", [](AstBuilder& b) { return b.Map(); }, "map(dyn, dyn)"},
      {"map", [](AstBuilder& b) { return b.Map(b.String("a"), b.Int(1)); }, "map(string, int)"},
      {"mixed keys",
       [](AstBuilder& b) { return b.Map(b.String("a"), b.Int(1), b.Int(2), b.Int(3)); },
       "map(dyn, int)"},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    AstBuilder b;
    ParsedExpr parsed = b.Finish(test_case.build(b));
    CheckResult result = Check(parsed, {});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.result_type.ToString(), test_case.type);
  }
}

TEST(CheckerTest, ComprehensionVariablesTakeTheElementType) {
  AstBuilder b;
  ExprPtr predicate = b.Call(op::kGreater, b.Ident("x"), b.Int(0));
  ParsedExpr parsed = b.Finish(b.All(b.List(b.Int(1), b.Int(2)), "x", std::move(predicate)));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok()) << result.issues[0].message;
  EXPECT_EQ(result.result_type, Type::Bool());
}

TEST(CheckerTest, ComprehensionVariablesShadowGlobals) {
  AstBuilder b;
  // [1].map(y, y + 1) in container `x`, where `x.y` is a string.
  ExprPtr transform = b.Call(op::kAdd, b.Ident("y"), b.Int(1));
  ParsedExpr parsed = b.Finish(b.MapMacro(b.List(b.Int(1)), "y", std::move(transform)));
  CheckResult result = Check(parsed, EnvWith({{"x.y", Type::String()}}, "x"));
  ASSERT_TRUE(result.ok()) << result.issues[0].message;
  EXPECT_EQ(result.result_type.ToString(), "list(int)");
}

TEST(CheckerTest, ComprehensionOverAnIntIsAnError) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.All(b.Int(3), "x", b.Bool(true)));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message,
            "expression of type `int` cannot be the range of a comprehension (must be list, "
            "map, or dynamic)");
}

TEST(CheckerTest, StructLiteralsAreUnknownMessages) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Struct("Msg"));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "unknown message type `Msg`");
}

TEST(CheckerTest, TypeNamesAreTypeValues) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kEquals, b.Call("type", b.Int(1)), b.Ident("int")));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Bool());
  EXPECT_EQ(result.types.at(parsed.expr->args[1]->id).ToString(), "type(int)");
  EXPECT_EQ(result.types.at(parsed.expr->args[0]->id).ToString(), "type(int)");
}

TEST(CheckerTest, NamespacedFunctionCallsIgnoreTheReceiver) {
  AstBuilder b;
  ParsedExpr parsed =
      b.Finish(b.Member(b.Ident("math"), "greatest", b.Int(1), b.Double(2), b.Uint(3)));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok()) << result.issues[0].message;
  EXPECT_EQ(result.result_type, Type::Dyn());
  EXPECT_EQ(result.references.at(parsed.expr->id).name, "math.greatest");
  EXPECT_TRUE(result.references.at(parsed.expr->id).namespaced_call);
  EXPECT_EQ(result.types.count(parsed.expr->operand->id), 0u);
}

TEST(CheckerTest, MisspeltFunctionsGetASuggestion) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Member(b.String("abc"), "sise"));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "undeclared reference to `sise`");
  EXPECT_EQ(result.issues[0].help, "did you mean `size`?");

  AstBuilder b2;
  ParsedExpr namespaced = b2.Finish(b2.Member(b2.Ident("math"), "greates", b2.Int(1)));
  result = Check(namespaced, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "undeclared reference to `math.greates`");
  EXPECT_EQ(result.issues[0].help, "did you mean `math.greatest`?");
}

TEST(CheckerTest, MemberCallsUseMemberOverloads) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Member(b.String("abc"), "size"));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Int());
  EXPECT_EQ(result.references.at(parsed.expr->id).overload_ids,
            std::vector<std::string>{"string_size"});
  EXPECT_FALSE(result.references.at(parsed.expr->id).namespaced_call);
}

TEST(CheckerTest, OptionalSelectionWrapsTheFieldType) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kOptSelect, b.Ident("m"), b.String("f")));
  CheckResult result = Check(parsed, EnvWith({{"m", Type::Map(Type::String(), Type::Int())}}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type.ToString(), "optional_type(int)");
}

TEST(CheckerTest, BlockSlotsHaveTheirBindingTypes) {
  AstBuilder b;
  ExprPtr bindings = b.List(b.Int(1), b.Call(op::kAdd, b.Ident("@index0"), b.Int(1)));
  ParsedExpr parsed =
      b.Finish(b.Call("cel.@block", std::move(bindings), b.Call("string", b.Ident("@index1"))));
  CheckResult result = Check(parsed, {});
  ASSERT_TRUE(result.ok()) << result.issues[0].message;
  EXPECT_EQ(result.result_type, Type::String());
}

TEST(CheckerTest, ExtraOverloadsMergeWithStandardFunctions) {
  CheckEnv env;
  env.functions.push_back(
      FunctionDecl{"size", {OverloadDecl{"size_bool", {Type::Bool()}, Type::Int(), false, {}}}});
  AstBuilder b;
  ParsedExpr parsed =
      b.Finish(b.Call(op::kAdd, b.Call("size", b.Bool(true)), b.Call("size", b.String("a"))));
  CheckResult result = Check(parsed, env);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.result_type, Type::Int());
}

TEST(CheckerTest, IssuesAreSortedByOffset) {
  AstBuilder b;
  ParsedExpr parsed = b.Finish(b.Call(op::kAdd, b.Ident("zz"), b.Ident("aa")));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 2u);
  EXPECT_LT(result.issues[0].offset, result.issues[1].offset);
}

TEST(CheckerTest, OverlyDeepExpressionsAreReportedNotOverflowed) {
  AstBuilder b;
  ExprPtr expr = b.Int(0);
  for (int level = 0; level < 5000; ++level) expr = b.Call(op::kNegate, std::move(expr));
  ParsedExpr parsed = b.Finish(std::move(expr));
  CheckResult result = Check(parsed, {});
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].message, "expression is nested too deeply to check");
}

TEST(CheckerTest, MissingExpressionIsAnIssue) {
  CheckResult result = Check(ParsedExpr{}, {});
  EXPECT_FALSE(result.ok());
}

}  // namespace
}  // namespace warden::cel
