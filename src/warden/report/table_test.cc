#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

TEST(TableTest, GroupsFindingsByFileThenDocumentAndEndsWithTheSummary) {
  EXPECT_EQ(Render(testing::SampleReportWithInputError(), Format::kTable),
            "broken.yaml:3:7: error: mapping values are not allowed here\n"
            "\n"
            "deploy/pod.yaml\n"
            "  Pod default/web (document 0)\n"
            "    ✗ privileged-containers/no-privileged [high] container `app` is privileged\n"
            "      deploy/pod.yaml:12:9  spec.containers[0].securityContext.privileged\n"
            "      remediation: set securityContext.privileged to false\n"
            "    ~ privileged-containers/no-host-network [critical] pod uses the host network "
            "(waived by legacy-web)\n"
            "      deploy/pod.yaml:5:3  spec.hostNetwork\n"
            "    ! resource-limits/require-memory-limit [medium] container `app` has no memory "
            "limit (warn)\n"
            "      deploy/pod.yaml:14:11  spec.containers[0].resources\n"
            "      remediation: set resources.limits.memory\n"
            "\n"
            "config/app.json\n"
            "  document 0\n"
            "    ✗ json-port/check-port evaluation error: no such key: port\n"
            "      policies/json.yaml:7:16\n"
            "\n"
            "3 documents, 1 failed, 1 warned, 1 errored, 1 passed; 2 violations (1 blocking), 1 "
            "waived; 1 unreadable input\n");
}

TEST(TableTest, PassesAppearOnlyWithShowPasses) {
  RenderOptions options;
  EXPECT_EQ(Render(testing::SampleReport(), Format::kTable, options).find("service-type"),
            std::string::npos);
  options.show_passes = true;
  const std::string out = Render(testing::SampleReport(), Format::kTable, options);
  EXPECT_NE(out.find("  Service default/web (document 1)\n    ✓ service-type\n"),
            std::string::npos);
}

TEST(TableTest, QuietPrintsOnlyBlockingFindingsErrorsAndTheSummary) {
  RenderOptions options;
  options.quiet = true;
  EXPECT_EQ(Render(testing::SampleReportWithInputError(), Format::kTable, options),
            "broken.yaml:3:7: error: mapping values are not allowed here\n"
            "deploy/pod.yaml:12:9: ✗ privileged-containers/no-privileged [high] container `app` "
            "is privileged\n"
            "config/app.json: evaluation error: json-port/check-port: no such key: port\n"
            "3 documents, 1 failed, 1 warned, 1 errored, 1 passed; 2 violations (1 blocking), 1 "
            "waived; 1 unreadable input\n");
}

TEST(TableTest, CleanRunIsJustTheSummary) {
  CheckReport report = testing::SampleReport();
  report.results.erase(report.results.begin());
  report.results.pop_back();
  EXPECT_EQ(Render(report, Format::kTable),
            "1 document, 0 failed, 0 warned, 1 passed; 0 violations (0 blocking)\n");
}

TEST(TableTest, ColoursOnlyWhenAsked) {
  const CheckReport report = testing::SampleReport();
  EXPECT_EQ(Render(report, Format::kTable).find('\x1b'), std::string::npos);
  RenderOptions options;
  options.color = true;
  const std::string out = Render(report, Format::kTable, options);
  EXPECT_NE(out.find("\x1b[31m✗\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[33m!\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[31m3 documents"), std::string::npos);  // blocked: red summary
}

TEST(TableTest, DocumentTextCannotEmitTerminalEscapes) {
  engine::Violation violation =
      testing::MakeViolation("p", "r", "evil \x1b]0;title\x07 \x1b[2J\nsecond line", 1, 1);
  const std::string out =
      Render(testing::SingleViolationReport(violation, "a\x1b.yaml"), Format::kTable);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("evil \\x1B]0;title\\x07 \\x1B[2J\n      second line"), std::string::npos);
  EXPECT_NE(out.find("a\\x1B.yaml"), std::string::npos);
}

TEST(TableTest, AuditFindingsAreMarkedAndUnicodePassesThrough) {
  engine::Violation violation = testing::MakeViolation("p", "r", "größe 日本 \"q\" <x> & y", 1, 1);
  violation.enforcement = policy::Enforcement::kAudit;
  const std::string out =
      Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kTable);
  EXPECT_NE(out.find("    · p/r [medium] größe 日本 \"q\" <x> & y (audit)\n"), std::string::npos);
}

}  // namespace
}  // namespace warden::report
