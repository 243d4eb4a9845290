#pragma once
// The flags every management command shares (docs/management.md): which store
// (`--store URL`, else WARDEN_STORE, else `sqlite:.warden/warden.db`), who acts
// (`--as NAME`, else WARDEN_USER) and the time (`--now`, else the clock). And how a
// management Status becomes a message and an exit code.

#include <memory>
#include <string>

#include "warden/cli/commands.h"
#include "warden/service/management_service.h"
#include "warden/store/store.h"

namespace warden::cli {

struct StoreFlags {
  std::string store;
  std::string actor;
  std::string now;
};

void AddStoreFlags(CLI::App& command, StoreFlags& flags);

// An open store and the context to act in; false (with a message) when the store cannot
// be opened or the time is malformed.
struct OpenedStore {
  std::unique_ptr<store::Store> store;
  service::ManagementContext context;
};
bool OpenStoreOrReport(const StoreFlags& flags, OpenedStore& out, ExitCode& exit_code);

// Prints `error: MESSAGE` and returns the exit code for a management Status: refused
// or not found 1, invalid input 2, input over a limit 3, store unreachable or locked 5,
// anything else 4.
ExitCode ReportManagementError(const Status& status);

// `-o table|json` of the management commands: false (with a message) for anything else.
bool ParseTableOrJson(const std::string& output, bool& json);

// `2026-12-07T10:00:00Z` for seconds since the epoch.
std::string FormatUtc(int64_t seconds);

}  // namespace warden::cli
