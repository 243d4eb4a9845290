// JUnit XML as GitLab (artifacts:reports:junit) and Jenkins read it (docs/output-formats.md,
// "junit"): a <testsuite> per input file, a <testcase> per (document, policy) pair.
// `skip` pairs are not test cases; `warn` pairs pass and list their warnings in
// <system-out>; `fail` pairs carry one <failure>; `error` pairs one <error>. Unreadable
// inputs are an erroring test case of their file's suite. No `time` attributes, so the
// output is deterministic.

#include <map>
#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

namespace {

struct TestCase {
  std::string name;
  std::string body;  // the elements inside <testcase>, already escaped
  bool failure = false;
  bool error = false;
};

struct Suite {
  std::string file;
  std::vector<TestCase> cases;
};

// `file:line:col: policy/rule [severity] message`, then the path and remediation.
std::string ViolationLine(const engine::DocumentResult& document,
                          const engine::Violation& violation) {
  std::string line =
      LocationText(FindingFile(document, violation), violation.line, violation.column);
  line += ": " + RuleId(violation.policy, violation.rule);
  line += " [" + std::string(policy::SeverityName(violation.severity)) + "] ";
  line += violation.message;
  if (!violation.path.empty()) line += "\n  path: " + violation.path;
  if (!violation.remediation.empty()) line += "\n  remediation: " + violation.remediation;
  if (!violation.waived_by.empty()) line += "\n  waived by: " + violation.waived_by;
  return line;
}

std::string ErrorLine(const engine::EvaluationError& error) {
  std::string line;
  if (!error.file.empty()) line = LocationText(error.file, error.line, error.column) + ": ";
  line += RuleId(error.policy, error.rule) + ": " + error.message;
  return line;
}

void AppendElement(std::string& body, std::string_view tag, std::string_view attributes,
                   const std::string& text) {
  body += "      <";
  body += tag;
  body += attributes;
  body += ">";
  body += XmlText(text);
  body += "</";
  body += tag;
  body += ">\n";
}

TestCase MakeCase(const engine::DocumentResult& document, const engine::PolicyResult& policy) {
  TestCase test;
  test.name = policy.policy + " [" + ShortDocumentLabel(document) + "]";

  std::vector<const engine::Violation*> blocking;
  std::string other;  // warnings, audit records and waived findings for <system-out>
  for (const engine::Violation& violation : policy.violations) {
    if (violation.blocking()) {
      blocking.push_back(&violation);
      continue;
    }
    const char* label = !violation.waived_by.empty()                          ? "waived"
                        : violation.enforcement == policy::Enforcement::kWarn ? "warning"
                                                                              : "audit";
    other += std::string(label) + ": " + ViolationLine(document, violation) + "\n";
  }

  if (policy.outcome == engine::Outcome::kError) {
    test.error = true;
    std::string text;
    for (const engine::EvaluationError& error : policy.errors) text += ErrorLine(error) + "\n";
    const std::string message = policy.errors.empty()
                                    ? std::string("evaluation error")
                                    : "evaluation error: " + policy.errors.front().message;
    AppendElement(test.body, "error",
                  " message=\"" + XmlAttribute(message) + "\" type=\"evaluation-error\"", text);
  } else if (policy.outcome == engine::Outcome::kFail) {
    test.failure = true;
    std::string text;
    std::string message;
    // The failure's type is the most severe blocking finding's severity.
    policy::Severity severity = policy.severity;
    if (blocking.empty()) {
      message = "policy failed";
    } else {
      severity = blocking.front()->severity;
      for (const engine::Violation* violation : blocking) {
        if (violation->severity > severity) severity = violation->severity;
        text += ViolationLine(document, *violation) + "\n";
      }
      message = blocking.size() == 1 ? blocking.front()->message
                                     : std::to_string(blocking.size()) +
                                           " violations; first: " + blocking.front()->message;
    }
    AppendElement(test.body, "failure",
                  " message=\"" + XmlAttribute(message) + "\" type=\"" +
                      policy::SeverityName(severity) + "\"",
                  text);
  } else if (!blocking.empty()) {
    // A pass or warn outcome should not hold blocking findings; list them anyway.
    for (const engine::Violation* violation : blocking) {
      other += "violation: " + ViolationLine(document, *violation) + "\n";
    }
  }
  if (!other.empty()) AppendElement(test.body, "system-out", "", other);
  return test;
}

}  // namespace

std::string RenderJunit(const CheckReport& report) {
  // Suites in the order their files first appear.
  std::vector<Suite> suites;
  std::map<std::string, size_t> suite_of_file;
  auto suite_for = [&](const std::string& file) -> Suite& {
    auto [it, inserted] = suite_of_file.try_emplace(file, suites.size());
    if (inserted) suites.push_back(Suite{file, {}});
    return suites[it->second];
  };

  for (const InputError& error : report.input_errors) {
    TestCase test;
    test.name = "read input";
    test.error = true;
    AppendElement(test.body, "error",
                  " message=\"" + XmlAttribute(error.message) + "\" type=\"input-error\"",
                  LocationText(error.file, error.line, error.column) + ": " + error.message);
    suite_for(error.file).cases.push_back(std::move(test));
  }
  for (const engine::DocumentResult& document : report.results) {
    Suite& suite = suite_for(document.file);
    for (const engine::PolicyResult& policy : document.policies) {
      if (policy.outcome == engine::Outcome::kSkip) continue;
      suite.cases.push_back(MakeCase(document, policy));
    }
  }

  size_t total_tests = 0;
  size_t total_failures = 0;
  size_t total_errors = 0;
  std::string body;
  for (const Suite& suite : suites) {
    size_t failures = 0;
    size_t errors = 0;
    for (const TestCase& test : suite.cases) {
      failures += test.failure ? 1 : 0;
      errors += test.error ? 1 : 0;
    }
    total_tests += suite.cases.size();
    total_failures += failures;
    total_errors += errors;
    const std::string file = XmlAttribute(suite.file);
    body += "  <testsuite name=\"" + file + "\" tests=\"" + std::to_string(suite.cases.size()) +
            "\" failures=\"" + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) +
            "\" skipped=\"0\">\n";
    for (const TestCase& test : suite.cases) {
      body += "    <testcase classname=\"" + file + "\" name=\"" + XmlAttribute(test.name) + "\"";
      if (test.body.empty()) {
        body += "/>\n";
      } else {
        body += ">\n" + test.body + "    </testcase>\n";
      }
    }
    body += "  </testsuite>\n";
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"warden\" tests=\"" + std::to_string(total_tests) + "\" failures=\"" +
         std::to_string(total_failures) + "\" errors=\"" + std::to_string(total_errors) +
         "\" skipped=\"0\">\n";
  out += body;
  out += "</testsuites>\n";
  return out;
}

}  // namespace warden::report
