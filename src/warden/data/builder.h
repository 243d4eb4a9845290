#pragma once
// NodeBuilder: makes Nodes whose strings and arrays live in one Arena. Readers use it to
// build documents; tests and the CEL runtime use it to build small trees.
//
// Every method fails (returns an error, never throws) when the arena's byte limit is
// reached, so a hostile input cannot make a reader allocate without bound.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "warden/base/arena.h"
#include "warden/base/status.h"
#include "warden/data/node.h"

namespace warden::data {

class NodeBuilder {
 public:
  explicit NodeBuilder(Arena& arena) : arena_(arena) {}

  // Copies `text` into the arena.
  StatusOr<Node> String(std::string_view text, SourcePosition pos = {});
  StatusOr<Node> Bytes(std::string_view bytes, SourcePosition pos = {});
  // Copies the items into the arena.
  StatusOr<Node> List(std::span<const Node> items, SourcePosition pos = {});
  // Copies the entries (and their keys) into the arena and builds the lookup index.
  // A repeated key is an InvalidArgument error naming the key and its second position.
  StatusOr<Node> Map(std::span<const KeyedNode> entries, SourcePosition pos = {});
  // Like Map, for keys already copied into this arena (readers that copy as they go).
  StatusOr<Node> MapWithArenaKeys(std::span<const KeyedNode> entries, SourcePosition pos = {});

  Arena& arena() { return arena_; }

 private:
  // Stores `entries` (with `arena_keys`, their keys copied into the arena first) as
  // Node::MapStorageBytes lays them out, hashes the keys, rejects duplicates and fills
  // the slot table of a large map.
  StatusOr<Node> StoreMap(std::span<const KeyedNode> entries, bool arena_keys, SourcePosition pos);

  Arena& arena_;
};

// The message used for a limit hit inside the arena.
Status ArenaExhausted(const Arena& arena);

}  // namespace warden::data
