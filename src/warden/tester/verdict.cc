#include "warden/tester/verdict.h"

#include <algorithm>

namespace warden::tester {
namespace {

// Worse outcomes win when a case's input yields several: error, fail, warn, pass, skip.
int OutcomeRank(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::kError:
      return 4;
    case engine::Outcome::kFail:
      return 3;
    case engine::Outcome::kWarn:
      return 2;
    case engine::Outcome::kPass:
      return 1;
    case engine::Outcome::kSkip:
      return 0;
  }
  return 0;
}

ActualFinding FindingOf(const engine::DecidingRule& rule, const std::string& exception = {}) {
  return {rule.policy, rule.rule, rule.message, exception};
}

// `policy/rule`, with the count (`×2`) when `with_count`, and the message and exception
// the entry asks for.
std::string DescribeExpected(const ExpectedFinding& entry, bool with_count = true) {
  std::string out = entry.policy + "/" + (entry.rule.empty() ? "*" : entry.rule);
  if (entry.count && with_count) out += " ×" + std::to_string(*entry.count);
  if (!entry.message.empty()) out += " (message contains `" + entry.message + "`)";
  if (!entry.exception.empty()) out += " (waived by `" + entry.exception + "`)";
  return out;
}

bool Matches(const ExpectedFinding& entry, const ActualFinding& finding) {
  return finding.policy == entry.policy && (entry.rule.empty() || finding.rule == entry.rule) &&
         finding.message.find(entry.message) != std::string::npos &&
         (entry.exception.empty() || finding.exception == entry.exception);
}

// Named by the entry: policy and rule agree (message and exception aside), so a finding
// with the wrong message is reported against its entry, not as unexpected.
bool Names(const ExpectedFinding& entry, const ActualFinding& finding) {
  return finding.policy == entry.policy && (entry.rule.empty() || finding.rule == entry.rule);
}

void CompareFindings(const std::string& field, const std::vector<ExpectedFinding>& expected,
                     const std::vector<ActualFinding>& actual, std::vector<Mismatch>& out) {
  std::vector<std::string> problems;
  for (const ExpectedFinding& entry : expected) {
    size_t matched = static_cast<size_t>(std::count_if(
        actual.begin(), actual.end(), [&](const ActualFinding& f) { return Matches(entry, f); }));
    if (entry.count ? matched != *entry.count : matched == 0) {
      problems.push_back(field + ": expected " +
                         (entry.count ? std::to_string(*entry.count) : std::string("at least 1")) +
                         " of " + DescribeExpected(entry, false) + ", got " +
                         std::to_string(matched));
    }
  }
  for (const ActualFinding& finding : actual) {
    bool policy_named = std::any_of(expected.begin(), expected.end(), [&](const auto& entry) {
      return entry.policy == finding.policy;
    });
    bool named = std::any_of(expected.begin(), expected.end(),
                             [&](const ExpectedFinding& entry) { return Names(entry, finding); });
    // Findings of policies the list does not name are another case's business, unless
    // the list is empty (no findings at all).
    if ((expected.empty() || policy_named) && !named) {
      problems.push_back(field + ": unexpected " + DescribeFinding(finding));
    }
  }
  if (problems.empty()) return;
  std::vector<std::string> expected_lines, actual_lines;
  for (const ExpectedFinding& entry : expected) expected_lines.push_back(DescribeExpected(entry));
  for (const ActualFinding& finding : actual) actual_lines.push_back(DescribeFinding(finding));
  for (size_t idx = 0; idx < problems.size(); ++idx) {
    Mismatch mismatch{problems[idx], {}, {}};
    if (idx + 1 == problems.size()) {  // the lists once, after the last problem of the field
      mismatch.expected = expected_lines;
      mismatch.actual = actual_lines;
    }
    out.push_back(std::move(mismatch));
  }
}

void CompareErrors(const std::vector<ExpectedError>& expected,
                   const std::vector<engine::EvaluationError>& actual, std::vector<Mismatch>& out) {
  auto matches = [](const ExpectedError& entry, const engine::EvaluationError& error) {
    return (entry.policy.empty() || error.policy == entry.policy) &&
           (entry.rule.empty() || error.rule == entry.rule) &&
           error.message.find(entry.message) != std::string::npos;
  };
  auto describe = [](const engine::EvaluationError& error) {
    return error.policy + (error.rule.empty() ? "" : "/" + error.rule) + ": " + error.message;
  };
  std::vector<std::string> problems;
  for (const ExpectedError& entry : expected) {
    bool found = std::any_of(actual.begin(), actual.end(),
                             [&](const engine::EvaluationError& e) { return matches(entry, e); });
    if (!found) {
      problems.push_back(
          "errors: expected an error" + (entry.policy.empty() ? "" : " of `" + entry.policy + "`") +
          (entry.message.empty() ? "" : " containing `" + entry.message + "`") + ", got none");
    }
  }
  for (const engine::EvaluationError& error : actual) {
    bool named = std::any_of(expected.begin(), expected.end(),
                             [&](const ExpectedError& entry) { return matches(entry, error); });
    if (!named) problems.push_back("errors: unexpected " + describe(error));
  }
  for (std::string& problem : problems) out.push_back({std::move(problem), {}, {}});
}

}  // namespace

