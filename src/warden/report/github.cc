// GitHub Actions workflow commands (docs/output-formats.md, "github"): one annotation per
// unwaived finding, `::error` for enforce, `::warning` for warn, `::notice` for audit;
// evaluation errors and unreadable inputs are `::error`s; then the summary line as plain
// log text.

#include <string>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

namespace {

const char* Command(policy::Enforcement enforcement) {
  switch (enforcement) {
    case policy::Enforcement::kEnforce:
      return "error";
    case policy::Enforcement::kWarn:
      return "warning";
    case policy::Enforcement::kAudit:
    case policy::Enforcement::kDisabled:
      return "notice";
  }
  return "error";
}

// `::command file=F,line=L,col=C,title=T::message` with the unknown parts left out.
void Annotate(std::string& out, std::string_view command, std::string_view file, uint32_t line,
              uint32_t column, std::string_view title, std::string_view message) {
  out += "::";
  out += command;
  out += " file=" + GithubProperty(NormalizePath(file));
  if (line != 0) {
    out += ",line=" + std::to_string(line);
    if (column != 0) out += ",col=" + std::to_string(column);
  }
  out += ",title=" + GithubProperty(title);
  out += "::";
  out += GithubData(message);
  out += '\n';
}

}  // namespace

std::string RenderGithub(const CheckReport& report) {
  std::string out;
  for (const InputError& error : report.input_errors) {
    Annotate(out, "error", error.file, error.line, error.column, kInputErrorRule, error.message);
  }
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      for (const engine::Violation& violation : policy.violations) {
        if (!violation.waived_by.empty()) continue;
        std::string message = violation.message;
        if (!violation.remediation.empty()) message += "\nRemediation: " + violation.remediation;
        Annotate(out, Command(violation.enforcement), FindingFile(document, violation),
                 violation.line, violation.column, RuleId(violation.policy, violation.rule),
                 message);
      }
      for (const engine::EvaluationError& error : policy.errors) {
        std::string message = "policy `" + error.policy + "`";
        if (!error.rule.empty()) message += " rule `" + error.rule + "`";
        message += " could not be evaluated: " + error.message;
        if (!error.file.empty()) {
          message += "\nat " + LocationText(error.file, error.line, error.column);
        }
        Annotate(out, ErrorBlocks(policy) ? "error" : "warning", document.file, 0, 0,
                 kEvaluationErrorRule, message);
      }
    }
  }
  out += SummaryLine(Summarize(report));
  out += '\n';
  return out;
}

}  // namespace warden::report
