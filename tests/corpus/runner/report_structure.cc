#include "corpus/runner/report_structure.h"

#include <map>
#include <set>

#include "warden/data/json_reader.h"
#include "warden/report/xml_test_util.h"

namespace warden::corpus {
namespace {

const data::Node* Path(const data::Node* node, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (node == nullptr) return nullptr;
    node = node->Find(key);
  }
  return node;
}

std::string StringAt(const data::Node* node) {
  return node != nullptr && node->is_string() ? std::string(node->string_value()) : "";
}

bool IsCount(const data::Node* node) {
  return node != nullptr &&
         (node->kind() == data::NodeKind::kInt || node->kind() == data::NodeKind::kUint);
}

uint64_t CountOf(const data::Node* node) {
  return node->kind() == data::NodeKind::kInt ? static_cast<uint64_t>(node->int_value())
                                              : node->uint_value();
}

const char* ExpectedLevel(policy::Enforcement enforcement) {
  switch (enforcement) {
    case policy::Enforcement::kEnforce:
      return "error";
    case policy::Enforcement::kWarn:
      return "warning";
    default:
      return "note";
  }
}

// Checks one SARIF result; `expected_level` empty: any valid level.
void CheckResult(const data::Node& result, size_t index, const data::Node& rules,
                 const std::string& expected_level, bool waived,
                 std::vector<std::string>& problems) {
  std::string where = "results[" + std::to_string(index) + "]";
  std::string rule_id = StringAt(result.Find("ruleId"));
  if (rule_id.empty()) problems.push_back(where + ": no ruleId");
  const data::Node* rule_index = result.Find("ruleIndex");
  if (!IsCount(rule_index) || CountOf(rule_index) >= rules.size()) {
    problems.push_back(where + ": ruleIndex is missing or out of range");
  } else if (StringAt(rules.item(CountOf(rule_index)).Find("id")) != rule_id) {
    problems.push_back(where + ": ruleIndex does not point at rule `" + rule_id + "`");
  }
  std::string level = StringAt(result.Find("level"));
  static const std::set<std::string> kLevels = {"none", "note", "warning", "error"};
  if (kLevels.count(level) == 0) problems.push_back(where + ": bad level `" + level + "`");
  if (!expected_level.empty() && level != expected_level) {
    problems.push_back(where + ": level `" + level + "`, expected `" + expected_level + "`");
  }
  if (StringAt(Path(&result, {"message", "text"})).empty()) {
    problems.push_back(where + ": no message.text");
  }
  const data::Node* locations = result.Find("locations");
  if (locations == nullptr || !locations->is_list() || locations->size() == 0) {
    problems.push_back(where + ": no locations");
    return;
  }
  const data::Node* physical = locations->item(0).Find("physicalLocation");
  if (StringAt(Path(physical, {"artifactLocation", "uri"})).empty()) {
    problems.push_back(where + ": no physicalLocation.artifactLocation.uri");
  }
  const data::Node* start_line = Path(physical, {"region", "startLine"});
  if (!IsCount(start_line) || CountOf(start_line) < 1) {
    problems.push_back(where + ": physicalLocation.region.startLine is not a positive integer");
  }
  const data::Node* suppressions = result.Find("suppressions");
  bool suppressed = suppressions != nullptr && suppressions->is_list() && suppressions->size() > 0;
  if (suppressed != waived) {
    problems.push_back(where + (waived ? ": a waived finding without suppressions"
                                       : ": suppressions on a finding nobody waived"));
  }
}

// The value of an integer attribute, or -1.
long long IntAttribute(const report::testing::XmlElement& element, const char* name) {
  std::optional<std::string> value = element.Attribute(name);
  if (!value || value->empty()) return -1;
  for (char c : *value) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoll(*value);
}

}  // namespace

