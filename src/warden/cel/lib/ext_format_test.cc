// Tests of `<string>.format(<list>)`. Cases marked "conformance" mirror cel-spec's
// string_ext conformance file (sections format and format_errors).

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsError;
using testing::IsString;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

class FormatTest : public ::testing::Test {
 protected:
  Value S(std::string_view text) { return tester.Str(text); }
  Value L(std::vector<Value> items) { return tester.List(std::move(items)); }
  Value Format(std::string_view format, std::vector<Value> args) {
    return tester.Member("format", {S(format), L(std::move(args))});
  }

  ExtTester tester{RegisterStringExtensions};
};

struct FormatCase {
  const char* name;
  std::string format;
  std::vector<Value> args;
  std::string expected;
};

void ExpectFormats(ExtTester& tester, const std::vector<FormatCase>& cases) {
  for (const FormatCase& format_case : cases) {
    SCOPED_TRACE(format_case.name);
    Value result =
        tester.Member("format", {tester.Str(format_case.format), tester.List(format_case.args)});
    EXPECT_TRUE(IsString(result, format_case.expected));
  }
}

TEST_F(FormatTest, SubstitutesClausesInOrder) {
  ExpectFormats(
      tester,
      {
          // conformance
          {"no-op", "no substitution", {}, "no substitution"},
          {"mid-string", "str is %s and some more", {S("filler")}, "str is filler and some more"},
          {"percent escaping", "%% and also %%", {}, "% and also %"},
          {"inside escaped percents", "%%%s%%", {S("text")}, "%text%"},
          {"escaped percent right", "%s%%", {S("percent on the right")}, "percent on the right%"},
          {"escaped percent left", "%%%s", {S("percent on the left")}, "%percent on the left"},
          {"multiple",
           "%d %d %d, %s %s %s, %d %d %d, %s %s %s",
           {Value::Int(1), Value::Int(2), Value::Int(3), S("A"), S("B"), S("C"), Value::Int(4),
            Value::Int(5), Value::Int(6), S("D"), S("E"), S("F")},
           "1 2 3, A B C, 4 5 6, D E F"},
          {"percent escape sequence", "%%escaped %s%%", {S("percent")}, "%escaped percent%"},
          // more
          {"unused arguments are ignored", "%s", {S("a"), S("b")}, "a"},
          {"unicode around clauses", "©%sα", {S("T")}, "©Tα"},
      });
}

