// Tests of the math extension. Cases marked "conformance" mirror cel-spec's math_ext
// conformance file.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsBool;
using testing::IsDouble;
using testing::IsError;
using testing::IsInt;
using testing::IsUint;

constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();
constexpr int64_t kMinInt = std::numeric_limits<int64_t>::min();
constexpr uint64_t kMaxUint = std::numeric_limits<uint64_t>::max();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Value I(int64_t value) { return Value::Int(value); }
Value U(uint64_t value) { return Value::Uint(value); }
Value D(double value) { return Value::Double(value); }

// Same kind and same numeric value (NaN matches NaN).
::testing::AssertionResult IsSame(const Value& actual, const Value& expected) {
  switch (expected.kind()) {
    case ValueKind::kInt:
      return IsInt(actual, expected.int_value());
    case ValueKind::kUint:
      return IsUint(actual, expected.uint_value());
    default:
      return IsDouble(actual, expected.double_value());
  }
}

class MathExtensionsTest : public ::testing::Test {
 protected:
  ExtTester tester{RegisterMathExtensions};
};

struct ExtremumCase {
  const char* name;
  std::vector<Value> args;
  Value expected;
};

TEST_F(MathExtensionsTest, GreatestReturnsTheWinningArgumentWithItsKind) {
  const std::vector<ExtremumCase> cases = {
      // conformance: greatest_int_result
      {"unary negative", {I(-5)}, I(-5)},
      {"unary positive", {I(5)}, I(5)},
      {"binary same", {I(1), I(1)}, I(1)},
      {"tie keeps the first (double second)", {I(1), D(1.0)}, I(1)},
      {"tie keeps the first (uint second)", {I(1), U(1)}, I(1)},
      {"first greater", {I(3), I(-3)}, I(3)},
      {"second greater", {I(-7), I(5)}, I(5)},
      {"int max first", {I(kMaxInt), I(1)}, I(kMaxInt)},
      {"int max second", {I(1), I(kMaxInt)}, I(kMaxInt)},
      {"int min first", {I(kMinInt), I(1)}, I(1)},
      {"int min second", {I(1), I(kMinInt)}, I(1)},
      {"ternary with negatives", {I(-1), I(-2), I(-3)}, I(-1)},
      {"ternary first greatest", {I(10), I(1), I(3)}, I(10)},
      {"ternary third greatest", {I(1), I(3), I(10)}, I(10)},
      {"mixed", {D(5.4), I(10), U(3), D(-5.0), I(kMaxInt)}, I(kMaxInt)},
      // conformance: greatest_double_result
      {"double unary", {D(-5.0)}, D(-5.0)},
      {"double tie keeps the first", {D(1.0), I(1)}, D(1.0)},
      {"double max", {D(1.797693e308), I(1)}, D(1.797693e308)},
      {"double min", {D(-1.797693e308), D(1.5)}, D(1.5)},
      {"double mixed", {D(5.4), I(10), U(3), D(-5.0), D(1.797693e308)}, D(1.797693e308)},
      // conformance: greatest_uint_result
      {"uint unary", {U(5)}, U(5)},
      {"uint tie keeps the first", {U(1), I(1)}, U(1)},
      {"uint beats negative int", {U(5), I(-7)}, U(5)},
      {"uint second", {I(-3), U(3)}, U(3)},
      {"uint max", {U(kMaxUint), U(1)}, U(kMaxUint)},
      {"uint mixed", {D(5.4), I(10), U(3), D(-5.0), U(kMaxUint)}, U(kMaxUint)},
  };
  for (const ExtremumCase& test : cases) {
    SCOPED_TRACE(test.name);
    EXPECT_TRUE(IsSame(tester.Global("math.greatest", test.args), test.expected));
  }
}

TEST_F(MathExtensionsTest, LeastReturnsTheWinningArgumentWithItsKind) {
  const std::vector<ExtremumCase> cases = {
      // conformance: least_*_result
      {"unary", {I(-5)}, I(-5)},
      {"tie keeps the first", {I(1), D(1.0)}, I(1)},
      {"first least", {I(-3), I(3)}, I(-3)},
      {"second least", {I(5), I(-7)}, I(-7)},
      {"int max", {I(kMaxInt), I(1)}, I(1)},
      {"int min", {I(1), I(kMinInt)}, I(kMinInt)},
      {"ternary with negatives", {I(-1), I(-2), I(-3)}, I(-3)},
      {"mixed", {D(5.4), I(10), U(3), D(-5.0), I(kMaxInt)}, D(-5.0)},
      {"double", {D(5.5), D(-7.5)}, D(-7.5)},
      {"double min", {D(1.5), D(-1.797693e308)}, D(-1.797693e308)},
      {"double tie keeps the first", {D(1.0), U(1), U(1)}, D(1.0)},
      {"uint", {U(5), U(2)}, U(2)},
      {"uint tie keeps the first", {U(1), D(1.0)}, U(1)},
      {"uint mixed", {D(5.4), I(10), U(3), U(1), U(kMaxUint)}, U(1)},
  };
  for (const ExtremumCase& test : cases) {
    SCOPED_TRACE(test.name);
    EXPECT_TRUE(IsSame(tester.Global("math.least", test.args), test.expected));
  }
}

