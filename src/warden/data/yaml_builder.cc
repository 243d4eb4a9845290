#include "warden/data/yaml_builder.h"

#include <algorithm>
#include <span>
#include <unordered_set>

#include "warden/data/reader_support.h"
#include "warden/data/yaml_schema.h"

namespace warden::data::internal {

namespace {

constexpr std::string_view kMergeTag = "tag:yaml.org,2002:merge";
// Keys are interned (stored once per file) while they are short and the table is small:
// configuration keys repeat across documents, values rarely do.
constexpr size_t kMaxInternedKeyBytes = 64;
constexpr size_t kMaxInternedKeys = 1 << 16;

const char* CollectionName(bool is_map) { return is_map ? "mapping" : "sequence"; }

}  // namespace

YamlTreeBuilder::YamlTreeBuilder(std::string_view file, const ReadLimits& limits,
                                 NodeBuilder& builder)
    : file_(file), limits_(limits), builder_(builder) {}

Status YamlTreeBuilder::Error(SourcePosition position, std::string_view reason) {
  return SyntaxErrorAt(file_, position, reason);
}

void YamlTreeBuilder::StartDocument() {
  anchors_.clear();
  stack_.clear();
  items_.clear();
  entries_.clear();
  merges_.clear();
  has_root_ = false;
}

StatusOr<const Node*> YamlTreeBuilder::EndDocument() {
  if (!has_root_ || !stack_.empty()) return Internal("yaml event stream ended inside a node");
  const Node* stored = builder_.arena().Create<Node>(root_);
  if (stored == nullptr) return WithPosition(ArenaExhausted(builder_.arena()), file_, {});
  return stored;
}

Status YamlTreeBuilder::CountNodes(uint64_t count, SourcePosition position,
                                   std::string_view alias) {
  expanded_nodes_ += count;
  if (expanded_nodes_ <= limits_.max_expanded_nodes) return Status::Ok();
  std::string limit = std::to_string(limits_.max_expanded_nodes);
  if (alias.empty())
    return LimitErrorAt(file_, position, "document has more than " + limit + " nodes");
  return LimitErrorAt(file_, position,
                      "alias " + Quoted(alias) + " expands the document beyond the limit of " +
                          limit + " nodes (a \"billion laughs\" input?)");
}

Status YamlTreeBuilder::SetKey(std::string_view text, SourcePosition position, bool is_merge) {
  std::string_view key;
  auto interned = interned_keys_.find(text);
  if (interned != interned_keys_.end()) {
    key = interned->second;
  } else {
    key = builder_.arena().CopyString(text);
    if (key.data() == nullptr)
      return WithPosition(ArenaExhausted(builder_.arena()), file_, position);
    if (text.size() <= kMaxInternedKeyBytes && interned_keys_.size() < kMaxInternedKeys) {
      interned_keys_.emplace(key, key);
    }
  }
  Frame& frame = stack_.back();
  frame.has_key = true;
  frame.key = key;
  frame.key_position = position;
  frame.key_is_merge = is_merge;
  return Status::Ok();
}

Status YamlTreeBuilder::Scalar(std::string_view text, bool plain, const Properties& properties) {
  const SourcePosition position = properties.position;
  if (Status status = CheckScalarSize(text.size(), file_, position, limits_); !status.ok()) {
    return status;
  }
  const bool at_key = AtKey();
  // Keys are not nodes; they count only through the anchor of a key reused as a value.
  if (!at_key) {
    if (Status status = CountNodes(1, position, {}); !status.ok()) return status;
  }
  if (at_key && properties.anchor.empty()) {
    // A key is only text; it needs no typing unless an alias may reuse it as a value.
    bool is_merge =
        plain && text == "<<" && (properties.tag.empty() || properties.tag == kMergeTag);
    return SetKey(text, position, is_merge);
  }
  StatusOr<Node> node =
      ResolveYamlScalar(text, plain, ClassifyYamlTag(properties.tag), position, builder_);
  if (!node.ok()) return WithPosition(node.status(), file_, position);
  Value value{*node, 1, 0};
  if (!properties.anchor.empty()) {
    std::string_view key_text = node->kind() == NodeKind::kString
                                    ? node->string_value()
                                    : builder_.arena().CopyString(text);
    if (key_text.data() == nullptr) {
      return WithPosition(ArenaExhausted(builder_.arena()), file_, position);
    }
    anchors_[std::string(properties.anchor)] = Anchored{value, key_text};
  }
  if (at_key) return SetKey(text, position, /*is_merge=*/false);
  return AddValue(value);
}

Status YamlTreeBuilder::Alias(std::string_view anchor, SourcePosition position) {
  auto found = anchors_.find(std::string(anchor));
  if (found == anchors_.end()) {
    for (const Frame& frame : stack_) {
      if (frame.anchor == anchor) {
        return Error(position, "alias " + Quoted(anchor) + " refers to a node that contains it");
      }
    }
    return Error(position, "unknown alias " + Quoted(anchor));
  }
  const Anchored anchored = found->second;
  if (Status status = CountNodes(anchored.value.size, position, anchor); !status.ok()) {
    return status;
  }
  if (stack_.size() + anchored.value.height > limits_.max_depth) {
    return LimitErrorAt(file_, position,
                        "alias " + Quoted(anchor) + " nests deeper than the depth limit of " +
                            std::to_string(limits_.max_depth));
  }
  if (AtKey()) {
    if (anchored.value.height > 0) {
      return Error(position, "a mapping key must be a scalar, but alias " + Quoted(anchor) +
                                 " is a " + CollectionName(anchored.value.node.is_map()));
    }
    return SetKey(anchored.key_text, position, /*is_merge=*/false);
  }
  return AddValue(anchored.value);
}

Status YamlTreeBuilder::StartCollection(bool is_map, const Properties& properties) {
  const SourcePosition position = properties.position;
  if (AtKey()) {
    return Error(position,
                 std::string("a mapping key must be a scalar, found a ") + CollectionName(is_map));
  }
  if (stack_.size() >= limits_.max_depth) return DepthError(file_, position, limits_.max_depth);
  if (Status status = CountNodes(1, position, {}); !status.ok()) return status;
  YamlTag tag = ClassifyYamlTag(properties.tag);
  if (tag != YamlTag::kNone && tag != YamlTag::kNonSpecific &&
      tag != (is_map ? YamlTag::kMap : YamlTag::kSeq)) {
    return Error(position, "tag `" + std::string(YamlTagName(tag)) + "` cannot be used on a " +
                               CollectionName(is_map));
  }
  Frame frame;
  frame.is_map = is_map;
  frame.position = position;
  frame.first = static_cast<uint32_t>(is_map ? entries_.size() : items_.size());
  frame.first_merge = static_cast<uint32_t>(merges_.size());
  frame.value.height = 1;
  frame.anchor = properties.anchor;
  stack_.push_back(std::move(frame));
  return Status::Ok();
}

Status YamlTreeBuilder::EndCollection() {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  StatusOr<Node> node = Node();
  if (frame.is_map) {
    node = FinishMap(frame);
  } else {
    std::span<const Node> items(items_.data() + frame.first, items_.size() - frame.first);
    node = builder_.List(items, frame.position);
    items_.resize(frame.first);
    if (!node.ok()) return WithPosition(node.status(), file_, frame.position);
  }
  if (!node.ok()) return node.status();
  frame.value.node = *node;
  if (!frame.anchor.empty()) anchors_[frame.anchor] = Anchored{frame.value, {}};
  return AddValue(frame.value);
}

Status YamlTreeBuilder::AddValue(const Value& value) {
  if (stack_.empty()) {
    root_ = value.node;
    has_root_ = true;
    return Status::Ok();
  }
  Frame& frame = stack_.back();
  frame.value.size += value.size;
  frame.value.height = std::max(frame.value.height, value.height + 1);
  if (!frame.is_map) {
    items_.push_back(value.node);
    return Status::Ok();
  }
  frame.has_key = false;
  if (frame.key_is_merge) return AddMergeSource(frame, value.node);
  entries_.push_back(KeyedNode{frame.key, frame.key_position, value.node});
  return Status::Ok();
}

Status YamlTreeBuilder::AddMergeSource(Frame& frame, const Node& source) {
  if (frame.has_merge) return Error(frame.key_position, "duplicate key `<<`");
  frame.has_merge = true;
  const auto before_entry = static_cast<uint32_t>(entries_.size() - frame.first);
  if (source.is_map()) {
    merges_.push_back(MergeSource{before_entry, source});
    return Status::Ok();
  }
  if (source.is_list()) {
    for (const Node& item : source.items()) {
      if (!item.is_map()) {
        return Error(frame.key_position, "merge key `<<` needs a mapping or a list of mappings");
      }
      merges_.push_back(MergeSource{before_entry, item});
    }
    return Status::Ok();
  }
  return Error(frame.key_position, "merge key `<<` needs a mapping or a list of mappings");
}

StatusOr<Node> YamlTreeBuilder::FinishMap(const Frame& frame) {
  std::span<const KeyedNode> explicit_entries(entries_.data() + frame.first,
                                              entries_.size() - frame.first);
  StatusOr<Node> node = Node();
  if (merges_.size() == frame.first_merge) {
    node = builder_.MapWithArenaKeys(explicit_entries, frame.position);
  } else {
    size_t duplicate = FindDuplicateKey(explicit_entries);
    if (duplicate < explicit_entries.size()) {
      return Error(explicit_entries[duplicate].key_position,
                   "duplicate key " + Quoted(explicit_entries[duplicate].key));
    }
    std::unordered_set<std::string_view> seen;
    for (const KeyedNode& entry : explicit_entries) seen.insert(entry.key);
    std::vector<KeyedNode> combined;
    size_t next_explicit = 0;
    for (size_t merge_idx = frame.first_merge; merge_idx < merges_.size(); ++merge_idx) {
      const MergeSource& merge = merges_[merge_idx];
      while (next_explicit < merge.before_entry)
        combined.push_back(explicit_entries[next_explicit++]);
      std::span<const MapEntry> merged = merge.map.entries();
      for (size_t entry_idx = 0; entry_idx < merged.size(); ++entry_idx) {
        const MapEntry& entry = merged[entry_idx];
        if (seen.insert(entry.key()).second) {
          combined.push_back({entry.key(), merge.map.key_position(entry_idx), entry.value});
        }
      }
    }
    while (next_explicit < explicit_entries.size()) {
      combined.push_back(explicit_entries[next_explicit++]);
    }
    merges_.resize(frame.first_merge);
    node = builder_.MapWithArenaKeys(combined, frame.position);
  }
  if (!node.ok()) {
    size_t duplicate = FindDuplicateKey(explicit_entries);
    if (duplicate < explicit_entries.size()) {
      return Error(explicit_entries[duplicate].key_position,
                   "duplicate key " + Quoted(explicit_entries[duplicate].key));
    }
    return WithPosition(node.status(), file_, frame.position);
  }
  entries_.resize(frame.first);
  return node;
}

}  // namespace warden::data::internal
