#pragma once
// Maps byte offsets of a text to 1-based line and column (columns in code points).
// Built once per text in O(n); each lookup is a binary search over line starts.

#include <cstddef>
#include <string_view>
#include <vector>

#include "warden/base/source_location.h"

namespace warden {

class LineIndex {
 public:
  // The index refers to `text`; `text` must outlive it.
  explicit LineIndex(std::string_view text);

  SourcePosition PositionOf(size_t offset) const;
  // The text of a 1-based line without its line terminator; empty when out of range.
  std::string_view Line(uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace warden
