// `warden impact`: what a policy change would do — two bundles (directories or git
// revisions) evaluated on the same inputs, every changed outcome reported
// (docs/impact.md).
//
//   warden impact --base main --head . deploy/ --requests recorded.jsonl -o markdown
//   warden impact --base v1.4:policies --head policies --fail-on newly-blocked deploy/

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/report/impact.h"
#include "warden/service/impact_service.h"

namespace warden::cli {
namespace {

struct ImpactFlags {
  std::string base;
  std::string head;
  std::vector<std::string> inputs;
  std::vector<std::string> requests;
  std::string environment;
  std::string now;
  std::string output = "table";
  std::string fail_on;
  size_t jobs = 0;
};

ExitCode Run(const ImpactFlags& flags) {
  report::SummaryFormat format = report::SummaryFormat::kTable;
  if (!report::ParseSummaryFormat(flags.output, format)) {
    std::fprintf(stderr, "error: unknown output format `%s` (table, json, markdown)\n",
                 flags.output.c_str());
    return ExitCode::kUsage;
  }
  if (!flags.fail_on.empty() && flags.fail_on != "newly-blocked" && flags.fail_on != "any-change") {
    std::fprintf(stderr, "error: `--fail-on %s`: expected newly-blocked or any-change\n",
                 flags.fail_on.c_str());
    return ExitCode::kUsage;
  }
  if (flags.inputs.empty() && flags.requests.empty()) {
    std::fprintf(stderr, "error: give documents (files or directories) or --requests FILE\n");
    return ExitCode::kUsage;
  }
  service::ImpactOptions options;
  options.check.eval.environment = flags.environment;
  if (!ResolveNow(flags.now, options.check.eval.now_seconds, options.check.eval.now_nanos)) {
    return ExitCode::kUsage;
  }
  options.check.threads = flags.jobs;

  std::optional<service::BundleLocation> locations[2];
  service::LoadedBundle bundles[2];
  ExitCode exit_code = ExitCode::kOk;
  if (!LoadBundlePairOrReport(flags.base, flags.head, locations, bundles, exit_code)) {
    return exit_code;
  }
  service::ImpactInputs inputs;
  inputs.request_files = flags.requests;
  if (!DiscoverInputsOrReport(flags.inputs, inputs.documents)) return ExitCode::kInvalid;
  StatusOr<report::Impact> impact =
      service::RunImpact(*bundles[0].engine, *bundles[1].engine, locations[0]->label(),
                         locations[1]->label(), inputs, options);
  if (!impact.ok()) {
    std::fprintf(stderr, "error: %s\n", impact.status().message().c_str());
    return ExitCode::kInvalid;
  }
  if (!WriteOutput("-", report::RenderImpact(*impact, format))) return ExitCode::kUsage;
  if (flags.fail_on == "newly-blocked" && impact->newly_blocked > 0) return ExitCode::kFailed;
  if (flags.fail_on == "any-change" && (impact->changed_inputs > 0 || impact->newly_erroring > 0)) {
    return ExitCode::kFailed;
  }
  return ExitCode::kOk;
}

}  // namespace

void AddImpactCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<ImpactFlags>();
  CLI::App* command = app.add_subcommand(
      "impact", "Compare two bundles (directories or git revisions) on the same inputs");
  command->add_option("--base", flags->base, "The bundle before: DIR, REV or REV:PATH")->required();
  command->add_option("--head", flags->head, "The bundle after: DIR, REV or REV:PATH")->required();
  command->add_option("inputs", flags->inputs, "Documents: files or directories");
  command
      ->add_option("--requests", flags->requests,
                   "JSON Lines of recorded requests or decision-log records (repeatable)")
      ->allow_extra_args(false);
  command->add_option("-e,--env", flags->environment, "Environment to evaluate in");
  command->add_option("--now", flags->now, "Evaluation time (RFC 3339); default: now");
  command->add_option("-o,--output", flags->output, "table, json or markdown");
  command->add_option("--fail-on", flags->fail_on,
                      "Exit 1 on `newly-blocked` inputs or on `any-change`");
  command->add_option("-j,--jobs", flags->jobs, "Worker threads (default: one per core)");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