TEST_F(MathExtensionsTest, GreatestAndLeastAcceptOneListOfNumbers) {
  Value ints = tester.List({D(5.4), I(10), U(3), D(-5.0), D(3.5)});
  Value doubles = tester.List({D(5.4), D(10.5), U(3), D(-5.0), D(3.5)});
  Value uints = tester.List({D(5.4), U(10), U(3), U(1), D(3.5)});
  // conformance: quaternary_mixed_array
  EXPECT_TRUE(IsInt(tester.Global("math.greatest", {ints}), 10));
  EXPECT_TRUE(IsDouble(tester.Global("math.greatest", {doubles}), 10.5));
  EXPECT_TRUE(IsUint(tester.Global("math.greatest", {uints}), 10));
  EXPECT_TRUE(IsDouble(tester.Global("math.least", {ints}), -5.0));
  EXPECT_TRUE(IsDouble(tester.Global("math.least", {doubles}), -5.0));
  EXPECT_TRUE(IsUint(tester.Global("math.least", {uints}), 1));
}

TEST_F(MathExtensionsTest, GreatestAndLeastRejectEmptyListsNonNumbersAndNaN) {
  EXPECT_TRUE(IsError(tester.Global("math.greatest", {tester.List({})}),
                      "`math.greatest` requires a non-empty list"));
  EXPECT_TRUE(IsError(tester.Global("math.least", {tester.List({})}),
                      "`math.least` requires a non-empty list"));
  EXPECT_TRUE(IsError(tester.Global("math.greatest", {tester.List({I(1), tester.Str("x")})}),
                      "requires numbers, found `string` at index 1"));
  EXPECT_TRUE(IsError(tester.Global("math.least", {I(1), D(kNaN)}), "cannot order NaN"));
  EXPECT_TRUE(
      IsError(tester.Global("math.greatest", {tester.List({D(kNaN)})}), "cannot order NaN"));
  EXPECT_FALSE(tester.Accepts("math.greatest", false, {tester.Str("x")}));
  EXPECT_FALSE(tester.Accepts("math.greatest", false, {I(1), tester.Str("x")}));
  EXPECT_FALSE(tester.Accepts("math.greatest", false, {tester.List({}), I(1)}));
  EXPECT_FALSE(tester.Accepts("math.greatest", false, {}));
}

TEST_F(MathExtensionsTest, GreatestAcceptsUpToTheMaximumArgumentCount) {
  std::vector<Value> args;
  for (size_t arg_idx = 0; arg_idx < kMathMaxArgs; ++arg_idx) {
    args.push_back(I(static_cast<int64_t>(arg_idx)));
  }
  EXPECT_TRUE(IsInt(tester.Global("math.greatest", args), kMathMaxArgs - 1));
  EXPECT_TRUE(IsInt(tester.Global("math.least", args), 0));
  args.push_back(I(0));
  EXPECT_FALSE(tester.Accepts("math.greatest", false, args));
}

TEST_F(MathExtensionsTest, CelGoInternalNamesAreAliases) {
  EXPECT_TRUE(IsInt(tester.Global("math.@max", {I(1), I(3), I(2)}), 3));
  EXPECT_TRUE(IsUint(tester.Global("math.@min", {tester.List({U(4), D(7.5)})}), 4));
}

