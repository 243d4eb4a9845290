#pragma once
// Limits on one evaluation. Exceeding any of them yields an error value with a clear
// message, never a crash or a hang. The defaults are generous for policy conditions and
// tight enough that a hostile expression or document finishes in well under a second.

#include <cstddef>
#include <cstdint>

namespace warden::cel {

struct EvalLimits {
  // Abstract work units: one per function call, one per comprehension iteration, and
  // one per element or byte for functions whose work grows with input size.
  uint64_t cost_budget = 10'000'000;
  // Iterations of all comprehensions (macros) together in one evaluation. A loop
  // reserves its whole range up front when the budgets allow and refunds what it did
  // not use (docs/cel.md, "Limits").
  uint64_t max_iterations = 1'000'000;
  // Memory for values made during one evaluation (strings, lists, maps).
  size_t max_memory_bytes = size_t{64} << 20;
};

}  // namespace warden::cel
