// Function call steps: the general dispatch on argument kinds, and fast paths for the
// operators that dominate policy conditions (equality, ordering, arithmetic, `in` over
// a literal list, string prefix tests, regular expressions with constant patterns).
// Every fast path computes exactly what the registered overload would.

#include <algorithm>
#include <array>
#include <unordered_set>

#include "warden/base/bytes_equal.h"
#include "warden/cel/eval/step.h"
#include "warden/cel/runtime/regex.h"
#include "warden/cel/runtime/value_ops.h"

namespace warden::cel {

Value DispatchCall(std::string_view name, std::span<const RuntimeOverload* const> overloads,
                   std::span<const Value> args, CallContext& ctx) {
  if (const Value* error = FirstError(args)) return *error;
  if (!ctx.Charge(1)) return ctx.CostLimitError();
  for (const RuntimeOverload* overload : overloads) {
    if (overload->Accepts(args)) return overload->impl(args, ctx);
  }
  return NoMatchingOverload(ctx, name, args);
}

namespace {

constexpr size_t kInlineArgs = 8;

class CallStep final : public Step {
 public:
  CallStep(std::string name, std::vector<StepPtr> args, Overloads overloads)
      : name_(std::move(name)), args_(std::move(args)), overloads_(std::move(overloads)) {}

  Value Eval(Frame& frame) const override {
    const size_t count = args_.size();
    if (count <= kInlineArgs) {
      std::array<Value, kInlineArgs> values;
      for (size_t arg_idx = 0; arg_idx < count; ++arg_idx)
        values[arg_idx] = args_[arg_idx]->Eval(frame);
      return DispatchCall(name_, overloads_, std::span<const Value>(values.data(), count),
                          frame.ctx);
    }
    Value* values = frame.ctx.arena().AllocateArray<Value>(count);
    if (values == nullptr) return MemoryLimitError();
    for (size_t arg_idx = 0; arg_idx < count; ++arg_idx)
      values[arg_idx] = args_[arg_idx]->Eval(frame);
    return DispatchCall(name_, overloads_, std::span<const Value>(values, count), frame.ctx);
  }

 private:
  std::string name_;
  std::vector<StepPtr> args_;
  Overloads overloads_;
};

class EqualsStep final : public Step {
 public:
  EqualsStep(StepPtr left, StepPtr right, bool negate)
      : left_(std::move(left)), right_(std::move(right)), negate_(negate) {}

  Value Eval(Frame& frame) const override {
    Value left = left_->Eval(frame);
    Value right = right_->Eval(frame);
    if (left.kind() == ValueKind::kString && right.kind() == ValueKind::kString) [[likely]] {
      return Value::Bool(BytesEqual(left.string_view(), right.string_view()) != negate_);
    }
    if (left.is_error()) return left;
    if (right.is_error()) return right;
    return Value::Bool(ValuesEqual(left, right) != negate_);
  }

 private:
  StepPtr left_;
  StepPtr right_;
  bool negate_;
};

bool OrderingSatisfies(CompareOp op, Ordering ordering) {
  switch (op) {
    case CompareOp::kLess:
      return ordering == Ordering::kLess;
    case CompareOp::kLessEquals:
      return ordering == Ordering::kLess || ordering == Ordering::kEqual;
    case CompareOp::kGreater:
      return ordering == Ordering::kGreater;
    case CompareOp::kGreaterEquals:
      return ordering == Ordering::kGreater || ordering == Ordering::kEqual;
  }
  return false;
}

const char* CompareName(CompareOp op) {
  switch (op) {
    case CompareOp::kLess:
      return "_<_";
    case CompareOp::kLessEquals:
      return "_<=_";
    case CompareOp::kGreater:
      return "_>_";
    case CompareOp::kGreaterEquals:
      return "_>=_";
  }
  return "";
}

class CompareStep final : public Step {
 public:
  CompareStep(CompareOp op, StepPtr left, StepPtr right, Overloads fallback)
      : op_(op), left_(std::move(left)), right_(std::move(right)), fallback_(std::move(fallback)) {}

