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

TEST(GitlabTest, IsAnArrayOfCodeQualityIssues) {
  const data::Document doc =
      testing::ParseJson(Render(testing::SampleReportWithInputError(), Format::kGitlab));
  const data::Node& issues = *doc.root;
  ASSERT_TRUE(issues.is_list());
  // input error, blocking violation, warning, evaluation error (the waived one is left out).
  ASSERT_EQ(issues.size(), 4u);
  for (const data::Node& issue : issues.items()) {
    EXPECT_FALSE(Str(Get(issue, {"description"})).empty());
    EXPECT_FALSE(Str(Get(issue, {"check_name"})).empty());
    EXPECT_EQ(Str(Get(issue, {"fingerprint"})).size(), 64u);
    EXPECT_FALSE(Str(Get(issue, {"location", "path"})).empty());
    EXPECT_GE(Int(Get(issue, {"location", "lines", "begin"})), 1);
  }
  const data::Node& violation = issues.item(1);
  EXPECT_EQ(Str(Get(violation, {"description"})), "container `app` is privileged");
  EXPECT_EQ(Str(Get(violation, {"check_name"})), "privileged-containers/no-privileged");
  EXPECT_EQ(Str(Get(violation, {"severity"})), "critical");
  EXPECT_EQ(Str(Get(violation, {"location", "path"})), "deploy/pod.yaml");
  EXPECT_EQ(Int(Get(violation, {"location", "lines", "begin"})), 12);
  EXPECT_EQ(Str(Get(violation, {"content", "body"})), "set securityContext.privileged to false");
  EXPECT_EQ(Str(Get(issues.item(0), {"check_name"})), "warden/input-error");
  EXPECT_EQ(Str(Get(issues.item(3), {"check_name"})), "warden/evaluation-error");
  EXPECT_EQ(Str(Get(issues.item(3), {"severity"})), "blocker");
}

TEST(GitlabTest, SeverityMapsOntoGitlabScale) {
  const std::pair<policy::Severity, const char*> cases[] = {
      {policy::Severity::kInfo, "info"},
      {policy::Severity::kLow, "minor"},
      {policy::Severity::kMedium, "major"},
      {policy::Severity::kHigh, "critical"},
      {policy::Severity::kCritical, "blocker"}};
  for (const auto& [severity, expected] : cases) {
    SCOPED_TRACE(expected);
    engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
    violation.severity = severity;
    const data::Document doc = testing::ParseJson(
        Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kGitlab));
    EXPECT_EQ(Str(Get(*doc.root, {"0", "severity"})), expected);
  }
}

TEST(GitlabTest, FingerprintsAreUniqueEvenForIdenticalFindings) {
  CheckReport report = testing::SampleReport();
  // The same finding twice in one resource (two containers with the same message).
  engine::Violation copy = report.results[0].policies[0].violations[0];
  copy.line = 30;
  report.results[0].policies[0].violations.push_back(copy);
  const data::Document doc = testing::ParseJson(Render(report, Format::kGitlab));
  std::set<std::string> fingerprints;
  for (const data::Node& issue : doc.root->items()) {
    EXPECT_TRUE(fingerprints.insert(Str(Get(issue, {"fingerprint"}))).second);
  }
  EXPECT_EQ(fingerprints.size(), doc.root->size());
}

TEST(GitlabTest, FingerprintIgnoresLineMoves) {
  CheckReport report = testing::SampleReport();
  const data::Document before = testing::ParseJson(Render(report, Format::kGitlab));
  report.results[0].policies[0].violations[0].line = 99;
  const data::Document after = testing::ParseJson(Render(report, Format::kGitlab));
  EXPECT_EQ(Str(Get(*before.root, {"0", "fingerprint"})),
            Str(Get(*after.root, {"0", "fingerprint"})));
}

TEST(GitlabTest, PathsAreRelativeWithForwardSlashes) {
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 0, 0);
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, ".\\k8s\\a b.yaml"), Format::kGitlab));
  EXPECT_EQ(Str(Get(*doc.root, {"0", "location", "path"})), "k8s/a b.yaml");
  EXPECT_EQ(Int(Get(*doc.root, {"0", "location", "lines", "begin"})), 1);
}

TEST(GitlabTest, DescriptionsReadBackExactly) {
  const std::string tricky = "say \"hi\" <b> & \\ \nline two é 日本";
  engine::Violation violation = testing::MakeViolation("p", "r", tricky, 1, 1);
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kGitlab));
  EXPECT_EQ(Str(Get(*doc.root, {"0", "description"})), tricky);
}

TEST(GitlabTest, EmptyReportIsAnEmptyArray) {
  EXPECT_EQ(Render(CheckReport{}, Format::kGitlab), "[]\n");
}

}  // namespace
}  // namespace warden::report
