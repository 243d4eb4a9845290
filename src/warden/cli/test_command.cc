// `warden test`: runs the cases of the Test documents of a bundle (or of given files)
// and reports which meet their expectations (docs/testing.md).
//
//   warden test -b policies/
//   warden test -b policies/ --run 'privileged' -o junit --output-file junit=tests.xml
//   warden test -p policies/pods.yaml tests/pods_test.yaml

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/cli/watch.h"
#include "warden/report/test_run_report.h"
#include "warden/service/test_service.h"

namespace warden::cli {
namespace {

struct TestFlags {
  BundleFlags bundle;
  std::vector<std::string> paths;
  std::string run;
  std::string output = "table";
  std::vector<std::string> output_files;
  std::string environment;
  std::string now;
  bool verbose = false;
  bool no_color = false;
  bool coverage = false;
  double coverage_threshold = -1;       // < 0: none
  double rule_coverage_threshold = -1;  // < 0: none
  bool watch = false;
};

enum class TestFormat { kTable, kJson, kJunit };

bool ParseTestFormat(const std::string& text, TestFormat& out) {
  if (text == "table") {
    out = TestFormat::kTable;
  } else if (text == "json") {
    out = TestFormat::kJson;
  } else if (text == "junit") {
    out = TestFormat::kJunit;
  } else {
    std::fprintf(stderr, "error: unknown output format `%s` (table, json, junit)\n", text.c_str());
    return false;
  }
  return true;
}

std::string RenderRun(const tester::TestRun& run, TestFormat format,
                      const report::TestRenderOptions& options) {
  switch (format) {
    case TestFormat::kJson:
      return report::RenderTestJson(run);
    case TestFormat::kJunit:
      return report::RenderTestJunit(run);
    case TestFormat::kTable:
      break;
  }
  return report::RenderTestTable(run, options);
}

// `watched` (when not null) receives the files this run read, for --watch.
ExitCode Run(const TestFlags& flags, std::vector<std::string>* watched = nullptr) {
  std::vector<std::pair<TestFormat, std::string>> targets;
  if (!ParseOutputTargets(flags.output, flags.output_files, ParseTestFormat, targets)) {
    return ExitCode::kUsage;
  }
  service::TestOptions options;
  options.run_filter = flags.run;
  options.coverage =
      flags.coverage || flags.coverage_threshold >= 0 || flags.rule_coverage_threshold >= 0;
  options.defaults.environment = flags.environment;
  if (!ResolveNow(flags.now, options.defaults.now_seconds, options.defaults.now_nanos)) {
    return ExitCode::kUsage;
  }

  ExitCode exit_code = ExitCode::kOk;
  service::LoadedBundle bundle;
  BundleFlags bundle_flags = flags.bundle;
  bundle_flags.coverage = options.coverage;
  if (!LoadBundleOrReport(bundle_flags, bundle, exit_code)) return exit_code;

  Diagnostics diagnostics;
  std::shared_ptr<policy::PolicySet> test_storage;
  std::vector<policy::TestDoc> tests =
      service::CollectTests(bundle, flags.paths, test_storage, diagnostics);
  if (watched != nullptr) *watched = service::TestInputFiles(tests);
  StatusOr<tester::TestRun> run = service::RunTests(bundle, tests, options, diagnostics);
  if (!run.ok()) {
    std::fprintf(stderr, "error: `--run %s`: %s\n", flags.run.c_str(),
                 run.status().message().c_str());
    return ExitCode::kUsage;
  }
  bool invalid = PrintDiagnostics(diagnostics);
  if (run->cases.empty() && run->filtered_out == 0 && !invalid) {
    std::fprintf(stderr, "warning: no test cases found (Test documents: docs/testing.md)\n");
  }
  report::TestRenderOptions render;
  render.verbose = flags.verbose;
  for (const auto& [format, path] : targets) {
    render.color =
        path == "-" && format == TestFormat::kTable && !flags.no_color && StdoutWantsColor();
    if (!WriteOutput(path, RenderRun(*run, format, render))) return ExitCode::kUsage;
  }
  if (invalid) return ExitCode::kInvalid;
  if (run->failed() > 0) return ExitCode::kFailed;
  if (flags.coverage_threshold >= 0 && run->coverage &&
      run->coverage->totals.percent() < flags.coverage_threshold) {
    std::fprintf(stderr, "error: coverage %.1f%% is below the threshold of %.1f%%\n",
                 run->coverage->totals.percent(), flags.coverage_threshold);
    return ExitCode::kFailed;
  }
  if (flags.rule_coverage_threshold >= 0 && run->coverage &&
      run->coverage->rule_totals.percent() < flags.rule_coverage_threshold) {
    std::fprintf(stderr, "error: rule coverage %.1f%% is below the threshold of %.1f%%\n",
                 run->coverage->rule_totals.percent(), flags.rule_coverage_threshold);
    return ExitCode::kFailed;
  }
  return ExitCode::kOk;
}

// Runs, then runs again whenever a policy, test or fixture file changes, until killed.
ExitCode Watch(const TestFlags& flags) {
  constexpr std::chrono::milliseconds kPollInterval(300);
  for (;;) {
    std::vector<std::string> paths;
    ExitCode code = Run(flags, &paths);
    if (code == ExitCode::kUsage) return code;
    if (!flags.bundle.directory.empty()) paths.push_back(flags.bundle.directory);
    paths.insert(paths.end(), flags.bundle.policies.begin(), flags.bundle.policies.end());
    paths.insert(paths.end(), flags.paths.begin(), flags.paths.end());
    // The baseline before saying so: a change made after the message is always seen.
    FileFingerprint baseline = Fingerprint(paths);
    std::fflush(stdout);
    std::fprintf(stderr, "watching %zu paths for changes (Ctrl-C to stop)\n", paths.size());
    WaitForChange(paths, baseline, kPollInterval);
    std::printf("\n== files changed: running again ==\n");
  }
}

}  // namespace

void AddTestCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<TestFlags>();
  CLI::App* command = app.add_subcommand("test", "Run the test cases of policies");
  AddBundleFlags(*command, flags->bundle);
  command->add_option("paths", flags->paths,
                      "Test files or directories (default: the bundle's tests)");
  command->add_option("--run", flags->run, "Only cases whose `test / case` name matches REGEX");
  command->add_option("-o,--output", flags->output, "Format on stdout: table, json, junit");
  command
      ->add_option("--output-file", flags->output_files,
                   "Also write FORMAT=PATH (repeatable), e.g. junit=tests.xml")
      ->allow_extra_args(false);
  command->add_option("-e,--env", flags->environment, "Environment for cases that set none");
  command->add_option("--now", flags->now,
                      "Evaluation time (RFC 3339) for cases that set none; default: now");
  command->add_flag("-v,--verbose", flags->verbose, "List passing cases too");
  command->add_flag("--coverage", flags->coverage,
                    "Report rule and branch coverage (table and JSON output)");
  command
      ->add_option("--coverage-threshold", flags->coverage_threshold,
                   "Fail (exit code 1) when coverage is below PCT; implies --coverage")
      ->check(CLI::Range(0.0, 100.0));
  command
      ->add_option("--rule-coverage-threshold", flags->rule_coverage_threshold,
                   "Fail (exit code 1) when rule coverage (fired and not fired, without "
                   "branches) is below PCT; implies --coverage")
      ->check(CLI::Range(0.0, 100.0));
  command->add_flag("--no-color", flags->no_color, "Never colour the table");
  command->add_flag("--watch", flags->watch,
                    "Run again whenever a policy, test or fixture file changes (until Ctrl-C)");
  command->callback(
      [flags, &exit_code] { exit_code = flags->watch ? Watch(*flags) : Run(*flags); });
}

}  // namespace warden::cli