  Value Eval(Frame& frame) const override {
    Value left = left_->Eval(frame);
    Value right = right_->Eval(frame);
    if (left.is_error()) return left;
    if (right.is_error()) return right;
    if (left.kind() == ValueKind::kInt && right.kind() == ValueKind::kInt) {
      return Value::Bool(OrderingSatisfies(op_, CompareInts(left.int_value(), right.int_value())));
    }
    if (left.kind() == ValueKind::kDouble && right.kind() == ValueKind::kDouble) {
      return Value::Bool(
          OrderingSatisfies(op_, CompareDoubles(left.double_value(), right.double_value())));
    }
    Ordering ordering = CompareValues(left, right);
    if (ordering != Ordering::kIncomparable) return Value::Bool(OrderingSatisfies(op_, ordering));
    Value args[] = {left, right};
    return DispatchCall(CompareName(op_), fallback_, args, frame.ctx);
  }

 private:
  CompareOp op_;
  StepPtr left_;
  StepPtr right_;
  Overloads fallback_;
};

const char* ArithName(ArithOp op) {
  switch (op) {
    case ArithOp::kAdd:
      return "_+_";
    case ArithOp::kSubtract:
      return "_-_";
    case ArithOp::kMultiply:
      return "_*_";
    case ArithOp::kDivide:
      return "_/_";
    case ArithOp::kModulo:
      return "_%_";
  }
  return "";
}

class ArithmeticStep final : public Step {
 public:
  ArithmeticStep(ArithOp op, StepPtr left, StepPtr right, Overloads fallback)
      : op_(op), left_(std::move(left)), right_(std::move(right)), fallback_(std::move(fallback)) {}

  Value Eval(Frame& frame) const override {
    Value left = left_->Eval(frame);
    Value right = right_->Eval(frame);
    if (left.kind() == ValueKind::kDouble && right.kind() == ValueKind::kDouble) {
      double a = left.double_value();
      double b = right.double_value();
      switch (op_) {
        case ArithOp::kAdd:
          return Value::Double(a + b);
        case ArithOp::kSubtract:
          return Value::Double(a - b);
        case ArithOp::kMultiply:
          return Value::Double(a * b);
        case ArithOp::kDivide:
          return Value::Double(a / b);
        case ArithOp::kModulo:
          break;  // no double modulus: the registry reports it
      }
    } else if (left.kind() == ValueKind::kInt && right.kind() == ValueKind::kInt) {
      int64_t result;
      bool overflow = false;
      switch (op_) {
        case ArithOp::kAdd:
          overflow = __builtin_add_overflow(left.int_value(), right.int_value(), &result);
          break;
        case ArithOp::kSubtract:
          overflow = __builtin_sub_overflow(left.int_value(), right.int_value(), &result);
          break;
        case ArithOp::kMultiply:
          overflow = __builtin_mul_overflow(left.int_value(), right.int_value(), &result);
          break;
        default:
          goto dispatch;  // division and modulus have their own error cases
      }
      if (!overflow) return Value::Int(result);
      return frame.ctx.Error("integer overflow");
    }
  dispatch:
    Value args[] = {left, right};
    return DispatchCall(ArithName(op_), fallback_, args, frame.ctx);
  }

 private:
  ArithOp op_;
  StepPtr left_;
  StepPtr right_;
  Overloads fallback_;
};

class InConstListStep final : public Step {
 public:
  InConstListStep(StepPtr needle, std::vector<Value> elements)
      : needle_(std::move(needle)), elements_(std::move(elements)) {
    all_strings_ = std::all_of(elements_.begin(), elements_.end(),
                               [](const Value& v) { return v.kind() == ValueKind::kString; });
    if (all_strings_ && elements_.size() > 8) {
      for (const Value& element : elements_) string_set_.insert(element.string_view());
    }
  }

  Value Eval(Frame& frame) const override {
    Value needle = needle_->Eval(frame);
    if (needle.kind() == ValueKind::kString && all_strings_) {
      std::string_view text = needle.string_view();
      if (!string_set_.empty()) return Value::Bool(string_set_.count(text) != 0);
      for (const Value& element : elements_) {
        if (element.string_view() == text) return Value::True();
      }
      return Value::False();
    }
    if (needle.is_error()) return needle;
    for (const Value& element : elements_) {
      if (ValuesEqual(needle, element)) return Value::True();
    }
    return Value::False();
  }

