#include "warden/service/input_discovery.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "warden/data/reader.h"
#include "warden/service/input_glob.h"
#include "warden/service/wardenignore.h"

namespace warden::service {

namespace {

namespace fs = std::filesystem;

std::string Quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

bool IsGitLabCiName(std::string_view name) {
  return name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml";
}

// Whether a walk skips the hidden entry `name`.
bool SkipsHidden(std::string_view name, bool is_directory) {
  if (!name.starts_with('.')) return false;
  return is_directory ? name != ".github" : !IsGitLabCiName(name);
}

StatusOr<std::vector<PathGlob>> CompileGlobs(const std::vector<std::string>& patterns,
                                             std::string_view what) {
  std::vector<PathGlob> globs;
  globs.reserve(patterns.size());
  for (const std::string& pattern : patterns) {
    PathGlob glob;
    std::string error;
    if (!PathGlob::Compile(pattern, glob, error)) {
      return InvalidArgument("invalid " + std::string(what) + " glob " + Quoted(pattern) + ": " +
                             error);
    }
    globs.push_back(std::move(glob));
  }
  return globs;
}

bool AnyMatches(const std::vector<PathGlob>& globs, std::string_view path, bool is_directory) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const PathGlob& glob) { return glob.Matches(path, is_directory); });
}

struct DirectoryEntry {
  std::string name;
  bool is_directory = false;
};

// The walk state shared by every path of one DiscoverInputs call.
class Discovery {
 public:
  Discovery(const DiscoveryOptions& options, std::vector<PathGlob> include,
            std::vector<PathGlob> exclude)
      : options_(options), include_(std::move(include)), exclude_(std::move(exclude)) {}

  Status AddPath(const std::string& path);
  std::vector<InputFile> TakeFiles() { return std::move(files_); }

 private:
  Status Add(std::string path);
  Status WalkDirectory(const fs::path& directory, const std::string& display_prefix,
                       const std::string& relative_dir, size_t depth, IgnoreStack& ignores);
  // Entries of `directory`, sorted by name; files include symbolic links to files, while
  // links to directories and special files are left out.
  Status ListDirectory(const fs::path& directory, const std::string& display,
                       std::vector<DirectoryEntry>& entries) const;

  const DiscoveryOptions& options_;
  const std::vector<PathGlob> include_;
  const std::vector<PathGlob> exclude_;
  std::vector<InputFile> files_;
  std::unordered_set<std::string> seen_;
};

Status Discovery::Add(std::string path) {
  if (!seen_.insert(path).second) return Status::Ok();
  if (files_.size() >= options_.max_files) {
    return ResourceExhausted("more than " + std::to_string(options_.max_files) + " input files");
  }
  files_.push_back({std::move(path), options_.format});
  return Status::Ok();
}

Status Discovery::AddPath(const std::string& path) {
  if (path == "-") return Add(path);
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    return NotFound(Quoted(path) + " does not exist");
  }
  if (error) return Unavailable("cannot access " + Quoted(path) + ": " + error.message());
  if (fs::is_directory(status)) {
    std::string display_prefix;
    if (path != "." && path != "./") {
      display_prefix = path;
      while (display_prefix.size() > 1 && display_prefix.ends_with('/')) {
        display_prefix.pop_back();
      }
      if (!display_prefix.ends_with('/')) display_prefix += '/';
    }
    IgnoreStack ignores;
    return WalkDirectory(fs::path(path), display_prefix, "", 0, ignores);
  }
  if (!options_.format && !data::FormatFromPath(path)) {
    return InvalidArgument("cannot tell the format of " + Quoted(path) +
                           " from its name (expected .json, .jsonl, .ndjson, .yaml, .yml, "
                           ".toml or a Dockerfile); name it with `--input-format`");
  }
  return Add(path);
}

Status Discovery::ListDirectory(const fs::path& directory, const std::string& display,
                                std::vector<DirectoryEntry>& entries) const {
  std::error_code error;
  fs::directory_iterator iterator(directory, error);
  for (; !error && iterator != fs::directory_iterator(); iterator.increment(error)) {
    const fs::directory_entry& entry = *iterator;
    std::error_code type_error;
    fs::file_status status = entry.symlink_status(type_error);
    if (type_error) continue;  // vanished while listed
    if (fs::is_symlink(status)) {
      status = entry.status(type_error);
      // Links to directories are not followed (no cycles, no escaping the tree); broken
      // links are skipped.
      if (type_error || !fs::is_regular_file(status)) continue;
    }
    if (!fs::is_directory(status) && !fs::is_regular_file(status)) continue;
    entries.push_back({entry.path().filename().string(), fs::is_directory(status)});
  }
  if (error) {
    return Unavailable("cannot read directory " + Quoted(display) + ": " + error.message());
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return Status::Ok();
}

Status Discovery::WalkDirectory(const fs::path& directory, const std::string& display_prefix,
                                const std::string& relative_dir, size_t depth,
                                IgnoreStack& ignores) {
  const std::string display_dir = relative_dir.empty()
                                      ? (display_prefix.empty() ? "." : display_prefix)
                                      : display_prefix + relative_dir;
  if (depth > options_.max_depth) {
    return ResourceExhausted(Quoted(display_dir) + " is nested deeper than " +
                             std::to_string(options_.max_depth) + " directories");
  }
  std::vector<DirectoryEntry> entries;
  if (Status status = ListDirectory(directory, display_dir, entries); !status.ok()) return status;

  bool pushed_ignore_file = false;
  if (options_.use_ignore_files) {
    for (const DirectoryEntry& entry : entries) {
      if (entry.is_directory || entry.name != kIgnoreFileName) continue;
      StatusOr<IgnoreFile> ignore_file = IgnoreFile::Read((directory / entry.name).string());
      if (!ignore_file.ok()) return ignore_file.status();
      ignores.Push(std::move(ignore_file).value(), relative_dir);
      pushed_ignore_file = true;
    }
  }

  Status result = Status::Ok();
  for (const DirectoryEntry& entry : entries) {
    if (SkipsHidden(entry.name, entry.is_directory)) continue;
    const std::string relative =
        relative_dir.empty() ? entry.name : relative_dir + "/" + entry.name;
    if (ignores.IsIgnored(relative, entry.is_directory)) continue;
    if (AnyMatches(exclude_, relative, entry.is_directory)) continue;
    if (entry.is_directory) {
      result = WalkDirectory(directory / entry.name, display_prefix, relative, depth + 1, ignores);
    } else {
      if (!data::FormatFromPath(entry.name)) continue;
      if (!include_.empty() && !AnyMatches(include_, relative, false)) continue;
      result = Add(display_prefix + relative);
    }
    if (!result.ok()) break;
  }
  if (pushed_ignore_file) ignores.Pop();
  return result;
}

}  // namespace

StatusOr<std::vector<InputFile>> DiscoverInputs(const std::vector<std::string>& paths,
                                                const DiscoveryOptions& options) {
  StatusOr<std::vector<PathGlob>> include = CompileGlobs(options.include, "include");
  if (!include.ok()) return include.status();
  StatusOr<std::vector<PathGlob>> exclude = CompileGlobs(options.exclude, "exclude");
  if (!exclude.ok()) return exclude.status();
  Discovery discovery(options, std::move(include).value(), std::move(exclude).value());
  for (const std::string& path : paths) {
    if (Status status = discovery.AddPath(path); !status.ok()) return status;
  }
  return discovery.TakeFiles();
}

}  // namespace warden::service
