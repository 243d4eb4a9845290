// Steps that read values: constants, variables, field selection and indexing,
// including the optional forms (`a.?b`, `a[?i]`) and selection through optionals.

#include <cmath>
#include <string>

#include "warden/cel/eval/step.h"
#include "warden/data/node.h"

namespace warden::cel {

Value NoSuchKeyError(CallContext& ctx, const Value& key) {
  if (key.kind() == ValueKind::kString) {
    return ctx.Error("no such key: `" + std::string(key.string_view()) + "`");
  }
  if (key.kind() == ValueKind::kInt)
    return ctx.Error("no such key: " + std::to_string(key.int_value()));
  if (key.kind() == ValueKind::kUint)
    return ctx.Error("no such key: " + std::to_string(key.uint_value()) + "u");
  return ctx.Error("no such key");
}

Value NoMatchingOverload(CallContext& ctx, std::string_view name, std::span<const Value> args) {
  return ctx.Error(NoMatchingOverloadMessage(name, args));
}

Value NoFieldSelection(CallContext& ctx, const Value& operand) {
  return ctx.Error("type `" + std::string(ValueKindTypeName(operand.kind())) +
                   "` does not support field selection");
}

Value SelectField(const Value& operand, std::string_view field, uint64_t hash, SelectMode mode,
                  CallContext& ctx) {
  if (operand.kind() != ValueKind::kMap) {
    if (operand.is_error()) return operand;
    return NoFieldSelection(ctx, operand);
  }
  Value found;
  bool present = operand.map_find_string(field, hash, found);
  switch (mode) {
    case SelectMode::kValue:
      if (present) return found;
      return ctx.Error("no such key: `" + std::string(field) + "`");
    case SelectMode::kPresence:
      return Value::Bool(present);
    case SelectMode::kOptional:
      return present ? ctx.values().MakeOptional(found) : Value::OptionalNone();
  }
  return found;
}

namespace {

class ConstStep final : public Step {
 public:
  explicit ConstStep(Value value) : value_(value) {}
  Value Eval(Frame&) const override { return value_; }
  const Value* constant() const override { return &value_; }

 private:
  Value value_;
};

class SlotStep final : public Step {
 public:
  SlotStep(uint32_t slot, std::string name) : slot_(slot), name_(std::move(name)) {}
  uint32_t slot() const { return slot_; }
  Value Eval(Frame& frame) const override {
    const Value* value = frame.activation.slot(slot_);
    if (value != nullptr) [[likely]] {
      return *value;
    }
    return frame.ctx.Error("no value bound to `" + name_ + "`");
  }

 private:
  uint32_t slot_;
  std::string name_;
};

class NameStep final : public Step {
 public:
  explicit NameStep(std::string name) : name_(std::move(name)) {}
  Value Eval(Frame& frame) const override {
    const Value* value = frame.activation.Find(name_);
    if (value != nullptr) return *value;
    return frame.ctx.Error("undeclared reference to `" + name_ + "`");
  }

 private:
  std::string name_;
};

class LocalStep final : public Step {
 public:
  explicit LocalStep(uint32_t local) : local_(local) {}
  Value Eval(Frame& frame) const override { return frame.locals[local_]; }

 private:
  uint32_t local_;
};

class SelectStep final : public Step {
 public:
  SelectStep(StepPtr operand, std::string_view field, bool test_only)
      : operand_(std::move(operand)),
        field_(field),
        hash_(data::HashKey(field_)),
        mode_(test_only ? SelectMode::kPresence : SelectMode::kValue) {}

  Value Eval(Frame& frame) const override {
    Value operand = operand_->Eval(frame);
    if (operand.kind() == ValueKind::kMap && operand.is_node_backed()) [[likely]] {
      // Fast path: document maps.
      const data::Node* found = operand.node()->Find(field_, hash_);
      if (mode_ == SelectMode::kPresence) return Value::Bool(found != nullptr);
      if (found != nullptr) return Value::FromNode(*found);
    }
    if (operand.kind() == ValueKind::kOptional) {
      // Selection through an optional yields an optional (has() tests presence inside).
      if (!operand.has_value()) {
        return mode_ == SelectMode::kPresence ? Value::False() : Value::OptionalNone();
      }
      const Value& inner = operand.optional_value();
      if (mode_ == SelectMode::kPresence) {
        return SelectField(inner, field_, hash_, SelectMode::kPresence, frame.ctx);
      }
      return SelectField(inner, field_, hash_, SelectMode::kOptional, frame.ctx);
    }
    return SelectField(operand, field_, hash_, mode_, frame.ctx);
  }

 private:
  StepPtr operand_;
  std::string field_;
  uint64_t hash_;
  SelectMode mode_;
};

class OptSelectStep final : public Step {
 public:
  OptSelectStep(StepPtr operand, std::string_view field)
      : operand_(std::move(operand)), field_(field), hash_(data::HashKey(field_)) {}