 private:
  StepPtr needle_;
  std::vector<Value> elements_;
  bool all_strings_ = false;
  std::unordered_set<std::string_view> string_set_;
};

const char* StringTestName(StringTest test) {
  switch (test) {
    case StringTest::kStartsWith:
      return "startsWith";
    case StringTest::kEndsWith:
      return "endsWith";
    case StringTest::kContains:
      return "contains";
  }
  return "";
}

// Needles up to this length are searched with string_view::find (as lib/ does).
constexpr size_t kShortNeedle = 64;

class StringTestStep final : public Step {
 public:
  StringTestStep(StringTest test, StepPtr subject, Value constant_arg, Overloads fallback)
      : test_(test),
        subject_(std::move(subject)),
        arg_(constant_arg),
        fallback_(std::move(fallback)) {}

  Value Eval(Frame& frame) const override {
    Value subject = subject_->Eval(frame);
    // Long `contains` needles go to the registered overload, whose search is linear
    // (string_view::find is O(text * needle) in the worst case).
    if (subject.kind() == ValueKind::kString && arg_.kind() == ValueKind::kString &&
        (test_ != StringTest::kContains || arg_.string_view().size() <= kShortNeedle)) [[likely]] {
      std::string_view text = subject.string_view();
      std::string_view arg = arg_.string_view();
      // The same cost as the call plus the registered overload would charge.
      switch (test_) {
        case StringTest::kStartsWith:
          if (!frame.ctx.Charge(1 + arg.size())) return frame.ctx.CostLimitError();
          return Value::Bool(text.size() >= arg.size() && text.compare(0, arg.size(), arg) == 0);
        case StringTest::kEndsWith:
          if (!frame.ctx.Charge(1 + arg.size())) return frame.ctx.CostLimitError();
          return Value::Bool(text.size() >= arg.size() &&
                             text.compare(text.size() - arg.size(), arg.size(), arg) == 0);
        case StringTest::kContains: {
          const uint64_t units = arg.size() > text.size() ? 1 : 1 + text.size() + arg.size();
          if (!frame.ctx.Charge(units)) return frame.ctx.CostLimitError();
          return Value::Bool(text.find(arg) != std::string_view::npos);
        }
      }
    }
    Value args[] = {subject, arg_};
    return DispatchCall(StringTestName(test_), fallback_, args, frame.ctx);
  }

 private:
  StringTest test_;
  StepPtr subject_;
  Value arg_;
  Overloads fallback_;
};

class MatchesStep final : public Step {
 public:
  MatchesStep(StepPtr subject, std::shared_ptr<const Regex> regex)
      : subject_(std::move(subject)), regex_(std::move(regex)) {}

  Value Eval(Frame& frame) const override {
    Value subject = subject_->Eval(frame);
    if (subject.kind() == ValueKind::kString) [[likely]] {
      // Same charge as the registered `matches`: linear in the text matched.
      if (!frame.ctx.Charge(1 + subject.string_view().size())) return frame.ctx.CostLimitError();
      return Value::Bool(regex_->PartialMatch(subject.string_view()));
    }
    if (subject.is_error()) return subject;
    Value args[] = {subject};
    return NoMatchingOverload(frame.ctx, "matches", args);
  }

 private:
  StepPtr subject_;
  std::shared_ptr<const Regex> regex_;
};

}  // namespace

StepPtr MakeCallStep(std::string name, std::vector<StepPtr> args, Overloads overloads) {
  return std::make_unique<CallStep>(std::move(name), std::move(args), std::move(overloads));
}
StepPtr MakeEqualsStep(StepPtr left, StepPtr right, bool negate) {
  return std::make_unique<EqualsStep>(std::move(left), std::move(right), negate);
}
StepPtr MakeCompareStep(CompareOp op, StepPtr left, StepPtr right, Overloads fallback) {
  return std::make_unique<CompareStep>(op, std::move(left), std::move(right), std::move(fallback));
}
StepPtr MakeArithmeticStep(ArithOp op, StepPtr left, StepPtr right, Overloads fallback) {
  return std::make_unique<ArithmeticStep>(op, std::move(left), std::move(right),
                                          std::move(fallback));
}
StepPtr MakeInConstListStep(StepPtr needle, std::vector<Value> elements) {
  return std::make_unique<InConstListStep>(std::move(needle), std::move(elements));
}
StepPtr MakeStringTestStep(StringTest test, StepPtr subject, Value constant_arg,
                           Overloads fallback) {
  return std::make_unique<StringTestStep>(test, std::move(subject), constant_arg,
                                          std::move(fallback));
}
StepPtr MakeMatchesStep(StepPtr subject, std::shared_ptr<const Regex> regex) {
  return std::make_unique<MatchesStep>(std::move(subject), std::move(regex));
}

}  // namespace warden::cel
