#include "warden/engine/coverage.h"

namespace warden::engine {

void CoverageRecorder::Register(const policy::CompiledBundle& bundle) {
  for (const policy::CompiledPolicy& policy : bundle.policies) {
    for (const policy::CompiledRule& rule : policy.rules) RuleOf(policy, rule);
  }
}

CoverageRecorder::Rule& CoverageRecorder::RuleOf(const policy::CompiledPolicy& policy,
                                                 const policy::CompiledRule& rule) {
  auto [found, added] = index_.try_emplace({policy.name, rule.id}, 0, 0);
  if (added) {
    size_t policy_idx = 0;
    while (policy_idx < policies_.size() && policies_[policy_idx].name != policy.name) {
      ++policy_idx;
    }
    if (policy_idx == policies_.size()) {
      policies_.push_back({policy.name, policy.location.file, {}});
    }
    Rule entry;
    entry.id = rule.id;
    entry.location = rule.condition_location;
    for (const std::string& text : rule.coverage.leaves) entry.branches.push_back({text, 0, 0, 0});
    policies_[policy_idx].rules.push_back(std::move(entry));
    found->second = {policy_idx, policies_[policy_idx].rules.size() - 1};
  }
  return policies_[found->second.first].rules[found->second.second];
}

void CoverageRecorder::RecordCondition(const policy::CompiledPolicy& policy,
                                       const policy::CompiledRule& rule, bool fired, bool error) {
  Rule& entry = RuleOf(policy, rule);
  ++entry.evaluated;
  if (error) {
    ++entry.errors;
  } else if (fired) {
    ++entry.fired;
  } else {
    ++entry.not_fired;
  }
}

void CoverageRecorder::RecordBranch(const policy::CompiledPolicy& policy,
                                    const policy::CompiledRule& rule, size_t leaf, bool value,
                                    bool error) {
  Rule& entry = RuleOf(policy, rule);
  if (leaf >= entry.branches.size()) return;  // a bundle compiled without circuits
  Branch& branch = entry.branches[leaf];
  if (error) {
    ++branch.error_count;
  } else if (value) {
    ++branch.true_count;
  } else {
    ++branch.false_count;
  }
}

}  // namespace warden::engine
