#include "warden/base/line_index.h"

#include <algorithm>

namespace warden {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\n') line_starts_.push_back(pos + 1);
  }
}

SourcePosition LineIndex::PositionOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_idx = static_cast<size_t>(next_line - line_starts_.begin()) - 1;
  size_t column = 1;
  for (size_t pos = line_starts_[line_idx]; pos < offset; ++pos) {
    // Count code points: continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text_[pos]) & 0xC0) != 0x80) ++column;
  }
  return SourcePosition{static_cast<uint32_t>(line_idx + 1), static_cast<uint32_t>(column)};
}

std::string_view LineIndex::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t start = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace warden
