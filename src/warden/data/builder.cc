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

StatusOr<Node> NodeBuilder::Map(std::span<const KeyedNode> entries, SourcePosition pos) {
  return StoreMap(entries, false, pos);
}

StatusOr<Node> NodeBuilder::MapWithArenaKeys(std::span<const KeyedNode> entries,
                                             SourcePosition pos) {
  return StoreMap(entries, true, pos);
}

StatusOr<Node> NodeBuilder::StoreMap(std::span<const KeyedNode> entries, bool arena_keys,
                                     SourcePosition pos) {
  if (entries.size() > UINT32_MAX / 4) return ResourceExhausted("map with too many entries");
  const auto count = static_cast<uint32_t>(entries.size());
  if (count == 0) return Node::Map(nullptr, 0, pos);
  auto* stored =
      static_cast<MapEntry*>(arena_.Allocate(Node::MapStorageBytes(count), alignof(MapEntry)));
  if (stored == nullptr) return ArenaExhausted(arena_);
  auto* key_positions = reinterpret_cast<SourcePosition*>(stored + count);
  for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
    const KeyedNode& entry = entries[entry_idx];
    if (entry.key.size() > UINT32_MAX) return ResourceExhausted("map key longer than 4 GiB");
    std::string_view key = arena_keys ? entry.key : arena_.CopyString(entry.key);
    if (key.data() == nullptr && !entry.key.empty()) return ArenaExhausted(arena_);
    new (&stored[entry_idx]) MapEntry{.key_chars = key.data(),
                                      .key_size = static_cast<uint32_t>(key.size()),
                                      .key_hash = static_cast<uint32_t>(HashKey(key)),
                                      .value = entry.value};
    new (&key_positions[entry_idx]) SourcePosition(entry.key_position);
  }

  auto duplicate = [&](uint32_t entry_idx) {
    SourcePosition where = key_positions[entry_idx];
    std::string at = where.known()
                         ? " at " + std::to_string(where.line) + ":" + std::to_string(where.column)
                         : "";
    return InvalidArgument("duplicate key `" + std::string(stored[entry_idx].key()) + "`" + at);
  };

  if (count <= Node::kMapIndexThreshold) {
    for (uint32_t entry_idx = 1; entry_idx < count; ++entry_idx) {
      for (uint32_t prior = 0; prior < entry_idx; ++prior) {
        if (stored[prior].key_hash == stored[entry_idx].key_hash &&
            stored[prior].key() == stored[entry_idx].key()) {
          return duplicate(entry_idx);
        }
      }
    }
    return Node::Map(stored, count, pos);
  }

  const uint32_t slot_count = Node::MapSlotCount(count);
  auto* slots = reinterpret_cast<uint32_t*>(key_positions + count);  // see MapStorageBytes
  std::memset(slots, 0, sizeof(uint32_t) * slot_count);
  const uint32_t mask = slot_count - 1;
  for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
    std::string_view key = stored[entry_idx].key();
    // Slot masks are below 2^32, so the stored low 32 bits of the hash suffice.
    for (uint64_t slot = stored[entry_idx].key_hash & mask;; slot = (slot + 1) & mask) {
      if (slots[slot] == 0) {
        slots[slot] = entry_idx + 1;
        break;
      }
      if (stored[slots[slot] - 1].key() == key) return duplicate(entry_idx);
    }
  }
  return Node::Map(stored, count, pos);
}

}  // namespace warden::data
