#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

TEST(MarkdownTest, RendersHeadingCountsAndFindingTables) {
  EXPECT_EQ(Render(testing::SampleReport(), Format::kMarkdown),
            "## Warden policy check: failed\n"
            "\n"
            "Bundle platform 1.2.0 (sha256 0123456789ab), environment prod\n"
            "\n"
            "| Documents | Policies evaluated | Passed | Failed | Warned | Errors | Violations | "
            "Blocking | Waived |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            "| 3 | 5 | 1 | 1 | 1 | 1 | 2 | 1 | 1 |\n"
            "\n"
            "### Blocking findings (1)\n"
            "\n"
            "| Location | Policy | Rule | Severity | Message |\n"
            "|---|---|---|---|---|\n"
            "| deploy/pod.yaml:12 | privileged-containers | no-privileged | high | container "
            "`app` is privileged |\n"
            "\n"
            "### Errors (1)\n"
            "\n"
            "| Location | Policy | Rule | Severity | Message |\n"
            "|---|---|---|---|---|\n"
            "| config/app.json | json-port | check-port |  | no such key: port |\n"
            "\n"
            "### Warnings (1)\n"
            "\n"
            "| Location | Policy | Rule | Severity | Message |\n"
            "|---|---|---|---|---|\n"
            "| deploy/pod.yaml:14 | resource-limits | require-memory-limit | medium | container "
            "`app` has no memory limit |\n"
            "\n"
            "### Waived (1)\n"
            "\n"
            "| Location | Policy | Rule | Severity | Message |\n"
            "|---|---|---|---|---|\n"
            "| deploy/pod.yaml:5 | privileged-containers | no-host-network | critical | pod uses "
            "the host network (waived by legacy-web) |\n");
}

TEST(MarkdownTest, HeadingSaysPassedOrPassedWithWarnings) {
  CheckReport report;
  EXPECT_EQ(Render(report, Format::kMarkdown).rfind("## Warden policy check: passed\n", 0), 0u);
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
  violation.enforcement = policy::Enforcement::kWarn;
  EXPECT_EQ(Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kMarkdown)
                .rfind("## Warden policy check: passed with warnings\n", 0),
            0u);
}

TEST(MarkdownTest, CapsEachTableAndSaysHowManyMore) {
  CheckReport report = testing::SampleReport();
  engine::Violation violation = report.results[0].policies[0].violations[0];
  for (int extra = 0; extra < 60; ++extra)
    report.results[0].policies[0].violations.push_back(violation);
  const std::string out = Render(report, Format::kMarkdown);
  EXPECT_NE(out.find("### Blocking findings (61)"), std::string::npos);
  EXPECT_EQ(testing::Count(out, "| privileged-containers | no-privileged |"), 50u);
  EXPECT_NE(out.find("\n_and 11 more_\n"), std::string::npos);

  RenderOptions unlimited;
  unlimited.max_rows = 0;
  EXPECT_EQ(testing::Count(Render(report, Format::kMarkdown, unlimited),
                           "| privileged-containers | no-privileged |"),
            61u);
}

TEST(MarkdownTest, ShowPassesAddsAPassedTable) {
  RenderOptions options;
  options.show_passes = true;
  const std::string out = Render(testing::SampleReport(), Format::kMarkdown, options);
  EXPECT_NE(out.find("### Passed (1)"), std::string::npos);
  EXPECT_NE(out.find("| deploy/pod.yaml (Service default/web) | service-type |"),
            std::string::npos);
  EXPECT_EQ(Render(testing::SampleReport(), Format::kMarkdown).find("### Passed"),
            std::string::npos);
}

TEST(MarkdownTest, EscapesCellsSoTheTableStaysIntact) {
  engine::Violation violation =
      testing::MakeViolation("p", "r", "a|b <img src=x> & \"q\"\nnext é", 1, 1);
  const std::string out =
      Render(testing::SingleViolationReport(violation, "a|b.yaml"), Format::kMarkdown);
  EXPECT_NE(
      out.find("| a\\|b.yaml:1 | p | r | medium | a\\|b &lt;img src=x&gt; &amp; \"q\"<br>next "
               "é |\n"),
      std::string::npos);
}

TEST(MarkdownTest, UnreadableInputsAreListedAsErrors) {
  const std::string out = Render(testing::SampleReportWithInputError(), Format::kMarkdown);
  EXPECT_NE(out.find("### Errors (2)"), std::string::npos);
  EXPECT_NE(out.find("| broken.yaml:3 |  |  |  | mapping values are not allowed here |"),
            std::string::npos);
}

}  // namespace
}  // namespace warden::report
