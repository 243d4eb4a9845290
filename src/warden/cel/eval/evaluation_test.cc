// Evaluation semantics: error propagation and absorption, access, optionals, equality,
// constant folding and documents bound zero-copy. Comprehensions: comprehension_test.cc.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/eval_testing.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"
#include "warden/data/yaml_reader.h"

namespace warden::cel {
namespace {

using eval_testing::ExpectErrors;
using eval_testing::ExpectValues;
using eval_testing::Harness;
using eval_testing::kFalse;
using eval_testing::kTrue;

CompileOptions Unchecked() {
  CompileOptions options;
  options.check = false;
  return options;
}

constexpr std::string_view kBindings = R"({
  "t": true, "f": false, "x": 1, "zero": 0, "s": "str",
  "l": [1, 2, 3],
  "m": {"a": 1, "b": {"c": 2}}
})";

TEST(EvaluationTest, AndOrAbsorbErrorsFromEitherSide) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"f && (x / zero == 1)", kFalse},
                            {"(x / zero == 1) && f", kFalse},
                            {"t || (x / zero == 1)", kTrue},
                            {"(x / zero == 1) || t", kTrue},
                            {"f && s", kFalse},  // non-bool operands are absorbed too
                            {"s && f", kFalse},
                            {"s || t", kTrue},
                            {"t || s", kTrue},
                            {"t && (x / zero == 1) && f", kFalse},  // flattened chains
                            {"f || (x / zero == 1) || f || t", kTrue},
                        });
}

TEST(EvaluationTest, AndOrAbsorbFoldedConstantErrors) {
  Harness harness;
  ExpectValues(harness, {
                            {"false && (1 / 0 == 1)", kFalse},
                            {"(1 / 0 == 1) && false", kFalse},
                            {"true || (1 / 0 == 1)", kTrue},
                            {"(1 / 0 == 1) || true", kTrue},
                        });
}

TEST(EvaluationTest, AndOrReturnErrorsWhenNothingDecides) {
  Harness harness(kBindings);
  ExpectErrors(harness, {
                            {"t && (x / zero == 1)", "division by zero"},
                            {"(x / zero == 1) && t", "division by zero"},
                            {"f || (x / zero == 1)", "division by zero"},
                            {"(x / zero == 1) || f", "division by zero"},
                            {"t && s", "no matching overload"},
                            {"s || f", "no matching overload"},
                            {"!(x / zero == 1)", "division by zero"},
                            {"(1 / 0 == 1) && true", "division by zero"},
                        });
}

TEST(EvaluationTest, TernaryEvaluatesOnlyTheChosenBranch) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"t ? 1 : x / zero", R"({"int":"1"})"},
                            {"f ? x / zero : 2", R"({"int":"2"})"},
                        });
  ExpectErrors(harness, {
                            {"(x / zero == 1) ? 1 : 2", "division by zero"},
                            {"s ? 1 : 2", "no matching overload"},
                            {"t ? x / zero : 2", "division by zero"},
                        });
}

TEST(EvaluationTest, InOperator) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"2 in l", kTrue},
                            {"5 in l", kFalse},
                            {"x in [1, 2]", kTrue},  // constant list fast path
                            {"x in [2, 3]", kFalse},
                            {"'a' in m", kTrue},
                            {"'zz' in m", kFalse},
                            {"'b' in {'a': 1, 'b': 2}", kTrue},
                            {"3 in [1, 2] + l", kTrue},
                        });
  ExpectErrors(harness, {
                            {"(x / zero) in l", "division by zero"},
                            {"(x / zero) in [1, 2]", "division by zero"},
                        });
}

TEST(EvaluationTest, IndexingListsAndMaps) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"l[0]", R"({"int":"1"})"},
                            {"l[2]", R"({"int":"3"})"},
                            {"l[2u]", R"({"int":"3"})"},
                            {"m['b']['c']", R"({"int":"2"})"},
                            {"m.b.c", R"({"int":"2"})"},
                            {"[[1, 2], [3]][1][0]", R"({"int":"3"})"},
                        });
  ExpectErrors(harness, {
                            {"l[3]", "index out of range: 3"},
                            {"l[-1]", "index out of range: -1"},
                            {"l[x + 5]", "index out of range: 6"},
                            {"[1, 2][5]", "index out of range: 5"},
                            {"m.zz", "no such key: `zz`"},
                            {"m['zz']", "no such key: `zz`"},
                            {"m.b.zz", "no such key: `zz`"},
                            {"m.zz.c", "no such key: `zz`"},
                            {"{1: 'a'}[2]", "no such key: 2"},
                            {"{1u: 'a'}[2u]", "no such key: 2u"},
                            {"s.field", "does not support field selection"},
                            {"l[x / zero]", "division by zero"},
                        });
}

