#pragma once
// The result of running test cases: per case, pass or fail and why. report/ renders it
// (table, JSON, JUnit); service::RunTests makes it.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "warden/tester/coverage_summary.h"
#include "warden/tester/test_case.h"
#include "warden/tester/verdict.h"

namespace warden::tester {

struct CaseResult {
  std::string test;  // the Test document's name
  std::string name;
  SourceLocation location;
  bool passed = false;
  std::vector<Mismatch> mismatches;
  // The input could not be read or the engine could not be built for the case (a bad
  // exceptions file, a parameter of the wrong type): what went wrong. Passes only under a
  // matching `expect_error`.
  std::string error;
  // The case expected an error (`expect_error`) and one occurred that matched.
  bool expected_error_seen = false;

  std::string FullName() const { return test + " / " + name; }
};

struct TestRun {
  std::vector<CaseResult> cases;
  size_t filtered_out = 0;                  // cases `--run` left out
  std::optional<CoverageSummary> coverage;  // with `--coverage`

  size_t passed() const;
  size_t failed() const { return cases.size() - passed(); }
};

}  // namespace warden::tester
