#pragma once
// Locating a finding: the node that a rule's `path` names inside a document, so a
// violation can carry file:line:column (LANGUAGE.md §5).
//
// Paths are the dotted form rules write and reports print:
//
//   spec.containers[0].image
//   metadata.labels["app.kubernetes.io/name"]      (also ['...'])
//   items[3].spec
//   [0].name                                       (a document that is a list)
//
// A field is the text up to the next `.` or `[`; `[N]` indexes a list (on a map it looks up
// the key "N", since YAML and TOML keys may be digits); `["..."]` and `['...']` are quoted
// keys in which `\` escapes the next character. An empty path names the root.
//
// When the path leads to a field that does not exist (the usual case: a rule reports a
// missing `securityContext`), the result is the nearest existing ancestor, so the finding
// still points at a line. A malformed path resolves as far as it parses. Pure function,
// no allocation, thread-safe; the result points into `root`'s tree.

#include <string_view>

#include "warden/base/source_location.h"
#include "warden/data/node.h"

namespace warden::engine {

struct LocateResult {
  // The node the path names (exact) or the deepest existing ancestor; never null.
  const data::Node* node = nullptr;
  // Where to point a finding at: the key's position when the last step found was a map
  // key (`privileged: true` points at `privileged`, and a block mapping value at the line
  // of its key rather than its first entry), otherwise the node's own position.
  SourcePosition position;
  // True when the whole path resolved.
  bool exact = false;
  // The prefix of the path that resolved (a view into the argument; empty for the root).
  std::string_view resolved;
};

LocateResult LocatePath(const data::Node& root, std::string_view path);

}  // namespace warden::engine
