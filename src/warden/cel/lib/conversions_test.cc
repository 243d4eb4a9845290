#include <cmath>
#include <limits>

#include "warden/cel/lib/conversions_format.h"
#include "warden/cel/lib/std_testing.h"

namespace warden::cel {
namespace {

using std_testing::IsBool;
using std_testing::IsBytes;
using std_testing::IsDouble;
using std_testing::IsError;
using std_testing::IsInt;
using std_testing::IsString;
using std_testing::IsType;
using std_testing::IsUint;
using std_testing::IsValue;
using std_testing::StdLib;

constexpr double kInf = std::numeric_limits<double>::infinity();

Value I(int64_t value) { return Value::Int(value); }
Value U(uint64_t value) { return Value::Uint(value); }
Value D(double value) { return Value::Double(value); }

TEST(ConversionsFormatTest, FormatDoubleMatchesGoPercentG) {
  struct Case {
    double value;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {123.456, "123.456"},
      {-4.5e-3, "-0.0045"},
      {1.0, "1"},
      {0.0, "0"},
      {-0.0, "-0"},
      {100, "100"},
      {123456, "123456"},
      {123456.7, "123456.7"},
      {1e6, "1e+06"},
      {1234567, "1.234567e+06"},
      {1e21, "1e+21"},
      {1e100, "1e+100"},
      {0.1, "0.1"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {-2.5e-7, "-2.5e-07"},
      {1.0 / 3.0, "0.3333333333333333"},
      {9223372036854775807.0, "9.223372036854776e+18"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {std::nan(""), "NaN"},
      {kInf, "+Inf"},
      {-kInf, "-Inf"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.expected);
    EXPECT_EQ(FormatDouble(test.value), test.expected);
  }
}

TEST(ConversionsFormatTest, ParseInt64FollowsGoParseInt) {
  struct Case {
    const char* text;
    NumberParseStatus status;
    int64_t value;
  };
  const std::vector<Case> cases = {
      {"987", NumberParseStatus::kOk, 987},
      {"+5", NumberParseStatus::kOk, 5},
      {"-0", NumberParseStatus::kOk, 0},
      {"007", NumberParseStatus::kOk, 7},
      {"9223372036854775807", NumberParseStatus::kOk, INT64_MAX},
      {"-9223372036854775808", NumberParseStatus::kOk, INT64_MIN},
      {"9223372036854775808", NumberParseStatus::kRange, 0},
      {"-9223372036854775809", NumberParseStatus::kRange, 0},
      {"99999999999999999999999", NumberParseStatus::kRange, 0},
      {"", NumberParseStatus::kSyntax, 0},
      {"-", NumberParseStatus::kSyntax, 0},
      {" 1", NumberParseStatus::kSyntax, 0},
      {"1 ", NumberParseStatus::kSyntax, 0},
      {"1_000", NumberParseStatus::kSyntax, 0},
      {"0x10", NumberParseStatus::kSyntax, 0},
      {"1.0", NumberParseStatus::kSyntax, 0},
      {"1e3", NumberParseStatus::kSyntax, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    int64_t value = 0;
    EXPECT_EQ(ParseInt64(test.text, value), test.status);
    if (test.status == NumberParseStatus::kOk) {
      EXPECT_EQ(value, test.value);
    }
  }
}

TEST(ConversionsFormatTest, ParseUint64RejectsSigns) {
  struct Case {
    const char* text;
    NumberParseStatus status;
    uint64_t value;
  };
  const std::vector<Case> cases = {
      {"300", NumberParseStatus::kOk, 300},
      {"18446744073709551615", NumberParseStatus::kOk, UINT64_MAX},
      {"18446744073709551616", NumberParseStatus::kRange, 0},
      {"+1", NumberParseStatus::kSyntax, 0},
      {"-1", NumberParseStatus::kSyntax, 0},
      {"1u", NumberParseStatus::kSyntax, 0},
      {"", NumberParseStatus::kSyntax, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    uint64_t value = 0;
    EXPECT_EQ(ParseUint64(test.text, value), test.status);
    if (test.status == NumberParseStatus::kOk) {
      EXPECT_EQ(value, test.value);
    }
  }
}

TEST(ConversionsFormatTest, ParseDoubleFollowsGoParseFloat) {
  struct Case {
    const char* text;
    NumberParseStatus status;
    double value;
  };
  const std::vector<Case> cases = {
      {"0", NumberParseStatus::kOk, 0},
      {"-0.0", NumberParseStatus::kOk, -0.0},
      {"123.456", NumberParseStatus::kOk, 123.456},
      {"6.02214e23", NumberParseStatus::kOk, 6.02214e23},
      {"1.38e-23", NumberParseStatus::kOk, 1.38e-23},
      {"-84.32e7", NumberParseStatus::kOk, -843200000},
      {"-5.43e-21", NumberParseStatus::kOk, -5.43e-21},
      {"1E3", NumberParseStatus::kOk, 1000},
      {"+.5", NumberParseStatus::kOk, 0.5},
      {"1.", NumberParseStatus::kOk, 1},
      {"-.5e-1", NumberParseStatus::kOk, -0.05},
      {"4.9e-324", NumberParseStatus::kOk, 4.9e-324},
      {"1e-400", NumberParseStatus::kOk, 0},
      {"-1e-400", NumberParseStatus::kOk, -0.0},
      {"0.000000000000000000000000000000000001e-300", NumberParseStatus::kOk, 0},
      {"1e400", NumberParseStatus::kRange, 0},
      {"-1e400", NumberParseStatus::kRange, 0},
      {"0x1p-2", NumberParseStatus::kOk, 0.25},
      {"-0X1.8P1", NumberParseStatus::kOk, -3},
      {"0x1p5000", NumberParseStatus::kRange, 0},
      {"NaN", NumberParseStatus::kOk, std::nan("")},
      {"nan", NumberParseStatus::kOk, std::nan("")},
      {"Infinity", NumberParseStatus::kOk, kInf},
      {"-inf", NumberParseStatus::kOk, -kInf},
      {"+INF", NumberParseStatus::kOk, kInf},
      {"+nan", NumberParseStatus::kSyntax, 0},
      {"infinit", NumberParseStatus::kSyntax, 0},
      {"0x1", NumberParseStatus::kSyntax, 0},
      {"", NumberParseStatus::kSyntax, 0},
      {".", NumberParseStatus::kSyntax, 0},
      {"e5", NumberParseStatus::kSyntax, 0},
      {"1e", NumberParseStatus::kSyntax, 0},
      {"1e+", NumberParseStatus::kSyntax, 0},
      {"1_0", NumberParseStatus::kSyntax, 0},
      {" 1", NumberParseStatus::kSyntax, 0},
      {"1.5x", NumberParseStatus::kSyntax, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    double value = 42;
    EXPECT_EQ(ParseDouble(test.text, value), test.status);
    if (test.status == NumberParseStatus::kOk) {
      EXPECT_TRUE(IsDouble(D(value), test.value));
    }
  }
}

TEST(ConversionsFormatTest, ParseBoolAcceptsGoSpellings) {
  for (const char* text : {"1", "t", "T", "TRUE", "true", "True"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseBool(text), std::optional<bool>(true));
  }
  for (const char* text : {"0", "f", "F", "FALSE", "false", "False"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseBool(text), std::optional<bool>(false));
  }
  for (const char* text : {"TrUe", "FaLsE", "yes", "", " true", "2"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseBool(text), std::nullopt);
  }
}

struct Case {
  const char* label;
  const char* function;
  Value arg;
  Value expected;               // ignored when `error` is set
  const char* error = nullptr;  // fragment of the expected error message
};

void RunCases(StdLib& lib, const std::vector<Case>& cases) {
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    Value result = lib.Global(test.function, {test.arg});
    if (test.error != nullptr) {
      EXPECT_TRUE(IsError(result, test.error));
    } else {
      EXPECT_TRUE(IsValue(result, test.expected));
    }
  }
}

TEST(ConversionsTest, IntConversionsCheckTheRange) {
  StdLib lib;
  RunCases(
      lib,
      {
          {"int(1)", "int", I(1), I(1)},
          {"int(42u)", "int", U(42), I(42)},
          {"int(9223372036854775807u)", "int", U(INT64_MAX), I(INT64_MAX)},
          {"int(18446744073709551615u)", "int", U(UINT64_MAX), {}, "range error converting"},
          {"int(-123.456)", "int", D(-123.456), I(-123)},
          {"int(1.9)", "int", D(1.9), I(1)},
          {"int(-7.9)", "int", D(-7.9), I(-7)},
          {"int(11.5)", "int", D(11.5), I(11)},
          {"int(-3.5)", "int", D(-3.5), I(-3)},
          {"int(2^55)", "int", D(36028797018963968.0), I(36028797018963968)},
          {"int(2^63 - 1024)", "int", D(9223372036854774784.0), I(9223372036854774784)},
          {"int(-2^63 + 1024)", "int", D(-9223372036854774784.0), I(-9223372036854774784)},
          {"int(9223372036854775807.0)", "int", D(9223372036854775807.0), {}, "range error"},
          {"int(-9223372036854775808.0)", "int", D(-9223372036854775808.0), {}, "range error"},
          {"int(1e99)", "int", D(1e99), {}, "range error converting `1e+99` to int"},
          {"int(18446744073709551615.0)", "int", D(18446744073709551615.0), {}, "range error"},
          {"int(NaN)", "int", D(std::nan("")), {}, "range error"},
          {"int(-inf)", "int", D(-kInf), {}, "range error"},
          {"int('987')", "int", lib.Str("987"), I(987)},
          {"int('-987')", "int", lib.Str("-987"), I(-987)},
          {"int('9223372036854775808')", "int", lib.Str("9223372036854775808"), {}, "range error"},
          {"int('1.5')", "int", lib.Str("1.5"), {}, "cannot convert `1.5` to int"},
          {"int('')", "int", lib.Str(""), {}, "cannot convert `` to int"},
          {"int(true)", "int", Value::True(), {}, "no matching overload"},
      });
}

TEST(ConversionsTest, UintConversionsCheckTheRange) {
  StdLib lib;
  RunCases(lib,
           {
               {"uint(1u)", "uint", U(1), U(1)},
               {"uint(1729)", "uint", I(1729), U(1729)},
               {"uint(9223372036854775807)", "uint", I(INT64_MAX), U(INT64_MAX)},
               {"uint(-1)", "uint", I(-1), {}, "range error converting `-1` to uint"},
               {"uint(3.14159265)", "uint", D(3.14159265), U(3)},
               {"uint(25.5)", "uint", D(25.5), U(25)},
               {"uint(-0.0)", "uint", D(-0.0), U(0)},
               {"uint(2^64 - 2048)", "uint", D(18446744073709549568.0), U(18446744073709549568u)},
               {"uint(2^64)", "uint", D(18446744073709551616.0), {}, "range error"},
               {"uint(6.022e23)", "uint", D(6.022e23), {}, "range error"},
               {"uint(-0.5)", "uint", D(-0.5), {}, "range error"},
               {"uint(NaN)", "uint", D(std::nan("")), {}, "range error"},
               {"uint('300')", "uint", lib.Str("300"), U(300)},
               {"uint('18446744073709551616')",
                "uint",
                lib.Str("18446744073709551616"),
                {},
                "range error"},
               {"uint('-1')", "uint", lib.Str("-1"), {}, "cannot convert `-1` to uint"},
           });
}

TEST(ConversionsTest, DoubleConversions) {
  StdLib lib;
  RunCases(
      lib,
      {
          {"double(5.5)", "double", D(5.5), D(5.5)},
          {"double(0)", "double", I(0), D(0)},
          {"double(-1000000000000000)", "double", I(-1000000000000000), D(-1e15)},
          {"double(9223372036854775807)", "double", I(INT64_MAX), D(9223372036854775808.0)},
          {"double(18446744073709551615u)", "double", U(UINT64_MAX), D(18446744073709551616.0)},
          {"double(9007199254740992u)", "double", U(9007199254740992), D(9007199254740992.0)},
          {"double('-0.0')", "double", lib.Str("-0.0"), D(-0.0)},
          {"double('6.02214e23')", "double", lib.Str("6.02214e23"), D(6.02214e23)},
          {"double('NaN')", "double", lib.Str("NaN"), D(std::nan(""))},
          {"double('-Infinity')", "double", lib.Str("-Infinity"), D(-kInf)},
          {"double('1e400')", "double", lib.Str("1e400"), {}, "range error converting `1e400`"},
          {"double('one')", "double", lib.Str("one"), {}, "cannot convert `one` to double"},
      });
}

TEST(ConversionsTest, StringConversions) {
  StdLib lib;
  const std::string long_text(200, 'x');
  RunCases(lib,
           {
               {"string('hello')", "string", lib.Str("hello"), lib.Str("hello")},
               {"string(123)", "string", I(123), lib.Str("123")},
               {"string(-456)", "string", I(-456), lib.Str("-456")},
               {"string(min int)", "string", I(INT64_MIN), lib.Str("-9223372036854775808")},
               {"string(9876u)", "string", U(9876), lib.Str("9876")},
               {"string(123.456)", "string", D(123.456), lib.Str("123.456")},
               {"string(-4.5e-3)", "string", D(-4.5e-3), lib.Str("-0.0045")},
               {"string(1.0)", "string", D(1.0), lib.Str("1")},
               {"string(1e100)", "string", D(1e100), lib.Str("1e+100")},
               {"string(true)", "string", Value::True(), lib.Str("true")},
               {"string(b'abc')", "string", lib.Bytes("abc"), lib.Str("abc")},
               {"string(b'\\303\\277')", "string", lib.Bytes("\xc3\xbf"), lib.Str("\u00ff")},
               {"string(b'\\000\\xff')",
                "string",
                lib.Bytes(std::string_view("\0\xff", 2)),
                {},
                "invalid UTF-8 in bytes at offset 1"},
               {"int(long text) excerpt",
                "int",
                lib.Str(long_text),
                {},
                "cannot convert "
                "`xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` to int"},
           });
}

TEST(ConversionsTest, BytesBoolDynConversions) {
  StdLib lib;
  RunCases(lib, {
                    {"bytes('')", "bytes", lib.Str(""), lib.Bytes("")},
                    {"bytes('\u00ff')", "bytes", lib.Str("\u00ff"), lib.Bytes("\xc3\xbf")},
                    {"bytes(b'abc')", "bytes", lib.Bytes("abc"), lib.Bytes("abc")},
                    {"bool(true)", "bool", Value::True(), Value::True()},
                    {"bool('t')", "bool", lib.Str("t"), Value::True()},
                    {"bool('FALSE')", "bool", lib.Str("FALSE"), Value::False()},
                    {"bool('TrUe')", "bool", lib.Str("TrUe"), {}, "cannot convert `TrUe` to bool"},
                    {"bool(1)", "bool", I(1), {}, "no matching overload"},
                    {"dyn(1u)", "dyn", U(1), U(1)},
                    {"dyn('x')", "dyn", lib.Str("x"), lib.Str("x")},
                    {"dyn([])", "dyn", lib.List({}), lib.List({})},
                });
  EXPECT_TRUE(IsBytes(lib.Global("bytes", {lib.Str("abc")}), "abc"));
  EXPECT_TRUE(IsBool(lib.Global("bool", {lib.Str("0")}), false));
}

TEST(ConversionsTest, TypeReturnsTheCelTypeName) {
  StdLib lib;
  const Value opaque = lib.ctx().values().MakeOpaque("net.IP", "\x7f\0\0\x01");
  struct TypeCase {
    const char* label;
    Value value;
    const char* expected;
  };
  const std::vector<TypeCase> cases = {
      {"type(true)", Value::True(), "bool"},
      {"type(0)", I(0), "int"},
      {"type(64u)", U(64), "uint"},
      {"type(3.14)", D(3.14), "double"},
      {"type(null)", Value::Null(), "null_type"},
      {"type('foo')", lib.Str("foo"), "string"},
      {"type(b'\\xff')", lib.Bytes("\xff"), "bytes"},
      {"type([1, 2, 3])", lib.List({I(1)}), "list"},
      {"type({4: 16})", lib.Map({I(4)}, {I(16)}), "map"},
      {"type(timestamp)", Value::Timestamp(0, 0), "google.protobuf.Timestamp"},
      {"type(duration)", Value::Duration(1, 0), "google.protobuf.Duration"},
      {"type(int)", Value::Type("int"), "type"},
      {"type(optional.none())", Value::OptionalNone(), "optional_type"},
      {"type(net.IP)", opaque, "net.IP"},
  };
  for (const TypeCase& test : cases) {
    SCOPED_TRACE(test.label);
    EXPECT_TRUE(IsType(lib.Global("type", {test.value}), test.expected));
  }
  EXPECT_TRUE(
      IsBool(lib.Global("_==_", {lib.Global("type", {I(7)}), lib.Global("type", {U(7)})}), false));
  EXPECT_TRUE(IsBool(lib.Global("_==_", {lib.Global("type", {lib.List({I(1)})}),
                                         lib.Global("type", {lib.List({lib.Str("one")})})}),
                     true));
}

TEST(ConversionsTest, StringResultsChargeTheCostBudget) {
  StdLib lib(/*cost_budget=*/3);
  EXPECT_TRUE(IsError(lib.Global("string", {I(123456)}), "evaluation cost budget exceeded"));
  StdLib roomy;
  EXPECT_TRUE(IsString(roomy.Global("string", {I(123456)}), "123456"));
  EXPECT_TRUE(IsInt(roomy.Global("int", {roomy.Str("+5")}), 5));
  EXPECT_TRUE(IsUint(roomy.Global("uint", {roomy.Str("0")}), 0));
}

}  // namespace
}  // namespace warden::cel
