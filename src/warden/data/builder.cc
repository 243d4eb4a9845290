#include "warden/data/builder.h"

#include <cstring>

namespace warden::data {

Status ArenaExhausted(const Arena& arena) {
  return ResourceExhausted("document exceeds the memory limit of " +
                           std::to_string(arena.byte_limit()) + " bytes");
}

StatusOr<Node> NodeBuilder::String(std::string_view text, SourcePosition pos) {
  if (text.size() > UINT32_MAX) return ResourceExhausted("string longer than 4 GiB");
  std::string_view copy = arena_.CopyString(text);
  if (copy.data() == nullptr) return ArenaExhausted(arena_);
  return Node::String(copy, pos);
}

StatusOr<Node> NodeBuilder::Bytes(std::string_view bytes, SourcePosition pos) {
  StatusOr<Node> node = String(bytes, pos);
  if (!node.ok()) return node;
  return Node::Bytes(node->string_value(), pos);
}

StatusOr<Node> NodeBuilder::List(std::span<const Node> items, SourcePosition pos) {
  if (items.size() > UINT32_MAX) return ResourceExhausted("list longer than 2^32 items");
  Node* copy = arena_.AllocateArray<Node>(items.size());
  if (copy == nullptr && !items.empty()) return ArenaExhausted(arena_);
  if (!items.empty()) std::memcpy(static_cast<void*>(copy), items.data(), items.size_bytes());
  return Node::List(copy, static_cast<uint32_t>(items.size()), pos);
}

StatusOr<Node> NodeBuilder::Map(std::span<const MapEntry> entries, SourcePosition pos) {
  if (entries.size() > UINT32_MAX / 4) return ResourceExhausted("map with too many entries");
  MapEntry* copy = AllocateMapStorage(static_cast<uint32_t>(entries.size()));
  if (copy == nullptr && !entries.empty()) return ArenaExhausted(arena_);
  for (size_t entry_idx = 0; entry_idx < entries.size(); ++entry_idx) {
    std::string_view key = arena_.CopyString(entries[entry_idx].key);
    if (key.data() == nullptr) return ArenaExhausted(arena_);
    new (&copy[entry_idx]) MapEntry{key, entries[entry_idx].key_position, entries[entry_idx].value};
  }
  return IndexMap(copy, static_cast<uint32_t>(entries.size()), pos);
}

StatusOr<Node> NodeBuilder::MapWithArenaKeys(std::span<const MapEntry> entries,
                                             SourcePosition pos) {
  if (entries.size() > UINT32_MAX / 4) return ResourceExhausted("map with too many entries");
  const auto count = static_cast<uint32_t>(entries.size());
  // Entries passed in may live outside the arena (a reader's scratch vector): copy them.
  MapEntry* copy = AllocateMapStorage(count);
  if (copy == nullptr && count != 0) return ArenaExhausted(arena_);
  if (count != 0) std::memcpy(static_cast<void*>(copy), entries.data(), sizeof(MapEntry) * count);
  return IndexMap(copy, count, pos);
}

MapEntry* NodeBuilder::AllocateMapStorage(uint32_t count) {
  if (count == 0) return nullptr;
  size_t bytes = sizeof(MapEntry) * size_t{count};
  if (count > Node::kMapIndexThreshold) bytes += sizeof(uint32_t) * Node::MapSlotCount(count);
  return static_cast<MapEntry*>(arena_.Allocate(bytes, alignof(MapEntry)));
}

StatusOr<Node> NodeBuilder::IndexMap(MapEntry* stored, uint32_t count, SourcePosition pos) {
  for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
    stored[entry_idx].key_hash = static_cast<uint32_t>(HashKey(stored[entry_idx].key));
  }

  auto duplicate = [&](uint32_t entry_idx) {
    const MapEntry& entry = stored[entry_idx];
    std::string where = entry.key_position.known()
                            ? " at " + std::to_string(entry.key_position.line) + ":" +
                                  std::to_string(entry.key_position.column)
                            : "";
    return InvalidArgument("duplicate key `" + std::string(entry.key) + "`" + where);
  };

  if (count <= Node::kMapIndexThreshold) {
    for (uint32_t entry_idx = 1; entry_idx < count; ++entry_idx) {
      for (uint32_t prior = 0; prior < entry_idx; ++prior) {
        if (stored[prior].key_hash == stored[entry_idx].key_hash &&
            stored[prior].key == stored[entry_idx].key) {
          return duplicate(entry_idx);
        }
      }
    }
    return Node::Map(stored, count, pos);
  }

  const uint32_t slot_count = Node::MapSlotCount(count);
  auto* slots = reinterpret_cast<uint32_t*>(stored + count);  // see AllocateMapStorage
  std::memset(slots, 0, sizeof(uint32_t) * slot_count);
  const uint32_t mask = slot_count - 1;
  for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
    std::string_view key = stored[entry_idx].key;
    // Slot masks are below 2^32, so the stored low 32 bits of the hash suffice.
    for (uint64_t slot = stored[entry_idx].key_hash & mask;; slot = (slot + 1) & mask) {
      if (slots[slot] == 0) {
        slots[slot] = entry_idx + 1;
        break;
      }
      if (stored[slots[slot] - 1].key == key) return duplicate(entry_idx);
    }
  }
  return Node::Map(stored, count, pos);
}

}  // namespace warden::data
