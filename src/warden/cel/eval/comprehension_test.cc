// Comprehensions (the macros all, exists, exists_one, map, filter, transformList,
// transformMap, with one or two variables) and cel.bind.

#include <gtest/gtest.h>

#include "warden/cel/eval/eval_testing.h"

namespace warden::cel {
namespace {

using eval_testing::ExpectErrors;
using eval_testing::ExpectValues;
using eval_testing::Harness;
using eval_testing::kFalse;
using eval_testing::kTrue;

constexpr std::string_view kBindings = R"({
  "x": 1, "zero": 0, "l": [1, 2, 3], "empty": [], "n": {"a": 1, "b": 2},
  "items": [{"name": "a", "ok": true}, {"name": "b", "ok": false}]
})";

TEST(ComprehensionTest, Quantifiers) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"l.all(i, i > 0)", kTrue},
                            {"l.all(i, i > 1)", kFalse},
                            {"l.exists(i, i == 2)", kTrue},
                            {"l.exists(i, i == 5)", kFalse},
                            {"l.exists_one(i, i > 2)", kTrue},
                            {"l.exists_one(i, i > 1)", kFalse},
                            {"l.exists_one(i, i > 5)", kFalse},
                            {"empty.all(i, false)", kTrue},
                            {"empty.exists(i, true)", kFalse},
                            {"n.all(k, n[k] > 0)", kTrue},
                            {"n.exists(k, k == 'b')", kTrue},
                            {"items.exists(it, it.name == 'b' && !it.ok)", kTrue},
                            {"items.all(it, it.ok)", kFalse},
                        });
}

TEST(ComprehensionTest, QuantifiersAbsorbErrorsLikeAndOr) {
  Harness harness(kBindings);
  // i / (i - 1) fails for i == 1 only.
  ExpectValues(harness, {
                            {"l.all(i, i / (i - 1) < 0)", kFalse},
                            {"l.exists(i, i / (i - 1) == 2)", kTrue},
                            {"[2, 1].all(i, i / (i - 1) < 0)", kFalse},
                            {"[1, 2].exists(i, i / (i - 1) == 2)", kTrue},
                        });
  ExpectErrors(harness, {
                            {"l.all(i, i / (i - 1) > 0)", "division by zero"},
                            {"l.exists(i, i / (i - 1) == 99)", "division by zero"},
                            // exists_one does not short-circuit: any error is the result.
                            {"l.exists_one(i, i / (i - 1) == 2)", "division by zero"},
                            {"l.all(i, x / zero == 1)", "division by zero"},
                        });
}

TEST(ComprehensionTest, MapAndFilter) {
  Harness harness(kBindings);
  ExpectValues(harness,
               {
                   {"l.map(i, i * 2)", R"({"list":[{"int":"2"},{"int":"4"},{"int":"6"}]})"},
                   {"l.filter(i, i % 2 == 1)", R"({"list":[{"int":"1"},{"int":"3"}]})"},
                   {"l.map(i, i > 1, i * 10)", R"({"list":[{"int":"20"},{"int":"30"}]})"},
                   {"empty.map(i, i)", R"({"list":[]})"},
                   {"n.map(k, k)", R"({"list":[{"string":"a"},{"string":"b"}]})"},
                   {"n.filter(k, n[k] > 1)", R"({"list":[{"string":"b"}]})"},
                   {"items.filter(it, it.ok).map(it, it.name)", R"({"list":[{"string":"a"}]})"},
                   {"l.map(i, l.map(j, i * j))[2][2]", R"({"int":"9"})"},
               });
  ExpectErrors(harness, {
                            {"l.map(i, i / (i - 1))", "division by zero"},
                            {"l.filter(i, i / (i - 1) > 0)", "division by zero"},
                            {"l.map(i, i > 1, i / (i - 2))", "division by zero"},
                            {"l.filter(i, i)", "no matching overload"},
                            {"x.all(i, true)", "cannot be iterated over"},
                            {"x.map(i, i)", "cannot be iterated over"},
                            {"(x / zero).exists(i, true)", "division by zero"},
                        });
}

TEST(ComprehensionTest, TwoVariableForms) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"l.all(i, v, v > i)", kTrue},
                            {"l.exists(i, v, i == 2 && v == 3)", kTrue},
                            {"l.exists(i, v, i == v)", kFalse},
                            {"n.all(k, v, v > 0)", kTrue},
                            {"n.exists_one(k, v, v == 2)", kTrue},
                            {"n.exists(k, v, k == 'a' && v == 2)", kFalse},
                        });
  ExpectErrors(harness, {
                            {"l.all(i, v, v / i > 0)", "division by zero"},
                            {"n.exists_one(k, v, v / (v - 1) > 0)", "division by zero"},
                        });
}

TEST(ComprehensionTest, TransformListAndTransformMap) {
  Harness harness(kBindings);
  ExpectValues(
      harness,
      {
          {"l.transformList(i, v, v * i)", R"({"list":[{"int":"0"},{"int":"2"},{"int":"6"}]})"},
          {"l.transformList(i, v, i > 0, v)", R"({"list":[{"int":"2"},{"int":"3"}]})"},
          {"n.transformList(k, v, k + string(v))", R"({"list":[{"string":"a1"},{"string":"b2"}]})"},
          {"l.transformMap(i, v, v * 2)",
           R"({"map":[[{"int":"0"},{"int":"2"}],[{"int":"1"},{"int":"4"}],[{"int":"2"},{"int":"6"}]]})"},
          {"n.transformMap(k, v, v + 1)",
           R"({"map":[[{"string":"a"},{"int":"2"}],[{"string":"b"},{"int":"3"}]]})"},
          {"n.transformMap(k, v, v > 1, v)", R"({"map":[[{"string":"b"},{"int":"2"}]]})"},
      });
  ExpectErrors(harness, {
                            {"l.transformList(i, v, v / i)", "division by zero"},
                            {"n.transformMap(k, v, v / (v - 1))", "division by zero"},
                        });
}

TEST(ComprehensionTest, NestedComprehensionsKeepTheirOwnVariables) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"l.all(i, l.exists(j, j == i))", kTrue},
                            {"l.exists(i, l.all(j, j <= i))", kTrue},
                            {"l.map(i, l.filter(i, i > 2).size())",
                             R"({"list":[{"int":"1"},{"int":"1"},{"int":"1"}]})"},
                            // The inner `i` shadows the outer one only inside.
                            {"l.map(i, [i].map(i, i * 10)[0] + i)",
                             R"({"list":[{"int":"11"},{"int":"22"},{"int":"33"}]})"},
                        });
}

TEST(ComprehensionTest, CelBind) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"cel.bind(y, x + 1, y * y)", R"({"int":"4"})"},
                            {"cel.bind(x, 10, x + 1)", R"({"int":"11"})"},  // shadows `x`
                            {"cel.bind(a, 1, cel.bind(b, a + 1, a + b))", R"({"int":"3"})"},
                            {"cel.bind(s, l.map(i, i * 2), s[0] + s[2])", R"({"int":"8"})"},
                            {"cel.bind(y, x, y) + x", R"({"int":"2"})"},
                            {"cel.bind(y, x / zero, 1)", R"({"int":"1"})"},
                            {"cel.bind(y, [1, 2], l.all(i, i in y || i == 3))", kTrue},
                        });
  ExpectErrors(harness, {
                            {"cel.bind(y, x / zero, y + 1)", "division by zero"},
                        });
}

}  // namespace
}  // namespace warden::cel
