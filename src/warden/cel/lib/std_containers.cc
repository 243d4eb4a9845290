// List and map functions: concatenation, size, indexing and membership.
//
// Indexing a list accepts an int, a uint or a double with an integral value (cel-spec's
// heterogeneous numbers: `[7, 8][dyn(0.0)]` is 7); a fractional double is an error, and
// a position outside [0, size) is "index out of range: N". Indexing a map finds keys with
// heterogeneous numeric equality (`{1u: 'a'}[1]`, `{1: 'a'}[1.0]`); a missing key is
// ``no such key: `k` `` and a value that can never be a key (bytes, null, a list...) is
// an error too. `x in list` uses `==` semantics on each element; `k in map` tests key
// presence with the same numeric rules, and is false for a non-key kind. `in` and list
// concatenation charge one cost unit per element visited or copied.

#include <cmath>
#include <limits>

#include "warden/cel/lib/conversions_format.h"
#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"
#include "warden/cel/runtime/value_ops.h"

namespace warden::cel {

namespace {

using stdlib::kAny;
using stdlib::kDouble;
using stdlib::kInt;
using stdlib::kList;
using stdlib::kMap;
using stdlib::kUint;

Value ConcatLists(std::span<const Value> args, CallContext& ctx) {
  const Value& left = args[0];
  const Value& right = args[1];
  const uint32_t left_size = left.list_size();
  const uint32_t right_size = right.list_size();
  if (right_size == 0) return left;
  if (left_size == 0) return right;
  const uint64_t size = uint64_t{left_size} + right_size;
  if (!ctx.Charge(size)) return ctx.CostLimitError();
  if (size > std::numeric_limits<uint32_t>::max()) return MemoryLimitError();
  Value* items = ctx.arena().AllocateArray<Value>(size);
  if (items == nullptr) return MemoryLimitError();
  for (uint32_t item_idx = 0; item_idx < left_size; ++item_idx) {
    items[item_idx] = left.list_item(item_idx);
  }
  for (uint32_t item_idx = 0; item_idx < right_size; ++item_idx) {
    items[left_size + item_idx] = right.list_item(item_idx);
  }
  return Value::List(items, static_cast<uint32_t>(size));
}

Value ListSize(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].list_size());
}

Value MapSize(std::span<const Value> args, CallContext&) { return Value::Int(args[0].map_size()); }

Value IndexOutOfRange(CallContext& ctx, const Value& index) {
  std::string position = index.kind() == ValueKind::kUint ? std::to_string(index.uint_value())
                                                          : stdlib::DisplayValue(index);
  return ctx.Error("index out of range: " + position);
}

Value IndexList(std::span<const Value> args, CallContext& ctx) {
  const Value& list = args[0];
  const Value& index = args[1];
  const uint32_t size = list.list_size();
  uint64_t position = 0;
  switch (index.kind()) {
    case ValueKind::kInt:
      if (index.int_value() < 0) return IndexOutOfRange(ctx, index);
      position = static_cast<uint64_t>(index.int_value());
      break;
    case ValueKind::kUint:
      position = index.uint_value();
      break;
    default: {
      const double value = index.double_value();
      if (!std::isfinite(value) || std::trunc(value) != value) {
        return ctx.Error("unsupported index value `" + FormatDouble(value) + "`");
      }
      if (value < 0 || value >= static_cast<double>(size)) return IndexOutOfRange(ctx, index);
      position = static_cast<uint64_t>(value);
      break;
    }
  }
  if (position >= size) return IndexOutOfRange(ctx, index);
  return list.list_item(static_cast<uint32_t>(position));
}

bool IsKeyKind(ValueKind kind) {
  return kind == ValueKind::kString || kind == ValueKind::kBool || kind == ValueKind::kInt ||
         kind == ValueKind::kUint || kind == ValueKind::kDouble;
}

Value IndexMap(std::span<const Value> args, CallContext& ctx) {
  const Value& key = args[1];
  if (!IsKeyKind(key.kind())) {
    return ctx.Error("unsupported map key type `" + std::string(ValueKindTypeName(key.kind())) +
                     "`");
  }
  Value found;
  if (args[0].map_find(key, found)) return found;
  return ctx.Error("no such key: `" + stdlib::DisplayValue(key) + "`");
}

Value InList(std::span<const Value> args, CallContext& ctx) {
  const Value& element = args[0];
  const Value& list = args[1];
  const uint32_t size = list.list_size();
  if (!ctx.Charge(size)) return ctx.CostLimitError();
  for (uint32_t item_idx = 0; item_idx < size; ++item_idx) {
    if (ValuesEqual(element, list.list_item(item_idx))) return Value::True();
  }
  return Value::False();
}

Value InMap(std::span<const Value> args, CallContext&) {
  if (!IsKeyKind(args[0].kind())) return Value::False();
  Value found;
  return Value::Bool(args[1].map_find(args[0], found));
}

}  // namespace

void RegisterContainerFunctions(FunctionRegistry& registry) {
  registry.Register("_+_", false, {kList, kList}, ConcatLists);
  for (bool receiver_style : {false, true}) {
    registry.Register("size", receiver_style, {kList}, ListSize);
    registry.Register("size", receiver_style, {kMap}, MapSize);
  }
  registry.Register("_[_]", false, {kList, kInt | kUint | kDouble}, IndexList);
  registry.Register("_[_]", false, {kMap, kAny}, IndexMap);
  registry.Register("@in", false, {kAny, kList}, InList);
  registry.Register("@in", false, {kAny, kMap}, InMap);
}

}  // namespace warden::cel
