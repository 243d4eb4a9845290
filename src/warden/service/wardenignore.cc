#include "warden/service/wardenignore.h"

#include <utility>

#include "warden/base/file.h"

namespace warden::service {

StatusOr<IgnoreFile> IgnoreFile::Parse(std::string_view text, const std::string& file) {
  IgnoreFile ignore_file;
  size_t line_start = 0;
  size_t line_number = 0;
  while (line_start < text.size()) {
    ++line_number;
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;

    if (line.ends_with('\r')) line.remove_suffix(1);
    // Trailing spaces are dropped unless the last one is escaped (`\ `).
    while (line.ends_with(' ') && !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    size_t column = 1;
    Rule rule;
    if (line.front() == '!') {
      rule.negated = true;
      line.remove_prefix(1);
      ++column;
    }
    // A line that is only `/` or `!` names nothing (git ignores it too).
    if (line.find_first_not_of('/') == std::string_view::npos) continue;
    std::string error;
    if (!PathGlob::Compile(line, rule.glob, error)) {
      std::string message = file;
      message.append(":").append(std::to_string(line_number));
      message.append(":").append(std::to_string(column));
      message.append(": invalid pattern `").append(line).append("`: ").append(error);
      return InvalidArgument(std::move(message));
    }
    ignore_file.rules_.push_back(std::move(rule));
  }
  return ignore_file;
}

StatusOr<IgnoreFile> IgnoreFile::Read(const std::string& path) {
  StatusOr<std::string> text = ReadFile(path, kMaxIgnoreFileBytes);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

IgnoreFile::Verdict IgnoreFile::Match(std::string_view relative_path, bool is_directory) const {
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    if (rule->glob.Matches(relative_path, is_directory)) {
      return rule->negated ? Verdict::kInclude : Verdict::kIgnore;
    }
  }
  return Verdict::kNoMatch;
}

void IgnoreStack::Push(IgnoreFile file, std::string directory) {
  entries_.push_back({std::move(file), std::move(directory)});
}

void IgnoreStack::Pop() { entries_.pop_back(); }

bool IgnoreStack::IsIgnored(std::string_view relative_path, bool is_directory) const {
  for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
    std::string_view below = relative_path;
    if (!entry->directory.empty()) {
      // Entries are on the walk's path, so `relative_path` is below `directory`.
      if (!below.starts_with(entry->directory) || below.size() <= entry->directory.size() ||
          below[entry->directory.size()] != '/') {
        continue;
      }
      below.remove_prefix(entry->directory.size() + 1);
    }
    switch (entry->file.Match(below, is_directory)) {
      case IgnoreFile::Verdict::kIgnore:
        return true;
      case IgnoreFile::Verdict::kInclude:
        return false;
      case IgnoreFile::Verdict::kNoMatch:
        break;
    }
  }
  return false;
}

}  // namespace warden::service
