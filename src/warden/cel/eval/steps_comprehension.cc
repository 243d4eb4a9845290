// Comprehensions: the general form of cel-spec, and specialised loops for the macros
// (all, exists, exists_one, map, filter) that avoid rebuilding the accumulator on every
// iteration. Every loop counts iterations against the evaluation's limit and charges the
// cost budget, so nested comprehensions over large inputs stop with an error.

#include <vector>

#include "warden/cel/eval/step.h"
#include "warden/data/node.h"

namespace warden::cel {

namespace {

// Iterates a list (index, item) or a map (key, value); binds the iteration variables.
class RangeCursor {
 public:
  explicit RangeCursor(const Value& range) : range_(range) {
    size_ = range.kind() == ValueKind::kList ? range.list_size() : range.map_size();
  }
  uint32_t size() const { return size_; }
  // Binds element `position`: one-variable form gets the item (lists) or key (maps);
  // two-variable form gets (index, item) or (key, value).
  void Bind(uint32_t position, Value* locals, uint32_t iter_local, int32_t iter2_local) const {
    if (range_.kind() == ValueKind::kList) {
      if (iter2_local >= 0) {
        locals[iter_local] = Value::Int(position);
        locals[iter2_local] = range_.list_item(position);
      } else {
        locals[iter_local] = range_.list_item(position);
      }
      return;
    }
    locals[iter_local] = range_.map_key(position);
    if (iter2_local >= 0) locals[iter2_local] = range_.map_value(position);
  }

 private:
  Value range_;
  uint32_t size_ = 0;
};

// Evaluates the range; returns false with the error to return when it is not iterable.
bool EvalRange(const StepPtr& range_step, Frame& frame, Value& range) {
  range = range_step->Eval(frame);
  if (range.kind() == ValueKind::kList || range.kind() == ValueKind::kMap) return true;
  if (!range.is_error()) {
    range = frame.ctx.Error("expression of type `" + std::string(ValueKindTypeName(range.kind())) +
                            "` cannot be iterated over");
  }
  return false;
}

// Counts one iteration; false (with `error` set) when a limit is reached.
inline bool CountIteration(Frame& frame, Value& error) {
  if (frame.iterations_left == 0) {
    frame.iteration_limit_hit = true;
    error = frame.ctx.Error("comprehension iteration limit exceeded");
    return false;
  }
  --frame.iterations_left;
  if (!frame.ctx.Charge(1)) {
    error = frame.ctx.CostLimitError();
    return false;
  }
  return true;
}

// Iteration accounting for one loop over `size` elements. When both the iteration limit
// and the cost budget cover the whole range, it is charged once up front and the unused
// part refunded when the loop stops early; otherwise every iteration is counted (and the
// limit error comes at the exact iteration that exceeds it).
class IterationBudget {
 public:
  IterationBudget(Frame& frame, uint32_t size) : frame_(frame) {
    if (frame.iterations_left >= size && frame.ctx.cost_remaining() >= size) {
      frame.iterations_left -= size;
      frame.ctx.Charge(size);
      reserved_ = size;
    }
  }
  ~IterationBudget() {
    frame_.iterations_left += reserved_;
    frame_.ctx.Refund(reserved_);
  }
  IterationBudget(const IterationBudget&) = delete;
  IterationBudget& operator=(const IterationBudget&) = delete;

  // Accounts for one iteration; false (with `error` set) when a limit is reached.
  bool Next(Value& error) {
    if (reserved_ > 0) [[likely]] {
      --reserved_;
      return true;
    }
    return CountIteration(frame_, error);
  }

 private:
  Frame& frame_;
  uint32_t reserved_ = 0;
};

class ComprehensionStep final : public Step {
 public:
  explicit ComprehensionStep(ComprehensionPlan plan) : plan_(std::move(plan)) {}

  Value Eval(Frame& frame) const override {
    Value range;
    if (!EvalRange(plan_.range, frame, range)) return range;
    Value accu = plan_.accu_init->Eval(frame);
    RangeCursor cursor(range);
    for (uint32_t position = 0; position < cursor.size(); ++position) {
      Value error;
      if (!CountIteration(frame, error)) return error;
      cursor.Bind(position, frame.locals, plan_.iter_local, plan_.iter2_local);
      frame.locals[plan_.accu_local] = accu;
      Value condition = plan_.loop_condition->Eval(frame);
      if (condition.kind() != ValueKind::kBool) {
        if (condition.is_error()) return condition;
        return NoMatchingOverload(frame.ctx, "loop condition", std::span(&condition, 1));
      }
      if (!condition.bool_value()) break;
      accu = plan_.loop_step->Eval(frame);
    }
    frame.locals[plan_.accu_local] = accu;
    return plan_.result->Eval(frame);
  }

 private:
  ComprehensionPlan plan_;
};

class QuantifierStep final : public Step {
 public:
  QuantifierStep(QuantifierKind kind, StepPtr range, uint32_t iter_local, int32_t iter2_local,
                 StepPtr predicate)
      : kind_(kind),
        range_(std::move(range)),
        iter_local_(iter_local),
        iter2_local_(iter2_local),
        predicate_(std::move(predicate)) {}

