// warden: the command-line shell over the Warden library. Each subcommand lives in its
// own file and only parses flags, calls the library and renders the result.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "warden/cli/commands.h"

int main(int argc, char** argv) {
  try {
    CLI::App app{"warden: policy as code with YAML and CEL", "warden"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "warden 0.1.0");
    warden::cli::ExitCode exit_code = warden::cli::ExitCode::kOk;
    warden::cli::AddCheckCommand(app, exit_code);
    warden::cli::AddEvalCommand(app, exit_code);
    warden::cli::AddValidateCommand(app, exit_code);
    warden::cli::AddTestCommand(app, exit_code);
    warden::cli::AddDiffCommand(app, exit_code);
    warden::cli::AddSimulateCommand(app, exit_code);
    warden::cli::AddImpactCommand(app, exit_code);
    warden::cli::AddLibraryCommands(app, exit_code);
    warden::cli::AddReleaseCommands(app, exit_code);
    warden::cli::AddAdminCommands(app, exit_code);
    warden::cli::AddExceptionCommand(app, exit_code);
    warden::cli::AddSchemaCommand(app, exit_code);
    warden::cli::AddInitCommand(app, exit_code);
    warden::cli::AddExprCommand(app, exit_code);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
      int code = app.exit(error);
      return code == 0 ? 0 : static_cast<int>(warden::cli::ExitCode::kUsage);
    }
    return static_cast<int>(exit_code);
  } catch (const std::exception& error) {
    // Last resort: the library does not throw, but allocation failures still can.
    std::fprintf(stderr, "warden: internal error: %s\n", error.what());
    return static_cast<int>(warden::cli::ExitCode::kInternal);
  }
}
