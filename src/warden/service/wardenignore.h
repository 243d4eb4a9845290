#pragma once
// `.wardenignore` files: which files a directory walk of `warden check` leaves out, in
// the manner of `.gitignore`.
//
// One pattern per line (input_glob.h has the pattern syntax); on the right, what each
// example line does (a comment must have a line of its own):
//
//   # generated manifests           a comment (`\#` starts a pattern with `#`)
//   build/                          a directory (and so everything below it)
//   /local.yaml                     only at the top of the ignore file's directory
//   charts/**/values-*.yaml         a path relative to the ignore file's directory
//   *.generated.yaml                a base name at any depth
//   !keep.generated.yaml            negation: include again what an earlier line ignored
//
// Blank lines are skipped; trailing spaces and a trailing `\r` are dropped (`\ ` keeps a
// space); `\!` starts a pattern with `!`. The last matching line of a file decides. An
// ignore file applies to its directory and everything below it; a deeper file's decision
// wins over a shallower one's. As in git, a file inside an ignored directory cannot be
// included again (the walk never enters the directory).
//
// Immutable after Parse; Match may be called from any number of threads. IgnoreStack is
// the walk's mutable state and is not thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/service/input_glob.h"

namespace warden::service {

inline constexpr std::string_view kIgnoreFileName = ".wardenignore";
// Largest ignore file read.
inline constexpr size_t kMaxIgnoreFileBytes = size_t{1} << 20;

class IgnoreFile {
 public:
  enum class Verdict { kNoMatch, kIgnore, kInclude };

  // Parses the text of an ignore file; `file` names it in errors. Errors: InvalidArgument
  // `file:line:column: invalid pattern ...` for a malformed pattern.
  static StatusOr<IgnoreFile> Parse(std::string_view text, const std::string& file);

  // Reads and parses the ignore file at `path` (at most kMaxIgnoreFileBytes). Errors: those
  // of Parse, and of base/file.h ReadFile.
  static StatusOr<IgnoreFile> Read(const std::string& path);

  // The decision of the last line matching `relative_path` (relative to the ignore file's
  // directory, forward slashes).
  Verdict Match(std::string_view relative_path, bool is_directory) const;

  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    PathGlob glob;
    bool negated = false;
  };
  std::vector<Rule> rules_;
};

// The ignore files in effect at one point of a directory walk, one per directory on the
// way down that holds one.
class IgnoreStack {
 public:
  // Makes `file` apply below `directory` (relative to the walk's root, forward slashes,
  // empty for the root itself). Directories must be pushed in walk order (each below the
  // previous one) and popped when the walk leaves them.
  void Push(IgnoreFile file, std::string directory);
  void Pop();
  bool empty() const { return entries_.empty(); }

  // Whether `relative_path` (relative to the walk's root) is ignored: the deepest ignore
  // file with a matching line decides.
  bool IsIgnored(std::string_view relative_path, bool is_directory) const;

 private:
  struct Entry {
    IgnoreFile file;
    std::string directory;
  };
  std::vector<Entry> entries_;
};

}  // namespace warden::service
