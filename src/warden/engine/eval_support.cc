#include "warden/engine/eval_support.h"

#include "warden/cel/eval/typed_value.h"

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

}  // namespace warden::engine::internal
