#pragma once
// Source positions. Lines and columns are 1-based; column counts Unicode code points,
// so a caret printed under a line of source text lands on the right character.

#include <cstdint>
#include <string>

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

}  // namespace warden
