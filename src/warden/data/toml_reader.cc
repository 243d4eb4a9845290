#include "warden/data/toml_reader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <new>
#include <span>
#include <vector>

#include "warden/base/arena.h"
#include "warden/base/line_index.h"
#include "warden/data/builder.h"
#include "warden/data/reader_support.h"
#include "warden/data/toml_depth.h"

namespace warden::data {

namespace {

using internal::WithPosition;

// toml++ recurses along dotted keys and table headers; beyond this depth it could
// exhaust the stack however ReadLimits is configured.
constexpr uint32_t kTomlDepthCap = 10'000;

SourcePosition PositionOf(const toml::source_region& region) {
  return {region.begin.line, region.begin.column};
}

void AppendDigits(std::string& out, unsigned value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width)
    out.append(static_cast<size_t>(width) - digits.size(), '0');
  out += digits;
}

void AppendDate(std::string& out, const toml::date& date) {
  AppendDigits(out, date.year, 4);
  out += '-';
  AppendDigits(out, date.month, 2);
  out += '-';
  AppendDigits(out, date.day, 2);
}

void AppendTime(std::string& out, const toml::time& time) {
  AppendDigits(out, time.hour, 2);
  out += ':';
  AppendDigits(out, time.minute, 2);
  out += ':';
  AppendDigits(out, time.second, 2);
  if (time.nanosecond != 0) {
    std::string fraction;
    AppendDigits(fraction, time.nanosecond, 9);
    while (fraction.back() == '0') fraction.pop_back();
    out += '.';
    out += fraction;
  }
}

std::string FormatDateTime(const toml::date_time& value) {
  std::string out;
  AppendDate(out, value.date);
  out += 'T';
  AppendTime(out, value.time);
  if (value.offset) {
    int minutes = value.offset->minutes;
    if (minutes == 0) {
      out += 'Z';
    } else {
      out += minutes < 0 ? '-' : '+';
      auto magnitude = static_cast<unsigned>(minutes < 0 ? -minutes : minutes);
      AppendDigits(out, magnitude / 60, 2);
      out += ':';
      AppendDigits(out, magnitude % 60, 2);
    }
  }
  return out;
}

// toml++ descriptions start with a capital letter and quote with '...'.
std::string Reason(std::string_view description) {
  std::string out(description);
  if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) &&
      std::islower(static_cast<unsigned char>(out[1]))) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  for (char& c : out) {
    if (c == '\'') c = '`';
  }
  while (!out.empty() && (out.back() == '.' || out.back() == '\n')) out.pop_back();
  return out;
}

// Converts a toml++ tree into Nodes with an explicit stack.
class Converter {
 public:
  Converter(std::string_view file, const ReadLimits& limits, NodeBuilder& builder)
      : file_(file), limits_(limits), builder_(builder) {}

  StatusOr<Node> Convert(const toml::table& root);

 private:
  struct Child {
    std::string_view key;  // empty for array items
    SourcePosition key_position;
    const toml::node* node;
  };
  struct Frame {
    const toml::node* node;
    SourcePosition position;
    size_t begin;  // this frame's children are children_[begin, end)
    size_t next;   // the next child to convert
    size_t end;
    uint32_t first;        // first converted child in items_ or entries_
    std::string_view key;  // how the parent refers to this frame
    SourcePosition key_position;
  };

  // Pushes a frame for a table or array; depth checked.
  Status Push(const toml::node& node, std::string_view key, SourcePosition key_position);
  StatusOr<Node> Scalar(const toml::node& node);
  StatusOr<Node> Finish(const Frame& frame);
  void Attach(const Frame& parent, std::string_view key, SourcePosition key_position,
              const Node& node);

  std::string_view file_;
  const ReadLimits& limits_;
  NodeBuilder& builder_;
  std::vector<Frame> stack_;
  std::vector<Child> children_;
  std::vector<Node> items_;
  std::vector<KeyedNode> entries_;
};

Status Converter::Push(const toml::node& node, std::string_view key, SourcePosition key_position) {
  SourcePosition position = PositionOf(node.source());
  if (stack_.size() >= limits_.max_depth) {
    return internal::DepthError(file_, position, limits_.max_depth);
  }
  const size_t begin = children_.size();
  if (const toml::table* table = node.as_table()) {
    for (auto&& [child_key, child] : *table) {
      if (Status status = internal::CheckScalarSize(child_key.str().size(), file_,
                                                    PositionOf(child_key.source()), limits_);
          !status.ok()) {
        return status;
      }
      std::string_view stored = builder_.arena().CopyString(child_key.str());
      if (stored.data() == nullptr)
        return WithPosition(ArenaExhausted(builder_.arena()), file_, position);
      children_.push_back(Child{stored, PositionOf(child_key.source()), &child});
    }
    // toml++ keeps tables sorted by key; Warden keeps source order.
    std::stable_sort(children_.begin() + static_cast<ptrdiff_t>(begin), children_.end(),
                     [](const Child& left, const Child& right) {
                       return left.key_position.line != right.key_position.line
                                  ? left.key_position.line < right.key_position.line
                                  : left.key_position.column < right.key_position.column;
                     });
  } else {
    for (const toml::node& item : *node.as_array()) children_.push_back(Child{{}, {}, &item});
  }
  const auto first = static_cast<uint32_t>(node.is_table() ? entries_.size() : items_.size());
  stack_.push_back(
      Frame{&node, position, begin, begin, children_.size(), first, key, key_position});
  return Status::Ok();
}

