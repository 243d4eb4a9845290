// Comparing actual results with expectations: outcomes, decisions, finding lists (counts,
// messages, exhaustiveness per named policy) and evaluation errors.

#include "warden/tester/verdict.h"

#include <gtest/gtest.h>

namespace warden::tester {
namespace {

ActualFinding Finding(std::string policy, std::string rule, std::string message = "",
                      std::string exception = "") {
  return {std::move(policy), std::move(rule), std::move(message), std::move(exception)};
}

ExpectedFinding Entry(std::string policy, std::string rule = "", std::optional<size_t> count = {},
                      std::string message = "") {
  ExpectedFinding entry;
  entry.policy = std::move(policy);
  entry.rule = std::move(rule);
  entry.count = count;
  entry.message = std::move(message);
  return entry;
}

engine::PolicyResult PolicyWith(std::string name, engine::Outcome outcome) {
  engine::PolicyResult result;
  result.policy = std::move(name);
  result.outcome = outcome;
  return result;
}

engine::Violation ViolationOf(std::string rule, policy::Enforcement enforcement,
                              std::string waived_by = "") {
  engine::Violation violation;
  violation.policy = "p";
  violation.rule = std::move(rule);
  violation.enforcement = enforcement;
  violation.waived_by = std::move(waived_by);
  return violation;
}

engine::DecidingRule RuleOf(std::string rule, std::string message = "") {
  engine::DecidingRule out;
  out.policy = "p";
  out.rule = std::move(rule);
  out.message = std::move(message);
  return out;
}

engine::EvaluationError ErrorOf(std::string rule, std::string message) {
  engine::EvaluationError error;
  error.policy = "p";
  error.rule = std::move(rule);
  error.message = std::move(message);
  return error;
}

std::vector<std::string> Whats(const std::vector<Mismatch>& mismatches) {
  std::vector<std::string> out;
  for (const Mismatch& mismatch : mismatches) out.push_back(mismatch.what);
  return out;
}

TEST(VerdictTest, OutcomeIsTheWorstPolicyOutcomeAcrossDocuments) {
  engine::DocumentResult first, second;
  first.policies.push_back(PolicyWith("a", engine::Outcome::kWarn));
  second.policies.push_back(PolicyWith("b", engine::Outcome::kFail));
  second.policies.push_back(PolicyWith("c", engine::Outcome::kPass));
  EXPECT_EQ(ActualOfDocuments({first, second}).outcome, engine::Outcome::kFail);
  EXPECT_EQ(ActualOfDocuments({}).outcome, engine::Outcome::kSkip);  // nothing applied
}

TEST(VerdictTest, SplitsFindingsIntoViolationsWarningsAndWaived) {
  engine::PolicyResult policy = PolicyWith("p", engine::Outcome::kFail);
  policy.violations.push_back(ViolationOf("enforced", policy::Enforcement::kEnforce));
  policy.violations.push_back(ViolationOf("audited", policy::Enforcement::kAudit));
  policy.violations.push_back(ViolationOf("warned", policy::Enforcement::kWarn));
  policy.violations.push_back(ViolationOf("waived", policy::Enforcement::kEnforce, "x"));
  engine::DocumentResult document;
  document.policies.push_back(policy);
  CaseActual actual = ActualOfDocuments({document});
  ASSERT_EQ(actual.violations.size(), 2u);
  EXPECT_EQ(actual.violations[1].rule, "audited");
  ASSERT_EQ(actual.warnings.size(), 1u);
  ASSERT_EQ(actual.waived.size(), 1u);
  EXPECT_EQ(actual.waived[0].exception, "x");
}

TEST(VerdictTest, CountsAreExactAndMessagesAreSubstrings) {
  CaseActual actual;
  actual.violations = {Finding("p", "r", "container a runs privileged"),
                       Finding("p", "r", "container b runs privileged")};
  Expectation expect;
  expect.violations = {Entry("p", "r", 2)};
  EXPECT_TRUE(Compare(expect, actual).empty());
  expect.violations = {Entry("p", "r", {}, "b runs")};  // at least one matching
  EXPECT_TRUE(Compare(expect, actual).empty());
  expect.violations = {Entry("p", "r", 1)};
  EXPECT_EQ(Whats(Compare(expect, actual)),
            std::vector<std::string>{"violations: expected 1 of p/r, got 2"});
  expect.violations = {Entry("p", "", {}, "c runs")};
  EXPECT_EQ(Whats(Compare(expect, actual)),
            std::vector<std::string>{
                "violations: expected at least 1 of p/* (message contains `c runs`), got 0"});
}

TEST(VerdictTest, OnlyPoliciesTheListNamesMustBeAccountedFor) {
  CaseActual actual;
  actual.violations = {Finding("p", "r"), Finding("p", "other"), Finding("q", "s")};
  Expectation expect;
  expect.violations = {Entry("p", "r")};
  std::vector<Mismatch> mismatches = Compare(expect, actual);
  // `q` is not named, so its finding is not checked; `p/other` is unexpected.
  ASSERT_EQ(Whats(mismatches), std::vector<std::string>{"violations: unexpected p/other"});
  EXPECT_EQ(mismatches[0].expected, std::vector<std::string>{"p/r"});
  EXPECT_EQ(mismatches[0].actual, (std::vector<std::string>{"p/r", "p/other", "q/s"}));
  expect.violations = std::vector<ExpectedFinding>{};  // empty: no findings at all
  EXPECT_EQ(Compare(expect, actual).size(), 3u);
  expect.violations.reset();  // not given: not checked
  EXPECT_TRUE(Compare(expect, actual).empty());
}

TEST(VerdictTest, RequestsCompareDecisionRulesAndWaivers) {
  engine::RequestDecision decision;
  decision.decision = engine::Decision::kRequireApproval;
  decision.rules.push_back(RuleOf("approve", "needs approval"));
  decision.waived.push_back(RuleOf("deny"));
  decision.waived_by.push_back("temporary");
  CaseActual actual = ActualOfDecision(decision);
  Expectation expect;
  expect.decision = engine::Decision::kRequireApproval;
  expect.violations = {Entry("p", "approve", 1, "approval")};
  ExpectedFinding waived = Entry("p", "deny");
  waived.exception = "temporary";
  expect.waived = {waived};
  EXPECT_TRUE(Compare(expect, actual).empty());
  expect.decision = engine::Decision::kAllow;
  waived.exception = "other";
  expect.waived = {waived};
  EXPECT_EQ(Whats(Compare(expect, actual)),
            (std::vector<std::string>{
                "decision: expected allow, got require_approval",
                "waived: expected at least 1 of p/deny (waived by `other`), got 0"}));
}

TEST(VerdictTest, ErrorsMatchByPolicyRuleAndMessage) {
  CaseActual actual;
  actual.errors.push_back(ErrorOf("r", "division by zero"));
  Expectation expect;
  expect.errors = {ExpectedError{"p", "", "division", {}}};
  EXPECT_TRUE(Compare(expect, actual).empty());
  expect.errors = {ExpectedError{"q", "", "", {}}};
  EXPECT_EQ(Whats(Compare(expect, actual)),
            (std::vector<std::string>{"errors: expected an error of `q`, got none",
                                      "errors: unexpected p/r: division by zero"}));
}

}  // namespace
}  // namespace warden::tester
