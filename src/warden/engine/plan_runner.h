#pragma once
// Runs rules' condition plans (policy/condition_plan.h) as chains, for requests.
//
// PlanTable is built once per engine: it interns the plans' paths bundle-wide (rules
// testing the same path read it once per request) and emits the chains' branch nodes.
// PlanMemo is the per-request memory of the paths read; it lives in the thread's scratch
// and is invalidated by bumping an epoch, so starting a request costs nothing.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/base/bytes_equal.h"
#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/program.h"
#include "warden/data/node.h"
#include "warden/policy/compiled.h"

namespace warden::engine::internal {

// A plan's (or a test's) result: unknown sends the engine to the full condition.
enum class PlanResult : uint8_t { kFalse, kTrue, kUnknown };

// Where plan paths start for one input: the node bound to each root variable, and the
// environment names (bound as strings, not nodes).
struct PlanRoots {
  const data::Node* nodes[static_cast<size_t>(policy::SharedSlot::kCount)] = {};
  std::string_view environment;
  std::string_view env;
};

class PlanMemo {
 public:
  // Forgets the previous input; sizes the memory for `paths` paths of `fields` fields
  // in all.
  void Begin(size_t paths, size_t fields);

  // A path's value, as far as plan tests look at it.
  struct PathValue {
    enum class Kind : uint8_t { kMissing, kString, kBool, kInt, kOther };
    Kind kind = Kind::kMissing;
    bool flag = false;
    int64_t number = 0;
    std::string_view text;
  };

 private:
  friend class PlanTable;
  uint32_t epoch_ = 0;
  // Per path: its value, current when `epoch` is the memo's.
  struct Entry {
    uint32_t epoch = 0;
    PathValue value;
  };
  std::vector<Entry> paths_;
  // Per path field: where the key was found last time (inputs of one shape keep keys at
  // the same positions, so the next lookup tries there first). Kept across inputs.
  std::vector<uint32_t> hints_;
};

// Plans run as branch programs: `a && b` is "test a; if false the plan is false, else
// test b", so a run is a loop over a few nodes with no recursion. A policy's consecutive
// rules that have plans are fused into one chain: a rule's false exit enters the next
// rule, so one walk passes every rule that does not fire, with no per-rule work in the
// engine. A walk may start at any rule of a chain (after the rule before it fired). An
// unknown test or CEL part ends the walk at its rule (the full condition then decides,
// errors included).
class PlanTable {
 public:
  // Keys: chains are also emitted once per string literal that the most tested string
  // path of the plans (the key; for authorization bundles usually `action`) is compared
  // with, every test of the key decided at build time. A walk starts in the copy for the
  // request's key value (Variant), so those tests cost nothing and rules that cannot hold
  // for that value are passed without a test. `plans` are all plans chains will be made
  // of; call before AddChain. No key when no path is tested often enough, or when the
  // copies would be too large.
  void ChooseKey(const std::vector<const policy::ConditionPlan*>& plans);

  // Adds the chain of `plans`, the plans of a policy's rules from `first_rule` on (each
  // non-empty; they must outlive the table). Returns the slot of its first rule; the
  // other rules' slots follow in order.
  uint32_t AddChain(const std::vector<const policy::ConditionPlan*>& plans, uint32_t first_rule);

  size_t path_count() const { return paths_.size(); }
  size_t field_count() const { return fields_.size(); }

  // Where a walk stopped: kTrue, rule `rule` holds; kUnknown, rule `rule` needs its
  // full condition; kFalse, every rule before `rule` (the chain's end) is false.
  struct ChainExit {
    PlanResult result = PlanResult::kFalse;
    uint32_t rule = 0;
  };
  // Which copy of the chains to walk for this request (see ChooseKey).
  uint32_t Variant(const PlanRoots& roots, PlanMemo& memo) const;
  // Walks a chain from the rule in `slot`, in copy `variant`. CEL parts evaluate in
  // `activation` (with the policy's params and lets bound) with `state`. Inline: it runs
  // for every request.
  ChainExit Run(uint32_t variant, uint32_t slot, const PlanRoots& roots, PlanMemo& memo,
                const cel::Activation& activation, cel::EvalState& state) const;

 private:
  // A field of a path; its index in fields_ is also its hint's index in PlanMemo.
  struct Field {
    std::string_view name;  // the plan's text (plans outlive the table)
    uint64_t hash = 0;      // data::HashKey(name)
  };
  // Paths keep their fields in one array (fields_), so reading one follows no pointer
  // but the table's.
  struct Path {
    uint32_t slot = 0;
    bool string_root = false;  // `environment` and `env` are bound as strings, not nodes
    uint32_t first_field = 0;
    uint32_t field_count = 0;
  };
  // A branch node: a test (or a CEL part) with its operands inline, and where to go on
  // true and on false. Targets with kFiresBit end the walk at "rule N holds", with
  // kChainEndBit at "the chain ends before rule N"; others are branch indexes.
  static constexpr uint32_t kFiresBit = 0x80000000u;
  static constexpr uint32_t kChainEndBit = 0x40000000u;
  static constexpr uint32_t kTargetMask = 0x3FFFFFFFu;
  struct Branch {
    policy::PlanTestKind kind = policy::PlanTestKind::kBool;
    policy::PlanCompare compare = policy::PlanCompare::kEqual;
    uint32_t path = 0;
    const cel::Program* program = nullptr;  // a CEL part instead of a test
    int64_t number = 0;
    const std::string* strings = nullptr;  // the test's literals (owned by the plan)
    uint32_t string_count = 0;
    uint32_t on_true = 0;
    uint32_t on_false = 0;
    uint32_t rule = 0;  // the rule the branch belongs to
  };

