#include "warden/tester/coverage_summary.h"

#include <algorithm>
#include <map>

namespace warden::tester {

CoverageTotals RuleTotals(const engine::CoverageRecorder::Rule& rule) {
  CoverageTotals totals;
  totals.total = 2;
  totals.covered = (rule.fired > 0 ? 1u : 0u) + (rule.not_fired > 0 ? 1u : 0u);
  for (const engine::CoverageRecorder::Branch& branch : rule.branches) {
    totals.total += 2;
    totals.covered += (branch.true_count > 0 ? 1u : 0u) + (branch.false_count > 0 ? 1u : 0u);
  }
  return totals;
}

CoverageSummary SummarizeCoverage(const engine::CoverageRecorder& recorder) {
  std::map<std::string, FileCoverage> by_file;
  CoverageTotals rule_totals;
  for (const engine::CoverageRecorder::Policy& policy : recorder.policies()) {
    PolicyCoverage entry{policy, {}};
    for (const engine::CoverageRecorder::Rule& rule : policy.rules) {
      entry.totals.Add(RuleTotals(rule));
      rule_totals.total += 2;
      rule_totals.covered += (rule.fired > 0 ? 1u : 0u) + (rule.not_fired > 0 ? 1u : 0u);
    }
    FileCoverage& file = by_file[policy.file];
    file.file = policy.file;
    file.totals.Add(entry.totals);
    file.policies.push_back(std::move(entry));
  }
  CoverageSummary summary;
  summary.rule_totals = rule_totals;
  for (auto& [name, file] : by_file) {
    summary.totals.Add(file.totals);
    summary.files.push_back(std::move(file));
  }
  return summary;
}

}  // namespace warden::tester
