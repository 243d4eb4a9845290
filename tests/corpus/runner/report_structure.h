#pragma once
// Structural checks of the machine report formats against the CheckReport they were
// rendered from: what GitHub code scanning needs from SARIF 2.1.0 and what GitLab and
// Jenkins need from JUnit XML. Each returns the problems found (empty when none).

#include <string>
#include <vector>

#include "warden/report/report.h"

namespace warden::corpus {

// `version` 2.1.0; runs[0].tool.driver.name and `rules` (unique ids); one result per
// violation, evaluation error and input error, each with a `ruleId` naming the rule at
// its `ruleIndex`, a `level` matching the finding's enforcement, a non-empty message and
// locations[0].physicalLocation (artifactLocation.uri, region.startLine >= 1);
// waived findings carry a suppression.
std::vector<std::string> CheckSarif(const std::string& sarif, const report::CheckReport& report);

// Well-formed XML; <testsuites> holding <testsuite> elements holding <testcase>
// elements; `tests`/`failures`/`errors` attributes that count the children, suite by
// suite and in total, and equal what the report holds: one test case per non-skipped
// (document, policy) pair and per input error, a <failure> per `fail` pair, an <error>
// per `error` pair and input error.
std::vector<std::string> CheckJunit(const std::string& junit, const report::CheckReport& report);

}  // namespace warden::corpus
