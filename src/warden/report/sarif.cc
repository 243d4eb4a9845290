// SARIF 2.1.0 as GitHub code scanning accepts it (docs/output-formats.md, "sarif").
//
// One run. Rules are the (policy, rule) pairs that produced a finding, sorted by id so the
// rule table does not depend on input order; two synthetic rules carry evaluation errors
// and unreadable inputs. Waived findings stay in the log with an external suppression,
// which code scanning shows as dismissed rather than dropping them.

#include <map>
#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/json_out.h"
#include "warden/report/json_parts.h"
#include "warden/report/report.h"

namespace warden::report {

namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

// GitHub ranks security alerts by this score: > 9.0 critical, 7.0-8.9 high, 4.0-6.9
// medium, 0.1-3.9 low.
const char* SecuritySeverity(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kCritical:
      return "9.5";
    case policy::Severity::kHigh:
      return "8.0";
    case policy::Severity::kMedium:
      return "5.5";
    case policy::Severity::kLow:
      return "3.0";
    case policy::Severity::kInfo:
      return "1.0";
  }
  return "5.5";
}

// enforce blocks (error), warn reports (warning), audit only records (note).
const char* Level(policy::Enforcement enforcement) {
  switch (enforcement) {
    case policy::Enforcement::kEnforce:
      return "error";
    case policy::Enforcement::kWarn:
      return "warning";
    case policy::Enforcement::kAudit:
    case policy::Enforcement::kDisabled:
      return "note";
  }
  return "error";
}

bool IsUriChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '/':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case '@':
      return true;
    default:
      return false;  // `:` too: in a relative reference it would read as a scheme
  }
}

std::string PercentEncode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsUriChar(byte)) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

// Writes an artifactLocation. Relative paths are relative to the checkout (%SRCROOT%);
// absolute ones become file URIs.
void WriteArtifactLocation(JsonOut& json, std::string_view file) {
  std::string path = NormalizePath(file);
  json.Key("artifactLocation");
  json.BeginObject();
  const bool windows_drive =
      path.size() >= 3 && path[1] == ':' && path[2] == '/' &&
      ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z'));
  if (!path.empty() && path[0] == '/') {
    json.Field("uri", "file://" + PercentEncode(path));
  } else if (windows_drive) {
    json.Field("uri", "file:///" + path.substr(0, 2) + PercentEncode(path.substr(2)));
  } else {
    json.Field("uri", PercentEncode(path));
    json.Field("uriBaseId", "%SRCROOT%");
  }
  json.EndObject();
}

// A physicalLocation; SARIF lines and columns start at 1, so unknown ones point at the
// start of the file.
void WritePhysicalLocation(JsonOut& json, std::string_view file, uint32_t line, uint32_t column) {
  json.Key("physicalLocation");
  json.BeginObject();
  WriteArtifactLocation(json, file);
  json.Key("region");
  json.BeginObject();
  json.FieldUint("startLine", line == 0 ? 1 : line);
  json.FieldUint("startColumn", line == 0 || column == 0 ? 1 : column);
  json.EndObject();
  json.EndObject();
}

void WriteLocations(JsonOut& json, std::string_view file, uint32_t line, uint32_t column) {
  json.Key("locations");
  json.BeginArray();
  json.BeginObject();
  WritePhysicalLocation(json, file, line, column);
  json.EndObject();
  json.EndArray();
}

void WriteMessage(JsonOut& json, std::string_view text) {
  json.Key("message");
  json.BeginObject();
  json.Field("text", text);
  json.EndObject();
}

// What the rule table says about one (policy, rule) pair, taken from its first finding.
struct RuleInfo {
  const engine::PolicyResult* policy = nullptr;
  const engine::Violation* violation = nullptr;
  size_t index = 0;
};

std::string RuleDescription(const RuleInfo& info) {
  const std::string& rule_title = info.violation->rule_title;
  const std::string& policy_title = info.policy->title;
  if (!rule_title.empty() && !policy_title.empty()) return policy_title + ": " + rule_title;
  if (!rule_title.empty()) return rule_title;
  if (!policy_title.empty()) return policy_title;
  return RuleId(info.violation->policy, info.violation->rule);
}

void WriteText(JsonOut& json, std::string_view key, std::string_view text) {
  json.Key(key);
  json.BeginObject();
  json.Field("text", text);
  json.EndObject();
}

