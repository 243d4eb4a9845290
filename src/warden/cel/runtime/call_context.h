#pragma once
// CallContext: what a function implementation may use while it runs. It gives access to
// the evaluation's arena (to build strings, lists, maps and error values) and to the
// evaluation's cost budget. One per evaluation; not thread-safe.

#include <cstdint>
#include <string_view>

#include "warden/cel/common/value.h"

namespace warden::cel {

class CallContext {
 public:
  CallContext(Arena& arena, uint64_t cost_budget) : factory_(arena), cost_remaining_(cost_budget) {}

  ValueFactory& values() { return factory_; }
  Arena& arena() { return factory_.arena(); }

  // An error value with `message` (lowercase, no final period, user values in backticks).
  Value Error(std::string_view message) { return factory_.MakeError(message); }

  // Charges `units` of work (roughly: one unit per element visited or byte produced by
  // a function on large inputs). Returns false once the budget is exhausted; the caller
  // then returns CostLimitError().
  bool Charge(uint64_t units) {
    if (units > cost_remaining_) {
      cost_remaining_ = 0;
      cost_exceeded_ = true;
      return false;
    }
    cost_remaining_ -= units;
    return true;
  }
  // Returns units charged ahead of time but not used (a loop that reserved its whole
  // range and stopped early). Never revives an exhausted budget.
  void Refund(uint64_t units) {
    if (!cost_exceeded_) cost_remaining_ += units;
  }
  bool cost_exceeded() const { return cost_exceeded_; }
  uint64_t cost_remaining() const { return cost_remaining_; }
  Value CostLimitError() { return Error("evaluation cost budget exceeded"); }

 private:
  ValueFactory factory_;
  uint64_t cost_remaining_;
  bool cost_exceeded_ = false;
};

}  // namespace warden::cel
