#pragma once
// Path globs for choosing input files: the `--include` / `--exclude` patterns of
// `warden check` and the lines of `.wardenignore` files (wardenignore.h).
//
// Paths are relative (to the walked directory, or to the directory of an ignore file)
// and use forward slashes. Wildcards are those of cel::GlobPattern (`*` and `?` stay
// within one path component, `**` crosses `/`, `[...]` classes, `\` escapes), plus the
// gitignore conventions for whole paths:
//
//   - a pattern without `/` matches the base name at any depth (`*.yaml` matches
//     `deploy/app.yaml`), or the whole path;
//   - a pattern with a `/` matches the whole relative path; a leading `/` only anchors
//     (`/build` is `build` at the top, not `sub/build`), and a leading `./` is dropped;
//   - a trailing `/` matches directories only (`vendor/`);
//   - `**/` at the start of the pattern or after a `/` also matches no directory at all
//     (`**/*.yaml` matches `app.yaml`; `a/**/b` matches `a/b`), which GlobPattern alone
//     does not do. A pattern may hold at most kMaxZeroDirStars of these.
//
// Immutable after Compile; Matches may be called from any number of threads.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/lib/glob.h"

namespace warden::service {

class PathGlob {
 public:
  static constexpr size_t kMaxZeroDirStars = 4;

  PathGlob() = default;  // matches nothing

  // Compiles `pattern`. On a malformed pattern (an unclosed `[`, a trailing `\`, an empty
  // pattern, too many `**/`) returns false and sets `error` to the reason.
  static bool Compile(std::string_view pattern, PathGlob& out, std::string& error);

  // Whether `relative_path` (no leading `/`, forward slashes) matches. A directory-only
  // pattern matches only when `is_directory`.
  bool Matches(std::string_view relative_path, bool is_directory) const;

  bool directory_only() const { return directory_only_; }

 private:
  // The pattern with every subset of its `**/` removed (at most 2^kMaxZeroDirStars).
  std::vector<cel::GlobPattern> variants_;
  bool whole_path_ = false;  // the pattern has a `/`: match the whole path only
  bool directory_only_ = false;
};

}  // namespace warden::service
