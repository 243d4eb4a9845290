#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

engine::RequestDecision SampleDecision() {
  engine::RequestDecision decision;
  decision.decision = engine::Decision::kRequireApproval;
  decision.rules.push_back({"phi-access", "needs-approval", policy::Effect::kRequireApproval,
                            "access to `dataset://phi/x` needs approval"});
  decision.reasons = {"access to `dataset://phi/x` needs approval"};
  decision.obligations.push_back(
      {"approval", "phi-access", "needs-approval", {"privacy-officer", "data-owner"}});
  decision.warnings.push_back({"working-hours", "after-hours", policy::Effect::kWarn, "late"});
  decision.bundle_name = "platform";
  decision.bundle_version = "1.2.0";
  decision.bundle_digest = "0123456789abcdef0123";
  decision.decision_id = "6f1c2b9e-0d4a-4c55-9e1f-2a3b4c5d6e7f";
  decision.evaluated_at_seconds = 1767225600;  // 2026-01-01T00:00:00Z
  decision.evaluated_at_nanos = 250000000;
  decision.duration_ns = 1234;
  return decision;
}

TEST(DecisionJsonTest, IsOneLineWithTheDocumentedKeysInOrder) {
  EXPECT_EQ(
      RenderDecisionJson(SampleDecision()),
      "{\"decision\": \"require_approval\", \"rules\": [{\"policy\": \"phi-access\", \"rule\": "
      "\"needs-approval\", \"effect\": \"require_approval\", \"message\": \"access to "
      "`dataset://phi/x` needs approval\"}], \"reasons\": [\"access to `dataset://phi/x` needs "
      "approval\"], \"obligations\": [{\"type\": \"approval\", \"policy\": \"phi-access\", "
      "\"rule\": \"needs-approval\", \"approvers\": [\"privacy-officer\", \"data-owner\"]}], "
      "\"warnings\": [{\"policy\": \"working-hours\", \"rule\": \"after-hours\", \"effect\": "
      "\"warn\", \"message\": \"late\"}], \"audits\": [], \"waived\": [], \"waived_by\": [], "
      "\"errors\": [], \"default\": false, \"bundle\": {\"name\": \"platform\", \"version\": "
      "\"1.2.0\", \"digest\": \"0123456789abcdef0123\"}, \"decision_id\": "
      "\"6f1c2b9e-0d4a-4c55-9e1f-2a3b4c5d6e7f\", \"evaluated_at\": "
      "\"2026-01-01T00:00:00.25Z\", \"duration_ns\": 1234}");
}

TEST(DecisionJsonTest, DefaultDenyWithErrorsAndEscapedText) {
  engine::RequestDecision decision;
  decision.decision = engine::Decision::kDeny;
  decision.by_default = true;
  decision.reasons = {"no rule allowed \"read\"\non <x> é"};
  decision.errors.push_back({"p", "r", "no such key: `a`", "policies/p.yaml", 3, 9});
  const std::string line = RenderDecisionJson(decision);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const data::Document doc = testing::ParseJson(line);
  EXPECT_EQ(testing::Str(testing::Get(*doc.root, {"decision"})), "deny");
  EXPECT_TRUE(testing::Get(*doc.root, {"default"}).bool_value());
  EXPECT_EQ(testing::Str(testing::Get(*doc.root, {"reasons", "0"})),
            "no rule allowed \"read\"\non <x> é");
  EXPECT_EQ(testing::Int(testing::Get(*doc.root, {"errors", "0", "line"})), 3);
  EXPECT_EQ(testing::Str(testing::Get(*doc.root, {"errors", "0", "file"})), "policies/p.yaml");
  // Not stamped by a service and no evaluation time: empty id and time, zero duration.
  EXPECT_EQ(testing::Str(testing::Get(*doc.root, {"decision_id"})), "");
  EXPECT_EQ(testing::Str(testing::Get(*doc.root, {"evaluated_at"})), "");
  EXPECT_EQ(testing::Int(testing::Get(*doc.root, {"duration_ns"})), 0);
}

TEST(ExplainTest, ListsDecisionRulesObligationsAndEverySteps) {
  const std::vector<engine::ExplainStep> steps = {
      {"phi-access", "needs-approval", "true", "decided: require_approval"},
      {"phi-access", "deny-external", "false", ""},
      {"working-hours", "after-hours", "true", "warn only"},
      {"legacy", "", "skipped: match.when is false", ""}};
  EXPECT_EQ(RenderExplain(SampleDecision(), steps),
            "decision: require_approval\n"
            "bundle: platform 1.2.0 (sha256 0123456789ab)\n"
            "decision id: 6f1c2b9e-0d4a-4c55-9e1f-2a3b4c5d6e7f\n"
            "evaluated at: 2026-01-01T00:00:00.25Z\n"
            "decided by:\n"
            "  phi-access/needs-approval (require_approval): access to `dataset://phi/x` needs "
            "approval\n"
            "reasons:\n"
            "  - access to `dataset://phi/x` needs approval\n"
            "obligations:\n"
            "  approval from phi-access/needs-approval: privacy-officer, data-owner\n"
            "warnings:\n"
            "  working-hours/after-hours (warn): late\n"
            "evaluation:\n"
            "  1. phi-access/needs-approval -> true  (decided: require_approval)\n"
            "  2. phi-access/deny-external -> false\n"
            "  3. working-hours/after-hours -> true  (warn only)\n"
            "  4. legacy -> skipped: match.when is false\n");
}

TEST(ExplainTest, DefaultDecisionWithoutStepsSaysSo) {
  engine::RequestDecision decision;
  decision.decision = engine::Decision::kDeny;
  decision.by_default = true;
  decision.errors.push_back({"p", "r", "boom\x1b[2J", "p.yaml", 1, 2});
  EXPECT_EQ(RenderExplain(decision, {}),
            "decision: deny (no rule decided: the bundle's default)\n"
            "errors:\n"
            "  p/r: boom\\x1B[2J (p.yaml:1:2)\n"
            "evaluation:\n"
            "  no candidate rules\n");
}

}  // namespace
}  // namespace warden::report
