// Coverage totals: two outcomes per rule and per branch, summed per policy, file and
// bundle.

#include "warden/tester/coverage_summary.h"

#include <gtest/gtest.h>

namespace warden::tester {
namespace {

TEST(CoverageSummaryTest, CountsTwoOutcomesPerRuleAndBranch) {
  engine::CoverageRecorder::Rule rule;
  rule.fired = 2;
  rule.not_fired = 0;
  rule.branches.push_back({"a", 1, 1, 0});
  rule.branches.push_back({"b", 0, 3, 1});
  CoverageTotals totals = RuleTotals(rule);
  EXPECT_EQ(totals.total, 6u);
  EXPECT_EQ(totals.covered, 4u);  // fired; a true and false; b false
  EXPECT_NEAR(totals.percent(), 66.67, 0.01);
  EXPECT_EQ(CoverageTotals{}.percent(), 100.0);  // nothing to cover
}

TEST(CoverageSummaryTest, GroupsPoliciesByFileAndSumsTotals) {
  policy::CompiledBundle bundle;
  auto add_policy = [&](const std::string& name, const std::string& file) {
    policy::CompiledPolicy policy;
    policy.name = name;
    policy.location.file = file;
    policy::CompiledRule rule;
    rule.id = "r";
    policy.rules.push_back(std::move(rule));
    bundle.policies.push_back(std::move(policy));
  };
  add_policy("late", "z.yaml");
  add_policy("early", "a.yaml");
  add_policy("sibling", "z.yaml");
  engine::CoverageRecorder recorder;
  recorder.Register(bundle);
  const policy::CompiledPolicy& late = bundle.policies[0];
  recorder.RecordCondition(late, late.rules[0], /*fired=*/true, /*error=*/false);
  recorder.RecordCondition(late, late.rules[0], /*fired=*/false, /*error=*/false);
  const policy::CompiledPolicy& early = bundle.policies[1];
  recorder.RecordCondition(early, early.rules[0], /*fired=*/true, /*error=*/false);

  CoverageSummary summary = SummarizeCoverage(recorder);
  ASSERT_EQ(summary.files.size(), 2u);
  EXPECT_EQ(summary.files[0].file, "a.yaml");  // sorted by file
  EXPECT_EQ(summary.files[0].totals.covered, 1u);
  EXPECT_EQ(summary.files[0].totals.total, 2u);
  ASSERT_EQ(summary.files[1].policies.size(), 2u);
  EXPECT_EQ(summary.files[1].policies[0].policy.name, "late");  // registration order
  EXPECT_EQ(summary.files[1].policies[0].totals.covered, 2u);
  EXPECT_EQ(summary.files[1].policies[1].totals.covered, 0u);  // never evaluated
  EXPECT_EQ(summary.totals.covered, 3u);
  EXPECT_EQ(summary.totals.total, 6u);
  EXPECT_DOUBLE_EQ(summary.totals.percent(), 50.0);
}

}  // namespace
}  // namespace warden::tester
