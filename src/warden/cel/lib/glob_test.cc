// Tests of glob patterns (glob.h) and of the CEL glob functions.

#include "warden/cel/lib/glob.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsBool;
using testing::IsError;

struct GlobCase {
  std::string pattern;
  std::string text;
  bool expected;
};

void ExpectGlobs(const std::vector<GlobCase>& cases) {
  for (const GlobCase& test : cases) {
    SCOPED_TRACE("pattern `" + test.pattern + "` text `" + test.text + "`");
    bool malformed = true;
    EXPECT_EQ(GlobMatch(test.pattern, test.text, malformed), test.expected);
    EXPECT_FALSE(malformed);
  }
}

TEST(GlobTest, LiteralsMatchTheWholeText) {
  ExpectGlobs({
      {"", "", true},
      {"", "a", false},
      {"abc", "abc", true},
      {"abc", "abcd", false},
      {"abc", "ab", false},
      {"ABC", "abc", false},
      {"©α", "©α", true},
  });
}

TEST(GlobTest, StarMatchesWithinOnePathSegment) {
  ExpectGlobs({
      {"*", "", true},
      {"*", "abc", true},
      {"*", "a/b", false},
      {"a*", "a", true},
      {"a*", "abc", true},
      {"*c", "abc", true},
      {"a*c", "ac", true},
      {"a*c", "abbbc", true},
      {"a*c", "ab/c", false},
      {"*.yaml", "policy.yaml", true},
      {"*.yaml", "dir/policy.yaml", false},
      {"*/*", "a/b", true},
      {"*/*", "a/b/c", false},
      {"a*b*c", "aXbYc", true},
      {"a*b*c", "aXcYb", false},
      {"*©", "α©", true},
  });
}

TEST(GlobTest, DoubleStarMatchesAcrossSegments) {
  ExpectGlobs({
      {"**", "", true},
      {"**", "a/b/c", true},
      {"a/**", "a/b/c", true},
      {"a/**", "a/", true},
      {"a/**", "a", false},
      {"**/*.yaml", "x/y/z.yaml", true},
      {"**/*.yaml", "z.yaml", false},  // "**/" needs the slash
      {"**.yaml", "z.yaml", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "a//b", true},
      {"a/**/b", "a/b", false},  // documented: ** is only "any run", no segment magic
      {"a/**b", "a/b", true},
      {"***", "a/b", true},  // a run of stars is one **
      {"a**c", "ab/bc", true},
  });
}

TEST(GlobTest, QuestionMarkMatchesOneCodePointExceptSlash) {
  ExpectGlobs({
      {"?", "a", true},
      {"?", "", false},
      {"?", "ab", false},
      {"?", "/", false},
      {"?", "©", true},  // a code point, not a byte
      {"?", "😀", true},
      {"a?c", "abc", true},
      {"a?c", "a/c", false},
      {"??", "©α", true},
  });
}

TEST(GlobTest, ClassesMatchOneCodePointFromASet) {
  ExpectGlobs({
      {"[abc]", "b", true},         {"[abc]", "d", false},
      {"[a-z]", "m", true},         {"[a-z]", "M", false},
      {"[a-z0-9]", "7", true},      {"[!a]", "b", true},
      {"[!a]", "a", false},         {"[^a]", "b", true},
      {"[!a]", "/", false},                               // classes never match a slash
      {"[/]", "/", false},          {"[]a]", "]", true},  // ] first is a member
      {"[!]a]", "]", false},        {"[!]a]", "b", true},
      {"[-a]", "-", true},  // - first or last is a member
      {"[a-]", "-", true},          {"[a-]", "b", false},
      {"[\\]]", "]", true},                                // escaped member
      {"[\\-a]", "-", true},        {"[α-ω]", "λ", true},  // ranges by code point value
      {"[α-ω]", "a", false},        {"[©]", "©", true},
      {"x[0-9][0-9]", "x42", true}, {"x[0-9][0-9]", "x4", false},
  });
}

TEST(GlobTest, BackslashEscapesTheNextCodePoint) {
  ExpectGlobs({
      {"\\*", "*", true},
      {"\\*", "a", false},
      {"\\?", "?", true},
      {"\\[a]", "[a]", true},
      {"\\\\", "\\", true},
      {"a\\b", "ab", true},
      {"\\©", "©", true},
  });
}