std::vector<std::string> CheckSarif(const std::string& sarif, const report::CheckReport& report) {
  std::vector<std::string> problems;
  StatusOr<data::Document> document = data::ReadJson(sarif, "sarif");
  if (!document.ok()) return {"not JSON: " + document.status().message()};
  const data::Node* root = document->root;
  if (StringAt(root->Find("version")) != "2.1.0") problems.push_back("version is not 2.1.0");
  const data::Node* runs = root->Find("runs");
  if (runs == nullptr || !runs->is_list() || runs->size() != 1) {
    problems.push_back("runs is not a list of one run");
    return problems;
  }
  const data::Node& run = runs->item(0);
  if (StringAt(Path(&run, {"tool", "driver", "name"})) != "warden") {
    problems.push_back("runs[0].tool.driver.name is not `warden`");
  }
  const data::Node* rules = Path(&run, {"tool", "driver", "rules"});
  if (rules == nullptr || !rules->is_list()) {
    problems.push_back("runs[0].tool.driver.rules is not a list");
    return problems;
  }
  std::set<std::string> rule_ids;
  for (const data::Node& rule : rules->items()) {
    std::string id = StringAt(rule.Find("id"));
    if (id.empty() || !rule_ids.insert(id).second) {
      problems.push_back("rule id `" + id + "` is empty or repeated");
    }
  }
  const data::Node* results = run.Find("results");
  if (results == nullptr || !results->is_list()) {
    problems.push_back("runs[0].results is not a list");
    return problems;
  }
  // The findings in the order the renderer writes them.
  struct Expected {
    std::string level;
    bool waived = false;
  };
  std::vector<Expected> expected;
  for (const engine::DocumentResult& doc : report.results) {
    for (const engine::PolicyResult& policy : doc.policies) {
      for (const engine::Violation& violation : policy.violations) {
        expected.push_back({ExpectedLevel(violation.enforcement), !violation.waived_by.empty()});
      }
      for (size_t error = 0; error < policy.errors.size(); ++error) expected.push_back({"", false});
    }
  }
  for (size_t error = 0; error < report.input_errors.size(); ++error) {
    expected.push_back({"error", false});
  }
  if (results->size() != expected.size()) {
    problems.push_back(std::to_string(results->size()) + " results, expected " +
                       std::to_string(expected.size()));
    return problems;
  }
  for (size_t index = 0; index < expected.size(); ++index) {
    CheckResult(results->item(index), index, *rules, expected[index].level, expected[index].waived,
                problems);
  }
  return problems;
}

std::vector<std::string> CheckJunit(const std::string& junit, const report::CheckReport& report) {
  using report::testing::XmlElement;
  std::vector<std::string> problems;
  report::testing::XmlReader reader(junit);
  std::optional<XmlElement> root = reader.Read();
  if (!root) return {"not well-formed XML: " + reader.error()};
  if (root->name != "testsuites") return {"the root element is <" + root->name + ">"};

  long long want_tests = 0, want_failures = 0, want_errors = 0;
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      if (policy.outcome == engine::Outcome::kSkip) continue;
      ++want_tests;
      want_failures += policy.outcome == engine::Outcome::kFail ? 1 : 0;
      want_errors += policy.outcome == engine::Outcome::kError ? 1 : 0;
    }
  }
  want_tests += static_cast<long long>(report.input_errors.size());
  want_errors += static_cast<long long>(report.input_errors.size());

  long long tests = 0, failures = 0, errors = 0;
  for (const XmlElement& suite : root->children) {
    if (suite.name != "testsuite") {
      problems.push_back("<testsuites> holds <" + suite.name + ">");
      continue;
    }
    std::string name = suite.Attribute("name").value_or("");
    if (name.empty()) problems.push_back("a <testsuite> without a name");
    long long suite_failures = 0, suite_errors = 0;
    std::vector<const XmlElement*> cases = suite.Children("testcase");
    if (cases.size() != suite.children.size()) {
      problems.push_back("<testsuite name=\"" + name + "\"> holds other elements than <testcase>");
    }
    for (const XmlElement* test : cases) {
      if (!test->Attribute("name") || !test->Attribute("classname")) {
        problems.push_back("a <testcase> in `" + name + "` lacks name or classname");
      }
      size_t failure_count = test->Children("failure").size();
      size_t error_count = test->Children("error").size();
      if (failure_count + error_count > 1) {
        problems.push_back("a <testcase> in `" + name + "` has several failures/errors");
      }
      suite_failures += failure_count > 0 ? 1 : 0;
      suite_errors += error_count > 0 ? 1 : 0;
    }
    if (IntAttribute(suite, "tests") != static_cast<long long>(cases.size()) ||
        IntAttribute(suite, "failures") != suite_failures ||
        IntAttribute(suite, "errors") != suite_errors) {
      problems.push_back("<testsuite name=\"" + name + "\"> counts do not match its test cases");
    }
    tests += static_cast<long long>(cases.size());
    failures += suite_failures;
    errors += suite_errors;
  }
  if (IntAttribute(*root, "tests") != tests || IntAttribute(*root, "failures") != failures ||
      IntAttribute(*root, "errors") != errors) {
    problems.push_back("<testsuites> totals do not match the suites");
  }
  if (tests != want_tests || failures != want_failures || errors != want_errors) {
    problems.push_back("JUnit has " + std::to_string(tests) + " tests, " +
                       std::to_string(failures) + " failures, " + std::to_string(errors) +
                       " errors; the report has " + std::to_string(want_tests) + ", " +
                       std::to_string(want_failures) + ", " + std::to_string(want_errors));
  }
  return problems;
}

}  // namespace warden::corpus
