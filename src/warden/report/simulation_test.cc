// Summing up a dry run: blocked and warned documents, per-policy outcomes, per-rule
// findings by enforcement, resources ranked by findings, decisions and errors.

#include "warden/report/simulation.h"

#include <gtest/gtest.h>

namespace warden::report {
namespace {

engine::Violation Finding(const std::string& rule, policy::Enforcement enforcement,
                          const std::string& waived_by = "") {
  engine::Violation violation;
  violation.policy = "p";
  violation.rule = rule;
  violation.enforcement = enforcement;
  violation.waived_by = waived_by;
  return violation;
}

engine::DocumentResult Document(const std::string& name, engine::Outcome outcome,
                                std::vector<engine::Violation> violations) {
  engine::DocumentResult document;
  document.file = "k8s.yaml";
  document.resource.kind = "Pod";
  document.resource.name = name;
  engine::PolicyResult policy;
  policy.policy = "p";
  policy.outcome = outcome;
  policy.violations = std::move(violations);
  document.policies.push_back(policy);
  return document;
}

TEST(SimulationTest, CountsDocumentsPoliciesRulesAndRanksResources) {
  CheckReport report;
  report.results = {
      Document("quiet", engine::Outcome::kPass, {}),
      Document(
          "noisy", engine::Outcome::kFail,
          {Finding("r", policy::Enforcement::kEnforce), Finding("r", policy::Enforcement::kEnforce),
           Finding("w", policy::Enforcement::kWarn)}),
      Document("warned", engine::Outcome::kWarn, {Finding("w", policy::Enforcement::kWarn)}),
      Document("waived", engine::Outcome::kPass,
               {Finding("r", policy::Enforcement::kEnforce, "ok")}),
  };
  report.input_errors.push_back({"bad.yaml", 3, 1, "syntax"});
  SimulationBuilder builder(/*top_resources=*/1);
  builder.AddCheck(report);
  Simulation simulation = builder.Finish("b", "1", "prod");
  EXPECT_EQ(simulation.documents, 4u);
  EXPECT_EQ(simulation.blocked_documents, 1u);
  EXPECT_EQ(simulation.warned_documents, 1u);
  EXPECT_EQ(simulation.input_errors, 1u);
  ASSERT_EQ(simulation.policies.size(), 1u);
  EXPECT_EQ(simulation.policies[0].passed, 2u);
  EXPECT_EQ(simulation.policies[0].failed, 1u);
  EXPECT_EQ(simulation.policies[0].warned, 1u);
  ASSERT_EQ(simulation.policies[0].rules.size(), 2u);
  EXPECT_EQ(simulation.policies[0].rules[0].blocking, 2u);
  EXPECT_EQ(simulation.policies[0].rules[0].waived, 1u);
  EXPECT_EQ(simulation.policies[0].rules[1].warned, 2u);
  ASSERT_EQ(simulation.top_resources.size(), 1u);  // --top 1
  EXPECT_EQ(simulation.top_resources[0].blocking, 2u);
  ASSERT_EQ(simulation.errors.size(), 1u);
  EXPECT_EQ(simulation.errors[0].input, "bad.yaml:3:1");
}

TEST(SimulationTest, CountsDecisionsAndRequestErrors) {
  SimulationBuilder builder(10);
  engine::RequestDecision allow;
  allow.decision = engine::Decision::kAllow;
  allow.by_default = true;
  engine::RequestDecision deny;
  deny.decision = engine::Decision::kDeny;
  engine::DecidingRule rule;
  rule.policy = "p";
  rule.rule = "deny-all";
  deny.rules.push_back(rule);
  builder.AddDecision(allow, "r:1");
  builder.AddDecision(deny, "r:2");
  builder.AddDecision(deny, "r:3");
  builder.AddRequestError("", "r:4:1: unknown member `verb`");
  Simulation simulation = builder.Finish("b", "", "");
  EXPECT_EQ(simulation.requests, 3u);
  EXPECT_EQ(simulation.allowed, 1u);
  EXPECT_EQ(simulation.denied, 2u);
  EXPECT_EQ(simulation.decided_by_default, 1u);
  EXPECT_EQ(simulation.request_errors, 1u);
  ASSERT_EQ(simulation.policies.size(), 1u);
  EXPECT_EQ(simulation.policies[0].rules[0].decided, 2u);
  std::string table = RenderSimulation(simulation, SummaryFormat::kTable);
  EXPECT_NE(table.find("3 requests: 1 allow, 2 deny, 0 require_approval (1 by the default)"),
            std::string::npos)
      << table;
}

}  // namespace
}  // namespace warden::report