TEST_F(FormatTest, FormatsNumbersWithEveryVerb) {
  ExpectFormats(
      tester,
      {
          // conformance
          {"fixed point", "%.3f", {Value::Double(1.2345)}, "1.234"},
          {"binary", "this is 5 in binary: %b", {Value::Int(5)}, "this is 5 in binary: 101"},
          {"uint binary",
           "unsigned 64 in binary: %b",
           {Value::Uint(64)},
           "unsigned 64 in binary: 1000000"},
          {"bool binary", "bit set from bool: %b", {Value::True()}, "bit set from bool: 1"},
          {"octal", "%o", {Value::Int(11)}, "13"},
          {"uint octal",
           "this is an unsigned octal: %o",
           {Value::Uint(65535)},
           "this is an unsigned octal: 177777"},
          {"lower hex", "%x is 20 in hexadecimal", {Value::Int(30)}, "1e is 20 in hexadecimal"},
          {"upper hex", "%X is 20 in hexadecimal", {Value::Int(30)}, "1E is 20 in hexadecimal"},
          {"uint hex",
           "%X is 6000 in hexadecimal",
           {Value::Uint(6000)},
           "1770 is 6000 in hexadecimal"},
          {"string hex", "%x", {S("Hello world!")}, "48656c6c6f20776f726c6421"},
          {"string upper hex", "%X", {S("Hello world!")}, "48656C6C6F20776F726C6421"},
          {"bytes hex", "%x", {tester.Bytes("byte string")}, "6279746520737472696e67"},
          {"bytes upper hex", "%X", {tester.Bytes("byte string")}, "6279746520737472696E67"},
          {"scientific", "%.6e", {Value::Double(1052.032911275)}, "1.052033e+03"},
          {"default fixed precision", "%f", {Value::Double(2.71828)}, "2.718280"},
          {"default scientific precision", "%e", {Value::Double(2.71828)}, "2.718280e+00"},
          {"NaN scientific", "%e", {Value::Double(kNaN)}, "NaN"},
          {"Infinity scientific", "%e", {Value::Double(kInf)}, "Infinity"},
          {"-Infinity scientific", "%e", {Value::Double(-kInf)}, "-Infinity"},
          {"NaN decimal", "%d", {Value::Double(kNaN)}, "NaN"},
          {"Infinity decimal", "%d", {Value::Double(kInf)}, "Infinity"},
          {"-Infinity decimal", "%d", {Value::Double(-kInf)}, "-Infinity"},
          {"NaN fixed", "%f", {Value::Double(kNaN)}, "NaN"},
          {"Infinity fixed", "%f", {Value::Double(kInf)}, "Infinity"},
          {"-Infinity fixed", "%f", {Value::Double(-kInf)}, "-Infinity"},
          {"uint decimal", "%d", {Value::Uint(64)}, "64"},
          {"dyn int decimal", "%d", {Value::Int(128)}, "128"},
          {"dyn uint decimal", "%d", {Value::Uint(256)}, "256"},
          {"dyn hex", "%x", {Value::Int(22)}, "16"},
          {"dyn upper hex", "%X", {Value::Int(26)}, "1A"},
          {"dyn uint hex", "%x", {Value::Uint(500)}, "1f4"},
          {"dyn fixed", "%.3f", {Value::Double(4.5)}, "4.500"},
          {"dyn scientific", "%e", {Value::Double(2.71828)}, "2.718280e+00"},
          {"%.0f insignificant zeroes", "%.0f", {Value::Double(123.0)}, "123"},
          {"%.0f rounds up", "%.0f", {Value::Double(3.5001)}, "4"},
          {"%.0f rounds down", "%.0f", {Value::Double(3.4999)}, "3"},
          {"%.0f half to even up", "%.0f", {Value::Double(1.5)}, "2"},
          {"%.0f half to even down", "%.0f", {Value::Double(2.5)}, "2"},
          {"%.3f positive round up", "%.3f", {Value::Double(123.4999)}, "123.500"},
          {"%.3f positive round down", "%.3f", {Value::Double(123.4994)}, "123.499"},
          {"%.3f negative round up", "%.3f", {Value::Double(-123.4999)}, "-123.500"},
          {"%.3f negative round down", "%.3f", {Value::Double(-123.4994)}, "-123.499"},
          {"%.5f zero padding", "%.5f", {Value::Double(-1.2)}, "-1.20000"},
          // more: negative numbers keep their sign in every base, ints work with %f/%e
          {"negative binary", "%b", {Value::Int(-5)}, "-101"},
          {"negative octal", "%o", {Value::Int(-8)}, "-10"},
          {"negative hex", "%x", {Value::Int(-30)}, "-1e"},
          {"min int",
           "%d",
           {Value::Int(std::numeric_limits<int64_t>::min())},
           "-9223372036854775808"},
          {"max uint hex",
           "%X",
           {Value::Uint(std::numeric_limits<uint64_t>::max())},
           "FFFFFFFFFFFFFFFF"},
          {"int fixed", "%.2f", {Value::Int(3)}, "3.00"},
          {"uint scientific", "%.1e", {Value::Uint(1500)}, "1.5e+03"},
          {"double decimal", "%d", {Value::Double(2.5)}, "2.5"},
          {"large double decimal", "%d", {Value::Double(1e21)}, "1000000000000000000000"},
          {"precision ignored by %d", "%.2d", {Value::Int(7)}, "7"},
          {"zero precision scientific", "%.0e", {Value::Double(12345.0)}, "1e+04"},
          {"bool binary false", "%b", {Value::False()}, "0"},
      });
}

