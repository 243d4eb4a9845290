// Runs the engine-semantics corpus (tests/corpus/<topic>/*.yaml, format in
// tests/corpus/README.md) through the library: every case with the rule index on and
// off, which must agree exactly (STYLE.md 11), every variant of a case, which must agree
// with the case, and the SARIF and JUnit renderings of every document run, which must be
// structurally sound. WARDEN_CORPUS_CASE=substring runs only the matching cases.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/runner/corpus_case.h"
#include "corpus/runner/corpus_run.h"
#include "corpus/runner/report_structure.h"
#include "warden/base/test_temp_dir.h"
#include "warden/report/report.h"

namespace warden::corpus {
namespace {

namespace fs = std::filesystem;

const char* const kTopics[] = {"matching",  "inheritance", "params",      "foreach",
                               "templates", "combining",   "enforcement", "exceptions",
                               "errors",    "plans",       "locations"};

std::string CorpusDir() { return WARDEN_CORPUS_DIR; }

using test_support::TempDir;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Lines(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& problem : problems) out += "  " + problem + "\n";
  return out;
}

void RunOneCase(const CorpusCase& c, const std::string& work_dir) {
  SCOPED_TRACE("corpus case " + c.name);

  CaseRun indexed = RunCase(c, c.files, /*use_index=*/true, work_dir);
  std::vector<std::string> problems = CompareWithExpectations(c, indexed);
  EXPECT_TRUE(problems.empty()) << "with the rule index:\n" << Lines(problems);

  CaseRun linear = RunCase(c, c.files, /*use_index=*/false, work_dir);
  std::string indexed_text = CanonicalText(indexed, /*with_digest=*/true);
  EXPECT_EQ(indexed_text, CanonicalText(linear, /*with_digest=*/true))
      << "the rule index and the linear scan disagree";

  for (const auto& [variant, overrides] : c.variants) {
    SCOPED_TRACE("variant " + variant);
    CaseRun run = RunCase(c, Overlay(c.files, overrides), /*use_index=*/true, work_dir);
    EXPECT_TRUE(run.setup_error.empty()) << run.setup_error;
    EXPECT_EQ(CanonicalText(indexed, false), CanonicalText(run, false))
        << "the variant decides differently";
    CaseRun run_linear = RunCase(c, Overlay(c.files, overrides), /*use_index=*/false, work_dir);
    EXPECT_EQ(CanonicalText(indexed, false), CanonicalText(run_linear, false))
        << "the variant decides differently without the rule index";
  }

  if (indexed.loaded && !c.documents.empty()) {
    std::vector<std::string> sarif =
        CheckSarif(report::Render(indexed.report, report::Format::kSarif), indexed.report);
    EXPECT_TRUE(sarif.empty()) << "SARIF:\n" << Lines(sarif);
    std::vector<std::string> junit =
        CheckJunit(report::Render(indexed.report, report::Format::kJunit), indexed.report);
    EXPECT_TRUE(junit.empty()) << "JUnit:\n" << Lines(junit);
  }
}

// Runs the cases of `topic` ("" = every topic) that are (`known_bugs`) or are not marked
// `known_bug`.
void RunCases(const std::string& topic, bool known_bugs) {
  TempDir work;
  ASSERT_FALSE(work.path().empty());
  const char* filter = std::getenv("WARDEN_CORPUS_CASE");
  size_t ran = 0;
  for (const std::string& name : ListCases(CorpusDir())) {
    if (!topic.empty() && name.rfind(topic + "/", 0) != 0) continue;
    if (filter != nullptr && name.find(filter) == std::string::npos) continue;
    StatusOr<CorpusCase> parsed = ParseCase(ReadText(CorpusDir() + "/" + name), name);
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    if (parsed->known_bug.empty() == known_bugs) continue;
    if (known_bugs) ADD_FAILURE() << name << " is marked as a known bug: " << parsed->known_bug;
    RunOneCase(*parsed, work.path() + "/case");
    ++ran;
  }
  if (filter == nullptr && !known_bugs) {
    EXPECT_GT(ran, 0u) << "no cases in topic " << topic;
  }
}

void RunTopic(const std::string& topic) { RunCases(topic, /*known_bugs=*/false); }

TEST(CorpusTest, HoldsAtLeastFortyCasesAndOnlyKnownTopics) {
  std::vector<std::string> cases = ListCases(CorpusDir());
  EXPECT_GE(cases.size(), 40u);
  std::set<std::string> topics(std::begin(kTopics), std::end(kTopics));
  for (const std::string& name : cases) {
    std::string topic = name.substr(0, name.find('/'));
    EXPECT_EQ(topics.count(topic), 1u) << name << " is not in a topic this runner runs";
  }
}

TEST(CorpusTest, EveryCaseFileParses) {
  for (const std::string& name : ListCases(CorpusDir())) {
    StatusOr<CorpusCase> parsed = ParseCase(ReadText(CorpusDir() + "/" + name), name);
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  }
}

TEST(CorpusTest, CaseWithUnknownKeyIsRejected) {
  StatusOr<CorpusCase> parsed =
      ParseCase("description: x\nfiles: {}\nexpect_warnigns: []\n", "typo.yaml");
  EXPECT_FALSE(parsed.ok());
}

TEST(CorpusTest, MatchingCasesDecideAsExpected) { RunTopic("matching"); }
TEST(CorpusTest, InheritanceCasesDecideAsExpected) { RunTopic("inheritance"); }
TEST(CorpusTest, ParamsCasesDecideAsExpected) { RunTopic("params"); }
TEST(CorpusTest, ForeachCasesDecideAsExpected) { RunTopic("foreach"); }
TEST(CorpusTest, TemplatesCasesDecideAsExpected) { RunTopic("templates"); }
TEST(CorpusTest, CombiningCasesDecideAsExpected) { RunTopic("combining"); }
TEST(CorpusTest, EnforcementCasesDecideAsExpected) { RunTopic("enforcement"); }
TEST(CorpusTest, ExceptionsCasesDecideAsExpected) { RunTopic("exceptions"); }
TEST(CorpusTest, ErrorsCasesDecideAsExpected) { RunTopic("errors"); }
TEST(CorpusTest, PlansCasesDecideAsExpected) { RunTopic("plans"); }
TEST(CorpusTest, LocationsCasesDecideAsExpected) { RunTopic("locations"); }

// No case may be marked `known_bug`: every expectation in the corpus must hold.
TEST(CorpusTest, NoCaseIsMarkedAsAKnownBug) { RunCases("", /*known_bugs=*/true); }

// The structure checks must themselves catch broken reports.
TEST(ReportStructureTest, SarifWithWrongVersionAndMissingRulesIsRejected) {
  report::CheckReport empty;
  EXPECT_FALSE(
      CheckSarif(R"({"version": "2.0.0", "runs": [{"tool": {"driver": {}}}]})", empty).empty());
  EXPECT_FALSE(CheckSarif("not json", empty).empty());
}

TEST(ReportStructureTest, SarifResultWithoutStartLineIsRejected) {
  report::CheckReport one;
  engine::DocumentResult document;
  engine::PolicyResult policy;
  engine::Violation violation;
  violation.policy = "p";
  violation.rule = "r";
  policy.violations.push_back(violation);
  document.policies.push_back(policy);
  one.results.push_back(document);
  const char* sarif = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "warden",
      "rules": [{"id": "p/r"}]}}, "results": [{"ruleId": "p/r", "ruleIndex": 0,
      "level": "error", "message": {"text": "m"}, "locations": [{"physicalLocation":
      {"artifactLocation": {"uri": "a.yaml"}, "region": {}}}]}]}]})";
  EXPECT_EQ(CheckSarif(sarif, one).size(), 1u);
}

TEST(ReportStructureTest, JunitWithWrongCountsOrMalformedXmlIsRejected) {
  report::CheckReport empty;
  EXPECT_FALSE(CheckJunit("<testsuites tests=\"0\" failures=\"0\" errors=\"0\">", empty).empty());
  EXPECT_FALSE(CheckJunit("<testsuites tests=\"1\" failures=\"0\" errors=\"0\">"
                          "<testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\">"
                          "<testcase name=\"x\" classname=\"a\"/></testsuite></testsuites>",
                          empty)
                   .empty());
  EXPECT_TRUE(CheckJunit("<testsuites tests=\"0\" failures=\"0\" errors=\"0\"></testsuites>", empty)
                  .empty());
}

}  // namespace
}  // namespace warden::corpus
