#include "warden/engine/plan_runner.h"

#include <algorithm>
#include <map>

namespace warden::engine::internal {

using policy::PlanCompare;
using policy::PlanOp;
using policy::PlanTestKind;
using PathKind = PlanMemo::PathValue::Kind;

void PlanMemo::Begin(size_t paths, size_t fields) {
  if (paths_.size() < paths) paths_.resize(paths);
  if (hints_.size() < fields) hints_.resize(fields, 0);
  if (++epoch_ == 0) {  // wrapped: no stale entry may look current
    for (Entry& entry : paths_) entry.epoch = 0;
    epoch_ = 1;
  }
}

namespace {

// Appends one field to a path's interning key. Fields are length-prefixed, so no field
// text can make two different paths give the same key.
void AppendKeyPart(std::string& key, std::string_view part) {
  key += std::to_string(part.size());
  key += ':';
  key += part;
}

}  // namespace

uint32_t PlanTable::InternPath(const policy::PlanPath& path) {
  std::string key = std::to_string(path.slot);
  for (const std::string& field : path.fields) AppendKeyPart(key, field);
  auto [it, added] = path_ids_.try_emplace(std::move(key), static_cast<uint32_t>(paths_.size()));
  if (added) {
    auto slot = static_cast<policy::SharedSlot>(path.slot);
    Path interned;
    interned.slot = path.slot;
    interned.string_root =
        slot == policy::SharedSlot::kEnvironment || slot == policy::SharedSlot::kEnv;
    interned.first_field = static_cast<uint32_t>(fields_.size());
    interned.field_count = static_cast<uint32_t>(path.fields.size());
    for (const std::string& field : path.fields) fields_.push_back({field, data::HashKey(field)});
    paths_.push_back(interned);
  }
  return it->second;
}

uint32_t PlanTable::EmitBranches(const policy::ConditionPlan& plan, uint32_t at, uint32_t on_true,
                                 uint32_t on_false, uint32_t rule, uint32_t variant) {
  const policy::PlanStep& step = plan.steps[at];
  switch (step.op) {
    case PlanOp::kTest:
    case PlanOp::kProgram: {
      Branch branch;
      branch.on_true = on_true;
      branch.on_false = on_false;
      branch.rule = rule;
      if (step.op == PlanOp::kProgram) {
        branch.program = plan.programs[step.operand].get();
      } else {
        const policy::PlanTest& test = plan.tests[step.operand];
        branch.kind = test.kind;
        branch.compare = test.compare;
        branch.path = InternPath(test.path);
        branch.number = test.number;
        branch.strings = test.strings.data();
        branch.string_count = static_cast<uint32_t>(test.strings.size());
        if (branch.path == key_path_ && variant != kPlainVariant) {
          // The key's value is known in this copy: decide the test now.
          PlanResult result = PlanResult::kUnknown;
          if (variant == kOtherValueVariant) {
            // None of the key's literals (all of them are in key_values_).
            if (test.kind == PlanTestKind::kStringEquals || test.kind == PlanTestKind::kStringIn) {
              result = PlanResult::kFalse;
            }
          } else {
            PlanMemo::PathValue value;
            value.kind = PathKind::kString;
            value.text = key_values_[variant - 2];
            result = RunTest(branch, value);
          }
          if (result == PlanResult::kTrue) return on_true;
          if (result == PlanResult::kFalse) return on_false;
        }
      }
      branches_.push_back(branch);
      return static_cast<uint32_t>(branches_.size() - 1);
    }
    case PlanOp::kNot:
      return EmitBranches(plan, at + 1, on_false, on_true, rule, variant);
    case PlanOp::kAnd:
    case PlanOp::kOr: {
      // Emitted last operand first, so each operand knows where the next one starts:
      // `&&` goes on to the next operand when true and ends false when false.
      std::vector<uint32_t> operands;
      for (uint32_t child = at + 1; child < step.end; child = plan.steps[child].end) {
        operands.push_back(child);
      }
      uint32_t next = step.op == PlanOp::kAnd ? on_true : on_false;
      for (auto it = operands.rbegin(); it != operands.rend(); ++it) {
        next = step.op == PlanOp::kAnd ? EmitBranches(plan, *it, next, on_false, rule, variant)
                                       : EmitBranches(plan, *it, on_true, next, rule, variant);
      }
      return next;
    }
  }
  return on_false;
}

void PlanTable::ChooseKey(const std::vector<const policy::ConditionPlan*>& plans) {
  // Per path: how many string equality and membership tests, and their literals.
  struct Use {
    size_t tests = 0;
    std::vector<std::string> literals;
  };
  std::map<uint32_t, Use> uses;  // ordered: ties go to the path seen first
  size_t steps = 0;
  for (const policy::ConditionPlan* plan : plans) {
    steps += plan->steps.size();
    for (const policy::PlanTest& test : plan->tests) {
      if (test.kind != PlanTestKind::kStringEquals && test.kind != PlanTestKind::kStringIn)
        continue;
      Use& use = uses[InternPath(test.path)];
      ++use.tests;
      for (const std::string& literal : test.strings) {
        if (std::find(use.literals.begin(), use.literals.end(), literal) == use.literals.end()) {
          use.literals.push_back(literal);
        }
      }
    }
  }
  // Enough tests to pay for the copies, a bounded number of literals, and copies of a
  // bounded size (each copy has at most one branch per plan step).
  constexpr size_t kMinTests = 3;
  constexpr size_t kMaxLiterals = 64;
  constexpr size_t kMaxCopiedSteps = size_t{1} << 20;
  size_t best_tests = kMinTests - 1;
  for (auto& [path, use] : uses) {
    if (use.tests <= best_tests || use.literals.size() < 2 || use.literals.size() > kMaxLiterals ||
        steps * (use.literals.size() + 1) > kMaxCopiedSteps) {
      continue;
    }
    best_tests = use.tests;
    key_path_ = path;
    key_values_ = use.literals;
  }
}

uint32_t PlanTable::AddChain(const std::vector<const policy::ConditionPlan*>& plans,
                             uint32_t first_rule) {
  entries_.resize(variant_count());
  auto first_slot = static_cast<uint32_t>(entries_[kPlainVariant].size());
  for (uint32_t variant = 0; variant < entries_.size(); ++variant) {
    std::vector<uint32_t>& entries = entries_[variant];
    entries.resize(first_slot + plans.size());
    uint32_t next = kChainEndBit | (first_rule + static_cast<uint32_t>(plans.size()));
    // Last rule first, so each rule's false exit is the entry of the rule after it.
    for (size_t offset = plans.size(); offset-- > 0;) {
      auto rule = static_cast<uint32_t>(first_rule + offset);
      next = EmitBranches(*plans[offset], 0, kFiresBit | rule, next, rule, variant);
      entries[first_slot + offset] = next;
    }
  }
  return first_slot;
}

const PlanMemo::PathValue& PlanTable::Resolve(uint32_t path_id, const PlanRoots& roots,
                                              PlanMemo& memo) const {
  PlanMemo::Entry& entry = memo.paths_[path_id];
  entry.epoch = memo.epoch_;
  PlanMemo::PathValue& value = entry.value;
  const Path& path = paths_[path_id];
  if (path.string_root) [[unlikely]] {
    // A field of a string is an error, left to CEL.
    value.kind = path.field_count == 0 ? PathKind::kString : PathKind::kMissing;
    value.text = path.slot == static_cast<uint32_t>(policy::SharedSlot::kEnv) ? roots.env
                                                                              : roots.environment;
    return value;
  }
  const data::Node* node = roots.nodes[path.slot];
  const uint32_t end_field = path.first_field + path.field_count;
  for (uint32_t field_idx = path.first_field; field_idx < end_field && node != nullptr;
       ++field_idx) {
    const Field& field = fields_[field_idx];
    uint32_t& hint = memo.hints_[field_idx];
    const data::Node* found = node->FindAt(hint, field.name, field.hash);
    node = found != nullptr ? found : node->FindAndHint(field.name, field.hash, hint);
  }
  // Only the member of the value's kind is set: RunTest reads no other.
  if (node == nullptr) {
    value.kind = PathKind::kMissing;  // missing (or not a map on the way): CEL decides
  } else if (node->is_string()) {
    value.kind = PathKind::kString;
    value.text = node->string_value();
  } else if (node->kind() == data::NodeKind::kBool) {
    value.kind = PathKind::kBool;
    value.flag = node->bool_value();
  } else if (node->kind() == data::NodeKind::kInt) {
    value.kind = PathKind::kInt;
    value.number = node->int_value();
  } else {
    value.kind = PathKind::kOther;
  }
  return value;
}

PlanResult PlanTable::RunProgram(const Branch& branch, const cel::Activation& activation,
                                 cel::EvalState& state) {
  cel::Value value = branch.program->Evaluate(activation, state);
  if (!value.is_bool()) return PlanResult::kUnknown;
  return value.bool_value() ? PlanResult::kTrue : PlanResult::kFalse;
}

}  // namespace warden::engine::internal
