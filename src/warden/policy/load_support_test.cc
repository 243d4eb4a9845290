#include "warden/policy/load_support.h"

#include <gtest/gtest.h>

#include <string>

namespace warden::policy::internal {
namespace {

std::string At(const SourcePosition& position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

TEST(SourceTextTest, MapsPositionsToOffsetsAndBack) {
  // Line breaks as libyaml counts them: LF, CRLF, CR, NEL, LS; columns in code points.
  const std::string text = "ab\n\xC3\xA9x\r\ny\rz\xC2\x85w\xE2\x80\xA8v";
  SourceText source(text);
  struct Case {
    SourcePosition position;
    size_t offset;
  };
  for (const Case& test : {Case{{1, 1}, 0}, Case{{1, 2}, 1}, Case{{2, 1}, 3}, Case{{2, 2}, 5},
                           Case{{3, 1}, 8}, Case{{4, 1}, 10}, Case{{5, 1}, 13}, Case{{6, 1}, 17}}) {
    SCOPED_TRACE(At(test.position));
    EXPECT_EQ(source.OffsetOf(test.position), test.offset);
    EXPECT_EQ(At(source.PositionOf(test.offset)), At(test.position));
  }
  EXPECT_EQ(source.OffsetOf({0, 1}), std::string_view::npos);
  EXPECT_EQ(source.OffsetOf({7, 1}), std::string_view::npos);
  EXPECT_EQ(source.OffsetOf({6, 9}), std::string_view::npos);
  EXPECT_EQ(At(source.PositionOf(1000)), "6:2");
}

TEST(SourceTextTest, OriginFallsBackToThePositionWhenTheTextDoesNotFit) {
  SourceText source("a: |\n");
  // Outside the text, and a block scalar without content lines.
  EXPECT_EQ(At(source.Origin({9, 9}, "x")), "9:9");
  EXPECT_EQ(At(source.Origin({1, 4}, "")), "1:4");
  SourceText empty("");
  EXPECT_EQ(At(empty.Origin({1, 1}, "")), "1:1");
  SourceText unterminated("a: !!str");
  EXPECT_EQ(At(unterminated.Origin({1, 4}, "")), "1:4");
}

TEST(JoinPathTest, JoinsWithDots) {
  EXPECT_EQ(JoinPath("", "spec"), "spec");
  EXPECT_EQ(JoinPath("spec", "match"), "spec.match");
}

}  // namespace
}  // namespace warden::policy::internal
