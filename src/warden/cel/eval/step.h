#pragma once
// The executable form of a checked expression: a tree of Steps built once by the planner
// and evaluated many times. Steps are immutable after planning; all per-evaluation state
// lives in the Frame, so one Program may be evaluated from many threads at once.
//
// Internal to eval/: embedders use Program (program.h).

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/common/value.h"
#include "warden/cel/eval/activation.h"
#include "warden/cel/runtime/call_context.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

// Per-evaluation state handed down the step tree.
struct Frame {
  const Activation& activation;
  Value* locals;  // comprehension variables, indexed by the planner
  CallContext& ctx;
  uint64_t iterations_left;
  bool iteration_limit_hit = false;
};

class Step {
 public:
  virtual ~Step() = default;
  virtual Value Eval(Frame& frame) const = 0;
  // The value of a step that always yields the same value (used for constant folding).
  virtual const Value* constant() const { return nullptr; }
};

using StepPtr = std::unique_ptr<Step>;

// --- access (steps_access.cc, paths in steps_path.cc) ----------------------------------
StepPtr MakeConstStep(Value value);
StepPtr MakeSlotStep(uint32_t slot, std::string name);  // a declared variable
StepPtr MakeNameStep(std::string name);                 // an undeclared variable
StepPtr MakeLocalStep(uint32_t local);                  // a comprehension variable
// operand.field; `strings` keeps `field` alive (program storage).
StepPtr MakeSelectStep(StepPtr operand, std::string_view field, bool test_only);
StepPtr MakeOptSelectStep(StepPtr operand, std::string_view field);
// base.f1.f2...fn (test_only: has(base.f1...fn)) in one step: walks document maps with
// pre-hashed keys without a virtual call per field. `fields` must outlive the step.
// When `local` >= 0 the base is that comprehension variable and `base` may be null.
StepPtr MakeSelectPathStep(StepPtr base, int64_t local, std::vector<std::string_view> fields,
                           bool test_only);
// operand.field (or has(operand.field)), merged into `operand` when it is a path step.
StepPtr ExtendSelectPath(StepPtr operand, std::string_view field, bool test_only);
StepPtr MakeIndexStep(StepPtr operand, StepPtr index);
StepPtr MakeOptIndexStep(StepPtr operand, StepPtr index);

// --- logic (steps_logic.cc) -----------------------------------------------------------
StepPtr MakeAndStep(std::vector<StepPtr> operands);
StepPtr MakeOrStep(std::vector<StepPtr> operands);
StepPtr MakeNotStep(StepPtr operand);
StepPtr MakeNotStrictlyFalseStep(StepPtr operand);
StepPtr MakeTernaryStep(StepPtr condition, StepPtr if_true, StepPtr if_false);
// Optional `or` / `orValue` evaluate their argument only when the receiver is empty.
StepPtr MakeOptionalOrStep(StepPtr receiver, StepPtr alternative, bool or_value);

// --- calls (steps_call.cc) ------------------------------------------------------------
// A call dispatched on argument kinds to `overloads` (all with this name and arity).
StepPtr MakeCallStep(std::string name, std::vector<StepPtr> args,
                     std::vector<const RuntimeOverload*> overloads);
// Fast paths with a fallback to the general call for unusual kinds.
// `fallback` holds the registered overloads of the operator for kinds the fast path
// does not handle; the already evaluated arguments are dispatched to them.
using Overloads = std::vector<const RuntimeOverload*>;
StepPtr MakeEqualsStep(StepPtr left, StepPtr right, bool negate);
enum class CompareOp : uint8_t { kLess, kLessEquals, kGreater, kGreaterEquals };
StepPtr MakeCompareStep(CompareOp op, StepPtr left, StepPtr right, Overloads fallback);
enum class ArithOp : uint8_t { kAdd, kSubtract, kMultiply, kDivide, kModulo };
StepPtr MakeArithmeticStep(ArithOp op, StepPtr left, StepPtr right, Overloads fallback);
// `x in [c1, c2, ...]` with constant elements.
StepPtr MakeInConstListStep(StepPtr needle, std::vector<Value> elements);
enum class StringTest : uint8_t { kStartsWith, kEndsWith, kContains };
// `subject.startsWith(<constant>)` etc.; `constant_arg` must outlive the step.
StepPtr MakeStringTestStep(StringTest test, StepPtr subject, Value constant_arg,
                           Overloads fallback);

class Regex;
// `subject.matches(<constant pattern>)` with the pattern compiled at plan time.
StepPtr MakeMatchesStep(StepPtr subject, std::shared_ptr<const Regex> regex);

// --- literals (steps_literal.cc) ------------------------------------------------------
StepPtr MakeListStep(std::vector<StepPtr> elements, std::vector<bool> optional);
StepPtr MakeMapStep(std::vector<StepPtr> keys, std::vector<StepPtr> values,
                    std::vector<bool> optional);

// --- comprehensions (steps_comprehension.cc) ------------------------------------------
struct ComprehensionPlan {
  StepPtr range;
  uint32_t iter_local = 0;
  int32_t iter2_local = -1;  // second variable of two-variable forms, or -1
  uint32_t accu_local = 0;
  StepPtr accu_init;
  StepPtr loop_condition;
  StepPtr loop_step;
  StepPtr result;
};
StepPtr MakeComprehensionStep(ComprehensionPlan plan);

enum class QuantifierKind : uint8_t { kAll, kExists, kExistsOne };
// all / exists / exists_one over `range` with `predicate` reading iter locals.
StepPtr MakeQuantifierStep(QuantifierKind kind, StepPtr range, uint32_t iter_local,
                           int32_t iter2_local, StepPtr predicate);
// map(x, f), map(x, p, f), filter(x, p) (transform == nullptr keeps the element).
StepPtr MakeMapFilterStep(StepPtr range, uint32_t iter_local, int32_t iter2_local,
                          StepPtr predicate, StepPtr transform);
// cel.bind(var, init, body)
StepPtr MakeBindStep(uint32_t local, StepPtr init, StepPtr body);
// cel.block([b0, b1, ...], body): binds each slot in order, then evaluates the body.
StepPtr MakeBlockStep(std::vector<uint32_t> locals, std::vector<StepPtr> bindings, StepPtr body);

// --- shared helpers (steps_access.cc) -------------------------------------------------
// Returns the first error among `values`, if any.
inline const Value* FirstError(std::span<const Value> values) {
  for (const Value& value : values) {
    if (value.is_error()) return &value;
  }
  return nullptr;
}
Value NoSuchKeyError(CallContext& ctx, const Value& key);
Value NoMatchingOverload(CallContext& ctx, std::string_view name, std::span<const Value> args);
// The declared-variable slot a step reads, when it is a plain variable step.
std::optional<uint32_t> SlotOfStep(const Step& step);
Value NoFieldSelection(CallContext& ctx, const Value& operand);
enum class SelectMode : uint8_t { kValue, kPresence, kOptional };
// operand.field on any value: maps (document or native), errors pass through.
Value SelectField(const Value& operand, std::string_view field, uint64_t hash, SelectMode mode,
                  CallContext& ctx);
Value DispatchCall(std::string_view name, std::span<const RuntimeOverload* const> overloads,
                   std::span<const Value> args, CallContext& ctx);

}  // namespace warden::cel
