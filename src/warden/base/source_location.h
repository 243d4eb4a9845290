#pragma once
// Source positions. Lines and columns are 1-based; column counts Unicode code points,
// so a caret printed under a line of source text lands on the right character.

#include <cstdint>
#include <string>
#include <string_view>

namespace warden {

// A position inside one file; 0 means unknown.
struct SourcePosition {
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

// A position with the file it belongs to.
struct SourceLocation {
  std::string file;
  SourcePosition position;

  // `file:line:column`, or just `file` when the position is unknown.
  std::string ToString() const;
};

// A message in the readers' error shape, `file:line:column: reason`, split into its
// location and reason. With `file` given, the message must start with it; without, the
// file is everything before the first `:line:column:`. A message of another shape gives
// an unknown position and the whole message as the reason (with `file` as the file).
struct LocatedMessage {
  SourceLocation location;
  std::string reason;
};
LocatedMessage SplitLocatedMessage(std::string_view message, std::string_view file = {});

}  // namespace warden
