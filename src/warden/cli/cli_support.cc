#include "warden/cli/cli_support.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>

#include "warden/cel/eval/typed_value.h"
#include "warden/cli/store_flags.h"
#include "warden/service/exception_workflow.h"

namespace warden::cli {

bool ResolveNow(const std::string& text, int64_t& seconds, int32_t& nanos) {
  if (text.empty()) {
    // The CLI reads the wall clock; the library never does.
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    auto whole = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    seconds = whole.count();
    nanos = static_cast<int32_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - whole).count());
    return true;
  }
  std::optional<cel::Value> parsed = cel::ParseTimestampValue(text);
  if (!parsed) {
    std::fprintf(stderr, "error: `--now %s`: expected an RFC 3339 timestamp\n", text.c_str());
    return false;
  }
  seconds = parsed->seconds();
  nanos = parsed->nanos();
  return true;
}

bool PrintDiagnostics(Diagnostics& diagnostics, bool print_warnings) {
  diagnostics.Sort();
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (!print_warnings && diagnostic.severity == DiagnosticSeverity::kWarning) continue;
    std::fprintf(stderr, "%s\n", FormatDiagnostic(diagnostic).c_str());
  }
  if (diagnostics.dropped() > 0) {
    std::fprintf(stderr, "... and %zu more\n", diagnostics.dropped());
  }
  return diagnostics.has_errors();
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "error: cannot write `%s`\n", path.c_str());
    return false;
  }
  return true;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

bool StdoutWantsColor() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

void AddBundleFlags(CLI::App& command, BundleFlags& flags, bool with_store) {
  flags.with_store = with_store;
  if (with_store) {
    command.add_option("--store", flags.store,
                       "Also apply the approved exceptions of this store (default: "
                       "$WARDEN_STORE when set)");
  }
  command.add_option("-b,--bundle", flags.directory, "Policy bundle directory");
  command
      .add_option("-p,--policy", flags.policies,
                  "Policy file, directory or builtin:TEMPLATE (repeatable)")
      ->allow_extra_args(false);
  command.add_flag("--no-index", flags.no_index,
                   "Match every policy linearly instead of through the rule index");
}

void WarnUnknownEnvironment(const policy::CompiledBundle& bundle, const std::string& environment) {
  if (environment.empty() || bundle.environments.empty() ||
      bundle.environments.count(environment) > 0) {
    return;
  }
  std::string known;
  for (const auto& [name, settings] : bundle.environments) {
    known += (known.empty() ? "" : ", ") + name;
  }
  std::fprintf(stderr, "warning: the bundle configures no environment `%s` (it has: %s)\n",
               environment.c_str(), known.c_str());
}

namespace {

// The store `--store` or WARDEN_STORE configures for a command registered with it; null
// when none is configured or (with `exit_code` set) when it cannot be opened.
std::unique_ptr<store::Store> OpenConfiguredStore(const BundleFlags& flags, ExitCode& exit_code) {
  if (!flags.with_store) return nullptr;
  std::string url = flags.store;
  if (url.empty()) {
    const char* configured = std::getenv("WARDEN_STORE");
    if (configured != nullptr) url = configured;
  }
  if (url.empty()) return nullptr;
  StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(url);
  if (!opened.ok()) {
    exit_code = ReportManagementError(opened.status());
    return nullptr;
  }
  return std::move(*opened);
}

// Adds the store's approved exceptions to `spec`. Whether one has expired is for the
// engine to say, at the evaluation's time (`--now`).
bool AddStoreExceptions(store::Store& store, service::BundleSpec& spec, ExitCode& exit_code) {
  service::ManagementContext context;
  context.store = &store;
  context.now_seconds = std::numeric_limits<int64_t>::min();
  StatusOr<std::vector<std::pair<std::string, std::string>>> documents =
      service::ActiveExceptionDocuments(context);
  if (!documents.ok()) {
    exit_code = ReportManagementError(documents.status());
    return false;
  }
  spec.extra_exceptions = std::move(*documents);
  return true;
}

// Exports the version running in `environment` into a fresh temporary directory, which
// `spec` then loads; the caller removes `directory` after loading.
bool UseActiveVersion(store::Store& store, const std::string& environment,
                      service::BundleSpec& spec, std::string& directory, ExitCode& exit_code) {
  std::string pattern = (std::filesystem::temp_directory_path() / "warden-active-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::fprintf(stderr, "error: cannot create a temporary directory\n");
    exit_code = ExitCode::kInternal;
    return false;
  }
  directory = pattern;
  service::ManagementContext context;
  context.store = &store;
  StatusOr<store::VersionRecord> version =
      service::ExportActiveVersion(context, environment, directory + "/bundle");
  if (!version.ok()) {
    exit_code = ReportManagementError(version.status());
    return false;
  }
  if (version->state == store::VersionState::kDeprecated) {
    std::fprintf(stderr, "warning: policy version %s, active in %s, is deprecated\n",
                 version->version.c_str(), environment.c_str());
  }
  spec.directory = directory + "/bundle";
  return true;
}

}  // namespace

