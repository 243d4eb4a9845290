// GitLab Code Quality report (artifacts:reports:codequality; a subset of the Code Climate
// issue format): a JSON array with one issue per unwaived finding, evaluation error and
// unreadable input (docs/output-formats.md, "gitlab").
//
// GitLab shows only the first issue of each fingerprint, so fingerprints must be unique:
// the finding identity (findings.h) leaves the line out to stay stable across edits,
// which two identical findings in one resource would share; the second and later ones
// hash in their occurrence number.

#include <map>
#include <string>

#include "warden/base/sha256.h"
#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/json_out.h"
#include "warden/report/report.h"

namespace warden::report {

namespace {

const char* GitlabSeverity(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kInfo:
      return "info";
    case policy::Severity::kLow:
      return "minor";
    case policy::Severity::kMedium:
      return "major";
    case policy::Severity::kHigh:
      return "critical";
    case policy::Severity::kCritical:
      return "blocker";
  }
  return "major";
}

class IssueWriter {
 public:
  void Write(std::string_view description, std::string_view check_name, std::string fingerprint,
             std::string_view severity, std::string_view file, uint32_t line,
             std::string_view remediation) {
    json_.BeginObject();
    json_.Key("type");
    json_.String("issue");
    json_.Field("description", description);
    json_.Field("check_name", check_name);
    json_.Field("fingerprint", Unique(std::move(fingerprint)));
    json_.Field("severity", severity);
    json_.Key("location");
    json_.BeginObject();
    json_.Field("path", NormalizePath(file));
    json_.Key("lines");
    json_.BeginObject();
    json_.FieldUint("begin", line == 0 ? 1 : line);
    json_.EndObject();
    json_.EndObject();
    if (!remediation.empty()) {
      json_.Key("content");
      json_.BeginObject();
      json_.Field("body", remediation);
      json_.EndObject();
    }
    json_.EndObject();
  }

  JsonOut& json() { return json_; }

 private:
  std::string Unique(std::string fingerprint) {
    const size_t seen = seen_[fingerprint]++;
    if (seen == 0) return fingerprint;
    return Sha256Hex(fingerprint + "#" + std::to_string(seen));
  }

  JsonOut json_{/*pretty=*/true};
  std::map<std::string, size_t> seen_;
};

}  // namespace

std::string RenderGitlab(const CheckReport& report) {
  IssueWriter writer;
  writer.json().BeginArray();
  for (const InputError& error : report.input_errors) {
    writer.Write(error.message, kInputErrorRule, InputErrorFingerprint(error), "blocker",
                 error.file, error.line, "");
  }
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      for (const engine::Violation& violation : policy.violations) {
        if (!violation.waived_by.empty()) continue;
        writer.Write(violation.message, RuleId(violation.policy, violation.rule),
                     FindingFingerprint(document, violation), GitlabSeverity(violation.severity),
                     FindingFile(document, violation), violation.line, violation.remediation);
      }
      for (const engine::EvaluationError& error : policy.errors) {
        std::string description = "policy `" + error.policy + "`";
        if (!error.rule.empty()) description += " rule `" + error.rule + "`";
        description += " could not be evaluated: " + error.message;
        writer.Write(description, kEvaluationErrorRule, ErrorFingerprint(document, error),
                     ErrorBlocks(policy) ? "blocker" : "major", document.file, 0, "");
      }
    }
  }
  writer.json().EndArray();
  std::string out = writer.json().Take();
  out += '\n';
  return out;
}

}  // namespace warden::report
