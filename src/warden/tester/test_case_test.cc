// Reading Test documents into cases: inputs, settings, expectations, and every problem
// reported at its line and column with its code.

#include "warden/tester/test_case.h"

#include <gtest/gtest.h>

#include <string>

#include "warden/policy/loader.h"

namespace warden::tester {
namespace {

struct Read {
  policy::PolicySet set;
  Diagnostics diagnostics;
  std::vector<TestCase> cases;
};

// Loads one Test document whose `cases:` list is `cases_yaml` (indented by four spaces).
Read ReadCases(const std::string& cases_yaml) {
  Read out;
  std::string text =
      "apiVersion: warden/v1\nkind: Test\nmetadata: {name: unit}\nspec:\n  cases:\n" + cases_yaml;
  policy::LoadText(text, "dir/unit_test.yaml", out.set, out.diagnostics);
  for (const policy::TestDoc& test : out.set.tests) {
    auto cases = ReadTestCases(test, out.diagnostics);
    out.cases.insert(out.cases.end(), cases.begin(), cases.end());
  }
  return out;
}

std::vector<std::string> Codes(const Diagnostics& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    codes.push_back(diagnostic.code + "@" + std::to_string(diagnostic.location.position.line));
  }
  return codes;
}

TEST(TestCaseTest, ReadsEveryKindOfInputAndSetting) {
  Read read = ReadCases(R"(    - name: from a file
      input: {file: ../fixtures/pod.yaml}
      environment: prod
      now: 2026-01-02T03:04:05Z
      params: {minimum: 3}
      exceptions: [waivers.yaml]
      expect: {outcome: fail}
    - name: inline document
      document: {kind: Pod}
      expect: {outcome: pass, violations: []}
    - name: inline request
      request: {action: read}
      expect: {decision: allow}
    - name: request from a file
      input: {file: request.json}
      expect: {decision: deny}
)");
  ASSERT_TRUE(read.diagnostics.empty()) << FormatDiagnostic(read.diagnostics.items()[0]);
  ASSERT_EQ(read.cases.size(), 4u);
  const TestCase& file = read.cases[0];
  EXPECT_EQ(file.FullName(), "unit / from a file");
  EXPECT_EQ(file.location.ToString(), "dir/unit_test.yaml:6:7");
  EXPECT_EQ(file.input, InputKind::kFile);
  EXPECT_EQ(file.input_file, "fixtures/pod.yaml");  // relative to the test file, normalized
  EXPECT_EQ(file.environment, "prod");
  EXPECT_TRUE(file.has_now);
  EXPECT_EQ(file.now_seconds, 1767323045);
  ASSERT_EQ(file.params.size(), 1u);
  EXPECT_EQ(file.params[0].name, "minimum");
  EXPECT_EQ(file.params[0].value->int_value(), 3);
  EXPECT_EQ(file.exception_files, std::vector<std::string>{"dir/waivers.yaml"});
  EXPECT_EQ(file.expect.outcome, engine::Outcome::kFail);
  EXPECT_FALSE(file.expect.violations.has_value());  // not given: not checked

  EXPECT_EQ(read.cases[1].input, InputKind::kDocument);
  ASSERT_TRUE(read.cases[1].expect.violations.has_value());
  EXPECT_TRUE(read.cases[1].expect.violations->empty());  // given empty: none expected
  EXPECT_EQ(read.cases[2].input, InputKind::kRequest);
  EXPECT_EQ(read.cases[2].expect.decision, engine::Decision::kAllow);
  EXPECT_EQ(read.cases[3].input, InputKind::kRequestFile);  // a file case expecting a decision
}

TEST(TestCaseTest, ReadsFindingAndErrorExpectations) {
  Read read = ReadCases(R"(    - name: findings
      document: {kind: Pod}
      expect:
        violations: [{policy: p, rule: r, count: 2, message: runs}]
        warnings: [{policy: q}]
        waived: [{policy: p, exception: e}]
        errors: [{policy: p, rule: r, message: division}]
      expect_error: boom
)");
  ASSERT_TRUE(read.diagnostics.empty()) << FormatDiagnostic(read.diagnostics.items()[0]);
  ASSERT_EQ(read.cases.size(), 1u);
  const Expectation& expect = read.cases[0].expect;
  ASSERT_EQ(expect.violations->size(), 1u);
  EXPECT_EQ((*expect.violations)[0].policy, "p");
  EXPECT_EQ((*expect.violations)[0].rule, "r");
  EXPECT_EQ((*expect.violations)[0].count, 2u);
  EXPECT_EQ((*expect.violations)[0].message, "runs");
  EXPECT_FALSE((*expect.warnings)[0].count.has_value());
  EXPECT_EQ((*expect.waived)[0].exception, "e");
  EXPECT_EQ((*expect.errors)[0].message, "division");
  EXPECT_EQ(read.cases[0].expect_error, "boom");
}

TEST(TestCaseTest, ReportsEveryProblemWithCodeAndLine) {
  Read read = ReadCases(R"(    - name: no input
      expect: {outcome: pass}
    - name: two inputs
      document: {kind: Pod}
      request: {action: read}
      expect: {outcome: pass}
    - name: no expectation
      document: {kind: Pod}
    - name: unknown expectation
      document: {kind: Pod}
      expect: {outcom: pass}
    - name: bad outcome
      document: {kind: Pod}
      expect: {outcome: denied}
    - name: decision for a document
      document: {kind: Pod}
      expect: {decision: allow}
    - name: outcome for a request
      request: {action: read}
      expect: {outcome: pass}
    - name: finding without a policy
      document: {kind: Pod}
      expect: {violations: [{rule: r}]}
    - name: negative count
      document: {kind: Pod}
      expect: {violations: [{policy: p, count: -1}]}
    - name: unknown finding field
      document: {kind: Pod}
      expect: {violations: [{policy: p, severity: high}]}
    - name: bad input shape
      input: pod.yaml
      expect: {outcome: pass}
    - name: bad time
      document: {kind: Pod}
      now: yesterday
      expect: {outcome: pass}
    - name: params not a map
      document: {kind: Pod}
      params: [1]
      expect: {outcome: pass}
)");
  EXPECT_TRUE(read.cases.empty());
  EXPECT_EQ(Codes(read.diagnostics),
            (std::vector<std::string>{"E150@6", "E150@8", "E150@12", "E153@16", "E153@19",
                                      "E153@22", "E153@25", "E153@28", "E153@31", "E153@34",
                                      "E153@36", "E154@40", "E153@44"}));
}

}  // namespace
}  // namespace warden::tester
