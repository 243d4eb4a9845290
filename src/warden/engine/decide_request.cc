// Engine::Decide and Engine::DecideCompact: request decisions.
//
// One core loop serves both. It walks the bundle's rules in first-match order, skips
// rules of policies the index ruled out, decides conditions by their plans where it
// can (plan_runner.h), evaluates the rest and records what fired in the thread's
// scratch trace (indexes, no strings), so the compact path allocates nothing. Decide
// then turns the trace into a full result.

#include <algorithm>
#include <optional>

#include "warden/engine/engine.h"
#include "warden/engine/eval_support.h"
#include "warden/engine/plan_runner.h"
#include "warden/engine/rule_index.h"

namespace warden::engine {

using internal::Scratch;
using internal::TraceEntry;
using internal::TraceKind;
using RuleRef = internal::RuleRef;
using policy::SharedSlot;

namespace {

// Per-policy state of one decision, filled in lazily when its first rule comes up.
enum class PolicyState : uint8_t { kUnknown, kActive, kInactive, kFailed };

Decision DecisionOf(policy::Effect effect) {
  switch (effect) {
    case policy::Effect::kAllow:
      return Decision::kAllow;
    case policy::Effect::kRequireApproval:
      return Decision::kRequireApproval;
    default:
      return Decision::kDeny;
  }
}

}  // namespace

CompactDecision Engine::DecideCore(const RequestInput& input, const EvalOptions& options, bool full,
                                   std::vector<ExplainStep>* explain) const {
  const policy::CompiledBundle& bundle = *bundle_;
  Scratch& scratch = Scratch::ForThread(bundle);
  scratch.trace().clear();
  cel::Activation& activation = scratch.activation();
  std::string_view environment =
      input.environment.empty() ? std::string_view(options.environment) : input.environment;
  // The request's variables are bound when CEL first runs: most decisions of planned
  // rules run none. Until then the activation may hold the previous request's values,
  // which nothing reads.
  bool roots_bound = false;
  auto bind_roots = [&]() {
    if (roots_bound) return;
    roots_bound = true;
    scratch.Clear();
    auto bind_node = [&](SharedSlot slot, const data::Node* node) {
      if (node != nullptr) internal::BindShared(activation, slot, cel::Value::FromNode(*node));
    };
    bind_node(SharedSlot::kSubject, input.subject);
    bind_node(SharedSlot::kAction, input.action);
    bind_node(SharedSlot::kResource, input.resource);
    bind_node(SharedSlot::kContext, input.context);
    internal::BindShared(activation, SharedSlot::kEnvironment, cel::Value::String(environment));
    internal::BindShared(activation, SharedSlot::kEnv, cel::Value::String(options.environment));
    internal::BindShared(activation, SharedSlot::kNow,
                         cel::Value::Timestamp(options.now_seconds, options.now_nanos));
  };

  // The action and resource as match lists see them, worked out when first asked for.
  std::optional<std::string_view> action_text, resource_text;
  auto action = [&]() {
    if (!action_text) action_text = StringOf(input.action);
    return *action_text;
  };
  auto resource = [&]() {
    if (!resource_text) resource_text = ResourceString(input.resource);
    return *resource_text;
  };
  std::vector<std::string>& subject_ids = scratch.subject_ids();
  bool subject_ids_ready = false;
  auto subjects = [&]() -> const std::vector<std::string>& {
    if (!subject_ids_ready) {
      subject_ids = SubjectIds(input.subject);
      subject_ids_ready = true;
    }
    return subject_ids;
  };

  // Per-policy state and enforcement, filled in lazily (scratch vectors: no allocation).
  std::vector<uint8_t>& state_bytes = scratch.policy_states();
  std::vector<uint8_t>& level_bytes = scratch.policy_levels();
  // With the index, only the candidates' rules are visited (in first-match order), so
  // the cost of a decision does not grow with the bundle; without it, every rule.
  const std::vector<uint32_t>* candidates = &scratch.candidates();
  std::vector<RuleRef>& candidate_rules = scratch.candidate_rules();
  candidate_rules.clear();
  const std::vector<RuleRef>* rules_to_visit = &ordered_rules_;
  level_bytes.resize(bundle.policies.size());
  if (options_.use_index) {
    if (state_bytes.size() != bundle.policies.size()) {
      state_bytes.assign(bundle.policies.size(), static_cast<uint8_t>(PolicyState::kInactive));
    }
    // The index reads the action and resource only when some policy restricts them.
    candidates = index_->NarrowsRequests()
                     ? &index_->RequestCandidates(action(), resource(), scratch.candidates())
                     : &index_->RequestPolicies();
    for (uint32_t policy_idx : *candidates) {
      if (applies_to_all_requests_[policy_idx]) {
        state_bytes[policy_idx] = static_cast<uint8_t>(PolicyState::kActive);
        level_bytes[policy_idx] = static_cast<uint8_t>(bundle.policies[policy_idx].enforcement);
      } else {
        state_bytes[policy_idx] = static_cast<uint8_t>(PolicyState::kUnknown);
      }
    }
    if (candidates->size() != bundle.policies.size()) {
      for (uint32_t policy_idx : *candidates) {
        const std::vector<RuleRef>& rules = policy_rules_[policy_idx];
        candidate_rules.insert(candidate_rules.end(), rules.begin(), rules.end());
      }
      if (!uniform_priority_) {
        std::stable_sort(candidate_rules.begin(), candidate_rules.end(),
                         [&](const RuleRef& a, const RuleRef& b) {
                           return bundle.policies[a.policy].rules[a.rule].priority <
                                  bundle.policies[b.policy].rules[b.rule].priority;
                         });
      }
      rules_to_visit = &candidate_rules;
    }
  } else {
    state_bytes.assign(bundle.policies.size(), static_cast<uint8_t>(PolicyState::kUnknown));
  }
  // Back to "inactive" for the next decision (only the candidates were touched).
  struct ResetStates {
    std::vector<uint8_t>& bytes;
    const std::vector<uint32_t>& touched;
    bool indexed;
    ~ResetStates() {
      if (!indexed) {
        std::fill(bytes.begin(), bytes.end(), static_cast<uint8_t>(PolicyState::kInactive));
        return;
      }
      for (uint32_t policy_idx : touched) {
        bytes[policy_idx] = static_cast<uint8_t>(PolicyState::kInactive);
      }
    }
  } reset_states{state_bytes, *candidates, options_.use_index};
  internal::PlanRoots plan_roots;
  plan_roots.nodes[static_cast<size_t>(SharedSlot::kSubject)] = input.subject;
  plan_roots.nodes[static_cast<size_t>(SharedSlot::kAction)] = input.action;
  plan_roots.nodes[static_cast<size_t>(SharedSlot::kResource)] = input.resource;
  plan_roots.nodes[static_cast<size_t>(SharedSlot::kContext)] = input.context;
  plan_roots.environment = environment;
  plan_roots.env = options.environment;
  // Start loading the request's maps now: they are often not in cache, and the rules
  // read them one dependent load after another (about a quarter of the time of a
  // decision in the enterprise benchmark, docs/performance.md).
  for (const data::Node* root : {input.subject, input.resource, input.context}) {
    if (root != nullptr) data::PrefetchEntries(*root);
  }
  internal::PlanMemo& plan_memo = scratch.plan_memo();
  plan_memo.Begin(plans_->path_count(), plans_->field_count());
  const uint32_t plan_variant = plans_->Variant(plan_roots, plan_memo);
  uint32_t bound_policy = UINT32_MAX;

  auto record_error = [&](uint32_t policy_idx, uint32_t rule_idx, const cel::Value& value,
                          const char* fallback, const SourceLocation& where, TraceKind kind) {
    TraceEntry entry{policy_idx, rule_idx, kind, nullptr, {}, {}, false};
    if (full) {
      entry.text = value.is_error() ? internal::ErrorText(value) : fallback;
      entry.where = where;
    }
    scratch.trace().push_back(std::move(entry));
  };

  // Whether a policy applies; evaluates `when` once.
  auto activate = [&](uint32_t policy_idx) {
    uint8_t& state_byte = state_bytes[policy_idx];
    if (static_cast<PolicyState>(state_byte) != PolicyState::kUnknown) {
      return static_cast<PolicyState>(state_byte);
    }
    auto set = [&](PolicyState value) {
      state_byte = static_cast<uint8_t>(value);
      return value;
    };
    const policy::CompiledPolicy& policy = bundle.policies[policy_idx];
    const PolicyMatcher& matcher = matchers_[policy_idx];
    static const std::vector<std::string> kNoSubjects;
    if (!matcher.MatchesRequest(action(), resource(),
                                matcher.subjects.empty() ? kNoSubjects : subjects(), environment)) {
      return set(PolicyState::kInactive);
    }
    policy::Enforcement level = internal::PolicyEnforcement(bundle, policy, environment);
    level_bytes[policy_idx] = static_cast<uint8_t>(level);
    if (level == policy::Enforcement::kDisabled) return set(PolicyState::kInactive);
    if (policy.match.when) {
      bind_roots();
      internal::BindShared(activation, SharedSlot::kParams, cel::Value::FromNode(policy.params));
      bound_policy = UINT32_MAX;  // params were rebound
      cel::Value applies =
          policy.match.when->Evaluate(activation, scratch.state(internal::kConditionState));
      if (applies.is_error()) {
        record_error(policy_idx, UINT32_MAX, applies, "", policy.match.when_location,
                     TraceKind::kWhenError);
        return set(PolicyState::kFailed);
      }
      if (!applies.is_true()) return set(PolicyState::kInactive);
    }
    return set(PolicyState::kActive);
  };

  // Binds a policy's params and lets (evaluated once per policy and request).
  auto bind_policy = [&](uint32_t policy_idx) {
    if (bound_policy == policy_idx) return;
    bind_roots();
    const policy::CompiledPolicy& policy = bundle.policies[policy_idx];
    internal::BindShared(activation, SharedSlot::kParams, cel::Value::FromNode(policy.params));
    internal::BindLets(policy, scratch, let_state_base_[policy_idx]);
    bound_policy = policy_idx;
  };

  CompactDecision result;
  bool decided = false;
  bool any_deny = false, any_approval = false, any_allow = false;
  const policy::Combining combining = bundle.combining;
  const std::vector<RuleRef>& visit = *rules_to_visit;
  for (size_t pos = 0; pos < visit.size(); ++pos) {
    if (static_cast<PolicyState>(state_bytes[visit[pos].policy]) == PolicyState::kInactive) {
      continue;
    }
    // The policy must apply (match, `when`) before its rules count, so a failing `when`
    // is seen even when every rule's plan would rule it out.
    auto state = static_cast<PolicyState>(state_bytes[visit[pos].policy]);
    if (state == PolicyState::kUnknown) state = activate(visit[pos].policy);
    if (state == PolicyState::kInactive) continue;
    bool errored = state == PolicyState::kFailed;
    // The condition's plan decides most rules without CEL; unknown falls through to the
    // full condition, which then gives the exact value or error. A chain passes every
    // rule of the policy that does not fire in one walk (lists are policy by policy).
    internal::PlanResult planned = internal::PlanResult::kUnknown;
    if (!errored && visit[pos].chain != RuleRef::kNoChain && options.coverage == nullptr) {
      uint32_t policy_idx = visit[pos].policy;
      if (chain_binds_[policy_idx]) bind_policy(policy_idx);
      internal::PlanTable::ChainExit exit =
          plans_->Run(plan_variant, visit[pos].chain, plan_roots, plan_memo, activation,
                      scratch.state(internal::kConditionState));
      if (explain != nullptr) {
        const policy::CompiledPolicy& policy = bundle.policies[policy_idx];
        for (uint32_t rule_idx = visit[pos].rule; rule_idx < exit.rule; ++rule_idx) {
          explain->push_back({policy.name, policy.rules[rule_idx].id, "false", ""});
        }
      }
      pos += exit.rule - visit[pos].rule;
      if (exit.result == internal::PlanResult::kFalse) {
        --pos;  // the chain's end: the loop goes on with the rule after it
        continue;
      }
      planned = exit.result;
    }
    const RuleRef& ref = visit[pos];
    const policy::CompiledPolicy& policy = bundle.policies[ref.policy];
    const policy::CompiledRule& rule = policy.rules[ref.rule];
    bool fired = false;
    if (!errored) {
      if (!rule.condition) continue;
      // The message template may read params and lets even when the plan decided.
      if (planned != internal::PlanResult::kTrue || full) bind_policy(ref.policy);
      // The condition for the bound `item`, if any; an error or a non-bool fails the rule.
      auto condition_holds = [&]() {
        cel::Value value = internal::EvaluateCondition(
            policy, rule, activation, scratch.state(internal::kConditionState), options.coverage);
        if (value.is_bool()) return value.bool_value();
        errored = true;
        record_error(ref.policy, ref.rule, value, "condition is not a bool",
                     rule.condition_location, TraceKind::kError);
        return false;
      };
      if (!rule.foreach) {
        fired = planned == internal::PlanResult::kTrue || condition_holds();
      } else {
        cel::Value items =
            rule.foreach->Evaluate(activation, scratch.state(internal::kForeachState));
        bool is_map = items.kind() == cel::ValueKind::kMap;
        if (!is_map && items.kind() != cel::ValueKind::kList) {
          errored = true;
          record_error(ref.policy, ref.rule, items, "foreach must give a list or a map",
                       rule.location, TraceKind::kError);
        } else {
          uint32_t count = is_map ? items.map_size() : items.list_size();
          for (uint32_t index = 0; index < count && !fired && !errored; ++index) {
            internal::BindShared(activation, SharedSlot::kItem,
                                 is_map ? items.map_value(index) : items.list_item(index));
            internal::BindShared(activation, SharedSlot::kIndex,
                                 is_map ? items.map_key(index) : cel::Value::Int(index));
            fired = condition_holds();
          }
        }
      }
    }
    if (errored) {
      TraceEntry& entry = scratch.trace().back();
      // A failed `when` counts once for its policy; its other rules are skipped.
      if (entry.kind == TraceKind::kWhenError) {
        state_bytes[ref.policy] = static_cast<uint8_t>(PolicyState::kInactive);
      }
      if (policy.on_error == policy::OnError::kAllow) {
        entry.kind = entry.kind == TraceKind::kWhenError ? TraceKind::kWhenErrorIgnored
                                                         : TraceKind::kErrorIgnored;
        if (explain != nullptr)
          explain->push_back({policy.name, rule.id, "error", "ignored: on_error is allow"});
        continue;
      }
      // Fail closed: an error decides like a deny.
      if (explain != nullptr)
        explain->push_back(
            {policy.name, rule.id, "error", "decides deny: evaluation failed (fail closed)"});
      entry.decides = true;
      any_deny = true;
      if (!decided) result.decision = Decision::kDeny;
      if (combining == policy::Combining::kFirstMatch) {
        decided = true;
        break;
      }
      continue;
    }
    if (!fired) {
      if (explain != nullptr) explain->push_back({policy.name, rule.id, "false", ""});
      continue;
    }
    policy::Enforcement level = internal::RuleEnforcement(
        rule.effect, static_cast<policy::Enforcement>(level_bytes[ref.policy]));
    // The trace entry of the rule, made only where one is kept.
    auto fired_entry = [&](TraceKind kind) {
      TraceEntry entry{ref.policy, ref.rule, kind, nullptr, {}, {}, false};
      if (full) {
        // For foreach rules, item and index are still bound to the element that fired.
        entry.text = internal::RenderTemplate(rule.message, scratch);
      }
      return entry;
    };
    if (rule.effect != policy::Effect::kAllow && !exceptions_.empty()) {
      auto waiver = std::find_if(exceptions_.begin(), exceptions_.end(), [&](const auto& matcher) {
        return matcher.WaivesRequest(policy.name, rule.id, action(), resource(), subjects(),
                                     environment, options.now_seconds);
      });
      if (waiver != exceptions_.end()) {
        const policy::CompiledException* exception = &waiver->exception();
        if (explain != nullptr)
          explain->push_back(
              {policy.name, rule.id, "true", "waived by exception `" + exception->name + "`"});
        TraceEntry& entry = scratch.trace().emplace_back(fired_entry(TraceKind::kWaived));
        entry.exception = exception;
        continue;
      }
    }
    if (rule.effect != policy::Effect::kAllow && level != policy::Enforcement::kEnforce) {
      if (explain != nullptr) {
        explain->push_back(
            {policy.name, rule.id, "true",
             std::string("recorded only: enforcement is ") + policy::EnforcementName(level)});
      }
      scratch.trace().push_back(fired_entry(
          level == policy::Enforcement::kWarn ? TraceKind::kWarned : TraceKind::kAudited));
      continue;
    }
    if (explain != nullptr) {
      explain->push_back(
          {policy.name, rule.id, "true", std::string("fires: ") + policy::EffectName(rule.effect)});
    }
    if (rule.effect == policy::Effect::kRequireApproval) {
      any_approval = true;
    } else if (rule.effect == policy::Effect::kAllow) {
      any_allow = true;
    } else {
      any_deny = true;
    }
    if (combining == policy::Combining::kFirstMatch) {
      decided = true;
      result.decision = DecisionOf(rule.effect);
      result.policy = ref.policy;
      result.rule = ref.rule;
      // A compact decision is this rule: nothing reads the trace, so none is kept (the
      // embedding API's hot path builds no entry and walks none at the end).
      if (!full) return result;
      scratch.trace().emplace_back(fired_entry(TraceKind::kFired)).decides = true;
      break;
    }
    scratch.trace().emplace_back(fired_entry(TraceKind::kFired)).decides = true;
  }

  // The winning effect; under *-overrides the deciding rules are those of that effect.
  std::optional<Decision> winner;
  if (combining == policy::Combining::kFirstMatch) {
    if (decided) winner = result.decision;
  } else if (combining == policy::Combining::kDenyOverrides) {
    if (any_deny) {
      winner = Decision::kDeny;
    } else if (any_approval) {
      winner = Decision::kRequireApproval;
    } else if (any_allow) {
      winner = Decision::kAllow;
    }
  } else {
    if (any_allow) {
      winner = Decision::kAllow;
    } else if (any_deny) {
      winner = Decision::kDeny;
    } else if (any_approval) {
      winner = Decision::kRequireApproval;
    }
  }
  if (!winner) {
    result.by_default = true;
    result.decision = DecisionOf(bundle.default_effect);
    for (TraceEntry& entry : scratch.trace()) entry.decides = false;
    return result;
  }
  result.decision = *winner;
  bool first = true;
  for (TraceEntry& entry : scratch.trace()) {
    if (!entry.decides) continue;
    Decision of = entry.kind == TraceKind::kFired
                      ? DecisionOf(bundle.policies[entry.policy].rules[entry.rule].effect)
                      : Decision::kDeny;  // errors decide like a deny
    entry.decides = of == *winner;
    if (entry.decides && first) {
      result.policy = entry.policy;
      result.rule = entry.rule;
      first = false;
    }
  }
  return result;
}

CompactDecision Engine::DecideCompact(const RequestInput& input, const EvalOptions& options) const {
  return DecideCore(input, options, false, nullptr);
}

RequestDecision Engine::Decide(const RequestInput& input, const EvalOptions& options,
                               std::vector<ExplainStep>* explain) const {
  const policy::CompiledBundle& bundle = *bundle_;
  CompactDecision compact = DecideCore(input, options, true, explain);
  RequestDecision out;
  out.decision = compact.decision;
  out.by_default = compact.by_default;
  out.bundle_name = bundle.name;
  out.bundle_version = bundle.version;
  out.bundle_digest = bundle.digest;
  out.evaluated_at_seconds = options.now_seconds;
  out.evaluated_at_nanos = options.now_nanos;
  Scratch& scratch = Scratch::ForThread(bundle);
  for (const TraceEntry& entry : scratch.trace()) {
    const policy::CompiledPolicy& policy = bundle.policies[entry.policy];
    std::string rule_id = entry.rule < policy.rules.size() ? policy.rules[entry.rule].id : "";
    switch (entry.kind) {
      case TraceKind::kWhenError:
      case TraceKind::kWhenErrorIgnored:
      case TraceKind::kError:
      case TraceKind::kErrorIgnored: {
        bool when =
            entry.kind == TraceKind::kWhenError || entry.kind == TraceKind::kWhenErrorIgnored;
        out.errors.push_back({policy.name, when ? "" : rule_id, entry.text, entry.where.file,
                              entry.where.position.line, entry.where.position.column});
        if (entry.decides) {
          out.rules.push_back({policy.name, rule_id, policy::Effect::kDeny, "evaluation error"});
          out.reasons.push_back("rule `" + policy.name + "/" + rule_id + "` failed to evaluate");
        }
        break;
      }
      case TraceKind::kWaived:
        out.waived.push_back({policy.name, rule_id, policy.rules[entry.rule].effect, entry.text});
        out.waived_by.push_back(entry.exception->name);
        break;
      case TraceKind::kWarned:
        out.warnings.push_back({policy.name, rule_id, policy.rules[entry.rule].effect, entry.text});
        break;
      case TraceKind::kAudited:
        out.audits.push_back({policy.name, rule_id, policy.rules[entry.rule].effect, entry.text});
        break;
      case TraceKind::kFired: {
        if (!entry.decides) break;
        const policy::CompiledRule& rule = policy.rules[entry.rule];
        out.rules.push_back({policy.name, rule.id, rule.effect, entry.text});
        out.reasons.push_back(
            entry.text.empty() ? "rule `" + policy.name + "/" + rule.id + "` fired" : entry.text);
        if (rule.effect == policy::Effect::kRequireApproval) {
          out.obligations.push_back({"approval", policy.name, rule.id, rule.approvers});
        }
        break;
      }
    }
  }
  if (out.by_default) {
    out.reasons.push_back(std::string("no rule decided; the bundle's default is ") +
                          DecisionName(out.decision));
  }
  return out;
}

}  // namespace warden::engine
