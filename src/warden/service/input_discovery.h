#pragma once
// Input discovery: which files `warden check PATH...` reads.
//
//   DiscoveryOptions options;
//   options.exclude = {"vendor/"};
//   auto files = DiscoverInputs({"deploy", "Dockerfile", "-"}, options);
//
// Each path is taken in the order given:
//
//   - `-` is standard input;
//   - a file is taken as named: never left out by globs or `.wardenignore`; its format is
//     the forced one or comes from its name (data::FormatFromPath), and a name that tells
//     no format is an error;
//   - a directory is walked recursively, each directory's entries in byte order of their
//     names, so the result is deterministic. The walk takes files whose name tells their
//     format; it skips hidden entries (names starting with `.`) except the `.github`
//     directory and `.gitlab-ci.yml` / `.gitlab-ci.yaml` files, does not follow symbolic
//     links to directories (links to files are taken), skips what `.wardenignore` files
//     inside the walked tree ignore (wardenignore.h), and applies `include` / `exclude`.
//
// Globs (input_glob.h) are matched against the path relative to the walked directory with
// forward slashes; one without `/` also matches the base name. A file is taken when it
// matches some include glob (or there are none) and no exclude glob; an exclude glob that
// matches a directory prunes it. Paths are reported as the walked directory joined with
// the relative path (`deploy/app.yaml`; `app.yaml` for the directory `.`). A path found
// twice is reported once, where it was first found.
//
// Errors: NotFound naming a missing path; InvalidArgument for a file whose format is
// unknown, a malformed glob or `.wardenignore` line; Unavailable when a directory cannot
// be read; ResourceExhausted past max_files or max_depth. Thread-safe: calls are
// independent (the file system may change under them).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/status.h"
#include "warden/service/input_format.h"

namespace warden::service {

// One input to read: a path as given or found (`-` for standard input) and the format
// forced by the caller, if any (otherwise ReadInputs takes it from the name or, for
// standard input, guesses it).
struct InputFile {
  std::string path;
  std::optional<InputFormat> format;

  friend bool operator==(const InputFile&, const InputFile&) = default;
};

struct DiscoveryOptions {
  // Globs a walked file must match one of (empty: every file with a known format).
  std::vector<std::string> include;
  // Globs that leave walked files and directories out.
  std::vector<std::string> exclude;
  // Forced on every input, including the files of a walk (`--input-format`).
  std::optional<InputFormat> format;
  // Whether `.wardenignore` files are read (`--no-ignore` turns it off).
  bool use_ignore_files = true;
  // Most files returned.
  size_t max_files = 1'000'000;
  // Deepest directory nesting walked below a named directory.
  size_t max_depth = 256;
};

StatusOr<std::vector<InputFile>> DiscoverInputs(const std::vector<std::string>& paths,
                                                const DiscoveryOptions& options = {});

}  // namespace warden::service