TEST_F(FormatTest, FormatsEveryKindWithPercentS) {
  const Value timestamp = Value::Timestamp(1675467080, 0);  // 2023-02-03T23:31:20Z
  ExpectFormats(
      tester,
      {
          // conformance
          {"null", "%s", {Value::Null()}, "null"},
          {"int", "%s", {Value::Int(999999999999)}, "999999999999"},
          {"bytes", "%s", {tester.Bytes("xyz")}, "xyz"},
          {"type", "%s", {Value::Type("string")}, "string"},
          {"timestamp", "%s", {timestamp}, "2023-02-03T23:31:20Z"},
          {"duration", "%s", {Value::Duration(6347, 0)}, "6347s"},
          {"list",
           "%s",
           {L({S("abc"), Value::Double(3.14), Value::Null(),
               L({Value::Int(9), Value::Int(8), Value::Int(7), Value::Int(6)}), timestamp})},
           "[abc, 3.14, null, [9, 8, 7, 6], 2023-02-03T23:31:20Z]"},
          {"map",
           "%s",
           {tester.Map({S("key1"), S("key5"), S("key2"), S("key4"), S("key3")},
                       {tester.Bytes("xyz"), Value::Null(), Value::Duration(7200, 0), Value::True(),
                        Value::Double(2.71828)})},
           "{key1: xyz, key2: 7200s, key3: 2.71828, key4: true, key5: null}"},
          {"map with all key types",
           "%s",
           {tester.Map({Value::Int(1), Value::Uint(2), Value::True()},
                       {S("value1"), S("value2"), Value::Double(kNaN)})},
           "{1: value1, 2: value2, true: NaN}"},
          {"bools", "%s, %s", {Value::True(), Value::False()}, "true, false"},
          {"dyn string", "%s", {S("a string")}, "a string"},
          {"dyn numbers", "%s, %s", {Value::Int(32), Value::Double(56.8)}, "32, 56.8"},
          {"special doubles in a list",
           "%s",
           {L({Value::Double(kNaN), Value::Double(kInf), Value::Double(-kInf)})},
           "[NaN, Infinity, -Infinity]"},
          {"dyn timestamp", "%s", {Value::Timestamp(1257894000, 0)}, "2009-11-10T23:00:00Z"},
          {"dyn duration", "%s", {Value::Duration(8747, 0)}, "8747s"},
          {"dyn list",
           "%s",
           {L({Value::Int(6), Value::Double(4.2), S("a string")})},
           "[6, 4.2, a string]"},
          {"map keys sorted by text",
           "%s",
           {tester.Map({S("strKey"), Value::Int(6), Value::True()},
                       {S("x"), Value::Duration(422, 0), Value::Int(42)})},
           "{6: 422s, strKey: x, true: 42}"},
          // more
          {"uint", "%s", {Value::Uint(18446744073709551615ULL)}, "18446744073709551615"},
          {"negative zero", "%s", {Value::Double(-0.0)}, "-0"},
          {"tiny double", "%s", {Value::Double(1e-7)}, "0.0000001"},
          {"fractional duration", "%s", {Value::Duration(1, 500000000)}, "1.5s"},
          {"negative duration", "%s", {Value::Duration(0, -1)}, "-0.000000001s"},
          {"timestamp with nanos",
           "%s",
           {Value::Timestamp(0, 120000000)},
           "1970-01-01T00:00:00.12Z"},
          {"timestamp before the epoch", "%s", {Value::Timestamp(-1, 0)}, "1969-12-31T23:59:59Z"},
          {"first timestamp", "%s", {Value::Timestamp(-62135596800, 0)}, "0001-01-01T00:00:00Z"},
          {"last timestamp",
           "%s",
           {Value::Timestamp(253402300799, 999999999)},
           "9999-12-31T23:59:59.999999999Z"},
          {"empty list", "%s", {L({})}, "[]"},
          {"empty map", "%s", {tester.Map({}, {})}, "{}"},
          {"nested map in list",
           "%s",
           {L({tester.Map({S("b"), S("a")}, {Value::Int(2), L({})})})},
           "[{a: [], b: 2}]"},
          {"ill-formed bytes", "%s", {tester.Bytes("a\xff")}, "a\xEF\xBF\xBD"},
      });
}

