// Limits: nesting depth, expression length, issue count and macro growth. Hostile
// inputs must give an issue, never a crash, a stack overflow or a quadratic blowup.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "warden/cel/parse/ast_debug.h"
#include "warden/cel/parse/parser.h"

namespace warden::cel {
namespace {

std::string Repeat(std::string_view part, size_t count) {
  std::string out;
  out.reserve(part.size() * count);
  for (size_t i = 0; i < count; ++i) out += part;
  return out;
}

constexpr std::string_view kTooDeep = "expression nests too deeply: more than 250 levels";

struct DeepCase {
  const char* name;
  std::string source;
};

TEST(LimitsTest, HundredThousandLevelsAreAnIssueNotACrash) {
  constexpr size_t kLevels = 100'000;
  const DeepCase cases[] = {
      {"parens", Repeat("(", kLevels) + "1" + Repeat(")", kLevels)},
      {"unclosed parens", Repeat("(", kLevels)},
      {"lists", Repeat("[", kLevels) + Repeat("]", kLevels)},
      {"maps", Repeat("{1:", kLevels) + "1" + Repeat("}", kLevels)},
      {"calls", Repeat("f(", kLevels) + Repeat(")", kLevels)},
      {"indexes", "a" + Repeat("[0]", kLevels)},
      {"index expressions", Repeat("a[", kLevels) + Repeat("]", kLevels)},
      {"nots", Repeat("!", kLevels) + "x"},
      {"negations", Repeat("-", kLevels) + "x"},
      {"negated literal", Repeat("-", kLevels) + "1"},
      {"selects", "a" + Repeat(".b", kLevels)},
      {"member calls", "a" + Repeat(".f()", kLevels)},
      {"additions", "a" + Repeat(" + a", kLevels)},
      {"relations", "a" + Repeat(" < a", kLevels)},
      {"conditionals", Repeat("a ? b : ", kLevels) + "c"},
      {"macros", Repeat("x.all(y, ", kLevels) + "true" + Repeat(")", kLevels)},
      {"messages", Repeat("M{f: ", kLevels) + "1" + Repeat("}", kLevels)},
  };
  ParseOptions options;
  options.max_expression_bytes = 2'000'000;  // let the nesting limit do the work
  for (const DeepCase& c : cases) {
    SCOPED_TRACE(c.name);
    ParseResult result = Parse(c.source, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.issues[0].message, kTooDeep);
    EXPECT_EQ(result.issues.size(), 1u);
  }
}

TEST(LimitsTest, LongLogicalChainsAreBalancedAndParse) {
  // 30,000 terms, but the balanced tree is only 16 levels deep.
  ParseResult result = Parse("a" + Repeat("&&a", 29'999));
  ASSERT_TRUE(result.ok());
  ParseResult ors = Parse("a" + Repeat("||a", 29'999));
  ASSERT_TRUE(ors.ok());
}

TEST(LimitsTest, NestingLimitCountsEachLevelExactly) {
  ParseOptions options;
  options.max_nesting_depth = 5;
  struct LimitCase {
    std::string_view at_limit;
    std::string_view over_limit;
  };
  static constexpr LimitCase kCases[] = {
      {"((((x))))", "(((((x)))))"},  // the outer expression is level 1
      {"a.b.c.d.e", "a.b.c.d.e.f"},  // each selection adds a level
      {"a + a + a + a + a", "a + a + a + a + a + a"},
      {"!!!!!x", "!!!!!!x"},  // each unary operator counts
      {"[[[[1]]]]", "[[[[[1]]]]]"},
      {"f(f(f(f(x))))", "f(f(f(f(f(x)))))"},
  };
  for (const LimitCase& c : kCases) {
    SCOPED_TRACE(std::string(c.at_limit));
    EXPECT_TRUE(Parse(c.at_limit, options).ok());
    ParseResult over = Parse(c.over_limit, options);
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.issues[0].message, "expression nests too deeply: more than 5 levels");
  }
}

TEST(LimitsTest, NestingLimitIsClamped) {
  ParseOptions options;
  options.max_nesting_depth = 1'000'000;
  EXPECT_TRUE(Parse(Repeat("(", 900) + "1" + Repeat(")", 900), options).ok());
  ParseResult result = Parse(Repeat("(", 1500) + "1" + Repeat(")", 1500), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.issues[0].message, "expression nests too deeply: more than 1000 levels");

  options.max_nesting_depth = 0;  // clamped to 1: only leaves
  EXPECT_TRUE(Parse("x", options).ok());
  EXPECT_FALSE(Parse("-x", options).ok());
}

TEST(LimitsTest, ConformanceNestingFitsTheDefaultLimit) {
  EXPECT_TRUE(Parse(Repeat("(", 32) + "7" + Repeat(")", 32)).ok());
  EXPECT_TRUE(Parse(Repeat("-", 32) + "19").ok());
  EXPECT_TRUE(Parse("a" + Repeat("[0]", 32)).ok());
}

TEST(LimitsTest, OverlongSourceIsOneIssueAndNoParse) {
  ParseOptions options;
  options.max_expression_bytes = 10;
  ParseResult fits = Parse("1234567890", options);
  EXPECT_TRUE(fits.ok());
  ParseResult result = Parse("12345678901", options);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].offset, 0);
  EXPECT_EQ(result.issues[0].message,
            "expression is 11 bytes long, more than the limit of 10 bytes");
  EXPECT_EQ(result.parsed.expr, nullptr);

  ParseResult big = Parse(std::string(200'000, ' '));
  ASSERT_EQ(big.issues.size(), 1u);
  EXPECT_EQ(big.issues[0].message,
            "expression is 200000 bytes long, more than the limit of 100000 bytes");
  EXPECT_LE(big.parsed.source.text.size(), 4096u);
}

TEST(LimitsTest, IssueCountIsCapped) {
  ParseResult result = Parse(Repeat("'\\z' + ", 1000) + "1");
  ASSERT_FALSE(result.ok());
  EXPECT_LE(result.issues.size(), 101u);
  bool capped = false;
  for (const Issue& issue : result.issues) {
    capped = capped || issue.message == "too many errors, stopping here";
  }
  EXPECT_TRUE(capped);
}

TEST(LimitsTest, ChainedOptMapCannotGrowTheTreeExponentially) {
  std::string source = "a" + Repeat(".optMap(x, x)", 40);
  ParseResult result = Parse(source);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.issues[0].message, "expression is too large after macro expansion");
  // A few links are fine.
  EXPECT_TRUE(Parse("a" + Repeat(".optMap(x, x)", 6)).ok());
}

TEST(LimitsTest, LargeWideInputsParseInLinearTime) {
  constexpr size_t kBytes = 99'000;
  const DeepCase cases[] = {
      {"list", "[" + Repeat("1,", kBytes / 2) + "1]"},
      {"map", "{" + Repeat("1:1,", kBytes / 4) + "1:1}"},
      {"call", "f(" + Repeat("x,", kBytes / 2) + "x)"},
      {"string", "'" + std::string(kBytes, 'a') + "'"},
      {"triple string", "'''" + Repeat("a\n", kBytes / 2) + "'''"},
      {"comments", Repeat("// comment\n", kBytes / 11) + "1"},
      {"ands", "a" + Repeat("&&a", kBytes / 3)},
      {"macros", "[" + Repeat("x.all(y,y),", kBytes / 11) + "1]"},
      {"sums in a list", "[" + Repeat("a+a,", kBytes / 4) + "1]"},
  };
  for (const DeepCase& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_LE(c.source.size(), 100'000u);
    ParseResult result = Parse(c.source);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.issues[0].message);
    if (result.ok()) {
      EXPECT_FALSE(DebugString(*result.parsed.expr).empty());
    }
  }
}

TEST(LimitsTest, LargeBrokenInputsFailFast) {
  constexpr size_t kBytes = 99'000;
  const DeepCase cases[] = {
      {"unterminated strings", Repeat("'a\n", kBytes / 3)},
      {"unexpected characters", std::string(kBytes, '#')},
      {"unclosed lists", Repeat("[1,", kBytes / 3)},
      {"missing commas", "[" + Repeat("1 ", kBytes / 2) + "]"},
      {"stray closers", "1" + std::string(kBytes, ')')},
  };
  for (const DeepCase& c : cases) {
    SCOPED_TRACE(c.name);
    ParseResult result = Parse(c.source);
    EXPECT_FALSE(result.ok());
    EXPECT_LE(result.issues.size(), 101u);
  }
}

}  // namespace
}  // namespace warden::cel
