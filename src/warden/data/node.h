#pragma once
// The document model: one immutable JSON-like tree for everything Warden evaluates.
//
// A Node is null, bool, int64, uint64, double, string, bytes, list or map, and keeps the
// 1-based line and column where it starts in its source. Maps keep insertion order and
// answer key lookups in O(1) on average: maps with more than kMapIndexThreshold entries
// carry a hash index built once by the builder. Keys are strings.
//
// Nodes, their strings and arrays live in an Arena owned by the Document (shared by the
// documents of one file). Nodes are never modified after the builder returns them, so a
// Document may be read from any number of threads. YAML aliases share the aliased node.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "warden/base/arena.h"
#include "warden/base/bytes_equal.h"
#include "warden/base/source_location.h"

namespace warden::data {

enum class NodeKind : uint8_t { kNull, kBool, kInt, kUint, kDouble, kString, kBytes, kList, kMap };

const char* NodeKindName(NodeKind kind);

struct MapEntry;
struct KeyedNode;

// Hash used for map keys. Callers that look up the same key often (the CEL planner's
// pre-resolved field names) compute it once and pass it to Node::Find.
uint64_t HashKey(std::string_view key);

class Node {
 public:
  Node() = default;  // null, unknown position

  NodeKind kind() const { return kind_; }
  SourcePosition position() const { return {line_, column_}; }

  bool is_null() const { return kind_ == NodeKind::kNull; }
  bool is_list() const { return kind_ == NodeKind::kList; }
  bool is_map() const { return kind_ == NodeKind::kMap; }
  bool is_string() const { return kind_ == NodeKind::kString; }

  // Scalar accessors; each requires the matching kind.
  bool bool_value() const { return payload_.boolean; }
  int64_t int_value() const { return payload_.int_value; }
  uint64_t uint_value() const { return payload_.uint_value; }
  double double_value() const { return payload_.double_value; }
  // The text of a string or the content of a bytes node.
  std::string_view string_value() const { return {payload_.chars, size_}; }

  // Number of list items or map entries (0 for scalars).
  size_t size() const { return kind_ == NodeKind::kList || kind_ == NodeKind::kMap ? size_ : 0; }

  // List items (empty for non-lists).
  std::span<const Node> items() const {
    return kind_ == NodeKind::kList ? std::span<const Node>(payload_.items, size_)
                                    : std::span<const Node>();
  }
  const Node& item(size_t index) const { return payload_.items[index]; }

  // Map entries in insertion order (empty for non-maps).
  inline std::span<const MapEntry> entries() const;
  // Where the key of entry `index` of a map is in the source (kept apart from the
  // entries, which lookups scan: see MapEntry).
  inline SourcePosition key_position(size_t index) const;
  // The same for `entry`, which must be one of this map's entries.
  inline SourcePosition key_position(const MapEntry& entry) const;
  // The value stored under `key`, or nullptr (also for non-maps).
  const Node* Find(std::string_view key) const { return Find(key, HashKey(key)); }
  inline const Node* Find(std::string_view key, uint64_t key_hash) const;
  // Documents of one shape (every container of a pod) keep a key at the same position,
  // so a lookup site that remembers where it found its key last time can try there
  // first. FindAt is that try: the value when entry `position` holds `key` (nullptr
  // otherwise, and for non-maps) — a few instructions, no calls for keys up to 16 bytes.
  // FindAndHint is the full lookup that also stores the key's position in `hint`.
  inline const Node* FindAt(uint32_t position, std::string_view key, uint64_t key_hash) const;
  const Node* FindAndHint(std::string_view key, uint64_t key_hash, uint32_t& hint) const;

  // The raw scalar payload and size, for zero-cost conversion into other value types
  // (the CEL Value mirrors this layout for scalars).
  uint64_t raw_payload() const { return payload_.uint_value; }
  uint32_t raw_size() const { return size_; }

  // Factories used by builders and tests. Strings, items and map storage must live at
  // least as long as the node (normally in the same Arena).
  static Node Null(SourcePosition pos = {});
  static Node Bool(bool value, SourcePosition pos = {});
  static Node Int(int64_t value, SourcePosition pos = {});
  static Node Uint(uint64_t value, SourcePosition pos = {});
  static Node Double(double value, SourcePosition pos = {});
  static Node String(std::string_view arena_text, SourcePosition pos = {});
  static Node Bytes(std::string_view arena_bytes, SourcePosition pos = {});
  static Node List(const Node* arena_items, uint32_t count, SourcePosition pos = {});
  // A map's entries must be laid out as MapStorageBytes describes: only NodeBuilder
  // makes maps.
  static Node Map(const MapEntry* arena_entries, uint32_t count, SourcePosition pos = {});

