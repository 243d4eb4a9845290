// Engine::Check: the outcome of every applicable policy on one document.

#include <algorithm>

#include "warden/cel/common/value.h"
#include "warden/engine/engine.h"
#include "warden/engine/eval_support.h"
#include "warden/engine/locate.h"
#include "warden/engine/match.h"
#include "warden/engine/rule_index.h"

namespace warden::engine {

using internal::Scratch;
using policy::SharedSlot;

namespace {

// The finding's path as the user reads it: the input's prefix (for List items and plan
// resource changes) joined to the rule's path.
std::string JoinPath(const std::string& prefix, const std::string& path) {
  if (prefix.empty()) return path;
  if (path.empty()) return prefix;
  return path[0] == '[' ? prefix + path : prefix + "." + path;
}

struct PolicyRun {
  const policy::CompiledBundle& bundle;
  const std::vector<ExceptionMatcher>& exceptions;
  const policy::CompiledPolicy& policy;
  const DocumentInput& input;
  const EvalOptions& options;
  Scratch& scratch;
  policy::Enforcement level;
  PolicyResult& result;

  void AddError(const policy::CompiledRule* rule, const cel::Value& value,
                const SourceLocation& where) {
    EvaluationError error;
    error.policy = policy.name;
    error.rule = rule != nullptr ? rule->id : "";
    error.message = internal::ErrorText(value);
    error.file = where.file;
    error.line = where.position.line;
    error.column = where.position.column;
    result.errors.push_back(std::move(error));
  }

  void AddViolation(const policy::CompiledRule& rule, const cel::Value* item) {
    Violation violation;
    violation.policy = policy.name;
    violation.rule = rule.id;
    violation.rule_title = rule.title;
    violation.severity = rule.severity;
    violation.effect = rule.effect;
    violation.enforcement = internal::RuleEnforcement(rule.effect, level);
    violation.message = internal::RenderTemplate(rule.message, scratch);
    if (violation.message.empty()) {
      violation.message = rule.title.empty() ? "rule `" + rule.id + "` fired" : rule.title;
    }
    violation.remediation = internal::RenderTemplate(rule.remediation, scratch);
    // A YAML block scalar (`remediation: |`) ends with a newline no output format wants.
    while (!violation.remediation.empty() &&
           (violation.remediation.back() == '\n' || violation.remediation.back() == ' ')) {
      violation.remediation.pop_back();
    }
    violation.controls = rule.controls.empty() ? policy.controls : rule.controls;
    violation.file = input.file;
    std::string rule_path = internal::RenderTemplate(rule.path, scratch);
    const data::Node* root = input.document_root != nullptr ? input.document_root : input.object;
    if (!rule_path.empty() && root != nullptr) {
      violation.path = JoinPath(input.path_prefix, rule_path);
      LocateResult located = LocatePath(*root, violation.path);
      violation.line = located.position.line;
      violation.column = located.position.column;
    } else {
      violation.path = input.path_prefix;
      const data::Node* at = input.object;
      if (item != nullptr && item->node() != nullptr) at = item->node();
      if (at != nullptr) {
        violation.line = at->position().line;
        violation.column = at->position().column;
      }
    }
    auto waiver = std::find_if(exceptions.begin(), exceptions.end(), [&](const auto& matcher) {
      return matcher.WaivesDocument(policy.name, rule.id, input, options.environment,
                                    options.now_seconds);
    });
    if (waiver != exceptions.end()) {
      const policy::CompiledException* exception = &waiver->exception();
      violation.waived_by = exception->name;
      if (std::find(result.waived_by.begin(), result.waived_by.end(), exception->name) ==
          result.waived_by.end()) {
        result.waived_by.push_back(exception->name);
      }
    }
    result.violations.push_back(std::move(violation));
  }

