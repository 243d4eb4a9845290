#include "warden/cel/common/value.h"

#include <bit>
#include <cmath>
#include <limits>
#include <vector>

namespace warden::cel {

std::string_view ValueKindTypeName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "null_type";
    case ValueKind::kBool:
      return "bool";
    case ValueKind::kInt:
      return "int";
    case ValueKind::kUint:
      return "uint";
    case ValueKind::kDouble:
      return "double";
    case ValueKind::kString:
      return "string";
    case ValueKind::kBytes:
      return "bytes";
    case ValueKind::kList:
      return "list";
    case ValueKind::kMap:
      return "map";
    case ValueKind::kTimestamp:
      return "google.protobuf.Timestamp";
    case ValueKind::kDuration:
      return "google.protobuf.Duration";
    case ValueKind::kType:
      return "type";
    case ValueKind::kOptional:
      return "optional_type";
    case ValueKind::kOpaque:
      return "opaque";
    case ValueKind::kError:
      return "error";
  }
  return "unknown";
}

Value Value::Map(const NativeMap* map) {
  Value v(ValueKind::kMap);
  v.payload_.map = map;
  v.small_ = map->size;
  return v;
}

uint32_t Value::map_size() const { return is_node_backed() ? NodeSize() : payload_.map->size; }

Value Value::map_key(uint32_t index) const {
  if (is_node_backed()) return String(payload_.node->entries()[index].key());
  return payload_.map->keys[index];
}

Value Value::map_value(uint32_t index) const {
  if (is_node_backed()) return FromNode(payload_.node->entries()[index].value);
  return payload_.map->values[index];
}

namespace {

// Normalised numeric key: whether `key` is a number equal to some int64 or uint64 value.
struct NumericKey {
  bool valid = false;
  bool negative = false;
  uint64_t magnitude = 0;  // the value when !negative, else -(value)
};

NumericKey ToNumericKey(const Value& key) {
  NumericKey out;
  switch (key.kind()) {
    case ValueKind::kInt:
      out.valid = true;
      out.negative = key.int_value() < 0;
      out.magnitude = out.negative ? 0 - static_cast<uint64_t>(key.int_value())
                                   : static_cast<uint64_t>(key.int_value());
      return out;
    case ValueKind::kUint:
      out.valid = true;
      out.magnitude = key.uint_value();
      return out;
    case ValueKind::kDouble: {
      double d = key.double_value();
      if (!std::isfinite(d) || std::trunc(d) != d) return out;
      if (d >= 0 && d < 18446744073709551616.0) {
        out.valid = true;
        out.magnitude = static_cast<uint64_t>(d);
      } else if (d < 0 && d >= -9223372036854775808.0) {
        out.valid = true;
        out.negative = true;
        out.magnitude = 0 - static_cast<uint64_t>(static_cast<int64_t>(d));
      }
      return out;
    }
    default:
      return out;
  }
}

bool KeysEqual(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::kString || b.kind() == ValueKind::kString) {
    return a.kind() == b.kind() && a.string_view() == b.string_view();
  }
  if (a.kind() == ValueKind::kBool || b.kind() == ValueKind::kBool) {
    return a.kind() == b.kind() && a.bool_value() == b.bool_value();
  }
  NumericKey na = ToNumericKey(a);
  NumericKey nb = ToNumericKey(b);
  return na.valid && nb.valid && na.negative == nb.negative && na.magnitude == nb.magnitude;
}

}  // namespace

uint64_t HashMapKey(const Value& key) {
  switch (key.kind()) {
    case ValueKind::kString:
      return data::HashKey(key.string_view());
    case ValueKind::kBool:
      return key.bool_value() ? 0x9e3779b97f4a7c15ULL : 0x7f4a7c159e3779b9ULL;
    default: {
      NumericKey numeric = ToNumericKey(key);
      uint64_t mixed = numeric.magnitude * 0xff51afd7ed558ccdULL + (numeric.negative ? 1 : 0);
      return mixed ^ (mixed >> 32);
    }
  }
}

namespace {

// Insertion index of `key` in `map`, or -1.
int64_t FindEntryIndex(const NativeMap& map, const Value& key) {
  if (map.slots == nullptr) {
    for (uint32_t entry_idx = 0; entry_idx < map.size; ++entry_idx) {
      if (KeysEqual(map.keys[entry_idx], key)) return entry_idx;
    }
    return -1;
  }
  for (uint64_t slot = HashMapKey(key) & map.slot_mask;; slot = (slot + 1) & map.slot_mask) {
    uint32_t stored = map.slots[slot];
    if (stored == 0) return -1;
    if (KeysEqual(map.keys[stored - 1], key)) return stored - 1;
  }
}

}  // namespace

bool Value::map_find_string(std::string_view key, uint64_t hash, Value& out) const {
  if (is_node_backed()) {
    const data::Node* found = payload_.node->Find(key, hash);
    if (found == nullptr) return false;
    out = FromNode(*found);
    return true;
  }
  return map_find(String(key), out);
}