TEST_F(MathExtensionsTest, RoundingFunctionsWorkOnDoubles) {
  struct Case {
    const char* function;
    double arg;
    double expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"math.ceil", -1.2, -1.0},
      {"math.ceil", 1.2, 2.0},
      {"math.floor", -1.2, -2.0},
      {"math.floor", 1.2, 1.0},
      {"math.round", -1.6, -2.0},
      {"math.round", -1.4, -1.0},
      {"math.round", -1.5, -2.0},
      {"math.round", 1.2, 1.0},
      {"math.round", 1.5, 2.0},
      {"math.round", kNaN, kNaN},
      {"math.trunc", -1.2, -1.0},
      {"math.trunc", 1.2, 1.0},
      {"math.trunc", kNaN, kNaN},
      // more
      {"math.round", 2.5, 3.0},
      {"math.ceil", kInf, kInf},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.function) + " " + std::to_string(test.arg));
    EXPECT_TRUE(IsDouble(tester.Global(test.function, {D(test.arg)}), test.expected));
  }
  for (const char* function : {"math.ceil", "math.floor", "math.round", "math.trunc"}) {
    SCOPED_TRACE(function);
    EXPECT_FALSE(tester.Accepts(function, false, {I(1)}));  // conformance: dyn_error
  }
}

TEST_F(MathExtensionsTest, AbsKeepsTheKindAndRejectsTheMinimumInt) {
  // conformance
  EXPECT_TRUE(IsUint(tester.Global("math.abs", {U(1)}), 1));
  EXPECT_TRUE(IsInt(tester.Global("math.abs", {I(1)}), 1));
  EXPECT_TRUE(IsInt(tester.Global("math.abs", {I(-11)}), 11));
  EXPECT_TRUE(IsDouble(tester.Global("math.abs", {D(1.5)}), 1.5));
  EXPECT_TRUE(IsDouble(tester.Global("math.abs", {D(-11.5)}), 11.5));
  EXPECT_TRUE(IsError(tester.Global("math.abs", {I(kMinInt)}), "integer overflow"));
  // more
  EXPECT_TRUE(IsInt(tester.Global("math.abs", {I(kMinInt + 1)}), kMaxInt));
  EXPECT_TRUE(IsDouble(tester.Global("math.abs", {D(-kInf)}), kInf));
}

TEST_F(MathExtensionsTest, SignGivesMinusOneZeroOrOneOfTheSameKind) {
  // conformance
  EXPECT_TRUE(IsUint(tester.Global("math.sign", {U(100)}), 1));
  EXPECT_TRUE(IsUint(tester.Global("math.sign", {U(0)}), 0));
  EXPECT_TRUE(IsInt(tester.Global("math.sign", {I(100)}), 1));
  EXPECT_TRUE(IsInt(tester.Global("math.sign", {I(-11)}), -1));
  EXPECT_TRUE(IsInt(tester.Global("math.sign", {I(0)}), 0));
  EXPECT_TRUE(IsDouble(tester.Global("math.sign", {D(100.5)}), 1.0));
  EXPECT_TRUE(IsDouble(tester.Global("math.sign", {D(-32.0)}), -1.0));
  EXPECT_TRUE(IsDouble(tester.Global("math.sign", {D(0.0)}), 0.0));
  EXPECT_FALSE(tester.Accepts("math.sign", false, {Value::True()}));
  // more
  EXPECT_TRUE(IsDouble(tester.Global("math.sign", {D(kNaN)}), kNaN));
  EXPECT_TRUE(IsDouble(tester.Global("math.sign", {D(-kInf)}), -1.0));
}

TEST_F(MathExtensionsTest, FloatingPointClassification) {
  // conformance
  EXPECT_TRUE(IsBool(tester.Global("math.isNaN", {D(kNaN)}), true));
  EXPECT_TRUE(IsBool(tester.Global("math.isNaN", {D(kInf)}), false));
  EXPECT_TRUE(IsBool(tester.Global("math.isInf", {D(kInf)}), true));
  EXPECT_TRUE(IsBool(tester.Global("math.isInf", {D(kNaN)}), false));
  EXPECT_TRUE(IsBool(tester.Global("math.isFinite", {D(1.0 / 1.5)}), true));
  EXPECT_TRUE(IsBool(tester.Global("math.isFinite", {D(kNaN)}), false));
  EXPECT_TRUE(IsBool(tester.Global("math.isFinite", {D(-kInf)}), false));
  for (const char* function : {"math.isNaN", "math.isInf", "math.isFinite"}) {
    SCOPED_TRACE(function);
    EXPECT_FALSE(tester.Accepts(function, false, {Value::True()}));
  }
}

