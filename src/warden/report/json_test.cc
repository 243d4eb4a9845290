#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

using testing::Get;
using testing::Int;
using testing::Str;

TEST(JsonReportTest, HasSummaryResultsAndErrorsAtTheTop) {
  const data::Document doc =
      testing::ParseJson(Render(testing::SampleReportWithInputError(), Format::kJson));
  ASSERT_NE(doc.root, nullptr);
  const data::Node& root = *doc.root;
  ASSERT_TRUE(root.is_map());
  ASSERT_GE(root.entries().size(), 3u);
  EXPECT_EQ(root.entries()[0].key(), "summary");
  EXPECT_EQ(root.entries()[1].key(), "results");
  EXPECT_EQ(root.entries()[2].key(), "errors");
  EXPECT_EQ(Int(Get(root, {"summary", "documents"})), 3);
  EXPECT_EQ(Int(Get(root, {"summary", "failed"})), 1);
  EXPECT_EQ(Int(Get(root, {"summary", "blocking"})), 1);
  EXPECT_EQ(Int(Get(root, {"summary", "by_severity", "high"})), 1);
  EXPECT_TRUE(Get(root, {"summary", "blocked"}).bool_value());
  EXPECT_EQ(Str(Get(root, {"errors", "0", "file"})), "broken.yaml");
  EXPECT_EQ(Int(Get(root, {"errors", "0", "line"})), 3);
  EXPECT_EQ(Int(Get(root, {"errors", "0", "column"})), 7);
  EXPECT_EQ(Str(Get(root, {"errors", "0", "message"})), "mapping values are not allowed here");
  EXPECT_EQ(Str(Get(root, {"tool", "version"})), "0.1.0");
  EXPECT_EQ(Str(Get(root, {"bundle", "name"})), "platform");
  EXPECT_EQ(Str(Get(root, {"environment"})), "prod");
}

TEST(JsonReportTest, ListsEveryDocumentPolicyPairIncludingPassesAndSkips) {
  RenderOptions options;
  options.show_passes = false;  // has no effect on JSON
  const data::Document doc =
      testing::ParseJson(Render(testing::SampleReport(), Format::kJson, options));
  const data::Node& results = Get(*doc.root, {"results"});
  ASSERT_EQ(results.size(), 5u);
  const char* expected[][3] = {{"deploy/pod.yaml", "privileged-containers", "fail"},
                               {"deploy/pod.yaml", "resource-limits", "warn"},
                               {"deploy/pod.yaml", "service-type", "pass"},
                               {"config/app.json", "json-port", "error"},
                               {"config/app.json", "naming-convention", "skip"}};
  for (size_t result_idx = 0; result_idx < 5; ++result_idx) {
    SCOPED_TRACE(result_idx);
    const data::Node& result = results.item(result_idx);
    EXPECT_EQ(Str(Get(result, {"file"})), expected[result_idx][0]);
    EXPECT_EQ(Str(Get(result, {"policy"})), expected[result_idx][1]);
    EXPECT_EQ(Str(Get(result, {"status"})), expected[result_idx][2]);
  }
  EXPECT_EQ(Int(Get(results, {"2", "document_index"})), 1);
}