TEST(EvaluationTest, MapLookupWithNumericKeysIsHeterogeneous) {
  Harness harness(kBindings, Unchecked());
  ExpectValues(harness, {
                            {"{1: 'a'}[1]", R"({"string":"a"})"},
                            {"{1: 'a'}[1u]", R"({"string":"a"})"},
                            {"{1: 'a'}[1.0]", R"({"string":"a"})"},
                            {"{1u: 'b'}[1]", R"({"string":"b"})"},
                            {"{2u: 'b'}[2.0]", R"({"string":"b"})"},
                            {"{x: 'c'}[x]", R"({"string":"c"})"},
                            {"{true: 1, 1: 2}[true]", R"({"int":"1"})"},
                            {"1u in {1: 'a'}", kTrue},
                            {"1.0 in {1: 'a'}", kTrue},
                            {"1.5 in {1: 'a'}", kFalse},
                        });
  ExpectErrors(harness, {
                            {"{1: 'a'}[1.5]", "no such key"},
                            {"{-1: 'a'}[18446744073709551615u]", "no such key"},
                            {"{1: 'a'}['1']", "no such key: `1`"},
                            {"m[1]", "no such key: 1"},
                            {"{1: 'a', 1u: 'b'}", "repeated key"},
                            {"{1.5: 'a'}", "unsupported key type `double`"},
                        });
}

TEST(EvaluationTest, HeterogeneousEqualityWithoutChecking) {
  Harness harness(kBindings, Unchecked());
  ExpectValues(harness, {
                            {"1 == 1u", kTrue},
                            {"1 == 1.0", kTrue},
                            {"1u == 1.0", kTrue},
                            {"x == 1.0", kTrue},
                            {"1 == 2u", kFalse},
                            {"1 != 1.5", kTrue},
                            {"-1 == 18446744073709551615u", kFalse},
                            {"[1, 2] == [1u, 2.0]", kTrue},
                            {"{'k': 1} == {'k': 1u}", kTrue},
                            {"'1' == 1", kFalse},
                            {"null == 0", kFalse},
                            {"l == [1u, 2u, 3u]", kTrue},
                            {"0.0 / 0.0 == 0.0 / 0.0", kFalse},  // NaN
                        });
}

TEST(EvaluationTest, OptionalSelectionAndIndexing) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"m.?a", R"({"optional":{"int":"1"}})"},
                            {"m.?zz", R"({"optional":null})"},
                            {"m.?b.?c", R"({"optional":{"int":"2"}})"},
                            {"m.?zz.?c", R"({"optional":null})"},
                            {"m.?b.c", R"({"optional":{"int":"2"}})"},  // through an optional
                            {"m.?zz.c", R"({"optional":null})"},
                            {"l[?0]", R"({"optional":{"int":"1"}})"},
                            {"l[?5]", R"({"optional":null})"},
                            {"m[?'a']", R"({"optional":{"int":"1"}})"},
                            {"m[?'zz']", R"({"optional":null})"},
                            {"m.?b['c']", R"({"optional":{"int":"2"}})"},
                            {"has(m.?b.c)", kTrue},
                            {"has(m.?zz.c)", kFalse},
                        });
}

TEST(EvaluationTest, OptionalOrAndOrValue) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"m.?a.orValue(0)", R"({"int":"1"})"},
                            {"m.?zz.orValue(0)", R"({"int":"0"})"},
                            {"m.?zz.or(optional.of(5))", R"({"optional":{"int":"5"}})"},
                            {"m.?a.or(optional.of(5))", R"({"optional":{"int":"1"}})"},
                            {"m.?zz.or(m.?b).orValue({}).c", R"({"int":"2"})"},
                            // The argument is evaluated only when the receiver is empty.
                            {"m.?a.orValue(x / zero)", R"({"int":"1"})"},
                            {"m.?a.or(optional.of(x / zero))", R"({"optional":{"int":"1"}})"},
                        });
  ExpectErrors(harness, {
                            {"m.?zz.orValue(x / zero)", "division by zero"},
                            {"optional.none().or(optional.of(x / zero))", "division by zero"},
                        });
}

TEST(EvaluationTest, OptionalElementsAndEntries) {
  Harness harness(kBindings);
  ExpectValues(harness, {
                            {"[?m.?a, ?m.?zz, 9]", R"({"list":[{"int":"1"},{"int":"9"}]})"},
                            {"[?optional.none()]", R"({"list":[]})"},
                            {"{?'k': m.?zz, 'j': 1}", R"({"map":[[{"string":"j"},{"int":"1"}]]})"},
                            {"{?'k': m.?a}", R"({"map":[[{"string":"k"},{"int":"1"}]]})"},
                        });
}

