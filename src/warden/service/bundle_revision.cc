#include "warden/service/bundle_revision.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "warden/service/subprocess.h"

namespace warden::service {
namespace {

namespace fs = std::filesystem;

std::string TrimLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The first line of a program's error output, for messages.
std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no error message" : line;
}

// Runs git in `directory`; the trimmed standard output, or an error that quotes git's.
StatusOr<ProcessResult> Git(const std::string& directory, std::vector<std::string> args) {
  std::vector<std::string> argv = {"git", "-C", directory};
  for (std::string& arg : args) argv.push_back(std::move(arg));
  return RunProcess(argv);
}

// `prefix` + `path` (both relative to the repository root, `/`-separated) with `.` and
// `..` resolved; false when the result leaves the root.
bool JoinRepositoryPath(const std::string& prefix, const std::string& path, std::string& out) {
  std::vector<std::string> parts;
  std::string joined = prefix + "/" + path;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string part = joined.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  out.clear();
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return true;
}

StatusOr<std::string> MakeTemporaryDirectory(const std::string& parent) {
  std::string base = parent;
  if (base.empty()) {
    const char* tmpdir = std::getenv("TMPDIR");
    base = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  }
  // Absolute, because git runs in the repository root, not here.
  std::error_code error;
  fs::path absolute = fs::absolute(base, error);
  std::string pattern = (error ? fs::path(base) : absolute).string() + "/warden-bundle-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Unavailable("cannot create a temporary directory in `" + base +
                       "`: " + std::strerror(errno));
  }
  return pattern;
}

}  // namespace

BundleLocation::BundleLocation(std::string directory, std::string label)
    : directory_(std::move(directory)), label_(std::move(label)) {}

BundleLocation::BundleLocation(std::string directory, std::string label, std::string revision,
                               std::string tree_root, std::string temporary_root)
    : directory_(std::move(directory)),
      label_(std::move(label)),
      revision_(std::move(revision)),
      tree_root_(std::move(tree_root)),
      temporary_root_(std::move(temporary_root)) {}

BundleLocation::BundleLocation(BundleLocation&& other) noexcept
    : directory_(std::move(other.directory_)),
      label_(std::move(other.label_)),
      revision_(std::move(other.revision_)),
      tree_root_(std::move(other.tree_root_)),
      temporary_root_(std::exchange(other.temporary_root_, std::string())) {}

BundleLocation& BundleLocation::operator=(BundleLocation&& other) noexcept {
  if (this != &other) {
    Remove();
    directory_ = std::move(other.directory_);
    label_ = std::move(other.label_);
    revision_ = std::move(other.revision_);
    tree_root_ = std::move(other.tree_root_);
    temporary_root_ = std::exchange(other.temporary_root_, std::string());
  }
  return *this;
}

BundleLocation::~BundleLocation() { Remove(); }

std::string BundleLocation::DisplayPath(const std::string& path) const {
  if (revision_.empty() || path.compare(0, tree_root_.size(), tree_root_) != 0) return path;
  size_t rest = tree_root_.size();
  if (rest < path.size() && path[rest] == '/') ++rest;
  return revision_ + ":" + path.substr(rest);
}

void BundleLocation::Remove() {
  if (temporary_root_.empty()) return;
  std::error_code ignored;  // best effort: a leftover temporary directory is harmless
  fs::remove_all(temporary_root_, ignored);
  temporary_root_.clear();
}

StatusOr<BundleLocation> OpenBundleAt(const std::string& spec, const OpenBundleOptions& options) {
  const std::string working =
      options.working_directory.empty() ? std::string(".") : options.working_directory;
  std::error_code error;
  fs::path as_directory = options.working_directory.empty() || fs::path(spec).is_absolute()
                              ? fs::path(spec)
                              : fs::path(options.working_directory) / spec;
  if (!spec.empty() && fs::is_directory(as_directory, error)) {
    return BundleLocation(as_directory.string(), spec);
  }

  const size_t colon = spec.find(':');
  const bool has_path = colon != std::string::npos;
  const std::string revision = spec.substr(0, colon);
  if (spec.empty()) return InvalidArgument("empty bundle argument");
  if (revision.empty()) return InvalidArgument("`" + spec + "`: no revision before `:`");
  // A revision starting with `-` would read as an option of git.
  if (revision.front() == '-') return InvalidArgument("unknown revision `" + revision + "`");

  StatusOr<ProcessResult> top = Git(working, {"rev-parse", "--show-toplevel", "--show-prefix"});
  if (!top.ok()) return top.status();
  if (top->exit_code != 0) {
    return InvalidArgument("`" + spec +
                           "` is not a directory, and the working directory is not a git "
                           "repository");
  }
  std::string output = top->out;
  size_t newline = output.find('\n');
  const std::string root = TrimLine(output.substr(0, newline));
  const std::string prefix =
      newline == std::string::npos ? std::string() : TrimLine(output.substr(newline + 1));

  StatusOr<ProcessResult> tree =
      Git(root, {"rev-parse", "--verify", "--quiet", revision + "^{tree}"});
  if (!tree.ok()) return tree.status();
  if (tree->exit_code != 0) {
    std::string message = "unknown revision `" + revision + "`";
    if (!has_path) message += " (and no directory `" + spec + "`)";
    return InvalidArgument(message);
  }
  const std::string tree_id = TrimLine(tree->out);

  // PATH as git reads it: relative to the root, or to the working directory with `./`.
  std::string path;
  std::string given = has_path ? spec.substr(colon + 1) : prefix;
  bool relative_to_working = has_path && (given == "." || given == ".." ||
                                          given.rfind("./", 0) == 0 || given.rfind("../", 0) == 0);
  if (!JoinRepositoryPath(relative_to_working ? prefix : "", given, path)) {
    return InvalidArgument("`" + given + "` is outside the repository");
  }
  const std::string label = path.empty() ? revision : revision + ":" + path + "/";
  if (!path.empty()) {
    StatusOr<ProcessResult> type = Git(root, {"cat-file", "-t", tree_id + ":" + path});
    if (!type.ok()) return type.status();
    if (type->exit_code != 0 || TrimLine(type->out) != "tree") {
      return InvalidArgument("no bundle at `" + (has_path ? given : path + "/") +
                             "` in revision `" + revision + "`");
    }
  }

  StatusOr<std::string> temporary = MakeTemporaryDirectory(options.temporary_parent);
  if (!temporary.ok()) return temporary.status();
  // Owns the directory from here on, so every early return below removes it.
  const std::string extracted = *temporary + "/tree";
  BundleLocation location(extracted + (path.empty() ? "" : "/" + path), label, revision, extracted,
                          *temporary);
  const std::string archive = *temporary + "/revision.tar";
  if (!fs::create_directory(extracted, error)) {
    return Unavailable("cannot create `" + extracted + "`: " + error.message());
  }
  StatusOr<ProcessResult> archived = Git(root, {"archive", "--format=tar", "-o", archive, tree_id});
  if (!archived.ok()) return archived.status();
  if (archived->exit_code != 0) {
    return Unavailable("git archive of `" + revision + "` failed: " + FirstLine(archived->err));
  }
  StatusOr<ProcessResult> untarred =
      RunProcess({"tar", "-x", "--no-same-owner", "-f", archive, "-C", extracted});
  if (!untarred.ok()) return untarred.status();
  if (untarred->exit_code != 0) {
    return Unavailable("extracting `" + revision + "` failed: " + FirstLine(untarred->err));
  }
  fs::remove(archive, error);
  return location;
}

}  // namespace warden::service
