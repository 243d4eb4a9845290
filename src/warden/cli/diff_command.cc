// `warden diff`: what changed between two versions of a policy bundle, as policies,
// rules and settings rather than YAML lines (docs/cli.md, "warden diff").
//
//   warden diff main HEAD                      # git revisions, bundle = current directory
//   warden diff v1.4.0:policies policies/      # a revision against the working tree
//   warden diff old/ new/ -o markdown          # two directories, for a PR comment
//   warden diff main HEAD --exit-code          # 1 when they differ
//   warden diff 1.3.0 1.4.0 --store sqlite:.warden/warden.db   # published versions

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/cli/store_flags.h"
#include "warden/policy/bundle_diff.h"
#include "warden/report/bundle_diff_report.h"
#include "warden/report/summary_format.h"
#include "warden/service/bundle_revision.h"

namespace warden::cli {
namespace {

struct DiffFlags {
  std::string before;
  std::string after;
  std::string output = "table";
  bool exit_code = false;
  bool no_color = false;
  StoreFlags store;  // with --store, A and B may name published versions
};

ExitCode Run(const DiffFlags& flags) {
  report::SummaryFormat format = report::SummaryFormat::kTable;
  if (!report::ParseSummaryFormat(flags.output, format)) {
    std::fprintf(stderr, "error: unknown output format `%s` (table, json, markdown)\n",
                 flags.output.c_str());
    return ExitCode::kUsage;
  }

  std::optional<service::BundleLocation> locations[2];
  service::LoadedBundle bundles[2];
  ExitCode exit_code = ExitCode::kOk;
  OpenedStore opened;
  if (!flags.store.store.empty() && !OpenStoreOrReport(flags.store, opened, exit_code)) {
    return exit_code;
  }
  if (!LoadBundlePairOrReport(flags.before, flags.after, locations, bundles, exit_code,
                              opened.store != nullptr ? &opened.context : nullptr)) {
    return exit_code;
  }

  policy::BundleDiff diff = policy::DiffBundles(bundles[0].source, bundles[1].source);
  report::DiffRenderOptions render;
  render.before_label = locations[0]->label();
  render.after_label = locations[1]->label();
  std::string text;
  switch (format) {
    case report::SummaryFormat::kJson:
      text = report::RenderDiffJson(diff, render);
      break;
    case report::SummaryFormat::kMarkdown:
      text = report::RenderDiffMarkdown(diff, render);
      break;
    case report::SummaryFormat::kTable:
      render.color = !flags.no_color && StdoutWantsColor();
      text = report::RenderDiffTable(diff, render);
      break;
  }
  if (!WriteOutput("-", text)) return ExitCode::kUsage;
  return flags.exit_code && !diff.empty() ? ExitCode::kFailed : ExitCode::kOk;
}

}  // namespace

void AddDiffCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<DiffFlags>();
  CLI::App* command =
      app.add_subcommand("diff", "Show what changed between two policy bundles (dirs or git revs)");
  command->add_option("before", flags->before, "Old bundle: DIR, REV or REV:PATH")->required();
  command->add_option("after", flags->after, "New bundle: DIR, REV or REV:PATH")->required();
  command->add_option("-o,--output", flags->output, "Format: table, json, markdown");
  command->add_flag("--exit-code", flags->exit_code,
                    "Exit with 1 when the bundles differ, 0 when they do not");
  command->add_flag("--no-color", flags->no_color, "Never colour the table");
  command->add_option("--store", flags->store.store,
                      "Also resolve A and B as versions published in this store");
  command->add_option("--as", flags->store.actor, "Acting principal (default: $WARDEN_USER)");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
