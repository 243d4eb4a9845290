// Comparing two runs input by input: outcome transitions per (document, policy), firing
// rules, newly blocked / allowed / erroring documents and requests.

#include "warden/report/impact.h"

#include <gtest/gtest.h>

namespace warden::report {
namespace {

engine::PolicyResult Outcome(const std::string& policy, engine::Outcome outcome,
                             const std::vector<std::string>& firing = {}) {
  engine::PolicyResult result;
  result.policy = policy;
  result.outcome = outcome;
  for (const std::string& rule : firing) {
    engine::Violation violation;
    violation.policy = policy;
    violation.rule = rule;
    result.violations.push_back(violation);
  }
  return result;
}

engine::DocumentResult Document(const std::string& name,
                                std::vector<engine::PolicyResult> policies) {
  engine::DocumentResult document;
  document.file = "pods.yaml";
  document.document_index = name == "a" ? 0 : 1;
  document.resource.kind = "Pod";
  document.resource.name = name;
  document.policies = std::move(policies);
  return document;
}

engine::RequestDecision Decision(engine::Decision decision, const std::string& rule) {
  engine::RequestDecision out;
  out.decision = decision;
  engine::DecidingRule deciding;
  deciding.policy = "p";
  deciding.rule = rule;
  out.rules.push_back(deciding);
  return out;
}

TEST(ImpactTest, ReportsTransitionsFiringRulesAndNewlyBlockedDocuments) {
  CheckReport base, head;
  base.results = {Document("a", {Outcome("p", engine::Outcome::kPass)}),
                  Document("b", {Outcome("p", engine::Outcome::kFail, {"r1"})})};
  head.results = {Document("a", {Outcome("p", engine::Outcome::kFail, {"r1"})}),
                  Document("b", {Outcome("p", engine::Outcome::kFail, {"r2"}),
                                 Outcome("q", engine::Outcome::kPass)})};
  std::vector<engine::RequestDecision> none;
  Impact impact = CompareRuns({&base, &none}, {&head, &none}, {}, "v1", "v2");
  EXPECT_EQ(impact.documents, 2u);
  EXPECT_EQ(impact.newly_blocked, 1u);  // a: pass -> fail; b was blocked already
  EXPECT_EQ(impact.newly_allowed, 0u);
  EXPECT_EQ(impact.changed_inputs, 2u);
  ASSERT_EQ(impact.changes.size(), 3u);
  EXPECT_EQ(impact.changes[0].from, "pass");
  EXPECT_EQ(impact.changes[0].to, "fail");
  EXPECT_EQ(impact.changes[0].rules_added, std::vector<std::string>{"r1"});
  // b, p: still fail but another rule fires.
  EXPECT_EQ(impact.changes[1].from, "fail");
  EXPECT_EQ(impact.changes[1].to, "fail");
  EXPECT_EQ(impact.changes[1].rules_added, std::vector<std::string>{"r2"});
  EXPECT_EQ(impact.changes[1].rules_removed, std::vector<std::string>{"r1"});
  // b, q: a policy that did not apply before.
  EXPECT_EQ(impact.changes[2].policy, "q");
  EXPECT_EQ(impact.changes[2].from, "skip");
  EXPECT_EQ(impact.changes[2].to, "pass");
  ASSERT_EQ(impact.groups.size(), 3u);  // (p fail fail) (p pass fail) (q skip pass)
  EXPECT_EQ(impact.groups[1].from, "pass");
  EXPECT_EQ(impact.groups[1].count, 1u);
  // r1 started on a and stopped on b; r2 started on b.
  ASSERT_EQ(impact.rule_groups.size(), 2u);
  EXPECT_EQ(impact.rule_groups[0].rule, "r1");
  EXPECT_EQ(impact.rule_groups[0].started, 1u);
  EXPECT_EQ(impact.rule_groups[0].stopped, 1u);
  EXPECT_EQ(impact.rule_groups[1].rule, "r2");
  EXPECT_EQ(impact.rule_groups[1].started, 1u);
}

TEST(ImpactTest, RequestsCountNewlyBlockedAllowedAndErroring) {
  CheckReport empty;
  std::vector<engine::RequestDecision> base = {Decision(engine::Decision::kAllow, "read"),
                                               Decision(engine::Decision::kDeny, "deny"),
                                               Decision(engine::Decision::kAllow, "read")};
  std::vector<engine::RequestDecision> head = {
      Decision(engine::Decision::kRequireApproval, "approve"),
      Decision(engine::Decision::kAllow, "read"), Decision(engine::Decision::kAllow, "read")};
  head[2].errors.push_back({});
  Impact impact = CompareRuns({&empty, &base}, {&empty, &head},
                              {"r.jsonl:1", "r.jsonl:2", "r.jsonl:3"}, "a", "b");
  EXPECT_EQ(impact.requests, 3u);
  EXPECT_EQ(impact.newly_blocked, 1u);
  EXPECT_EQ(impact.newly_allowed, 1u);
  EXPECT_EQ(impact.newly_erroring, 1u);
  EXPECT_EQ(impact.newly_erroring_inputs, std::vector<std::string>{"r.jsonl:3"});
  ASSERT_EQ(impact.changes.size(), 2u);  // the third decided the same way
  EXPECT_EQ(impact.changes[0].input, "r.jsonl:1");
  EXPECT_EQ(impact.changes[0].to, "require_approval");
  EXPECT_EQ(impact.changes[0].rules_added, std::vector<std::string>{"p/approve"});
  // Request 1: read -> approve; request 2: deny -> read.
  ASSERT_EQ(impact.rule_groups.size(), 3u);
  EXPECT_EQ(impact.rule_groups[0].policy, "p");
  EXPECT_EQ(impact.rule_groups[0].rule, "approve");
  EXPECT_EQ(impact.rule_groups[0].started, 1u);
  EXPECT_EQ(impact.rule_groups[1].rule, "deny");
  EXPECT_EQ(impact.rule_groups[1].stopped, 1u);
  EXPECT_EQ(impact.rule_groups[2].rule, "read");
  EXPECT_EQ(impact.rule_groups[2].started, 1u);
  EXPECT_EQ(impact.rule_groups[2].stopped, 1u);
}

TEST(ImpactTest, IdenticalRunsHaveNoChanges) {
  CheckReport report;
  report.results = {Document("a", {Outcome("p", engine::Outcome::kFail, {"r"})})};
  std::vector<engine::RequestDecision> decisions = {Decision(engine::Decision::kDeny, "d")};
  Impact impact = CompareRuns({&report, &decisions}, {&report, &decisions}, {"x"}, "a", "a");
  EXPECT_TRUE(impact.changes.empty());
  EXPECT_EQ(impact.changed_inputs + impact.newly_blocked + impact.newly_allowed, 0u);
}

}  // namespace
}  // namespace warden::report
