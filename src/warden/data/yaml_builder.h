#pragma once
// YamlTreeBuilder (internal to data/): turns the event stream of a YAML parser into
// Warden nodes, adding what an event parser leaves to its caller:
//
// - scalar typing by the YAML 1.2 core schema and tags (yaml_schema.h);
// - anchors and aliases: an alias shares the anchored node (the tree becomes a DAG, no
//   copy). Every alias use counts the aliased subtree's full size against
//   ReadLimits::max_expanded_nodes ("billion laughs"), and the aliased subtree's height
//   plus the alias's depth must stay within max_depth, so a consumer that walks the tree
//   sees at most what the limits promise;
// - merge keys `<<` (a mapping or a list of mappings): explicit keys win over merged
//   ones, earlier mappings in the list over later ones; merged entries take the place
//   of the `<<` entry, in the merged mapping's order;
// - keys must be scalars; a key's text is its source text (`1: a` has the key `1`);
//   a duplicate key is an error at the second key;
// - the depth limit is checked when a collection starts, so the caller can stop
//   parsing at once (libyaml's scanner is quadratic in flow nesting depth).
//
// Calls must follow the event grammar (the caller is a YAML parser). Every error names
// `file:line:column`. Not thread-safe; one builder per read.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/builder.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data::internal {

class YamlTreeBuilder {
 public:
  // Node properties as the parser reports them; empty views when absent.
  struct Properties {
    std::string_view anchor;
    std::string_view tag;  // resolved: `tag:yaml.org,2002:str`, `!`, `!Ref`
    SourcePosition position;
  };

  YamlTreeBuilder(std::string_view file, const ReadLimits& limits, NodeBuilder& builder);

  // Starts a document: forgets the previous document's anchors.
  void StartDocument();
  // The finished document's root node, stored in the arena.
  StatusOr<const Node*> EndDocument();

  // `plain` is true for an unquoted flow scalar (the only kind the core schema types).
  Status Scalar(std::string_view text, bool plain, const Properties& properties);
  Status Alias(std::string_view anchor, SourcePosition position);
  Status StartCollection(bool is_map, const Properties& properties);
  Status EndCollection();

 private:
  // A finished node with what its parent needs to know about it.
  struct Value {
    Node node;
    uint64_t size = 1;    // nodes it expands to
    uint32_t height = 0;  // 0 for scalars, 1 + the highest child for collections
  };
  struct Anchored {
    Value value;
    std::string_view key_text;  // scalars: the text used when the alias is a key
  };
  struct Frame {
    bool is_map = false;
    bool has_key = false;       // maps: a key waits for its value
    bool key_is_merge = false;  // ... and that key is `<<`
    bool has_merge = false;
    SourcePosition position;
    uint32_t first = 0;        // first item (items_) or entry (entries_) of this frame
    uint32_t first_merge = 0;  // first merge source (merges_) of this frame
    Value value;               // size and height so far
    std::string_view key;
    SourcePosition key_position;
    std::string anchor;
  };
  struct MergeSource {
    uint32_t before_entry;  // explicit entries of the frame that precede the `<<` key
    Node map;
  };

  bool AtKey() const { return !stack_.empty() && stack_.back().is_map && !stack_.back().has_key; }
  Status CountNodes(uint64_t count, SourcePosition position, std::string_view alias);
  Status SetKey(std::string_view text, SourcePosition position, bool is_merge);
  Status AddValue(const Value& value);
  Status AddMergeSource(Frame& frame, const Node& source);
  StatusOr<Node> FinishMap(const Frame& frame);
  Status Error(SourcePosition position, std::string_view reason);

  std::string_view file_;
  const ReadLimits& limits_;
  NodeBuilder& builder_;
  std::vector<Frame> stack_;
  std::vector<Node> items_;
  std::vector<KeyedNode> entries_;
  std::vector<MergeSource> merges_;
  std::unordered_map<std::string, Anchored> anchors_;
  std::unordered_map<std::string_view, std::string_view> interned_keys_;
  Node root_;
  bool has_root_ = false;
  uint64_t expanded_nodes_ = 0;  // over the whole stream
};

}  // namespace warden::data::internal
