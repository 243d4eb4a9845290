// Macro expansion shapes (documented in macros.h), their MacroKind tags, offsets, and
// argument errors.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "warden/cel/parse/test_util.h"

namespace warden::cel {
namespace {

using testing::ParseToString;

struct Case {
  std::string_view source;
  std::string_view expected;  // DebugString, or "ERROR <offset>: <message>"
};

void RunCases(const Case* begin, const Case* end, const ParseOptions& options = {}) {
  for (const Case* c = begin; c != end; ++c) {
    SCOPED_TRACE(std::string(c->source));
    EXPECT_EQ(ParseToString(c->source, options), c->expected);
  }
}

TEST(MacrosTest, OneVariableComprehensionsExpand) {
  static constexpr Case kCases[] = {
      {"has(a.b)", "has(a.b)"},
      {"has(a.b.c)", "has(a.b.c)"},
      {"e.all(x, p)",
       "(fold:all x e @result true (@not_strictly_false @result) (_&&_ @result p) @result)"},
      {"e.exists(x, p)",
       "(fold:exists x e @result false (@not_strictly_false (!_ @result)) (_||_ @result p) "
       "@result)"},
      {"e.exists_one(x, p)",
       "(fold:exists_one x e @result 0 true (_?_:_ p (_+_ @result 1) @result) "
       "(_==_ @result 1))"},
      {"e.existsOne(x, p)",
       "(fold:exists_one x e @result 0 true (_?_:_ p (_+_ @result 1) @result) "
       "(_==_ @result 1))"},
      {"e.map(x, f)", "(fold:map x e @result [] true (_+_ @result [f]) @result)"},
      {"e.map(x, p, f)",
       "(fold:map_filter x e @result [] true (_?_:_ p (_+_ @result [f]) @result) @result)"},
      {"e.filter(x, p)",
       "(fold:filter x e @result [] true (_?_:_ p (_+_ @result [x]) @result) @result)"},
      {"[1, 2].all(x, x > 0)",
       "(fold:all x [1 2] @result true (@not_strictly_false @result) "
       "(_&&_ @result (_>_ x 0)) @result)"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, TwoVariableComprehensionsExpand) {
  static constexpr Case kCases[] = {
      {"e.all(i, v, p)",
       "(fold:all i,v e @result true (@not_strictly_false @result) (_&&_ @result p) @result)"},
      {"e.exists(i, v, p)",
       "(fold:exists i,v e @result false (@not_strictly_false (!_ @result)) "
       "(_||_ @result p) @result)"},
      {"e.existsOne(i, v, p)",
       "(fold:exists_one i,v e @result 0 true (_?_:_ p (_+_ @result 1) @result) "
       "(_==_ @result 1))"},
      {"e.exists_one(i, v, p)",
       "(fold:exists_one i,v e @result 0 true (_?_:_ p (_+_ @result 1) @result) "
       "(_==_ @result 1))"},
      {"e.transformList(i, v, f)",
       "(fold:transform_list i,v e @result [] true (_+_ @result [f]) @result)"},
      {"e.transformList(i, v, p, f)",
       "(fold:transform_list i,v e @result [] true (_?_:_ p (_+_ @result [f]) @result) "
       "@result)"},
      {"e.transformMap(k, v, f)",
       "(fold:transform_map k,v e @result {} true (cel.@mapInsert @result k f) @result)"},
      {"e.transformMap(k, v, p, f)",
       "(fold:transform_map k,v e @result {} true "
       "(_?_:_ p (cel.@mapInsert @result k f) @result) @result)"},
      {"e.transformMapEntry(k, v, f)",
       "(fold:transform_map_entry k,v e @result {} true (cel.@mapInsert @result f) @result)"},
      {"e.transformMapEntry(k, v, p, f)",
       "(fold:transform_map_entry k,v e @result {} true "
       "(_?_:_ p (cel.@mapInsert @result f) @result) @result)"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, BindingsAndOptionalsExpand) {
  static constexpr Case kCases[] = {
      {"cel.bind(x, 1, x + 1)", "(fold:bind #unused [] x 1 false x (_+_ x 1))"},
      {"cel.bind(a, 1, cel.bind(b, a, b))",
       "(fold:bind #unused [] a 1 false a (fold:bind #unused [] b a false b b))"},
      {"o.optMap(v, v + 1)",
       "(_?_:_ (o:hasValue) (optional.of (fold:opt_map #unused [] v (o:value) false v "
       "(_+_ v 1))) (optional.none))"},
      {"o.optFlatMap(v, f(v))",
       "(_?_:_ (o:hasValue) (fold:opt_flat_map #unused [] v (o:value) false v (f v)) "
       "(optional.none))"},
      {"a.b.optMap(v, v)",
       "(_?_:_ (a.b:hasValue) (optional.of (fold:opt_map #unused [] v (a.b:value) false v v)) "
       "(optional.none))"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, BlockFormsExpand) {
  static constexpr Case kCases[] = {
      {"cel.block([1, cel.index(0) + 1], cel.index(1))",
       "(cel.@block [1 (_+_ @index0 1)] @index1)"},
      {"cel.block([], 1)", "(cel.@block [] 1)"},
      {"[1].exists(cel.iterVar(0, 0), cel.iterVar(0, 0) > 0)",
       "(fold:exists @it:0:0 [1] @result false (@not_strictly_false (!_ @result)) "
       "(_||_ @result (_>_ @it:0:0 0)) @result)"},
      {"cel.accuVar(1, 2)", "@ac:1:2"},
      {"cel.index(12)", "@index12"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, NonMatchingCallsStayCalls) {
  static constexpr Case kCases[] = {
      {"has(a)", "ERROR 4: invalid argument to has() macro"},
      {"has(a, b)", "(has a b)"},
      {"x.has(a.b)", "(x:has a.b)"},
      {"all(x, p)", "(all x p)"},
      {"e.all(x)", "(e:all x)"},
      {"e.all(a, b, c, d)", "(e:all a b c d)"},
      {"e.map(x)", "(e:map x)"},
      {"e.filter(i, v, p)", "(e:filter i v p)"},
      {"e.transformList(v, f)", "(e:transformList v f)"},
      {"x.bind(a, b, c)", "(x:bind a b c)"},
      {".cel.bind(a, b, c)", "(.cel:bind a b c)"},
      {"cel.x.bind(a, b, c)", "(cel.x:bind a b c)"},
      {"cel.bind(a, b)", "(cel:bind a b)"},
      {"bind(a, b, c)", "(bind a b c)"},
      {"x.block([], 1)", "(x:block [] 1)"},
      {"o.optMap(v)", "(o:optMap v)"},
      {"optMap(v, f)", "(optMap v f)"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, MacrosCanBeDisabled) {
  ParseOptions options;
  options.enable_macros = false;
  static constexpr Case kCases[] = {
      {"has(a.b)", "(has a.b)"},
      {"e.all(x, p)", "(e:all x p)"},
      {"e.all(x.y, p)", "(e:all x.y p)"},
      {"e.map(x, p, f)", "(e:map x p f)"},
      {"cel.bind(x, 1, x)", "(cel:bind x 1 x)"},
      {"cel.index(0)", "(cel:index 0)"},
      {"o.optMap(v, v)", "(o:optMap v v)"},
  };
  RunCases(std::begin(kCases), std::end(kCases), options);
}

TEST(MacrosTest, InvalidMacroArgumentsAreErrors) {
  static constexpr Case kCases[] = {
      {"has(a)", "ERROR 4: invalid argument to has() macro"},
      {"has(a[0])", "ERROR 5: invalid argument to has() macro"},
      {"has(a.?b)", "ERROR 5: invalid argument to has() macro"},
      {"has(f(x))", "ERROR 4: invalid argument to has() macro"},
      {"has(1)", "ERROR 4: invalid argument to has() macro"},
      {"e.all(x.y, p)", "ERROR 7: the iteration variable of `all()` must be a simple name"},
      {"e.exists(1, p)", "ERROR 9: the iteration variable of `exists()` must be a simple name"},
      {"e.exists_one(.x, p)",
       "ERROR 13: the iteration variable of `exists_one()` must be a simple name"},
      {"e.map(f(x), x)", "ERROR 6: the iteration variable of `map()` must be a simple name"},
      {"e.filter('x', p)", "ERROR 9: the iteration variable of `filter()` must be a simple name"},
      {"e.all(i, 1, p)", "ERROR 9: the iteration variable of `all()` must be a simple name"},
      {"e.all(x, x, p)", "ERROR 9: duplicate iteration variable `x` in `all()`"},
      {"e.transformMap(k, k, f)", "ERROR 18: duplicate iteration variable `k` in `transformMap()`"},
      {"e.transformList(a.b, v, f)",
       "ERROR 17: the iteration variable of `transformList()` must be a simple name"},
      {"cel.bind(a.b, 1, 2)", "ERROR 10: the variable of `cel.bind()` must be a simple name"},
      {"o.optMap(1, 2)", "ERROR 9: the variable of `optMap()` must be a simple name"},
      {"o.optFlatMap(a.b, 2)", "ERROR 14: the variable of `optFlatMap()` must be a simple name"},
      {"cel.block(x, 1)", "ERROR 10: first argument of `cel.block()` must be a list literal"},
      {"cel.index(-1)", "ERROR 10: `cel.index()` takes one non-negative int literal"},
      {"cel.index(x)", "ERROR 10: `cel.index()` takes one non-negative int literal"},
      {"cel.index(1u)", "ERROR 10: `cel.index()` takes one non-negative int literal"},
      {"cel.iterVar(0, 'a')", "ERROR 15: `cel.iterVar()` takes two non-negative int literals"},
      {"cel.accuVar(-1, 0)", "ERROR 12: `cel.accuVar()` takes two non-negative int literals"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(MacrosTest, MacroErrorsDoNotStopTheParse) {
  ParseResult result = Parse("has(a) && e.all(1, p) && has(b)");
  ASSERT_EQ(result.issues.size(), 3u);
  EXPECT_EQ(result.issues[0].offset, 4);
  EXPECT_EQ(result.issues[1].offset, 16);
  EXPECT_EQ(result.issues[2].offset, 29);
  EXPECT_EQ(result.issues[0].help, "has() takes a field selection such as `has(a.b)`");
}

TEST(MacrosTest, ExpansionRootsCarryTheirMacroKind) {
  struct KindCase {
    std::string_view source;
    MacroKind kind;
  };
  static constexpr KindCase kCases[] = {
      {"has(a.b)", MacroKind::kHas},
      {"e.all(x, p)", MacroKind::kAll},
      {"e.all(i, v, p)", MacroKind::kAll},
      {"e.exists(x, p)", MacroKind::kExists},
      {"e.exists_one(x, p)", MacroKind::kExistsOne},
      {"e.existsOne(i, v, p)", MacroKind::kExistsOne},
      {"e.map(x, f)", MacroKind::kMap},
      {"e.map(x, p, f)", MacroKind::kMapFilter},
      {"e.filter(x, p)", MacroKind::kFilter},
      {"e.transformList(i, v, f)", MacroKind::kTransformList},
      {"e.transformMap(i, v, f)", MacroKind::kTransformMap},
      {"e.transformMapEntry(i, v, f)", MacroKind::kTransformMapEntry},
      {"o.optMap(v, f)", MacroKind::kOptMap},
      {"o.optFlatMap(v, f)", MacroKind::kOptFlatMap},
      {"cel.bind(v, i, r)", MacroKind::kBind},
      {"cel.block([1], r)", MacroKind::kBlock},
      {"e.size()", MacroKind::kNone},
  };
  for (const KindCase& c : kCases) {
    SCOPED_TRACE(std::string(c.source));
    ParseResult result = Parse(c.source);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.parsed.expr->macro, c.kind);
  }
  ParseResult has = Parse("has(a.b)");
  EXPECT_TRUE(has.parsed.expr->test_only);
  EXPECT_EQ(has.parsed.expr->kind, ExprKind::kSelect);
  ParseResult opt_map = Parse("o.optMap(v, f)");
  EXPECT_EQ(opt_map.parsed.expr->args[1]->args[0]->macro, MacroKind::kOptMap);
}

TEST(MacrosTest, HelperNodesPointAtTheMacroCall) {
  //                               0123456789012345678
  ParseResult result = Parse("items.all(x, x > 0)");
  ASSERT_TRUE(result.ok());
  const Expr& fold = *result.parsed.expr;
  EXPECT_EQ(fold.offset, 5);                       // the `.`
  EXPECT_EQ(fold.iter_range->offset, 0);           // `items`
  EXPECT_EQ(fold.accu_init->offset, 5);            // synthesized `true`
  EXPECT_EQ(fold.loop_condition->offset, 5);       // @not_strictly_false(@result)
  EXPECT_EQ(fold.loop_step->offset, 5);            // _&&_
  EXPECT_EQ(fold.loop_step->args[1]->offset, 15);  // the predicate's `>`
  EXPECT_EQ(fold.result->offset, 5);

  ParseResult has = Parse("  has(a.b)");
  ASSERT_TRUE(has.ok());
  EXPECT_EQ(has.parsed.expr->offset, 2);
  EXPECT_EQ(has.parsed.expr->operand->offset, 6);
}

TEST(MacrosTest, OptMapCopiesTheTargetWithFreshIds) {
  ParseResult result = Parse("a.b.optMap(v, v)");
  ASSERT_TRUE(result.ok());
  const Expr& has_value = *result.parsed.expr->args[0];
  const Expr& value = *result.parsed.expr->args[1]->args[0]->accu_init;
  ASSERT_NE(has_value.operand, nullptr);
  ASSERT_NE(value.operand, nullptr);
  EXPECT_NE(has_value.operand->id, value.operand->id);
  EXPECT_NE(has_value.operand->operand->id, value.operand->operand->id);
  EXPECT_EQ(has_value.operand->offset, value.operand->offset);
  EXPECT_EQ(DebugString(*has_value.operand), DebugString(*value.operand));
}

}  // namespace
}  // namespace warden::cel
