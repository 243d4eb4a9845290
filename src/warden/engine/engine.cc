// Engine::Build and Engine::Decide (request decisions); Check is in check_document.cc.

#include "warden/engine/engine.h"

#include <algorithm>

#include "warden/engine/eval_support.h"
#include "warden/engine/plan_runner.h"
#include "warden/engine/rule_index.h"

namespace warden::engine {

using internal::Scratch;
using policy::SharedSlot;

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kFail:
      return "fail";
    case Outcome::kWarn:
      return "warn";
    case Outcome::kSkip:
      return "skip";
    case Outcome::kError:
      return "error";
  }
  return "error";
}

const char* DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kAllow:
      return "allow";
    case Decision::kDeny:
      return "deny";
    case Decision::kRequireApproval:
      return "require_approval";
  }
  return "deny";
}

Engine::Engine(std::shared_ptr<const policy::CompiledBundle> bundle, const EngineOptions& options)
    : bundle_(std::move(bundle)), options_(options) {}

Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::Build(std::shared_ptr<const policy::CompiledBundle> bundle,
                                      const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine(std::move(bundle), options));
  const policy::CompiledBundle& compiled = *engine->bundle_;
  engine->index_ = std::make_unique<RuleIndex>(compiled);
  engine->plans_ = std::make_unique<internal::PlanTable>();
  for (const policy::CompiledPolicy& policy : compiled.policies) {
    const PolicyMatcher& matcher = engine->matchers_.emplace_back(policy.match);
    bool applies_to_all =
        matcher.for_requests && matcher.actions.empty() && matcher.resources.empty() &&
        matcher.subjects.empty() && matcher.environments.empty() && !policy.match.when &&
        compiled.environments.empty() && policy.enforcement != policy::Enforcement::kDisabled;
    engine->applies_to_all_requests_.push_back(applies_to_all ? 1 : 0);
  }
  for (const policy::CompiledException& exception : compiled.exceptions) {
    engine->exceptions_.emplace_back(exception);
  }
  size_t let_states = 0;
  int64_t first_priority = compiled.policies.empty() || compiled.policies[0].rules.empty()
                               ? 0
                               : compiled.policies[0].rules[0].priority;
  for (const policy::CompiledPolicy& policy : compiled.policies) {
    for (const policy::CompiledRule& rule : policy.rules) {
      if (rule.priority != first_priority) engine->uniform_priority_ = false;
    }
  }
  if (options.use_index) {
    std::vector<const policy::ConditionPlan*> plans;
    for (const policy::CompiledPolicy& policy : compiled.policies) {
      if (!policy.match.ForRequests()) continue;
      for (const policy::CompiledRule& rule : policy.rules) {
        if (!rule.plan.empty()) plans.push_back(&rule.plan);
      }
    }
    engine->plans_->ChooseKey(plans);
  }
  engine->policy_rules_.resize(compiled.policies.size());
  for (uint32_t policy_idx = 0; policy_idx < compiled.policies.size(); ++policy_idx) {
    const policy::CompiledPolicy& policy = compiled.policies[policy_idx];
    engine->let_state_base_.push_back(internal::kFirstLetState + let_states);
    let_states += policy.lets.size();
    std::vector<uint32_t> chains = engine->BuildChains(policy);
    for (uint32_t rule_idx = 0; rule_idx < policy.rules.size(); ++rule_idx) {
      engine->ordered_rules_.push_back({policy_idx, rule_idx, chains[rule_idx]});
      engine->policy_rules_[policy_idx].push_back(engine->ordered_rules_.back());
    }
  }
  // First-match order: priority, then bundle order, then declaration order.
  std::stable_sort(engine->ordered_rules_.begin(), engine->ordered_rules_.end(),
                   [&](const RuleRef& a, const RuleRef& b) {
                     return compiled.policies[a.policy].rules[a.rule].priority <
                            compiled.policies[b.policy].rules[b.rule].priority;
                   });
  return engine;
}

std::vector<uint32_t> Engine::BuildChains(const policy::CompiledPolicy& policy) {
  std::vector<uint32_t> slots(policy.rules.size(), RuleRef::kNoChain);
  bool binds = false;
  // Plans serve request decisions; with the index off, every condition is evaluated in
  // full.
  if (options_.use_index && policy.match.ForRequests()) {
    // A chain needs its rules visited one after another: so only with one priority for
    // all rules (lists are then policy by policy); otherwise each plan is its own chain.
    size_t longest = uniform_priority_ ? policy.rules.size() : 1;
    for (size_t begin = 0; begin < policy.rules.size();) {
      std::vector<const policy::ConditionPlan*> plans;
      while (begin + plans.size() < policy.rules.size() && plans.size() < longest &&
             !policy.rules[begin + plans.size()].plan.empty()) {
        plans.push_back(&policy.rules[begin + plans.size()].plan);
        binds = binds || !plans.back()->programs.empty();
      }
      if (plans.empty()) {
        ++begin;
        continue;
      }
      uint32_t first_slot = plans_->AddChain(plans, static_cast<uint32_t>(begin));
      for (size_t offset = 0; offset < plans.size(); ++offset) {
        slots[begin + offset] = first_slot + static_cast<uint32_t>(offset);
      }
      begin += plans.size();
    }
  }
  chain_binds_.push_back(binds ? 1 : 0);
  return slots;
}

}  // namespace warden::engine
