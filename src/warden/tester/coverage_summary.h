#pragma once
// Coverage of a test run (docs/testing.md, "Coverage"), summed up from what the engine
// recorded (engine/coverage.h).
//
// Outcomes: every rule has two, "fired" and "not fired"; every branch (leaf) of a
// condition with `&&` / `||` / `!` has two, "true" and "false". An outcome is covered when
// some evaluation of the run produced it. Coverage is covered outcomes over all outcomes,
// per policy, per policy file and for the bundle (100% when there is nothing to cover).

#include <cstddef>
#include <string>
#include <vector>

#include "warden/engine/coverage.h"

namespace warden::tester {

struct CoverageTotals {
  size_t covered = 0;
  size_t total = 0;

  double percent() const {
    return total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
  }
  void Add(const CoverageTotals& other) {
    covered += other.covered;
    total += other.total;
  }
};

struct PolicyCoverage {
  engine::CoverageRecorder::Policy policy;
  CoverageTotals totals;
};

struct FileCoverage {
  std::string file;
  std::vector<PolicyCoverage> policies;  // in registration order
  CoverageTotals totals;
};

struct CoverageSummary {
  std::vector<FileCoverage> files;  // sorted by file
  CoverageTotals totals;
  // Rule outcomes only (fired, not fired), without branches: what "every rule was seen
  // both firing and not firing" needs (--rule-coverage-threshold).
  CoverageTotals rule_totals;
};

// The outcomes of one rule (its own two and its branches').
CoverageTotals RuleTotals(const engine::CoverageRecorder::Rule& rule);

CoverageSummary SummarizeCoverage(const engine::CoverageRecorder& recorder);

}  // namespace warden::tester
