// Field paths `base.f1.f2...fn` (and `has(base.f1...fn)`) fused into one step. Document
// maps are walked node by node with pre-hashed keys and a per-field position hint, and a
// value is made only for the result. Paths of up to three fields get a fixed-length step
// whose fast path is a handful of loads and compares; anything unusual (native maps,
// optionals, misses, errors) falls back to the general walk.

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "warden/cel/eval/step.h"
#include "warden/data/node.h"

namespace warden::cel {

namespace {

struct PathField {
  std::string_view name;
  uint64_t hash = 0;
  // Position of the key in the last map it was found in (Node::FindAt). Threads
  // evaluating the same program share it, hence relaxed atomic access; any value is
  // only a guess, so a lost update costs one scan.
  mutable uint32_t hint = 0;

  explicit PathField(std::string_view field) : name(field), hash(data::HashKey(field)) {}
  PathField() = default;

  const data::Node* FindIn(const data::Node& map) const {
    const uint32_t guess = std::atomic_ref<uint32_t>(hint).load(std::memory_order_relaxed);
    if (const data::Node* hit = map.FindAt(guess, name, hash)) [[likely]] {
      return hit;
    }
    return FindAndRemember(map);
  }

  [[gnu::noinline]] const data::Node* FindAndRemember(const data::Node& map) const {
    uint32_t position = 0;
    const data::Node* found = map.FindAndHint(name, hash, position);
    if (found != nullptr) {
      std::atomic_ref<uint32_t>(hint).store(position, std::memory_order_relaxed);
    }
    return found;
  }
};

// Where the path starts: a comprehension variable, a declared variable read straight
// from the activation, or any other step.
struct PathBase {
  StepPtr step;        // always set unless local >= 0; evaluated for errors and others
  int64_t local = -1;  // comprehension variable
  int64_t slot = -1;   // declared variable

  // The base value without evaluating a step, or nullptr when `step` must run.
  const Value* Peek(const Frame& frame) const {
    if (local >= 0) return &frame.locals[local];
    if (slot >= 0) return frame.activation.slot(static_cast<uint32_t>(slot));
    return nullptr;
  }
  Value Eval(Frame& frame) const {
    if (const Value* value = Peek(frame)) return *value;
    return step->Eval(frame);
  }
};

class SelectPathStep final : public Step {
 public:
  SelectPathStep(PathBase base, std::vector<std::string_view> fields, bool test_only)
      : base_(std::move(base)), test_only_(test_only) {
    for (std::string_view field : fields) fields_.emplace_back(field);
  }

  Value Eval(Frame& frame) const override { return Walk(base_.Eval(frame), frame.ctx); }

  // The general walk from an already evaluated base.
  Value Walk(Value current, CallContext& ctx) const {
    const PathField* field = fields_.data();
    const PathField* const end = field + fields_.size();
    if (const data::Node* node = current.node(); node != nullptr) [[likely]] {
      const PathField* const last = end - 1;
      for (;; ++field) {
        const data::Node* found = field->FindIn(*node);
        if (field == last) {
          if (test_only_ && node->is_map()) return Value::Bool(found != nullptr);
          if (found != nullptr) [[likely]] {
            return Value::FromNode(*found);
          }
          break;
        }
        if (found == nullptr) break;
        node = found;
      }
      current = Value::FromNode(*node);
    }
    for (; field != end; ++field) {
      current = SelectSlow(current, *field, test_only_ && field + 1 == end, ctx);
      if (current.is_error()) return current;
    }
    return current;
  }

  bool test_only() const { return test_only_; }
  const PathBase& base() const { return base_; }
  const std::vector<PathField>& fields() const { return fields_; }
  void Append(std::string_view field, bool test_only) {
    fields_.emplace_back(field);
    test_only_ = test_only;
  }

 private:
  // Everything but a hit in a document map: native maps, optionals, errors, misses.
  static Value SelectSlow(const Value& operand, const PathField& field, bool presence,
                          CallContext& ctx) {
    if (operand.kind() == ValueKind::kOptional) {
      if (!operand.has_value()) return presence ? Value::False() : Value::OptionalNone();
      return SelectField(operand.optional_value(), field.name, field.hash,
                         presence ? SelectMode::kPresence : SelectMode::kOptional, ctx);
    }
    return SelectField(operand, field.name, field.hash,
                       presence ? SelectMode::kPresence : SelectMode::kValue, ctx);
  }