TEST_F(FormatTest, BadClausesAreErrors) {
  struct Case {
    const char* name;
    std::string format;
    std::vector<Value> args;
    const char* message;
  };
  const std::vector<Case> cases = {
      // conformance (format_errors)
      {"unrecognized",
       "%a",
       {Value::Int(1)},
       "could not parse formatting clause: unrecognized formatting clause `a`"},
      {"out of bounds", "%d %d %d", {Value::Int(0), Value::Int(1)}, "index 2 out of range"},
      {"uppercase E", "double is %E", {Value::Double(0.5)}, "unrecognized formatting clause `E`"},
      // more
      {"lone percent at the end",
       "abc %",
       {Value::Int(1)},
       "could not parse formatting clause: unexpected end of string"},
      {"lone percent without arguments", "%", {}, "index 0 out of range"},
      {"precision without end",
       "%.3",
       {Value::Double(1.0)},
       "could not find end of precision specifier"},
      {"precision without digits",
       "%.f",
       {Value::Double(1.0)},
       "missing precision digits after `.`"},
      {"precision too large",
       "%.1001f",
       {Value::Double(1.0)},
       "precision 1001 exceeds maximum allowed precision 1000"},
      {"huge precision",
       "%.99999999999999999999999f",
       {Value::Double(1.0)},
       "exceeds maximum allowed precision"},
      {"width is not supported", "%5d", {Value::Int(1)}, "unrecognized formatting clause `5`"},
      {"multibyte verb", "%©", {Value::Int(1)}, "unrecognized formatting clause `©`"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    EXPECT_TRUE(IsError(Format(test.format, test.args), test.message));
  }
}

TEST_F(FormatTest, ArgumentsOfTheWrongKindAreErrors) {
  struct Case {
    const char* name;
    std::string format;
    Value arg;
    const char* message;
  };
  const std::vector<Case> cases = {
      // conformance (format_errors); wording follows cel-go's latest formatter
      {"string with %b", "string is %b", Value::String("abc"),
       "error during formatting: only ints, uints, and bools can be formatted as binary, was "
       "given `string`"},
      {"duration with %d", "%d", Value::Duration(1802, 0),
       "error during formatting: decimal clause can only be used on ints, uints, and doubles, was "
       "given `google.protobuf.Duration`"},
      {"string with %o", "octal: %o", Value::String("a string"),
       "octal clause can only be used on ints and uints, was given `string`"},
      {"double with %x", "double is %x", Value::Double(0.5),
       "only ints, uints, bytes, and strings can be formatted as hex, was given `double`"},
      {"null with %d", "null: %d", Value::Null(),
       "decimal clause can only be used on ints, uints, "
       "and doubles, was given `null_type`"},
      {"null with %e", "null: %e", Value::Null(),
       "scientific clause can only be used on ints, uints, and doubles, was given `null_type`"},
      {"null with %f", "null: %f", Value::Null(),
       "fixed-point clause can only be used on ints, uints, and doubles, was given `null_type`"},
      {"null with %x", "null: %x", Value::Null(), "formatted as hex, was given `null_type`"},
      {"null with %X", "null: %X", Value::Null(), "formatted as hex, was given `null_type`"},
      {"null with %b", "null: %b", Value::Null(), "formatted as binary, was given `null_type`"},
      {"null with %o", "null: %o", Value::Null(),
       "octal clause can only be used on ints and "
       "uints, was given `null_type`"},
      // more
      {"optional with %s", "%s", Value::OptionalNone(),
       "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, "
       "types, durations, and timestamps, was given `optional_type`"},
      {"bool with %d", "%d", Value::True(), "was given `bool`"},
      {"string with %f", "%f", Value::String("NaN"), "was given `string`"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    EXPECT_TRUE(IsError(Format(test.format, {test.arg}), test.message));
  }
}

TEST_F(FormatTest, OpaqueValuesInsideListsAreErrors) {
  Value ip = tester.ctx().values().MakeOpaque("net.IP", std::string("\x7f\0\0\x01", 4));
  EXPECT_TRUE(IsError(Format("%s", {L({Value::Int(1), ip})}), "was given `net.IP`"));
}

TEST_F(FormatTest, HugeOutputHitsTheCostLimit) {
  ExtTester small{RegisterStringExtensions, 10'000};
  std::vector<Value> items(5'000, Value::Int(123456789));
  Value list = small.List(items);
  Value result = small.Member("format", {small.Str("%s"), small.List({list})});
  EXPECT_TRUE(IsError(result, "evaluation cost budget exceeded"));
  EXPECT_TRUE(small.ctx().cost_exceeded());
}

TEST_F(FormatTest, ManyWideNumericClausesHitTheCostLimit) {
  ExtTester small{RegisterStringExtensions, 50'000};
  std::string format;
  for (int clause = 0; clause < 100; ++clause) format += "%.1000f";
  std::vector<Value> args(100, Value::Double(1.5));
  Value result = small.Member("format", {small.Str(format), small.List(args)});
  EXPECT_TRUE(IsError(result, "evaluation cost budget exceeded"));
}

TEST_F(FormatTest, LargestPrecisionFormatsFully) {
  Value result = Format("%.1000f", {Value::Double(-1.7976931348623157e308)});
  ASSERT_EQ(result.kind(), ValueKind::kString);
  EXPECT_EQ(result.string_view().size(), 1 + 309 + 1 + 1000);
  Value tiny = Format("%.1000e", {Value::Double(4.9406564584124654e-324)});
  ASSERT_EQ(tiny.kind(), ValueKind::kString);
  EXPECT_EQ(tiny.string_view().substr(0, 6), "4.9406");
}

}  // namespace
}  // namespace warden::cel
