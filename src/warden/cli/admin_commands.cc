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
  std::vector<std::string> environments;  // NAME:APPROVALS
  std::string value;
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

ExitCode SetEnvironmentsCommand(const AdminFlags& flags) {
  std::vector<store::EnvironmentRecord> environments;
  for (const std::string& entry : flags.environments) {
    size_t colon = entry.find(':');
    std::string name = entry.substr(0, colon);
    int approvals = 0;
    if (colon != std::string::npos) {
      std::string count = entry.substr(colon + 1);
      bool digits = !count.empty() && count.size() <= 3 &&
                    count.find_first_not_of("0123456789") == std::string::npos;
      if (!digits) {
        std::fprintf(stderr, "error: `%s`: expected NAME or NAME:APPROVALS\n", entry.c_str());
        return ExitCode::kUsage;
      }
      approvals = std::stoi(count);
    }
    environments.push_back({name, static_cast<int>(environments.size()), approvals});
  }
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  Status status = service::SetEnvironments(opened.context, environments);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("environments, in promotion order:");
  for (const store::EnvironmentRecord& environment : environments) {
    std::printf(" %s (%d approvals)", environment.name.c_str(), environment.approvals_required);
  }
  std::printf("\n");
  return ExitCode::kOk;
}

ExitCode SetConfigCommand(const AdminFlags& flags) {
  OpenedStore opened;
  ExitCode exit_code = ExitCode::kOk;
  if (!OpenStoreOrReport(flags.store, opened, exit_code)) return exit_code;
  Status status = service::SetSetting(opened.context, flags.name, flags.value);
  if (!status.ok()) return ReportManagementError(status);
  std::printf("%s = %s\n", flags.name.c_str(), flags.value.c_str());
  return ExitCode::kOk;
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

  CLI::App* environments =
      app.add_subcommand("environments", "The environments versions are promoted through");
  environments->require_subcommand(1);
  CLI::App* set_environments = environments->add_subcommand(
      "set", "Replace the environments: NAME[:APPROVALS] in promotion order (admin)");
  set_environments->add_option("environments", flags->environments, "e.g. dev test:1 prod:2")
      ->required();
  AddStoreFlags(*set_environments, flags->store);
  set_environments->callback([flags, &exit_code] { exit_code = SetEnvironmentsCommand(*flags); });

  CLI::App* config = app.add_subcommand("config", "Store settings");
  config->require_subcommand(1);
  CLI::App* config_set =
      config->add_subcommand("set", "Set exceptions.max_days or exceptions.approvals (admin)");
  config_set->add_option("key", flags->name, "Setting")->required();
  config_set->add_option("value", flags->value, "Value")->required();
  AddStoreFlags(*config_set, flags->store);
  config_set->callback([flags, &exit_code] { exit_code = SetConfigCommand(*flags); });

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
