#include <cmath>

#include "warden/cel/lib/std_testing.h"

namespace warden::cel {
namespace {

using std_testing::IsBool;
using std_testing::IsError;
using std_testing::StdLib;

struct Case {
  const char* label;
  const char* op;
  Value left;
  Value right;
  bool expected;
};

Value I(int64_t value) { return Value::Int(value); }
Value U(uint64_t value) { return Value::Uint(value); }
Value D(double value) { return Value::Double(value); }

TEST(StdComparisonsTest, OrderingComparesNumbersAcrossKinds) {
  const double nan = std::nan("");
  const std::vector<Case> cases = {
      {"1 < 2u", "_<_", I(1), U(2), true},
      {"1 < 2.0", "_<_", I(1), D(2.0), true},
      {"1u < 2", "_<_", U(1), I(2), true},
      {"1.0 < 2u", "_<_", D(1.0), U(2), true},
      {"-1 < 0u", "_<_", I(-1), U(0), true},
      {"1 < 1.5", "_<_", I(1), D(1.5), true},
      {"2 <= 1.5", "_<=_", I(2), D(1.5), false},
      {"1 <= 1.0", "_<=_", I(1), D(1.0), true},
      {"-0.0 < 0.0", "_<_", D(-0.0), D(0.0), false},
      {"-0.0 >= 0.0", "_>=_", D(-0.0), D(0.0), true},
      {"1.0 < 1.0000001", "_<_", D(1.0), D(1.0000001), true},
      {"max uint > max int", "_>_", U(UINT64_MAX), I(INT64_MAX), true},
      // Conformance: ints meet doubles as doubles, so max int converts to 2^63 exactly.
      {"max int < 2^63 (lossy)", "_<_", I(INT64_MAX), D(9223372036854775808.0), false},
      {"max int < 9223372036854777857.0", "_<_", I(INT64_MAX), D(9223372036854777857.0), true},
      {"max int < -9223372036854777857.0", "_<_", I(INT64_MAX), D(-9223372036854777857.0), false},
      {"min int < -9223372036854775809.0", "_<_", I(INT64_MIN), D(-9223372036854775809.0), false},
      {"max uint < 18446744073709590000.0", "_<_", U(UINT64_MAX), D(18446744073709590000.0), true},
      {"max uint < -1.0", "_<_", U(UINT64_MAX), D(-1.0), false},
      {"1 < 9223372036854775808u", "_<_", I(1), U(9223372036854775808u), true},
      {"9223372036854775808u < 1", "_<_", U(9223372036854775808u), I(1), false},
      {"1u < min int", "_<_", U(1), I(INT64_MIN), false},
      {"NaN < 1", "_<_", D(nan), I(1), false},
      {"NaN >= 1", "_>=_", D(nan), I(1), false},
      {"1u > NaN", "_>_", U(1), D(nan), false},
      {"NaN <= NaN", "_<=_", D(nan), D(nan), false},
      {"false < true", "_<_", Value::False(), Value::True(), true},
      {"true <= false", "_<=_", Value::True(), Value::False(), false},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    StdLib lib;
    EXPECT_TRUE(IsBool(lib.Global(test.op, {test.left, test.right}), test.expected));
  }
}

TEST(StdComparisonsTest, OrderingComparesTextBytesAndTime) {
  StdLib lib;
  EXPECT_TRUE(IsBool(lib.Global("_>=_", {lib.Str("abcd"), lib.Str("abc")}), true));
  EXPECT_TRUE(IsBool(lib.Global("_<_", {lib.Str("a"), lib.Str("\u00e9")}), true));
  EXPECT_TRUE(IsBool(lib.Global("_<_", {lib.Str("\u00ff"), lib.Str("\U0001F431")}), true));
  EXPECT_TRUE(
      IsBool(lib.Global("_>_", {lib.Bytes(std::string_view("\0", 1)), lib.Bytes(" ")}), false));
  EXPECT_TRUE(IsBool(lib.Global("_>_", {lib.Bytes("\xff"), lib.Bytes("a")}), true));
  EXPECT_TRUE(IsBool(
      lib.Global("_<=_", {lib.Ts("2009-02-13T23:00:00Z"), lib.Ts("2009-02-13T23:00:00Z")}), true));
  EXPECT_TRUE(IsBool(
      lib.Global("_<_", {lib.Ts("2009-02-13T23:00:00Z"), lib.Ts("2009-02-13T23:00:00.000000001Z")}),
      true));
  EXPECT_TRUE(IsBool(lib.Global("_>=_", {lib.Dur("120s"), lib.Dur("200s")}), false));
  EXPECT_TRUE(IsBool(lib.Global("_<_", {lib.Dur("-1.5s"), lib.Dur("-1s")}), true));
}

TEST(StdComparisonsTest, OrderingWithoutOverloadIsAnError) {
  StdLib lib;
  EXPECT_TRUE(IsError(lib.Global("_<_", {lib.Str("foo"), I(1024)}), "no matching overload"));
  EXPECT_TRUE(IsError(lib.Global("_<_", {Value::Null(), Value::Null()}), "no matching overload"));
  EXPECT_TRUE(
      IsError(lib.Global("_<_", {lib.List({I(0)}), lib.List({I(1)})}), "no matching overload"));
  EXPECT_TRUE(IsError(lib.Global("_<=_", {lib.Ts("2009-02-13T23:00:00Z"), lib.Dur("1s")}),
                      "no matching overload"));
  EXPECT_TRUE(IsError(lib.Global("_>_", {Value::True(), I(0)}), "no matching overload"));
}

TEST(StdComparisonsTest, EqualityIsHeterogeneous) {
  const double nan = std::nan("");
  StdLib lib;
  const std::vector<Case> cases = {
      {"1 == 1u", "_==_", I(1), U(1), true},
      {"1 == 1.0", "_==_", I(1), D(1.0), true},
      {"2u == 1.0", "_==_", U(2), D(1.0), false},
      {"NaN == NaN", "_==_", D(nan), D(nan), false},
      {"NaN != NaN", "_!=_", D(nan), D(nan), true},
      {"1 != NaN", "_!=_", I(1), D(nan), true},
      {"false == null", "_==_", Value::False(), Value::Null(), false},
      {"null == null", "_==_", Value::Null(), Value::Null(), true},
      {"'a' == b'a'", "_==_", lib.Str("a"), lib.Bytes("a"), false},
      {"[1.0, 2.0, 3] == [1u, 2, 3u]", "_==_", lib.List({D(1), D(2), I(3)}),
       lib.List({U(1), I(2), U(3)}), true},
      {"[1, 2] == [2, 1]", "_==_", lib.List({I(1), I(2)}), lib.List({I(2), I(1)}), false},
      {"{1: 1.0, 2u: 3u} == {1u: 1, 2: 3.0}", "_==_", lib.Map({I(1), U(2)}, {D(1), U(3)}),
       lib.Map({U(1), I(2)}, {I(1), D(3)}), true},
      {"{'a':'b','c':'d'} != {'c':'d','a':'b'}", "_!=_",
       lib.Map({lib.Str("a"), lib.Str("c")}, {lib.Str("b"), lib.Str("d")}),
       lib.Map({lib.Str("c"), lib.Str("a")}, {lib.Str("d"), lib.Str("b")}), false},
      {"type(int) == type(uint)", "_==_", Value::Type("int"), Value::Type("uint"), false},
      {"duration('0s') == null", "_==_", Value::Duration(0, 0), Value::Null(), false},
      {"timestamp(0) != timestamp(0)", "_!=_", Value::Timestamp(0, 0), Value::Timestamp(0, 0),
       false},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    EXPECT_TRUE(IsBool(lib.Global(test.op, {test.left, test.right}), test.expected));
  }
}

TEST(StdComparisonsTest, NotNegatesBoolsOnly) {
  StdLib lib;
  EXPECT_TRUE(IsBool(lib.Global("!_", {Value::True()}), false));
  EXPECT_TRUE(IsBool(lib.Global("!_", {Value::False()}), true));
  EXPECT_TRUE(IsError(lib.Global("!_", {I(0)}), "no matching overload"));
}

}  // namespace
}  // namespace warden::cel
