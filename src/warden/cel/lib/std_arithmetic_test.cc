#include <cmath>
#include <limits>

#include "warden/cel/lib/std_testing.h"

namespace warden::cel {
namespace {

using std_testing::IsError;
using std_testing::IsValue;
using std_testing::StdLib;

constexpr int64_t kIntMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kIntMin = std::numeric_limits<int64_t>::min();
constexpr uint64_t kUintMax = std::numeric_limits<uint64_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Case {
  const char* label;
  const char* op;
  std::vector<Value> args;
  Value expected;               // ignored when `error` is set
  const char* error = nullptr;  // fragment of the expected error message
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    StdLib lib;
    Value result = lib.Global(test.op, test.args);
    if (test.error != nullptr) {
      EXPECT_TRUE(IsError(result, test.error));
    } else {
      EXPECT_TRUE(IsValue(result, test.expected));
    }
  }
}

Value I(int64_t value) { return Value::Int(value); }
Value U(uint64_t value) { return Value::Uint(value); }
Value D(double value) { return Value::Double(value); }

TEST(StdArithmeticTest, IntOperationsFollowTheConformanceSuite) {
  RunCases({
      {"40 + 2", "_+_", {I(40), I(2)}, I(42)},
      {"42 + -7", "_+_", {I(42), I(-7)}, I(35)},
      {"-4 + -2", "_+_", {I(-4), I(-2)}, I(-6)},
      {"42 - -22", "_-_", {I(42), I(-22)}, I(64)},
      {"-42 - -12", "_-_", {I(-42), I(-12)}, I(-30)},
      {"40 * -2", "_*_", {I(40), I(-2)}, I(-80)},
      {"-30 * -2", "_*_", {I(-30), I(-2)}, I(60)},
      {"-20 / 2", "_/_", {I(-20), I(2)}, I(-10)},
      {"-80 / -2", "_/_", {I(-80), I(-2)}, I(40)},
      {"7 / 2 truncates", "_/_", {I(7), I(2)}, I(3)},
      {"-7 / 2 truncates toward zero", "_/_", {I(-7), I(2)}, I(-3)},
      {"47 % 5", "_%_", {I(47), I(5)}, I(2)},
      {"43 % -5", "_%_", {I(43), I(-5)}, I(3)},
      {"-42 % -5", "_%_", {I(-42), I(-5)}, I(-2)},
      {"-3 % 5", "_%_", {I(-3), I(5)}, I(-3)},
      {"-(42)", "-_", {I(42)}, I(-42)},
      {"-(0)", "-_", {I(0)}, I(0)},
      {"max + 0", "_+_", {I(kIntMax), I(0)}, I(kIntMax)},
      {"min - 0", "_-_", {I(kIntMin), I(0)}, I(kIntMin)},
      {"-(max)", "-_", {I(kIntMax)}, I(-kIntMax)},
      {"min / 1", "_/_", {I(kIntMin), I(1)}, I(kIntMin)},
      {"min % 1", "_%_", {I(kIntMin), I(1)}, I(0)},
      {"min * 1", "_*_", {I(kIntMin), I(1)}, I(kIntMin)},
  });
}

TEST(StdArithmeticTest, IntOverflowAndDivisionByZeroAreErrors) {
  RunCases({
      {"max + 1", "_+_", {I(kIntMax), I(1)}, {}, "integer overflow"},
      {"min + -1", "_+_", {I(kIntMin), I(-1)}, {}, "integer overflow"},
      {"min - 1", "_-_", {I(kIntMin), I(1)}, {}, "integer overflow"},
      {"1 - -max", "_-_", {I(1), I(-kIntMax)}, {}, "integer overflow"},
      {"-(min)", "-_", {I(kIntMin)}, {}, "integer overflow"},
      {"min * -1", "_*_", {I(kIntMin), I(-1)}, {}, "integer overflow"},
      {"-1 * min", "_*_", {I(-1), I(kIntMin)}, {}, "integer overflow"},
      {"5e9 * 5e9", "_*_", {I(5'000'000'000), I(5'000'000'000)}, {}, "integer overflow"},
      {"-5e9 * 5e9", "_*_", {I(-5'000'000'000), I(5'000'000'000)}, {}, "integer overflow"},
      {"min / -1", "_/_", {I(kIntMin), I(-1)}, {}, "integer overflow"},
      {"min % -1", "_%_", {I(kIntMin), I(-1)}, {}, "integer overflow"},
      {"15 / 0", "_/_", {I(15), I(0)}, {}, "division by zero"},
      {"34 % 0", "_%_", {I(34), I(0)}, {}, "modulus by zero"},
  });
}

TEST(StdArithmeticTest, UintOperationsAreCheckedBothWays) {
  RunCases({
      {"42u + 2u", "_+_", {U(42), U(2)}, U(44)},
      {"42u - 12u", "_-_", {U(42), U(12)}, U(30)},
      {"40u * 2u", "_*_", {U(40), U(2)}, U(80)},
      {"60u / 2u", "_/_", {U(60), U(2)}, U(30)},
      {"42u % 5u", "_%_", {U(42), U(5)}, U(2)},
      {"max + 0u", "_+_", {U(kUintMax), U(0)}, U(kUintMax)},
      {"1u - 1u", "_-_", {U(1), U(1)}, U(0)},
      {"max + 1u", "_+_", {U(kUintMax), U(1)}, {}, "unsigned integer overflow"},
      {"0u - 1u", "_-_", {U(0), U(1)}, {}, "unsigned integer overflow"},
      {"5e9u * 5e9u", "_*_", {U(5'000'000'000), U(5'000'000'000)}, {}, "unsigned integer overflow"},
      {"15u / 0u", "_/_", {U(15), U(0)}, {}, "division by zero"},
      {"34u % 0u", "_%_", {U(34), U(0)}, {}, "modulus by zero"},
  });
}

TEST(StdArithmeticTest, DoubleOperationsFollowIeeeWithoutErrors) {
  RunCases({
      {"4.25 + 15.25", "_+_", {D(4.25), D(15.25)}, D(19.5)},
      {"42.875 - -22.0", "_-_", {D(42.875), D(-22.0)}, D(64.875)},
      {"40.75 * -2.25", "_*_", {D(40.75), D(-2.25)}, D(-91.6875)},
      {"-8.875 / -0.0625", "_/_", {D(-8.875), D(-0.0625)}, D(142)},
      {"-(4.5)", "-_", {D(4.5)}, D(-4.5)},
      {"-(0.0) is negative zero", "-_", {D(0.0)}, D(-0.0)},
      {"15.75 / 0.0", "_/_", {D(15.75), D(0.0)}, D(kInf)},
      {"-1.0 / 0.0", "_/_", {D(-1.0), D(0.0)}, D(-kInf)},
      {"0.0 / 0.0", "_/_", {D(0.0), D(0.0)}, D(std::nan(""))},
      {"2.0 * 8.988466e+307", "_*_", {D(2.0), D(8.988466e+307)}, D(kInf)},
      {"2.0 * -8.988466e+307", "_*_", {D(2.0), D(-8.988466e+307)}, D(-kInf)},
      {"1e-324 / 2.0 underflows", "_/_", {D(4.9e-324), D(4.0)}, D(0.0)},
  });
}

TEST(StdArithmeticTest, MixedKindsAndDoubleModulusHaveNoOverload) {
  RunCases({
      {"1 + 1u",
       "_+_",
       {I(1), U(1)},
       {},
       "no matching overload for `_+_` applied to `(int, uint)`"},
      {"1 + 1.0", "_+_", {I(1), D(1)}, {}, "no matching overload"},
      {"47.5 % 5.5", "_%_", {D(47.5), D(5.5)}, {}, "no matching overload"},
      {"-(5u)", "-_", {U(5)}, {}, "no matching overload"},
      {"-false", "-_", {Value::False()}, {}, "no matching overload"},
  });
}

}  // namespace
}  // namespace warden::cel
