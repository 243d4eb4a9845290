#include "warden/cel/common/issue.h"

#include "warden/base/line_index.h"

namespace warden::cel {

std::string FormatIssue(const Issue& issue, const SourceInfo& source, const ExprOrigin& origin) {
  LineIndex index(source.text);
  SourcePosition pos = index.PositionOf(static_cast<size_t>(issue.offset < 0 ? 0 : issue.offset));
  uint32_t line = origin.line + pos.line - 1;
  uint32_t column = pos.line == 1 ? origin.column + pos.column - 1 : pos.column;
  std::string out = origin.file + ":" + std::to_string(line) + ":" + std::to_string(column) +
                    ": error: " + issue.message + "\n";
  out += "   | ";
  out += index.Line(pos.line);
  out += "\n   | ";
  // Tabs keep their width so the caret lines up under the character.
  std::string_view text_line = index.Line(pos.line);
  uint32_t seen = 1;
  for (size_t byte_idx = 0; byte_idx < text_line.size() && seen < pos.column; ++byte_idx) {
    unsigned char c = static_cast<unsigned char>(text_line[byte_idx]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  out += "^\n";
  if (!issue.help.empty()) out += "   = help: " + issue.help + "\n";
  return out;
}

std::string FormatIssues(const std::vector<Issue>& issues, const SourceInfo& source,
                         const ExprOrigin& origin) {
  std::string out;
  for (const Issue& issue : issues) out += FormatIssue(issue, source, origin);
  return out;
}

}  // namespace warden::cel
