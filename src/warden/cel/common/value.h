#pragma once
// Value: a CEL runtime value in 16 bytes, trivially copyable.
//
// Values never own memory. Scalars are stored inline. Strings and bytes are (pointer,
// length) views; lists and maps either borrow a data::Node of an input document ("node"
// representation, zero-copy) or point at arrays built during evaluation in an Arena
// ("native" representation). A Value is therefore valid only while the documents bound
// in the activation and the arena of the evaluation that made it are alive. Results that
// must outlive both are copied (see OwnedValue in eval/).
//
// Errors are values too (kind kError), carrying a message; they propagate through
// operators as cel-spec prescribes and fail closed in the engine.

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>

#include "warden/base/arena.h"
#include "warden/data/node.h"

namespace warden::cel {

enum class ValueKind : uint8_t {
  kNull,
  kBool,
  kInt,
  kUint,
  kDouble,
  kString,
  kBytes,
  kList,
  kMap,
  kTimestamp,
  kDuration,
  kType,
  kOptional,
  kOpaque,  // an extension type (net.IP, net.CIDR, Semver): a type name plus bytes
  kError,
};

// The CEL type name of a kind: "int", "list", "google.protobuf.Timestamp", ...
std::string_view ValueKindTypeName(ValueKind kind);

struct ErrorData {
  std::string_view message;  // lowercase, no final period (STYLE.md)
};

// Payload of an opaque value: its CEL type name and an encoding private to the
// library that defines the type. Two opaque values are equal when both are equal.
struct OpaqueData {
  std::string_view type_name;
  std::string_view data;
  // The value's text (`10.0.0.1`, `1.2.3`) for output and typed encoding; nullptr when
  // the type has none.
  std::string (*format)(std::string_view data) = nullptr;
};

struct NativeMap;

class Value {
 public:
  constexpr Value() = default;  // null

  // --- construction -------------------------------------------------------------------
  static constexpr Value Null() { return Value(); }
  static constexpr Value Bool(bool value) {
    Value v(ValueKind::kBool);
    v.payload_.boolean = value;
    return v;
  }
  static constexpr Value True() { return Bool(true); }
  static constexpr Value False() { return Bool(false); }
  static constexpr Value Int(int64_t value) {
    Value v(ValueKind::kInt);
    v.payload_.int_value = value;
    return v;
  }
  static constexpr Value Uint(uint64_t value) {
    Value v(ValueKind::kUint);
    v.payload_.uint_value = value;
    return v;
  }
  static constexpr Value Double(double value) {
    Value v(ValueKind::kDouble);
    v.payload_.double_value = value;
    return v;
  }
  // The text must outlive the value (input documents, program constants, an arena).
  static Value String(std::string_view text) { return Chars(ValueKind::kString, text); }
  static Value Bytes(std::string_view bytes) { return Chars(ValueKind::kBytes, bytes); }
  // A type value, e.g. Type("int"); the name must be static or outlive the value.
  static Value Type(std::string_view name) { return Chars(ValueKind::kType, name); }
  // seconds since the Unix epoch plus nanos in [0, 1e9).
  static Value Timestamp(int64_t seconds, int32_t nanos) {
    Value v(ValueKind::kTimestamp);
    v.payload_.int_value = seconds;
    v.small_ = static_cast<uint32_t>(nanos);
    return v;
  }
  // seconds and nanos with the same sign, |nanos| < 1e9 (protobuf Duration convention).
  static Value Duration(int64_t seconds, int32_t nanos) {
    Value v(ValueKind::kDuration);
    v.payload_.int_value = seconds;
    v.small_ = static_cast<uint32_t>(nanos);
    return v;
  }
  // A list of `size` values stored in an arena (or other storage outliving the value).
  static Value List(const Value* items, uint32_t size) {
    Value v(ValueKind::kList);
    v.payload_.values = items;
    v.small_ = size;
    return v;
  }
  static Value Map(const NativeMap* map);
  // Present optional (`value` stored in an arena) or absent optional (nullptr).
  static Value Optional(const Value* value) {
    Value v(ValueKind::kOptional);
    v.payload_.values = value;
    return v;
  }
  static Value OptionalNone() { return Optional(nullptr); }
  static Value Opaque(const OpaqueData* opaque) {
    Value v(ValueKind::kOpaque);
    v.payload_.opaque = opaque;
    return v;
  }
  static Value Error(const ErrorData* error) {
    Value v(ValueKind::kError);
    v.payload_.error = error;
    return v;
  }
  // A view of a document node: scalars are copied out, lists/maps are borrowed.
  static Value FromNode(const data::Node& node) {
    // NodeKind and ValueKind share their first nine values and scalar payload layout,
    // so a node converts without a branch per kind.
    static_assert(static_cast<int>(data::NodeKind::kMap) == static_cast<int>(ValueKind::kMap));
    Value v;
    v.kind_ = static_cast<ValueKind>(node.kind());
    v.small_ = node.raw_size();
    if (node.kind() >= data::NodeKind::kList) {
      v.rep_ = kNodeRep;
      v.payload_.node = &node;
    } else {
      v.payload_.uint_value = node.raw_payload();
    }
    return v;
  }

