#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

TEST(GithubTest, OneAnnotationPerUnwaivedFindingThenTheSummary) {
  EXPECT_EQ(
      Render(testing::SampleReportWithInputError(), Format::kGithub),
      "::error file=broken.yaml,line=3,col=7,title=warden/input-error::mapping values are not "
      "allowed here\n"
      "::error file=deploy/pod.yaml,line=12,col=9,title=privileged-containers/no-privileged::"
      "container `app` is privileged%0ARemediation: set securityContext.privileged to false\n"
      "::warning file=deploy/pod.yaml,line=14,col=11,title=resource-limits/require-memory-limit::"
      "container `app` has no memory limit%0ARemediation: set resources.limits.memory\n"
      "::error file=config/app.json,title=warden/evaluation-error::policy `json-port` rule "
      "`check-port` could not be evaluated: no such key: port%0Aat policies/json.yaml:7:16\n"
      "3 documents, 1 failed, 1 warned, 1 errored, 1 passed; 2 violations (1 blocking), 1 "
      "waived; 1 unreadable input\n");
}

TEST(GithubTest, CommandFollowsEnforcement) {
  const std::pair<policy::Enforcement, const char*> cases[] = {
      {policy::Enforcement::kEnforce, "::error "},
      {policy::Enforcement::kWarn, "::warning "},
      {policy::Enforcement::kAudit, "::notice "}};
  for (const auto& [enforcement, prefix] : cases) {
    SCOPED_TRACE(prefix);
    engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
    violation.enforcement = enforcement;
    EXPECT_EQ(Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kGithub)
                  .rfind(prefix, 0),
              0u);
  }
}

TEST(GithubTest, UnknownLineAndColumnAreLeftOut) {
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 0, 0);
  std::string out = Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kGithub);
  EXPECT_EQ(out.substr(0, out.find('\n')), "::error file=a.yaml,title=p/r::m");
  violation = testing::MakeViolation("p", "r", "m", 4, 0);
  out = Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kGithub);
  EXPECT_EQ(out.substr(0, out.find('\n')), "::error file=a.yaml,line=4,title=p/r::m");
}

TEST(GithubTest, EscapesDataAndPropertiesPerWorkflowCommandRules) {
  engine::Violation violation =
      testing::MakeViolation("p:1", "r,2", "100% sure\r\nkey: a, b \"q\" <x> é", 2, 3);
  const std::string out =
      Render(testing::SingleViolationReport(violation, ".\\dir,x\\a:b%.yaml"), Format::kGithub);
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "::error file=dir%2Cx/a%3Ab%25.yaml,line=2,col=3,title=p%3A1/r%2C2::"
            "100%25 sure%0D%0Akey: a, b \"q\" <x> é");
}

TEST(GithubTest, WaivedFindingsAreNotAnnotated) {
  const std::string out = Render(testing::SampleReport(), Format::kGithub);
  EXPECT_EQ(out.find("no-host-network"), std::string::npos);
}

}  // namespace
}  // namespace warden::report