  PathBase base_;
  std::vector<PathField> fields_;
  bool test_only_;
};

// A path of exactly N fields whose base is a variable: the common `c.image`,
// `object.metadata.name`. Its fast path (document maps all the way, every key present)
// has no loop, no virtual call and no value but the result; `general_` does the rest.
template <size_t N>
class FixedPathStep final : public Step {
 public:
  explicit FixedPathStep(std::unique_ptr<SelectPathStep> general)
      : general_(std::move(general)),
        local_(general_->base().local),
        slot_(general_->base().slot),
        test_only_(general_->test_only()) {
    for (size_t field_idx = 0; field_idx < N; ++field_idx) {
      fields_[field_idx] = general_->fields()[field_idx];
    }
  }

  Value Eval(Frame& frame) const override {
    const Value* base =
        local_ >= 0 ? &frame.locals[local_] : frame.activation.slot(static_cast<uint32_t>(slot_));
    if (base != nullptr && base->is_node_backed()) [[likely]] {
      const data::Node* node = base->node();
      for (size_t field_idx = 0; field_idx + 1 < N; ++field_idx) {
        node = fields_[field_idx].FindIn(*node);
        if (node == nullptr) [[unlikely]] {
          return general_->Eval(frame);
        }
      }
      const data::Node* found = fields_[N - 1].FindIn(*node);
      if (test_only_) {
        if (node->is_map()) return Value::Bool(found != nullptr);
      } else if (found != nullptr) [[likely]] {
        return Value::FromNode(*found);
      }
    }
    return general_->Eval(frame);
  }

  SelectPathStep& general() { return *general_; }
  std::unique_ptr<SelectPathStep> release_general() { return std::move(general_); }

 private:
  std::unique_ptr<SelectPathStep> general_;
  int64_t local_;
  int64_t slot_;
  bool test_only_;
  std::array<PathField, N> fields_;
};

// The fastest step for a complete path.
StepPtr Specialize(std::unique_ptr<SelectPathStep> path) {
  const bool variable_base = path->base().local >= 0 || path->base().slot >= 0;
  if (!variable_base) return path;
  switch (path->fields().size()) {
    case 1:
      return std::make_unique<FixedPathStep<1>>(std::move(path));
    case 2:
      return std::make_unique<FixedPathStep<2>>(std::move(path));
    case 3:
      return std::make_unique<FixedPathStep<3>>(std::move(path));
    default:
      return path;
  }
}

// The general path step inside `step`, taken out of its specialisation; nullptr when
// `step` is not a path.
std::unique_ptr<SelectPathStep> TakePath(StepPtr& step) {
  Step* raw = step.get();
  if (dynamic_cast<SelectPathStep*>(raw) != nullptr) {
    return std::unique_ptr<SelectPathStep>(static_cast<SelectPathStep*>(step.release()));
  }
  if (auto* fixed = dynamic_cast<FixedPathStep<1>*>(raw)) return fixed->release_general();
  if (auto* fixed = dynamic_cast<FixedPathStep<2>*>(raw)) return fixed->release_general();
  if (auto* fixed = dynamic_cast<FixedPathStep<3>*>(raw)) return fixed->release_general();
  return nullptr;
}

}  // namespace

StepPtr MakeSelectPathStep(StepPtr base, int64_t local, std::vector<std::string_view> fields,
                           bool test_only) {
  PathBase path_base;
  path_base.local = local;
  if (local < 0 && base != nullptr) {
    if (std::optional<uint32_t> slot = SlotOfStep(*base)) path_base.slot = *slot;
  }
  path_base.step = std::move(base);
  return Specialize(
      std::make_unique<SelectPathStep>(std::move(path_base), std::move(fields), test_only));
}

StepPtr ExtendSelectPath(StepPtr operand, std::string_view field, bool test_only) {
  // Only a value path can grow: after has(...) the operand is a bool.
  std::unique_ptr<SelectPathStep> path = TakePath(operand);
  if (path != nullptr) {
    if (!path->test_only()) {
      path->Append(field, test_only);
      return Specialize(std::move(path));
    }
    operand = Specialize(std::move(path));
  }
  return MakeSelectPathStep(std::move(operand), -1, {field}, test_only);
}

}  // namespace warden::cel
