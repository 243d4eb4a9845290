#include "warden/service/input_glob.h"

#include <gtest/gtest.h>

#include <string>

namespace warden::service {
namespace {

struct MatchCase {
  const char* pattern;
  const char* path;
  bool is_directory;
  bool matches;
};

void ExpectMatches(const MatchCase& test_case) {
  SCOPED_TRACE(std::string(test_case.pattern) + " ~ " + test_case.path);
  PathGlob glob;
  std::string error;
  ASSERT_TRUE(PathGlob::Compile(test_case.pattern, glob, error)) << error;
  EXPECT_EQ(glob.Matches(test_case.path, test_case.is_directory), test_case.matches);
}

TEST(PathGlobTest, PatternWithoutSlashMatchesTheBaseNameAtAnyDepth) {
  const MatchCase cases[] = {
      {"*.yaml", "app.yaml", false, true},       {"*.yaml", "deploy/app.yaml", false, true},
      {"*.yaml", "a/b/c/app.yaml", false, true}, {"*.yaml", "app.json", false, false},
      {"vendor", "vendor", true, true},          {"vendor", "third/vendor", true, true},
      {"vendor", "vendor/x.yaml", false, false}, {"app?.yml", "x/app1.yml", false, true},
      {"[ab].json", "a.json", false, true},      {"[ab].json", "c.json", false, false},
  };
  for (const MatchCase& test_case : cases) ExpectMatches(test_case);
}

TEST(PathGlobTest, PatternWithSlashMatchesTheWholeRelativePath) {
  const MatchCase cases[] = {
      {"deploy/*.yaml", "deploy/app.yaml", false, true},
      {"deploy/*.yaml", "x/deploy/app.yaml", false, false},
      {"deploy/*.yaml", "deploy/sub/app.yaml", false, false},
      {"deploy/**", "deploy/sub/app.yaml", false, true},
      {"deploy/**.yaml", "deploy/sub/app.yaml", false, true},
      {"./deploy/*.yaml", "deploy/app.yaml", false, true},
  };
  for (const MatchCase& test_case : cases) ExpectMatches(test_case);
}

TEST(PathGlobTest, LeadingSlashAnchorsToTheTop) {
  const MatchCase cases[] = {
      {"/build", "build", true, true},
      {"/build", "sub/build", true, false},
      {"/*.yaml", "top.yaml", false, true},
      {"/*.yaml", "sub/top.yaml", false, false},
  };
  for (const MatchCase& test_case : cases) ExpectMatches(test_case);
}

TEST(PathGlobTest, TrailingSlashMatchesDirectoriesOnly) {
  const MatchCase cases[] = {
      {"vendor/", "vendor", true, true},
      {"vendor/", "vendor", false, false},
      {"vendor/", "a/vendor", true, true},
      {"/a/vendor/", "a/vendor", true, true},
  };
  for (const MatchCase& test_case : cases) ExpectMatches(test_case);
}

TEST(PathGlobTest, DoubleStarSlashAlsoMatchesNoDirectory) {
  const MatchCase cases[] = {
      {"**/*.yaml", "app.yaml", false, true},
      {"**/*.yaml", "a/b/app.yaml", false, true},
      {"a/**/b.yaml", "a/b.yaml", false, true},
      {"a/**/b.yaml", "a/x/y/b.yaml", false, true},
      {"a/**/b.yaml", "ab.yaml", false, false},
      {"**/x/**/*.json", "x/a.json", false, true},
      {"**/x/**/*.json", "p/x/q/a.json", false, true},
      {"**/x/**/*.json", "p/xa.json", false, false},
      {"***/a.json", "a.json", false, true},
      {"x**/a.json", "a.json", false, false},
      {"\\**/a.json", "a.json", false, false},
  };
  for (const MatchCase& test_case : cases) ExpectMatches(test_case);
}

TEST(PathGlobTest, MalformedPatternsAreRejected) {
  for (const char* pattern : {"", "/", "./", "[abc", "a\\", "[z-a].yaml", "**/**/**/**/**/a"}) {
    SCOPED_TRACE(pattern);
    PathGlob glob;
    std::string error;
    EXPECT_FALSE(PathGlob::Compile(pattern, glob, error));
    EXPECT_FALSE(error.empty());
  }
}

TEST(PathGlobTest, DefaultGlobMatchesNothing) {
  PathGlob glob;
  EXPECT_FALSE(glob.Matches("a.yaml", false));
  EXPECT_FALSE(glob.Matches("", true));
}

}  // namespace
}  // namespace warden::service
