// The math extension (extensions.h): math.greatest/least, rounding, abs/sign, floating
// point classification, bitwise operations and sqrt, all global functions with dotted
// names.

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "warden/cel/lib/ext_support.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/runtime/function_registry.h"
#include "warden/cel/runtime/value_ops.h"

namespace warden::cel {

namespace {

constexpr KindMask kIntArg = KindBit(ValueKind::kInt);
constexpr KindMask kUintArg = KindBit(ValueKind::kUint);
constexpr KindMask kDoubleArg = KindBit(ValueKind::kDouble);
constexpr KindMask kNumberArg = kIntArg | kUintArg | kDoubleArg;
constexpr KindMask kListArg = KindBit(ValueKind::kList);

bool IsNumber(const Value& value) {
  return value.kind() == ValueKind::kInt || value.kind() == ValueKind::kUint ||
         value.kind() == ValueKind::kDouble;
}

bool IsNaN(const Value& value) {
  return value.kind() == ValueKind::kDouble && std::isnan(value.double_value());
}

// Reduces numbers to the greatest (kGreater) or least (kLess) one. The winner keeps its
// kind; ties keep the earlier argument, as cel-go's pairwise reduction does.
template <Ordering kReplaceWhen>
class Extremum {
 public:
  explicit Extremum(std::string_view name) : name_(name) {}

  // Offers `candidate`; returns false with `error` set for a NaN.
  bool Offer(const Value& candidate, std::string& error) {
    if (IsNaN(candidate)) {
      error = "`" + std::string(name_) + "` cannot order NaN values";
      return false;
    }
    if (!has_best_ || CompareValues(candidate, best_) == kReplaceWhen) {
      best_ = candidate;
      has_best_ = true;
    }
    return true;
  }

  const Value& best() const { return best_; }

 private:
  std::string_view name_;
  Value best_;
  bool has_best_ = false;
};

template <Ordering kReplaceWhen>
Value ExtremumOfArgs(std::string_view name, std::span<const Value> args, CallContext& ctx) {
  Extremum<kReplaceWhen> extremum(name);
  std::string error;
  for (const Value& arg : args) {
    if (!extremum.Offer(arg, error)) return ctx.Error(error);
  }
  return extremum.best();
}

template <Ordering kReplaceWhen>
Value ExtremumOfList(std::string_view name, const Value& list, CallContext& ctx) {
  const uint32_t count = list.list_size();
  if (count == 0) return ctx.Error("`" + std::string(name) + "` requires a non-empty list");
  if (!ctx.Charge(count)) return ctx.CostLimitError();
  Extremum<kReplaceWhen> extremum(name);
  std::string error;
  for (uint32_t item_idx = 0; item_idx < count; ++item_idx) {
    Value item = list.list_item(item_idx);
    if (!IsNumber(item)) {
      return ctx.Error("`" + std::string(name) + "` requires numbers, found `" +
                       std::string(ext::TypeNameOf(item)) + "` at index " +
                       std::to_string(item_idx));
    }
    if (!extremum.Offer(item, error)) return ctx.Error(error);
  }
  return extremum.best();
}

Value Greatest(std::span<const Value> args, CallContext& ctx) {
  if (args.size() == 1 && args[0].kind() == ValueKind::kList) {
    return ExtremumOfList<Ordering::kGreater>("math.greatest", args[0], ctx);
  }
  return ExtremumOfArgs<Ordering::kGreater>("math.greatest", args, ctx);
}

Value Least(std::span<const Value> args, CallContext& ctx) {
  if (args.size() == 1 && args[0].kind() == ValueKind::kList) {
    return ExtremumOfList<Ordering::kLess>("math.least", args[0], ctx);
  }
  return ExtremumOfArgs<Ordering::kLess>("math.least", args, ctx);
}

Value Ceil(std::span<const Value> args, CallContext&) {
  return Value::Double(std::ceil(args[0].double_value()));
}

Value Floor(std::span<const Value> args, CallContext&) {
  return Value::Double(std::floor(args[0].double_value()));
}

Value Round(std::span<const Value> args, CallContext&) {
  return Value::Double(std::round(args[0].double_value()));  // half away from zero
}

Value Trunc(std::span<const Value> args, CallContext&) {
  return Value::Double(std::trunc(args[0].double_value()));
}

Value IsNaNFn(std::span<const Value> args, CallContext&) {
  return Value::Bool(std::isnan(args[0].double_value()));
}

Value IsInf(std::span<const Value> args, CallContext&) {
  return Value::Bool(std::isinf(args[0].double_value()));
}

Value IsFinite(std::span<const Value> args, CallContext&) {
  return Value::Bool(std::isfinite(args[0].double_value()));
}

Value AbsInt(std::span<const Value> args, CallContext& ctx) {
  const int64_t value = args[0].int_value();
  if (value == std::numeric_limits<int64_t>::min()) return ctx.Error("integer overflow");
  return Value::Int(value < 0 ? -value : value);
}

Value AbsUint(std::span<const Value> args, CallContext&) { return args[0]; }

Value AbsDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(std::fabs(args[0].double_value()));
}

Value SignInt(std::span<const Value> args, CallContext&) {
  const int64_t value = args[0].int_value();
  return Value::Int(value > 0 ? 1 : value < 0 ? -1 : 0);
}

Value SignUint(std::span<const Value> args, CallContext&) {
  return Value::Uint(args[0].uint_value() > 0 ? 1 : 0);
}

Value SignDouble(std::span<const Value> args, CallContext&) {
  const double value = args[0].double_value();
  if (std::isnan(value)) return args[0];
  return Value::Double(value > 0 ? 1.0 : value < 0 ? -1.0 : 0.0);
}

Value BitAndInt(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].int_value() & args[1].int_value());
}
Value BitAndUint(std::span<const Value> args, CallContext&) {
  return Value::Uint(args[0].uint_value() & args[1].uint_value());
}
Value BitOrInt(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].int_value() | args[1].int_value());
}
Value BitOrUint(std::span<const Value> args, CallContext&) {
  return Value::Uint(args[0].uint_value() | args[1].uint_value());
}
Value BitXorInt(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].int_value() ^ args[1].int_value());
}
Value BitXorUint(std::span<const Value> args, CallContext&) {
  return Value::Uint(args[0].uint_value() ^ args[1].uint_value());
}
Value BitNotInt(std::span<const Value> args, CallContext&) {
  return Value::Int(~args[0].int_value());
}
Value BitNotUint(std::span<const Value> args, CallContext&) {
  return Value::Uint(~args[0].uint_value());
}

