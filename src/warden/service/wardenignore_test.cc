#include "warden/service/wardenignore.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "warden/service/input_testing.h"

namespace warden::service {
namespace {

using Verdict = IgnoreFile::Verdict;

IgnoreFile ParseOrDie(std::string_view text) {
  StatusOr<IgnoreFile> parsed = IgnoreFile::Parse(text, ".wardenignore");
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? std::move(parsed).value() : IgnoreFile();
}

TEST(IgnoreFileTest, CommentsAndBlankLinesAreSkipped) {
  IgnoreFile ignore_file = ParseOrDie("# a comment\n\n   \n\r\n*.json\n");
  EXPECT_EQ(ignore_file.rule_count(), 1u);
  EXPECT_EQ(ignore_file.Match("a.json", false), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("a.yaml", false), Verdict::kNoMatch);
}

TEST(IgnoreFileTest, EscapedHashAndBangArePatterns) {
  IgnoreFile ignore_file = ParseOrDie("\\#x.yaml\n\\!y.yaml\n");
  EXPECT_EQ(ignore_file.Match("#x.yaml", false), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("!y.yaml", false), Verdict::kIgnore);
}

TEST(IgnoreFileTest, TrailingSpacesAndCarriageReturnsAreDropped) {
  IgnoreFile ignore_file = ParseOrDie("a.yaml   \r\nb\\ \n");
  EXPECT_EQ(ignore_file.Match("a.yaml", false), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("b ", false), Verdict::kIgnore);
}

TEST(IgnoreFileTest, NegationIncludesAgainAndLaterLinesWin) {
  IgnoreFile ignore_file = ParseOrDie("*.yaml\n!keep.yaml\n");
  EXPECT_EQ(ignore_file.Match("drop.yaml", false), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("sub/keep.yaml", false), Verdict::kInclude);

  IgnoreFile reversed = ParseOrDie("!keep.yaml\n*.yaml\n");
  EXPECT_EQ(reversed.Match("keep.yaml", false), Verdict::kIgnore);
}

TEST(IgnoreFileTest, LeadingSlashAnchorsToTheIgnoreFilesDirectory) {
  IgnoreFile ignore_file = ParseOrDie("/local.yaml\n");
  EXPECT_EQ(ignore_file.Match("local.yaml", false), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("sub/local.yaml", false), Verdict::kNoMatch);
}

TEST(IgnoreFileTest, TrailingSlashMatchesDirectoriesOnly) {
  IgnoreFile ignore_file = ParseOrDie("build/\n");
  EXPECT_EQ(ignore_file.Match("build", true), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("src/build", true), Verdict::kIgnore);
  EXPECT_EQ(ignore_file.Match("build", false), Verdict::kNoMatch);
}

TEST(IgnoreFileTest, LinesThatNameNothingAreSkipped) {
  IgnoreFile ignore_file = ParseOrDie("/\n!\n//\n");
  EXPECT_EQ(ignore_file.rule_count(), 0u);
}

TEST(IgnoreFileTest, MalformedPatternNamesFileAndLine) {
  StatusOr<IgnoreFile> parsed = IgnoreFile::Parse("ok.yaml\n\n!bad[.yaml\n", "dir/.wardenignore");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message().rfind("dir/.wardenignore:3:2: ", 0), 0u)
      << parsed.status().message();
}

TEST(IgnoreFileTest, ReadsFromDisk) {
  testing::TempTree tree;
  const std::string path = tree.Write(".wardenignore", "*.json\n");
  StatusOr<IgnoreFile> read = IgnoreFile::Read(path);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->Match("x.json", false), Verdict::kIgnore);

  StatusOr<IgnoreFile> missing = IgnoreFile::Read(tree.Path("absent/.wardenignore"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(IgnoreStackTest, DeeperIgnoreFileWins) {
  IgnoreStack stack;
  stack.Push(ParseOrDie("*.yaml\n"), "");
  stack.Push(ParseOrDie("!keep.yaml\n"), "apps/web");
  EXPECT_TRUE(stack.IsIgnored("top.yaml", false));
  EXPECT_TRUE(stack.IsIgnored("apps/web/other.yaml", false));
  EXPECT_FALSE(stack.IsIgnored("apps/web/keep.yaml", false));
  EXPECT_FALSE(stack.IsIgnored("apps/web/sub/keep.yaml", false));
  stack.Pop();
  EXPECT_TRUE(stack.IsIgnored("apps/web/keep.yaml", false));
}

TEST(IgnoreStackTest, PatternsAreRelativeToTheirDirectory) {
  IgnoreStack stack;
  stack.Push(ParseOrDie("/gen/\nconfig/*.json\n"), "apps");
  EXPECT_TRUE(stack.IsIgnored("apps/gen", true));
  EXPECT_FALSE(stack.IsIgnored("gen", true));
  EXPECT_FALSE(stack.IsIgnored("apps/x/gen", true));
  EXPECT_TRUE(stack.IsIgnored("apps/config/a.json", false));
  EXPECT_FALSE(stack.IsIgnored("apps/x/config/a.json", false));
  EXPECT_FALSE(stack.IsIgnored("appsx/config/a.json", false));
}

TEST(IgnoreStackTest, EmptyStackIgnoresNothing) {
  IgnoreStack stack;
  EXPECT_TRUE(stack.empty());
  EXPECT_FALSE(stack.IsIgnored("a.yaml", false));
}

}  // namespace
}  // namespace warden::service
