#include "warden/base/utf8.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace warden::utf8 {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// Hex dump for failure messages.
std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xF];
  }
  return out;
}

TEST(Utf8Test, AcceptsWellFormedText) {
  const std::string_view kValid[] = {
      "",
      "plain ascii",
      "\x7F",
      "\xC2\x80",          // U+0080, smallest 2-byte
      "\xDF\xBF",          // U+07FF
      "\xE0\xA0\x80",      // U+0800, smallest 3-byte
      "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
      "\xEE\x80\x80",      // U+E000, just above them
      "\xEF\xBF\xBF",      // U+FFFF
      "\xF0\x90\x80\x80",  // U+10000, smallest 4-byte
      "\xF4\x8F\xBF\xBF",  // U+10FFFF, the largest code point
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
  };
  for (std::string_view text : kValid) {
    SCOPED_TRACE(Hex(text));
    EXPECT_EQ(FindInvalid(text), kNpos);
    EXPECT_TRUE(IsValid(text));
  }
}

TEST(Utf8Test, FindInvalidReportsTheOffsetOfTheBadSequence) {
  struct Case {
    const char* what;
    std::string_view text;
    size_t offset;
  };
  const Case kCases[] = {
      {"overlong 2-byte NUL", "\xC0\x80", 0},
      {"overlong 2-byte", "\xC1\xBF", 0},
      {"overlong 3-byte", "\xE0\x80\x80", 0},
      {"overlong 3-byte max", "\xE0\x9F\xBF", 0},
      {"overlong 4-byte", "\xF0\x80\x80\x80", 0},
      {"overlong 4-byte max", "\xF0\x8F\xBF\xBF", 0},
      {"high surrogate", "\xED\xA0\x80", 0},
      {"low surrogate", "\xED\xBF\xBF", 0},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"lead F5", "\xF5\x80\x80\x80", 0},
      {"5-byte form", "\xF8\x88\x80\x80\x80", 0},
      {"byte FF", "\xFF", 0},
      {"lone continuation", "\x80", 0},
      {"continuation after ascii", "ab\xBF", 2},
      {"truncated 2-byte at end", "abc\xC3", 3},
      {"truncated 3-byte at end", "\xE2\x82", 0},
      {"truncated 4-byte at end", "x\xF0\x9F\x98", 1},
      {"truncated by ascii",
       "\xE2\x82"
       "a",
       0},
      {"truncated by a new lead", "\xC3\xC3\xA9", 0},
      {"after valid multi-byte", "\xC3\xA9\xE2\x82\xAC\xC0\xAF", 5},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.what);
    EXPECT_EQ(FindInvalid(test.text), test.offset) << Hex(test.text);
    EXPECT_FALSE(IsValid(test.text));
  }
}

TEST(Utf8Test, AsciiFastPathFindsBadBytesAtEveryPosition) {
  // The fast path checks 8 bytes at a time; a bad byte anywhere in or after a chunk,
  // and at the chunk edges in particular, must be found at its exact offset.
  for (size_t length = 1; length <= 33; ++length) {
    for (size_t bad = 0; bad < length; ++bad) {
      std::string text(length, 'a');
      text[bad] = '\x80';
      SCOPED_TRACE(testing::Message() << "length " << length << " bad at " << bad);
      ASSERT_EQ(FindInvalid(text), bad);
    }
  }
}

TEST(Utf8Test, MultiByteSequencesStraddlingTheEightByteBoundary) {
  for (size_t prefix = 0; prefix <= 17; ++prefix) {
    SCOPED_TRACE(prefix);
    std::string valid = std::string(prefix, 'a') + "\xF0\x9F\x98\x80" + std::string(9, 'b');
    EXPECT_EQ(FindInvalid(valid), kNpos);
    std::string surrogate = std::string(prefix, 'a') + "\xED\xA0\x80" + std::string(9, 'b');
    EXPECT_EQ(FindInvalid(surrogate), prefix);
    std::string truncated = std::string(prefix, 'a') + "\xE2\x82";
    EXPECT_EQ(FindInvalid(truncated), prefix);
  }
}

TEST(Utf8Test, CodePointCount) {
  struct Case {
    std::string_view text;
    size_t count;
  };
  const Case kCases[] = {
      {"", 0},
      {"abc", 3},
      {"\xC3\xA9", 1},
      {"\xE2\x82\xAC", 1},
      {"\xF0\x9F\x98\x80", 1},
      {"a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z", 5},
      {std::string_view("a\0b", 3), 3},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(Hex(test.text));
    EXPECT_EQ(CodePointCount(test.text), test.count);
  }
}

TEST(Utf8Test, DecodeWalksCodePointsAndAdvances) {
  std::string_view text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  const char32_t kExpected[] = {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'};
  const size_t kNextPos[] = {1, 3, 6, 10};
  size_t pos = 0;
  for (size_t cp_idx = 0; cp_idx < 4; ++cp_idx) {
    SCOPED_TRACE(cp_idx);
    EXPECT_EQ(Decode(text, pos), kExpected[cp_idx]);
    EXPECT_EQ(pos, kNextPos[cp_idx]);
  }
  EXPECT_EQ(pos, text.size());
}

TEST(Utf8Test, AppendEncodesBoundaryCodePoints) {
  struct Case {
    char32_t code_point;
    std::string_view encoded;
  };
  const Case kCases[] = {
      {0x00, std::string_view("\0", 1)},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0xD7FF, "\xED\x9F\xBF"},
      {0xE000, "\xEE\x80\x80"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(static_cast<uint32_t>(test.code_point));
    std::string out = "<";
    Append(out, test.code_point);
    EXPECT_EQ(out.substr(1), test.encoded);
  }
}

TEST(Utf8Test, AppendDecodeRoundTripForEveryScalarValue) {
  std::string out;
  for (char32_t code_point = 0; code_point <= 0x10FFFF; ++code_point) {
    if (code_point == 0xD800) code_point = 0xE000;  // surrogates are not scalar values
    out.clear();
    Append(out, code_point);
    const size_t expected_length = code_point < 0x80      ? size_t{1}
                                   : code_point < 0x800   ? size_t{2}
                                   : code_point < 0x10000 ? size_t{3}
                                                          : size_t{4};
    ASSERT_EQ(out.size(), expected_length) << static_cast<uint32_t>(code_point);
    ASSERT_EQ(FindInvalid(out), kNpos) << static_cast<uint32_t>(code_point);
    ASSERT_EQ(CodePointCount(out), 1u);
    size_t pos = 0;
    ASSERT_EQ(Decode(out, pos), code_point);
    ASSERT_EQ(pos, out.size());
  }
}

TEST(Utf8Test, OffsetOfCodePoint) {
  std::string_view text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  struct Case {
    size_t index;
    size_t offset;
  };
  const Case kCases[] = {{0, 0}, {1, 1}, {2, 3}, {3, 6}, {4, 10}, {5, kNpos}, {100, kNpos}};
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.index);
    EXPECT_EQ(OffsetOfCodePoint(text, test.index), test.offset);
  }
}

TEST(Utf8Test, OffsetOfCodePointInEmptyText) {
  EXPECT_EQ(OffsetOfCodePoint("", 0), 0u);
  EXPECT_EQ(OffsetOfCodePoint("", 1), kNpos);
}

}  // namespace
}  // namespace warden::utf8
