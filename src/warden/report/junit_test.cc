#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"
#include "warden/report/xml_test_util.h"

namespace warden::report {
namespace {

using testing::XmlElement;
using testing::XmlReader;

// Parses the output, failing the test when it is not well-formed XML.
XmlElement ParseXml(const std::string& text) {
  XmlReader reader(text);
  std::optional<XmlElement> root = reader.Read();
  EXPECT_TRUE(root.has_value()) << reader.error() << "\n" << text;
  return root.value_or(XmlElement{});
}

std::string Attr(const XmlElement& element, std::string_view key) {
  std::optional<std::string> value = element.Attribute(key);
  EXPECT_TRUE(value.has_value()) << "<" << element.name << "> has no `" << key << "`";
  return value.value_or("");
}

TEST(XmlReaderTest, RejectsMalformedDocuments) {
  for (const char* text : {"<a>", "<a></b>", "<a x=1/>", "<a>&nbsp;</a>", "<a>x < y</a>",
                           "<a/><b/>", "<a x=\"1\" x=\"2\"/>", "<a>\x01</a>", "<a>&#0;</a>"}) {
    SCOPED_TRACE(text);
    XmlReader reader(text);
    EXPECT_FALSE(reader.Read().has_value());
  }
  XmlReader good("<?xml version=\"1.0\"?>\n<a x='&lt;&#10;&#x41;'><b/>t&amp;</a>\n");
  std::optional<XmlElement> root = good.Read();
  ASSERT_TRUE(root.has_value()) << good.error();
  EXPECT_EQ(root->Attribute("x"), "<\nA");
  EXPECT_EQ(root->text, "t&");
}

TEST(JunitTest, IsWellFormedWithOneSuitePerFileInOrderOfAppearance) {
  const std::string out = Render(testing::SampleReportWithInputError(), Format::kJunit);
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  const XmlElement root = ParseXml(out);
  EXPECT_EQ(root.name, "testsuites");
  const auto suites = root.Children("testsuite");
  ASSERT_EQ(suites.size(), 3u);
  EXPECT_EQ(Attr(*suites[0], "name"), "broken.yaml");
  EXPECT_EQ(Attr(*suites[1], "name"), "deploy/pod.yaml");
  EXPECT_EQ(Attr(*suites[2], "name"), "config/app.json");
}

TEST(JunitTest, CountsMatchTheTestCases) {
  const XmlElement root = ParseXml(Render(testing::SampleReportWithInputError(), Format::kJunit));
  size_t tests = 0;
  size_t failures = 0;
  size_t errors = 0;
  for (const XmlElement* suite : root.Children("testsuite")) {
    size_t suite_failures = 0;
    size_t suite_errors = 0;
    const auto cases = suite->Children("testcase");
    for (const XmlElement* test : cases) {
      suite_failures += test->Children("failure").size();
      suite_errors += test->Children("error").size();
      EXPECT_EQ(Attr(*test, "classname"), Attr(*suite, "name"));
    }
    EXPECT_EQ(Attr(*suite, "tests"), std::to_string(cases.size()));
    EXPECT_EQ(Attr(*suite, "failures"), std::to_string(suite_failures));
    EXPECT_EQ(Attr(*suite, "errors"), std::to_string(suite_errors));
    tests += cases.size();
    failures += suite_failures;
    errors += suite_errors;
  }
  // pod: fail + warn; service: pass; config: error (the skip is not listed); input error.
  EXPECT_EQ(tests, 5u);
  EXPECT_EQ(failures, 1u);
  EXPECT_EQ(errors, 2u);
  EXPECT_EQ(Attr(root, "tests"), "5");
  EXPECT_EQ(Attr(root, "failures"), "1");
  EXPECT_EQ(Attr(root, "errors"), "2");
}

TEST(JunitTest, TestCasesAreNamedByPolicyAndResourceOrDocumentIndex) {
  const XmlElement root = ParseXml(Render(testing::SampleReport(), Format::kJunit));
  const auto suites = root.Children("testsuite");
  ASSERT_EQ(suites.size(), 2u);
  std::vector<std::string> names;
  for (const XmlElement* suite : suites) {
    for (const XmlElement* test : suite->Children("testcase")) names.push_back(Attr(*test, "name"));
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "privileged-containers [Pod/web]", "resource-limits [Pod/web]",
                       "service-type [Service/web]", "json-port [document 0]"}));
}

TEST(JunitTest, FailureListsBlockingViolationsWithLocationAndSeverityType) {
  const XmlElement root = ParseXml(Render(testing::SampleReport(), Format::kJunit));
  const XmlElement& test = *root.Children("testsuite")[0]->Children("testcase")[0];
  const auto failures = test.Children("failure");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(Attr(*failures[0], "type"), "high");
  EXPECT_EQ(Attr(*failures[0], "message"), "container `app` is privileged");
  EXPECT_NE(failures[0]->text.find("deploy/pod.yaml:12:9: privileged-containers/no-privileged "
                                   "[high] container `app` is privileged"),
            std::string::npos);
  // The waived finding is not a failure; it is mentioned in system-out.
  EXPECT_EQ(failures[0]->text.find("no-host-network"), std::string::npos);
  ASSERT_EQ(test.Children("system-out").size(), 1u);
  EXPECT_NE(test.Children("system-out")[0]->text.find("waived by: legacy-web"), std::string::npos);
}

