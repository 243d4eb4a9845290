#include "warden/service/embed_convert.h"

#include <utility>
#include <vector>

namespace warden::service::embed {

// Every switch below names each enumerator, so adding one to either side is a compile
// warning (an error in the dev build) until it is mapped.

warden::Effect ToPublic(engine::Decision decision) {
  switch (decision) {
    case engine::Decision::kAllow:
      return warden::Effect::kAllow;
    case engine::Decision::kDeny:
      return warden::Effect::kDeny;
    case engine::Decision::kRequireApproval:
      return warden::Effect::kRequireApproval;
  }
  return warden::Effect::kDeny;
}

warden::RuleEffect ToPublic(policy::Effect effect) {
  switch (effect) {
    case policy::Effect::kDeny:
      return warden::RuleEffect::kDeny;
    case policy::Effect::kAllow:
      return warden::RuleEffect::kAllow;
    case policy::Effect::kRequireApproval:
      return warden::RuleEffect::kRequireApproval;
    case policy::Effect::kWarn:
      return warden::RuleEffect::kWarn;
    case policy::Effect::kAudit:
      return warden::RuleEffect::kAudit;
  }
  return warden::RuleEffect::kDeny;
}

warden::Severity ToPublic(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kInfo:
      return warden::Severity::kInfo;
    case policy::Severity::kLow:
      return warden::Severity::kLow;
    case policy::Severity::kMedium:
      return warden::Severity::kMedium;
    case policy::Severity::kHigh:
      return warden::Severity::kHigh;
    case policy::Severity::kCritical:
      return warden::Severity::kCritical;
  }
  return warden::Severity::kMedium;
}

warden::Enforcement ToPublic(policy::Enforcement enforcement) {
  switch (enforcement) {
    case policy::Enforcement::kEnforce:
      return warden::Enforcement::kEnforce;
    case policy::Enforcement::kWarn:
      return warden::Enforcement::kWarn;
    case policy::Enforcement::kAudit:
      return warden::Enforcement::kAudit;
    case policy::Enforcement::kDisabled:
      return warden::Enforcement::kDisabled;
  }
  return warden::Enforcement::kEnforce;
}

warden::Outcome ToPublic(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::kPass:
      return warden::Outcome::kPass;
    case engine::Outcome::kFail:
      return warden::Outcome::kFail;
    case engine::Outcome::kWarn:
      return warden::Outcome::kWarn;
    case engine::Outcome::kSkip:
      return warden::Outcome::kSkip;
    case engine::Outcome::kError:
      return warden::Outcome::kError;
  }
  return warden::Outcome::kError;
}

engine::Decision ToEngine(warden::Effect effect) {
  switch (effect) {
    case warden::Effect::kAllow:
      return engine::Decision::kAllow;
    case warden::Effect::kDeny:
      return engine::Decision::kDeny;
    case warden::Effect::kRequireApproval:
      return engine::Decision::kRequireApproval;
  }
  return engine::Decision::kDeny;
}

policy::Effect ToEngine(warden::RuleEffect effect) {
  switch (effect) {
    case warden::RuleEffect::kDeny:
      return policy::Effect::kDeny;
    case warden::RuleEffect::kAllow:
      return policy::Effect::kAllow;
    case warden::RuleEffect::kRequireApproval:
      return policy::Effect::kRequireApproval;
    case warden::RuleEffect::kWarn:
      return policy::Effect::kWarn;
    case warden::RuleEffect::kAudit:
      return policy::Effect::kAudit;
  }
  return policy::Effect::kDeny;
}

policy::Severity ToEngine(warden::Severity severity) {
  switch (severity) {
    case warden::Severity::kInfo:
      return policy::Severity::kInfo;
    case warden::Severity::kLow:
      return policy::Severity::kLow;
    case warden::Severity::kMedium:
      return policy::Severity::kMedium;
    case warden::Severity::kHigh:
      return policy::Severity::kHigh;
    case warden::Severity::kCritical:
      return policy::Severity::kCritical;
  }
  return policy::Severity::kMedium;
}

