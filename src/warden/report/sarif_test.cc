#include <gtest/gtest.h>

#include <set>
#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

using testing::Get;
using testing::Int;
using testing::Str;

data::Document SampleSarif() {
  return testing::ParseJson(Render(testing::SampleReportWithInputError(), Format::kSarif));
}

TEST(SarifTest, HasSchemaVersionAndOneRunByWarden) {
  const data::Document doc = SampleSarif();
  const data::Node& root = *doc.root;
  EXPECT_EQ(Str(Get(root, {"$schema"})), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(Str(Get(root, {"version"})), "2.1.0");
  ASSERT_EQ(Get(root, {"runs"}).size(), 1u);
  EXPECT_EQ(Str(Get(root, {"runs", "0", "tool", "driver", "name"})), "warden");
  EXPECT_EQ(Str(Get(root, {"runs", "0", "tool", "driver", "version"})), "0.1.0");
  EXPECT_EQ(Str(Get(root, {"runs", "0", "columnKind"})), "unicodeCodePoints");
}

TEST(SarifTest, InformationUriOnlyWhenTheReportNamesOne) {
  CheckReport report = testing::SampleReport();
  data::Document doc = testing::ParseJson(Render(report, Format::kSarif));
  EXPECT_EQ(Get(*doc.root, {"runs", "0", "tool", "driver"}).Find("informationUri"), nullptr);
  report.tool_information_uri = "https://example.com/warden";
  doc = testing::ParseJson(Render(report, Format::kSarif));
  EXPECT_EQ(Str(Get(*doc.root, {"runs", "0", "tool", "driver", "informationUri"})),
            "https://example.com/warden");
}

TEST(SarifTest, RulesAreOnePerPolicyRulePairSortedWithSyntheticRulesLast) {
  const data::Document doc = SampleSarif();
  const data::Node& rules = Get(*doc.root, {"runs", "0", "tool", "driver", "rules"});
  std::vector<std::string> ids;
  for (const data::Node& rule : rules.items()) ids.push_back(Str(Get(rule, {"id"})));
  EXPECT_EQ(ids, (std::vector<std::string>{"privileged-containers/no-host-network",
                                           "privileged-containers/no-privileged",
                                           "resource-limits/require-memory-limit",
                                           "warden/evaluation-error", "warden/input-error"}));
}

TEST(SarifTest, RuleDescribesPolicyWithHelpLevelAndSecuritySeverity) {
  const data::Document doc = SampleSarif();
  const data::Node& rule = Get(*doc.root, {"runs", "0", "tool", "driver", "rules", "1"});
  EXPECT_EQ(Str(Get(rule, {"name"})), "privileged-containers/no-privileged");
  EXPECT_EQ(Str(Get(rule, {"shortDescription", "text"})), "Containers must not be privileged");
  EXPECT_EQ(Str(Get(rule, {"fullDescription", "text"})),
            "Privileged containers are disallowed: Containers must not be privileged");
  EXPECT_NE(Str(Get(rule, {"help", "text"})).find("Remediation: set securityContext.privileged"),
            std::string::npos);
  EXPECT_NE(Str(Get(rule, {"help", "markdown"})).find("**Remediation:**"), std::string::npos);
  EXPECT_EQ(Str(Get(rule, {"defaultConfiguration", "level"})), "error");
  EXPECT_EQ(Str(Get(rule, {"properties", "tags", "0"})), "security");
  EXPECT_EQ(Str(Get(rule, {"properties", "tags", "1"})), "pss:baseline");
  EXPECT_EQ(Str(Get(rule, {"properties", "security-severity"})), "8.0");
  const data::Node& warn_rule = Get(*doc.root, {"runs", "0", "tool", "driver", "rules", "2"});
  EXPECT_EQ(Str(Get(warn_rule, {"defaultConfiguration", "level"})), "warning");
  EXPECT_EQ(Str(Get(warn_rule, {"properties", "security-severity"})), "5.5");
}

TEST(SarifTest, SecuritySeverityFollowsTheDocumentedScale) {
  const std::pair<policy::Severity, const char*> cases[] = {{policy::Severity::kCritical, "9.5"},
                                                            {policy::Severity::kHigh, "8.0"},
                                                            {policy::Severity::kMedium, "5.5"},
                                                            {policy::Severity::kLow, "3.0"},
                                                            {policy::Severity::kInfo, "1.0"}};
  for (const auto& [severity, score] : cases) {
    SCOPED_TRACE(policy::SeverityName(severity));
    engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
    violation.severity = severity;
    const data::Document doc = testing::ParseJson(
        Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kSarif));
    EXPECT_EQ(Str(Get(*doc.root, {"runs", "0", "tool", "driver", "rules", "0", "properties",
                                  "security-severity"})),
              score);
  }
}

