#pragma once
// The subcommands of the warden CLI and its exit codes.

#include <CLI/CLI.hpp>

namespace warden::cli {

// Exit codes shared by every subcommand (docs/cli.md).
enum class ExitCode : int {
  kOk = 0,
  kFailed = 1,     // the command ran and found a failure (an evaluation error, a violation)
  kUsage = 2,      // bad flags, unreadable input, an expression that does not compile
  kInvalid = 3,    // invalid policies or tests (validate, test)
  kInternal = 70,  // a bug
};

// `warden expr`: evaluate one CEL expression, or a batch of them.
void AddExprCommand(CLI::App& app, ExitCode& exit_code);

}  // namespace warden::cli