  // --- inspection ---------------------------------------------------------------------
  ValueKind kind() const { return kind_; }
  bool is_error() const { return kind_ == ValueKind::kError; }
  bool is_bool() const { return kind_ == ValueKind::kBool; }
  bool is_true() const { return kind_ == ValueKind::kBool && payload_.boolean; }
  bool is_false() const { return kind_ == ValueKind::kBool && !payload_.boolean; }
  // True when a list or map borrows a document node.
  bool is_node_backed() const { return rep_ == kNodeRep; }

  bool bool_value() const { return payload_.boolean; }
  int64_t int_value() const { return payload_.int_value; }
  uint64_t uint_value() const { return payload_.uint_value; }
  double double_value() const { return payload_.double_value; }
  // String, bytes and type name text.
  std::string_view string_view() const { return {payload_.chars, small_}; }
  int64_t seconds() const { return payload_.int_value; }
  int32_t nanos() const { return static_cast<int32_t>(small_); }
  const ErrorData& error() const { return *payload_.error; }
  const OpaqueData& opaque() const { return *payload_.opaque; }
  bool has_value() const { return payload_.values != nullptr; }  // optionals
  const Value& optional_value() const { return *payload_.values; }

  // --- lists ----------------------------------------------------------------------------
  uint32_t list_size() const { return is_node_backed() ? NodeSize() : small_; }
  Value list_item(uint32_t index) const {
    return is_node_backed() ? FromNode(payload_.node->item(index)) : payload_.values[index];
  }

  // --- maps -----------------------------------------------------------------------------
  uint32_t map_size() const;
  // Entry at insertion position `index` (0 <= index < map_size()).
  Value map_key(uint32_t index) const;
  Value map_value(uint32_t index) const;
  // Lookup by a string key (field selection); `hash` is data::HashKey(key).
  // Returns false when the key is absent.
  bool map_find_string(std::string_view key, uint64_t hash, Value& out) const;
  // Lookup by any key with CEL's heterogeneous numeric key semantics (1, 1u, 1.0 find the
  // same entry). Returns false when absent; `key` must be a valid key kind.
  bool map_find(const Value& key, Value& out) const;

  // The arena map behind a native map (nullptr for node-backed maps).
  const NativeMap* native_map() const { return is_node_backed() ? nullptr : payload_.map; }
  // The arena items behind a native list (nullptr for node-backed lists).
  const Value* native_items() const { return is_node_backed() ? nullptr : payload_.values; }

  // The data node behind a node-backed list or map (nullptr otherwise).
  const data::Node* node() const { return is_node_backed() ? payload_.node : nullptr; }

 private:
  static constexpr uint8_t kNativeRep = 0;
  static constexpr uint8_t kNodeRep = 1;

  constexpr explicit Value(ValueKind kind) : kind_(kind) {}
  static Value Chars(ValueKind kind, std::string_view text) {
    Value v(kind);
    v.payload_.chars = text.data();
    v.small_ = static_cast<uint32_t>(text.size());
    return v;
  }
  uint32_t NodeSize() const { return static_cast<uint32_t>(payload_.node->size()); }

  ValueKind kind_ = ValueKind::kNull;
  uint8_t rep_ = kNativeRep;
  uint16_t reserved_ = 0;
  uint32_t small_ = 0;  // length, list size, nanos
  union Payload {
    bool boolean;
    int64_t int_value;
    uint64_t uint_value;
    double double_value;
    const char* chars;
    const Value* values;
    const NativeMap* map;
    const data::Node* node;
    const ErrorData* error;
    const OpaqueData* opaque;
  } payload_{.int_value = 0};
};

static_assert(sizeof(Value) == 16);
static_assert(std::is_trivially_copyable_v<Value>);

// A map built during evaluation: keys and values in insertion order, plus an
// open-addressing index over key hashes (slot = entry index + 1, 0 = empty).
struct NativeMap {
  const Value* keys = nullptr;
  const Value* values = nullptr;
  uint32_t size = 0;
  const uint32_t* slots = nullptr;  // nullptr when size <= 8: linear scan
  uint32_t slot_mask = 0;
};

// Hash of a map key consistent with heterogeneous equality: equal int, uint and
// integral double keys hash alike.
uint64_t HashMapKey(const Value& key);

// Builds values in an arena. Every method returns an error Value ("memory limit
// exceeded") instead of failing when the arena's limit is reached.
class ValueFactory {
 public:
  explicit ValueFactory(Arena& arena) : arena_(arena) {}

  Value CopyString(std::string_view text);
  Value CopyBytes(std::string_view bytes);
  Value MakeList(std::span<const Value> items);
  // Keys must be valid, distinct map keys (callers check; see MakeMapChecked).
  Value MakeMap(std::span<const Value> keys, std::span<const Value> values);
  // Like MakeMap, returning an error value on an invalid or repeated key.
  Value MakeMapChecked(std::span<const Value> keys, std::span<const Value> values);
  Value MakeOptional(const Value& value);
  // An opaque value; type_name and data are copied into the arena. `format` renders
  // the data as text for output (static function, may be nullptr).
  Value MakeOpaque(std::string_view type_name, std::string_view data,
                   std::string (*format)(std::string_view data) = nullptr);
  // An error value with a message (copied into the arena).
  Value MakeError(std::string_view message);

  Arena& arena() { return arena_; }

 private:
  Arena& arena_;
};

// The error returned when an arena is full: static storage, always available.
Value MemoryLimitError();

}  // namespace warden::cel
