#pragma once
// Engine: decides with a compiled bundle. Built once from an immutable CompiledBundle
// (it adds the rule index), then `Check` documents and `Decide` requests from any number
// of threads at once: both are const and keep their scratch state per thread.
//
//   Diagnostics diagnostics;
//   auto source = policy::LoadBundleDirectory("policies", diagnostics);
//   auto bundle = policy::Compile(source, diagnostics);
//   if (diagnostics.has_errors()) ...;
//   auto engine = engine::Engine::Build(bundle);
//   engine::DocumentResult result = engine->Check(input, {.environment = "prod", .now = t});
//
// Evaluation order (docs/language.md, "Evaluation"): index → match → `when` → `let`
// (once per input and policy) → `foreach` → condition → effect → enforcement (rule
// effect, policy, environment, exceptions) → combining → default. The engine does no
// I/O and reads no clock: the evaluation time comes in the options.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "warden/engine/input.h"
#include "warden/engine/match.h"
#include "warden/engine/result.h"
#include "warden/engine/rule_ref.h"
#include "warden/policy/compiled.h"

namespace warden::engine {

class RuleIndex;
namespace internal {
class PlanTable;
}  // namespace internal

struct EngineOptions {
  // false: every policy is a candidate for every input (a linear scan). Results are
  // identical either way; the differential tests check it.
  bool use_index = true;
};

class CoverageRecorder;

struct EvalOptions {
  std::string environment;  // `--env`; empty: none (requests may carry their own)
  int64_t now_seconds = 0;  // evaluation time (Unix seconds, UTC) for `now` and expiries
  int32_t now_nanos = 0;
  // When set, rule and branch coverage is counted into it (coverage.h); requests are then
  // decided rule by rule, without condition plans. Not thread-safe.
  CoverageRecorder* coverage = nullptr;
};

// A decision without strings: what DecideCompact returns, allocation-free. `policy`
// and `rule` index the first deciding rule in bundle().policies (unset by default).
struct CompactDecision {
  Decision decision = Decision::kDeny;
  bool by_default = false;
  uint32_t policy = UINT32_MAX;
  uint32_t rule = UINT32_MAX;
};

class Engine {
 public:
  static std::unique_ptr<Engine> Build(std::shared_ptr<const policy::CompiledBundle> bundle,
                                       const EngineOptions& options = {});
  ~Engine();

  // The outcome of every applicable policy on one document.
  DocumentResult Check(const DocumentInput& input, const EvalOptions& options) const;

  // The decision on one request. With `explain`, every candidate rule is recorded with
  // its result and why it decided, was skipped or was waived.
  RequestDecision Decide(const RequestInput& input, const EvalOptions& options,
                         std::vector<ExplainStep>* explain = nullptr) const;

  // The same decision without messages, reasons or error texts, allocating nothing in
  // steady state: the fastest enforcement path (the embedding API's hot path).
  CompactDecision DecideCompact(const RequestInput& input, const EvalOptions& options) const;

  const policy::CompiledBundle& bundle() const { return *bundle_; }
  const std::shared_ptr<const policy::CompiledBundle>& shared_bundle() const { return bundle_; }

 private:
  Engine(std::shared_ptr<const policy::CompiledBundle> bundle, const EngineOptions& options);

  std::shared_ptr<const policy::CompiledBundle> bundle_;
  EngineOptions options_;
  // Each rule's chain slot (RuleRef::kNoChain for rules without a plan).
  std::vector<uint32_t> BuildChains(const policy::CompiledPolicy& policy);
  CompactDecision DecideCore(const RequestInput& input, const EvalOptions& options, bool full,
                             std::vector<ExplainStep>* explain) const;

  std::unique_ptr<RuleIndex> index_;
  std::vector<PolicyMatcher> matchers_;       // per policy
  std::vector<ExceptionMatcher> exceptions_;  // per exception, in bundle order
  std::vector<size_t> let_state_base_;        // per policy: its first let EvalState
  // Per policy: whether it applies to every request at its own enforcement (no match
  // list for requests, no `when`, no environment settings in the bundle), so a decision
  // need not ask its matcher.
  std::vector<uint8_t> applies_to_all_requests_;
  // The rules' condition plans (policy/condition_plan.h) as chains; none with the index
  // off, so the linear mode evaluates every condition in full and checks the plans.
  std::unique_ptr<internal::PlanTable> plans_;
  // Per policy: whether its chains hold CEL parts (they read the policy's params and
  // lets, which must then be bound before a walk).
  std::vector<uint8_t> chain_binds_;
  // Rules of every policy in first-match order: (priority, policy, declaration).
  using RuleRef = internal::RuleRef;
  std::vector<RuleRef> ordered_rules_;
  std::vector<std::vector<RuleRef>> policy_rules_;  // per policy, declaration order
  // Every policy's rules share one priority: candidate rules are then in first-match
  // order when taken policy by policy, with no sort per decision.
  bool uniform_priority_ = true;
};

}  // namespace warden::engine
