#include "warden/engine/locate.h"

#include <cstddef>
#include <limits>

namespace warden::engine {

namespace {

// One step of a path: a key (quoted keys keep their escapes, compared by KeyMatches) or
// a list index written as digits.
struct Step {
  std::string_view text;
  bool quoted = false;  // `text` may hold `\` escapes
  bool digits = false;  // `[N]`
};

// Whether the map key `key` equals the path text `text` (with escapes when `quoted`).
bool KeyMatches(std::string_view key, std::string_view text, bool quoted) {
  if (!quoted || text.find('\\') == std::string_view::npos) return key == text;
  size_t key_pos = 0;
  for (size_t text_pos = 0; text_pos < text.size(); ++text_pos) {
    if (text[text_pos] == '\\' && text_pos + 1 < text.size()) ++text_pos;
    if (key_pos >= key.size() || key[key_pos] != text[text_pos]) return false;
    ++key_pos;
  }
  return key_pos == key.size();
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Parses the step starting at `pos` (after any separating `.`); advances `pos` past it.
// False when the path is malformed there.
bool ParseStep(std::string_view path, size_t& pos, Step& step) {
  if (path[pos] != '[') {
    const size_t start = pos;
    while (pos < path.size() && path[pos] != '.' && path[pos] != '[') ++pos;
    step = {path.substr(start, pos - start), false, false};
    return pos > start;
  }
  ++pos;  // `[`
  if (pos < path.size() && (path[pos] == '"' || path[pos] == '\'')) {
    const char quote = path[pos++];
    const size_t start = pos;
    while (pos < path.size() && path[pos] != quote) {
      if (path[pos] == '\\') ++pos;
      ++pos;
    }
    if (pos >= path.size()) return false;  // unclosed quote
    step = {path.substr(start, pos - start), true, false};
    ++pos;  // closing quote
    if (pos >= path.size() || path[pos] != ']') return false;
    ++pos;
    return true;
  }
  const size_t start = pos;
  while (pos < path.size() && path[pos] != ']') ++pos;
  if (pos >= path.size() || pos == start) return false;
  std::string_view text = path.substr(start, pos - start);
  ++pos;  // `]`
  step = {text, false, AllDigits(text)};
  return true;
}

// Applies `step` to `node`; false when the child does not exist.
bool Apply(const Step& step, const data::Node*& node, SourcePosition& position) {
  if (step.digits && node->is_list()) {
    size_t index = 0;
    for (char c : step.text) {
      const auto digit = static_cast<size_t>(c - '0');
      if (index > (std::numeric_limits<size_t>::max() - digit) / 10) return false;
      index = index * 10 + digit;
    }
    if (index >= node->size()) return false;
    node = &node->item(index);
    position = node->position();
    return true;
  }
  for (const data::MapEntry& entry : node->entries()) {
    if (KeyMatches(entry.key(), step.text, step.quoted)) {
      SourcePosition key_position = node->key_position(entry);
      node = &entry.value;
      position = key_position.known() ? key_position : entry.value.position();
      return true;
    }
  }
  return false;
}

}  // namespace

LocateResult LocatePath(const data::Node& root, std::string_view path) {
  LocateResult result;
  result.node = &root;
  result.position = root.position();
  size_t pos = 0;
  while (pos < path.size()) {
    if (pos > 0 && path[pos] == '.') {
      ++pos;
      if (pos >= path.size()) return result;  // trailing `.`
    } else if (pos > 0 && path[pos] != '[') {
      return result;
    }
    Step step;
    if (!ParseStep(path, pos, step)) return result;
    const data::Node* node = result.node;
    SourcePosition position = result.position;
    if (!Apply(step, node, position)) return result;
    result.node = node;
    result.position = position;
    result.resolved = path.substr(0, pos);
  }
  result.exact = true;
  return result;
}

}  // namespace warden::engine
