#include "warden/cli/store_flags.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "warden/cli/cli_support.h"

namespace warden::cli {

namespace {

constexpr const char* kDefaultStore = "sqlite:.warden/warden.db";

std::string FromEnvironment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

void AddStoreFlags(CLI::App& command, StoreFlags& flags) {
  command.add_option("--store", flags.store,
                     "Store URL: sqlite:PATH or postgresql://USER@HOST[:PORT]/DATABASE "
                     "(default: $WARDEN_STORE, else sqlite:.warden/warden.db)");
  command.add_option("--as", flags.actor, "Acting principal (default: $WARDEN_USER)");
  command.add_option("--now", flags.now, "The time of the operation (RFC 3339); default: now");
}

bool ParseTableOrJson(const std::string& output, bool& json) {
  if (output != "table" && output != "json") {
    std::fprintf(stderr, "error: unknown output format `%s` (table, json)\n", output.c_str());
    return false;
  }
  json = output == "json";
  return true;
}

std::string FormatUtc(int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

bool OpenStoreOrReport(const StoreFlags& flags, OpenedStore& out, ExitCode& exit_code) {
  std::string url = flags.store;
  if (url.empty()) url = FromEnvironment("WARDEN_STORE");
  if (url.empty()) url = kDefaultStore;
  if (url == kDefaultStore) {
    // The default store lives in the repository: create its directory on first use.
    std::error_code error;
    std::filesystem::create_directories(".warden", error);
  }
  int64_t seconds = 0;
  int32_t nanos = 0;
  if (!ResolveNow(flags.now, seconds, nanos)) {
    exit_code = ExitCode::kUsage;
    return false;
  }
  StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(url);
  if (!opened.ok()) {
    exit_code = ReportManagementError(opened.status());
    return false;
  }
  out.store = std::move(*opened);
  out.context.store = out.store.get();
  out.context.actor = flags.actor.empty() ? FromEnvironment("WARDEN_USER") : flags.actor;
  out.context.now = FormatUtc(seconds);
  out.context.now_seconds = seconds;
  return true;
}

ExitCode ReportManagementError(const Status& status) {
  std::fprintf(stderr, "error: %s\n", status.message().c_str());
  switch (status.code()) {
    case StatusCode::kFailedPrecondition:
    case StatusCode::kNotFound:
      return ExitCode::kFailed;
    case StatusCode::kInvalidArgument:
      return ExitCode::kUsage;
    case StatusCode::kResourceExhausted:
      return ExitCode::kInvalid;
    case StatusCode::kUnavailable:
      return ExitCode::kUnavailable;
    default:
      return ExitCode::kInternal;
  }
}

}  // namespace warden::cli
