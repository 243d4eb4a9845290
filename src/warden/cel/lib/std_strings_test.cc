#include <string>

#include "warden/cel/lib/std_testing.h"

namespace warden::cel {
namespace {

using std_testing::IsBool;
using std_testing::IsBytes;
using std_testing::IsError;
using std_testing::IsInt;
using std_testing::IsString;
using std_testing::StdLib;

TEST(StdStringsTest, ConcatenatesStringsAndBytes) {
  struct Case {
    const char* left;
    const char* right;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"he", "llo", "hello"},
      {"", "abc", "abc"},
      {"abc", "", "abc"},
      {"", "", ""},
      {"\u00a2\u00ff", "\u0200", "\u00a2\u00ff\u0200"},
      {"a\u00ff", "\U0001F431", "a\u00ff\U0001F431"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.left) + " + " + test.right);
    StdLib lib;
    EXPECT_TRUE(
        IsString(lib.Global("_+_", {lib.Str(test.left), lib.Str(test.right)}), test.expected));
    EXPECT_TRUE(
        IsBytes(lib.Global("_+_", {lib.Bytes(test.left), lib.Bytes(test.right)}), test.expected));
  }
  StdLib lib;
  EXPECT_TRUE(IsError(lib.Global("_+_", {lib.Str("a"), lib.Bytes("b")}), "no matching overload"));
}

TEST(StdStringsTest, ConcatenationChargesTheCostBudget) {
  StdLib lib(/*cost_budget=*/10);
  const std::string big(8, 'x');
  EXPECT_TRUE(
      IsError(lib.Global("_+_", {lib.Str(big), lib.Str(big)}), "evaluation cost budget exceeded"));
  EXPECT_TRUE(lib.ctx().cost_exceeded());
}

TEST(StdStringsTest, ConcatenationReportsAFullArena) {
  StdLib lib(/*cost_budget=*/10'000'000, /*arena_limit=*/64 * 1024);
  const std::string half(40 * 1024, 'x');
  Value text = Value::String(half);  // static storage, not the arena
  EXPECT_TRUE(IsError(lib.Global("_+_", {text, text}), "memory limit exceeded"));
}

TEST(StdStringsTest, SizeCountsCodePointsOrBytes) {
  struct Case {
    const char* text;
    int64_t code_points;
    int64_t bytes;
  };
  const std::vector<Case> cases = {
      {"", 0, 0},
      {"A", 1, 1},
      {"\u00ff", 1, 2},
      {"four", 4, 4},
      {"\u03c0\u03ad\u03bd\u03c4\u03b5", 5, 10},
      {"\U0001F431\U0001F600", 2, 8},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    StdLib lib;
    for (bool receiver : {false, true}) {
      auto call = [&](const Value& arg) {
        return receiver ? lib.Member("size", {arg}) : lib.Global("size", {arg});
      };
      EXPECT_TRUE(IsInt(call(lib.Str(test.text)), test.code_points));
      EXPECT_TRUE(IsInt(call(lib.Bytes(test.text)), test.bytes));
    }
  }
}

TEST(StdStringsTest, SubstringTestsFollowTheConformanceSuite) {
  struct Case {
    const char* function;
    const char* text;
    const char* argument;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"contains", "hello", "he", true},
      {"contains", "hello", "", true},
      {"contains", "hello", "ol", false},
      {"contains", "abababc", "ababc", true},
      {"contains", "Stra\u00dfe", "a\u00df", true},
      {"contains", "\U0001F431\U0001F600\U0001F601", "\U0001F600", true},
      {"contains", "", "something", false},
      {"contains", "", "", true},
      {"startsWith", "foobar", "foo", true},
      {"startsWith", "foobar", "bar", false},
      {"startsWith", "", "foo", false},
      {"startsWith", "foobar", "", true},
      {"startsWith", "", "", true},
      {"startsWith", "\u0437\u0430\u0432\u0442\u0440\u0430", "\u0437\u0430", true},
      {"endsWith", "foobar", "bar", true},
      {"endsWith", "foobar", "foo", false},
      {"endsWith", "", "foo", false},
      {"endsWith", "foobar", "", true},
      {"endsWith", "fort\u00e9", "t\u00e9", true},
      {"endsWith", "\U0001F431\U0001F600\U0001F61B", "\U0001F61B", true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.text) + "." + test.function + "(" + test.argument + ")");
    StdLib lib;
    EXPECT_TRUE(IsBool(lib.Member(test.function, {lib.Str(test.text), lib.Str(test.argument)}),
                       test.expected));
  }
}

