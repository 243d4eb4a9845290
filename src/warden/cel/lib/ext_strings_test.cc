// Tests of the strings extension (except format, in ext_format_test.cc). Cases marked
// "conformance" mirror cel-spec's string_ext conformance file.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsError;
using testing::IsInt;
using testing::IsString;

class StringExtensionsTest : public ::testing::Test {
 protected:
  ExtTester tester{RegisterStringExtensions};
  Value S(std::string_view text) { return tester.Str(text); }
};

TEST_F(StringExtensionsTest, CharAtCountsCodePoints) {
  struct Case {
    std::string text;
    int64_t index;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"tacocat", 3, "o"},  // conformance
      {"tacocat", 7, ""},   // conformance: the end position gives ""
      {"©αT", 0, "©"},      // conformance
      {"©αT", 1, "α"},     {"©αT", 2, "T"}, {"😀x", 1, "x"}, {"", 0, ""},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " " + std::to_string(test.index));
    EXPECT_TRUE(
        IsString(tester.Member("charAt", {S(test.text), Value::Int(test.index)}), test.expected));
  }
}

TEST_F(StringExtensionsTest, CharAtOutsideTheStringIsAnError) {
  EXPECT_TRUE(IsError(tester.Member("charAt", {S("tacocat"), Value::Int(30)}),
                      "index out of range: 30"));  // conformance
  EXPECT_TRUE(
      IsError(tester.Member("charAt", {S("tacocat"), Value::Int(8)}), "index out of range: 8"));
  EXPECT_TRUE(
      IsError(tester.Member("charAt", {S("tacocat"), Value::Int(-1)}), "index out of range: -1"));
}

struct IndexCase {
  std::string text;
  std::string needle;
  int64_t start;  // -2: no start argument
  int64_t expected;
};

TEST_F(StringExtensionsTest, IndexOfFindsFirstMatchInCodePoints) {
  const std::vector<IndexCase> cases = {
      // conformance
      {"tacocat", "", -2, 0},
      {"tacocat", "ac", -2, 1},
      {"tacocat", "none", -2, -1},
      {"tacocat", "", 3, 3},
      {"tacocat", "a", 3, 5},
      {"tacocat", "at", 3, 5},
      {"ta©o©αT", "©", -2, 2},
      {"ta©o©αT", "©", 3, 4},
      {"ta©o©αT", "©αT", 3, 4},
      {"ta©o©αT", "©α", 5, -1},
      {"ijk", "k", -2, 2},
      {"hello wello", "hello wello", -2, 0},
      {"hello wello", "ello", 6, 7},
      {"hello wello", "elbo room!!", -2, -1},
      // more
      {"tacocat", "t", 7, -1},  // the end position is a valid start
      {"tacocat", "", 7, 7},
      {"", "", -2, 0},
      {"", "a", -2, -1},
      {"aaa", "aaaa", -2, -1},
  };
  for (const IndexCase& test : cases) {
    SCOPED_TRACE(test.text + " / " + test.needle + " / " + std::to_string(test.start));
    Value result =
        test.start == -2
            ? tester.Member("indexOf", {S(test.text), S(test.needle)})
            : tester.Member("indexOf", {S(test.text), S(test.needle), Value::Int(test.start)});
    EXPECT_TRUE(IsInt(result, test.expected));
  }
}

TEST_F(StringExtensionsTest, IndexOfWithStartOutsideTheStringIsAnError) {
  EXPECT_TRUE(IsError(tester.Member("indexOf", {S("tacocat"), S("a"), Value::Int(30)}),
                      "index out of range: 30"));  // conformance
  EXPECT_TRUE(IsError(tester.Member("indexOf", {S("tacocat"), S("a"), Value::Int(-1)}),
                      "index out of range: -1"));
  EXPECT_TRUE(IsError(tester.Member("indexOf", {S("tacocat"), S(""), Value::Int(8)}),
                      "index out of range: 8"));
}

