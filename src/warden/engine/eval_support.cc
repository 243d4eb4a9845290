#include "warden/engine/eval_support.h"

#include "warden/cel/eval/typed_value.h"
#include "warden/engine/coverage.h"

namespace warden::engine::internal {

Scratch& Scratch::ForThread(const policy::CompiledBundle& bundle) {
  thread_local Scratch scratch;
  if (scratch.env_ != bundle.widest_env) {
    scratch.env_ = bundle.widest_env;
    scratch.activation_ = std::make_unique<cel::Activation>(*scratch.env_);
  }
  return scratch;
}

void Scratch::GrowStates(size_t index) {
  while (states_.size() <= index) states_.push_back(std::make_unique<cel::EvalState>());
}

void BindLets(const policy::CompiledPolicy& policy, Scratch& scratch, size_t let_state_base) {
  for (size_t let_idx = 0; let_idx < policy.lets.size(); ++let_idx) {
    const policy::CompiledLet& let = policy.lets[let_idx];
    cel::Value value =
        let.program->Evaluate(scratch.activation(), scratch.state(let_state_base + let_idx));
    scratch.activation().BindSlot(let.slot, value);
  }
}

std::string ValueText(const cel::Value& value) {
  if (value.kind() == cel::ValueKind::kString) return std::string(value.string_view());
  std::string out;
  cel::EncodePlainJson(value, out);
  return out;
}

std::string ErrorText(const cel::Value& value) {
  return value.is_error() ? std::string(value.error().message) : std::string();
}

std::string RenderTemplate(const policy::CompiledTemplate& text, Scratch& scratch) {
  std::string out;
  for (const policy::CompiledTemplate::Piece& piece : text.pieces) {
    out += piece.literal;
    if (!piece.program) continue;
    cel::Value value =
        piece.program->Evaluate(scratch.activation(), scratch.state(kConditionState));
    if (value.is_error()) {
      out += "<error: " + ErrorText(value) + ">";
    } else {
      out += ValueText(value);
    }
  }
  return out;
}

namespace {

int Level(policy::Enforcement enforcement) {
  switch (enforcement) {
    case policy::Enforcement::kDisabled:
      return 0;
    case policy::Enforcement::kAudit:
      return 1;
    case policy::Enforcement::kWarn:
      return 2;
    case policy::Enforcement::kEnforce:
      return 3;
  }
  return 3;
}

policy::Enforcement Weaker(policy::Enforcement a, policy::Enforcement b) {
  return Level(a) <= Level(b) ? a : b;
}

}  // namespace

policy::Enforcement PolicyEnforcement(const policy::CompiledBundle& bundle,
                                      const policy::CompiledPolicy& policy,
                                      std::string_view environment) {
  policy::Enforcement level = policy.enforcement;
  if (environment.empty()) return level;
  auto settings = bundle.environments.find(std::string(environment));
  if (settings == bundle.environments.end()) return level;
  if (auto own = settings->second.policies.find(policy.name);
      own != settings->second.policies.end()) {
    return own->second;  // the most specific setting wins outright
  }
  if (settings->second.enforcement) level = Weaker(level, *settings->second.enforcement);
  return level;
}

policy::Enforcement RuleEnforcement(policy::Effect effect, policy::Enforcement policy_level) {
  switch (effect) {
    case policy::Effect::kWarn:
      return Weaker(policy_level, policy::Enforcement::kWarn);
    case policy::Effect::kAudit:
      return Weaker(policy_level, policy::Enforcement::kAudit);
    default:
      return policy_level;
  }
}

namespace {

// Evaluates the circuit step at `at` like CEL's logical operators, short-circuiting as
// they do, and counts each leaf it evaluates. 1 true, 0 false, -1 error or not a bool.
int RunCircuit(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule, uint32_t at,
               const cel::Activation& activation, cel::EvalState& state,
               CoverageRecorder& coverage) {
  const policy::ConditionPlan& circuit = rule.coverage.circuit;
  const policy::PlanStep& step = circuit.steps[at];
  switch (step.op) {
    case policy::PlanOp::kProgram: {
      cel::Value value = circuit.programs[step.operand]->Evaluate(activation, state);
      bool ok = value.is_bool();
      coverage.RecordBranch(policy, rule, step.operand, ok && value.bool_value(), !ok);
      return ok ? (value.bool_value() ? 1 : 0) : -1;
    }
    case policy::PlanOp::kNot: {
      int value = RunCircuit(policy, rule, at + 1, activation, state, coverage);
      return value < 0 ? value : 1 - value;
    }
    case policy::PlanOp::kAnd:
    case policy::PlanOp::kOr: {
      const int absorbing = step.op == policy::PlanOp::kAnd ? 0 : 1;
      bool error = false;
      for (uint32_t child = at + 1; child < step.end; child = circuit.steps[child].end) {
        int value = RunCircuit(policy, rule, child, activation, state, coverage);
        if (value == absorbing) return absorbing;
        error = error || value < 0;
      }
      return error ? -1 : 1 - absorbing;
    }
    case policy::PlanOp::kTest:
      break;  // coverage circuits have no native tests
  }
  return -1;
}

}  // namespace

cel::Value EvaluateCondition(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule,
                             const cel::Activation& activation, cel::EvalState& state,
                             CoverageRecorder* coverage) {
  if (coverage == nullptr) return rule.condition->Evaluate(activation, state);
  // The circuit first: the condition's value (an error's text) may live in `state`,
  // which the circuit's evaluations would reuse.
  if (!rule.coverage.circuit.empty()) RunCircuit(policy, rule, 0, activation, state, *coverage);
  cel::Value value = rule.condition->Evaluate(activation, state);
  bool ok = value.is_bool();
  coverage->RecordCondition(policy, rule, ok && value.bool_value(), !ok);
  return value;
}

}  // namespace warden::engine::internal
