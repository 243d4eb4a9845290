// List and map literals, including optional elements (`[?x]`) and entries (`{?k: v}`),
// which are left out when the optional is empty.

#include "warden/cel/eval/step.h"

namespace warden::cel {

namespace {

// Unwraps an optional element: false when it is absent (skip it); an error in `out`
// when the element is not an optional at all.
bool UnwrapOptional(const Value& value, Value& out, CallContext& ctx) {
  if (value.kind() != ValueKind::kOptional) {
    out = value.is_error() ? value
                           : NoMatchingOverload(ctx, "optional element", std::span(&value, 1));
    return true;
  }
  if (!value.has_value()) return false;
  out = value.optional_value();
  return true;
}

class ListStep final : public Step {
 public:
  ListStep(std::vector<StepPtr> elements, std::vector<bool> optional)
      : elements_(std::move(elements)), optional_(std::move(optional)) {}

  Value Eval(Frame& frame) const override {
    Value* items = frame.ctx.arena().AllocateArray<Value>(elements_.size());
    if (items == nullptr && !elements_.empty()) return MemoryLimitError();
    uint32_t count = 0;
    for (size_t elem_idx = 0; elem_idx < elements_.size(); ++elem_idx) {
      Value value = elements_[elem_idx]->Eval(frame);
      if (value.is_error()) return value;
      if (optional_[elem_idx]) {
        Value unwrapped;
        if (!UnwrapOptional(value, unwrapped, frame.ctx)) continue;
        if (unwrapped.is_error()) return unwrapped;
        value = unwrapped;
      }
      items[count++] = value;
    }
    return Value::List(items, count);
  }

 private:
  std::vector<StepPtr> elements_;
  std::vector<bool> optional_;
};

class MapStep final : public Step {
 public:
  MapStep(std::vector<StepPtr> keys, std::vector<StepPtr> values, std::vector<bool> optional)
      : keys_(std::move(keys)), values_(std::move(values)), optional_(std::move(optional)) {}

  Value Eval(Frame& frame) const override {
    const size_t count = keys_.size();
    Value* keys = frame.ctx.arena().AllocateArray<Value>(count);
    Value* values = frame.ctx.arena().AllocateArray<Value>(count);
    if ((keys == nullptr || values == nullptr) && count != 0) return MemoryLimitError();
    size_t kept = 0;
    for (size_t entry_idx = 0; entry_idx < count; ++entry_idx) {
      Value key = keys_[entry_idx]->Eval(frame);
      if (key.is_error()) return key;
      Value value = values_[entry_idx]->Eval(frame);
      if (value.is_error()) return value;
      if (optional_[entry_idx]) {
        Value unwrapped;
        if (!UnwrapOptional(value, unwrapped, frame.ctx)) continue;
        if (unwrapped.is_error()) return unwrapped;
        value = unwrapped;
      }
      keys[kept] = key;
      values[kept] = value;
      ++kept;
    }
    return frame.ctx.values().MakeMapChecked(std::span<const Value>(keys, kept),
                                             std::span<const Value>(values, kept));
  }

 private:
  std::vector<StepPtr> keys_;
  std::vector<StepPtr> values_;
  std::vector<bool> optional_;
};

}  // namespace

StepPtr MakeListStep(std::vector<StepPtr> elements, std::vector<bool> optional) {
  return std::make_unique<ListStep>(std::move(elements), std::move(optional));
}
StepPtr MakeMapStep(std::vector<StepPtr> keys, std::vector<StepPtr> values,
                    std::vector<bool> optional) {
  return std::make_unique<MapStep>(std::move(keys), std::move(values), std::move(optional));
}

}  // namespace warden::cel