// Shifts work on the unsigned bit pattern: shifts of 64 or more give 0, and an int's
// right shift is logical (cel-go converts to uint64 first).
enum class Shift : uint8_t { kLeft, kRight };

template <Shift kDirection>
bool ShiftBits(std::string_view name, int64_t shift, uint64_t& bits, CallContext& ctx,
               Value& error) {
  if (shift < 0) {
    error =
        ctx.Error("`" + std::string(name) + "` negative offset `" + std::to_string(shift) + "`");
    return false;
  }
  if (shift >= 64) {
    bits = 0;
  } else {
    const auto amount = static_cast<unsigned>(shift);
    bits = kDirection == Shift::kLeft ? bits << amount : bits >> amount;
  }
  return true;
}

template <Shift kDirection>
Value ShiftInt(std::span<const Value> args, CallContext& ctx) {
  constexpr std::string_view kName =
      kDirection == Shift::kLeft ? "math.bitShiftLeft" : "math.bitShiftRight";
  uint64_t bits = static_cast<uint64_t>(args[0].int_value());
  Value error;
  if (!ShiftBits<kDirection>(kName, args[1].int_value(), bits, ctx, error)) return error;
  return Value::Int(static_cast<int64_t>(bits));
}

template <Shift kDirection>
Value ShiftUint(std::span<const Value> args, CallContext& ctx) {
  constexpr std::string_view kName =
      kDirection == Shift::kLeft ? "math.bitShiftLeft" : "math.bitShiftRight";
  uint64_t bits = args[0].uint_value();
  Value error;
  if (!ShiftBits<kDirection>(kName, args[1].int_value(), bits, ctx, error)) return error;
  return Value::Uint(bits);
}

