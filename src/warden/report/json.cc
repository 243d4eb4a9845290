// Warden's own JSON report (docs/output-formats.md, "json"). The shape is fixed: scripts
// and the service depend on it. Key order is the order written here.

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/json_out.h"
#include "warden/report/json_parts.h"
#include "warden/report/report.h"

namespace warden::report {

namespace {

void WriteSummary(JsonOut& json, const Summary& summary) {
  json.Key("summary");
  json.BeginObject();
  json.FieldUint("documents", summary.documents);
  json.FieldUint("policies_evaluated", summary.policies_evaluated);
  json.FieldUint("passed", summary.passed);
  json.FieldUint("failed", summary.failed);
  json.FieldUint("warned", summary.warned);
  json.FieldUint("errored", summary.errored);
  json.FieldUint("skipped", summary.skipped);
  json.FieldUint("violations", summary.violations);
  json.FieldUint("blocking", summary.blocking);
  json.FieldUint("warnings", summary.warnings);
  json.FieldUint("audited", summary.audited);
  json.FieldUint("waived", summary.waived);
  json.FieldUint("evaluation_errors", summary.evaluation_errors);
  json.FieldUint("input_errors", summary.input_errors);
  json.Key("by_severity");
  json.BeginObject();
  for (int rank = 0; rank < 5; ++rank) {
    const auto severity = static_cast<policy::Severity>(4 - rank);
    json.FieldUint(policy::SeverityName(severity), summary.CountOf(severity));
  }
  json.EndObject();
  json.FieldBool("blocked", summary.blocked());
  json.EndObject();
}

void WriteViolation(JsonOut& json, const engine::Violation& violation) {
  json.BeginObject();
  json.Field("rule", violation.rule);
  json.Field("severity", policy::SeverityName(violation.severity));
  json.Field("message", violation.message);
  json.Field("path", violation.path);
  json.FieldUint("line", violation.line);
  json.FieldUint("column", violation.column);
  json.Field("remediation", violation.remediation);
  json.StringArray("controls", violation.controls);
  json.Field("enforcement", policy::EnforcementName(violation.enforcement));
  if (!violation.waived_by.empty()) json.Field("waived_by", violation.waived_by);
  json.EndObject();
}

void WriteResult(JsonOut& json, const engine::DocumentResult& document,
                 const engine::PolicyResult& policy) {
  json.BeginObject();
  json.Field("file", document.file);
  json.FieldUint("document_index", document.document_index);
  if (document.item_index) json.FieldUint("item_index", *document.item_index);
  json.Key("resource");
  json.BeginObject();
  json.Field("apiVersion", document.resource.api_version);
  json.Field("kind", document.resource.kind);
  json.Field("name", document.resource.name);
  json.Field("namespace", document.resource.namespace_name);
  json.EndObject();
  json.Field("policy", policy.policy);
  json.Field("status", engine::OutcomeName(policy.outcome));
  json.Key("violations");
  json.BeginArray();
  for (const engine::Violation& violation : policy.violations) WriteViolation(json, violation);
  json.EndArray();
  json.StringArray("waived_by", policy.waived_by);
  json.Key("errors");
  json.BeginArray();
  for (const engine::EvaluationError& error : policy.errors) {
    WriteEvaluationError(json, error, /*with_policy=*/false);
  }
  json.EndArray();
  json.EndObject();
}

}  // namespace

std::string RenderJson(const CheckReport& report) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  WriteSummary(json, Summarize(report));
  json.Key("results");
  json.BeginArray();
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      WriteResult(json, document, policy);
    }
  }
  json.EndArray();
  json.Key("errors");
  json.BeginArray();
  for (const InputError& error : report.input_errors) {
    json.BeginObject();
    json.Field("file", error.file);
    json.FieldUint("line", error.line);
    json.FieldUint("column", error.column);
    json.Field("message", error.message);
    json.EndObject();
  }
  json.EndArray();
  json.Key("tool");
  json.BeginObject();
  json.Field("name", "warden");
  json.Field("version", report.tool_version);
  json.EndObject();
  WriteBundleMember(json, report.bundle_name, report.bundle_version, report.bundle_digest);
  json.Field("environment", report.environment);
  json.EndObject();
  std::string out = json.Take();
  out += '\n';
  return out;
}

}  // namespace warden::report
