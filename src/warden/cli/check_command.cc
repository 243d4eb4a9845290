// `warden check`: checks configuration files against policies; the CI/CD gate.
//
//   warden check -b policies/ --env prod deploy/
//   warden check -p policies/pods.yaml --output sarif --output-file junit=report.xml k8s/

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/policy/model.h"
#include "warden/report/report.h"
#include "warden/service/check_service.h"
#include "warden/service/input_discovery.h"

namespace warden::cli {
namespace {

struct CheckFlags {
  BundleFlags bundle;
  std::vector<std::string> inputs;
  std::string environment;
  std::string output = "table";
  std::vector<std::string> output_files;
  std::string fail_on;
  bool show_passes = false;
  bool quiet = false;
  bool no_color = false;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string input_format;
  bool no_ignore = false;
  std::string now;
  size_t jobs = 0;
};

bool ParseCheckFormat(const std::string& text, report::Format& format) {
  if (report::ParseFormat(text, format)) return true;
  std::fprintf(stderr,
               "error: unknown output format `%s` (table, json, sarif, junit, github, gitlab, "
               "markdown)\n",
               text.c_str());
  return false;
}

// Blocking under `--fail-on`: enforce findings at or above the threshold, error outcomes
// under enforce, unreadable inputs.
bool Blocks(const report::CheckReport& report, const report::Summary& summary,
            policy::Severity threshold) {
  if (summary.blocking_errors > 0) return true;
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& result : document.policies) {
      for (const engine::Violation& violation : result.violations) {
        if (violation.blocking() && violation.severity >= threshold) return true;
      }
    }
  }
  return false;
}

ExitCode Run(const CheckFlags& flags) {
  std::vector<std::pair<report::Format, std::string>> targets;
  if (!ParseOutputTargets(flags.output, flags.output_files, ParseCheckFormat, targets)) {
    return ExitCode::kUsage;
  }
  policy::Severity threshold = policy::Severity::kInfo;
  if (!flags.fail_on.empty() && !policy::ParseSeverity(flags.fail_on, threshold)) {
    std::fprintf(stderr, "error: `--fail-on %s`: expected info, low, medium, high or critical\n",
                 flags.fail_on.c_str());
    return ExitCode::kUsage;
  }
  if (flags.inputs.empty()) {
    std::fprintf(stderr, "error: give the files or directories to check (`-` = stdin)\n");
    return ExitCode::kUsage;
  }
  service::DiscoveryOptions discovery;
  discovery.include = flags.include;
  discovery.exclude = flags.exclude;
  discovery.use_ignore_files = !flags.no_ignore;
  if (!flags.input_format.empty()) {
    discovery.format = service::ParseInputFormat(flags.input_format);
    if (!discovery.format) {
      std::fprintf(stderr,
                   "error: unknown input format `%s` (yaml, json, jsonl, toml, dockerfile, "
                   "terraform)\n",
                   flags.input_format.c_str());
      return ExitCode::kUsage;
    }
  }
  service::CheckOptions options;
  options.eval.environment = flags.environment;
  if (!ResolveNow(flags.now, options.eval.now_seconds, options.eval.now_nanos)) {
    return ExitCode::kUsage;
  }
  options.threads = flags.jobs;

  ExitCode exit_code = ExitCode::kOk;
  service::LoadedBundle bundle;
  if (!LoadBundleOrReport(flags.bundle, bundle, exit_code, flags.environment)) return exit_code;
  WarnUnknownEnvironment(*bundle.compiled, flags.environment);

  StatusOr<std::vector<service::InputFile>> files =
      service::DiscoverInputs(flags.inputs, discovery);
  if (!files.ok()) {
    std::fprintf(stderr, "error: %s\n", files.status().message().c_str());
    return ExitCode::kInvalid;
  }
  bool progress = StderrIsTerminal() && !flags.quiet && files->size() > 20;
  if (progress) {
    options.progress = [](size_t done, size_t total) {
      constexpr size_t kWidth = 30;
      size_t filled = total == 0 ? kWidth : done * kWidth / total;
      std::fprintf(stderr, "\r[%s%s] %zu/%zu files", std::string(filled, '#').c_str(),
                   std::string(kWidth - filled, '.').c_str(), done, total);
      if (done == total) std::fprintf(stderr, "\r\033[K");
    };
  }
  report::CheckReport report = service::RunCheck(*bundle.engine, *files, options);
  report.tool_version = kWardenVersion;
  report::Summary summary = report::Summarize(report);

  report::RenderOptions render;
  render.show_passes = flags.show_passes;
  render.quiet = flags.quiet;
  for (const auto& [format, path] : targets) {
    render.color =
        path == "-" && format == report::Format::kTable && !flags.no_color && StdoutWantsColor();
    if (!WriteOutput(path, report::Render(report, format, render))) return ExitCode::kUsage;
  }
  if (!report.input_errors.empty()) return ExitCode::kInvalid;
  return Blocks(report, summary, threshold) ? ExitCode::kFailed : ExitCode::kOk;
}

}  // namespace

void AddCheckCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* command = app.add_subcommand("check", "Check configuration files against policies");
  AddBundleFlags(*command, flags->bundle, /*with_store=*/true);
  command->add_option("inputs", flags->inputs, "Files or directories to check (`-` = stdin)");
  command->add_option("-e,--env", flags->environment,
                      "Environment (selects enforcement overrides)");
  command->add_option("-o,--output", flags->output,
                      "Format on stdout: table, json, sarif, junit, github, gitlab, markdown");
  command
      ->add_option("--output-file", flags->output_files,
                   "Also write FORMAT=PATH (repeatable), e.g. sarif=warden.sarif")
      ->allow_extra_args(false);
  command->add_option("--fail-on", flags->fail_on,
                      "Only enforce findings of this severity or higher block (default: all)");
  command->add_flag("--show-passes", flags->show_passes, "List passing checks in table output");
  command->add_flag("-q,--quiet", flags->quiet, "Only blocking findings and the summary");
  command->add_flag("--no-color", flags->no_color, "Never colour the table");
  command->add_option("--include", flags->include, "Only files matching GLOB (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--exclude", flags->exclude, "Skip files matching GLOB (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--input-format", flags->input_format,
                      "Read every input as yaml, json, jsonl, toml, dockerfile or terraform");
  command->add_flag("--no-ignore", flags->no_ignore, "Do not read .wardenignore files");
  command->add_option("--now", flags->now, "Evaluation time (RFC 3339); default: now");
  command->add_option("-j,--jobs", flags->jobs, "Worker threads (default: one per core)");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
