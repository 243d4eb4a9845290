// Engine::Build and Engine::Decide (request decisions); Check is in check_document.cc.

#include "warden/engine/engine.h"

#include <algorithm>

#include "warden/engine/eval_support.h"
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
  for (const policy::CompiledPolicy& policy : compiled.policies) {
    engine->matchers_.emplace_back(policy.match);
  }
  size_t let_states = 0;
  for (uint32_t policy_idx = 0; policy_idx < compiled.policies.size(); ++policy_idx) {
    const policy::CompiledPolicy& policy = compiled.policies[policy_idx];
    engine->let_state_base_.push_back(internal::kFirstLetState + let_states);
    let_states += policy.lets.size();
    for (uint32_t rule_idx = 0; rule_idx < policy.rules.size(); ++rule_idx) {
      RuleGuards guards;
      for (const policy::Guard& guard : policy.rules[rule_idx].guards) {
        guards.push_back({engine->GuardPathId(guard), &guard.values});
      }
      engine->rule_guards_.push_back(std::move(guards));
      engine->ordered_rules_.push_back(
          {policy_idx, rule_idx, static_cast<uint32_t>(engine->rule_guards_.size() - 1)});
      if (engine->policy_rules_.size() <= policy_idx) engine->policy_rules_.resize(policy_idx + 1);
      engine->policy_rules_[policy_idx].push_back(engine->ordered_rules_.back());
      if (policy.rules[rule_idx].priority != compiled.policies[0].rules[0].priority) {
        engine->uniform_priority_ = false;
      }
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

uint32_t Engine::GuardPathId(const policy::Guard& guard) {
  for (uint32_t path_idx = 0; path_idx < guard_paths_.size(); ++path_idx) {
    const GuardPath& path = guard_paths_[path_idx];
    if (path.slot == guard.slot && path.fields == guard.fields) return path_idx;
  }
  GuardPath path;
  path.slot = guard.slot;
  path.fields = guard.fields;
  for (const std::string& field : guard.fields) path.hashes.push_back(data::HashKey(field));
  guard_paths_.push_back(std::move(path));
  return static_cast<uint32_t>(guard_paths_.size() - 1);
}

}  // namespace warden::engine
