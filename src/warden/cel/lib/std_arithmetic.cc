// Arithmetic on numbers. int and uint are checked: any result outside the type's range
// is an error ("integer overflow", "unsigned integer overflow"), including
// INT64_MIN / -1, INT64_MIN % -1 and -INT64_MIN; division and modulus by zero are
// errors. `%` truncates toward zero like C and Go (-3 % 5 == -3). double follows IEEE
// 754 without errors (1.0 / 0.0 is +Inf); there is no `%` on doubles. No mixed-kind
// arithmetic: `1 + 1u` has no overload, per cel-spec.

#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"

namespace warden::cel {

namespace {

using stdlib::kDouble;
using stdlib::kInt;
using stdlib::kUint;

Value IntOverflow(CallContext& ctx) { return ctx.Error("integer overflow"); }
Value UintOverflow(CallContext& ctx) { return ctx.Error("unsigned integer overflow"); }

// --- int -------------------------------------------------------------------------------

Value AddInt(std::span<const Value> args, CallContext& ctx) {
  int64_t result = 0;
  if (__builtin_add_overflow(args[0].int_value(), args[1].int_value(), &result)) {
    return IntOverflow(ctx);
  }
  return Value::Int(result);
}

Value SubtractInt(std::span<const Value> args, CallContext& ctx) {
  int64_t result = 0;
  if (__builtin_sub_overflow(args[0].int_value(), args[1].int_value(), &result)) {
    return IntOverflow(ctx);
  }
  return Value::Int(result);
}

Value MultiplyInt(std::span<const Value> args, CallContext& ctx) {
  int64_t result = 0;
  if (__builtin_mul_overflow(args[0].int_value(), args[1].int_value(), &result)) {
    return IntOverflow(ctx);
  }
  return Value::Int(result);
}

Value DivideInt(std::span<const Value> args, CallContext& ctx) {
  const int64_t dividend = args[0].int_value();
  const int64_t divisor = args[1].int_value();
  if (divisor == 0) return ctx.Error("division by zero");
  if (dividend == INT64_MIN && divisor == -1) return IntOverflow(ctx);
  return Value::Int(dividend / divisor);
}

Value ModuloInt(std::span<const Value> args, CallContext& ctx) {
  const int64_t dividend = args[0].int_value();
  const int64_t divisor = args[1].int_value();
  if (divisor == 0) return ctx.Error("modulus by zero");
  if (dividend == INT64_MIN && divisor == -1) return IntOverflow(ctx);
  return Value::Int(dividend % divisor);
}

Value NegateInt(std::span<const Value> args, CallContext& ctx) {
  if (args[0].int_value() == INT64_MIN) return IntOverflow(ctx);
  return Value::Int(-args[0].int_value());
}

// --- uint ------------------------------------------------------------------------------

Value AddUint(std::span<const Value> args, CallContext& ctx) {
  uint64_t result = 0;
  if (__builtin_add_overflow(args[0].uint_value(), args[1].uint_value(), &result)) {
    return UintOverflow(ctx);
  }
  return Value::Uint(result);
}

Value SubtractUint(std::span<const Value> args, CallContext& ctx) {
  uint64_t result = 0;
  if (__builtin_sub_overflow(args[0].uint_value(), args[1].uint_value(), &result)) {
    return UintOverflow(ctx);
  }
  return Value::Uint(result);
}

Value MultiplyUint(std::span<const Value> args, CallContext& ctx) {
  uint64_t result = 0;
  if (__builtin_mul_overflow(args[0].uint_value(), args[1].uint_value(), &result)) {
    return UintOverflow(ctx);
  }
  return Value::Uint(result);
}

Value DivideUint(std::span<const Value> args, CallContext& ctx) {
  if (args[1].uint_value() == 0) return ctx.Error("division by zero");
  return Value::Uint(args[0].uint_value() / args[1].uint_value());
}

Value ModuloUint(std::span<const Value> args, CallContext& ctx) {
  if (args[1].uint_value() == 0) return ctx.Error("modulus by zero");
  return Value::Uint(args[0].uint_value() % args[1].uint_value());
}

// --- double ----------------------------------------------------------------------------

Value AddDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(args[0].double_value() + args[1].double_value());
}

Value SubtractDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(args[0].double_value() - args[1].double_value());
}

Value MultiplyDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(args[0].double_value() * args[1].double_value());
}

Value DivideDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(args[0].double_value() / args[1].double_value());
}

Value NegateDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(-args[0].double_value());
}

}  // namespace

void RegisterArithmeticFunctions(FunctionRegistry& registry) {
  registry.Register("_+_", false, {kInt, kInt}, AddInt);
  registry.Register("_+_", false, {kUint, kUint}, AddUint);
  registry.Register("_+_", false, {kDouble, kDouble}, AddDouble);
  registry.Register("_-_", false, {kInt, kInt}, SubtractInt);
  registry.Register("_-_", false, {kUint, kUint}, SubtractUint);
  registry.Register("_-_", false, {kDouble, kDouble}, SubtractDouble);
  registry.Register("_*_", false, {kInt, kInt}, MultiplyInt);
  registry.Register("_*_", false, {kUint, kUint}, MultiplyUint);
  registry.Register("_*_", false, {kDouble, kDouble}, MultiplyDouble);
  registry.Register("_/_", false, {kInt, kInt}, DivideInt);
  registry.Register("_/_", false, {kUint, kUint}, DivideUint);
  registry.Register("_/_", false, {kDouble, kDouble}, DivideDouble);
  registry.Register("_%_", false, {kInt, kInt}, ModuloInt);
  registry.Register("_%_", false, {kUint, kUint}, ModuloUint);
  registry.Register("-_", false, {kInt}, NegateInt);
  registry.Register("-_", false, {kDouble}, NegateDouble);
}

}  // namespace warden::cel