TEST(EvaluationTest, ConstantFoldingDoesNotChangeResults) {
  // Each pair: an expression over literals (folded at compile time) and the same
  // expression over variables (evaluated every time).
  Harness harness(R"({"one": 1, "two": 2, "three": 3, "zero": 0, "a": "ab", "b": "cd",
                      "l": [1, 2, 3], "t": true, "f": false})");
  const std::pair<const char*, const char*> kPairs[] = {
      {"1 + 2 * 3", "one + two * three"},
      {"'ab' + 'cd'", "a + b"},
      {"[1, 2, 3].map(i, i * 2)", "l.map(i, i * two)"},
      {"[1, 2, 3].filter(i, i > 1)", "l.filter(i, i > one)"},
      {"1 / 0", "one / zero"},
      {"[1, 2, 3][3]", "l[three]"},
      {"{'a': 1}.a", "{a: one}[a]"},
      {"{'a': 1}.zz", "{a: one}['zz']"},
      {"size('ab' + 'cd') == 4", "size(a + b) == 4"},
      {"true && (1 / 0 == 1)", "t && (one / zero == 1)"},
      {"false || (1 / 0 == 1) || true", "f || (one / zero == 1) || t"},
      {"'abc'.startsWith('ab')", "(a + 'c').startsWith('ab')"},
      {"'abc'.matches('^a.c$')", "(a + 'c').matches('^a.c$')"},
      {"[1, 2, 3].exists(i, i == 3)", "l.exists(i, i == three)"},
      {"type(1) == int", "type(one) == int"},
      {"9223372036854775807 + 1", "9223372036854775807 + one"},
      {"optional.of(1).orValue(2)", "optional.of(one).orValue(two)"},
  };
  for (const auto& [folded, runtime] : kPairs) {
    SCOPED_TRACE(folded);
    std::string folded_result = harness.Eval(folded);
    EXPECT_EQ(folded_result, harness.Eval(runtime));
    EXPECT_NE(folded_result, "compile error");
  }
}

TEST(EvaluationTest, JsonDocumentsAreBoundZeroCopy) {
  auto document = data::ReadJson(
      R"({"metadata": {"name": "web", "labels": {"app": "shop"}},
          "spec": {"replicas": 3, "containers": [{"image": "nginx:1.25"}]}})",
      "deploy.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  auto env = Env::Create();
  env->DeclareVariable("object", Type::Dyn());
  Activation activation(*env);
  activation.Bind("object", *document);
  EvalState state;

  auto eval = [&](std::string_view expr) {
    CompileResult compiled = env->Compile(expr);
    EXPECT_TRUE(compiled.ok()) << compiled.FormatIssues();
    return compiled.program->Evaluate(activation, state);
  };
  EXPECT_TRUE(eval("object.spec.replicas > 1 && object.metadata.labels.app == 'shop'").is_true());
  EXPECT_TRUE(eval("object.spec.containers.all(c, c.image.startsWith('nginx'))").is_true());

  // Strings and lists in the result point into the document, not into a copy.
  const data::Node* name_node = document->root->Find("metadata")->Find("name");
  Value name = eval("object.metadata.name");
  ASSERT_EQ(name.kind(), ValueKind::kString);
  EXPECT_EQ(name.string_view(), "web");
  EXPECT_EQ(name.string_view().data(), name_node->string_value().data());
  Value containers = eval("object.spec.containers");
  ASSERT_EQ(containers.kind(), ValueKind::kList);
  EXPECT_TRUE(containers.is_node_backed());
  EXPECT_EQ(containers.node(), document->root->Find("spec")->Find("containers"));

  CompileResult path = env->Compile("object.spec.containers[0].image");
  ASSERT_TRUE(path.ok());
  EvalState fresh;
  EXPECT_EQ(path.program->Evaluate(activation, fresh).string_view(), "nginx:1.25");
  EXPECT_EQ(fresh.arena().bytes_reserved(), 0u) << "reading a document allocates nothing";
}

TEST(EvaluationTest, YamlDocumentsAreBoundZeroCopy) {
  auto documents = data::ReadYaml("kind: A\nn: 1\n---\nkind: B\nn: 2\ntags: [x, y]\n", "s.yaml");
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 2u);
  auto env = Env::Create();
  env->DeclareVariable("first", Type::Dyn());
  env->DeclareVariable("second", Type::Dyn());
  Activation activation(*env);
  activation.Bind("first", (*documents)[0]);
  activation.Bind("second", (*documents)[1]);
  CompileResult compiled =
      env->Compile("first.kind + second.kind + string(first.n + second.n) + second.tags[1]");
  ASSERT_TRUE(compiled.ok()) << compiled.FormatIssues();
  EvalState state;
  Value result = compiled.program->Evaluate(activation, state);
  ASSERT_EQ(result.kind(), ValueKind::kString);
  EXPECT_EQ(result.string_view(), "AB3y");

  CompileResult kind = env->Compile("second.kind");
  Value kind_value = kind.program->Evaluate(activation, state);
  EXPECT_EQ(kind_value.string_view().data(),
            (*documents)[1].root->Find("kind")->string_value().data());
}

}  // namespace
}  // namespace warden::cel
