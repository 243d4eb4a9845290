// Equality, ordering and logical negation.
//
// `==` and `!=` accept any two values (heterogeneous equality, cel-spec since 2022):
// values of different kinds are unequal except numbers, which compare by mathematical
// value across int, uint and double; NaN equals nothing. Ordering exists for numbers
// (across kinds: `1 < 1.5`, `2u > -1`), and for two strings (code point order), two bytes,
// two bools (false < true), two timestamps or two durations; any other pair has no
// overload. A comparison involving NaN is false.

#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"
#include "warden/cel/runtime/value_ops.h"

namespace warden::cel {

namespace {

using stdlib::kAny;
using stdlib::kBool;
using stdlib::kBytes;
using stdlib::kDuration;
using stdlib::kNumber;
using stdlib::kString;
using stdlib::kTimestamp;

Value Equals(std::span<const Value> args, CallContext&) {
  return Value::Bool(ValuesEqual(args[0], args[1]));
}

Value NotEquals(std::span<const Value> args, CallContext&) {
  return Value::Bool(!ValuesEqual(args[0], args[1]));
}

Value Not(std::span<const Value> args, CallContext&) { return Value::Bool(!args[0].bool_value()); }

// Overload kinds reach these only for orderable pairs, so kIncomparable cannot occur;
// it is still answered with an error rather than a silent false.
template <bool (*Accept)(Ordering)>
Value Compare(std::span<const Value> args, CallContext& ctx) {
  const Ordering ordering = CompareValues(args[0], args[1]);
  if (ordering == Ordering::kIncomparable) return stdlib::NoMatchingOverload(ctx, "ordering", args);
  return Value::Bool(Accept(ordering));
}

bool IsLess(Ordering ordering) { return ordering == Ordering::kLess; }
bool IsLessOrEqual(Ordering ordering) {
  return ordering == Ordering::kLess || ordering == Ordering::kEqual;
}
bool IsGreater(Ordering ordering) { return ordering == Ordering::kGreater; }
bool IsGreaterOrEqual(Ordering ordering) {
  return ordering == Ordering::kGreater || ordering == Ordering::kEqual;
}

void RegisterOrdering(FunctionRegistry& registry, const char* name, FunctionImpl impl) {
  registry.Register(name, false, {kNumber, kNumber}, impl);
  registry.Register(name, false, {kString, kString}, impl);
  registry.Register(name, false, {kBytes, kBytes}, impl);
  registry.Register(name, false, {kBool, kBool}, impl);
  registry.Register(name, false, {kTimestamp, kTimestamp}, impl);
  registry.Register(name, false, {kDuration, kDuration}, impl);
}

}  // namespace

void RegisterComparisonFunctions(FunctionRegistry& registry) {
  registry.Register("_==_", false, {kAny, kAny}, Equals);
  registry.Register("_!=_", false, {kAny, kAny}, NotEquals);
  registry.Register("!_", false, {kBool}, Not);
  RegisterOrdering(registry, "_<_", Compare<IsLess>);
  RegisterOrdering(registry, "_<=_", Compare<IsLessOrEqual>);
  RegisterOrdering(registry, "_>_", Compare<IsGreater>);
  RegisterOrdering(registry, "_>=_", Compare<IsGreaterOrEqual>);
}

}  // namespace warden::cel
