#pragma once
// What the engine decides (LANGUAGE.md §3, fixed vocabulary): per (document, policy)
// outcomes with violations, and request decisions with the deciding rules. Plain values
// that own their strings, so results outlive the bundle and inputs that made them;
// report/ renders them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "warden/policy/model.h"

namespace warden::engine {

enum class Outcome { kPass, kFail, kWarn, kSkip, kError };
enum class Decision { kAllow, kDeny, kRequireApproval };

// `pass`, `fail`, `warn`, `skip`, `error`.
const char* OutcomeName(Outcome outcome);
// `allow`, `deny`, `require_approval`.
const char* DecisionName(Decision decision);

// A finding of one rule on one input (one foreach element).
struct Violation {
  std::string policy;
  std::string rule;
  std::string rule_title;
  policy::Severity severity = policy::Severity::kMedium;
  policy::Effect effect = policy::Effect::kDeny;
  // The enforcement after the whole resolution chain (rule effect, policy, environment);
  // waived findings keep it and name the exception in `waived_by`.
  policy::Enforcement enforcement = policy::Enforcement::kEnforce;
  std::string message;
  std::string path;  // dotted path into the document, e.g. spec.containers[0].image
  std::string file;
  uint32_t line = 0;  // of the node `path` names (or the nearest existing ancestor)
  uint32_t column = 0;
  std::string remediation;
  std::vector<std::string> controls;
  std::string waived_by;  // exception name; empty when not waived

  bool blocking() const {
    return waived_by.empty() && enforcement == policy::Enforcement::kEnforce;
  }
};

// A rule whose evaluation failed.
struct EvaluationError {
  std::string policy;
  std::string rule;  // empty when `match.when` or a `let` failed
  std::string message;
  std::string file;
  uint32_t line = 0;  // of the expression in the policy file
  uint32_t column = 0;
};

struct ResourceInfo {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_name;
};

// The outcome of one policy on one document.
struct PolicyResult {
  std::string policy;
  std::string title;
  policy::Severity severity = policy::Severity::kMedium;
  policy::PolicyType type = policy::PolicyType::kSecurity;
  policy::Enforcement enforcement = policy::Enforcement::kEnforce;  // after environment
  Outcome outcome = Outcome::kPass;
  std::vector<Violation> violations;    // waived ones included (see Violation::waived_by)
  std::vector<std::string> waived_by;   // names of exceptions that waived something
  std::vector<EvaluationError> errors;  // set when outcome is error
};

// Every applicable policy's result on one document (policies that do not match it are
// not listed).
struct DocumentResult {
  std::string file;
  size_t document_index = 0;
  std::optional<size_t> item_index;
  ResourceInfo resource;
  std::vector<PolicyResult> policies;
};

struct DecidingRule {
  std::string policy;
  std::string rule;
  policy::Effect effect = policy::Effect::kDeny;
  std::string message;
};

struct Obligation {
  std::string type;  // `approval`
  std::string policy;
  std::string rule;
  std::vector<std::string> approvers;
};

struct RequestDecision {
  Decision decision = Decision::kDeny;
  std::vector<DecidingRule> rules;      // the rules that decided (several under *-overrides)
  std::vector<std::string> reasons;     // their messages, or why the default applied
  std::vector<Obligation> obligations;  // approvals to obtain for require_approval
  std::vector<DecidingRule> warnings;   // fired rules whose enforcement is warn
  std::vector<DecidingRule> audits;     // fired rules recorded for audit only
  std::vector<DecidingRule> waived;     // fired rules waived by an exception
  std::vector<std::string> waived_by;
  std::vector<EvaluationError> errors;
  bool by_default = false;  // no rule decided: the bundle's default applied
  std::string bundle_name;
  std::string bundle_version;
  std::string bundle_digest;  // sha256 of the bundle's sources, hex
  // The evaluation time the decision was made at (EvalOptions: the engine reads no clock).
  int64_t evaluated_at_seconds = 0;
  int32_t evaluated_at_nanos = 0;
  // Left empty / zero by the engine; a service that serves the decision fills them in
  // (service::DecideAndStamp): a unique id for decision logs and how long it took.
  std::string decision_id;
  uint64_t duration_ns = 0;
};

// One step of `--explain`: a candidate rule and what its evaluation gave.
struct ExplainStep {
  std::string policy;
  std::string rule;
  std::string result;  // `true`, `false`, `error: ...`, `skipped: ...`
  std::string note;    // why it decided, was skipped or was waived
};

}  // namespace warden::engine