void WritePolicyRule(JsonOut& json, const std::string& id, const RuleInfo& info) {
  const engine::Violation& violation = *info.violation;
  const std::string description = RuleDescription(info);
  json.BeginObject();
  json.Field("id", id);
  json.Field("name", id);
  WriteText(json, "shortDescription",
            violation.rule_title.empty() ? description : violation.rule_title);
  WriteText(json, "fullDescription", description);

  std::string help_text = description;
  std::string help_markdown = "**" + description + "**";
  if (!violation.remediation.empty()) {
    help_text += "\n\nRemediation: " + violation.remediation;
    help_markdown += "\n\n**Remediation:** " + violation.remediation;
  }
  if (!violation.controls.empty()) {
    help_text += "\n\nControls:";
    help_markdown += "\n\n**Controls:**";
    for (size_t control_idx = 0; control_idx < violation.controls.size(); ++control_idx) {
      const char* separator = control_idx == 0 ? " " : ", ";
      help_text += separator + violation.controls[control_idx];
      help_markdown += separator + ("`" + violation.controls[control_idx] + "`");
    }
  }
  json.Key("help");
  json.BeginObject();
  json.Field("text", help_text);
  json.Field("markdown", help_markdown);
  json.EndObject();

  json.Key("defaultConfiguration");
  json.BeginObject();
  json.Field("level", Level(violation.enforcement));
  json.EndObject();

  json.Key("properties");
  json.BeginObject();
  json.Key("tags");
  json.BeginArray();
  json.String(policy::PolicyTypeName(info.policy->type));
  for (const std::string& control : violation.controls) json.String(control);
  json.EndArray();
  json.Field("security-severity", SecuritySeverity(violation.severity));
  json.EndObject();
  json.EndObject();
}

void WriteSyntheticRule(JsonOut& json, std::string_view id, std::string_view description,
                        std::string_view help) {
  json.BeginObject();
  json.Field("id", id);
  json.Field("name", id);
  WriteText(json, "shortDescription", description);
  WriteText(json, "fullDescription", description);
  json.Key("help");
  json.BeginObject();
  json.Field("text", help);
  json.Field("markdown", help);
  json.EndObject();
  json.Key("defaultConfiguration");
  json.BeginObject();
  json.Field("level", "error");
  json.EndObject();
  json.Key("properties");
  json.BeginObject();
  json.Key("tags");
  json.BeginArray();
  json.String("warden");
  json.EndArray();
  json.EndObject();
  json.EndObject();
}

void WriteViolationResult(JsonOut& json, const engine::DocumentResult& document,
                          const engine::Violation& violation, const std::string& rule_id,
                          size_t rule_index) {
  json.BeginObject();
  json.Field("ruleId", rule_id);
  json.FieldUint("ruleIndex", rule_index);
  json.Field("level", Level(violation.enforcement));
  WriteMessage(json, violation.message.empty() ? rule_id : violation.message);
  WriteLocations(json, FindingFile(document, violation), violation.line, violation.column);
  json.Key("partialFingerprints");
  json.BeginObject();
  json.Field("warden/v1", FindingFingerprint(document, violation));
  json.EndObject();
  if (!violation.waived_by.empty()) {
    json.Key("suppressions");
    json.BeginArray();
    json.BeginObject();
    json.Field("kind", "external");
    json.Field("status", "accepted");
    json.Field("justification", "waived by exception `" + violation.waived_by + "`");
    json.EndObject();
    json.EndArray();
  }
  json.Key("properties");
  json.BeginObject();
  json.Field("path", violation.path);
  json.Field("severity", policy::SeverityName(violation.severity));
  json.Field("enforcement", policy::EnforcementName(violation.enforcement));
  json.FieldUint("document_index", document.document_index);
  if (!violation.remediation.empty()) json.Field("remediation", violation.remediation);
  json.EndObject();
  json.EndObject();
}

void WriteEvaluationErrorResult(JsonOut& json, const engine::DocumentResult& document,
                                const engine::PolicyResult& policy,
                                const engine::EvaluationError& error, size_t rule_index) {
  json.BeginObject();
  json.Field("ruleId", kEvaluationErrorRule);
  json.FieldUint("ruleIndex", rule_index);
  json.Field("level", Level(policy.enforcement));
  std::string text = "policy `" + error.policy + "`";
  if (!error.rule.empty()) text += " rule `" + error.rule + "`";
  text += " could not be evaluated: " + error.message;
  WriteMessage(json, text);
  // The finding is about the document; the expression that failed is related.
  WriteLocations(json, document.file, 0, 0);
  if (!error.file.empty()) {
    json.Key("relatedLocations");
    json.BeginArray();
    json.BeginObject();
    json.FieldUint("id", 0);
    WritePhysicalLocation(json, error.file, error.line, error.column);
    WriteMessage(json, "the failing expression");
    json.EndObject();
    json.EndArray();
  }
  json.Key("partialFingerprints");
  json.BeginObject();
  json.Field("warden/v1", ErrorFingerprint(document, error));
  json.EndObject();
  json.EndObject();
}

