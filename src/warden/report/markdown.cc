// A Markdown summary for a pull- or merge-request comment (docs/output-formats.md,
// "markdown"): a status heading, a counts table, then tables of blocking findings,
// warnings and errors, each cut at RenderOptions::max_rows with "and N more".

#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

namespace {

struct Row {
  std::string location;
  std::string policy;
  std::string rule;
  std::string severity;
  std::string message;
};

void AppendTable(std::string& out, std::string_view heading, const std::vector<Row>& rows,
                 size_t max_rows) {
  if (rows.empty()) return;
  out += "\n### ";
  out += heading;
  out += " (" + std::to_string(rows.size()) + ")\n\n";
  out += "| Location | Policy | Rule | Severity | Message |\n";
  out += "|---|---|---|---|---|\n";
  const size_t shown = max_rows == 0 || rows.size() <= max_rows ? rows.size() : max_rows;
  for (size_t row_idx = 0; row_idx < shown; ++row_idx) {
    const Row& row = rows[row_idx];
    out += "| " + MarkdownCell(row.location) + " | " + MarkdownCell(row.policy) + " | " +
           MarkdownCell(row.rule) + " | " + MarkdownCell(row.severity) + " | " +
           MarkdownCell(row.message) + " |\n";
  }
  if (shown < rows.size()) out += "\n_and " + std::to_string(rows.size() - shown) + " more_\n";
}

Row ViolationRow(const engine::DocumentResult& document, const engine::Violation& violation) {
  return {LocationText(FindingFile(document, violation), violation.line, 0), violation.policy,
          violation.rule, policy::SeverityName(violation.severity), violation.message};
}

std::string Heading(const Summary& summary) {
  if (summary.blocked()) return "## Warden policy check: failed\n";
  if (summary.warnings != 0 || summary.errored != 0) {
    return "## Warden policy check: passed with warnings\n";
  }
  return "## Warden policy check: passed\n";
}

}  // namespace

std::string RenderMarkdown(const CheckReport& report, const RenderOptions& options) {
  const Summary summary = Summarize(report);
  std::string out = Heading(summary);

  if (!report.bundle_name.empty() || !report.environment.empty()) {
    out += "\n";
    std::string line;
    if (!report.bundle_name.empty()) {
      line += "Bundle " + MarkdownCell(report.bundle_name);
      if (!report.bundle_version.empty()) line += " " + MarkdownCell(report.bundle_version);
      if (!report.bundle_digest.empty()) {
        line += " (sha256 " + MarkdownCell(report.bundle_digest.substr(0, 12)) + ")";
      }
    }
    if (!report.environment.empty()) {
      if (!line.empty()) line += ", ";
      line += "environment " + MarkdownCell(report.environment);
    }
    out += line + "\n";
  }

  out +=
      "\n| Documents | Policies evaluated | Passed | Failed | Warned | Errors | Violations "
      "| Blocking | Waived |\n";
  out += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  out += "| " + std::to_string(summary.documents) + " | " +
         std::to_string(summary.policies_evaluated) + " | " + std::to_string(summary.passed) +
         " | " + std::to_string(summary.failed) + " | " + std::to_string(summary.warned) + " | " +
         std::to_string(summary.errored + summary.input_errors) + " | " +
         std::to_string(summary.violations) + " | " + std::to_string(summary.blocking) + " | " +
         std::to_string(summary.waived) + " |\n";

  std::vector<Row> blocking;
  std::vector<Row> warnings;
  std::vector<Row> errors;
  std::vector<Row> waived;
  std::vector<Row> passes;
  for (const InputError& error : report.input_errors) {
    errors.push_back({LocationText(error.file, error.line, 0), "", "", "", error.message});
  }
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      for (const engine::Violation& violation : policy.violations) {
        if (!violation.waived_by.empty()) {
          Row row = ViolationRow(document, violation);
          row.message += " (waived by " + violation.waived_by + ")";
          waived.push_back(std::move(row));
        } else if (violation.enforcement == policy::Enforcement::kEnforce) {
          blocking.push_back(ViolationRow(document, violation));
        } else if (violation.enforcement == policy::Enforcement::kWarn) {
          warnings.push_back(ViolationRow(document, violation));
        }
      }
      for (const engine::EvaluationError& error : policy.errors) {
        errors.push_back({document.file, error.policy, error.rule, "", error.message});
      }
      if (options.show_passes && policy.outcome == engine::Outcome::kPass) {
        passes.push_back({document.file + " (" + DocumentLabel(document) + ")", policy.policy, "",
                          policy::SeverityName(policy.severity), "passed"});
      }
    }
  }
  AppendTable(out, "Blocking findings", blocking, options.max_rows);
  AppendTable(out, "Errors", errors, options.max_rows);
  AppendTable(out, "Warnings", warnings, options.max_rows);
  AppendTable(out, "Waived", waived, options.max_rows);
  AppendTable(out, "Passed", passes, options.max_rows);
  return out;
}

}  // namespace warden::report
