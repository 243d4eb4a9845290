#pragma once
// The subcommands of the warden CLI and its exit codes.

#include <CLI/CLI.hpp>

namespace warden::cli {

inline constexpr const char* kWardenVersion = "0.1.0";

// Exit codes shared by every subcommand (docs/cli.md).
enum class ExitCode : int {
  kOk = 0,
  kFailed = 1,       // the command ran and found a failure (an evaluation error, a violation)
  kUsage = 2,        // bad flags, an expression that does not compile
  kInvalid = 3,      // invalid policies, tests or inputs
  kInternal = 4,     // a bug
  kUnavailable = 5,  // the store is unreachable or stays locked
};

// `warden expr`: evaluate one CEL expression, or a batch of them.
void AddExprCommand(CLI::App& app, ExitCode& exit_code);
// `warden check`: check documents against policies (CI/CD gate).
void AddCheckCommand(CLI::App& app, ExitCode& exit_code);
// `warden eval`: decide authorization requests.
void AddEvalCommand(CLI::App& app, ExitCode& exit_code);
// `warden validate`: report every problem of a policy repository.
void AddValidateCommand(CLI::App& app, ExitCode& exit_code);
// `warden schema`: print the JSON Schema of the policy language.
void AddSchemaCommand(CLI::App& app, ExitCode& exit_code);
// `warden init`: scaffold a policy repository.
void AddInitCommand(CLI::App& app, ExitCode& exit_code);
// `warden test`: run the test cases of policies.
void AddTestCommand(CLI::App& app, ExitCode& exit_code);
// `warden diff`: show what changed between two policy bundles.
void AddDiffCommand(CLI::App& app, ExitCode& exit_code);
// `warden simulate`: what policies would do to a corpus, without enforcing.
void AddSimulateCommand(CLI::App& app, ExitCode& exit_code);
// `warden impact`: compare two bundles on the same inputs.
void AddImpactCommand(CLI::App& app, ExitCode& exit_code);
// `warden templates` and `warden frameworks`: the built-in library.
void AddLibraryCommands(CLI::App& app, ExitCode& exit_code);
// `warden principals` and `warden audit`: the store's principals and audit log.
void AddAdminCommands(CLI::App& app, ExitCode& exit_code);
// `warden publish|versions|show|export|lifecycle|approve|reject|promote|rollback|status`.
void AddReleaseCommands(CLI::App& app, ExitCode& exit_code);
// `warden exception request|approve|reject|revoke|list|show`.
void AddExceptionCommand(CLI::App& app, ExitCode& exit_code);

}  // namespace warden::cli
