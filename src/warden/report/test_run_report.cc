// `warden test` output (docs/testing.md, "Output").
//
// Table: one line per failing case (every case with --verbose), `FAIL test / case
// (file:line:column)`, then its mismatches and, where a finding list differs, the
// expected and actual lists one under the other; a summary line last.
// JSON: {"summary": {...}, "cases": [{test, name, file, line, column, status,
// mismatches: [{what, expected, actual}], error}]}.
// JUnit: one <testsuite> per test file, one <testcase> per case with a <failure> that
// holds the same text as the table.
// Coverage (with --coverage): after the table, per policy file, policy, rule and branch;
// in JSON, a `coverage` member (docs/testing.md, "Coverage").

#include "warden/report/test_run_report.h"

#include <cstdio>
#include <map>

#include "warden/report/json_out.h"
#include "warden/report/text.h"

namespace warden::report {
namespace {

std::string CaseDetails(const tester::CaseResult& result) {
  std::string out;
  if (!result.error.empty()) out += "  error: " + result.error + "\n";
  for (const tester::Mismatch& mismatch : result.mismatches) {
    out += "  - " + mismatch.what + "\n";
    if (mismatch.expected.empty() && mismatch.actual.empty()) continue;
    out += "    expected:\n";
    if (mismatch.expected.empty()) out += "      (none)\n";
    for (const std::string& line : mismatch.expected) out += "      " + line + "\n";
    out += "    actual:\n";
    if (mismatch.actual.empty()) out += "      (none)\n";
    for (const std::string& line : mismatch.actual) out += "      " + line + "\n";
  }
  return out;
}

std::string Percent(const tester::CoverageTotals& totals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", totals.percent());
  return std::to_string(totals.covered) + "/" + std::to_string(totals.total) + " (" + buffer + ")";
}

// Which of a rule's or branch's two outcomes no evaluation produced (of `evaluations`).
std::string Missing(uint64_t evaluations, uint64_t first, uint64_t second, const char* never_first,
                    const char* never_second) {
  if (evaluations == 0) return "  (never evaluated)";
  if (first == 0 && second == 0) return "  (only errors)";
  if (first == 0) return std::string("  (") + never_first + ")";
  if (second == 0) return std::string("  (") + never_second + ")";
  return "";
}

std::string CoverageTable(const tester::CoverageSummary& coverage) {
  std::string out = "\ncoverage: " + Percent(coverage.totals) +
                    " of rule outcomes (fired, not fired) and branch outcomes (true, false)\n" +
                    "rules:    " + Percent(coverage.rule_totals) + " of rule outcomes alone\n";
  for (const tester::FileCoverage& file : coverage.files) {
    out += "  " + file.file + "  " + Percent(file.totals) + "\n";
    for (const tester::PolicyCoverage& entry : file.policies) {
      out += "    " + entry.policy.name + "  " + Percent(entry.totals) + "\n";
      for (const engine::CoverageRecorder::Rule& rule : entry.policy.rules) {
        out += "      " + rule.id + ": evaluated " + std::to_string(rule.evaluated) + ", fired " +
               std::to_string(rule.fired) + ", not fired " + std::to_string(rule.not_fired);
        if (rule.errors > 0) out += ", errors " + std::to_string(rule.errors);
        out += Missing(rule.evaluated, rule.fired, rule.not_fired, "never fired", "always fired") +
               "\n";
        for (const engine::CoverageRecorder::Branch& branch : rule.branches) {
          out += "        `" + branch.text + "`: true " + std::to_string(branch.true_count) +
                 ", false " + std::to_string(branch.false_count);
          if (branch.error_count > 0) out += ", errors " + std::to_string(branch.error_count);
          uint64_t evaluations = branch.true_count + branch.false_count + branch.error_count;
          out += Missing(evaluations, branch.true_count, branch.false_count, "never true",
                         "never false") +
                 "\n";
        }
      }
    }
  }
  return out;
}

void CoverageJson(const tester::CoverageSummary& coverage, JsonOut& json) {
  auto totals = [&](const tester::CoverageTotals& value) {
    json.FieldUint("covered", value.covered);
    json.FieldUint("total", value.total);
    json.Key("percent");
    json.Fixed(value.percent(), 1);
  };
  json.BeginObject();
  totals(coverage.totals);
  json.Key("rules");
  json.BeginObject();
  totals(coverage.rule_totals);
  json.EndObject();
  json.Key("files");
  json.BeginArray();
  for (const tester::FileCoverage& file : coverage.files) {
    json.BeginObject();
    json.Field("file", file.file);
    totals(file.totals);
    json.Key("policies");
    json.BeginArray();
    for (const tester::PolicyCoverage& entry : file.policies) {
      json.BeginObject();
      json.Field("policy", entry.policy.name);
      totals(entry.totals);
      json.Key("rules");
      json.BeginArray();
      for (const engine::CoverageRecorder::Rule& rule : entry.policy.rules) {
        json.BeginObject();
        json.Field("rule", rule.id);
        json.FieldUint("line", rule.location.position.line);
        json.FieldUint("evaluated", rule.evaluated);
        json.FieldUint("fired", rule.fired);
        json.FieldUint("not_fired", rule.not_fired);
        json.FieldUint("errors", rule.errors);
        json.Key("branches");
        json.BeginArray();
        for (const engine::CoverageRecorder::Branch& branch : rule.branches) {
          json.BeginObject();
          json.Field("text", branch.text);
          json.FieldUint("true", branch.true_count);
          json.FieldUint("false", branch.false_count);
          json.FieldUint("errors", branch.error_count);
          json.EndObject();
        }
        json.EndArray();
        json.EndObject();
      }
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

}  // namespace

std::string RenderTestTable(const tester::TestRun& run, const TestRenderOptions& options) {
  auto paint = [&](const char* code, const std::string& text) {
    return options.color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  };
  std::string out;
  for (const tester::CaseResult& result : run.cases) {
    if (result.passed && !options.verbose) continue;
    out += result.passed ? paint("32", "PASS") : paint("1;31", "FAIL");
    out += " " + result.FullName() + " (" + result.location.ToString() + ")\n";
    if (!result.passed) out += CaseDetails(result);
  }
  out += Plural(run.cases.size(), "case", "cases") + ": " + std::to_string(run.passed()) +
         " passed, " + std::to_string(run.failed()) + " failed";
  if (run.filtered_out > 0) out += ", " + std::to_string(run.filtered_out) + " filtered out";
  out += "\n";
  if (run.coverage) out += CoverageTable(*run.coverage);
  return out;
}

std::string RenderTestJson(const tester::TestRun& run) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Key("summary");
  json.BeginObject();
  json.FieldUint("cases", run.cases.size());
  json.FieldUint("passed", run.passed());
  json.FieldUint("failed", run.failed());
  json.FieldUint("filtered_out", run.filtered_out);
  json.EndObject();
  json.Key("cases");
  json.BeginArray();
  for (const tester::CaseResult& result : run.cases) {
    json.BeginObject();
    json.Field("test", result.test);
    json.Field("name", result.name);
    json.Field("file", result.location.file);
    json.FieldUint("line", result.location.position.line);
    json.FieldUint("column", result.location.position.column);
    json.Field("status", result.passed ? "pass" : "fail");
    json.Key("mismatches");
    json.BeginArray();
    for (const tester::Mismatch& mismatch : result.mismatches) {
      json.BeginObject();
      json.Field("what", mismatch.what);
      json.StringArray("expected", mismatch.expected);
      json.StringArray("actual", mismatch.actual);
      json.EndObject();
    }
    json.EndArray();
    json.Field("error", result.error);
    json.EndObject();
  }
  json.EndArray();
  if (run.coverage) {
    json.Key("coverage");
    CoverageJson(*run.coverage, json);
  }
  json.EndObject();
  return json.Take() + "\n";
}

std::string RenderTestJunit(const tester::TestRun& run) {
  std::map<std::string, std::vector<const tester::CaseResult*>> by_file;
  for (const tester::CaseResult& result : run.cases) {
    by_file[result.location.file].push_back(&result);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"warden test\" tests=\"" + std::to_string(run.cases.size()) +
         "\" failures=\"" + std::to_string(run.failed()) + "\">\n";
  for (const auto& [file, results] : by_file) {
    size_t failures = 0;
    for (const tester::CaseResult* result : results) failures += result->passed ? 0 : 1;
    out += "  <testsuite name=\"" + XmlAttribute(file) + "\" tests=\"" +
           std::to_string(results.size()) + "\" failures=\"" + std::to_string(failures) + "\">\n";
    for (const tester::CaseResult* result : results) {
      out += "    <testcase classname=\"" + XmlAttribute(result->test) + "\" name=\"" +
             XmlAttribute(result->name) + "\" file=\"" + XmlAttribute(file) + "\" line=\"" +
             std::to_string(result->location.position.line) + "\"";
      if (result->passed) {
        out += "/>\n";
        continue;
      }
      std::string first = !result->error.empty()        ? result->error
                          : !result->mismatches.empty() ? result->mismatches[0].what
                                                        : "failed";
      out += ">\n      <failure message=\"" + XmlAttribute(first) + "\" type=\"expectation\">" +
             XmlText(result->location.ToString() + "\n" + CaseDetails(*result)) +
             "</failure>\n    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace warden::report
