// Node offsets and ids.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/parse/parser.h"

namespace warden::cel {
namespace {

// Pre-order "label@offset" for every node and map/message entry.
class OffsetCollector {
 public:
  std::vector<std::string> Collect(const Expr& expr) {
    Visit(expr);
    return std::move(out_);
  }

 private:
  void Visit(const ExprPtr& expr) {
    if (expr != nullptr) Visit(*expr);
  }

  void Visit(const Expr& expr) {
    std::string label;
    switch (expr.kind) {
      case ExprKind::kConstant:
        label = "const";
        break;
      case ExprKind::kIdent:
        label = "ident:" + expr.name;
        break;
      case ExprKind::kSelect:
        label = "select:" + expr.name;
        break;
      case ExprKind::kCall:
        label = "call:" + expr.name;
        break;
      case ExprKind::kList:
        label = "list";
        break;
      case ExprKind::kMap:
        label = "map";
        break;
      case ExprKind::kStruct:
        label = "struct:" + expr.message_name;
        break;
      case ExprKind::kComprehension:
        label = "fold";
        break;
    }
    out_.push_back(label + "@" + std::to_string(expr.offset));
    Visit(expr.operand);
    for (const ExprPtr& arg : expr.args) Visit(arg);
    for (const MapEntryExpr& entry : expr.entries) {
      out_.push_back("entry@" + std::to_string(entry.offset));
      Visit(entry.key);
      Visit(entry.value);
    }
    Visit(expr.iter_range);
  }

