#include "warden/service/input_glob.h"

#include <utility>

namespace warden::service {

namespace {

// A `**/` that may also match no directory: [begin, end) in the pattern text.
struct ZeroDirStar {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<ZeroDirStar> FindZeroDirStars(std::string_view text) {
  std::vector<ZeroDirStar> found;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\\') {
      pos += 2;
      continue;
    }
    const bool component_start = pos == 0 || text[pos - 1] == '/';
    if (component_start && text[pos] == '*') {
      size_t run_end = pos;
      while (run_end < text.size() && text[run_end] == '*') ++run_end;
      if (run_end - pos >= 2 && run_end < text.size() && text[run_end] == '/') {
        found.push_back({pos, run_end + 1});
      }
      pos = run_end;
      continue;
    }
    ++pos;
  }
  return found;
}

}  // namespace

bool PathGlob::Compile(std::string_view pattern, PathGlob& out, std::string& error) {
  out = PathGlob();
  std::string_view text = pattern;
  while (text.starts_with("./")) text.remove_prefix(2);
  while (text.ends_with('/')) {
    out.directory_only_ = true;
    text.remove_suffix(1);
  }
  while (text.starts_with('/')) {
    out.whole_path_ = true;
    text.remove_prefix(1);
  }
  if (text.empty()) {
    error = "empty pattern";
    return false;
  }
  if (text.find('/') != std::string_view::npos) out.whole_path_ = true;

  const std::vector<ZeroDirStar> stars = FindZeroDirStars(text);
  if (stars.size() > kMaxZeroDirStars) {
    error = "more than " + std::to_string(kMaxZeroDirStars) + " `**/` in one pattern";
    return false;
  }
  const size_t variant_count = size_t{1} << stars.size();
  for (size_t mask = 0; mask < variant_count; ++mask) {
    std::string variant;
    size_t copied = 0;
    for (size_t star_idx = 0; star_idx < stars.size(); ++star_idx) {
      if ((mask >> star_idx & 1) == 0) continue;
      variant.append(text.substr(copied, stars[star_idx].begin - copied));
      copied = stars[star_idx].end;
    }
    variant.append(text.substr(copied));
    cel::GlobPattern compiled;
    if (!cel::GlobPattern::Compile(variant, compiled, error)) return false;
    out.variants_.push_back(std::move(compiled));
  }
  return true;
}

bool PathGlob::Matches(std::string_view relative_path, bool is_directory) const {
  if (directory_only_ && !is_directory) return false;
  for (const cel::GlobPattern& variant : variants_) {
    if (variant.Matches(relative_path)) return true;
  }
  if (whole_path_) return false;
  const size_t slash = relative_path.rfind('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view base_name = relative_path.substr(slash + 1);
  for (const cel::GlobPattern& variant : variants_) {
    if (variant.Matches(base_name)) return true;
  }
  return false;
}

}  // namespace warden::service
