// `warden principals` and `warden audit`: who may do what, and the record of what was
// done (docs/management.md).
//
//   warden principals add alice --role author --role approver --as root
//   warden principals list
//   warden audit list --since 2026-12-01T00:00:00Z --action exception.
//   warden audit export --format csv > audit.csv
//   warden audit verify                  # exit 1 when the chain is broken

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/cli/store_flags.h"
#include "warden/report/management_report.h"
#include "warden/service/management_service.h"

namespace warden::cli {
namespace {

struct AdminFlags {
  StoreFlags store;
  std::string name;
  std::vector<std::string> roles;
  std::string output = "table";
  std::string since;
  std::string actor;
  std::string action;
  std::string format = "jsonl";
};

ExitCode AddPrincipalCommand(const AdminFlags& flags) {
  std::vector<store::Role> roles;
  for (const std::string& name : flags.roles) {
    std::optional<store::Role> role = store::ParseRole(name);
    if (!role) {
      std::fprintf(stderr, "error: unknown role `%s` (reader, author, approver, admin)\n",
                   name.c_str());
      return ExitCode::kUsage;
    }
    roles.push_back(*role);
  }
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  Status status = service::AddPrincipal(opened.context, flags.name, roles);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("principal %s has roles", flags.name.c_str());
  for (const std::string& role : flags.roles) std::printf(" %s", role.c_str());
  std::printf("\n");
  return ExitCode::kOk;
}

ExitCode RemovePrincipalCommand(const AdminFlags& flags) {
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  Status status = service::RemovePrincipal(opened.context, flags.name);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("principal %s removed\n", flags.name.c_str());
  return ExitCode::kOk;
}

ExitCode ListPrincipalsCommand(const AdminFlags& flags) {
  bool json = false;
  if (!ParseTableOrJson(flags.output, json)) return ExitCode::kUsage;
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<std::vector<store::Principal>> principals = service::ListPrincipals(opened.context);
  if (!principals.ok()) return ReportManagementError(principals.status());
  return WriteOutput("-", report::RenderPrincipals(*principals, json)) ? ExitCode::kOk
                                                                       : ExitCode::kUsage;
}

ExitCode AuditListCommand(const AdminFlags& flags, const std::string& format_text) {
  report::AuditFormat format;
  if (!report::ParseAuditFormat(format_text, format)) {
    std::fprintf(stderr, "error: unknown format `%s` (table, json, jsonl, csv)\n",
                 format_text.c_str());
    return ExitCode::kUsage;
  }
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  store::AuditQuery query;
  query.since = flags.since;
  query.actor = flags.actor;
  query.action = flags.action;
  StatusOr<std::vector<store::AuditRecord>> records = service::ListAudit(opened.context, query);
  if (!records.ok()) return ReportManagementError(records.status());
  return WriteOutput("-", report::RenderAudit(*records, format)) ? ExitCode::kOk : ExitCode::kUsage;
}

ExitCode AuditVerifyCommand(const AdminFlags& flags) {
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  StatusOr<store::ChainVerdict> verdict = service::VerifyAudit(opened.context);
  if (!verdict.ok()) return ReportManagementError(verdict.status());
  std::fputs(report::RenderAuditVerdict(*verdict).c_str(), verdict->ok ? stdout : stderr);
  return verdict->ok ? ExitCode::kOk : ExitCode::kFailed;
}

}  // namespace

void AddAdminCommands(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<AdminFlags>();

  CLI::App* principals = app.add_subcommand("principals", "Who may act on the store, with roles");
  principals->require_subcommand(1);
  CLI::App* add = principals->add_subcommand("add", "Add a principal or replace its roles");
  add->add_option("name", flags->name, "Principal name")->required();
  add->add_option("--role", flags->roles, "reader, author, approver or admin (repeatable)")
      ->required();
  AddStoreFlags(*add, flags->store);
  add->callback([flags, &exit_code] { exit_code = AddPrincipalCommand(*flags); });
  CLI::App* list = principals->add_subcommand("list", "List principals and their roles");
  list->add_option("-o,--output", flags->output, "table or json");
  AddStoreFlags(*list, flags->store);
  list->callback([flags, &exit_code] { exit_code = ListPrincipalsCommand(*flags); });
  CLI::App* remove = principals->add_subcommand("remove", "Remove a principal");
  remove->add_option("name", flags->name, "Principal name")->required();
  AddStoreFlags(*remove, flags->store);
  remove->callback([flags, &exit_code] { exit_code = RemovePrincipalCommand(*flags); });

  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit log");
  audit->require_subcommand(1);
  CLI::App* audit_list = audit->add_subcommand("list", "List audit records");
  audit_list->add_option("--since", flags->since, "Records at or after this time (RFC 3339)");
  audit_list->add_option("--actor", flags->actor, "Records of this principal");
  audit_list->add_option("--action", flags->action,
                         "Records of this action, or of actions starting with it when it ends "
                         "in `.` (exception.)");
  audit_list->add_option("-o,--output", flags->output, "table, json, jsonl or csv");
  AddStoreFlags(*audit_list, flags->store);
  audit_list->callback(
      [flags, &exit_code] { exit_code = AuditListCommand(*flags, flags->output); });
  CLI::App* audit_export = audit->add_subcommand("export", "Every audit record, for archiving");
  audit_export->add_option("--format", flags->format, "jsonl (default) or csv");
  audit_export->add_option("--since", flags->since, "Records at or after this time (RFC 3339)");
  AddStoreFlags(*audit_export, flags->store);
  audit_export->callback([flags, &exit_code] {
    if (flags->format != "jsonl" && flags->format != "csv") {
      std::fprintf(stderr, "error: unknown format `%s` (jsonl, csv)\n", flags->format.c_str());
      exit_code = ExitCode::kUsage;
      return;
    }
    exit_code = AuditListCommand(*flags, flags->format);
  });
  CLI::App* verify = audit->add_subcommand(
      "verify", "Check the hash chain; name the first edited, missing or inserted record");
  AddStoreFlags(*verify, flags->store);
  verify->callback([flags, &exit_code] { exit_code = AuditVerifyCommand(*flags); });
}

}  // namespace warden::cli