  std::vector<std::string> out_;
};

std::vector<std::string> Offsets(std::string_view text) {
  ParseResult result = Parse(text);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.issues[0].message);
  if (!result.ok()) return {};
  return OffsetCollector().Collect(*result.parsed.expr);
}

using OffsetList = std::vector<std::string>;

TEST(PositionsTest, OperatorsPointAtTheirOperator) {
  //                           0123456789012345678901234
  EXPECT_EQ(Offsets("a + b * c"),
            (OffsetList{"call:_+_@2", "ident:a@0", "call:_*_@6", "ident:b@4", "ident:c@8"}));
  EXPECT_EQ(Offsets("a ? b : c"),
            (OffsetList{"call:_?_:_@2", "ident:a@0", "ident:b@4", "ident:c@8"}));
  EXPECT_EQ(Offsets("a && b || c"),
            (OffsetList{"call:_||_@7", "call:_&&_@2", "ident:a@0", "ident:b@5", "ident:c@10"}));
  EXPECT_EQ(Offsets("x in y"), (OffsetList{"call:@in@2", "ident:x@0", "ident:y@5"}));
  EXPECT_EQ(Offsets(" !!!x"), (OffsetList{"call:!_@1", "ident:x@4"}));
  EXPECT_EQ(Offsets("-x"), (OffsetList{"call:-_@0", "ident:x@1"}));
  EXPECT_EQ(Offsets("(a)"), (OffsetList{"ident:a@1"}));
}

TEST(PositionsTest, LiteralsAndNamesPointAtTheirFirstCharacter) {
  EXPECT_EQ(Offsets("  -1"), (OffsetList{"const@2"}));
  EXPECT_EQ(Offsets(" - 1.5"), (OffsetList{"const@1"}));
  EXPECT_EQ(Offsets(" b'x'"), (OffsetList{"const@1"}));
  EXPECT_EQ(Offsets(" .a.b"), (OffsetList{"select:b@3", "ident:.a@1"}));
  EXPECT_EQ(Offsets(" f(x)"), (OffsetList{"call:f@1", "ident:x@3"}));
  EXPECT_EQ(Offsets(" .f(x)"), (OffsetList{"call:.f@1", "ident:x@4"}));
}

TEST(PositionsTest, MembersPointAtTheirDotOrBracket) {
  //                           0123456789012
  EXPECT_EQ(Offsets("a.b.c(d)[e]"), (OffsetList{"call:_[_]@8", "call:c@3", "select:b@1",
                                                "ident:a@0", "ident:d@6", "ident:e@9"}));
  EXPECT_EQ(Offsets("a.?b"), (OffsetList{"call:_?._@1", "ident:a@0", "const@3"}));
  EXPECT_EQ(Offsets("a[?b]"), (OffsetList{"call:_[?_]@1", "ident:a@0", "ident:b@3"}));
}

TEST(PositionsTest, AggregatesAndEntries) {
  //                           012345678901234567890123
  EXPECT_EQ(Offsets("[1, ?2]"), (OffsetList{"list@0", "const@1", "const@5"}));
  EXPECT_EQ(Offsets("{1: 2, ?3: 4}"), (OffsetList{"map@0", "entry@1", "const@1", "const@4",
                                                  "entry@7", "const@8", "const@11"}));
  EXPECT_EQ(Offsets(" a.Msg{f: 1, ?g: 2}"),
            (OffsetList{"struct:a.Msg@1", "entry@7", "const@10", "entry@13", "const@17"}));
}

TEST(PositionsTest, OffsetsAreBytesOnLaterLines) {
  //                           0 1 2345678
  EXPECT_EQ(Offsets("'\xc3\xa9'\n+ x"), (OffsetList{"call:_+_@5", "const@0", "ident:x@7"}));
}

// Checks that ids are unique, positive, below next_id, and that every child's id is
// below its parent's (ids are handed out from the leaves up).
void CollectIds(const Expr& expr, std::set<int64_t>& ids, int64_t next_id) {
  EXPECT_GT(expr.id, 0);
  EXPECT_LT(expr.id, next_id);
  EXPECT_TRUE(ids.insert(expr.id).second) << "duplicate id " << expr.id;
  auto visit = [&](const ExprPtr& child, int64_t parent_id) {
    if (child == nullptr) return;
    EXPECT_LT(child->id, parent_id);
    CollectIds(*child, ids, next_id);
  };
  visit(expr.operand, expr.id);
  for (const ExprPtr& arg : expr.args) visit(arg, expr.id);
  for (const MapEntryExpr& entry : expr.entries) {
    EXPECT_GT(entry.id, 0);
    EXPECT_LT(entry.id, expr.id);
    EXPECT_TRUE(ids.insert(entry.id).second) << "duplicate entry id " << entry.id;
    visit(entry.key, entry.id);
    visit(entry.value, entry.id);
  }
  visit(expr.iter_range, expr.id);
  visit(expr.accu_init, expr.id);
  visit(expr.loop_condition, expr.id);
  visit(expr.loop_step, expr.id);
  visit(expr.result, expr.id);
}

TEST(PositionsTest, IdsAreUniqueAndGrowFromTheLeavesUp) {
  static constexpr std::string_view kSources[] = {
      "a + b.c(d)[e] && !f ? [1, {2: 3}] : M{x: -4}",
      "[1, 2].map(x, x * 2).filter(y, y > 2).exists_one(z, z == 4)",
      "o.optMap(v, v.optFlatMap(w, optional.of(w)))",
      "cel.bind(a, {1: [2]}, a.transformMapEntry(k, v, {v: k}))",
      "has(m.f) && M{f: [?x]}.?g.optMap(y, y[0]) && l.filter(z, z).transformMap(i, v, v)",
      "cel.block([1, {2: cel.index(0)}], x.all(i, v, i < v))",
  };
  for (std::string_view source : kSources) {
    SCOPED_TRACE(std::string(source));
    ParseResult result = Parse(source);
    ASSERT_TRUE(result.ok());
    std::set<int64_t> ids;
    CollectIds(*result.parsed.expr, ids, result.parsed.next_id);
  }
}

TEST(PositionsTest, ChildrenHaveSmallerIdsThanParentsWithoutMacros) {
  ParseResult result = Parse("a + b * f(c, [d])");
  ASSERT_TRUE(result.ok());
  const Expr& add = *result.parsed.expr;
  EXPECT_LT(add.args[0]->id, add.id);
  EXPECT_LT(add.args[1]->id, add.id);
  EXPECT_LT(add.args[0]->id, add.args[1]->id);
  EXPECT_EQ(result.parsed.next_id, add.id + 1);
}

}  // namespace
}  // namespace warden::cel
