// Versions and promotion (docs/management.md):
//
//   warden publish -b policies/ --version 1.4.0 -m "restrict registries"
//   warden versions | warden show 1.4.0 | warden export 1.4.0 out/
//   warden lifecycle 1.4.0 --to in-review        (then approved by another approver)
//   warden approve 1.4.0 --env prod             warden reject 1.4.0 --env prod -m REASON
//   warden promote 1.4.0 --to prod              warden rollback --env prod
//   warden status

#include <cstdio>
#include <memory>
#include <string>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/cli/store_flags.h"
#include "warden/report/management_report.h"
#include "warden/service/management_service.h"

namespace warden::cli {
namespace {

struct ReleaseFlags {
  StoreFlags store;
  std::string bundle = ".";
  std::string version;
  std::string message;
  std::string directory;
  std::string state;
  std::string environment;
  std::string output = "table";
  bool skip = false;
};

ExitCode PublishCommand(const ReleaseFlags& flags) {
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  Diagnostics diagnostics;
  StatusOr<service::PublishResult> result =
      service::Publish(opened.context, flags.bundle, flags.version, flags.message, diagnostics);
  PrintDiagnostics(diagnostics, /*print_warnings=*/false);
  if (!result.ok()) return ReportManagementError(result.status());
  if (result->already_published) {
    std::printf("version %s is already published with this content; nothing to do\n",
                flags.version.c_str());
  } else {
    std::printf("published %s of bundle %s: %zu files, digest %s, state draft\n",
                flags.version.c_str(), result->version.bundle.c_str(), result->files,
                result->version.digest.substr(0, 12).c_str());
  }
  return ExitCode::kOk;
}

ExitCode VersionsCommand(const ReleaseFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  StatusOr<std::vector<store::VersionRecord>> versions = service::ListVersions(opened.context);
  if (!versions.ok()) return ReportManagementError(versions.status());
  return WriteOutput("-", report::RenderVersions(*versions, json)) ? ExitCode::kOk
                                                                   : ExitCode::kUsage;
}

ExitCode ShowCommand(const ReleaseFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  StatusOr<store::VersionDetails> details = service::ShowVersion(opened.context, flags.version);
  if (!details.ok()) return ReportManagementError(details.status());
  return WriteOutput("-", report::RenderVersionDetails(*details, json)) ? ExitCode::kOk
                                                                        : ExitCode::kUsage;
}

ExitCode ExportCommand(const ReleaseFlags& flags) {
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  Status status = service::ExportVersion(opened.context, flags.version, flags.directory);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("exported %s to %s\n", flags.version.c_str(), flags.directory.c_str());
  return ExitCode::kOk;
}

ExitCode LifecycleCommand(const ReleaseFlags& flags) {
  std::optional<store::VersionState> state = store::ParseVersionState(flags.state);
  if (!state) {
    std::fprintf(stderr,
                 "error: unknown state `%s` (draft, in-review, approved, active, deprecated, "
                 "retired)\n",
                 flags.state.c_str());
    return ExitCode::kUsage;
  }
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  StatusOr<store::VersionRecord> version =
      service::TransitionVersion(opened.context, flags.version, *state);
  if (!version.ok()) return ReportManagementError(version.status());
  std::printf("version %s is now %s\n", flags.version.c_str(), flags.state.c_str());
  return ExitCode::kOk;
}

ExitCode DecideCommand(const ReleaseFlags& flags, store::Decision decision) {
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  Status status = service::DecidePromotion(opened.context, flags.version, flags.environment,
                                           decision, flags.message);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("%s %s %s for %s\n", opened.context.actor.c_str(),
              decision == store::Decision::kApprove ? "approved" : "rejected",
              flags.version.c_str(), flags.environment.c_str());
  return ExitCode::kOk;
}

ExitCode PromoteCommand(const ReleaseFlags& flags) {
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  std::string summary;
  StatusOr<bool> passed = service::RunVersionTests(opened.context, flags.version, summary);
  if (!passed.ok()) return ReportManagementError(passed.status());
  std::printf("tests of %s: %s\n", flags.version.c_str(), summary.c_str());
  service::PromoteOptions options;
  options.skip_order = flags.skip;
  StatusOr<store::DeploymentRecord> deployment =
      service::Promote(opened.context, flags.version, flags.environment, *passed, options);
  if (!deployment.ok()) return ReportManagementError(deployment.status());
  std::printf("%s now runs %s%s\n", flags.environment.c_str(), flags.version.c_str(),
              deployment->previous_version.empty()
                  ? ""
                  : (" (was " + deployment->previous_version + ")").c_str());
  return ExitCode::kOk;
}

ExitCode RollbackCommand(const ReleaseFlags& flags) {
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  StatusOr<store::DeploymentRecord> deployment =
      service::Rollback(opened.context, flags.environment);
  if (!deployment.ok()) return ReportManagementError(deployment.status());
  std::printf("%s rolled back to %s\n", flags.environment.c_str(), deployment->version.c_str());
  return ExitCode::kOk;
}

ExitCode StatusCommand(const ReleaseFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  if (ExitCode code = ExitCode::kOk; !OpenStoreOrReport(flags.store, opened, code)) return code;
  StatusOr<std::vector<store::EnvironmentStatus>> environments =
      service::EnvironmentsStatus(opened.context);
  if (!environments.ok()) return ReportManagementError(environments.status());
  return WriteOutput("-", report::RenderEnvironmentStatus(*environments, json)) ? ExitCode::kOk
                                                                                : ExitCode::kUsage;
}

}  // namespace

void AddReleaseCommands(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<ReleaseFlags>();
  auto run = [flags, &exit_code](ExitCode (*command)(const ReleaseFlags&)) {
    return [flags, &exit_code, command] { exit_code = command(*flags); };
  };

  CLI::App* publish = app.add_subcommand("publish", "Store an immutable version of a bundle");
  publish->add_option("-b,--bundle", flags->bundle, "Bundle directory (default: .)");
  publish->add_option("--version", flags->version, "Version, X.Y.Z")->required();
  publish->add_option("-m,--message", flags->message, "What changed")->required();
  AddStoreFlags(*publish, flags->store);
  publish->callback(run(PublishCommand));

  CLI::App* versions = app.add_subcommand("versions", "List published versions");
  versions->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*versions, flags->store);
  versions->callback(run(VersionsCommand));