TEST(StdStringsTest, ContainsWithLongNeedlesIsLinearAndCorrect) {
  StdLib lib;
  // A worst case for naive search: many near-matches of a long needle.
  const std::string needle = std::string(1000, 'a') + "b";
  const std::string miss(200'000, 'a');
  const std::string hit = miss + "b";
  EXPECT_TRUE(IsBool(lib.Member("contains", {lib.Str(miss), lib.Str(needle)}), false));
  EXPECT_TRUE(IsBool(lib.Member("contains", {lib.Str(hit), lib.Str(needle)}), true));
  const std::string periodic = "abcabcabd";
  EXPECT_TRUE(IsBool(
      lib.Member("contains", {lib.Str(std::string(70, 'x') + "abcabcabcabd" + std::string(70, 'y')),
                              lib.Str(std::string(70, 'x') + "abcabcabcabd")}),
      true));
  EXPECT_TRUE(IsBool(lib.Member("contains", {lib.Str(std::string(100, 'x') + periodic),
                                             lib.Str(std::string(70, 'x') + "abcabcabc")}),
                     false));
}

TEST(StdStringsTest, ContainsChargesTheCostBudget) {
  StdLib lib(/*cost_budget=*/100);
  EXPECT_TRUE(IsError(lib.Member("contains", {lib.Str(std::string(200, 'a')), lib.Str("b")}),
                      "evaluation cost budget exceeded"));
}

TEST(StdStringsTest, MatchesIsAPartialMatchInBothCallStyles) {
  struct Case {
    const char* text;
    const char* pattern;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"hubba", "ubb", true},
      {"", "foo|bar", false},
      {"cows", "", true},
      {"", "", true},
      {"abcd", "bc", true},
      {"grey", "gr(a|e)y", true},
      {"banana", "ba(na)*", true},
      {"banana", "^ana", false},
      {"banana", "^ba(na)*$", true},
      {"ma\u00f1ana", "a+\u00f1+a+", true},
      {"\U0001F431\U0001F600\U0001F600", "(a|\U0001F600){2}", true},
      {"\u00e9", "^.$", true},  // one code point, two bytes: UTF-8 mode
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.text) + " =~ " + test.pattern);
    StdLib lib;
    EXPECT_TRUE(
        IsBool(lib.Member("matches", {lib.Str(test.text), lib.Str(test.pattern)}), test.expected));
    EXPECT_TRUE(
        IsBool(lib.Global("matches", {lib.Str(test.text), lib.Str(test.pattern)}), test.expected));
  }
}

TEST(StdStringsTest, MatchesWithAnInvalidPatternIsAnError) {
  StdLib lib;
  for (int attempt = 0; attempt < 2; ++attempt) {  // the second lookup hits the cache
    SCOPED_TRACE(attempt);
    EXPECT_TRUE(IsError(lib.Member("matches", {lib.Str("abc"), lib.Str("a(b")}),
                        "invalid regular expression: missing )"));
  }
  EXPECT_TRUE(IsError(lib.Global("matches", {lib.Str("abc"), lib.Str("x{2,1}")}),
                      "invalid regular expression"));
  EXPECT_TRUE(
      IsError(lib.Member("matches", {lib.Str("abc"), Value::Int(1)}), "no matching overload"));
}

}  // namespace
}  // namespace warden::cel