TEST(JsonReportTest, ResultCarriesResourceViolationsWaiversAndKeyOrder) {
  const data::Document doc = testing::ParseJson(Render(testing::SampleReport(), Format::kJson));
  const data::Node& result = Get(*doc.root, {"results", "0"});
  std::vector<std::string_view> keys;
  for (const data::MapEntry& entry : result.entries()) keys.push_back(entry.key());
  EXPECT_EQ(keys, (std::vector<std::string_view>{"file", "document_index", "resource", "policy",
                                                 "status", "violations", "waived_by", "errors"}));
  EXPECT_EQ(Str(Get(result, {"resource", "apiVersion"})), "v1");
  EXPECT_EQ(Str(Get(result, {"resource", "kind"})), "Pod");
  EXPECT_EQ(Str(Get(result, {"resource", "name"})), "web");
  EXPECT_EQ(Str(Get(result, {"resource", "namespace"})), "default");
  EXPECT_EQ(Str(Get(result, {"waived_by", "0"})), "legacy-web");

  const data::Node& first = Get(result, {"violations", "0"});
  keys.clear();
  for (const data::MapEntry& entry : first.entries()) keys.push_back(entry.key());
  EXPECT_EQ(keys,
            (std::vector<std::string_view>{"rule", "severity", "message", "path", "line", "column",
                                           "remediation", "controls", "enforcement"}));
  EXPECT_EQ(Str(Get(first, {"rule"})), "no-privileged");
  EXPECT_EQ(Str(Get(first, {"severity"})), "high");
  EXPECT_EQ(Int(Get(first, {"line"})), 12);
  EXPECT_EQ(Int(Get(first, {"column"})), 9);
  EXPECT_EQ(Str(Get(first, {"controls", "1"})), "cis-k8s:5.2.1");
  EXPECT_EQ(Str(Get(first, {"enforcement"})), "enforce");
  EXPECT_EQ(Str(Get(result, {"violations", "1", "waived_by"})), "legacy-web");
}

TEST(JsonReportTest, EvaluationErrorsAreListedOnTheirResult) {
  const data::Document doc = testing::ParseJson(Render(testing::SampleReport(), Format::kJson));
  const data::Node& error = Get(*doc.root, {"results", "3", "errors", "0"});
  EXPECT_EQ(Str(Get(error, {"rule"})), "check-port");
  EXPECT_EQ(Str(Get(error, {"message"})), "no such key: port");
  EXPECT_EQ(Str(Get(error, {"file"})), "policies/json.yaml");
  EXPECT_EQ(Int(Get(error, {"line"})), 7);
  EXPECT_EQ(Int(Get(error, {"column"})), 16);
}

TEST(JsonReportTest, ItemIndexAppearsOnlyWhenSet) {
  CheckReport report = testing::SampleReport();
  report.results[2].item_index = 4;
  const data::Document doc = testing::ParseJson(Render(report, Format::kJson));
  EXPECT_EQ(Get(*doc.root, {"results", "0"}).Find("item_index"), nullptr);
  EXPECT_EQ(Int(Get(*doc.root, {"results", "3", "item_index"})), 4);
  const data::Node& result = Get(*doc.root, {"results", "3"});
  EXPECT_EQ(result.entries()[2].key(), "item_index");  // right after document_index
}

TEST(JsonReportTest, EscapedTextReadsBackExactly) {
  const std::string tricky = "say \"hi\" <b> & \\ \n\ttab é 日本 \x01";
  engine::Violation violation = testing::MakeViolation("p", "r", tricky, 1, 2);
  violation.remediation = tricky;
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "dir/we\"ird.yaml"), Format::kJson));
  EXPECT_EQ(Str(Get(*doc.root, {"results", "0", "violations", "0", "message"})), tricky);
  EXPECT_EQ(Str(Get(*doc.root, {"results", "0", "violations", "0", "remediation"})), tricky);
  EXPECT_EQ(Str(Get(*doc.root, {"results", "0", "file"})), "dir/we\"ird.yaml");
}

TEST(JsonReportTest, InvalidUtf8BecomesReplacementCharacter) {
  engine::Violation violation = testing::MakeViolation("p", "r", "bad \xff byte", 1, 2);
  const data::Document doc = testing::ParseJson(
      Render(testing::SingleViolationReport(violation, "a.yaml"), Format::kJson));
  EXPECT_EQ(Str(Get(*doc.root, {"results", "0", "violations", "0", "message"})),
            "bad \xEF\xBF\xBD byte");
}

TEST(JsonReportTest, EmptyReportHasEmptyArrays) {
  const std::string out = Render(CheckReport{}, Format::kJson);
  EXPECT_NE(out.find("\"results\": []"), std::string::npos);
  EXPECT_NE(out.find("\"errors\": []"), std::string::npos);
  testing::ParseJson(out);
}

}  // namespace
}  // namespace warden::report