  CLI::App* show = app.add_subcommand("show", "Show a published version");
  show->add_option("version", flags->version, "Version")->required();
  show->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*show, flags->store);
  show->callback(run(ShowCommand));

  CLI::App* export_command = app.add_subcommand("export", "Write a version's files to a directory");
  export_command->add_option("version", flags->version, "Version")->required();
  export_command->add_option("directory", flags->directory, "A new or empty directory")->required();
  AddStoreFlags(*export_command, flags->store);
  export_command->callback(run(ExportCommand));

  CLI::App* lifecycle = app.add_subcommand("lifecycle", "Move a version to another state");
  lifecycle->add_option("version", flags->version, "Version")->required();
  lifecycle
      ->add_option("--to", flags->state,
                   "draft, in-review, approved, active, deprecated or retired")
      ->required();
  AddStoreFlags(*lifecycle, flags->store);
  lifecycle->callback(run(LifecycleCommand));

  CLI::App* approve =
      app.add_subcommand("approve", "Approve promoting a version to an environment");
  approve->add_option("version", flags->version, "Version")->required();
  approve->add_option("--env", flags->environment, "Environment")->required();
  approve->add_option("-m,--message", flags->message, "Comment");
  AddStoreFlags(*approve, flags->store);
  approve->callback(
      [flags, &exit_code] { exit_code = DecideCommand(*flags, store::Decision::kApprove); });

  CLI::App* reject = app.add_subcommand("reject", "Reject promoting a version to an environment");
  reject->add_option("version", flags->version, "Version")->required();
  reject->add_option("--env", flags->environment, "Environment")->required();
  reject->add_option("-m,--message", flags->message, "Why")->required();
  AddStoreFlags(*reject, flags->store);
  reject->callback(
      [flags, &exit_code] { exit_code = DecideCommand(*flags, store::Decision::kReject); });

  CLI::App* promote = app.add_subcommand("promote", "Make a version run in an environment");
  promote->add_option("version", flags->version, "Version")->required();
  promote->add_option("--to", flags->environment, "Environment")->required();
  promote->add_flag("--skip", flags->skip,
                    "Admin: do not require the version to be active in the previous environment");
  AddStoreFlags(*promote, flags->store);
  promote->callback(run(PromoteCommand));

  CLI::App* rollback =
      app.add_subcommand("rollback", "Return an environment to its previous version");
  rollback->add_option("--env", flags->environment, "Environment")->required();
  AddStoreFlags(*rollback, flags->store);
  rollback->callback(run(RollbackCommand));

  CLI::App* status = app.add_subcommand("status", "What runs in each environment");
  status->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*status, flags->store);
  status->callback(run(StatusCommand));
}

}  // namespace warden::cli
