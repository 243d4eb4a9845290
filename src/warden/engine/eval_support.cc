#include "warden/engine/eval_support.h"

#include "warden/cel/eval/typed_value.h"
#include "warden/cel/lib/glob.h"
#include "warden/engine/match.h"

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

bool GlobsMatch(const policy::TextList& patterns, std::string_view text) {
  if (patterns.empty()) return true;
  for (const policy::Text& pattern : patterns) {
    bool malformed = false;
    if (cel::GlobMatch(pattern.value, text, malformed)) return true;
  }
  return false;
}

bool GlobsMatchAny(const policy::TextList& patterns, const std::vector<std::string>& texts) {
  if (patterns.empty()) return true;
  for (const std::string& text : texts) {
    if (GlobsMatch(patterns, text)) return true;
  }
  return false;
}

bool InScope(const policy::CompiledException& exception, const std::string& policy,
             const std::string& rule, std::string_view environment, const EvalOptions& options) {
  if (exception.policy != policy) return false;
  if (options.now_seconds >= exception.expires_seconds) return false;
  if (!exception.rules.empty()) {
    bool listed = false;
    for (const std::string& name : exception.rules) listed = listed || name == rule;
    if (!listed) return false;
  }
  if (!exception.environments.empty()) {
    bool listed = false;
    for (const std::string& name : exception.environments) {
      bool malformed = false;
      listed = listed || cel::GlobMatch(name, environment, malformed);
    }
    if (!listed) return false;
  }
  return true;
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

const policy::CompiledException* FindDocumentException(const policy::CompiledBundle& bundle,
                                                       const std::string& policy,
                                                       const std::string& rule,
                                                       const DocumentInput& input,
                                                       const EvalOptions& options) {
  for (const policy::CompiledException& exception : bundle.exceptions) {
    if (!InScope(exception, policy, rule, options.environment, options)) continue;
    const policy::ExceptionTargets& targets = exception.targets;
    if (!targets.subjects.empty() || !targets.resources.empty() || !targets.actions.empty()) {
      continue;  // a request exception
    }
    if (!targets.kinds.empty() && !GlobsMatch(targets.kinds, input.kind) &&
        !GlobsMatch(targets.kinds, QualifiedKind(input))) {
      continue;
    }
    if (!GlobsMatch(targets.namespaces, input.namespace_name)) continue;
    if (!GlobsMatch(targets.names, input.name)) continue;
    if (!GlobsMatch(targets.files, input.file)) continue;
    return &exception;
  }
  return nullptr;
}

const policy::CompiledException* FindRequestException(
    const policy::CompiledBundle& bundle, const std::string& policy, const std::string& rule,
    std::string_view action, std::string_view resource, const std::vector<std::string>& subject_ids,
    std::string_view environment, const EvalOptions& options) {
  for (const policy::CompiledException& exception : bundle.exceptions) {
    if (!InScope(exception, policy, rule, environment, options)) continue;
    const policy::ExceptionTargets& targets = exception.targets;
    if (!targets.kinds.empty() || !targets.namespaces.empty() || !targets.names.empty() ||
        !targets.files.empty()) {
      continue;  // a document exception
    }
    if (!GlobsMatch(targets.actions, action)) continue;
    if (!GlobsMatch(targets.resources, resource)) continue;
    if (!GlobsMatchAny(targets.subjects, subject_ids)) continue;
    return &exception;
  }
  return nullptr;
}

}  // namespace warden::engine::internal