TEST_F(MathExtensionsTest, BitwiseOperationsOnIntsAndUints) {
  struct Case {
    const char* function;
    std::vector<Value> args;
    Value expected;
  };
  const std::vector<Case> cases = {
      // conformance
      {"math.bitAnd", {I(1), I(2)}, I(0)},
      {"math.bitAnd", {I(1), I(3)}, I(1)},
      {"math.bitAnd", {I(1), I(-1)}, I(1)},
      {"math.bitAnd", {U(1), U(2)}, U(0)},
      {"math.bitAnd", {U(1), U(3)}, U(1)},
      {"math.bitOr", {I(1), I(2)}, I(3)},
      {"math.bitOr", {I(4), I(-2)}, I(-2)},
      {"math.bitOr", {U(1), U(4)}, U(5)},
      {"math.bitXor", {I(1), I(3)}, I(2)},
      {"math.bitXor", {I(4), I(-2)}, I(-6)},
      {"math.bitXor", {U(1), U(3)}, U(2)},
      {"math.bitNot", {I(1)}, I(-2)},
      {"math.bitNot", {I(-1)}, I(0)},
      {"math.bitNot", {I(0)}, I(-1)},
      {"math.bitNot", {U(1)}, U(18446744073709551614ULL)},
      {"math.bitNot", {U(0)}, U(kMaxUint)},
      {"math.bitShiftLeft", {I(1), I(2)}, I(4)},
      {"math.bitShiftLeft", {I(1), I(200)}, I(0)},
      {"math.bitShiftLeft", {I(-1), I(200)}, I(0)},
      {"math.bitShiftLeft", {U(1), I(2)}, U(4)},
      {"math.bitShiftLeft", {U(1), I(200)}, U(0)},
      {"math.bitShiftRight", {I(1024), I(2)}, I(256)},
      {"math.bitShiftRight", {I(1024), I(64)}, I(0)},
      {"math.bitShiftRight", {I(-1024), I(3)}, I(2305843009213693824)},
      {"math.bitShiftRight", {I(-1024), I(64)}, I(0)},
      {"math.bitShiftRight", {U(1024), I(2)}, U(256)},
      {"math.bitShiftRight", {U(1024), I(200)}, U(0)},
      // more
      {"math.bitShiftLeft", {I(1), I(63)}, I(kMinInt)},
      {"math.bitShiftLeft", {I(1), I(64)}, I(0)},
      {"math.bitShiftRight", {I(kMinInt), I(63)}, I(1)},
      {"math.bitShiftLeft", {I(5), I(0)}, I(5)},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.function);
    EXPECT_TRUE(IsSame(tester.Global(test.function, test.args), test.expected));
  }
}

TEST_F(MathExtensionsTest, BitwiseOperationsRejectNegativeShiftsAndMixedKinds) {
  // conformance
  EXPECT_TRUE(IsError(tester.Global("math.bitShiftLeft", {U(1), I(-1)}), "negative offset"));
  EXPECT_TRUE(IsError(tester.Global("math.bitShiftRight", {U(1), I(-1)}), "negative offset"));
  EXPECT_TRUE(IsError(tester.Global("math.bitShiftLeft", {I(1), I(-5)}),
                      "`math.bitShiftLeft` negative offset `-5`"));
  EXPECT_FALSE(tester.Accepts("math.bitAnd", false, {U(2), tester.Str("")}));
  EXPECT_FALSE(tester.Accepts("math.bitOr", false, {D(1.2), I(1)}));
  EXPECT_FALSE(tester.Accepts("math.bitXor", false, {tester.List({}), tester.List({I(1)})}));
  EXPECT_FALSE(tester.Accepts("math.bitNot", false, {tester.Str("")}));
  EXPECT_FALSE(tester.Accepts("math.bitShiftLeft", false, {D(4.3), I(1)}));
  EXPECT_FALSE(tester.Accepts("math.bitShiftRight", false, {tester.Bytes("123"), I(1)}));
  // more: the two operands of and/or/xor must have the same kind
  EXPECT_FALSE(tester.Accepts("math.bitAnd", false, {I(1), U(1)}));
  EXPECT_FALSE(tester.Accepts("math.bitShiftLeft", false, {I(1), U(1)}));
}

TEST_F(MathExtensionsTest, SqrtOfEveryNumberKindIsADouble) {
  EXPECT_TRUE(IsDouble(tester.Global("math.sqrt", {D(2.25)}), 1.5));
  EXPECT_TRUE(IsDouble(tester.Global("math.sqrt", {I(81)}), 9.0));
  EXPECT_TRUE(IsDouble(tester.Global("math.sqrt", {U(4)}), 2.0));
  EXPECT_TRUE(IsDouble(tester.Global("math.sqrt", {I(-1)}), kNaN));
  EXPECT_TRUE(IsDouble(tester.Global("math.sqrt", {D(kInf)}), kInf));
  EXPECT_FALSE(tester.Accepts("math.sqrt", false, {tester.Str("4")}));
}

}  // namespace
}  // namespace warden::cel
