#pragma once
// Warden's public embedding API (docs/embedding.md): the decision on one authorization
// request, as Policies::Decide returns it.
//
// A Decision is a plain value that owns its strings: it stays valid after the Policies
// that made it are gone, and may be moved to another thread or queued for a decision log.

#include <cstdint>
#include <string>
#include <vector>

#include "warden/vocabulary.h"

namespace warden {
inline namespace api_v1 {

// A rule that fired: `policy` is the policy's `metadata.name`, `rule` the rule's `id`,
// `message` its rendered message.
struct DecidingRule {
  std::string policy;
  std::string rule;
  RuleEffect effect = RuleEffect::kDeny;
  std::string message;
};

// What the caller must obtain before acting on a `require_approval` decision.
struct Obligation {
  std::string type;  // `approval`
  std::string policy;
  std::string rule;
  std::vector<std::string> approvers;  // the rule's `approvers`
};

// A rule (or a policy's `match.when` / `let`, then `rule` is empty) whose evaluation
// failed at run time; `file:line:column` is the expression in the policy file. Such a
// rule fails closed unless its policy says `on_error: allow`.
struct EvaluationError {
  std::string policy;
  std::string rule;
  std::string message;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Decision {
  // Fail closed: `kDeny` unless the policies decided otherwise.
  Effect effect = Effect::kDeny;
  // The rules that decided (one under first-match, several under *-overrides combining);
  // empty when the bundle's default applied (then `by_default` is true).
  std::vector<DecidingRule> rules;
  // The deciding rules' messages, or why the default applied.
  std::vector<std::string> reasons;
  // Approvals to obtain when `effect` is kRequireApproval.
  std::vector<Obligation> obligations;
  // Rules that fired without deciding: enforcement `warn`, `audit`, or waived by an
  // exception (named in `waived_by`).
  std::vector<DecidingRule> warnings;
  std::vector<DecidingRule> audits;
  std::vector<DecidingRule> waived;
  std::vector<std::string> waived_by;
  // Rules whose evaluation failed (see EvaluationError).
  std::vector<EvaluationError> errors;
  bool by_default = false;
  // Set when the request could not be decided at all: malformed request JSON, a limit
  // (Options), or an unset evaluation time. `effect` is then kDeny and nothing else is
  // filled in but the bundle fields. Format: `where: reason`, e.g.
  // `request:1:12: expected ...`.
  std::string error;
  // The bundle that decided (`metadata.name`, `metadata.version`, sha256 of its sources),
  // for decision logs.
  std::string bundle_name;
  std::string bundle_version;
  std::string bundle_digest;
  // For decision logs: a unique id (a random UUID, also for decisions that failed), the
  // evaluation time the decision was made at (EvalContext, Unix seconds and nanos) and
  // how long the evaluation took.
  std::string decision_id;
  int64_t evaluated_at_seconds = 0;
  int32_t evaluated_at_nanos = 0;
  uint64_t duration_ns = 0;

  bool allowed() const { return effect == Effect::kAllow; }

  // One line of JSON, no trailing newline: the line `warden eval` prints (keys
  // `decision`, `rules`, `reasons`, `obligations`, `warnings`, `audits`, `waived`,
  // `waived_by`, `errors`, `default`, `bundle`, `decision_id`, `evaluated_at`,
  // `duration_ns`), plus `error` when it is set.
  std::string ToJson() const;
};

}  // namespace api_v1
}  // namespace warden