policy::Enforcement ToEngine(warden::Enforcement enforcement) {
  switch (enforcement) {
    case warden::Enforcement::kEnforce:
      return policy::Enforcement::kEnforce;
    case warden::Enforcement::kWarn:
      return policy::Enforcement::kWarn;
    case warden::Enforcement::kAudit:
      return policy::Enforcement::kAudit;
    case warden::Enforcement::kDisabled:
      return policy::Enforcement::kDisabled;
  }
  return policy::Enforcement::kEnforce;
}

engine::Outcome ToEngine(warden::Outcome outcome) {
  switch (outcome) {
    case warden::Outcome::kPass:
      return engine::Outcome::kPass;
    case warden::Outcome::kFail:
      return engine::Outcome::kFail;
    case warden::Outcome::kWarn:
      return engine::Outcome::kWarn;
    case warden::Outcome::kSkip:
      return engine::Outcome::kSkip;
    case warden::Outcome::kError:
      return engine::Outcome::kError;
  }
  return engine::Outcome::kError;
}

namespace {

std::vector<warden::DecidingRule> MoveRules(std::vector<engine::DecidingRule>&& rules) {
  std::vector<warden::DecidingRule> out;
  out.reserve(rules.size());
  for (engine::DecidingRule& rule : rules) {
    out.push_back({std::move(rule.policy), std::move(rule.rule), ToPublic(rule.effect),
                   std::move(rule.message)});
  }
  return out;
}

std::vector<warden::EvaluationError> MoveErrors(std::vector<engine::EvaluationError>&& errors) {
  std::vector<warden::EvaluationError> out;
  out.reserve(errors.size());
  for (engine::EvaluationError& error : errors) {
    out.push_back({std::move(error.policy), std::move(error.rule), std::move(error.message),
                   std::move(error.file), error.line, error.column});
  }
  return out;
}

std::vector<engine::DecidingRule> CopyRules(const std::vector<warden::DecidingRule>& rules) {
  std::vector<engine::DecidingRule> out;
  out.reserve(rules.size());
  for (const warden::DecidingRule& rule : rules) {
    out.push_back({rule.policy, rule.rule, ToEngine(rule.effect), rule.message});
  }
  return out;
}

std::vector<engine::EvaluationError> CopyErrors(
    const std::vector<warden::EvaluationError>& errors) {
  std::vector<engine::EvaluationError> out;
  out.reserve(errors.size());
  for (const warden::EvaluationError& error : errors) {
    out.push_back({error.policy, error.rule, error.message, error.file, error.line, error.column});
  }
  return out;
}

warden::Violation MoveViolation(engine::Violation&& violation) {
  warden::Violation out;
  out.policy = std::move(violation.policy);
  out.rule = std::move(violation.rule);
  out.rule_title = std::move(violation.rule_title);
  out.severity = ToPublic(violation.severity);
  out.effect = ToPublic(violation.effect);
  out.enforcement = ToPublic(violation.enforcement);
  out.message = std::move(violation.message);
  out.path = std::move(violation.path);
  out.file = std::move(violation.file);
  out.line = violation.line;
  out.column = violation.column;
  out.remediation = std::move(violation.remediation);
  out.controls = std::move(violation.controls);
  out.waived_by = std::move(violation.waived_by);
  return out;
}

engine::Violation CopyViolation(const warden::Violation& violation) {
  engine::Violation out;
  out.policy = violation.policy;
  out.rule = violation.rule;
  out.rule_title = violation.rule_title;
  out.severity = ToEngine(violation.severity);
  out.effect = ToEngine(violation.effect);
  out.enforcement = ToEngine(violation.enforcement);
  out.message = violation.message;
  out.path = violation.path;
  out.file = violation.file;
  out.line = violation.line;
  out.column = violation.column;
  out.remediation = violation.remediation;
  out.controls = violation.controls;
  out.waived_by = violation.waived_by;
  return out;
}

}  // namespace