  Value Eval(Frame& frame) const override {
    Value operand = operand_->Eval(frame);
    if (operand.kind() == ValueKind::kOptional) {
      if (!operand.has_value()) return operand;
      operand = operand.optional_value();
    }
    return SelectField(operand, field_, hash_, SelectMode::kOptional, frame.ctx);
  }

 private:
  StepPtr operand_;
  std::string field_;
  uint64_t hash_;
};

// Converts a list index (int, uint or integral double) to a position; false with an
// error in `error` otherwise.
bool ListPosition(const Value& index, uint32_t size, uint32_t& position, Value& error,
                  CallContext& ctx, bool optional) {
  int64_t wanted;
  switch (index.kind()) {
    case ValueKind::kInt:
      wanted = index.int_value();
      break;
    case ValueKind::kUint:
      wanted = index.uint_value() > INT64_MAX ? -1 : static_cast<int64_t>(index.uint_value());
      break;
    case ValueKind::kDouble: {
      double d = index.double_value();
      if (std::trunc(d) != d || !(d >= -9.2e18 && d <= 9.2e18)) {
        error = ctx.Error("invalid list index `" + std::to_string(d) + "`: not an integer");
        return false;
      }
      wanted = static_cast<int64_t>(d);
      break;
    }
    default:
      error = ctx.Error("invalid list index of type `" +
                        std::string(ValueKindTypeName(index.kind())) + "`");
      return false;
  }
  if (wanted < 0 || wanted >= static_cast<int64_t>(size)) {
    error = optional ? Value::OptionalNone()
                     : ctx.Error("index out of range: " + std::to_string(wanted));
    return false;
  }
  position = static_cast<uint32_t>(wanted);
  return true;
}

bool IsKeyKind(ValueKind kind) {
  return kind == ValueKind::kString || kind == ValueKind::kInt || kind == ValueKind::kUint ||
         kind == ValueKind::kBool || kind == ValueKind::kDouble;
}

// container[index]; with `optional`, absence yields optional.none() and presence wraps.
Value IndexInto(const Value& container, const Value& index, bool optional, CallContext& ctx) {
  if (index.is_error()) return index;
  switch (container.kind()) {
    case ValueKind::kList: {
      uint32_t position = 0;
      Value error;
      if (!ListPosition(index, container.list_size(), position, error, ctx, optional)) return error;
      Value item = container.list_item(position);
      return optional ? ctx.values().MakeOptional(item) : item;
    }
    case ValueKind::kMap: {
      Value found;
      if (IsKeyKind(index.kind()) && container.map_find(index, found)) {
        return optional ? ctx.values().MakeOptional(found) : found;
      }
      if (optional) return Value::OptionalNone();
      return NoSuchKeyError(ctx, index);
    }
    case ValueKind::kError:
      return container;
    default: {
      Value args[] = {container, index};
      return NoMatchingOverload(ctx, "_[_]", args);
    }
  }
}

class IndexStep final : public Step {
 public:
  IndexStep(StepPtr operand, StepPtr index, bool optional)
      : operand_(std::move(operand)), index_(std::move(index)), optional_(optional) {}

  Value Eval(Frame& frame) const override {
    Value operand = operand_->Eval(frame);
    Value index = index_->Eval(frame);
    if (operand.is_error()) return operand;
    if (operand.kind() == ValueKind::kOptional) {
      // Indexing through an optional yields an optional.
      if (!operand.has_value()) return operand;
      return IndexInto(operand.optional_value(), index, /*optional=*/true, frame.ctx);
    }
    return IndexInto(operand, index, optional_, frame.ctx);
  }

 private:
  StepPtr operand_;
  StepPtr index_;
  bool optional_;
};

}  // namespace

std::optional<uint32_t> SlotOfStep(const Step& step) {
  if (const auto* slot_step = dynamic_cast<const SlotStep*>(&step)) return slot_step->slot();
  return std::nullopt;
}

StepPtr MakeConstStep(Value value) { return std::make_unique<ConstStep>(value); }
StepPtr MakeSlotStep(uint32_t slot, std::string name) {
  return std::make_unique<SlotStep>(slot, std::move(name));
}
StepPtr MakeNameStep(std::string name) { return std::make_unique<NameStep>(std::move(name)); }
StepPtr MakeLocalStep(uint32_t local) { return std::make_unique<LocalStep>(local); }
StepPtr MakeSelectStep(StepPtr operand, std::string_view field, bool test_only) {
  return std::make_unique<SelectStep>(std::move(operand), field, test_only);
}
StepPtr MakeOptSelectStep(StepPtr operand, std::string_view field) {
  return std::make_unique<OptSelectStep>(std::move(operand), field);
}
StepPtr MakeIndexStep(StepPtr operand, StepPtr index) {
  return std::make_unique<IndexStep>(std::move(operand), std::move(index), false);
}
StepPtr MakeOptIndexStep(StepPtr operand, StepPtr index) {
  return std::make_unique<IndexStep>(std::move(operand), std::move(index), true);
}

}  // namespace warden::cel