bool Value::map_find(const Value& key, Value& out) const {
  if (is_node_backed()) {
    if (key.kind() != ValueKind::kString) return false;  // document maps have string keys
    const data::Node* found = payload_.node->Find(key.string_view());
    if (found == nullptr) return false;
    out = FromNode(*found);
    return true;
  }
  int64_t entry_idx = FindEntryIndex(*payload_.map, key);
  if (entry_idx < 0) return false;
  out = payload_.map->values[entry_idx];
  return true;
}

Value MemoryLimitError() {
  static const ErrorData kError{"memory limit exceeded"};
  return Value::Error(&kError);
}

Value ValueFactory::CopyString(std::string_view text) {
  std::string_view copy = arena_.CopyString(text);
  if (copy.data() == nullptr) return MemoryLimitError();
  return Value::String(copy);
}

Value ValueFactory::CopyBytes(std::string_view bytes) {
  std::string_view copy = arena_.CopyString(bytes);
  if (copy.data() == nullptr) return MemoryLimitError();
  return Value::Bytes(copy);
}

Value ValueFactory::MakeList(std::span<const Value> items) {
  if (items.size() > std::numeric_limits<uint32_t>::max()) return MemoryLimitError();
  Value* copy = arena_.AllocateArray<Value>(items.size());
  if (copy == nullptr && !items.empty()) return MemoryLimitError();
  if (!items.empty()) std::memcpy(static_cast<void*>(copy), items.data(), items.size_bytes());
  return Value::List(copy, static_cast<uint32_t>(items.size()));
}

Value ValueFactory::MakeMap(std::span<const Value> keys, std::span<const Value> values) {
  const size_t count = keys.size();
  if (count > std::numeric_limits<uint32_t>::max() / 4) return MemoryLimitError();
  Value* key_copy = arena_.AllocateArray<Value>(count);
  Value* value_copy = arena_.AllocateArray<Value>(count);
  auto* map = arena_.Create<NativeMap>();
  if ((count != 0 && (key_copy == nullptr || value_copy == nullptr)) || map == nullptr) {
    return MemoryLimitError();
  }
  if (count != 0) {
    std::memcpy(static_cast<void*>(key_copy), keys.data(), keys.size_bytes());
    std::memcpy(static_cast<void*>(value_copy), values.data(), values.size_bytes());
  }
  map->keys = key_copy;
  map->values = value_copy;
  map->size = static_cast<uint32_t>(count);
  if (count > 8) {
    uint32_t slot_count = std::bit_ceil(static_cast<uint32_t>(count) * 2);
    uint32_t* slots = arena_.AllocateArray<uint32_t>(slot_count);
    if (slots == nullptr) return MemoryLimitError();
    std::memset(slots, 0, sizeof(uint32_t) * slot_count);
    uint32_t mask = slot_count - 1;
    for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
      uint64_t slot = HashMapKey(key_copy[entry_idx]) & mask;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = entry_idx + 1;
    }
    map->slots = slots;
    map->slot_mask = mask;
  }
  return Value::Map(map);
}

Value ValueFactory::MakeMapChecked(std::span<const Value> keys, std::span<const Value> values) {
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    const Value& key = keys[key_idx];
    switch (key.kind()) {
      case ValueKind::kString:
      case ValueKind::kBool:
      case ValueKind::kInt:
      case ValueKind::kUint:
        break;
      case ValueKind::kError:
        return key;
      default:
        return MakeError("unsupported key type `" + std::string(ValueKindTypeName(key.kind())) +
                         "`");
    }
  }
  // Duplicate detection: quadratic for small maps, hashed beyond.
  if (keys.size() <= 16) {
    for (size_t key_idx = 1; key_idx < keys.size(); ++key_idx) {
      for (size_t prior = 0; prior < key_idx; ++prior) {
        if (KeysEqual(keys[prior], keys[key_idx])) return MakeError("repeated key in map literal");
      }
    }
    return MakeMap(keys, values);
  }
  Value map = MakeMap(keys, values);
  if (map.is_error()) return map;
  // With a repeated key, the lookup of the later occurrence finds the earlier entry.
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    if (FindEntryIndex(*map.native_map(), keys[key_idx]) != static_cast<int64_t>(key_idx)) {
      return MakeError("repeated key in map literal");
    }
  }
  return map;
}

Value ValueFactory::MakeOptional(const Value& value) {
  auto* stored = arena_.AllocateArray<Value>(1);
  if (stored == nullptr) return MemoryLimitError();
  *stored = value;
  return Value::Optional(stored);
}

Value ValueFactory::MakeOpaque(std::string_view type_name, std::string_view data,
                               std::string (*format)(std::string_view data)) {
  std::string_view name_copy = arena_.CopyString(type_name);
  std::string_view data_copy = arena_.CopyString(data);
  auto* opaque = arena_.Create<OpaqueData>();
  if (name_copy.data() == nullptr || data_copy.data() == nullptr || opaque == nullptr) {
    return MemoryLimitError();
  }
  opaque->type_name = name_copy;
  opaque->data = data_copy;
  opaque->format = format;
  return Value::Opaque(opaque);
}

Value ValueFactory::MakeError(std::string_view message) {
  std::string_view copy = arena_.CopyString(message);
  auto* error = arena_.Create<ErrorData>();
  if (copy.data() == nullptr || error == nullptr) return MemoryLimitError();
  error->message = copy;
  return Value::Error(error);
}

}  // namespace warden::cel
