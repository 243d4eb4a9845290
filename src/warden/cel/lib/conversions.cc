// Type conversions: int(), uint(), double(), string(), bytes(), bool(), dyn(), type().
// (Conversions from and to timestamps and durations are in time_functions.cc.)
//
// Numeric conversions fail with ``range error converting `x` to int`` when the value
// does not fit: uint -> int above INT64_MAX; int -> uint below 0; double -> int outside
// the open interval (-2^63, 2^63) (cel-spec: "limited to (minInt, maxInt)
// non-inclusive", so int(-9223372036854775808.0) is an error); double -> uint outside
// [0, 2^64); NaN and infinities always. Doubles are truncated toward zero. Text is parsed
// as Go's strconv does (conversions_format.h); text that is not a number is
// ``cannot convert `abc` to int``. string(double) is Go's "%g"; string(bytes) requires
// valid UTF-8.

#include <cmath>

#include "warden/base/utf8.h"
#include "warden/cel/lib/conversions_format.h"
#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"

namespace warden::cel {

namespace {

using stdlib::kAny;
using stdlib::kBool;
using stdlib::kBytes;
using stdlib::kDouble;
using stdlib::kInt;
using stdlib::kString;
using stdlib::kUint;

// 2^63 and 2^64 as doubles (exact).
constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;

Value RangeError(CallContext& ctx, const Value& value, std::string_view target) {
  return ctx.Error("range error converting `" + stdlib::DisplayValue(value) + "` to " +
                   std::string(target));
}

Value SyntaxError(CallContext& ctx, std::string_view text, std::string_view target) {
  return ctx.Error("cannot convert `" + stdlib::Excerpt(text) + "` to " + std::string(target));
}

Value Identity(std::span<const Value> args, CallContext&) { return args[0]; }

// --- int -------------------------------------------------------------------------------

Value IntFromUint(std::span<const Value> args, CallContext& ctx) {
  if (args[0].uint_value() > static_cast<uint64_t>(INT64_MAX))
    return RangeError(ctx, args[0], "int");
  return Value::Int(static_cast<int64_t>(args[0].uint_value()));
}

Value IntFromDouble(std::span<const Value> args, CallContext& ctx) {
  const double value = args[0].double_value();
  // NaN fails both comparisons, so test for the valid interval rather than its outside.
  if (!(value > -kTwoTo63 && value < kTwoTo63)) return RangeError(ctx, args[0], "int");
  return Value::Int(static_cast<int64_t>(value));
}

Value IntFromString(std::span<const Value> args, CallContext& ctx) {
  int64_t result = 0;
  switch (ParseInt64(args[0].string_view(), result)) {
    case NumberParseStatus::kOk:
      return Value::Int(result);
    case NumberParseStatus::kRange:
      return RangeError(ctx, args[0], "int");
    case NumberParseStatus::kSyntax:
      break;
  }
  return SyntaxError(ctx, args[0].string_view(), "int");
}

// --- uint ------------------------------------------------------------------------------

Value UintFromInt(std::span<const Value> args, CallContext& ctx) {
  if (args[0].int_value() < 0) return RangeError(ctx, args[0], "uint");
  return Value::Uint(static_cast<uint64_t>(args[0].int_value()));
}

Value UintFromDouble(std::span<const Value> args, CallContext& ctx) {
  const double value = args[0].double_value();
  if (!(value >= 0 && value < kTwoTo64)) return RangeError(ctx, args[0], "uint");
  return Value::Uint(static_cast<uint64_t>(value));
}

Value UintFromString(std::span<const Value> args, CallContext& ctx) {
  uint64_t result = 0;
  switch (ParseUint64(args[0].string_view(), result)) {
    case NumberParseStatus::kOk:
      return Value::Uint(result);
    case NumberParseStatus::kRange:
      return RangeError(ctx, args[0], "uint");
    case NumberParseStatus::kSyntax:
      break;
  }
  return SyntaxError(ctx, args[0].string_view(), "uint");
}

// --- double ----------------------------------------------------------------------------

Value DoubleFromInt(std::span<const Value> args, CallContext&) {
  return Value::Double(static_cast<double>(args[0].int_value()));
}

Value DoubleFromUint(std::span<const Value> args, CallContext&) {
  return Value::Double(static_cast<double>(args[0].uint_value()));
}

Value DoubleFromString(std::span<const Value> args, CallContext& ctx) {
  double result = 0;
  switch (ParseDouble(args[0].string_view(), result)) {
    case NumberParseStatus::kOk:
      return Value::Double(result);
    case NumberParseStatus::kRange:
      return RangeError(ctx, args[0], "double");
    case NumberParseStatus::kSyntax:
      break;
  }
  return SyntaxError(ctx, args[0].string_view(), "double");
}

// --- string ----------------------------------------------------------------------------

Value StringFromInt(std::span<const Value> args, CallContext& ctx) {
  return stdlib::StringResult(ctx, std::to_string(args[0].int_value()));
}

Value StringFromUint(std::span<const Value> args, CallContext& ctx) {
  return stdlib::StringResult(ctx, std::to_string(args[0].uint_value()));
}

Value StringFromDouble(std::span<const Value> args, CallContext& ctx) {
  return stdlib::StringResult(ctx, FormatDouble(args[0].double_value()));
}

Value StringFromBool(std::span<const Value> args, CallContext&) {
  return Value::String(args[0].bool_value() ? "true" : "false");
}

Value StringFromBytes(std::span<const Value> args, CallContext& ctx) {
  const std::string_view bytes = args[0].string_view();
  if (!ctx.Charge(bytes.size())) return ctx.CostLimitError();
  const size_t invalid = utf8::FindInvalid(bytes);
  if (invalid != std::string_view::npos) {
    return ctx.Error("invalid UTF-8 in bytes at offset " + std::to_string(invalid));
  }
  return Value::String(bytes);  // same storage, now viewed as text
}

// --- bytes, bool, type -----------------------------------------------------------------

Value BytesFromString(std::span<const Value> args, CallContext&) {
  return Value::Bytes(args[0].string_view());
}

Value BoolFromString(std::span<const Value> args, CallContext& ctx) {
  std::optional<bool> result = ParseBool(args[0].string_view());
  if (!result.has_value()) return SyntaxError(ctx, args[0].string_view(), "bool");
  return Value::Bool(*result);
}

Value TypeOf(std::span<const Value> args, CallContext&) {
  const Value& value = args[0];
  if (value.kind() == ValueKind::kOpaque) return Value::Type(value.opaque().type_name);
  return Value::Type(ValueKindTypeName(value.kind()));
}

}  // namespace

void RegisterConversionFunctions(FunctionRegistry& registry) {
  registry.Register("int", false, {kInt}, Identity);
  registry.Register("int", false, {kUint}, IntFromUint);
  registry.Register("int", false, {kDouble}, IntFromDouble);
  registry.Register("int", false, {kString}, IntFromString);

  registry.Register("uint", false, {kUint}, Identity);
  registry.Register("uint", false, {kInt}, UintFromInt);
  registry.Register("uint", false, {kDouble}, UintFromDouble);
  registry.Register("uint", false, {kString}, UintFromString);

  registry.Register("double", false, {kDouble}, Identity);
  registry.Register("double", false, {kInt}, DoubleFromInt);
  registry.Register("double", false, {kUint}, DoubleFromUint);
  registry.Register("double", false, {kString}, DoubleFromString);

  registry.Register("string", false, {kString}, Identity);
  registry.Register("string", false, {kInt}, StringFromInt);
  registry.Register("string", false, {kUint}, StringFromUint);
  registry.Register("string", false, {kDouble}, StringFromDouble);
  registry.Register("string", false, {kBool}, StringFromBool);
  registry.Register("string", false, {kBytes}, StringFromBytes);

  registry.Register("bytes", false, {kBytes}, Identity);
  registry.Register("bytes", false, {kString}, BytesFromString);

  registry.Register("bool", false, {kBool}, Identity);
  registry.Register("bool", false, {kString}, BoolFromString);

  registry.Register("dyn", false, {kAny}, Identity);
  registry.Register("type", false, {kAny}, TypeOf);
}

}  // namespace warden::cel
