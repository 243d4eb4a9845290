// Grammar: precedence and associativity, member chains, aggregates, optional syntax,
// reserved words and syntax errors.

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

void RunCases(const Case* begin, const Case* end, const ParseOptions& options = {}) {
  for (const Case* c = begin; c != end; ++c) {
    SCOPED_TRACE(std::string(c->source));
    EXPECT_EQ(ParseToString(c->source, options), c->expected);
  }
}

TEST(ParserTest, OperatorsFollowPrecedence) {
  static constexpr Case kCases[] = {
      {"a ? b : c", "(_?_:_ a b c)"},
      {"a || b ? c : d", "(_?_:_ (_||_ a b) c d)"},
      {"a ? b || c : d || e", "(_?_:_ a (_||_ b c) (_||_ d e))"},
      {"a || b && c", "(_||_ a (_&&_ b c))"},
      {"a && b || c", "(_||_ (_&&_ a b) c)"},
      {"a && b == c", "(_&&_ a (_==_ b c))"},
      {"a == b + c", "(_==_ a (_+_ b c))"},
      {"a + b * c", "(_+_ a (_*_ b c))"},
      {"a * b + c", "(_+_ (_*_ a b) c)"},
      {"a - b / c % d", "(_-_ a (_%_ (_/_ b c) d))"},
      {"-a * b", "(_*_ (-_ a) b)"},
      {"!a && b", "(_&&_ (!_ a) b)"},
      {"!a.b", "(!_ a.b)"},
      {"-a[0]", "(-_ (_[_] a 0))"},
      {"-f(x)", "(-_ (f x))"},
      {"a in b && c", "(_&&_ (@in a b) c)"},
      {"a + 1 in b", "(@in (_+_ a 1) b)"},
      {"a < b", "(_<_ a b)"},
      {"a <= b", "(_<=_ a b)"},
      {"a > b", "(_>_ a b)"},
      {"a >= b", "(_>=_ a b)"},
      {"a == b", "(_==_ a b)"},
      {"a != b", "(_!=_ a b)"},
      {"(a + b) * c", "(_*_ (_+_ a b) c)"},
      {"((a))", "a"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, OperatorsAssociate) {
  static constexpr Case kCases[] = {
      {"a - b - c", "(_-_ (_-_ a b) c)"},
      {"a + b - c + d", "(_+_ (_-_ (_+_ a b) c) d)"},
      {"a / b * c", "(_*_ (_/_ a b) c)"},
      {"a % b % c", "(_%_ (_%_ a b) c)"},
      {"a < b < c", "(_<_ (_<_ a b) c)"},
      {"a == b != c", "(_!=_ (_==_ a b) c)"},
      {"a in b in c", "(@in (@in a b) c)"},
      {"a ? b : c ? d : e", "(_?_:_ a b (_?_:_ c d e))"},
      {"a ? (b ? c : d) : e", "(_?_:_ a (_?_:_ b c d) e)"},
      // The middle operand is a ConditionalOr in the grammar: a nested `?:` needs parens.
      {"a ? b ? c : d : e", "ERROR 6: expected `:` after the `?` at 1:3"},
      // Logical chains are balanced trees, as cel-go builds them.
      {"a || b || c", "(_||_ (_||_ a b) c)"},
      {"a && b && c && d", "(_&&_ (_&&_ a b) (_&&_ c d))"},
      {"a && b && c && d && e", "(_&&_ (_&&_ (_&&_ a b) c) (_&&_ d e))"},
      {"a || b || c || d || e || f || g",
       "(_||_ (_||_ (_||_ a b) (_||_ c d)) (_||_ (_||_ e f) g))"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, RepeatedUnaryOperatorsCollapseByParity) {
  static constexpr Case kCases[] = {
      {"!x", "(!_ x)"},
      {"!!x", "x"},
      {"!!!x", "(!_ x)"},
      {"-x", "(-_ x)"},
      {"--x", "x"},
      {"---x", "(-_ x)"},
      {"--1", "1"},
      {"---1", "(-_ 1)"},
      {"--9223372036854775808", "ERROR 2: integer literal `9223372036854775808` overflows int64"},
      {"- -1", "1"},
      {"-(-1)", "(-_ -1)"},
      {"!-1", "(!_ -1)"},
      {"-1.5.floor()", "(-1.5:floor)"},
      {"-1.abs()", "(-1:abs)"},
      {"!-x", "ERROR 1: unexpected `-`"},
      {"-!x", "ERROR 1: unexpected `!`"},
      {"!(-x)", "(!_ (-_ x))"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, MembersCallsAndIndexes) {
  static constexpr Case kCases[] = {
      {"a.b.c", "a.b.c"},
      {".a.b", ".a.b"},
      {".a", ".a"},
      {"a.b()", "(a:b)"},
      {"a.b(c, d)", "(a:b c d)"},
      {"a.b.c(d)", "(a.b:c d)"},
      {"f()", "(f)"},
      {"f(x, y)", "(f x y)"},
      {".f(x)", "(.f x)"},
      {"f(x).g(y).h", "((f x):g y).h"},
      {"a[0]", "(_[_] a 0)"},
      {"a[0][1]", "(_[_] (_[_] a 0) 1)"},
      {"a[b.c].d", "(_[_] a b.c).d"},
      {"a.b[0].c()", "((_[_] a.b 0):c)"},
      {"(a + b).c", "(_+_ a b).c"},
      {"'abc'.size()", R"(("abc":size))"},
      {"[1][0]", "(_[_] [1] 0)"},
      {"{1: 2}[1]", "(_[_] {1:2} 1)"},
      {"1.0.x", "1.0.x"},
      {"x.y.z()", "(x.y:z)"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, ListsAndMaps) {
  static constexpr Case kCases[] = {
      {"[]", "[]"},
      {"[1]", "[1]"},
      {"[1, 2, 3]", "[1 2 3]"},
      {"[1, 2,]", "[1 2]"},
      {"[[1], [2, [3]]]", "[[1] [2 [3]]]"},
      {"{}", "{}"},
      {"{1: 2}", "{1:2}"},
      {"{'a': 1, 'b': [2],}", R"({"a":1 "b":[2]})"},
      {"{a: b, c + d: e ? f : g}", "{a:b (_+_ c d):(_?_:_ e f g)}"},
      {"{{1: 2}: 3}", "{{1:2}:3}"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, MessageLiterals) {
  static constexpr Case kCases[] = {
      {"Msg{}", "Msg{}"},
      {"Msg{a: 1}", "Msg{a:1}"},
      {"a.b.Msg{a: 1, b: 'x',}", R"(a.b.Msg{a:1 b:"x"})"},
      {".a.Msg{a: 1}", ".a.Msg{a:1}"},
      {"Msg{a: Inner{b: 1}}", "Msg{a:Inner{b:1}}"},
      {"Msg{a: 1}.a", "Msg{a:1}.a"},
      {"Msg{if: 1, while: 2}", "Msg{if:1 while:2}"},
      {"f(x){}", "ERROR 4: unexpected `{`"},
      {"a[0]{}", "ERROR 4: unexpected `{`"},
      {"(a.b){}", "ERROR 5: unexpected `{`"},
      {"a.`b`{}", "ERROR 5: unexpected `{`"},
      {"Msg{a 1}", "ERROR 6: expected `:` after the field name"},
      {"Msg{1: 1}", "ERROR 4: expected a field name in the message literal, found `1`"},
      {"Msg{a: 1", "ERROR 8: expected `}` to close the message literal opened at 1:4"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, OptionalSyntax) {
  static constexpr Case kCases[] = {
      {"a.?b", R"((_?._ a "b"))"},           {"a.?b.c", R"((_?._ a "b").c)"},
      {"a.? b", R"((_?._ a "b"))"},          {"a[?b]", "(_[?_] a b)"},
      {"a[?0][1]", "(_[_] (_[?_] a 0) 1)"},  {"[?a, b, ?c]", "[?a b ?c]"},
      {"{?a: b, c: d}", "{?a:b c:d}"},       {"Msg{?a: b}", "Msg{?a:b}"},
      {"a.?b()", "ERROR 4: unexpected `(`"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, OptionalSelectIsFlaggedOnTheCall) {
  ParseResult result = Parse("a.?b");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.parsed.expr->optional_select);
  EXPECT_EQ(result.parsed.expr->args[1]->offset, 3);  // the field name
}

TEST(ParserTest, OptionalSyntaxCanBeDisabled) {
  ParseOptions options;
  options.enable_optional_syntax = false;
  static constexpr Case kCases[] = {
      {"a.?b", "ERROR 2: unsupported syntax `.?`"},
      {"a[?b]", "ERROR 2: unsupported syntax `[?`"},
      {"[?a]", "ERROR 1: unsupported syntax `?`"},
      {"{?a: b}", "ERROR 1: unsupported syntax `?`"},
      {"Msg{?a: b}", "ERROR 4: unsupported syntax `?`"},
      {"a ? b : c", "(_?_:_ a b c)"},
  };
  RunCases(std::begin(kCases), std::end(kCases), options);
}

TEST(ParserTest, ReservedWordsAreNotIdentifiers) {
  static constexpr std::string_view kReserved[] = {
      "as",  "break", "const",   "continue",  "else",   "for", "function", "if",   "import",
      "let", "loop",  "package", "namespace", "return", "var", "void",     "while"};
  for (std::string_view word : kReserved) {
    std::string w(word);
    SCOPED_TRACE(w);
    EXPECT_EQ(ParseToString(w), "ERROR 0: reserved identifier `" + w + "`");
    EXPECT_EQ(ParseToString("1 + " + w + "(x)"), "ERROR 4: reserved identifier `" + w + "`");
    // Allowed as field names and receiver functions, as the conformance suite expects.
    EXPECT_EQ(ParseToString("a." + w), "a." + w);
    EXPECT_EQ(ParseToString("a." + w + "()"), "(a:" + w + ")");
    EXPECT_EQ(ParseToString("M{" + w + ": 1}"), "M{" + w + ":1}");
  }
}

TEST(ParserTest, KeywordsCannotBeFieldNames) {
  static constexpr Case kCases[] = {
      {"a.in", "ERROR 2: expected a field name after `.`, found `in`"},
      {"a.true", "ERROR 2: expected a field name after `.`, found `true`"},
      {"a.null", "ERROR 2: expected a field name after `.`, found `null`"},
      {"a.1", "ERROR 1: unexpected `.1`"},
      {"in", "ERROR 0: unexpected `in`"},
      {"true.a", "true.a"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
  ParseResult result = Parse("a.in");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.issues[0].help, "quote a field named like a keyword: a.`in`");
}

TEST(ParserTest, SyntaxErrorsPointAtTheOffendingToken) {
  static constexpr Case kCases[] = {
      {"", "ERROR 0: unexpected end of expression"},
      {"   ", "ERROR 3: unexpected end of expression"},
      {")", "ERROR 0: unexpected `)`"},
      {"a)", "ERROR 1: unexpected `)`"},
      {"a b", "ERROR 2: unexpected `b`"},
      {"1 +", "ERROR 3: unexpected end of expression"},
      {"(a", "ERROR 2: expected `)` to close the `(` opened at 1:1"},
      {"[1, 2", "ERROR 5: expected `]` to close the list opened at 1:1"},
      {"x + [1 2]", "ERROR 7: expected `]` to close the list opened at 1:5"},
      {"[1,,2]", "ERROR 3: unexpected `,`"},
      {"[,]", "ERROR 1: unexpected `,`"},
      {"{1: 2", "ERROR 5: expected `}` to close the map opened at 1:1"},
      {"{1 2}", "ERROR 3: expected `:` after the map key"},
      {"{1: 2 3: 4}", "ERROR 6: expected `}` to close the map opened at 1:1"},
      {"f(1, 2", "ERROR 6: expected `)` to close the argument list opened at 1:2"},
      {"f(1 2)", "ERROR 4: expected `)` to close the argument list opened at 1:2"},
      {"f(1,)", "ERROR 4: unexpected `)`"},
      {"a.b(", "ERROR 4: unexpected end of expression"},
      {"a[1", "ERROR 3: expected `]` to close the index opened at 1:2"},
      {"a ? b", "ERROR 5: expected `:` after the `?` at 1:3"},
      {"a ? b : ", "ERROR 8: unexpected end of expression"},
      {"a.", "ERROR 2: expected a field name after `.`, found end of expression"},
      {"a.(b)", "ERROR 2: expected a field name after `.`, found `(`"},
      {".", "ERROR 0: unexpected `.`"},
      {". a", ".a"},
      {"a..b", "ERROR 2: expected a field name after `.`, found `.`"},
      {"\n\n  [1,\n  2", "ERROR 11: expected `]` to close the list opened at 3:3"},
      {"'\xc3\xa9' + [1", "ERROR 9: expected `]` to close the list opened at 1:7"},
      {"a and b", "ERROR 2: unexpected `and`"},
  };
  RunCases(std::begin(kCases), std::end(kCases));
}

TEST(ParserTest, HelpTextsGuideTheFix) {
  struct HelpCase {
    std::string_view source;
    std::string_view help;
  };
  static constexpr HelpCase kCases[] = {
      {"a and b", "use `&&` for logical and"},
      {"a or b", "use `||` for logical or"},
      {"[1 2]", "separate list elements with `,`"},
      {"f(a b)", "separate arguments with `,`"},
      {"{1: 2 3: 4}", "separate map entries with `,`"},
      {"f(1,)", "a trailing `,` is not allowed in an argument list"},
      {"!-x", "combine `!` and `-` with parentheses, as in `!(-x)`"},
  };
  for (const HelpCase& c : kCases) {
    SCOPED_TRACE(std::string(c.source));
    ParseResult result = Parse(c.source);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.issues[0].help, c.help);
  }
}

TEST(ParserTest, SeveralIssuesAreCollectedAndSorted) {
  // Lexical and semantic issues do not stop the parse; the first syntax error does.
  ParseResult result = Parse("while + '\\q' + 99999999999999999999 + # + if");
  ASSERT_EQ(result.issues.size(), 4u);
  EXPECT_EQ(result.issues[0].offset, 0);   // reserved identifier `while`
  EXPECT_EQ(result.issues[1].offset, 9);   // invalid escape
  EXPECT_EQ(result.issues[2].offset, 15);  // integer overflow
  EXPECT_EQ(result.issues[3].offset, 38);  // unexpected character `#`
  EXPECT_EQ(result.issues[3].message, "unexpected character `#`");
}

TEST(ParserTest, SourceInfoIsFilledIn) {
  ParseOptions options;
  options.description = "policy.yaml";
  ParseResult result = Parse("a +\n b", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.parsed.source.description, "policy.yaml");
  EXPECT_EQ(result.parsed.source.text, "a +\n b");
  EXPECT_EQ(result.parsed.source.LineOf(5), 2u);
}

}  // namespace
}  // namespace warden::cel
