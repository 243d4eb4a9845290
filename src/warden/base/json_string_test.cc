#include "warden/base/json_string.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace warden {
namespace {

TEST(JsonStringTest, EscapesQuotesBackslashesControlsAndInvalidUtf8) {
  struct EscapeCase {
    std::string_view text;
    const char* json;
  };
  const EscapeCase kCases[] = {
      {"", R"json("")json"},
      {"plain", R"json("plain")json"},
      {"a\"b\\c", R"json("a\"b\\c")json"},
      {"\n\r\t\b\f", R"json("\n\r\t\b\f")json"},
      {std::string_view("\0\x1f", 2), R"json("\u0000\u001f")json"},
      {"\x7f\xC3\xA9 \xE2\x9C\x93", "\"\x7f\xC3\xA9 \xE2\x9C\x93\""},  // DEL and UTF-8 pass
      {"a\xff"
       "b\xC3",
       R"json("a\ufffdb\ufffd")json"},            // each invalid byte: U+FFFD
      {"\xE2\x9C", R"json("\ufffd\ufffd")json"},  // a truncated sequence
  };
  for (const EscapeCase& test : kCases) {
    SCOPED_TRACE(test.json);
    std::string out = "prefix:";
    AppendJsonString(out, test.text);
    EXPECT_EQ(out, std::string("prefix:") + test.json);
    EXPECT_EQ(JsonString(test.text), test.json);
  }
}

}  // namespace
}  // namespace warden