std::string DescribeFinding(const ActualFinding& finding) {
  std::string out = finding.policy + "/" + finding.rule;
  if (!finding.message.empty()) out += ": " + finding.message;
  if (!finding.exception.empty()) out += " (waived by `" + finding.exception + "`)";
  return out;
}

CaseActual ActualOfDocuments(const std::vector<engine::DocumentResult>& results) {
  CaseActual out;
  for (const engine::DocumentResult& document : results) {
    for (const engine::PolicyResult& policy : document.policies) {
      if (OutcomeRank(policy.outcome) > OutcomeRank(out.outcome)) out.outcome = policy.outcome;
      for (const engine::Violation& violation : policy.violations) {
        ActualFinding finding{violation.policy, violation.rule, violation.message,
                              violation.waived_by};
        if (!violation.waived_by.empty()) {
          out.waived.push_back(std::move(finding));
        } else if (violation.enforcement == policy::Enforcement::kWarn) {
          out.warnings.push_back(std::move(finding));
        } else {
          out.violations.push_back(std::move(finding));
        }
      }
      out.errors.insert(out.errors.end(), policy.errors.begin(), policy.errors.end());
    }
  }
  return out;
}

CaseActual ActualOfDecision(const engine::RequestDecision& decision) {
  CaseActual out;
  out.is_request = true;
  out.decision = decision.decision;
  for (const engine::DecidingRule& rule : decision.rules) out.violations.push_back(FindingOf(rule));
  for (const engine::DecidingRule& rule : decision.warnings)
    out.warnings.push_back(FindingOf(rule));
  for (size_t idx = 0; idx < decision.waived.size(); ++idx) {
    std::string exception = idx < decision.waived_by.size() ? decision.waived_by[idx] : "";
    out.waived.push_back(FindingOf(decision.waived[idx], exception));
  }
  out.errors = decision.errors;
  return out;
}

std::vector<Mismatch> Compare(const Expectation& expect, const CaseActual& actual) {
  std::vector<Mismatch> out;
  if (expect.outcome && *expect.outcome != actual.outcome) {
    out.push_back({std::string("outcome: expected ") + engine::OutcomeName(*expect.outcome) +
                       ", got " + engine::OutcomeName(actual.outcome),
                   {},
                   {}});
  }
  if (expect.decision && *expect.decision != actual.decision) {
    out.push_back({std::string("decision: expected ") + engine::DecisionName(*expect.decision) +
                       ", got " + engine::DecisionName(actual.decision),
                   {},
                   {}});
  }
  if (expect.violations) CompareFindings("violations", *expect.violations, actual.violations, out);
  if (expect.warnings) CompareFindings("warnings", *expect.warnings, actual.warnings, out);
  if (expect.waived) CompareFindings("waived", *expect.waived, actual.waived, out);
  if (expect.errors) CompareErrors(*expect.errors, actual.errors, out);
  return out;
}

}  // namespace warden::tester
