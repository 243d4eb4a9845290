// `warden exception`: exceptions requested, approved and revoked through the store
// (docs/management.md, "Exceptions").
//
//   warden exception request -b policies/ --policy host-namespaces --rule host-network
//       --target kinds=DaemonSet --target names=node-exporter
//       --justification "reads host metrics" --expires 2027-01-31T00:00:00Z
//   warden exception approve 3          warden exception reject 3 -m "too broad"
//   warden exception revoke 3 -m "no longer needed"
//   warden exception list --status pending        warden exception show 3

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/cli/store_flags.h"
#include "warden/report/management_report.h"
#include "warden/service/exception_workflow.h"

namespace warden::cli {
namespace {

struct ExceptionFlags {
  StoreFlags store;
  BundleFlags bundle;
  service::ExceptionRequest request;
  int64_t id = 0;
  std::string message;
  std::string status;
  std::string output = "table";
};

void PrintException(const store::ExceptionRecord& exception, const char* verb) {
  std::printf("exception %lld %s: %s\n", static_cast<long long>(exception.id), verb,
              store::ExceptionStatusName(exception.status));
}

ExitCode RequestCommand(const ExceptionFlags& flags) {
  service::LoadedBundle bundle;
  ExitCode exit_code = ExitCode::kOk;
  if (!LoadBundleOrReport(flags.bundle, bundle, exit_code)) return exit_code;
  OpenedStore opened;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<store::ExceptionRecord> exception =
      service::RequestException(opened.context, flags.request, *bundle.compiled);
  if (!exception.ok()) return ReportManagementError(exception.status());
  PrintException(*exception, "requested");
  return ExitCode::kOk;
}

ExitCode DecideCommand(const ExceptionFlags& flags, store::Decision decision) {
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<store::ExceptionRecord> exception =
      service::DecideException(opened.context, flags.id, decision, flags.message);
  if (!exception.ok()) return ReportManagementError(exception.status());
  PrintException(*exception, decision == store::Decision::kApprove ? "approved by you, now"
                                                                   : "rejected by you, now");
  return ExitCode::kOk;
}

ExitCode RevokeCommand(const ExceptionFlags& flags) {
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<store::ExceptionRecord> exception =
      service::RevokeException(opened.context, flags.id, flags.message);
  if (!exception.ok()) return ReportManagementError(exception.status());
  PrintException(*exception, "is now");
  return ExitCode::kOk;
}

ExitCode ListCommand(const ExceptionFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<std::vector<store::ExceptionRecord>> exceptions =
      service::ListExceptions(opened.context, flags.status);
  if (!exceptions.ok()) return ReportManagementError(exceptions.status());
  std::vector<bool> expired;
  for (const store::ExceptionRecord& exception : *exceptions) {
    expired.push_back(exception.status == store::ExceptionStatus::kApproved &&
                      service::ExceptionExpired(exception, opened.context.now_seconds));
  }
  return WriteOutput("-", report::RenderExceptions(*exceptions, expired, json)) ? ExitCode::kOk
                                                                                : ExitCode::kUsage;
}

ExitCode ShowCommand(const ExceptionFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<service::ExceptionDetails> details = service::ShowException(opened.context, flags.id);
  if (!details.ok()) return ReportManagementError(details.status());
  bool expired = details->expired && details->exception.status == store::ExceptionStatus::kApproved;
  return WriteOutput("-", report::RenderExceptionDetails(details->exception, expired,
                                                         details->votes, details->history, json))
             ? ExitCode::kOk
             : ExitCode::kUsage;
}

}  // namespace

void AddExceptionCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<ExceptionFlags>();
  CLI::App* exception =
      app.add_subcommand("exception", "Exceptions requested and approved through the store");
  exception->require_subcommand(1);

  CLI::App* request = exception->add_subcommand("request", "Request an exception (pending)");
  // Only -b: `--policy` here names the policy to waive.
  request
      ->add_option("-b,--bundle", flags->bundle.directory,
                   "The bundle the exception is for (its policy must exist and be "
                   "overridable)")
      ->required();
  request->add_option("--policy", flags->request.policy, "The policy to waive")->required();
  request->add_option("--rule", flags->request.rule, "Only this rule (default: every rule)");
  request->add_option("--target", flags->request.targets,
                      "DIMENSION=GLOB: kinds, names, namespaces, files, subjects, resources, "
                      "actions (repeatable)");
  request->add_option("--justification", flags->request.justification, "Why")->required();
  request->add_option("--expires", flags->request.expires, "RFC 3339 time it ends")->required();
  AddStoreFlags(*request, flags->store);
  request->callback([flags, &exit_code] { exit_code = RequestCommand(*flags); });

  CLI::App* approve = exception->add_subcommand("approve", "Approve a pending exception");
  approve->add_option("id", flags->id, "Exception id")->required();
  approve->add_option("-m,--message", flags->message, "Comment");
  AddStoreFlags(*approve, flags->store);
  approve->callback(
      [flags, &exit_code] { exit_code = DecideCommand(*flags, store::Decision::kApprove); });

  CLI::App* reject = exception->add_subcommand("reject", "Reject a pending exception");
  reject->add_option("id", flags->id, "Exception id")->required();
  reject->add_option("-m,--message", flags->message, "Why")->required();
  AddStoreFlags(*reject, flags->store);
  reject->callback(
      [flags, &exit_code] { exit_code = DecideCommand(*flags, store::Decision::kReject); });

  CLI::App* revoke = exception->add_subcommand("revoke", "Revoke a pending or approved exception");
  revoke->add_option("id", flags->id, "Exception id")->required();
  revoke->add_option("-m,--message", flags->message, "Why");
  AddStoreFlags(*revoke, flags->store);
  revoke->callback([flags, &exit_code] { exit_code = RevokeCommand(*flags); });

  CLI::App* list = exception->add_subcommand("list", "List exceptions");
  list->add_option("--status", flags->status,
                   "pending, approved, rejected, revoked or expired (default: all)");
  list->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*list, flags->store);
  list->callback([flags, &exit_code] { exit_code = ListCommand(*flags); });

  CLI::App* show = exception->add_subcommand("show", "Show an exception with its history");
  show->add_option("id", flags->id, "Exception id")->required();
  show->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*show, flags->store);
  show->callback([flags, &exit_code] { exit_code = ShowCommand(*flags); });
}

}  // namespace warden::cli
