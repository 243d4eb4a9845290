#include "warden/report/impact.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "warden/report/findings.h"

namespace warden::report {
namespace {

using DocumentKey = std::tuple<std::string, size_t, size_t>;  // file, document, item + 1

DocumentKey KeyOf(const engine::DocumentResult& document) {
  return {document.file, document.document_index,
          document.item_index ? *document.item_index + 1 : 0};
}

// What one run said about one document.
struct DocumentView {
  const engine::DocumentResult* result = nullptr;
  bool blocked = false;
  bool errored = false;
};

DocumentView ViewOf(const engine::DocumentResult& document) {
  DocumentView view;
  view.result = &document;
  for (const engine::PolicyResult& policy : document.policies) {
    if (policy.outcome == engine::Outcome::kError) {
      view.errored = true;
      view.blocked = view.blocked || policy.enforcement == policy::Enforcement::kEnforce;
    }
    for (const engine::Violation& violation : policy.violations) {
      view.blocked = view.blocked || violation.blocking();
    }
  }
  return view;
}

const engine::PolicyResult* FindPolicy(const DocumentView& view, const std::string& name) {
  if (view.result == nullptr) return nullptr;
  for (const engine::PolicyResult& policy : view.result->policies) {
    if (policy.policy == name) return &policy;
  }
  return nullptr;
}

std::set<std::string> FiringRules(const engine::PolicyResult* policy) {
  std::set<std::string> rules;
  if (policy == nullptr) return rules;
  for (const engine::Violation& violation : policy->violations) {
    if (violation.waived_by.empty()) rules.insert(violation.rule);
  }
  return rules;
}

void Difference(const std::set<std::string>& from, const std::set<std::string>& to,
                std::vector<std::string>& added, std::vector<std::string>& removed) {
  std::set_difference(to.begin(), to.end(), from.begin(), from.end(), std::back_inserter(added));
  std::set_difference(from.begin(), from.end(), to.begin(), to.end(), std::back_inserter(removed));
}

std::set<std::string> DecidingRules(const engine::RequestDecision& decision) {
  std::set<std::string> rules;
  for (const engine::DecidingRule& rule : decision.rules) {
    rules.insert(rule.policy + "/" + rule.rule);
  }
  return rules;
}

}  // namespace

Impact CompareRuns(const ImpactRun& base, const ImpactRun& head,
                   const std::vector<std::string>& request_labels, std::string base_label,
                   std::string head_label) {
  Impact out;
  out.base_label = std::move(base_label);
  out.head_label = std::move(head_label);
  std::map<std::tuple<std::string, std::string, std::string>, size_t> groups;

  // Documents, in head's order; a document only one side has is compared with nothing.
  std::map<DocumentKey, DocumentView> base_views;
  if (base.documents != nullptr) {
    for (const engine::DocumentResult& document : base.documents->results) {
      base_views[KeyOf(document)] = ViewOf(document);
    }
  }
  if (head.documents != nullptr) {
    for (const engine::DocumentResult& document : head.documents->results) {
      ++out.documents;
      DocumentView now = ViewOf(document);
      auto found = base_views.find(KeyOf(document));
      DocumentView before = found != base_views.end() ? found->second : DocumentView{};
      std::string input = DocumentLabel(document) + " (" + NormalizePath(document.file) + ")";
      std::set<std::string> policies;
      for (const engine::PolicyResult& policy : document.policies) policies.insert(policy.policy);
      if (before.result != nullptr) {
        for (const engine::PolicyResult& policy : before.result->policies) {
          policies.insert(policy.policy);
        }
      }
      bool changed = false;
      for (const std::string& name : policies) {
        const engine::PolicyResult* was = FindPolicy(before, name);
        const engine::PolicyResult* is = FindPolicy(now, name);
        std::string from = was != nullptr ? engine::OutcomeName(was->outcome) : "skip";
        std::string to = is != nullptr ? engine::OutcomeName(is->outcome) : "skip";
        ImpactChange change{input, name, from, to, {}, {}};
        Difference(FiringRules(was), FiringRules(is), change.rules_added, change.rules_removed);
        if (from == to && change.rules_added.empty() && change.rules_removed.empty()) continue;
        changed = true;
        ++groups[{name, from, to}];
        out.changes.push_back(std::move(change));
      }
      if (changed) ++out.changed_inputs;
      if (now.blocked && !before.blocked) ++out.newly_blocked;
      if (!now.blocked && before.blocked) ++out.newly_allowed;
      if (now.errored && !before.errored) {
        ++out.newly_erroring;
        out.newly_erroring_inputs.push_back(input);
      }
    }
  }

  // Requests, compared line by line.
  if (head.decisions != nullptr && base.decisions != nullptr) {
    size_t count = std::min(head.decisions->size(), base.decisions->size());
    for (size_t idx = 0; idx < count; ++idx) {
      ++out.requests;
      const engine::RequestDecision& was = (*base.decisions)[idx];
      const engine::RequestDecision& is = (*head.decisions)[idx];
      std::string input = idx < request_labels.size() ? request_labels[idx] : "";
      ImpactChange change{
          input, "", engine::DecisionName(was.decision), engine::DecisionName(is.decision), {}, {}};
      Difference(DecidingRules(was), DecidingRules(is), change.rules_added, change.rules_removed);
      bool allowed_before = was.decision == engine::Decision::kAllow;
      bool allowed_now = is.decision == engine::Decision::kAllow;
      if (allowed_before && !allowed_now) ++out.newly_blocked;
      if (!allowed_before && allowed_now) ++out.newly_allowed;
      if (!is.errors.empty() && was.errors.empty()) {
        ++out.newly_erroring;
        out.newly_erroring_inputs.push_back(input);
      }
      if (change.from == change.to && change.rules_added.empty() && change.rules_removed.empty()) {
        continue;
      }
      ++out.changed_inputs;
      ++groups[{"", change.from, change.to}];
      out.changes.push_back(std::move(change));
    }
  }
  for (const auto& [key, count] : groups) {
    out.groups.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), count});
  }
  // Per rule: on how many inputs it started or stopped firing.
  std::map<std::pair<std::string, std::string>, ImpactRuleGroup> rules;
  auto count_rule = [&](const std::string& policy, const std::string& rule, bool started) {
    ImpactRuleGroup& group = rules[{policy, rule}];
    group.policy = policy;
    group.rule = rule;
    ++(started ? group.started : group.stopped);
  };
  for (const ImpactChange& change : out.changes) {
    for (bool started : {true, false}) {
      for (const std::string& rule : started ? change.rules_added : change.rules_removed) {
        if (!change.policy.empty()) {
          count_rule(change.policy, rule, started);
        } else {
          size_t slash = rule.find('/');  // requests name rules `policy/rule`
          count_rule(rule.substr(0, slash),
                     slash == std::string::npos ? "" : rule.substr(slash + 1), started);
        }
      }
    }
  }
  for (auto& [key, group] : rules) out.rule_groups.push_back(std::move(group));
  return out;
}

}  // namespace warden::report
