// Request decisions: one JSON line per decision (`warden eval`, the service) and the
// `--explain` text (docs/output-formats.md, "Decisions").

#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/json_out.h"
#include "warden/report/json_parts.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

namespace {

void WriteRules(JsonOut& json, std::string_view key,
                const std::vector<engine::DecidingRule>& rules) {
  json.Key(key);
  json.BeginArray();
  for (const engine::DecidingRule& rule : rules) {
    json.BeginObject();
    json.Field("policy", rule.policy);
    json.Field("rule", rule.rule);
    json.Field("effect", policy::EffectName(rule.effect));
    json.Field("message", rule.message);
    json.EndObject();
  }
  json.EndArray();
}

void AppendRules(std::string& out, std::string_view heading,
                 const std::vector<engine::DecidingRule>& rules) {
  if (rules.empty()) return;
  out += heading;
  out += ":\n";
  for (const engine::DecidingRule& rule : rules) {
    out += "  " + TerminalText(RuleId(rule.policy, rule.rule), 4) + " (" +
           policy::EffectName(rule.effect) + ")";
    if (!rule.message.empty()) out += ": " + TerminalText(rule.message, 4);
    out += '\n';
  }
}

void AppendList(std::string& out, std::string_view heading, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += heading;
  out += ":\n";
  for (const std::string& item : items) out += "  - " + TerminalText(item, 4) + '\n';
}

}  // namespace

std::string RenderDecisionJson(const engine::RequestDecision& decision) {
  JsonOut json(/*pretty=*/false);
  json.BeginObject();
  json.Field("decision", engine::DecisionName(decision.decision));
  WriteRules(json, "rules", decision.rules);
  json.StringArray("reasons", decision.reasons);
  json.Key("obligations");
  json.BeginArray();
  for (const engine::Obligation& obligation : decision.obligations) {
    json.BeginObject();
    json.Field("type", obligation.type);
    json.Field("policy", obligation.policy);
    json.Field("rule", obligation.rule);
    json.StringArray("approvers", obligation.approvers);
    json.EndObject();
  }
  json.EndArray();
  WriteRules(json, "warnings", decision.warnings);
  WriteRules(json, "audits", decision.audits);
  WriteRules(json, "waived", decision.waived);
  json.StringArray("waived_by", decision.waived_by);
  json.Key("errors");
  json.BeginArray();
  for (const engine::EvaluationError& error : decision.errors) {
    WriteEvaluationError(json, error, /*with_policy=*/true);
  }
  json.EndArray();
  json.FieldBool("default", decision.by_default);
  WriteBundleMember(json, decision.bundle_name, decision.bundle_version, decision.bundle_digest);
  json.Field("decision_id", decision.decision_id);
  json.Field("evaluated_at",
             EvaluationTimeText(decision.evaluated_at_seconds, decision.evaluated_at_nanos));
  json.FieldUint("duration_ns", decision.duration_ns);
  json.EndObject();
  return json.Take();
}

std::string RenderExplain(const engine::RequestDecision& decision,
                          const std::vector<engine::ExplainStep>& steps) {
  std::string out = "decision: ";
  out += engine::DecisionName(decision.decision);
  if (decision.by_default) out += " (no rule decided: the bundle's default)";
  out += '\n';
  if (!decision.bundle_name.empty()) {
    out += "bundle: " + TerminalText(decision.bundle_name, 2);
    if (!decision.bundle_version.empty()) out += " " + TerminalText(decision.bundle_version, 2);
    if (!decision.bundle_digest.empty()) {
      out += " (sha256 " + TerminalText(decision.bundle_digest.substr(0, 12), 2) + ")";
    }
    out += '\n';
  }
  if (!decision.decision_id.empty()) out += "decision id: " + decision.decision_id + '\n';
  std::string evaluated_at =
      EvaluationTimeText(decision.evaluated_at_seconds, decision.evaluated_at_nanos);
  if (!evaluated_at.empty()) out += "evaluated at: " + evaluated_at + '\n';
  AppendRules(out, "decided by", decision.rules);
  AppendList(out, "reasons", decision.reasons);
  if (!decision.obligations.empty()) {
    out += "obligations:\n";
    for (const engine::Obligation& obligation : decision.obligations) {
      out += "  " + TerminalText(obligation.type, 4) + " from " +
             TerminalText(RuleId(obligation.policy, obligation.rule), 4);
      if (!obligation.approvers.empty()) {
        out += ": ";
        for (size_t approver_idx = 0; approver_idx < obligation.approvers.size(); ++approver_idx) {
          if (approver_idx != 0) out += ", ";
          out += TerminalText(obligation.approvers[approver_idx], 4);
        }
      }
      out += '\n';
    }
  }
  AppendRules(out, "warnings", decision.warnings);
  AppendRules(out, "audit", decision.audits);
  AppendRules(out, "waived", decision.waived);
  AppendList(out, "waived by", decision.waived_by);
  if (!decision.errors.empty()) {
    out += "errors:\n";
    for (const engine::EvaluationError& error : decision.errors) {
      out += "  " + TerminalText(RuleId(error.policy, error.rule), 4) + ": " +
             TerminalText(error.message, 4);
      if (!error.file.empty()) {
        out += " (" + TerminalText(LocationText(error.file, error.line, error.column), 4) + ")";
      }
      out += '\n';
    }
  }
  out += "evaluation:\n";
  if (steps.empty()) out += "  no candidate rules\n";
  for (size_t step_idx = 0; step_idx < steps.size(); ++step_idx) {
    const engine::ExplainStep& step = steps[step_idx];
    out += "  " + std::to_string(step_idx + 1) + ". " +
           TerminalText(RuleId(step.policy, step.rule), 6) + " -> " + TerminalText(step.result, 6);
    if (!step.note.empty()) out += "  (" + TerminalText(step.note, 6) + ")";
    out += '\n';
  }
  return out;
}

}  // namespace warden::report