TEST(JunitTest, SeveralBlockingViolationsAreCountedInTheFailureMessage) {
  CheckReport report = testing::SampleReport();
  report.results[0].policies[0].violations[1].waived_by.clear();
  const XmlElement root = ParseXml(Render(report, Format::kJunit));
  const XmlElement& failure =
      *root.Children("testsuite")[0]->Children("testcase")[0]->Children("failure")[0];
  EXPECT_EQ(Attr(failure, "message"), "2 violations; first: container `app` is privileged");
  EXPECT_EQ(Attr(failure, "type"), "critical");
}

TEST(JunitTest, WarnOutcomePassesAndListsWarningsInSystemOut) {
  const XmlElement root = ParseXml(Render(testing::SampleReport(), Format::kJunit));
  const XmlElement& test = *root.Children("testsuite")[0]->Children("testcase")[1];
  EXPECT_TRUE(test.Children("failure").empty());
  EXPECT_TRUE(test.Children("error").empty());
  ASSERT_EQ(test.Children("system-out").size(), 1u);
  EXPECT_NE(test.Children("system-out")[0]->text.find(
                "warning: deploy/pod.yaml:14:11: resource-limits/require-memory-limit [medium]"),
            std::string::npos);
}

TEST(JunitTest, EvaluationErrorAndUnreadableInputAreErrors) {
  const XmlElement root = ParseXml(Render(testing::SampleReportWithInputError(), Format::kJunit));
  const auto suites = root.Children("testsuite");
  const XmlElement& input = *suites[0]->Children("testcase")[0];
  EXPECT_EQ(Attr(input, "name"), "read input");
  ASSERT_EQ(input.Children("error").size(), 1u);
  EXPECT_EQ(Attr(*input.Children("error")[0], "type"), "input-error");
  EXPECT_EQ(input.Children("error")[0]->text,
            "broken.yaml:3:7: mapping values are not allowed here");

  const XmlElement& evaluation = *suites[2]->Children("testcase")[0];
  ASSERT_EQ(evaluation.Children("error").size(), 1u);
  const XmlElement& error = *evaluation.Children("error")[0];
  EXPECT_EQ(Attr(error, "type"), "evaluation-error");
  EXPECT_EQ(Attr(error, "message"), "evaluation error: no such key: port");
  EXPECT_NE(error.text.find("policies/json.yaml:7:16: json-port/check-port: no such key: port"),
            std::string::npos);
}

TEST(JunitTest, PassingTestCaseIsEmpty) {
  const std::string out = Render(testing::SampleReport(), Format::kJunit);
  EXPECT_NE(out.find("<testcase classname=\"deploy/pod.yaml\" name=\"service-type "
                     "[Service/web]\"/>"),
            std::string::npos);
}

TEST(JunitTest, EscapesMarkupQuotesNewlinesAndKeepsUnicode) {
  const std::string tricky = "a \"quoted\" <tag> & 'x'\nsecond line é 日本";
  engine::Violation violation = testing::MakeViolation("p<&>", "r", tricky, 1, 1);
  CheckReport report = testing::SingleViolationReport(violation, "dir/\"we<i>rd\" & é.yaml");
  report.results[0].resource.name = "n\"<&>";
  const XmlElement root = ParseXml(Render(report, Format::kJunit));
  const XmlElement& suite = *root.Children("testsuite")[0];
  EXPECT_EQ(Attr(suite, "name"), "dir/\"we<i>rd\" & é.yaml");
  const XmlElement& test = *suite.Children("testcase")[0];
  EXPECT_EQ(Attr(test, "name"), "p<&> [Pod/n\"<&>]");
  const XmlElement& failure = *test.Children("failure")[0];
  EXPECT_EQ(Attr(failure, "message"), tricky);  // the newline survives in the attribute
  EXPECT_NE(failure.text.find(tricky), std::string::npos);
}

TEST(JunitTest, ControlCharactersAndInvalidUtf8StayWellFormed) {
  engine::Violation violation =
      testing::MakeViolation("p", "r", std::string("bell\x07 nul\0 esc\x1b bad\xff", 20), 1, 1);
  const XmlElement root =
      ParseXml(Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kJunit));
  const XmlElement& failure =
      *root.Children("testsuite")[0]->Children("testcase")[0]->Children("failure")[0];
  EXPECT_EQ(Attr(failure, "message"),
            "bell\xEF\xBF\xBD nul\xEF\xBF\xBD esc\xEF\xBF\xBD bad\xEF\xBF\xBD");
}

TEST(JunitTest, EmptyReportIsAnEmptyTestSuites) {
  const XmlElement root = ParseXml(Render(CheckReport{}, Format::kJunit));
  EXPECT_EQ(root.name, "testsuites");
  EXPECT_EQ(Attr(root, "tests"), "0");
  EXPECT_TRUE(root.children.empty());
}

}  // namespace
}  // namespace warden::report
