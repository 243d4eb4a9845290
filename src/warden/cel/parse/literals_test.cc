// Literal forms of the cel-spec lexis: numbers, strings, bytes, escapes, and their
// errors.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "warden/cel/parse/test_util.h"

namespace warden::cel {
namespace {

using testing::ParseToString;

struct Case {
  std::string_view source;
  std::string_view expected;  // DebugString, or "ERROR <offset>: <message>"
};

void RunCases(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    SCOPED_TRACE(std::string(c->source));
    EXPECT_EQ(ParseToString(c->source), c->expected);
  }
}

TEST(LiteralsTest, NumbersParseToTheirValues) {
  static constexpr Case kCases[] = {
      {"0", "0"},
      {"123", "123"},
      {"0x1F", "31"},
      {"0xff", "255"},
      {"1u", "1u"},
      {"1U", "1u"},
      {"0x1Fu", "31u"},
      {"0xFFFFFFFFFFFFFFFFu", "18446744073709551615u"},
      {"18446744073709551615u", "18446744073709551615u"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"-0x8000000000000000", "-9223372036854775808"},
      {"-1", "-1"},
      {"- 1", "-1"},
      {"1.5", "1.5"},
      {".5", "0.5"},
      {"-.5", "-0.5"},
      {"1e10", "1e+10"},
      {"1E10", "1e+10"},
      {"1.5e-3", "0.0015"},
      {"1e+3", "1000.0"},
      {"0e+0", "0.0"},
      {"0.0", "0.0"},
      {"-0.0", "-0.0"},
      {"-1.5", "-1.5"},
      {"1e-999", "0.0"},
      {"1e-320", "1e-320"},
      {"1.7976931348623157e308", "1.7976931348623157e+308"},
      {"007", "7"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, OutOfRangeAndMalformedNumbersAreErrors) {
  static constexpr Case kCases[] = {
      {"99999999999999999999", "ERROR 0: integer literal `99999999999999999999` overflows int64"},
      {"9223372036854775808", "ERROR 0: integer literal `9223372036854775808` overflows int64"},
      {"-9223372036854775809", "ERROR 0: integer literal `-9223372036854775809` overflows int64"},
      {"0x10000000000000000", "ERROR 0: integer literal `0x10000000000000000` overflows int64"},
      {"18446744073709551616u",
       "ERROR 0: unsigned integer literal `18446744073709551616u` overflows uint64"},
      {"1e999", "ERROR 0: double literal `1e999` is out of range"},
      {"-1e999", "ERROR 0: double literal `-1e999` is out of range"},
      {"1.8e308", "ERROR 0: double literal `1.8e308` is out of range"},
      {"x + 0x", "ERROR 4: invalid number literal `0x`"},
      {"0X1F", "ERROR 0: invalid number literal `0X1F`"},
      {"12ab", "ERROR 0: invalid number literal `12ab`"},
      {"1e", "ERROR 0: invalid number literal `1e`"},
      {"1.5u", "ERROR 0: invalid number literal `1.5u`"},
      {"1e5u", "ERROR 0: invalid number literal `1e5u`"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, OverflowHelpSuggestsUintSuffix) {
  ParseResult result = Parse("9223372036854775808");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].help, "add a `u` suffix for a uint literal");
}

TEST(LiteralsTest, UnsignedLiteralIsNotFoldedWithMinus) {
  EXPECT_EQ(ParseToString("-1u"), "(-_ 1u)");
  EXPECT_EQ(ParseToString("-(1)"), "(-_ 1)");
  EXPECT_EQ(ParseToString("-x"), "(-_ x)");
}

TEST(LiteralsTest, StringsAndBytesDecode) {
  static constexpr Case kCases[] = {
      {"'a'", R"("a")"},
      {R"("a")", R"("a")"},
      {"''", R"("")"},
      {R"("")", R"("")"},
      {"'''a'''", R"("a")"},
      {R"("""a""")", R"("a")"},
      {"''''''", R"("")"},
      {"'''x''x'''", R"("x''x")"},
      {R"('"')", R"("\"")"},
      {R"("'")", R"("'")"},
      {R"("\"")", R"("\"")"},
      {R"('\\')", R"("\\")"},
      {R"(r'\\')", R"("\\\\")"},
      {R"(R"\n")", R"("\\n")"},
      {R"(r'\')", R"("\\")"},
      {R"(r'''a\'b''')", R"("a\\'b")"},
      {R"(r'''a\'''')", "ERROR 9: unterminated string literal"},  // raw: `\` escapes nothing
      {"'''a\nb'''", R"("a\nb")"},
      {"'''a\r\nb'''", R"("a\nb")"},
      {"'''a\rb'''", R"("a\nb")"},
      {"r'''a\r\nb'''", R"("a\nb")"},
      {"'\xc3\xa9'", "\"\xc3\xa9\""},
      {"b'abc'", R"(b"abc")"},
      {R"(B"\xff")", R"(b"\xff")"},
      {"b'\xc3\xbf'", R"(b"\xc3\xbf")"},
      {R"(b'\303\277')", R"(b"\xc3\xbf")"},
      {R"(b'\377')", R"(b"\xff")"},
      {R"(br'\x')", R"(b"\\x")"},
      {R"(bR'\x')", R"(b"\\x")"},
      {R"(Br'\x')", R"(b"\\x")"},
      {R"(BR'\x')", R"(b"\\x")"},
      {R"(b'''a'b''')", R"(b"a'b")"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, EveryEscapeDecodes) {
  static constexpr Case kCases[] = {
      {R"('\a')", R"("\x07")"},
      {R"('\b')", R"("\x08")"},
      {R"('\f')", R"("\x0c")"},
      {R"('\n')", R"("\n")"},
      {R"('\r')", R"("\r")"},
      {R"('\t')", R"("\t")"},
      {R"('\v')", R"("\x0b")"},
      {R"('\\')", R"("\\")"},
      {R"('\?')", R"("?")"},
      {R"('\"')", R"("\"")"},
      {R"('\'')", R"("'")"},
      {R"('\`')", R"("`")"},
      {R"('\x41')", R"("A")"},
      {R"('\X41')", R"("A")"},
      {R"('\xff')", "\"\xc3\xbf\""},  // code point U+00FF in a string
      {R"('\101')", R"("A")"},
      {R"('\000')", R"("\x00")"},
      {R"('\377')", "\"\xc3\xbf\""},  // code point 255
      {R"('\303\277')", "\"\xc3\x83\xc2\xbf\""},
      {R"('\u00e9')", "\"\xc3\xa9\""},
      {R"('\u00E9')", "\"\xc3\xa9\""},
      {R"('\U0001F62C')", "\"\xf0\x9f\x98\xac\""},
      {R"('\U0010FFFF')", "\"\xf4\x8f\xbf\xbf\""},
      {R"('\ud83d\ude2c')", "\"\xf0\x9f\x98\xac\""},  // a surrogate pair
      {R"(b'\x00\x41\X42')", R"(b"\x00AB")"},
      {R"(b'\a\b\f\n\r\t\v\\\?\"\'\`')", R"(b"\x07\x08\x0c\n\r\t\x0b\\?\"'`")"},
      {R"("""\"""")", R"("\"")"},
      {R"("""a\"""b""")", R"("a\"\"\"b")"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, InvalidStringsAreErrors) {
  static constexpr Case kCases[] = {
      {"'abc", "ERROR 0: unterminated string literal"},
      {"x + \"abc", "ERROR 4: unterminated string literal"},
      {"'ab\ncd'", "ERROR 0: unterminated string literal"},
      {"'ab\rcd'", "ERROR 0: unterminated string literal"},
      {"'''abc''", "ERROR 0: unterminated string literal"},
      {R"("""abc\""")", "ERROR 0: unterminated string literal"},
      {R"('\')", "ERROR 0: unterminated string literal"},
      {R"(b'abc)", "ERROR 0: unterminated string literal"},
      {R"('\z')", "ERROR 1: invalid escape sequence `\\z`"},
      {R"('a\x4')", "ERROR 2: invalid escape sequence `\\x4`"},
      {R"('\xg0')", "ERROR 1: invalid escape sequence `\\x`"},
      {R"('\u12')", "ERROR 1: invalid escape sequence `\\u12`"},
      {R"('\U0001F6')", "ERROR 1: invalid escape sequence `\\U0001F6`"},
      {R"('\400')", "ERROR 1: invalid escape sequence `\\400`"},
      {R"('\12')", "ERROR 1: invalid escape sequence `\\12`"},
      {R"('\18')", "ERROR 1: invalid escape sequence `\\1`"},
      {"'\\\xc3\xa9'", "ERROR 1: invalid escape sequence `\\\xc3\xa9`"},
      {R"('\ud800')", "ERROR 1: escape `\\ud800` is not a valid unicode code point (U+D800)"},
      {R"('\udc00')", "ERROR 1: escape `\\udc00` is not a valid unicode code point (U+DC00)"},
      {R"('\ud800\u0041')", "ERROR 1: escape `\\ud800` is not a valid unicode code point (U+D800)"},
      {R"('\U0000D800')",
       "ERROR 1: escape `\\U0000D800` is not a valid unicode code point (U+D800)"},
      {R"('\UFFFFFFFF')",
       "ERROR 1: escape `\\UFFFFFFFF` is not a valid unicode code point (U+FFFFFFFF)"},
      {R"('\U00110000')",
       "ERROR 1: escape `\\U00110000` is not a valid unicode code point (U+110000)"},
      {R"(b'\u00e9')", "ERROR 2: unicode escape `\\u00e9` is not allowed in a bytes literal"},
      {R"(b'\U0001F62C')",
       "ERROR 2: unicode escape `\\U0001F62C` is not allowed in a bytes literal"},
      {R"(rb'x')", "ERROR 0: invalid string prefix `rb`"},
      {R"(Rb'x')", "ERROR 0: invalid string prefix `Rb`"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, SeveralBadEscapesAreAllReported) {
  ParseResult result = Parse(R"('\z' + '\q' + b'\u0041')");
  ASSERT_EQ(result.issues.size(), 3u);
  EXPECT_EQ(result.issues[0].offset, 1);
  EXPECT_EQ(result.issues[1].offset, 8);
  EXPECT_EQ(result.issues[2].offset, 16);
}

TEST(LiteralsTest, UnterminatedSingleLineStringExplainsTripleQuotes) {
  ParseResult result = Parse("'ab\ncd'");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.issues[0].help.find("triple quotes"), std::string::npos);
}

TEST(LiteralsTest, BoolsAndNull) {
  EXPECT_EQ(ParseToString("true"), "true");
  EXPECT_EQ(ParseToString("false"), "false");
  EXPECT_EQ(ParseToString("null"), "null");
}

TEST(LiteralsTest, WhitespaceAndCommentsAreSkipped) {
  static constexpr Case kCases[] = {
      {" \t\r\n\f1", "1"},
      {"1 // one\n+ 2 // two", "(_+_ 1 2)"},
      {"1 // comment at end", "1"},
      {"1 //\r+ 2", "(_+_ 1 2)"},
      {"'//not a comment'", R"("//not a comment")"},
      {"1 / 2", "(_/_ 1 2)"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, UnexpectedCharactersAreErrors) {
  static constexpr Case kCases[] = {
      {"a # b", "ERROR 2: unexpected character `#`"},
      {"a $", "ERROR 2: unexpected character `$`"},
      {"a \v b", "ERROR 2: unexpected character U+000B"},
      {"\x01", "ERROR 0: unexpected character U+0001"},
      {"a + \xc3\xa9", "ERROR 4: unexpected character `\xc3\xa9` (U+00E9)"},
      {"a\xc2\xa0+ b", "ERROR 1: unexpected character `\xc2\xa0` (U+00A0)"},
      {"a.`b\xc3\xa9`", "ERROR 4: invalid character `\xc3\xa9` (U+00E9) in quoted identifier"},
      {"a = b", "ERROR 2: unexpected `=`"},
      {"a & b", "ERROR 2: unexpected `&`"},
      {"a | b", "ERROR 2: unexpected `|`"},
      {"'\xff'", "ERROR 1: invalid UTF-8 byte 0xFF"},
      {"a\xc0\x80", "ERROR 1: invalid UTF-8 byte 0xC0"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(LiteralsTest, SingleAmpersandRecoversAsLogicalAnd) {
  ParseResult result = Parse("a & b && c = d");
  ASSERT_EQ(result.issues.size(), 2u);
  EXPECT_EQ(result.issues[0].help, "use `&&` for logical and");
  EXPECT_EQ(result.issues[1].offset, 11);
  EXPECT_EQ(result.issues[1].help, "use `==` to compare values");
}

TEST(LiteralsTest, QuotedIdentifiersSelectFields) {
  static constexpr Case kCases[] = {
      {"a.`b-c`", "a.`b-c`"},
      {"a.`b.c/d e_f`", "a.`b.c/d e_f`"},
      {"a.`in`", "a.in"},
      {"a.`b`", "a.b"},
      {"has(a.`b-c`)", "has(a.`b-c`)"},
      {"a.?`b-c`", R"((_?._ a "b-c"))"},
      {"M{`b-c`: 1}", "M{`b-c`:1}"},
      {"`a`", "ERROR 0: unexpected quoted name `a`"},
      {"a.`b", "ERROR 2: unterminated quoted identifier"},
      {"a.``", "ERROR 2: empty quoted identifier"},
      {"a.`b+c`", "ERROR 4: invalid character `+` in quoted identifier"},
      {"a.`b`()", "ERROR 5: unexpected `(`"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

}  // namespace
}  // namespace warden::cel
