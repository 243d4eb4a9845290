// DebugString rendering, on hand-built trees (so every form is covered independently
// of the parser) and on partial trees.

#include "warden/cel/parse/ast_debug.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>

namespace warden::cel {
namespace {

ExprPtr Const(Constant constant) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::kConstant;
  expr->constant = std::move(constant);
  return expr;
}

ExprPtr Double(double value) {
  Constant constant;
  constant.kind = ConstantKind::kDouble;
  constant.double_value = value;
  return Const(std::move(constant));
}

ExprPtr Text(ConstantKind kind, std::string value) {
  Constant constant;
  constant.kind = kind;
  constant.string_value = std::move(value);
  return Const(std::move(constant));
}

ExprPtr Ident(std::string name) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::kIdent;
  expr->name = std::move(name);
  return expr;
}

TEST(AstDebugTest, DoublesAlwaysLookLikeDoubles) {
  EXPECT_EQ(DebugString(*Double(1)), "1.0");
  EXPECT_EQ(DebugString(*Double(1.5)), "1.5");
  EXPECT_EQ(DebugString(*Double(-0.0)), "-0.0");
  EXPECT_EQ(DebugString(*Double(1e100)), "1e+100");
  EXPECT_EQ(DebugString(*Double(0.1)), "0.1");
  EXPECT_EQ(DebugString(*Double(std::numeric_limits<double>::infinity())), "inf");
  EXPECT_EQ(DebugString(*Double(std::nan(""))), "nan");
}

TEST(AstDebugTest, StringsAndBytesAreEscaped) {
  EXPECT_EQ(DebugString(*Text(ConstantKind::kString, "a\"b\\c\n\t\x01\xc3\xa9")),
            R"("a\"b\\c\n\t\x01)"
            "\xc3\xa9\"");
  EXPECT_EQ(DebugString(*Text(ConstantKind::kBytes, std::string("a\0\xff", 3))), R"(b"a\x00\xff")");
}

TEST(AstDebugTest, IntegersAndOtherScalars) {
  Constant uint_value;
  uint_value.kind = ConstantKind::kUint;
  uint_value.uint_value = 18446744073709551615u;
  EXPECT_EQ(DebugString(*Const(uint_value)), "18446744073709551615u");
  Constant int_value;
  int_value.kind = ConstantKind::kInt;
  int_value.int_value = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(DebugString(*Const(int_value)), "-9223372036854775808");
  EXPECT_EQ(DebugString(*Const(Constant{})), "null");
}

TEST(AstDebugTest, GlobalAndMemberCallsDiffer) {
  auto global = std::make_unique<Expr>();
  global->kind = ExprKind::kCall;
  global->name = "optional.none";
  EXPECT_EQ(DebugString(*global), "(optional.none)");

  auto member = std::make_unique<Expr>();
  member->kind = ExprKind::kCall;
  member->name = "none";
  member->operand = Ident("optional");
  EXPECT_EQ(DebugString(*member), "(optional:none)");
}

TEST(AstDebugTest, ComprehensionWithoutMacroTag) {
  auto fold = std::make_unique<Expr>();
  fold->kind = ExprKind::kComprehension;
  fold->iter_var = "x";
  fold->iter_range = Ident("r");
  fold->accu_var = "acc";
  fold->accu_init = Ident("i");
  fold->loop_condition = Ident("c");
  fold->loop_step = Ident("s");
  fold->result = Ident("out");
  EXPECT_EQ(DebugString(*fold), "(fold x r acc i c s out)");
  fold->iter_var2 = "y";
  fold->macro = MacroKind::kAll;
  EXPECT_EQ(DebugString(*fold), "(fold:all x,y r acc i c s out)");
}

TEST(AstDebugTest, QuotedFieldNamesAndPartialTrees) {
  auto select = std::make_unique<Expr>();
  select->kind = ExprKind::kSelect;
  select->name = "content-type";
  EXPECT_EQ(DebugString(*select), "<null>.`content-type`");
  select->operand = Ident("headers");
  select->test_only = true;
  EXPECT_EQ(DebugString(*select), "has(headers.`content-type`)");

  auto message = std::make_unique<Expr>();
  message->kind = ExprKind::kStruct;
  message->message_name = ".pkg.Msg";
  MapEntryExpr field;
  field.field = "2x";
  field.optional = true;
  message->entries.push_back(std::move(field));
  EXPECT_EQ(DebugString(*message), ".pkg.Msg{?`2x`:<null>}");
}

}  // namespace
}  // namespace warden::cel