warden::Decision ToPublic(engine::RequestDecision&& decision) {
  warden::Decision out;
  out.effect = ToPublic(decision.decision);
  out.rules = MoveRules(std::move(decision.rules));
  out.reasons = std::move(decision.reasons);
  out.obligations.reserve(decision.obligations.size());
  for (engine::Obligation& obligation : decision.obligations) {
    out.obligations.push_back({std::move(obligation.type), std::move(obligation.policy),
                               std::move(obligation.rule), std::move(obligation.approvers)});
  }
  out.warnings = MoveRules(std::move(decision.warnings));
  out.audits = MoveRules(std::move(decision.audits));
  out.waived = MoveRules(std::move(decision.waived));
  out.waived_by = std::move(decision.waived_by);
  out.errors = MoveErrors(std::move(decision.errors));
  out.by_default = decision.by_default;
  out.bundle_name = std::move(decision.bundle_name);
  out.bundle_version = std::move(decision.bundle_version);
  out.bundle_digest = std::move(decision.bundle_digest);
  out.decision_id = std::move(decision.decision_id);
  out.evaluated_at_seconds = decision.evaluated_at_seconds;
  out.evaluated_at_nanos = decision.evaluated_at_nanos;
  out.duration_ns = decision.duration_ns;
  return out;
}

warden::DocumentOutcome ToPublic(engine::DocumentResult&& result) {
  warden::DocumentOutcome out;
  out.file = std::move(result.file);
  out.document_index = result.document_index;
  out.item_index = result.item_index;
  out.api_version = std::move(result.resource.api_version);
  out.kind = std::move(result.resource.kind);
  out.name = std::move(result.resource.name);
  out.namespace_name = std::move(result.resource.namespace_name);
  out.policies.reserve(result.policies.size());
  for (engine::PolicyResult& policy : result.policies) {
    warden::PolicyOutcome outcome;
    outcome.policy = std::move(policy.policy);
    outcome.title = std::move(policy.title);
    outcome.severity = ToPublic(policy.severity);
    outcome.enforcement = ToPublic(policy.enforcement);
    outcome.outcome = ToPublic(policy.outcome);
    outcome.violations.reserve(policy.violations.size());
    for (engine::Violation& violation : policy.violations) {
      outcome.violations.push_back(MoveViolation(std::move(violation)));
    }
    outcome.waived_by = std::move(policy.waived_by);
    outcome.errors = MoveErrors(std::move(policy.errors));
    out.policies.push_back(std::move(outcome));
  }
  return out;
}

engine::RequestDecision ToEngine(const warden::Decision& decision) {
  engine::RequestDecision out;
  out.decision = ToEngine(decision.effect);
  out.rules = CopyRules(decision.rules);
  out.reasons = decision.reasons;
  for (const warden::Obligation& obligation : decision.obligations) {
    out.obligations.push_back(
        {obligation.type, obligation.policy, obligation.rule, obligation.approvers});
  }
  out.warnings = CopyRules(decision.warnings);
  out.audits = CopyRules(decision.audits);
  out.waived = CopyRules(decision.waived);
  out.waived_by = decision.waived_by;
  out.errors = CopyErrors(decision.errors);
  out.by_default = decision.by_default;
  out.bundle_name = decision.bundle_name;
  out.bundle_version = decision.bundle_version;
  out.bundle_digest = decision.bundle_digest;
  out.decision_id = decision.decision_id;
  out.evaluated_at_seconds = decision.evaluated_at_seconds;
  out.evaluated_at_nanos = decision.evaluated_at_nanos;
  out.duration_ns = decision.duration_ns;
  return out;
}

engine::DocumentResult ToEngine(const warden::DocumentOutcome& document) {
  engine::DocumentResult out;
  out.file = document.file;
  out.document_index = document.document_index;
  out.item_index = document.item_index;
  out.resource = {document.api_version, document.kind, document.name, document.namespace_name};
  for (const warden::PolicyOutcome& outcome : document.policies) {
    engine::PolicyResult policy;
    policy.policy = outcome.policy;
    policy.title = outcome.title;
    policy.severity = ToEngine(outcome.severity);
    policy.enforcement = ToEngine(outcome.enforcement);
    policy.outcome = ToEngine(outcome.outcome);
    for (const warden::Violation& violation : outcome.violations) {
      policy.violations.push_back(CopyViolation(violation));
    }
    policy.waived_by = outcome.waived_by;
    policy.errors = CopyErrors(outcome.errors);
    out.policies.push_back(std::move(policy));
  }
  return out;
}

}  // namespace warden::service::embed