Value SqrtInt(std::span<const Value> args, CallContext&) {
  return Value::Double(std::sqrt(static_cast<double>(args[0].int_value())));
}
Value SqrtUint(std::span<const Value> args, CallContext&) {
  return Value::Double(std::sqrt(static_cast<double>(args[0].uint_value())));
}
Value SqrtDouble(std::span<const Value> args, CallContext&) {
  return Value::Double(std::sqrt(args[0].double_value()));
}

// Registers one overload of `impl` taking kArg... (one per argument) numbers.
template <size_t... kArg>
void RegisterNumbers(FunctionRegistry& registry, const std::string& name, FunctionImpl impl,
                     std::index_sequence<kArg...>) {
  registry.Register(name, false, {((void)kArg, kNumberArg)...}, impl);
}

template <size_t... kArity>
void RegisterArities(FunctionRegistry& registry, const std::string& name, FunctionImpl impl,
                     std::index_sequence<kArity...>) {
  (RegisterNumbers(registry, name, impl, std::make_index_sequence<kArity + 2>()), ...);
}

// Registers `impl` for `name` with one number or list, and 2..kMathMaxArgs numbers.
void RegisterVariadic(FunctionRegistry& registry, const std::string& name, FunctionImpl impl) {
  registry.Register(name, false, {kNumberArg | kListArg}, impl);
  RegisterArities(registry, name, impl, std::make_index_sequence<kMathMaxArgs - 1>());
}

}  // namespace

void RegisterMathExtensions(FunctionRegistry& registry) {
  RegisterVariadic(registry, "math.greatest", Greatest);
  RegisterVariadic(registry, "math.least", Least);
  // cel-go's macro expands math.greatest/least to these internal names; a planner that
  // does the same finds them here.
  RegisterVariadic(registry, "math.@max", Greatest);
  RegisterVariadic(registry, "math.@min", Least);

  registry.Register("math.ceil", false, {kDoubleArg}, Ceil);
  registry.Register("math.floor", false, {kDoubleArg}, Floor);
  registry.Register("math.round", false, {kDoubleArg}, Round);
  registry.Register("math.trunc", false, {kDoubleArg}, Trunc);
  registry.Register("math.isNaN", false, {kDoubleArg}, IsNaNFn);
  registry.Register("math.isInf", false, {kDoubleArg}, IsInf);
  registry.Register("math.isFinite", false, {kDoubleArg}, IsFinite);

  registry.Register("math.abs", false, {kIntArg}, AbsInt);
  registry.Register("math.abs", false, {kUintArg}, AbsUint);
  registry.Register("math.abs", false, {kDoubleArg}, AbsDouble);
  registry.Register("math.sign", false, {kIntArg}, SignInt);
  registry.Register("math.sign", false, {kUintArg}, SignUint);
  registry.Register("math.sign", false, {kDoubleArg}, SignDouble);

  registry.Register("math.bitAnd", false, {kIntArg, kIntArg}, BitAndInt);
  registry.Register("math.bitAnd", false, {kUintArg, kUintArg}, BitAndUint);
  registry.Register("math.bitOr", false, {kIntArg, kIntArg}, BitOrInt);
  registry.Register("math.bitOr", false, {kUintArg, kUintArg}, BitOrUint);
  registry.Register("math.bitXor", false, {kIntArg, kIntArg}, BitXorInt);
  registry.Register("math.bitXor", false, {kUintArg, kUintArg}, BitXorUint);
  registry.Register("math.bitNot", false, {kIntArg}, BitNotInt);
  registry.Register("math.bitNot", false, {kUintArg}, BitNotUint);
  registry.Register("math.bitShiftLeft", false, {kIntArg, kIntArg}, ShiftInt<Shift::kLeft>);
  registry.Register("math.bitShiftLeft", false, {kUintArg, kIntArg}, ShiftUint<Shift::kLeft>);
  registry.Register("math.bitShiftRight", false, {kIntArg, kIntArg}, ShiftInt<Shift::kRight>);
  registry.Register("math.bitShiftRight", false, {kUintArg, kIntArg}, ShiftUint<Shift::kRight>);

  registry.Register("math.sqrt", false, {kIntArg}, SqrtInt);
  registry.Register("math.sqrt", false, {kUintArg}, SqrtUint);
  registry.Register("math.sqrt", false, {kDoubleArg}, SqrtDouble);
}

}  // namespace warden::cel
