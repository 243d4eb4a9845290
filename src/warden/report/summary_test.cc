#include <gtest/gtest.h>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

TEST(SummarizeTest, CountsOutcomesPerDocumentPolicyPair) {
  const Summary summary = Summarize(testing::SampleReport());
  EXPECT_EQ(summary.documents, 3u);
  EXPECT_EQ(summary.policies_evaluated, 5u);
  EXPECT_EQ(summary.passed, 1u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.warned, 1u);
  EXPECT_EQ(summary.errored, 1u);
  EXPECT_EQ(summary.skipped, 1u);
}

TEST(SummarizeTest, CountsUnwaivedViolationsByEnforcementAndWaivedApart) {
  const Summary summary = Summarize(testing::SampleReport());
  EXPECT_EQ(summary.violations, 2u);
  EXPECT_EQ(summary.blocking, 1u);
  EXPECT_EQ(summary.warnings, 1u);
  EXPECT_EQ(summary.audited, 0u);
  EXPECT_EQ(summary.waived, 1u);
  EXPECT_EQ(summary.evaluation_errors, 1u);
  EXPECT_EQ(summary.blocking_errors, 1u);
  EXPECT_EQ(summary.CountOf(policy::Severity::kHigh), 1u);
  EXPECT_EQ(summary.CountOf(policy::Severity::kMedium), 1u);
  // The waived finding is critical but is not counted by severity.
  EXPECT_EQ(summary.CountOf(policy::Severity::kCritical), 0u);
}

TEST(SummarizeTest, BlockedByBlockingViolationErrorUnderEnforceOrUnreadableInput) {
  EXPECT_TRUE(Summarize(testing::SampleReport()).blocked());

  CheckReport clean;
  EXPECT_FALSE(Summarize(clean).blocked());

  clean.input_errors.push_back({"x.yaml", 1, 1, "bad"});
  EXPECT_TRUE(Summarize(clean).blocked());

  CheckReport only_warn_error = testing::SampleReport();
  only_warn_error.results.erase(only_warn_error.results.begin());  // the failing pod
  EXPECT_TRUE(Summarize(only_warn_error).blocked());               // json-port errors under enforce
  only_warn_error.results.back().policies[0].enforcement = policy::Enforcement::kWarn;
  EXPECT_FALSE(Summarize(only_warn_error).blocked());
}

TEST(SummarizeTest, AuditFindingsDoNotBlock) {
  engine::Violation violation = testing::MakeViolation("p", "r", "m", 1, 1);
  violation.enforcement = policy::Enforcement::kAudit;
  const Summary summary = Summarize(testing::SingleViolationReport(violation, "a.yaml"));
  EXPECT_EQ(summary.audited, 1u);
  EXPECT_EQ(summary.blocking, 0u);
  EXPECT_FALSE(summary.blocked());
}

TEST(SummaryLineTest, MatchesTheDocumentedShape) {
  Summary summary;
  summary.documents = 12;
  summary.failed = 3;
  summary.warned = 1;
  summary.passed = 40;
  summary.violations = 5;
  summary.blocking = 4;
  EXPECT_EQ(SummaryLine(summary),
            "12 documents, 3 failed, 1 warned, 40 passed; 5 violations (4 blocking)");
}

TEST(SummaryLineTest, MentionsErrorsWaiversAndUnreadableInputsOnlyWhenPresent) {
  Summary summary = Summarize(testing::SampleReportWithInputError());
  EXPECT_EQ(SummaryLine(summary),
            "3 documents, 1 failed, 1 warned, 1 errored, 1 passed; 2 violations (1 blocking), "
            "1 waived; 1 unreadable input");
  Summary single;
  single.documents = 1;
  single.violations = 1;
  EXPECT_EQ(SummaryLine(single),
            "1 document, 0 failed, 0 warned, 0 passed; 1 violation (0 blocking)");
}

}  // namespace
}  // namespace warden::report
