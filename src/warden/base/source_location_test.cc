#include "warden/base/source_location.h"

#include <gtest/gtest.h>

namespace warden {
namespace {

TEST(SplitLocatedMessageTest, SplitsTheReadersErrorShape) {
  LocatedMessage located = SplitLocatedMessage("a.yaml:3:7: unclosed quote", "a.yaml");
  EXPECT_EQ(located.location.file, "a.yaml");
  EXPECT_EQ(located.location.position.line, 3u);
  EXPECT_EQ(located.location.position.column, 7u);
  EXPECT_EQ(located.reason, "unclosed quote");
}

TEST(SplitLocatedMessageTest, FindsTheFileWhenNotGiven) {
  LocatedMessage located = SplitLocatedMessage("dir/a:b.json:1:2: bad token");
  EXPECT_EQ(located.location.file, "dir/a:b.json");
  EXPECT_EQ(located.location.position.line, 1u);
  EXPECT_EQ(located.location.position.column, 2u);
  EXPECT_EQ(located.reason, "bad token");
}

TEST(SplitLocatedMessageTest, OtherShapesKeepTheWholeMessage) {
  LocatedMessage without_position = SplitLocatedMessage("a.yaml: file too large", "a.yaml");
  EXPECT_FALSE(without_position.location.position.known());
  EXPECT_EQ(without_position.reason, "file too large");
  LocatedMessage other = SplitLocatedMessage("cannot open `x`", "a.yaml");
  EXPECT_EQ(other.location.file, "a.yaml");
  EXPECT_FALSE(other.location.position.known());
  EXPECT_EQ(other.reason, "cannot open `x`");
  EXPECT_EQ(SplitLocatedMessage("no location at all").reason, "no location at all");
}

}  // namespace
}  // namespace warden
