#include "warden/data/node.h"

#include <cstddef>

namespace warden::data {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "bool";
    case NodeKind::kInt:
      return "int";
    case NodeKind::kUint:
      return "uint";
    case NodeKind::kDouble:
      return "double";
    case NodeKind::kString:
      return "string";
    case NodeKind::kBytes:
      return "bytes";
    case NodeKind::kList:
      return "list";
    case NodeKind::kMap:
      return "map";
  }
  return "unknown";
}

uint64_t HashKey(std::string_view key) {
  // FNV-1a 64 with a final mix: keys are short field names, so this is fast enough and
  // distributes well over power-of-two tables.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  hash ^= hash >> 29;
  return hash;
}

const Node* Node::FindIndexed(std::string_view key, uint64_t key_hash) const {
  // The slot table follows the entries and their key positions (MapStorageBytes).
  const auto* slots = reinterpret_cast<const uint32_t*>(
      reinterpret_cast<const SourcePosition*>(payload_.entries + size_) + size_);
  const uint64_t slot_mask = MapSlotCount(size_) - 1;
  const auto short_hash = static_cast<uint32_t>(key_hash);
  for (uint64_t slot = key_hash & slot_mask;; slot = (slot + 1) & slot_mask) {
    uint32_t stored = slots[slot];
    if (stored == 0) return nullptr;
    const MapEntry& entry = payload_.entries[stored - 1];
    if (entry.key_hash == short_hash && entry.key() == key) return &entry.value;
  }
}

const Node* Node::FindAndHint(std::string_view key, uint64_t key_hash, uint32_t& hint) const {
  const Node* found = Find(key, key_hash);
  if (found != nullptr) {
    // `found` is the value member of one of this map's entries.
    const auto* entry = reinterpret_cast<const MapEntry*>(reinterpret_cast<const char*>(found) -
                                                          offsetof(MapEntry, value));
    hint = static_cast<uint32_t>(entry - payload_.entries);
  }
  return found;
}

Node Node::Null(SourcePosition pos) {
  Node node;
  node.line_ = pos.line;
  node.column_ = pos.column;
  return node;
}

Node Node::Bool(bool value, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kBool;
  node.payload_.boolean = value;
  return node;
}

Node Node::Int(int64_t value, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kInt;
  node.payload_.int_value = value;
  return node;
}

Node Node::Uint(uint64_t value, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kUint;
  node.payload_.uint_value = value;
  return node;
}

Node Node::Double(double value, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kDouble;
  node.payload_.double_value = value;
  return node;
}

Node Node::String(std::string_view arena_text, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kString;
  node.payload_.chars = arena_text.data();
  node.size_ = static_cast<uint32_t>(arena_text.size());
  return node;
}

Node Node::Bytes(std::string_view arena_bytes, SourcePosition pos) {
  Node node = String(arena_bytes, pos);
  node.kind_ = NodeKind::kBytes;
  return node;
}

Node Node::List(const Node* arena_items, uint32_t count, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kList;
  node.payload_.items = arena_items;
  node.size_ = count;
  return node;
}

Node Node::Map(const MapEntry* arena_entries, uint32_t count, SourcePosition pos) {
  Node node = Null(pos);
  node.kind_ = NodeKind::kMap;
  node.payload_.entries = arena_entries;
  node.size_ = count;
  return node;
}

}  // namespace warden::data
