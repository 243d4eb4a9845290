// Checker behaviour on parsed expressions: what each construct and library types to, and
// the errors it reports. Table-driven; each row parses `expr`, checks it against the
// variables below (in container `acme` when `container` is set) and compares.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/check/checker.h"
#include "warden/cel/parse/parser.h"

namespace warden::cel {
namespace {

CheckEnv TestEnv() {
  CheckEnv env;
  auto add = [&env](const char* name, const char* type) {
    env.variables.push_back(VariableDecl{name, *Type::Parse(type)});
  };
  add("i", "int");
  add("u", "uint");
  add("d", "double");
  add("s", "string");
  add("b", "bytes");
  add("flag", "bool");
  add("ts", "google.protobuf.Timestamp");
  add("dur", "google.protobuf.Duration");
  add("ints", "list(int)");
  add("names", "list(string)");
  add("labels", "map(string, string)");
  add("counts", "map(string, int)");
  add("any", "dyn");
  add("opt", "optional_type(string)");
  add("request.auth.claims", "map(string, dyn)");
  add("request.path", "string");
  add("acme.limit", "int");
  return env;
}

struct TypeCase {
  const char* expr;
  const char* type;
};

void ExpectTypes(const std::vector<TypeCase>& cases) {
  CheckEnv env = TestEnv();
  for (const TypeCase& test_case : cases) {
    SCOPED_TRACE(test_case.expr);
    ParseResult parsed = Parse(test_case.expr);
    ASSERT_TRUE(parsed.ok()) << parsed.issues[0].message;
    CheckResult result = Check(parsed.parsed, env);
    ASSERT_TRUE(result.ok()) << result.issues[0].message;
    EXPECT_EQ(result.result_type.ToString(), test_case.type);
  }
}

TEST(CheckerParsedTest, CoreOperatorsAndLiterals) {
  ExpectTypes({
      {"i + 1", "int"},
      {"u * 2u", "uint"},
      {"d / 2.0", "double"},
      {"s + 'x'", "string"},
      {"b + b'x'", "bytes"},
      {"-i", "int"},
      {"!flag", "bool"},
      {"i < d && u >= i", "bool"},
      {"i == 1 || s != ''", "bool"},
      {"flag ? i : 2", "int"},
      {"ints + [1]", "list(int)"},
      {"[ints, []]", "list(list(int))"},
      {"{'a': ints}", "map(string, list(int))"},
      {"ints[0]", "int"},
      {"counts['a']", "int"},
      {"1 in ints", "bool"},
      {"'a' in labels", "bool"},
      {"any + 1", "int"},
      {"any[0]", "dyn"},
      {"any.field.deeper", "dyn"},
      {"[1, 'a']", "list(dyn)"},
      {"{1: 'a', 'b': 2}", "map(dyn, dyn)"},
      {"[null, ts]", "list(google.protobuf.Timestamp)"},
  });
}

TEST(CheckerParsedTest, StandardFunctions) {
  ExpectTypes({
      {"size(s) + s.size() + size(ints) + labels.size() + size(b)", "int"},
      {"int(u) + int(d) + int(s) + int(ts)", "int"},
      {"uint(i)", "uint"},
      {"double(s)", "double"},
      {"string(i) + string(dur) + string(b)", "string"},
      {"bytes(s)", "bytes"},
      {"bool('true')", "bool"},
      {"dyn(i)", "dyn"},
      {"type(i)", "type(int)"},
      {"type(i) == int", "bool"},
      {"type(ts) == google.protobuf.Timestamp", "bool"},
      {"list", "type(list(dyn))"},
      {"s.contains('a') && s.startsWith('a') && s.endsWith('a')", "bool"},
      {"s.matches('a+') && matches(s, 'a+')", "bool"},
      {"timestamp('2024-01-01T00:00:00Z') - ts", "google.protobuf.Duration"},
      {"ts + duration('1h')", "google.protobuf.Timestamp"},
      {"ts.getFullYear() + ts.getHours('Europe/Paris') + dur.getSeconds()", "int"},
      {"ts < timestamp(0)", "bool"},
  });
}

TEST(CheckerParsedTest, Macros) {
  ExpectTypes({
      {"ints.all(x, x > 0)", "bool"},
      {"ints.exists(x, x > 0)", "bool"},
      {"ints.exists_one(x, x > 0)", "bool"},
      {"ints.map(x, x * 2)", "list(int)"},
      {"ints.map(x, x > 1, string(x))", "list(string)"},
      {"ints.filter(x, x > 0)", "list(int)"},
      {"labels.map(k, labels[k])", "list(string)"},
      {"labels.all(k, v, k != v)", "bool"},
      {"ints.transformList(i, v, i + v)", "list(int)"},
      {"counts.transformMap(k, v, v > 0, string(v))", "map(string, string)"},
      {"has(labels.team)", "bool"},
      {"has(request.auth.claims.sub)", "bool"},
      {"any.all(x, x)", "bool"},
      {"[].map(x, x)", "list(dyn)"},
      {"cel.bind(n, size(s), n * n)", "int"},
      {"[[1], [2]].map(l, l.map(x, x + 1))", "list(list(int))"},
  });
}

TEST(CheckerParsedTest, NamesAndContainers) {
  ExpectTypes({
      {"request.path", "string"},
      {"request.auth.claims.sub", "dyn"},
      {"request.auth.claims['sub']", "dyn"},
      {".request.path", "string"},
      {"ints.map(i, i)", "list(int)"},
  });
  CheckEnv env = TestEnv();
  env.container = "acme";
  ParseResult parsed = Parse("limit + 1");
  ASSERT_TRUE(parsed.ok());
  CheckResult result = Check(parsed.parsed, env);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.references.at(parsed.parsed.expr->args[0]->id).name, "acme.limit");
}

TEST(CheckerParsedTest, Extensions) {
  ExpectTypes({
      {"s.charAt(0) + s.lowerAscii() + s.upperAscii() + s.trim() + s.reverse()", "string"},
      {"s.indexOf('a') + s.indexOf('a', 1) + s.lastIndexOf('a', 2)", "int"},
      {"s.replace('a', 'b') + s.replace('a', 'b', 1) + s.substring(1, 2)", "string"},
      {"s.split(',')", "list(string)"},
      {"names.join(', ') + names.join()", "string"},
      {"'%s %d'.format([s, i]) + strings.quote(s)", "string"},
      {"math.greatest(i)", "int"},
      {"math.greatest(i, 2)", "int"},
      {"math.least(u, 2u, 3u)", "uint"},
      {"math.least(u, 2, 3u)", "dyn"},
      {"math.greatest(i, d, u)", "dyn"},
      {"math.least(ints)", "int"},
      {"math.abs(d) + math.ceil(d) + math.sqrt(i)", "double"},
      {"math.isNaN(d) || math.isInf(d) || math.isFinite(d)", "bool"},
      {"math.bitAnd(i, 3) + math.bitOr(i, 1) + math.bitXor(i, 2) + math.bitNot(i)", "int"},
      {"math.bitShiftRight(u, 2)", "uint"},
      {"base64.decode(base64.encode(b))", "bytes"},
  });
}

TEST(CheckerParsedTest, OptionalValues) {
  ExpectTypes({
      {"optional.of(i)", "optional_type(int)"},
      {"optional.none()", "optional_type(dyn)"},
      {"opt.orValue('x')", "string"},
      {"opt.hasValue() ? opt.value() : ''", "string"},
      {"opt.or(optional.of('y'))", "optional_type(string)"},
      {"labels.?team", "optional_type(string)"},
      {"labels.?team.orValue('none')", "string"},
      {"labels[?'team']", "optional_type(string)"},
      {"ints[?0]", "optional_type(int)"},
      {"optional.of(labels).team", "optional_type(string)"},
      {"optional.of(ints)[0]", "optional_type(int)"},
      {"[?opt, 'a']", "list(string)"},
      {"{?'k': opt}", "map(string, string)"},
      {"opt.optMap(v, size(v))", "optional_type(int)"},
      {"optional.ofNonZeroValue(s)", "optional_type(string)"},
      {"type(opt) == optional_type", "bool"},
  });
}

TEST(CheckerParsedTest, WardenFunctions) {
  ExpectTypes({
      {"s.glob('dataset://phi/*') && glob('*.txt', s)", "bool"},
      {"ip('10.0.0.1').family()", "int"},
      {"isIP(s) && ip(s).isLoopback() && ip(s).isGlobalUnicast()", "bool"},
      {"cidr('10.0.0.0/8').containsIP(ip(s)) && cidr('10.0.0.0/8').containsIP(s)", "bool"},
      {"cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')", "bool"},
      {"cidr(s).ip()", "net.IP"},
      {"cidr(s).masked()", "net.CIDR"},
      {"cidr(s).prefixLength()", "int"},
      {"string(ip(s)) + string(cidr(s))", "string"},
      {"isSemver(s) && semver(s).isLessThan(semver('1.2.3'))", "bool"},
      {"semver(s).major() + semver(s).compareTo(semver('2.0.0'))", "int"},
      {"ip(s) == ip('::1')", "bool"},
      {"net.IP", "type(net.IP)"},
  });
}

struct ErrorCase {
  const char* expr;
  const char* message;
  const char* help;
};

TEST(CheckerParsedTest, ReportsErrors) {
  const std::vector<ErrorCase> cases = {
      {"i + s", "found no matching overload for `_+_` applied to `(int, string)`", ""},
      {"s.size(1)", "found no matching overload for `size` applied to `string.(int)`", ""},
      {"flag ? 1 : 'a'", "found no matching overload for `_?_:_` applied to `(bool, int, string)`",
       ""},
      {"1.0 == 1", "found no matching overload for `_==_` applied to `(double, int)`", ""},
      {"sise(s)", "undeclared reference to `sise`", "did you mean `size`?"},
      {"s.startswith('a')", "undeclared reference to `startswith`", "did you mean `startsWith`?"},
      {"lables.team", "undeclared reference to `lables`", "did you mean `labels`?"},
      {"request.pth", "undeclared reference to `request.pth`", "did you mean `request.path`?"},
      {"i.field", "type `int` does not support field selection", ""},
      {"has(ints.x)", "type `list(int)` does not support field selection", ""},
      {"i.all(x, x)",
       "expression of type `int` cannot be the range of a comprehension (must be "
       "list, map, or dynamic)",
       ""},
      {"ints.all(x, x)", "found no matching overload for `_&&_` applied to `(bool, int)`", ""},
      {"[?i]", "expected type `optional_type(int)` but found `int`",
       "an optional entry (`?x`) needs an optional value"},
      {"Msg{field: 1}", "unknown message type `Msg`",
       "Warden has no message types; use a map literal"},
      {"math.greates(1)", "undeclared reference to `math.greates`",
       "did you mean `math.greatest`?"},
      {"math.greatest('a', 'b', 'c')",
       "found no matching overload for `math.greatest` applied to `(string, string, string)`", ""},
      {"dyn", "undeclared reference to `dyn`", ""},
  };
  CheckEnv env = TestEnv();
  for (const ErrorCase& test_case : cases) {
    SCOPED_TRACE(test_case.expr);
    ParseResult parsed = Parse(test_case.expr);
    ASSERT_TRUE(parsed.ok()) << parsed.issues[0].message;
    CheckResult result = Check(parsed.parsed, env);
    ASSERT_EQ(result.issues.size(), 1u);
    EXPECT_EQ(result.issues[0].message, test_case.message);
    EXPECT_EQ(result.issues[0].help, test_case.help);
  }
}

TEST(CheckerParsedTest, IssuesPointAtTheOffendingNode) {
  ParseResult parsed = Parse("size(s) + (i + 'x')");
  ASSERT_TRUE(parsed.ok());
  CheckResult result = Check(parsed.parsed, TestEnv());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].offset, 13);  // the inner `+`
}

TEST(CheckerParsedTest, ErrorsDoNotCascade) {
  ParseResult parsed = Parse("size(nope) + 1 > 2 && nope2");
  ASSERT_TRUE(parsed.ok());
  CheckResult result = Check(parsed.parsed, TestEnv());
  ASSERT_EQ(result.issues.size(), 2u);
  EXPECT_EQ(result.issues[0].message, "undeclared reference to `nope`");
  EXPECT_EQ(result.issues[1].message, "undeclared reference to `nope2`");
}

}  // namespace
}  // namespace warden::cel