TEST(SarifTest, ResultsPointAtRulesByIdAndIndex) {
  const data::Document doc = SampleSarif();
  const data::Node& run = Get(*doc.root, {"runs", "0"});
  const data::Node& rules = Get(run, {"tool", "driver", "rules"});
  const data::Node& results = Get(run, {"results"});
  // 3 violations (one waived), 1 evaluation error, 1 input error.
  ASSERT_EQ(results.size(), 5u);
  for (const data::Node& result : results.items()) {
    const int64_t index = Int(Get(result, {"ruleIndex"}));
    ASSERT_GE(index, 0);
    ASSERT_LT(static_cast<size_t>(index), rules.size());
    EXPECT_EQ(Str(Get(result, {"ruleId"})),
              Str(Get(rules.item(static_cast<size_t>(index)), {"id"})));
    EXPECT_FALSE(Str(Get(result, {"message", "text"})).empty());
    const data::Node& region = Get(result, {"locations", "0", "physicalLocation", "region"});
    EXPECT_GE(Int(Get(region, {"startLine"})), 1);
    EXPECT_GE(Int(Get(region, {"startColumn"})), 1);
    EXPECT_EQ(Str(Get(result, {"partialFingerprints", "warden/v1"})).size(), 64u);
  }
}

TEST(SarifTest, ViolationResultHasLevelLocationAndFingerprint) {
  const data::Document doc = SampleSarif();
  const data::Node& result = Get(*doc.root, {"runs", "0", "results", "0"});
  EXPECT_EQ(Str(Get(result, {"ruleId"})), "privileged-containers/no-privileged");
  EXPECT_EQ(Str(Get(result, {"level"})), "error");
  EXPECT_EQ(Str(Get(result, {"message", "text"})), "container `app` is privileged");
  const data::Node& location = Get(result, {"locations", "0", "physicalLocation"});
  EXPECT_EQ(Str(Get(location, {"artifactLocation", "uri"})), "deploy/pod.yaml");
  EXPECT_EQ(Str(Get(location, {"artifactLocation", "uriBaseId"})), "%SRCROOT%");
  EXPECT_EQ(Int(Get(location, {"region", "startLine"})), 12);
  EXPECT_EQ(Int(Get(location, {"region", "startColumn"})), 9);
  EXPECT_EQ(result.Find("suppressions"), nullptr);
  EXPECT_EQ(Str(Get(result, {"properties", "path"})),
            "spec.containers[0].securityContext.privileged");
}

TEST(SarifTest, WaivedFindingIsKeptWithAnExternalSuppression) {
  const data::Document doc = SampleSarif();
  const data::Node& result = Get(*doc.root, {"runs", "0", "results", "1"});
  EXPECT_EQ(Str(Get(result, {"ruleId"})), "privileged-containers/no-host-network");
  EXPECT_EQ(Str(Get(result, {"suppressions", "0", "kind"})), "external");
  EXPECT_EQ(Str(Get(result, {"suppressions", "0", "justification"})),
            "waived by exception `legacy-web`");
}

TEST(SarifTest, LevelFollowsEnforcement) {
  const std::pair<policy::Enforcement, const char*> cases[] = {
      {policy::Enforcement::kEnforce, "error"},
      {policy::Enforcement::kWarn, "warning"},
      {policy::Enforcement::kAudit, "note"}};
  for (const auto& [enforcement, level] : cases) {
    SCOPED_TRACE(level);
    engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
    violation.enforcement = enforcement;
    const data::Document doc = testing::ParseJson(
        Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kSarif));
    EXPECT_EQ(Str(Get(*doc.root, {"runs", "0", "results", "0", "level"})), level);
  }
}

TEST(SarifTest, UnknownLineStartsAtLineOneColumnOne) {
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 0, 0);
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kSarif));
  const data::Node& region =
      Get(*doc.root, {"runs", "0", "results", "0", "locations", "0", "physicalLocation", "region"});
  EXPECT_EQ(Int(Get(region, {"startLine"})), 1);
  EXPECT_EQ(Int(Get(region, {"startColumn"})), 1);
}

TEST(SarifTest, EvaluationErrorIsAResultOfTheEvaluationErrorRule) {
  const data::Document doc = SampleSarif();
  const data::Node& result = Get(*doc.root, {"runs", "0", "results", "3"});
  EXPECT_EQ(Str(Get(result, {"ruleId"})), "warden/evaluation-error");
  EXPECT_EQ(Str(Get(result, {"level"})), "error");
  EXPECT_EQ(Str(Get(result, {"message", "text"})),
            "policy `json-port` rule `check-port` could not be evaluated: no such key: port");
  EXPECT_EQ(Str(Get(result, {"locations", "0", "physicalLocation", "artifactLocation", "uri"})),
            "config/app.json");
  const data::Node& related = Get(result, {"relatedLocations", "0", "physicalLocation"});
  EXPECT_EQ(Str(Get(related, {"artifactLocation", "uri"})), "policies/json.yaml");
  EXPECT_EQ(Int(Get(related, {"region", "startLine"})), 7);
}