  // A map's storage, in one allocation the node points into: its entries, then the
  // source positions of their keys, then, for maps of more than kMapIndexThreshold
  // entries, an open-addressing index of MapSlotCount(count) slots (slot values are
  // entry index + 1, 0 marks an empty slot). Small maps are scanned. Keeping the index
  // there, not behind a separate header, saves a dependent load on every lookup; keeping
  // key positions apart keeps the entries that lookups scan small.
  static constexpr uint32_t kMapIndexThreshold = 8;
  static constexpr uint32_t MapSlotCount(uint32_t count) {
    return std::bit_ceil(count * 2);  // load factor at most 1/2
  }
  static constexpr size_t MapStorageBytes(uint32_t count);

 private:
  // Lookup through the hash index of a large map.
  const Node* FindIndexed(std::string_view key, uint64_t key_hash) const;

  NodeKind kind_ = NodeKind::kNull;
  uint32_t line_ = 0;
  uint32_t column_ = 0;
  uint32_t size_ = 0;  // string length, list or map count
  union Payload {
    bool boolean;
    int64_t int_value;
    uint64_t uint_value;
    double double_value;
    const char* chars;
    const Node* items;
    const MapEntry* entries;
  } payload_{.int_value = 0};
};

// A stored map entry: 40 bytes, so a request's maps take few cache lines (the key's
// source position lives beside the entries: Node::key_position).
struct MapEntry {
  const char* key_chars = nullptr;
  uint32_t key_size = 0;
  // Low 32 bits of HashKey(key), filled in by NodeBuilder: small maps compare it before
  // the key bytes, so a lookup compares bytes only on the matching entry.
  uint32_t key_hash = 0;
  Node value;

  std::string_view key() const { return {key_chars, key_size}; }
};

// A map entry as readers assemble it, before NodeBuilder stores the map.
struct KeyedNode {
  std::string_view key;
  SourcePosition key_position;
  Node value;
};

constexpr size_t Node::MapStorageBytes(uint32_t count) {
  size_t bytes = (sizeof(MapEntry) + sizeof(SourcePosition)) * size_t{count};
  if (count > kMapIndexThreshold) bytes += sizeof(uint32_t) * size_t{MapSlotCount(count)};
  return bytes;
}

inline std::span<const MapEntry> Node::entries() const {
  if (kind_ != NodeKind::kMap) return {};
  return {payload_.entries, size_};
}

inline SourcePosition Node::key_position(size_t index) const {
  if (kind_ != NodeKind::kMap || index >= size_) return {};
  return reinterpret_cast<const SourcePosition*>(payload_.entries + size_)[index];
}

inline SourcePosition Node::key_position(const MapEntry& entry) const {
  return key_position(static_cast<size_t>(&entry - payload_.entries));
}

// Key equality for lookups (field names are short: see BytesEqual).
inline bool KeysEqual(std::string_view a, std::string_view b) { return BytesEqual(a, b); }

// Small maps (the common case: Kubernetes objects have a handful of keys per level) are
// scanned inline comparing the stored 32-bit key hash first; large maps use the index.
inline const Node* Node::Find(std::string_view key, uint64_t key_hash) const {
  if (kind_ != NodeKind::kMap) return nullptr;
  if (size_ > kMapIndexThreshold) return FindIndexed(key, key_hash);
  const auto short_hash = static_cast<uint32_t>(key_hash);
  for (uint32_t entry_idx = 0; entry_idx < size_; ++entry_idx) {
    const MapEntry& entry = payload_.entries[entry_idx];
    if (entry.key_hash == short_hash && KeysEqual(entry.key(), key)) return &entry.value;
  }
  return nullptr;
}

inline const Node* Node::FindAt(uint32_t position, std::string_view key, uint64_t key_hash) const {
  if (kind_ != NodeKind::kMap || position >= size_) return nullptr;
  const MapEntry& entry = payload_.entries[position];
  if (entry.key_hash != static_cast<uint32_t>(key_hash) || entry.key_size != key.size()) {
    return nullptr;
  }
  return BytesEqual(entry.key(), key) ? &entry.value : nullptr;
}

// Asks the processor to start loading a map's entries (at most the first `max_bytes`),
// for a caller about to look up several keys of a node that is likely not in cache
// (a request among many). No effect on other nodes.
inline void PrefetchEntries(const Node& node, size_t max_bytes = 512) {
  if (!node.is_map()) return;
  const char* entries = reinterpret_cast<const char*>(node.entries().data());
  size_t bytes = std::min(node.size() * sizeof(MapEntry), max_bytes);
  for (size_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(entries + offset);
}

// One parsed document: a file, its index among the documents of that file (YAML
// multi-document streams, JSON Lines), and the root node. Cheap to copy.
struct Document {
  std::string file;
  size_t index = 0;
  const Node* root = nullptr;
  std::shared_ptr<const Arena> storage;

  // file:line:column of a node of this document.
  SourceLocation LocationOf(const Node& node) const { return {file, node.position()}; }
};

}  // namespace warden::data
