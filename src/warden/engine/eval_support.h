#pragma once
// Internals shared by Engine::Check and Engine::Decide: the per-thread scratch state,
// variable binding, `let` evaluation, templates, enforcement resolution and exception
// matching. Not part of the engine's public API.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/arena.h"
#include "warden/base/source_location.h"
#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/program.h"
#include "warden/engine/engine.h"
#include "warden/engine/input.h"
#include "warden/engine/plan_runner.h"
#include "warden/engine/result.h"
#include "warden/engine/rule_ref.h"
#include "warden/policy/compiled.h"

namespace warden::engine::internal {

// What one decision recorded about a rule (Engine::DecideCore's trace).
enum class TraceKind : uint8_t {
  kFired,             // fired with enforce: counts toward the decision
  kWarned,            // fired, enforcement warn: reported only
  kAudited,           // fired, enforcement audit: recorded only
  kWaived,            // fired, waived by `exception`
  kError,             // the rule failed to evaluate
  kErrorIgnored,      // ... under on_error: allow
  kWhenError,         // the policy's `when` failed (rule is UINT32_MAX)
  kWhenErrorIgnored,  // ... under on_error: allow
};

struct TraceEntry {
  uint32_t policy = 0;
  uint32_t rule = 0;
  TraceKind kind = TraceKind::kFired;
  const policy::CompiledException* exception = nullptr;
  std::string text;      // full decisions only: the rendered message, or the error
  SourceLocation where;  // errors: the failing expression
  bool decides = false;  // one of the rules that decided (set at the end)
};

// Per-thread evaluation state, reused across inputs so steady-state evaluation does not
// allocate. State 0 evaluates conditions, `when` and templates; state 1 holds the
// current `foreach` list; states from 2 hold `let` values (one per let, so earlier
// values stay valid while later ones and the rules evaluate).
class Scratch {
 public:
  // The thread's scratch, with an activation fitting `bundle` (made anew when the
  // thread last used another bundle).
  static Scratch& ForThread(const policy::CompiledBundle& bundle);

  cel::Activation& activation() { return *activation_; }
  cel::EvalState& state(size_t index) {
    if (index >= states_.size()) GrowStates(index);
    return *states_[index];
  }
  Arena& arena() { return arena_; }
  std::vector<uint32_t>& candidates() { return candidates_; }
  std::vector<RuleRef>& candidate_rules() { return candidate_rules_; }
  // Per-decision vectors of Engine::Decide, kept to avoid allocating per request.
  std::vector<uint8_t>& policy_states() { return policy_states_; }
  std::vector<uint8_t>& policy_levels() { return policy_levels_; }
  PlanMemo& plan_memo() { return plan_memo_; }
  std::vector<TraceEntry>& trace() { return trace_; }
  std::vector<std::string>& subject_ids() { return subject_ids_; }

  // Unbinds every slot.
  void Clear() { activation_->UnbindAllSlots(); }

 private:
  void GrowStates(size_t index);

  std::shared_ptr<const cel::Env> env_;  // pins the Env the activation was made for
  std::unique_ptr<cel::Activation> activation_;
  std::vector<std::unique_ptr<cel::EvalState>> states_;
  Arena arena_;
  std::vector<uint32_t> candidates_;
  std::vector<RuleRef> candidate_rules_;
  std::vector<uint8_t> policy_states_;
  std::vector<uint8_t> policy_levels_;
  PlanMemo plan_memo_;
  std::vector<TraceEntry> trace_;
  std::vector<std::string> subject_ids_;
};

inline constexpr size_t kConditionState = 0;
inline constexpr size_t kForeachState = 1;
inline constexpr size_t kFirstLetState = 2;

inline void BindShared(cel::Activation& activation, policy::SharedSlot slot, cel::Value value) {
  activation.BindSlot(static_cast<uint32_t>(slot), value);
}

// Evaluates and binds a policy's lets; `let_state_base` is the first state to use.
void BindLets(const policy::CompiledPolicy& policy, Scratch& scratch, size_t let_state_base);

// A value as text for messages: strings as they are, everything else as JSON.
std::string ValueText(const cel::Value& value);

// Renders a template; an expression that fails renders as `<error: message>`.
std::string RenderTemplate(const policy::CompiledTemplate& text, Scratch& scratch);

// The enforcement of `policy` in `environment` (policy's own, the environment's
// per-policy override, capped by the environment's enforcement).
policy::Enforcement PolicyEnforcement(const policy::CompiledBundle& bundle,
                                      const policy::CompiledPolicy& policy,
                                      std::string_view environment);
// A fired rule's enforcement: the policy's, lowered by a `warn` or `audit` effect.
policy::Enforcement RuleEnforcement(policy::Effect effect, policy::Enforcement policy_level);

// `error: message` text of an error value.
std::string ErrorText(const cel::Value& value);

// `rule`'s condition in `activation`. With a coverage recorder, also counts the result
// and runs the rule's coverage circuit (policy::CoverageCircuit) to count its branches.
cel::Value EvaluateCondition(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule,
                             const cel::Activation& activation, cel::EvalState& state,
                             CoverageRecorder* coverage);

}  // namespace warden::engine::internal
