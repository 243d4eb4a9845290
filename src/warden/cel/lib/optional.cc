#include "warden/cel/lib/optional.h"

namespace warden::cel {

bool IsZeroValue(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return !value.bool_value();
    case ValueKind::kInt:
      return value.int_value() == 0;
    case ValueKind::kUint:
      return value.uint_value() == 0;
    case ValueKind::kDouble:
      return value.double_value() == 0;
    case ValueKind::kString:
    case ValueKind::kBytes:
      return value.string_view().empty();
    case ValueKind::kList:
      return value.list_size() == 0;
    case ValueKind::kMap:
      return value.map_size() == 0;
    case ValueKind::kTimestamp:
    case ValueKind::kDuration:
      return value.seconds() == 0 && value.nanos() == 0;
    case ValueKind::kOptional:
      return !value.has_value();
    case ValueKind::kType:
    case ValueKind::kOpaque:
    case ValueKind::kError:
      return false;
  }
  return false;
}

namespace {

Value OptionalOf(std::span<const Value> args, CallContext& ctx) {
  return ctx.values().MakeOptional(args[0]);
}

Value OptionalOfNonZeroValue(std::span<const Value> args, CallContext& ctx) {
  return IsZeroValue(args[0]) ? Value::OptionalNone() : ctx.values().MakeOptional(args[0]);
}

Value OptionalNone(std::span<const Value>, CallContext&) { return Value::OptionalNone(); }

Value HasValue(std::span<const Value> args, CallContext&) {
  return Value::Bool(args[0].has_value());
}

Value OptionalValue(std::span<const Value> args, CallContext& ctx) {
  if (!args[0].has_value()) return ctx.Error("optional.none() dereference");
  return args[0].optional_value();
}

}  // namespace

void RegisterOptionalFunctions(FunctionRegistry& registry) {
  const KindMask optional = KindBit(ValueKind::kOptional);
  registry.Register("optional.of", false, {kAnyKind}, OptionalOf);
  registry.Register("optional.ofNonZeroValue", false, {kAnyKind}, OptionalOfNonZeroValue);
  registry.Register("optional.none", false, {}, OptionalNone);
  registry.Register("hasValue", true, {optional}, HasValue);
  registry.Register("value", true, {optional}, OptionalValue);
}

}  // namespace warden::cel