TEST(SarifTest, InputErrorIsAResultAndANotificationAndMarksTheRunUnsuccessful) {
  const data::Document doc = SampleSarif();
  const data::Node& run = Get(*doc.root, {"runs", "0"});
  const data::Node& result = Get(run, {"results", "4"});
  EXPECT_EQ(Str(Get(result, {"ruleId"})), "warden/input-error");
  EXPECT_EQ(Int(Get(result, {"locations", "0", "physicalLocation", "region", "startLine"})), 3);
  EXPECT_FALSE(Get(run, {"invocations", "0", "executionSuccessful"}).bool_value());
  EXPECT_EQ(
      Str(Get(run, {"invocations", "0", "toolExecutionNotifications", "0", "message", "text"})),
      "mapping values are not allowed here");

  const data::Document clean = testing::ParseJson(Render(testing::SampleReport(), Format::kSarif));
  EXPECT_TRUE(
      Get(*clean.root, {"runs", "0", "invocations", "0", "executionSuccessful"}).bool_value());
}

TEST(SarifTest, FingerprintsAreStableAcrossLineMovesAndDistinctPerFinding) {
  const data::Document doc = SampleSarif();
  std::set<std::string> seen;
  for (const data::Node& result : Get(*doc.root, {"runs", "0", "results"}).items()) {
    EXPECT_TRUE(seen.insert(Str(Get(result, {"partialFingerprints", "warden/v1"}))).second);
  }

  CheckReport moved = testing::SampleReport();
  moved.results[0].policies[0].violations[0].line = 40;
  moved.results[0].policies[0].violations[0].column = 2;
  const data::Document moved_doc = testing::ParseJson(Render(moved, Format::kSarif));
  EXPECT_EQ(
      Str(Get(*moved_doc.root, {"runs", "0", "results", "0", "partialFingerprints", "warden/v1"})),
      Str(Get(*doc.root, {"runs", "0", "results", "0", "partialFingerprints", "warden/v1"})));

  CheckReport renamed = testing::SampleReport();
  renamed.results[0].resource.name = "api";
  const data::Document renamed_doc = testing::ParseJson(Render(renamed, Format::kSarif));
  EXPECT_NE(Str(Get(*renamed_doc.root,
                    {"runs", "0", "results", "0", "partialFingerprints", "warden/v1"})),
            Str(Get(*doc.root, {"runs", "0", "results", "0", "partialFingerprints", "warden/v1"})));
}

TEST(SarifTest, UrisUseForwardSlashesAndPercentEncoding) {
  const std::pair<const char*, const char*> cases[] = {
      {"./deploy/pod.yaml", "deploy/pod.yaml"},
      {"deploy\\win\\pod.yaml", "deploy/win/pod.yaml"},
      {"my dir/a#1%.yaml", "my%20dir/a%231%25.yaml"},
      {"naïve.yaml", "na%C3%AFve.yaml"},
      {"c:d.yaml", "c%3Ad.yaml"}};
  for (const auto& [file, uri] : cases) {
    SCOPED_TRACE(file);
    engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
    const data::Document doc =
        testing::ParseJson(Render(testing::SingleViolationReport(violation, file), Format::kSarif));
    const data::Node& location = Get(*doc.root, {"runs", "0", "results", "0", "locations", "0",
                                                 "physicalLocation", "artifactLocation"});
    EXPECT_EQ(Str(Get(location, {"uri"})), uri);
    EXPECT_EQ(Str(Get(location, {"uriBaseId"})), "%SRCROOT%");
  }
}

TEST(SarifTest, AbsolutePathsBecomeFileUrisWithoutABase) {
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "/srv/repo/a b.yaml"), Format::kSarif));
  const data::Node& location = Get(*doc.root, {"runs", "0", "results", "0", "locations", "0",
                                               "physicalLocation", "artifactLocation"});
  EXPECT_EQ(Str(Get(location, {"uri"})), "file:///srv/repo/a%20b.yaml");
  EXPECT_EQ(location.Find("uriBaseId"), nullptr);

  const data::Document windows = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "C:\\repo\\a.yaml"), Format::kSarif));
  EXPECT_EQ(Str(Get(*windows.root, {"runs", "0", "results", "0", "locations", "0",
                                    "physicalLocation", "artifactLocation", "uri"})),
            "file:///C:/repo/a.yaml");
}

TEST(SarifTest, MessagesWithQuotesNewlinesAndUnicodeReadBackExactly) {
  const std::string tricky = "say \"hi\" <b> & \\ \nline two é 日本";
  engine::Violation violation = testing::MakeViolation("p", "r", tricky, 1, 1);
  violation.remediation = tricky;
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kSarif));
  EXPECT_EQ(Str(Get(*doc.root, {"runs", "0", "results", "0", "message", "text"})), tricky);
  EXPECT_NE(Str(Get(*doc.root, {"runs", "0", "tool", "driver", "rules", "0", "help", "text"}))
                .find(tricky),
            std::string::npos);
}

}  // namespace
}  // namespace warden::report
