#include "warden/cel/lib/map_insert.h"

#include <vector>

namespace warden::cel {

namespace {

Value Insert(const Value& map, std::span<const Value> keys, std::span<const Value> values,
             CallContext& ctx) {
  if (!ctx.Charge(map.map_size() + keys.size())) return ctx.CostLimitError();
  std::vector<Value> all_keys;
  std::vector<Value> all_values;
  all_keys.reserve(map.map_size() + keys.size());
  all_values.reserve(map.map_size() + keys.size());
  for (uint32_t entry_idx = 0; entry_idx < map.map_size(); ++entry_idx) {
    all_keys.push_back(map.map_key(entry_idx));
    all_values.push_back(map.map_value(entry_idx));
  }
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    Value existing;
    if (map.map_find(keys[key_idx], existing)) {
      return ctx.Error("insert failed: key already exists in the map");
    }
    all_keys.push_back(keys[key_idx]);
    all_values.push_back(values[key_idx]);
  }
  return ctx.values().MakeMapChecked(all_keys, all_values);
}

Value InsertEntry(std::span<const Value> args, CallContext& ctx) {
  return Insert(args[0], args.subspan(1, 1), args.subspan(2, 1), ctx);
}

Value InsertMap(std::span<const Value> args, CallContext& ctx) {
  const Value& entries = args[1];
  std::vector<Value> keys;
  std::vector<Value> values;
  for (uint32_t entry_idx = 0; entry_idx < entries.map_size(); ++entry_idx) {
    keys.push_back(entries.map_key(entry_idx));
    values.push_back(entries.map_value(entry_idx));
  }
  return Insert(args[0], keys, values, ctx);
}

}  // namespace

void RegisterMapInsert(FunctionRegistry& registry) {
  const KindMask map = KindBit(ValueKind::kMap);
  registry.Register("cel.@mapInsert", false, {map, kAnyKind, kAnyKind}, InsertEntry);
  registry.Register("cel.@mapInsert", false, {map, map}, InsertMap);
}

}  // namespace warden::cel