TEST(GlobTest, MalformedPatternsAreReported) {
  struct Case {
    std::string pattern;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"[abc", "unclosed `[`"},
      {"[", "unclosed `[`"},
      {"[]", "unclosed `[`"},
      {"[!]", "unclosed `[`"},
      {"a\\", "trailing `\\`"},
      {"[a\\", "trailing `\\`"},
      {"[z-a]", "range out of order in `[`"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.pattern);
    bool malformed = false;
    EXPECT_FALSE(GlobMatch(test.pattern, "anything", malformed));
    EXPECT_TRUE(malformed);
    GlobPattern compiled;
    std::string error;
    EXPECT_FALSE(GlobPattern::Compile(test.pattern, compiled, error));
    EXPECT_EQ(error, test.reason);
  }
}

TEST(GlobTest, IllFormedBytesOnlyMatchThemselvesOrWildcards) {
  ExpectGlobs({
      {"a\xff", "a\xff", true},
      {"a?", "a\xff", true},
      {"a*", "a\xff\xfe", true},
      {"a\xff", "a\xfe", false},
      {"a\xEF\xBF\xBD", "a\xff", false},  // U+FFFD is not an ill-formed byte
  });
}

TEST(GlobTest, HostilePatternsRunInPolynomialTime) {
  // Exponential for a backtracking matcher; here O(text × pattern).
  const std::string text(20'000, 'a');
  const std::vector<std::string> patterns = {
      "*a*a*a*a*a*a*a*a*a*a*a*a*b",
      "**a**a**a**a**a**a**a**a**b",
      "*a*a*a*a*a*a*a*a*a*a*a*a*",
      std::string(200, '?') + "*b",
  };
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& pattern : patterns) {
    SCOPED_TRACE(pattern);
    bool malformed = true;
    EXPECT_EQ(GlobMatch(pattern, text, malformed), pattern.back() == '*');
    EXPECT_FALSE(malformed);
  }
  // Generous bound (sanitizer builds): a backtracking matcher would not finish at all.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(GlobTest, CompiledPatternsAreReusable) {
  GlobPattern compiled;
  std::string error;
  ASSERT_TRUE(GlobPattern::Compile("src/**/*.cc", compiled, error)) << error;
  EXPECT_TRUE(compiled.Matches("src/warden/cel/glob.cc"));
  EXPECT_TRUE(compiled.Matches("src/a/b.cc"));
  EXPECT_FALSE(compiled.Matches("src/b.cc"));
  EXPECT_FALSE(compiled.Matches("src/a/b.h"));
  EXPECT_EQ(compiled.token_count(), 10u);
}

TEST(GlobFunctionsTest, ReceiverAndGlobalFormsAgree) {
  ExtTester tester{RegisterGlobExtensions};
  struct Case {
    std::string text;
    std::string pattern;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"deploy/prod/app.yaml", "deploy/*/app.yaml", true},
      {"deploy/prod/eu/app.yaml", "deploy/*/app.yaml", false},
      {"deploy/prod/eu/app.yaml", "deploy/**/app.yaml", true},
      {"user:alice", "user:*", true},
      {"group:admins", "user:*", false},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " " + test.pattern);
    Value text = tester.Str(test.text);
    Value pattern = tester.Str(test.pattern);
    EXPECT_TRUE(IsBool(tester.Member("glob", {text, pattern}), test.expected));
    EXPECT_TRUE(IsBool(tester.Global("glob", {text, pattern}), test.expected));
  }
}

TEST(GlobFunctionsTest, MalformedPatternIsAnErrorValue) {
  ExtTester tester{RegisterGlobExtensions};
  EXPECT_TRUE(IsError(tester.Member("glob", {tester.Str("abc"), tester.Str("[abc")}),
                      "invalid glob pattern `[abc`: unclosed `[`"));
  EXPECT_TRUE(
      IsError(tester.Global("glob", {tester.Str("abc"), tester.Str("a\\")}), "trailing `\\`"));
  EXPECT_FALSE(tester.Accepts("glob", true, {tester.Str("a"), Value::Int(1)}));
  EXPECT_FALSE(tester.Accepts("glob", false, {Value::Int(1), tester.Str("a")}));
}

TEST(GlobFunctionsTest, HugeMatchesHitTheCostLimit) {
  ExtTester tester{RegisterGlobExtensions, 100'000};
  const std::string text(100'000, 'a');
  Value result = tester.Member(
      "glob", {tester.Str(text), tester.Str("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b")});
  EXPECT_TRUE(IsError(result, "evaluation cost budget exceeded"));
}

}  // namespace
}  // namespace warden::cel
