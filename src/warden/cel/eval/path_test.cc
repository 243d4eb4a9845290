// Field paths (`a.b.c`, `has(a.b.c)`) are fused into one step with a per-field position
// hint. The hint is only a guess: documents of changing shapes, native maps, optionals,
// long keys, large indexed maps and unbound variables must all give the same results
// as plain field-by-field selection.

#include <gtest/gtest.h>

#include <string>

#include "warden/cel/eval/eval_testing.h"

namespace warden::cel {
namespace {

using eval_testing::ExpectErrors;
using eval_testing::ExpectValues;
using eval_testing::Harness;
using eval_testing::kFalse;
using eval_testing::kTrue;

TEST(PathTest, KeysAtDifferentPositionsInEachElement) {
  // The same key moves around; every lookup after a miss of the hint must still find it.
  Harness harness(R"({"l": [{"a": {"b": 1}, "x": 0}, {"x": 0, "y": 0, "a": {"z": 0, "b": 2}},
                            {"a": {"b": 3}}, {"q": 1, "a": {"b": 4}}]})");
  ExpectValues(harness, {
                            {"l.map(m, m.a.b)",
                             R"({"list":[{"int":"1"},{"int":"2"},{"int":"3"},{"int":"4"}]})"},
                            {"l.all(m, has(m.a.b))", kTrue},
                            {"l.exists(m, has(m.y))", kTrue},
                            {"l.filter(m, has(m.q)).map(m, m.a.b)", R"({"list":[{"int":"4"}]})"},
                        });
}

TEST(PathTest, RepeatedEvaluationAfterTheShapeChanges) {
  Harness harness(R"({"l": [{"k1": 1, "k2": 2}, {"k2": 20, "k1": 10}]})");
  auto program = harness.Compile("l.map(m, m.k2)");
  ASSERT_NE(program, nullptr);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(harness.Run(*program), R"({"list":[{"int":"2"},{"int":"20"}]})");
  }
}

TEST(PathTest, MissingKeysAndNonMaps) {
  Harness harness(R"({"o": {"a": {"b": 1}, "n": 5, "s": "text"}})");
  ExpectValues(harness, {
                            {"has(o.a.b)", kTrue},
                            {"has(o.a.c)", kFalse},
                            {"has(o.z)", kFalse},
                        });
  ExpectErrors(harness, {
                            {"o.a.c", "no such key: `c`"},
                            {"o.z.b", "no such key: `z`"},
                            {"o.n.b", "does not support field selection"},
                            {"has(o.s.x)", "does not support field selection"},
                            {"has(o.z.b)", "no such key: `z`"},
                        });
}

TEST(PathTest, NativeMapsOptionalsAndLocals) {
  Harness harness;
  ExpectValues(harness,
               {
                   {"{'a': {'b': 7}}.a.b", R"({"int":"7"})"},
                   {"cel.bind(x, {'a': {'b': 8}}, x.a.b)", R"({"int":"8"})"},
                   {"cel.bind(x, {'a': {'b': 8}}, has(x.a.b))", kTrue},
                   {"cel.bind(x, optional.of({'a': 1}), x.a)", R"({"optional":{"int":"1"}})"},
                   {"cel.bind(x, optional.none(), has(x.a))", kFalse},
                   {"[{'a': {'b': 1}}, {'a': {'b': 2}}].map(m, m.a.b)",
                    R"({"list":[{"int":"1"},{"int":"2"}]})"},
               });
}

TEST(PathTest, LongKeysAndLargeMaps) {
  std::string big = R"({"o": {)";
  for (int key = 0; key < 40; ++key) {
    if (key > 0) big += ", ";
    big += "\"key" + std::to_string(key) +
           "\": {\"a_key_longer_than_sixteen_bytes\": " + std::to_string(key) + "}";
  }
  big += "}}";
  Harness harness(big);
  ExpectValues(harness, {
                            {"o.key0.a_key_longer_than_sixteen_bytes", R"({"int":"0"})"},
                            {"o.key39.a_key_longer_than_sixteen_bytes", R"({"int":"39"})"},
                            {"has(o.key17.a_key_longer_than_sixteen_bytes)", kTrue},
                            {"has(o.key40)", kFalse},
                        });
}

TEST(PathTest, UnboundVariable) {
  Harness harness(R"({"o": {"a": 1}})");
  harness.env().DeclareVariable("unbound", Type::Dyn());
  ExpectErrors(harness, {
                            {"unbound.a", "no value bound to `unbound`"},
                            {"unbound.a.b.c.d", "no value bound to `unbound`"},
                        });
  ExpectValues(harness, {{"unbound.a.b || true", kTrue}});
}

}  // namespace
}  // namespace warden::cel