  Value Eval(Frame& frame) const override {
    Value range;
    if (!EvalRange(range_, frame, range)) return range;
    RangeCursor cursor(range);
    Value pending;  // first error or non-bool predicate result
    bool has_pending = false;
    uint32_t true_count = 0;
    // Document lists (the common case) are read straight from their nodes.
    const data::Node* list_node =
        iter2_local_ < 0 && range.kind() == ValueKind::kList ? range.node() : nullptr;
    IterationBudget budget(frame, cursor.size());
    for (uint32_t position = 0; position < cursor.size(); ++position) {
      Value error;
      if (!budget.Next(error)) return error;
      if (list_node != nullptr) {
        frame.locals[iter_local_] = Value::FromNode(list_node->item(position));
      } else {
        cursor.Bind(position, frame.locals, iter_local_, iter2_local_);
      }
      Value result = predicate_->Eval(frame);
      if (result.kind() == ValueKind::kBool) [[likely]] {
        bool value = result.bool_value();
        if (kind_ == QuantifierKind::kAll && !value) return Value::False();
        if (kind_ == QuantifierKind::kExists && value) return Value::True();
        if (kind_ == QuantifierKind::kExistsOne && value) ++true_count;
        continue;
      }
      if (kind_ == QuantifierKind::kExistsOne) {
        // exists_one has no short circuit: any error makes the whole result an error.
        if (result.is_error()) return result;
        return NoMatchingOverload(frame.ctx, "exists_one", std::span(&result, 1));
      }
      if (!has_pending) {
        pending = result;
        has_pending = true;
      }
    }
    if (kind_ == QuantifierKind::kExistsOne) return Value::Bool(true_count == 1);
    if (has_pending) {
      if (pending.is_error()) return pending;
      return NoMatchingOverload(frame.ctx, kind_ == QuantifierKind::kAll ? "_&&_" : "_||_",
                                std::span(&pending, 1));
    }
    return Value::Bool(kind_ == QuantifierKind::kAll);
  }

 private:
  QuantifierKind kind_;
  StepPtr range_;
  uint32_t iter_local_;
  int32_t iter2_local_;
  StepPtr predicate_;
};

class MapFilterStep final : public Step {
 public:
  MapFilterStep(StepPtr range, uint32_t iter_local, int32_t iter2_local, StepPtr predicate,
                StepPtr transform)
      : range_(std::move(range)),
        iter_local_(iter_local),
        iter2_local_(iter2_local),
        predicate_(std::move(predicate)),
        transform_(std::move(transform)) {}

  Value Eval(Frame& frame) const override {
    Value range;
    if (!EvalRange(range_, frame, range)) return range;
    RangeCursor cursor(range);
    Value* items = frame.ctx.arena().AllocateArray<Value>(cursor.size());
    if (items == nullptr && cursor.size() != 0) return MemoryLimitError();
    uint32_t count = 0;
    IterationBudget budget(frame, cursor.size());
    for (uint32_t position = 0; position < cursor.size(); ++position) {
      Value error;
      if (!budget.Next(error)) return error;
      cursor.Bind(position, frame.locals, iter_local_, iter2_local_);
      if (predicate_ != nullptr) {
        Value keep = predicate_->Eval(frame);
        if (keep.kind() != ValueKind::kBool) {
          if (keep.is_error()) return keep;
          return NoMatchingOverload(frame.ctx, "_?_:_", std::span(&keep, 1));
        }
        if (!keep.bool_value()) continue;
      }
      Value item =
          transform_ != nullptr
              ? transform_->Eval(frame)
              : frame.locals[iter2_local_ >= 0 ? static_cast<uint32_t>(iter2_local_) : iter_local_];
      if (item.is_error()) return item;
      items[count++] = item;
    }
    return Value::List(items, count);
  }

 private:
  StepPtr range_;
  uint32_t iter_local_;
  int32_t iter2_local_;
  StepPtr predicate_;
  StepPtr transform_;
};

class BindStep final : public Step {
 public:
  BindStep(uint32_t local, StepPtr init, StepPtr body)
      : local_(local), init_(std::move(init)), body_(std::move(body)) {}
  Value Eval(Frame& frame) const override {
    frame.locals[local_] = init_->Eval(frame);
    return body_->Eval(frame);
  }

 private:
  uint32_t local_;
  StepPtr init_;
  StepPtr body_;
};

class BlockStep final : public Step {
 public:
  BlockStep(std::vector<uint32_t> locals, std::vector<StepPtr> bindings, StepPtr body)
      : locals_(std::move(locals)), bindings_(std::move(bindings)), body_(std::move(body)) {}
  Value Eval(Frame& frame) const override {
    for (size_t binding_idx = 0; binding_idx < bindings_.size(); ++binding_idx) {
      frame.locals[locals_[binding_idx]] = bindings_[binding_idx]->Eval(frame);
    }
    return body_->Eval(frame);
  }

 private:
  std::vector<uint32_t> locals_;
  std::vector<StepPtr> bindings_;
  StepPtr body_;
};

}  // namespace

StepPtr MakeBlockStep(std::vector<uint32_t> locals, std::vector<StepPtr> bindings, StepPtr body) {
  return std::make_unique<BlockStep>(std::move(locals), std::move(bindings), std::move(body));
}

StepPtr MakeComprehensionStep(ComprehensionPlan plan) {
  return std::make_unique<ComprehensionStep>(std::move(plan));
}
StepPtr MakeQuantifierStep(QuantifierKind kind, StepPtr range, uint32_t iter_local,
                           int32_t iter2_local, StepPtr predicate) {
  return std::make_unique<QuantifierStep>(kind, std::move(range), iter_local, iter2_local,
                                          std::move(predicate));
}
StepPtr MakeMapFilterStep(StepPtr range, uint32_t iter_local, int32_t iter2_local,
                          StepPtr predicate, StepPtr transform) {
  return std::make_unique<MapFilterStep>(std::move(range), iter_local, iter2_local,
                                         std::move(predicate), std::move(transform));
}
StepPtr MakeBindStep(uint32_t local, StepPtr init, StepPtr body) {
  return std::make_unique<BindStep>(local, std::move(init), std::move(body));
}

}  // namespace warden::cel
