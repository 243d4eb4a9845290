#include "warden/base/line_index.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace warden {
namespace {

struct PositionCase {
  size_t offset;
  uint32_t line;
  uint32_t column;
};

void ExpectPositions(std::string_view text, std::initializer_list<PositionCase> cases) {
  LineIndex index(text);
  for (const PositionCase& test : cases) {
    SCOPED_TRACE(testing::Message() << "offset " << test.offset);
    EXPECT_EQ(index.PositionOf(test.offset), (SourcePosition{test.line, test.column}));
  }
}

TEST(LineIndexTest, MapsOffsetsOfAsciiText) {
  ExpectPositions("ab\ncd\n\nef", {
                                      {0, 1, 1},  // a
                                      {1, 1, 2},  // b
                                      {2, 1, 3},  // the newline ends line 1
                                      {3, 2, 1},  // c
                                      {5, 2, 3},
                                      {6, 3, 1},  // the empty line
                                      {7, 4, 1},  // e
                                      {8, 4, 2},  // f
                                      {9, 4, 3},  // end of text
                                  });
}

TEST(LineIndexTest, EmptyTextHasOneLine) {
  LineIndex index("");
  EXPECT_EQ(index.PositionOf(0), (SourcePosition{1, 1}));
  EXPECT_EQ(index.Line(1), "");
  EXPECT_EQ(index.Line(2), "");
}

TEST(LineIndexTest, ColumnsCountCodePointsNotBytes) {
  // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes.
  std::string_view text = "\xC3\xA9x\xE2\x82\xACy\n\xF0\x9F\x98\x80z";
  ExpectPositions(text, {
                            {0, 1, 1},   // é
                            {2, 1, 2},   // x
                            {3, 1, 3},   // €
                            {6, 1, 4},   // y
                            {7, 1, 5},   // the newline
                            {8, 2, 1},   // 😀
                            {12, 2, 2},  // z
                            {13, 2, 3},  // end
                        });
}

TEST(LineIndexTest, OffsetInsideAMultiByteCharacterCountsThatCharacter) {
  // Offsets 1 and 2 fall inside "€" (bytes 0..2); they map past the lead byte, which is
  // counted as one code point, so the column is that of the next character.
  LineIndex index(
      "\xE2\x82\xAC"
      "a");
  EXPECT_EQ(index.PositionOf(1), (SourcePosition{1, 2}));
  EXPECT_EQ(index.PositionOf(2), (SourcePosition{1, 2}));
  EXPECT_EQ(index.PositionOf(3), (SourcePosition{1, 2}));
}

TEST(LineIndexTest, CrLfLineEndings) {
  std::string_view text = "ab\r\ncd\r\n";
  ExpectPositions(text, {
                            {0, 1, 1},
                            {2, 1, 3},  // \r belongs to line 1
                            {3, 1, 4},  // \n too
                            {4, 2, 1},
                            {5, 2, 2},
                            {8, 3, 1},  // after the final terminator
                        });
  LineIndex index(text);
  EXPECT_EQ(index.Line(1), "ab");
  EXPECT_EQ(index.Line(2), "cd");
  EXPECT_EQ(index.Line(3), "");
}

TEST(LineIndexTest, LineReturnsTextWithoutTerminator) {
  LineIndex index("first\nsecond\r\n\nlast");
  EXPECT_EQ(index.Line(1), "first");
  EXPECT_EQ(index.Line(2), "second");
  EXPECT_EQ(index.Line(3), "");
  EXPECT_EQ(index.Line(4), "last");  // no terminator at the end of the text
}

TEST(LineIndexTest, LineOutOfRangeIsEmpty) {
  LineIndex index("one\ntwo");
  const uint32_t kOutOfRange[] = {0, 3, 100, UINT32_MAX};
  for (uint32_t line : kOutOfRange) {
    SCOPED_TRACE(line);
    EXPECT_TRUE(index.Line(line).empty());
  }
}

TEST(LineIndexTest, LineKeepsMultiByteCharacters) {
  LineIndex index("\xC3\xA9t\xC3\xA9\nd\xC3\xA9j\xC3\xA0");
  EXPECT_EQ(index.Line(1), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(index.Line(2), "d\xC3\xA9j\xC3\xA0");
}

TEST(LineIndexTest, LoneCarriageReturnDoesNotEndALine) {
  LineIndex index("a\rb\nc");
  EXPECT_EQ(index.PositionOf(2), (SourcePosition{1, 3}));
  EXPECT_EQ(index.PositionOf(4), (SourcePosition{2, 1}));
  EXPECT_EQ(index.Line(1), "a\rb");
}

TEST(LineIndexTest, OffsetsPastTheEndClampToTheEnd) {
  LineIndex index("ab\ncd");
  const size_t kOffsets[] = {5, 6, 1000, SIZE_MAX};
  for (size_t offset : kOffsets) {
    SCOPED_TRACE(offset);
    EXPECT_EQ(index.PositionOf(offset), (SourcePosition{2, 3}));
  }
}

TEST(LineIndexTest, IndexRefersToTheTextWithoutCopying) {
  std::string_view text = "x\ny";
  LineIndex index(text);
  EXPECT_EQ(index.Line(2).data(), text.data() + 2);
}

}  // namespace
}  // namespace warden