  uint32_t InternPath(const policy::PlanPath& path);
  // Emits the branches of the plan step at `at` of `rule`'s plan, going to `on_true` /
  // `on_false` after it; returns its entry.
  // Copies of the chains: the plain one (key unknown or not a string), one for a key
  // value that is none of the key's literals, then one per literal (key_values_ order).
  static constexpr uint32_t kPlainVariant = 0;
  static constexpr uint32_t kOtherValueVariant = 1;
  static constexpr uint32_t kNoKey = UINT32_MAX;
  uint32_t variant_count() const {
    return key_path_ == kNoKey ? 1 : 2 + static_cast<uint32_t>(key_values_.size());
  }
  // In copy `variant`, tests of the key are decided here: their branch is not emitted.
  uint32_t EmitBranches(const policy::ConditionPlan& plan, uint32_t at, uint32_t on_true,
                        uint32_t on_false, uint32_t rule, uint32_t variant);
  // A test's path value: from the memo, else read (out of line) and remembered.
  const PlanMemo::PathValue& Value(uint32_t path_id, const PlanRoots& roots, PlanMemo& memo) const {
    const PlanMemo::Entry& entry = memo.paths_[path_id];
    if (entry.epoch == memo.epoch_) return entry.value;
    return Resolve(path_id, roots, memo);
  }
  const PlanMemo::PathValue& Resolve(uint32_t path_id, const PlanRoots& roots,
                                     PlanMemo& memo) const;
  static PlanResult RunTest(const Branch& branch, const PlanMemo::PathValue& value);
  static PlanResult RunProgram(const Branch& branch, const cel::Activation& activation,
                               cel::EvalState& state);

  std::vector<Path> paths_;
  std::vector<Field> fields_;
  std::vector<Branch> branches_;
  std::vector<std::vector<uint32_t>> entries_;  // per variant, per slot: the rule's entry
  uint32_t key_path_ = kNoKey;
  std::vector<std::string> key_values_;
  std::unordered_map<std::string, uint32_t> path_ids_;  // by a key of slot and fields
};

inline PlanTable::ChainExit PlanTable::Run(uint32_t variant, uint32_t slot, const PlanRoots& roots,
                                           PlanMemo& memo, const cel::Activation& activation,
                                           cel::EvalState& state) const {
  uint32_t at = entries_[variant][slot];
  while ((at & (kFiresBit | kChainEndBit)) == 0) {
    const Branch& branch = branches_[at];
    PlanResult result = branch.program != nullptr
                            ? RunProgram(branch, activation, state)
                            : RunTest(branch, Value(branch.path, roots, memo));
    // A branch, not a select: the processor then runs ahead on its guess instead of
    // waiting for each test's data (request nodes are often not in cache).
    if (result == PlanResult::kFalse) {
      at = branch.on_false;
    } else if (result == PlanResult::kTrue) [[likely]] {
      at = branch.on_true;
    } else {
      return {result, branch.rule};
    }
  }
  return {(at & kFiresBit) != 0 ? PlanResult::kTrue : PlanResult::kFalse, at & kTargetMask};
}

inline uint32_t PlanTable::Variant(const PlanRoots& roots, PlanMemo& memo) const {
  if (key_path_ == kNoKey) return kPlainVariant;
  const PlanMemo::PathValue& value = Value(key_path_, roots, memo);
  if (value.kind != PlanMemo::PathValue::Kind::kString) return kPlainVariant;
  for (uint32_t idx = 0; idx < key_values_.size(); ++idx) {
    if (BytesEqual(value.text, key_values_[idx])) return 2 + idx;
  }
  return kOtherValueVariant;
}

[[gnu::always_inline]] inline PlanResult PlanTable::RunTest(const Branch& branch,
                                                            const PlanMemo::PathValue& value) {
  using Kind = PlanMemo::PathValue::Kind;
  auto of = [](bool result) { return result ? PlanResult::kTrue : PlanResult::kFalse; };
  switch (branch.kind) {
    case policy::PlanTestKind::kStringEquals:
    case policy::PlanTestKind::kStringIn:
      if (value.kind != Kind::kString) return PlanResult::kUnknown;
      for (uint32_t idx = 0; idx < branch.string_count; ++idx) {
        if (BytesEqual(value.text, branch.strings[idx])) return PlanResult::kTrue;
      }
      return PlanResult::kFalse;
    case policy::PlanTestKind::kStartsWith:
      if (value.kind != Kind::kString) return PlanResult::kUnknown;
      return of(BytesStartWith(value.text, branch.strings[0]));
    case policy::PlanTestKind::kEndsWith:
      if (value.kind != Kind::kString) return PlanResult::kUnknown;
      return of(BytesEndWith(value.text, branch.strings[0]));
    case policy::PlanTestKind::kContains:
      if (value.kind != Kind::kString) return PlanResult::kUnknown;
      return of(value.text.find(branch.strings[0]) != std::string_view::npos);
    case policy::PlanTestKind::kBool:
      if (value.kind != Kind::kBool) return PlanResult::kUnknown;
      return of(value.flag);
    case policy::PlanTestKind::kIntCompare:
      if (value.kind != Kind::kInt) return PlanResult::kUnknown;
      switch (branch.compare) {
        case policy::PlanCompare::kEqual:
          return of(value.number == branch.number);
        case policy::PlanCompare::kNotEqual:
          return of(value.number != branch.number);
        case policy::PlanCompare::kLess:
          return of(value.number < branch.number);
        case policy::PlanCompare::kLessEqual:
          return of(value.number <= branch.number);
        case policy::PlanCompare::kGreater:
          return of(value.number > branch.number);
        case policy::PlanCompare::kGreaterEqual:
          return of(value.number >= branch.number);
      }
  }
  return PlanResult::kUnknown;
}

}  // namespace warden::engine::internal
