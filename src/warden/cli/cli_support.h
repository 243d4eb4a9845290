#pragma once
// Helpers shared by the subcommands: time, diagnostics output, files, terminals.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/cli/commands.h"
#include "warden/service/bundle_revision.h"
#include "warden/service/bundle_service.h"
#include "warden/service/input_discovery.h"
#include "warden/service/management_service.h"

namespace warden::cli {

// `--now`: an RFC 3339 timestamp, or the current time when `text` is empty. False (and
// a message on stderr) when malformed.
bool ResolveNow(const std::string& text, int64_t& seconds, int32_t& nanos);

// Prints diagnostics to stderr, sorted, with a count line; returns whether any is an error.
bool PrintDiagnostics(Diagnostics& diagnostics, bool print_warnings = true);

// Writes `text` to `path` (`-` = stdout). False and a message on stderr on failure.
bool WriteOutput(const std::string& path, const std::string& text);

// Whether stderr / stdout is a terminal (progress bars, colours; NO_COLOR respected).
bool StderrIsTerminal();
bool StdoutWantsColor();

// The bundle flags every policy-using command shares.
struct BundleFlags {
  std::string directory;
  std::vector<std::string> policies;
  bool no_index = false;
  bool coverage = false;  // compile coverage circuits (`warden test --coverage`); no flag
  // `--store URL` (else WARDEN_STORE): the store's approved exceptions apply too. Only for
  // commands registered with `with_store`.
  bool with_store = false;
  std::string store;
};
void AddBundleFlags(CLI::App& command, BundleFlags& flags, bool with_store = false);
// A warning on stderr when `environment` is set, the bundle configures environments and
// this one is not among them (a typo would silently apply no override).
void WarnUnknownEnvironment(const policy::CompiledBundle& bundle, const std::string& environment);

// Loads the bundle; on policy errors prints them and sets `exit_code` to kInvalid. With a
// store configured (`with_store` commands) and neither -b nor -p, the version active in
// `environment` is loaded from the store; its approved exceptions apply either way.
bool LoadBundleOrReport(const BundleFlags& flags, service::LoadedBundle& out, ExitCode& exit_code,
                        const std::string& environment = "");

// `-o FORMAT` plus `--output-file FORMAT=PATH` values as (format, path) pairs, the first
// being (`output`, `-` for stdout). `parse` turns a format name into a value and prints
// its own error when it cannot. False (after a message) on a malformed value.
template <typename Format, typename Parse>
bool ParseOutputTargets(const std::string& output, const std::vector<std::string>& output_files,
                        Parse parse, std::vector<std::pair<Format, std::string>>& targets) {
  Format format{};
  if (!parse(output, format)) return false;
  targets.emplace_back(format, "-");
  for (const std::string& spec : output_files) {
    size_t equals = spec.find('=');
    if (equals == std::string::npos || equals + 1 == spec.size()) {
      std::fprintf(stderr, "error: `--output-file %s`: expected FORMAT=PATH\n", spec.c_str());
      return false;
    }
    if (!parse(spec.substr(0, equals), format)) return false;
    targets.emplace_back(format, spec.substr(equals + 1));
  }
  return true;
}

// The input files of `paths` (files, directories, `-`), discovered with the default
// options; false after a message when discovery fails.
bool DiscoverInputsOrReport(const std::vector<std::string>& paths,
                            std::vector<service::InputFile>& files);

// Opens and loads the two bundles of `specs` (directories or git revisions) for commands
// that compare them. Sets `exit_code` (kUsage: a spec names nothing; kInvalid: a bundle
// is invalid, both sides' errors printed) and returns false on failure.
// With `store` (a management context), a spec naming a published version is that
// version, exported to a temporary directory (`warden diff 1.3.0 1.4.0 --store URL`).
bool LoadBundlePairOrReport(const std::string& before, const std::string& after,
                            std::optional<service::BundleLocation> (&locations)[2],
                            service::LoadedBundle (&bundles)[2], ExitCode& exit_code,
                            const service::ManagementContext* store = nullptr);

// Loads the bundle at `location` (a directory or a git revision, bundle_revision.h); on
// errors prints them, with revision files named `REV:path` rather than by their temporary
// copy, and returns false.
bool LoadLocatedBundleOrReport(const service::BundleLocation& location, service::LoadedBundle& out);

}  // namespace warden::cli