TEST_F(StringExtensionsTest, LastIndexOfFindsLastMatchStartingAtOrBeforeTheStart) {
  const std::vector<IndexCase> cases = {
      // conformance
      {"", "@@", -2, -1},
      {"tacocat", "", -2, 7},
      {"tacocat", "at", -2, 5},
      {"tacocat", "none", -2, -1},
      {"tacocat", "", 3, 3},
      {"tacocat", "a", 3, 1},
      {"ta©o©αT", "©", -2, 4},
      {"ta©o©αT", "©", 3, 2},
      {"ta©o©αT", "©α", 4, 4},
      {"hello wello", "ello", 6, 1},
      {"hello wello", "low", -2, -1},
      {"hello wello", "elbo room!!", -2, -1},
      {"hello wello", "hello wello", -2, 0},
      {"bananananana", "nana", 7, 6},
      // more
      {"tacocat", "t", 7, 6},
      {"tacocat", "t", 0, 0},
      {"tacocat", "c", 0, -1},
  };
  for (const IndexCase& test : cases) {
    SCOPED_TRACE(test.text + " / " + test.needle + " / " + std::to_string(test.start));
    Value result =
        test.start == -2
            ? tester.Member("lastIndexOf", {S(test.text), S(test.needle)})
            : tester.Member("lastIndexOf", {S(test.text), S(test.needle), Value::Int(test.start)});
    EXPECT_TRUE(IsInt(result, test.expected));
  }
}

TEST_F(StringExtensionsTest, LastIndexOfWithStartOutsideTheStringIsAnError) {
  EXPECT_TRUE(IsError(tester.Member("lastIndexOf", {S("tacocat"), S("a"), Value::Int(-1)}),
                      "index out of range: -1"));  // conformance
  EXPECT_TRUE(IsError(tester.Member("lastIndexOf", {S("tacocat"), S("a"), Value::Int(30)}),
                      "index out of range: 30"));  // conformance
}

