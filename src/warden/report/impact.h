#pragma once
// `warden impact`: what changes when a bundle replaces another on the same inputs
// (docs/impact.md). Compares two runs — base and head — input by input:
//
//   - documents: each (document, policy) outcome (`skip` when the policy does not apply),
//     and whether the document is blocked (a blocking finding, or an evaluation error of
//     an enforcing policy);
//   - requests: the decision and the deciding rules.
//
// A document that becomes blocked, or a request that was allowed and no longer is, is
// "newly blocked"; the reverse is "newly allowed". Inputs that evaluate with errors in
// head and not in base are "newly erroring". Pure functions; deterministic order.

#include <cstddef>
#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/report.h"
#include "warden/report/summary_format.h"

namespace warden::report {

struct ImpactChange {
  std::string input;   // the document (`Pod default/web (file)`) or request (`file:line`)
  std::string policy;  // documents: the policy whose outcome changed; requests: empty
  std::string from;    // `pass`, `fail`, ... or `allow`, `deny`, `require_approval`
  std::string to;
  // Rules that fire in head, not in base, and the reverse: rule ids for documents
  // (of `policy`), `policy/rule` for requests.
  std::vector<std::string> rules_added;
  std::vector<std::string> rules_removed;
};

// Counts of one kind of transition of one policy (documents) or of the decisions.
struct ImpactGroup {
  std::string policy;  // empty for request decisions
  std::string from;
  std::string to;
  size_t count = 0;
};

// How many inputs a rule started or stopped firing on (documents: findings not waived;
// requests: deciding).
struct ImpactRuleGroup {
  std::string policy;
  std::string rule;
  size_t started = 0;
  size_t stopped = 0;
};

struct Impact {
  std::string base_label;
  std::string head_label;
  size_t documents = 0;
  size_t requests = 0;
  size_t newly_blocked = 0;
  size_t newly_allowed = 0;
  size_t newly_erroring = 0;
  size_t changed_inputs = 0;                 // inputs with at least one change
  std::vector<ImpactGroup> groups;           // by policy, then transition
  std::vector<ImpactRuleGroup> rule_groups;  // by policy, then rule
  std::vector<ImpactChange> changes;         // every change, in input order
  std::vector<std::string> newly_erroring_inputs;
};

// One side of the comparison: a check report and the decisions of the same requests,
// labelled in the same order.
struct ImpactRun {
  const CheckReport* documents = nullptr;
  const std::vector<engine::RequestDecision>* decisions = nullptr;
};

Impact CompareRuns(const ImpactRun& base, const ImpactRun& head,
                   const std::vector<std::string>& request_labels, std::string base_label,
                   std::string head_label);

std::string RenderImpact(const Impact& impact, SummaryFormat format);

}  // namespace warden::report
