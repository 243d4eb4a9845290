#include "warden/cel/runtime/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace warden::cel {
namespace {

TEST(RegexTest, PartialMatchFindsAnySubstring) {
  struct Case {
    const char* pattern;
    const char* text;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"ubb", "hubba", true},
      {"foo|bar", "", false},
      {"", "cows", true},
      {"", "", true},
      {"gr(a|e)y", "grey", true},
      {"^ana", "banana", false},
      {"ana$", "banana", true},
      {"^ba(na)*$", "banana", true},
      {"a+\u00f1+a+", "ma\u00f1ana", true},
      {"^.$", "\u00f1", true},  // UTF-8: one code point, two bytes
      {"(a|\U0001F600){2}", "\U0001F431\U0001F600\U0001F600", true},
      {"\\d{3}-\\d{4}", "call 555-1234 now", true},
      {"(?i)HELLO", "say hello", true},
      {"\\p{Greek}+", "\u03c0\u03ad\u03bd\u03c4\u03b5", true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.pattern) + " in " + test.text);
    auto regex = Regex::Compile(test.pattern, kDefaultMaxRegexProgramSize);
    ASSERT_TRUE(regex.ok()) << regex.status().message();
    EXPECT_EQ((*regex)->PartialMatch(test.text), test.expected);
    EXPECT_EQ((*regex)->pattern(), test.pattern);
  }
}

TEST(RegexTest, InvalidPatternsReportRe2sReason) {
  struct Case {
    const char* pattern;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"a(b", "invalid regular expression: missing ) in `a(b`"},
      {"a)b", "invalid regular expression:"},
      {"[a-", "invalid regular expression: missing ]"},
      {"x{2,1}", "invalid regular expression: invalid repetition size in `{2,1}`"},
      {"*", "invalid regular expression: no argument for repetition operator in `*`"},
      {"\\q", "invalid regular expression: invalid escape sequence in `\\q`"},
      {"(?<name", "invalid regular expression:"},
      {"a\\", "invalid regular expression: trailing \\"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.pattern);
    auto regex = Regex::Compile(test.pattern, kDefaultMaxRegexProgramSize);
    ASSERT_FALSE(regex.ok());
    EXPECT_EQ(regex.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(regex.status().message().rfind(test.message, 0), 0u) << regex.status().message();
  }
}

TEST(RegexTest, RejectsProgramsLargerThanTheLimit) {
  auto small = Regex::Compile("a{100}", 1000);
  ASSERT_TRUE(small.ok());
  EXPECT_GT((*small)->program_size(), 100u);
  auto big = Regex::Compile("a{100}", 50);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("is too complex: program size"), std::string::npos);
  // Nested repetition explodes the program; RE2 or the limit refuses it, never a crash.
  auto nested = Regex::Compile("((a{100}){100}){100}", kDefaultMaxRegexProgramSize);
  EXPECT_FALSE(nested.ok());
}

TEST(RegexTest, MatchesLargeInputsInLinearTime) {
  // A classic catastrophic-backtracking pattern is harmless with RE2.
  auto regex = Regex::Compile("^(a+)+$", kDefaultMaxRegexProgramSize);
  ASSERT_TRUE(regex.ok());
  std::string text(100'000, 'a');
  text += 'b';
  EXPECT_FALSE((*regex)->PartialMatch(text));
}

TEST(RegexCacheTest, ReturnsTheSameCompiledPatternUntilEvicted) {
  RegexCache cache(/*capacity=*/2);
  auto first = cache.Get("a+");
  ASSERT_TRUE(first.ok());
  auto again = cache.Get("a+");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->get(), again->get());
  EXPECT_EQ(cache.size(), 1u);

  ASSERT_TRUE(cache.Get("b+").ok());
  ASSERT_TRUE(cache.Get("a+").ok());  // "a+" becomes the most recently used
  ASSERT_TRUE(cache.Get("c+").ok());  // evicts "b+"
  EXPECT_EQ(cache.size(), 2u);
  auto a_still = cache.Get("a+");
  ASSERT_TRUE(a_still.ok());
  EXPECT_EQ(a_still->get(), first->get());
  auto b_again = cache.Get("b+");
  ASSERT_TRUE(b_again.ok());
  EXPECT_TRUE((*b_again)->PartialMatch("abbb"));
  EXPECT_TRUE((*first)->PartialMatch("xaax"));  // evicted regexes stay usable by holders
}

TEST(RegexCacheTest, CachesFailuresAndSkipsHugePatterns) {
  RegexCache cache(/*capacity=*/4);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto bad = cache.Get("a(b");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("missing )"), std::string::npos);
  }
  EXPECT_EQ(cache.size(), 1u);
  const std::string huge(RegexCache::kMaxCachedPatternBytes + 1, 'a');
  auto compiled = cache.Get(huge);
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  EXPECT_TRUE((*compiled)->PartialMatch(huge));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(RegexCacheTest, IsSafeToShareBetweenThreads) {
  RegexCache cache(/*capacity=*/3);
  std::vector<std::thread> threads;
  std::vector<int> matches(8, 0);
  for (size_t thread_idx = 0; thread_idx < matches.size(); ++thread_idx) {
    threads.emplace_back([&cache, &matches, thread_idx] {
      for (int round = 0; round < 200; ++round) {
        const std::string pattern = "x" + std::to_string(round % 5) + "y";
        auto regex = cache.Get(pattern);
        if (regex.ok() && (*regex)->PartialMatch("ax" + std::to_string(round % 5) + "yb")) {
          ++matches[thread_idx];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : matches) EXPECT_EQ(count, 200);
  EXPECT_LE(cache.size(), 3u);
}

}  // namespace
}  // namespace warden::cel