bool LoadBundleOrReport(const BundleFlags& flags, service::LoadedBundle& out, ExitCode& exit_code,
                        const std::string& environment) {
  ExitCode store_error = ExitCode::kOk;
  std::unique_ptr<store::Store> store = OpenConfiguredStore(flags, store_error);
  if (store_error != ExitCode::kOk) {
    exit_code = store_error;
    return false;
  }
  service::BundleSpec spec;
  spec.directory = flags.directory;
  spec.policies = flags.policies;
  spec.use_index = !flags.no_index;
  spec.compile.lint = false;  // lints are `warden validate`'s business
  spec.compile.coverage = flags.coverage;
  std::string active_directory;  // the exported active version, removed after loading
  if (flags.directory.empty() && flags.policies.empty()) {
    if (store == nullptr || environment.empty()) {
      std::fprintf(stderr, "error: give a bundle (-b DIR) or policies (-p FILE)%s\n",
                   flags.with_store
                       ? ", or run the version active in an environment (--store URL --env ENV)"
                       : "");
      exit_code = ExitCode::kUsage;
      return false;
    }
    if (!UseActiveVersion(*store, environment, spec, active_directory, exit_code)) {
      std::error_code ignored;
      if (!active_directory.empty()) std::filesystem::remove_all(active_directory, ignored);
      return false;
    }
  }
  if (store != nullptr && !AddStoreExceptions(*store, spec, exit_code)) return false;
  Diagnostics diagnostics;
  out = service::LoadBundle(spec, diagnostics);
  if (!active_directory.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(active_directory, ignored);
  }
  if (diagnostics.has_errors()) {
    PrintDiagnostics(diagnostics, false);
    std::fprintf(stderr, "error: the policies are invalid (%zu errors); see `warden validate`\n",
                 diagnostics.error_count());
    exit_code = ExitCode::kInvalid;
    return false;
  }
  return true;
}

bool DiscoverInputsOrReport(const std::vector<std::string>& paths,
                            std::vector<service::InputFile>& files) {
  if (paths.empty()) return true;
  StatusOr<std::vector<service::InputFile>> discovered = service::DiscoverInputs(paths, {});
  if (!discovered.ok()) {
    std::fprintf(stderr, "error: %s\n", discovered.status().message().c_str());
    return false;
  }
  files = std::move(*discovered);
  return true;
}

namespace {

// The published version `spec` names, exported to a temporary directory the location
// owns; nullopt when the store has no such version.
StatusOr<std::optional<service::BundleLocation>> StoredVersionLocation(
    const service::ManagementContext& context, const std::string& spec) {
  StatusOr<store::VersionDetails> details = service::ShowVersion(context, spec);
  if (details.status().code() == StatusCode::kNotFound) {
    return std::optional<service::BundleLocation>();
  }
  if (!details.ok()) return details.status();
  std::string root = (std::filesystem::temp_directory_path() / "warden-version-XXXXXX").string();
  if (mkdtemp(root.data()) == nullptr) return Internal("cannot create a temporary directory");
  service::BundleLocation location(root + "/bundle", spec, spec, root + "/bundle", root);
  if (Status exported = service::ExportVersion(context, spec, root + "/bundle"); !exported.ok()) {
    return exported;
  }
  return std::optional<service::BundleLocation>(std::move(location));
}

}  // namespace

bool LoadBundlePairOrReport(const std::string& before, const std::string& after,
                            std::optional<service::BundleLocation> (&locations)[2],
                            service::LoadedBundle (&bundles)[2], ExitCode& exit_code,
                            const service::ManagementContext* store) {
  const std::string* specs[2] = {&before, &after};
  for (int side = 0; side < 2; ++side) {
    if (store != nullptr) {
      StatusOr<std::optional<service::BundleLocation>> stored =
          StoredVersionLocation(*store, *specs[side]);
      if (!stored.ok()) {
        exit_code = ReportManagementError(stored.status());
        return false;
      }
      if (*stored) {
        locations[side].emplace(std::move(**stored));
        continue;
      }
    }
    StatusOr<service::BundleLocation> location = service::OpenBundleAt(*specs[side]);
    if (!location.ok()) {
      std::fprintf(stderr, "error: %s\n", location.status().message().c_str());
      exit_code = ExitCode::kUsage;
      return false;
    }
    locations[side].emplace(std::move(*location));
  }
  bool valid = LoadLocatedBundleOrReport(*locations[0], bundles[0]);
  valid = LoadLocatedBundleOrReport(*locations[1], bundles[1]) && valid;  // both sides' errors
  if (!valid) exit_code = ExitCode::kInvalid;
  return valid;
}

bool LoadLocatedBundleOrReport(const service::BundleLocation& location,
                               service::LoadedBundle& out) {
  service::BundleSpec spec;
  spec.directory = location.directory();
  spec.compile.lint = false;  // lints are `warden validate`'s business
  Diagnostics diagnostics;
  out = service::LoadBundle(spec, diagnostics);
  if (!diagnostics.has_errors()) return true;
  Diagnostics shown;
  for (Diagnostic diagnostic : diagnostics.items()) {
    diagnostic.location.file = location.DisplayPath(diagnostic.location.file);
    shown.Add(std::move(diagnostic));
  }
  PrintDiagnostics(shown, false);
  std::fprintf(stderr,
               "error: the policies of `%s` are invalid (%zu errors); see `warden validate`\n",
               location.label().c_str(), diagnostics.error_count());
  return false;
}

}  // namespace warden::cli