  // Evaluates one rule; returns true when it fired.
  bool RunRule(const policy::CompiledRule& rule) {
    cel::Activation& activation = scratch.activation();
    if (!rule.condition) return false;
    if (!rule.foreach) {
      cel::Value fired = internal::EvaluateCondition(
          policy, rule, activation, scratch.state(internal::kConditionState), options.coverage);
      if (fired.is_error() || !fired.is_bool()) {
        AddError(&rule, fired.is_error() ? fired : cel::Value(), rule.condition_location);
        if (!fired.is_error()) result.errors.back().message = "condition is not a bool";
        return false;
      }
      if (!fired.bool_value()) return false;
      AddViolationIfDenying(rule, nullptr);
      return true;
    }
    cel::Value items = rule.foreach->Evaluate(activation, scratch.state(internal::kForeachState));
    if (items.is_error()) {
      AddError(&rule, items, rule.location);
      return false;
    }
    bool is_map = items.kind() == cel::ValueKind::kMap;
    if (!is_map && items.kind() != cel::ValueKind::kList) {
      AddError(&rule, cel::Value(), rule.location);
      result.errors.back().message = "foreach must give a list or a map";
      return false;
    }
    uint32_t count = is_map ? items.map_size() : items.list_size();
    bool any = false;
    for (uint32_t index = 0; index < count; ++index) {
      cel::Value item = is_map ? items.map_value(index) : items.list_item(index);
      cel::Value key = is_map ? items.map_key(index) : cel::Value::Int(index);
      internal::BindShared(activation, SharedSlot::kItem, item);
      internal::BindShared(activation, SharedSlot::kIndex, key);
      cel::Value fired = internal::EvaluateCondition(
          policy, rule, activation, scratch.state(internal::kConditionState), options.coverage);
      if (fired.is_error() || !fired.is_bool()) {
        AddError(&rule, fired, rule.condition_location);
        if (!fired.is_error()) result.errors.back().message = "condition is not a bool";
        continue;
      }
      if (!fired.bool_value()) continue;
      any = true;
      AddViolationIfDenying(rule, &item);
    }
    activation.UnbindSlot(static_cast<uint32_t>(SharedSlot::kItem));
    activation.UnbindSlot(static_cast<uint32_t>(SharedSlot::kIndex));
    return any;
  }

  void AddViolationIfDenying(const policy::CompiledRule& rule, const cel::Value* item) {
    if (rule.effect == policy::Effect::kAllow) return;
    AddViolation(rule, item);
  }

