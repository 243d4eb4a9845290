// Logical steps. `&&` and `||` are commutative with respect to errors, as cel-spec
// requires: `false && error` and `error && false` are both false; an error (or a
// non-bool operand) is the result only when no operand decides the outcome.

#include "warden/cel/eval/step.h"

namespace warden::cel {

namespace {

// N-ary `&&` (absorbing = false) or `||` (absorbing = true).
class LogicalStep final : public Step {
 public:
  LogicalStep(std::vector<StepPtr> operands, bool absorbing)
      : operands_(std::move(operands)), absorbing_(absorbing) {}

  Value Eval(Frame& frame) const override {
    Value pending;  // the first error or non-bool operand, if any
    bool has_pending = false;
    for (const StepPtr& operand : operands_) {
      Value value = operand->Eval(frame);
      if (value.kind() == ValueKind::kBool) [[likely]] {
        if (value.bool_value() == absorbing_) return value;
        continue;
      }
      if (!has_pending) {
        pending = value;
        has_pending = true;
      }
    }
    if (!has_pending) return Value::Bool(!absorbing_);
    if (pending.is_error()) return pending;
    Value args[] = {pending};
    return NoMatchingOverload(frame.ctx, absorbing_ ? "_||_" : "_&&_", args);
  }

 private:
  std::vector<StepPtr> operands_;
  bool absorbing_;
};

class NotStep final : public Step {
 public:
  explicit NotStep(StepPtr operand) : operand_(std::move(operand)) {}
  Value Eval(Frame& frame) const override {
    Value value = operand_->Eval(frame);
    if (value.kind() == ValueKind::kBool) [[likely]] {
      return Value::Bool(!value.bool_value());
    }
    if (value.is_error()) return value;
    Value args[] = {value};
    return NoMatchingOverload(frame.ctx, "!_", args);
  }

 private:
  StepPtr operand_;
};

// @not_strictly_false: true unless the operand is the boolean false (errors count as
// true so that comprehensions keep looking for a decisive element).
class NotStrictlyFalseStep final : public Step {
 public:
  explicit NotStrictlyFalseStep(StepPtr operand) : operand_(std::move(operand)) {}
  Value Eval(Frame& frame) const override {
    Value value = operand_->Eval(frame);
    return Value::Bool(!value.is_false());
  }

 private:
  StepPtr operand_;
};

class TernaryStep final : public Step {
 public:
  TernaryStep(StepPtr condition, StepPtr if_true, StepPtr if_false)
      : condition_(std::move(condition)),
        if_true_(std::move(if_true)),
        if_false_(std::move(if_false)) {}

  Value Eval(Frame& frame) const override {
    Value condition = condition_->Eval(frame);
    if (condition.kind() == ValueKind::kBool) [[likely]] {
      return condition.bool_value() ? if_true_->Eval(frame) : if_false_->Eval(frame);
    }
    if (condition.is_error()) return condition;
    Value args[] = {condition};
    return NoMatchingOverload(frame.ctx, "_?_:_", args);
  }

 private:
  StepPtr condition_;
  StepPtr if_true_;
  StepPtr if_false_;
};

class OptionalOrStep final : public Step {
 public:
  OptionalOrStep(StepPtr receiver, StepPtr alternative, bool or_value)
      : receiver_(std::move(receiver)), alternative_(std::move(alternative)), or_value_(or_value) {}

  Value Eval(Frame& frame) const override {
    Value receiver = receiver_->Eval(frame);
    if (receiver.kind() != ValueKind::kOptional) {
      if (receiver.is_error()) return receiver;
      Value args[] = {receiver};
      return NoMatchingOverload(frame.ctx, or_value_ ? "orValue" : "or", args);
    }
    if (receiver.has_value()) return or_value_ ? receiver.optional_value() : receiver;
    Value alternative = alternative_->Eval(frame);
    if (!or_value_ && alternative.kind() != ValueKind::kOptional && !alternative.is_error()) {
      Value args[] = {receiver, alternative};
      return NoMatchingOverload(frame.ctx, "or", args);
    }
    return alternative;
  }

 private:
  StepPtr receiver_;
  StepPtr alternative_;
  bool or_value_;
};

}  // namespace

StepPtr MakeAndStep(std::vector<StepPtr> operands) {
  return std::make_unique<LogicalStep>(std::move(operands), false);
}
StepPtr MakeOrStep(std::vector<StepPtr> operands) {
  return std::make_unique<LogicalStep>(std::move(operands), true);
}
StepPtr MakeNotStep(StepPtr operand) { return std::make_unique<NotStep>(std::move(operand)); }
StepPtr MakeNotStrictlyFalseStep(StepPtr operand) {
  return std::make_unique<NotStrictlyFalseStep>(std::move(operand));
}
StepPtr MakeTernaryStep(StepPtr condition, StepPtr if_true, StepPtr if_false) {
  return std::make_unique<TernaryStep>(std::move(condition), std::move(if_true),
                                       std::move(if_false));
}
StepPtr MakeOptionalOrStep(StepPtr receiver, StepPtr alternative, bool or_value) {
  return std::make_unique<OptionalOrStep>(std::move(receiver), std::move(alternative), or_value);
}

}  // namespace warden::cel
