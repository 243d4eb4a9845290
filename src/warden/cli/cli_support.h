#pragma once
// Helpers shared by the subcommands: time, diagnostics output, files, terminals.

#include <cstdint>
#include <string>

#include "warden/base/diagnostic.h"
#include "warden/cli/commands.h"
#include "warden/service/bundle_service.h"

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
};
void AddBundleFlags(CLI::App& command, BundleFlags& flags);
// A warning on stderr when `environment` is set, the bundle configures environments and
// this one is not among them (a typo would silently apply no override).
void WarnUnknownEnvironment(const policy::CompiledBundle& bundle, const std::string& environment);

// Loads the bundle; on policy errors prints them and sets `exit_code` to kInvalid.
bool LoadBundleOrReport(const BundleFlags& flags, service::LoadedBundle& out, ExitCode& exit_code);

}  // namespace warden::cli
