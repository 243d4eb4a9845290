// `warden simulate`: what a policy set would do to a corpus of documents and recorded
// requests, without enforcing anything (docs/simulate.md).
//
//   warden simulate -b policies/ --env prod deploy/ manifests/
//   warden simulate -b authz/ --requests recorded.jsonl -o markdown

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/report/simulation.h"
#include "warden/service/simulate_service.h"

namespace warden::cli {
namespace {

struct SimulateFlags {
  BundleFlags bundle;
  std::vector<std::string> inputs;
  std::vector<std::string> requests;
  std::string environment;
  std::string now;
  std::string output = "table";
  std::vector<std::string> output_files;
  size_t top = 10;
  size_t jobs = 0;
};

ExitCode Run(const SimulateFlags& flags) {
  auto parse_format = [](const std::string& text, report::SummaryFormat& format) {
    if (report::ParseSummaryFormat(text, format)) return true;
    std::fprintf(stderr, "error: unknown output format `%s` (table, json, markdown)\n",
                 text.c_str());
    return false;
  };
  std::vector<std::pair<report::SummaryFormat, std::string>> targets;
  if (!ParseOutputTargets(flags.output, flags.output_files, parse_format, targets)) {
    return ExitCode::kUsage;
  }
  if (flags.inputs.empty() && flags.requests.empty()) {
    std::fprintf(stderr,
                 "error: give documents (files or directories) or --requests FILE to simulate\n");
    return ExitCode::kUsage;
  }
  service::SimulateOptions options;
  options.check.eval.environment = flags.environment;
  if (!ResolveNow(flags.now, options.check.eval.now_seconds, options.check.eval.now_nanos)) {
    return ExitCode::kUsage;
  }
  options.check.threads = flags.jobs;
  options.top_resources = flags.top;

  ExitCode exit_code = ExitCode::kOk;
  service::LoadedBundle bundle;
  if (!LoadBundleOrReport(flags.bundle, bundle, exit_code, flags.environment)) return exit_code;
  WarnUnknownEnvironment(*bundle.compiled, flags.environment);
  std::vector<service::InputFile> files;
  if (!DiscoverInputsOrReport(flags.inputs, files)) return ExitCode::kInvalid;
  report::Simulation simulation =
      service::RunSimulation(*bundle.engine, files, flags.requests, options);
  for (const auto& [format, path] : targets) {
    if (!WriteOutput(path, report::RenderSimulation(simulation, format))) return ExitCode::kUsage;
  }
  // A dry run never blocks; inputs it could not read make the picture incomplete.
  return simulation.input_errors > 0 || simulation.request_errors > 0 ? ExitCode::kInvalid
                                                                      : ExitCode::kOk;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* command = app.add_subcommand(
      "simulate", "Show what policies would do to a corpus, without enforcing (dry run)");
  AddBundleFlags(*command, flags->bundle, /*with_store=*/true);
  command->add_option("inputs", flags->inputs, "Documents: files or directories");
  command
      ->add_option("--requests", flags->requests,
                   "JSON Lines of recorded requests or decision-log records (repeatable)")
      ->allow_extra_args(false);
  command->add_option("-e,--env", flags->environment, "Environment to simulate");
  command->add_option("--now", flags->now, "Evaluation time (RFC 3339); default: now");
  command->add_option("-o,--output", flags->output, "Format on stdout: table, json, markdown");
  command
      ->add_option("--output-file", flags->output_files,
                   "Also write FORMAT=PATH (repeatable), e.g. markdown=simulation.md")
      ->allow_extra_args(false);
  command->add_option("--top", flags->top, "How many of the most-blocked resources to list");
  command->add_option("-j,--jobs", flags->jobs, "Worker threads (default: one per core)");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
