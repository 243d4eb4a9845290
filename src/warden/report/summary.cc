#include <cstddef>

#include "warden/report/findings.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

Summary Summarize(const CheckReport& report) {
  Summary summary;
  summary.documents = report.results.size();
  summary.input_errors = report.input_errors.size();
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      ++summary.policies_evaluated;
      switch (policy.outcome) {
        case engine::Outcome::kPass:
          ++summary.passed;
          break;
        case engine::Outcome::kFail:
          ++summary.failed;
          break;
        case engine::Outcome::kWarn:
          ++summary.warned;
          break;
        case engine::Outcome::kSkip:
          ++summary.skipped;
          break;
        case engine::Outcome::kError:
          ++summary.errored;
          if (ErrorBlocks(policy)) ++summary.blocking_errors;
          break;
      }
      summary.evaluation_errors += policy.errors.size();
      for (const engine::Violation& violation : policy.violations) {
        if (!violation.waived_by.empty()) {
          ++summary.waived;
          continue;
        }
        ++summary.violations;
        ++summary.by_severity[static_cast<size_t>(violation.severity)];
        switch (violation.enforcement) {
          case policy::Enforcement::kEnforce:
            ++summary.blocking;
            break;
          case policy::Enforcement::kWarn:
            ++summary.warnings;
            break;
          case policy::Enforcement::kAudit:
          case policy::Enforcement::kDisabled:
            ++summary.audited;
            break;
        }
      }
    }
  }
  return summary;
}

std::string SummaryLine(const Summary& summary) {
  std::string line = Plural(summary.documents, "document", "documents");
  line += ", " + std::to_string(summary.failed) + " failed";
  line += ", " + std::to_string(summary.warned) + " warned";
  if (summary.errored != 0) line += ", " + std::to_string(summary.errored) + " errored";
  line += ", " + std::to_string(summary.passed) + " passed";
  line += "; " + Plural(summary.violations, "violation", "violations");
  line += " (" + std::to_string(summary.blocking) + " blocking)";
  if (summary.waived != 0) line += ", " + std::to_string(summary.waived) + " waived";
  if (summary.input_errors != 0) {
    line += "; " + Plural(summary.input_errors, "unreadable input", "unreadable inputs");
  }
  return line;
}

}  // namespace warden::report