TEST_F(StringExtensionsTest, LongNeedlesAreSearchedInLinearTime) {
  // "aaa…a" against "aaa…ab": quadratic for a naive search, linear here.
  const std::string text(200'000, 'a');
  const std::string needle = std::string(5'000, 'a') + "b";
  EXPECT_TRUE(IsInt(tester.Member("indexOf", {S(text), S(needle)}), -1));
  EXPECT_TRUE(IsInt(tester.Member("lastIndexOf", {S(text), S(needle)}), -1));
  const std::string found = text + needle + text;
  EXPECT_TRUE(IsInt(tester.Member("indexOf", {S(found), S(needle)}), 200'000));
  EXPECT_TRUE(IsInt(tester.Member("lastIndexOf", {S(found), S(needle)}), 200'000));
  EXPECT_TRUE(IsInt(tester.Member("lastIndexOf", {S(found), S(needle), Value::Int(199'999)}), -1));
  EXPECT_TRUE(IsInt(tester.Member("indexOf", {S(found), S(needle), Value::Int(200'001)}), -1));
}

TEST_F(StringExtensionsTest, AsciiCasingLeavesOtherCodePointsAlone) {
  struct Case {
    const char* function;
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"lowerAscii", "TacoCat", "tacocat"},
      {"lowerAscii", "TacoCÆt", "tacocÆt"},
      {"lowerAscii", "TacoCÆt Xii", "tacocÆt xii"},
      {"upperAscii", "tacoCat", "TACOCAT"},
      {"upperAscii", "tacoCαt", "TACOCαT"},
      {"upperAscii", "TacoCÆt Xii", "TACOCÆT XII"},
      // more
      {"lowerAscii", "", ""},
      {"upperAscii", "123 @[`{", "123 @[`{"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.function) + " " + test.text);
    EXPECT_TRUE(IsString(tester.Member(test.function, {S(test.text)}), test.expected));
  }
}

TEST_F(StringExtensionsTest, ReplaceFollowsGoStringsReplace) {
  struct Case {
    std::string text;
    std::string old_text;
    std::string new_text;
    int64_t limit;  // -2: no limit argument
    std::string expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"12 days 12 hours", "{0}", "2", -2, "12 days 12 hours"},
      {"{0} days {0} hours", "{0}", "2", -2, "2 days 2 hours"},
      {"{0} days {0} hours", "{0}", "2", 1, "2 days {0} hours"},
      {"1 ©αT taco", "αT", "o©α", -2, "1 ©o©α taco"},
      // limits
      {"hello hello", "he", "we", -1, "wello wello"},
      {"hello hello", "he", "we", 0, "hello hello"},
      {"hello hello", "he", "we", 5, "wello wello"},
      // overlapping candidates are replaced left to right
      {"aaaa", "aa", "b", -2, "bb"},
      {"aaa", "aa", "b", -2, "ba"},
      // an empty `old` matches around every code point
      {"abc", "", "-", -2, "-a-b-c-"},
      {"abc", "", "-", 2, "-a-bc"},
      {"©α", "", "|", -2, "|©|α|"},
      {"", "", "x", -2, "x"},
      // deletion and growth
      {"a-b-c", "-", "", -2, "abc"},
      {"a", "a", "aaaa", -2, "aaaa"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " / " + test.old_text + " / " + std::to_string(test.limit));
    Value result =
        test.limit == -2
            ? tester.Member("replace", {S(test.text), S(test.old_text), S(test.new_text)})
            : tester.Member("replace", {S(test.text), S(test.old_text), S(test.new_text),
                                        Value::Int(test.limit)});
    EXPECT_TRUE(IsString(result, test.expected));
  }
}

TEST_F(StringExtensionsTest, ReplaceThatWouldExplodeHitsTheCostLimit) {
  ExtTester small{RegisterStringExtensions, 100'000};
  const std::string text(10'000, 'a');
  const std::string replacement(1'000, 'b');
  Value result = small.Member("replace", {small.Str(text), small.Str("a"), small.Str(replacement)});
  EXPECT_TRUE(IsError(result, "evaluation cost budget exceeded"));
}

TEST_F(StringExtensionsTest, SplitFollowsGoStringsSplitN) {
  struct Case {
    std::string text;
    std::string separator;
    int64_t limit;  // -2: no limit argument
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"hello world", " ", -2, {"hello", "world"}},
      {"hello world events!", " ", 0, {}},
      {"hello world events!", " ", 1, {"hello world events!"}},
      {"o©o©o©o", "©", -1, {"o", "o", "o", "o"}},
      // more
      {"hello hello hello", " ", 2, {"hello", "hello hello"}},
      {"a,b,", ",", -2, {"a", "b", ""}},
      {"", ",", -2, {""}},
      {"abc", "", -2, {"a", "b", "c"}},
      {"a©c", "", 2, {"a", "©c"}},
      {"", "", -2, {}},
      {"abc", "abc", -2, {"", ""}},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " / " + test.separator + " / " + std::to_string(test.limit));
    Value result =
        test.limit == -2
            ? tester.Member("split", {S(test.text), S(test.separator)})
            : tester.Member("split", {S(test.text), S(test.separator), Value::Int(test.limit)});
    ASSERT_EQ(result.kind(), ValueKind::kList);
    ASSERT_EQ(result.list_size(), test.expected.size());
    for (uint32_t item_idx = 0; item_idx < result.list_size(); ++item_idx) {
      EXPECT_TRUE(IsString(result.list_item(item_idx), test.expected[item_idx]));
    }
  }
}

TEST_F(StringExtensionsTest, SubstringTakesCodePointRanges) {
  struct Case {
    std::string text;
    int64_t start;
    int64_t end;  // -2: no end argument
    std::string expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"tacocat", 4, -2, "cat"},
      {"tacocat", 7, -2, ""},
      {"tacocat", 0, 4, "taco"},
      {"tacocat", 4, 4, ""},
      {"ta©o©αT", 2, 6, "©o©α"},
      {"ta©o©αT", 7, 7, ""},
      // more
      {"ta©o©αT", 0, 7, "ta©o©αT"},
      {"", 0, 0, ""},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " " + std::to_string(test.start) + " " + std::to_string(test.end));
    Value result = test.end == -2
                       ? tester.Member("substring", {S(test.text), Value::Int(test.start)})
                       : tester.Member("substring", {S(test.text), Value::Int(test.start),
                                                     Value::Int(test.end)});
    EXPECT_TRUE(IsString(result, test.expected));
  }
}

TEST_F(StringExtensionsTest, SubstringOutsideTheStringIsAnError) {
  struct Case {
    int64_t start;
    int64_t end;  // -2: no end argument
    const char* message;
  };
  // All from conformance (value_errors) on "tacocat".
  const std::vector<Case> cases = {
      {40, -2, "index out of range: 40"},
      {-1, -2, "index out of range: -1"},
      {1, 50, "index out of range: 50"},
      {49, 50, "index out of range: 49"},
      {4, 3, "invalid substring range: start 4, end 3"},
      {-1, 3, "index out of range: -1"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.message);
    Value result = test.end == -2
                       ? tester.Member("substring", {S("tacocat"), Value::Int(test.start)})
                       : tester.Member("substring", {S("tacocat"), Value::Int(test.start),
                                                     Value::Int(test.end)});
    EXPECT_TRUE(IsError(result, test.message));
  }
}

TEST_F(StringExtensionsTest, TrimRemovesUnicodeWhiteSpaceButNotZeroWidthSpaces) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {" \f\n\r\t\vtext  ", "text"},
      {"\u0085\u00a0\u1680text", "text"},
      {"text\u2000\u2001\u2002\u2003\u2004\u2004\u2006\u2007\u2008\u2009", "text"},
      {"\u200atext\u2028\u2029\u202F\u205F\u3000", "text"},
      {"\u180etext\u200b\u200c\u200d\u2060\ufeff", "\u180etext\u200b\u200c\u200d\u2060\ufeff"},
      // more
      {"   ", ""},
      {"", ""},
      {" a b ", "a b"},
      {"\u3000\u00a9\u3000", "\u00a9"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(IsString(tester.Member("trim", {S(test.text)}), test.expected));
  }
}

TEST_F(StringExtensionsTest, JoinConcatenatesStringLists) {
  Value xy = tester.List({S("x"), S("y")});
  Value empty = tester.List({});
  // conformance
  EXPECT_TRUE(IsString(tester.Member("join", {xy}), "xy"));
  EXPECT_TRUE(IsString(tester.Member("join", {xy, S("-")}), "x-y"));
  EXPECT_TRUE(IsString(tester.Member("join", {empty}), ""));
  EXPECT_TRUE(IsString(tester.Member("join", {empty, S("-")}), ""));
  // more
  EXPECT_TRUE(IsString(tester.Member("join", {tester.List({S("a")}), S(", ")}), "a"));
  EXPECT_TRUE(IsString(tester.Member("join", {tester.List({S(""), S("")}), S("©")}), "©"));
}

TEST_F(StringExtensionsTest, JoinOfNonStringElementsIsAnError) {
  Value mixed = tester.List({S("x"), Value::Int(1)});
  EXPECT_TRUE(IsError(tester.Member("join", {mixed}),
                      "join requires a list of strings, found `int` at index 1"));
  EXPECT_TRUE(IsError(tester.Member("join", {mixed, S(",")}), "found `int` at index 1"));
}

TEST_F(StringExtensionsTest, QuoteEscapesLikeACelStringLiteral) {
  struct Case {
    std::string text;
    std::string expected;
  };
  // All from conformance (quote).
  const std::vector<Case> cases = {
      {"first\nsecond", "\"first\\nsecond\""},
      {"bell\a", "\"bell\\a\""},
      {"\bbackspace", "\"\\bbackspace\""},
      {"\fform feed", "\"\\fform feed\""},
      {"carriage \r return", "\"carriage \\r return\""},
      {"horizontal tab\t", "\"horizontal tab\\t\""},
      {"vertical \v tab", "\"vertical \\v tab\""},
      {"double \\\\ slash", "\"double \\\\\\\\ slash\""},
      {"two escape sequences \\a\\n", "\"two escape sequences \\\\a\\\\n\""},
      {"verbatim", "\"verbatim\""},
      {"ends with \\", "\"ends with \\\\\""},
      {"\\ starts with", "\"\\\\ starts with\""},
      {"printable unicode😀", "\"printable unicode😀\""},
      {"mid string \" quote", "\"mid string \\\" quote\""},
      {"single-quote with \"double quote\"", "\"single-quote with \\\"double quote\\\"\""},
      {"size('ÿ')", "\"size('ÿ')\""},
      {"size('πέντε')", "\"size('πέντε')\""},
      {"завтра", "\"завтра\""},
      {"\U0001F431\U0001F600\U0001F61B", "\"\U0001F431\U0001F600\U0001F61B\""},
      {"ta©o©αT", "\"ta©o©αT\""},
      {"", "\"\""},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(IsString(tester.Global("strings.quote", {S(test.text)}), test.expected));
  }
}

TEST_F(StringExtensionsTest, QuoteReplacesIllFormedUtf8) {
  // CEL strings are valid UTF-8, but quote must not pass through bytes that are not.
  EXPECT_TRUE(IsString(tester.Global("strings.quote", {Value::String("a\xff"
                                                                     "b")}),
                       "\"a\xEF\xBF\xBD"
                       "b\""));
}

TEST_F(StringExtensionsTest, ReverseReversesCodePoints) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"gums", "smug"},
      {"John Smith", "htimS nhoJ"},
      {"", ""},
      {"©αT😀", "😀Tα©"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(IsString(tester.Member("reverse", {S(test.text)}), test.expected));
  }
}

TEST_F(StringExtensionsTest, WrongArgumentKindsMatchNoOverload) {
  struct Case {
    const char* function;
    std::vector<Value> args;
  };
  // From conformance (type_errors): these calls have no overload.
  const std::vector<Case> cases = {
      {"charAt", {Value::Int(42), Value::Int(2)}},
      {"charAt", {Value::String("hello"), Value::True()}},
      {"indexOf", {Value::Int(24), Value::String("2")}},
      {"indexOf", {Value::String("hello"), Value::True()}},
      {"indexOf", {Value::Int(42), Value::String("4"), Value::Int(0)}},
      {"indexOf", {Value::String("42"), Value::Int(4), Value::Int(0)}},
      {"indexOf", {Value::String("42"), Value::String("4"), Value::String("0")}},
      {"indexOf", {Value::String("42"), Value::String("4"), Value::Int(0), Value::Int(1)}},
      {"split", {Value::Int(42), Value::String("2")}},
      {"replace", {Value::Int(42), Value::Int(2), Value::Int(1)}},
      {"replace", {Value::String("42"), Value::Int(2), Value::Int(1)}},
      {"replace", {Value::String("42"), Value::String("2"), Value::Int(1)}},
      {"replace", {Value::Int(42), Value::String("2"), Value::String("1"), Value::Int(1)}},
      {"replace", {Value::String("42"), Value::Int(2), Value::String("1"), Value::Int(1)}},
      {"replace", {Value::String("42"), Value::String("2"), Value::Int(1), Value::Int(1)}},
      {"replace",
       {Value::String("42"), Value::String("2"), Value::String("1"), Value::String("1")}},
      {"replace",
       {Value::String("42"), Value::String("2"), Value::String("1"), Value::Int(1),
        Value::False()}},
      {"split", {Value::Int(42), Value::String("")}},
      {"split", {Value::String("42"), Value::Int(2)}},
      {"split", {Value::Int(42), Value::String("2"), Value::String("1")}},
      {"split", {Value::String("42"), Value::Int(2), Value::Int(1)}},
      {"split", {Value::String("42"), Value::String("2"), Value::String("1")}},
      {"split", {Value::String("42"), Value::String("2"), Value::Int(1), Value::Int(1)}},
      {"substring", {Value::String("hello"), Value::Int(1), Value::Int(2), Value::Int(3)}},
      {"substring", {Value::Int(30), Value::True(), Value::Int(3)}},
      {"substring", {Value::String("tacocat"), Value::True(), Value::Int(3)}},
      {"substring", {Value::String("tacocat"), Value::Int(0), Value::False()}},
      {"join", {Value::String("ab")}},
      {"format", {Value::String("%s"), Value::String("x")}},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.function);
    EXPECT_FALSE(tester.Accepts(test.function, true, test.args));
  }
  EXPECT_FALSE(tester.Accepts("strings.quote", false, {Value::Int(1)}));
  EXPECT_FALSE(tester.Accepts("strings.quote", true, {Value::String("x")}));
}

TEST_F(StringExtensionsTest, SubstringsAreViewsOfTheReceiver) {
  Value text = S("tacocat");
  Value result = tester.Member("substring", {text, Value::Int(4)});
  ASSERT_TRUE(IsString(result, "cat"));
  EXPECT_EQ(result.string_view().data(), text.string_view().data() + 4);
}

}  // namespace
}  // namespace warden::cel
