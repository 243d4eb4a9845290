#include "warden/report/text.h"

#include <gtest/gtest.h>

#include <string>

#include "warden/report/json_out.h"

namespace warden::report {
namespace {

TEST(XmlTextTest, EscapesMarkupAndKeepsUnicode) {
  EXPECT_EQ(XmlText("a < b && c > \"d\" 'e' é 日本"),
            "a &lt; b &amp;&amp; c &gt; \"d\" 'e' é 日本");
}

TEST(XmlTextTest, ForbiddenCharactersAndInvalidUtf8BecomeReplacementCharacter) {
  EXPECT_EQ(XmlText(std::string("a\x01"
                                "b\x1b"
                                "c",
                                5)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c");
  EXPECT_EQ(XmlText(std::string("\0", 1)), "\xEF\xBF\xBD");
  EXPECT_EQ(XmlText("x\xff"), "x\xEF\xBF\xBD");
  EXPECT_EQ(XmlText("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
}

TEST(XmlTextTest, KeepsTabAndNewlineButEncodesCarriageReturn) {
  EXPECT_EQ(XmlText("a\tb\nc\rd"), "a\tb\nc&#13;d");
}

TEST(XmlAttributeTest, EscapesQuotesAndWhitespaceThatNormalisationWouldLose) {
  EXPECT_EQ(XmlAttribute("say \"hi\" it's\n\ta<b&c"),
            "say &quot;hi&quot; it&apos;s&#10;&#9;a&lt;b&amp;c");
}

TEST(GithubEscapeTest, DataEncodesPercentAndLineBreaksOnly) {
  EXPECT_EQ(GithubData("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
}

TEST(GithubEscapeTest, PropertyAlsoEncodesColonAndComma) {
  EXPECT_EQ(GithubProperty("p/r: a,b%\n"), "p/r%3A a%2Cb%25%0A");
}

TEST(MarkdownCellTest, EscapesPipesHtmlAndNewlines) {
  EXPECT_EQ(MarkdownCell("a|b <script> & c\nd\x01"), "a\\|b &lt;script&gt; &amp; c<br>d");
  EXPECT_EQ(MarkdownCell("`code` *é*"), "`code` *é*");
}

TEST(TerminalTextTest, ShowsControlCharactersAndIndentsContinuationLines) {
  EXPECT_EQ(TerminalText("red \x1b[31mX\x7f", 0), "red \\x1B[31mX\\x7F");
  EXPECT_EQ(TerminalText("\xC2\x9B"
                         "2J",
                         0),
            "\\u009B2J");  // 8-bit CSI
  EXPECT_EQ(TerminalText("a\nb", 4), "a\n    b");
  EXPECT_EQ(TerminalText("tab\there é", 0), "tab\there é");
  EXPECT_EQ(TerminalText("bad\xff", 0), "bad\xEF\xBF\xBD");
}

TEST(PluralTest, PicksFormByCount) {
  EXPECT_EQ(Plural(0, "document", "documents"), "0 documents");
  EXPECT_EQ(Plural(1, "document", "documents"), "1 document");
  EXPECT_EQ(Plural(2, "document", "documents"), "2 documents");
}

TEST(JsonOutTest, PrettyPrintsWithTwoSpaceIndentAndCompactEmptyContainers) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Field("a", "x");
  json.Key("b");
  json.BeginArray();
  json.Int(-1);
  json.Uint(2);
  json.Bool(true);
  json.Null();
  json.EndArray();
  json.Key("c");
  json.BeginObject();
  json.EndObject();
  json.Key("d");
  json.BeginArray();
  json.EndArray();
  json.EndObject();
  EXPECT_EQ(json.text(),
            "{\n  \"a\": \"x\",\n  \"b\": [\n    -1,\n    2,\n    true,\n    null\n  ],\n"
            "  \"c\": {},\n  \"d\": []\n}");
}

TEST(JsonOutTest, CompactModeSeparatesWithSpaces) {
  JsonOut json(/*pretty=*/false);
  json.BeginObject();
  json.Field("a", "x");
  json.StringArray("b", {"1", "2"});
  json.EndObject();
  EXPECT_EQ(json.text(), "{\"a\": \"x\", \"b\": [\"1\", \"2\"]}");
}

TEST(JsonOutTest, EscapesStringsAndReplacesInvalidUtf8) {
  std::string out;
  AppendJsonString(out, "q\"b\\n\n\t\x01 é \xff");
  EXPECT_EQ(out, "\"q\\\"b\\\\n\\n\\t\\u0001 é \xEF\xBF\xBD\"");
  out.clear();
  AppendJsonString(out, std::string("\0", 1));
  EXPECT_EQ(out, "\"\\u0000\"");
}

}  // namespace
}  // namespace warden::report