StatusOr<Node> Converter::Scalar(const toml::node& node) {
  SourcePosition position = PositionOf(node.source());
  switch (node.type()) {
    case toml::node_type::string: {
      const std::string& text = node.as_string()->get();
      if (Status status = internal::CheckScalarSize(text.size(), file_, position, limits_);
          !status.ok()) {
        return status;
      }
      StatusOr<Node> string = builder_.String(text, position);
      if (!string.ok()) return WithPosition(string.status(), file_, position);
      return string;
    }
    case toml::node_type::integer:
      return Node::Int(node.as_integer()->get(), position);
    case toml::node_type::floating_point:
      return Node::Double(node.as_floating_point()->get(), position);
    case toml::node_type::boolean:
      return Node::Bool(node.as_boolean()->get(), position);
    default:
      break;
  }
  std::string text;
  if (const auto* date = node.as_date()) {
    AppendDate(text, date->get());
  } else if (const auto* time = node.as_time()) {
    AppendTime(text, time->get());
  } else if (const auto* date_time = node.as_date_time()) {
    text = FormatDateTime(date_time->get());
  } else {
    return internal::SyntaxErrorAt(file_, position, "unsupported TOML value");
  }
  StatusOr<Node> string = builder_.String(text, position);
  if (!string.ok()) return WithPosition(string.status(), file_, position);
  return string;
}

StatusOr<Node> Converter::Finish(const Frame& frame) {
  if (frame.node->is_table()) {
    std::span<const KeyedNode> entries(entries_.data() + frame.first,
                                       entries_.size() - frame.first);
    StatusOr<Node> map = builder_.MapWithArenaKeys(entries, frame.position);
    if (!map.ok()) {
      size_t duplicate = internal::FindDuplicateKey(entries);
      if (duplicate < entries.size()) {
        return internal::SyntaxErrorAt(file_, entries[duplicate].key_position,
                                       "duplicate key " + internal::Quoted(entries[duplicate].key));
      }
      return WithPosition(map.status(), file_, frame.position);
    }
    entries_.resize(frame.first);
    return map;
  }
  std::span<const Node> items(items_.data() + frame.first, items_.size() - frame.first);
  StatusOr<Node> list = builder_.List(items, frame.position);
  items_.resize(frame.first);
  if (!list.ok()) return WithPosition(list.status(), file_, frame.position);
  return list;
}

void Converter::Attach(const Frame& parent, std::string_view key, SourcePosition key_position,
                       const Node& node) {
  if (parent.node->is_table()) {
    entries_.push_back(KeyedNode{key, key_position, node});
  } else {
    items_.push_back(node);
  }
}

StatusOr<Node> Converter::Convert(const toml::table& root) {
  if (Status status = Push(root, {}, {}); !status.ok()) return status;
  while (true) {
    Frame& frame = stack_.back();
    if (frame.next == frame.end) {
      const Frame done = frame;
      stack_.pop_back();
      children_.resize(done.begin);
      StatusOr<Node> node = Finish(done);
      if (!node.ok()) return node.status();
      if (stack_.empty()) return node;
      Attach(stack_.back(), done.key, done.key_position, *node);
      continue;
    }
    const Child child = children_[frame.next++];
    if (child.node->is_table() || child.node->is_array()) {
      if (Status status = Push(*child.node, child.key, child.key_position); !status.ok()) {
        return status;
      }
      continue;
    }
    StatusOr<Node> scalar = Scalar(*child.node);
    if (!scalar.ok()) return scalar.status();
    Attach(frame, child.key, child.key_position, *scalar);
  }
}

}  // namespace

StatusOr<Document> ReadToml(std::string_view text, std::string file, const ReadLimits& limits) {
  if (Status status = internal::CheckInputSize(text, file, limits); !status.ok()) return status;
  if (Status status = internal::CheckUtf8(text, file); !status.ok()) return status;
  ReadLimits effective = limits;
  effective.max_depth = std::min(limits.max_depth, kTomlDepthCap);
  if (std::optional<size_t> excess = internal::FindTomlDepthExcess(text, effective.max_depth)) {
    return internal::DepthError(file, LineIndex(text).PositionOf(*excess), effective.max_depth);
  }
  toml::table table;
  try {
    table = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    return internal::SyntaxErrorAt(file, PositionOf(error.source()), Reason(error.description()));
  } catch (const std::bad_alloc&) {
    return internal::LimitErrorAt(file, {}, "out of memory while parsing");
  } catch (const std::exception& error) {
    return internal::SyntaxErrorAt(file, {}, Reason(error.what()));
  }
  auto arena = internal::NewDocumentArena(limits, text.size());
  NodeBuilder builder(*arena);
  StatusOr<Node> root = Converter(file, effective, builder).Convert(table);
  if (!root.ok()) return root.status();
  const Node* stored = arena->Create<Node>(*root);
  if (stored == nullptr) return WithPosition(ArenaExhausted(*arena), file, {});
  return Document{std::move(file), 0, stored, std::move(arena)};
}

}  // namespace warden::data