  void Run() {
    std::vector<const policy::CompiledRule*> rules;
    for (const policy::CompiledRule& rule : policy.rules) rules.push_back(&rule);
    if (bundle.combining == policy::Combining::kFirstMatch) {
      std::stable_sort(rules.begin(), rules.end(),
                       [](const policy::CompiledRule* a, const policy::CompiledRule* b) {
                         return a->priority < b->priority;
                       });
    }
    const bool first_match = bundle.combining == policy::Combining::kFirstMatch;
    bool allowed = false;
    for (const policy::CompiledRule* rule : rules) {
      size_t before = result.violations.size();
      bool fired = RunRule(*rule);
      if (!fired) continue;
      if (rule->effect == policy::Effect::kAllow) {
        allowed = true;
        if (first_match) break;
        continue;
      }
      // Under first-match a deny decides only when it blocks: findings that are waived,
      // or only warned or audited, are reported and the next rule gets its turn (as for
      // requests).
      if (first_match) {
        bool decides = false;
        for (size_t index = before; index < result.violations.size(); ++index) {
          decides = decides || result.violations[index].blocking();
        }
        if (decides) break;
      }
    }
    if (allowed && bundle.combining == policy::Combining::kAllowOverrides) {
      result.violations.clear();  // an allow overrides every deny of the policy
      result.waived_by.clear();
    }
  }
};

Outcome OutcomeOf(const PolicyResult& result, policy::OnError on_error) {
  if (!result.errors.empty() && on_error == policy::OnError::kDeny) return Outcome::kError;
  bool warned = false;
  for (const Violation& violation : result.violations) {
    if (violation.blocking()) return Outcome::kFail;
    if (violation.waived_by.empty() && violation.enforcement == policy::Enforcement::kWarn) {
      warned = true;
    }
  }
  return warned ? Outcome::kWarn : Outcome::kPass;
}

}  // namespace

DocumentResult Engine::Check(const DocumentInput& input, const EvalOptions& options) const {
  const policy::CompiledBundle& bundle = *bundle_;
  DocumentResult out;
  out.file = input.file;
  out.document_index = input.document_index;
  out.item_index = input.item_index;
  out.resource = {input.api_version, input.kind, input.name, input.namespace_name};
  if (input.object == nullptr) return out;

  Scratch& scratch = Scratch::ForThread(bundle);
  scratch.Clear();
  cel::Activation& activation = scratch.activation();
  cel::Value object = cel::Value::FromNode(*input.object);
  internal::BindShared(activation, SharedSlot::kObject, object);
  internal::BindShared(activation, SharedSlot::kInput, object);
  if (input.context_root != nullptr) {
    internal::BindShared(activation, SharedSlot::kPlan, cel::Value::FromNode(*input.context_root));
  }
  scratch.arena().Reset();
  cel::ValueFactory factory(scratch.arena());
  cel::Value file_keys[] = {cel::Value::String("path"), cel::Value::String("document_index"),
                            cel::Value::String("kind")};
  cel::Value file_values[] = {cel::Value::String(input.file),
                              cel::Value::Int(static_cast<int64_t>(input.document_index)),
                              cel::Value::String(input.kind)};
  internal::BindShared(activation, SharedSlot::kFile, factory.MakeMap(file_keys, file_values));
  internal::BindShared(activation, SharedSlot::kEnvironment,
                       cel::Value::String(options.environment));
  internal::BindShared(activation, SharedSlot::kEnv, cel::Value::String(options.environment));
  internal::BindShared(activation, SharedSlot::kNow,
                       cel::Value::Timestamp(options.now_seconds, options.now_nanos));

  std::vector<uint32_t>& candidates = scratch.candidates();
  if (options_.use_index) {
    index_->DocumentCandidates(input.api_version, input.kind, candidates);
  } else {
    candidates.resize(bundle.policies.size());
    for (uint32_t index = 0; index < candidates.size(); ++index) candidates[index] = index;
  }
  // Copied: evaluating may reuse the scratch vector in nested calls of other engines.
  std::vector<uint32_t> policies(candidates.begin(), candidates.end());
  const std::string qualified_kind = QualifiedKind(input);
  for (uint32_t policy_idx : policies) {
    const policy::CompiledPolicy& policy = bundle.policies[policy_idx];
    if (!matchers_[policy_idx].MatchesDocument(input, qualified_kind, options.environment))
      continue;
    PolicyResult result;
    result.policy = policy.name;
    result.title = policy.title;
    result.severity = policy.severity;
    result.type = policy.type;
    result.enforcement = internal::PolicyEnforcement(bundle, policy, options.environment);
    if (result.enforcement == policy::Enforcement::kDisabled) {
      result.outcome = Outcome::kSkip;
      out.policies.push_back(std::move(result));
      continue;
    }
    internal::BindShared(activation, SharedSlot::kParams, cel::Value::FromNode(policy.params));
    PolicyRun run{bundle, exceptions_, policy, input, options, scratch, result.enforcement, result};
    if (policy.match.when) {
      cel::Value applies =
          policy.match.when->Evaluate(activation, scratch.state(internal::kConditionState));
      if (applies.is_error()) {
        run.AddError(nullptr, applies, policy.match.when_location);
        result.outcome = OutcomeOf(result, policy.on_error);
        out.policies.push_back(std::move(result));
        continue;
      }
      if (!applies.is_true()) continue;
    }
    internal::BindLets(policy, scratch, internal::kFirstLetState);
    run.Run();
    result.outcome = OutcomeOf(result, policy.on_error);
    out.policies.push_back(std::move(result));
  }
  return out;
}

}  // namespace warden::engine