void WriteInputErrorResult(JsonOut& json, const InputError& error, size_t rule_index) {
  json.BeginObject();
  json.Field("ruleId", kInputErrorRule);
  json.FieldUint("ruleIndex", rule_index);
  json.Field("level", "error");
  WriteMessage(json, error.message);
  WriteLocations(json, error.file, error.line, error.column);
  json.Key("partialFingerprints");
  json.BeginObject();
  json.Field("warden/v1", InputErrorFingerprint(error));
  json.EndObject();
  json.EndObject();
}

}  // namespace

std::string RenderSarif(const CheckReport& report) {
  std::map<std::string, RuleInfo> rules;
  bool any_evaluation_error = false;
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      if (!policy.errors.empty()) any_evaluation_error = true;
      for (const engine::Violation& violation : policy.violations) {
        rules.try_emplace(RuleId(violation.policy, violation.rule),
                          RuleInfo{&policy, &violation, 0});
      }
    }
  }
  size_t next_index = 0;
  for (auto& [id, info] : rules) info.index = next_index++;
  const size_t evaluation_error_index = next_index;
  if (any_evaluation_error) ++next_index;
  const size_t input_error_index = next_index;

  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Field("$schema", kSchema);
  json.Field("version", "2.1.0");
  json.Key("runs");
  json.BeginArray();
  json.BeginObject();

  json.Key("tool");
  json.BeginObject();
  json.Key("driver");
  json.BeginObject();
  json.Field("name", "warden");
  if (!report.tool_version.empty()) json.Field("version", report.tool_version);
  if (!report.tool_information_uri.empty()) {
    json.Field("informationUri", report.tool_information_uri);
  }
  json.Key("rules");
  json.BeginArray();
  for (const auto& [id, info] : rules) WritePolicyRule(json, id, info);
  if (any_evaluation_error) {
    WriteSyntheticRule(json, kEvaluationErrorRule, "A policy could not be evaluated",
                       "A condition of the policy failed to evaluate on this document (for "
                       "example a type error or an exceeded limit). Warden fails closed: "
                       "under `enforce` the document does not pass until the policy or the "
                       "document is fixed.");
  }
  if (!report.input_errors.empty()) {
    WriteSyntheticRule(json, kInputErrorRule, "An input file could not be read",
                       "The file could not be read or parsed, so no policy was checked "
                       "against it. Fix the syntax error at the reported position.");
  }
  json.EndArray();
  json.EndObject();
  json.EndObject();

  json.Key("invocations");
  json.BeginArray();
  json.BeginObject();
  json.FieldBool("executionSuccessful", report.input_errors.empty());
  if (!report.input_errors.empty()) {
    json.Key("toolExecutionNotifications");
    json.BeginArray();
    for (const InputError& error : report.input_errors) {
      json.BeginObject();
      json.Field("level", "error");
      WriteMessage(json, error.message);
      WriteLocations(json, error.file, error.line, error.column);
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
  json.EndArray();

  // Warden counts columns in code points, not SARIF's default UTF-16 code units.
  json.Field("columnKind", "unicodeCodePoints");

  json.Key("results");
  json.BeginArray();
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      for (const engine::Violation& violation : policy.violations) {
        const std::string rule_id = RuleId(violation.policy, violation.rule);
        WriteViolationResult(json, document, violation, rule_id, rules.at(rule_id).index);
      }
      for (const engine::EvaluationError& error : policy.errors) {
        WriteEvaluationErrorResult(json, document, policy, error, evaluation_error_index);
      }
    }
  }
  for (const InputError& error : report.input_errors) {
    WriteInputErrorResult(json, error, input_error_index);
  }
  json.EndArray();

  json.Key("properties");
  json.BeginObject();
  WriteBundleMember(json, report.bundle_name, report.bundle_version, report.bundle_digest);
  json.Field("environment", report.environment);
  json.EndObject();

  json.EndObject();
  json.EndArray();
  json.EndObject();
  std::string out = json.Take();
  out += '\n';
  return out;
}

}  // namespace warden::report
