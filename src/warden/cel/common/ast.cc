#include "warden/cel/common/ast.h"

#include <algorithm>

namespace warden::cel {

uint32_t SourceInfo::LineOf(int32_t offset) const {
  size_t end = std::min(static_cast<size_t>(std::max(offset, 0)), text.size());
  return static_cast<uint32_t>(
      std::count(text.begin(), text.begin() + static_cast<long>(end), '\n') + 1);
}

uint32_t SourceInfo::ColumnOf(int32_t offset) const {
  size_t end = std::min(static_cast<size_t>(std::max(offset, 0)), text.size());
  size_t line_start = text.rfind('\n', end == 0 ? 0 : end - 1);
  line_start = (line_start == std::string::npos || end == 0) ? 0 : line_start + 1;
  if (end > 0 && text[end - 1] == '\n') line_start = end;
  uint32_t column = 1;
  for (size_t pos = line_start; pos < end; ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace warden::cel
