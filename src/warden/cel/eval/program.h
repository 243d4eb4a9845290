#pragma once
// Program and EvalState: see env.h for the overall API.

#include <cstdint>
#include <memory>
#include <vector>

#include "warden/base/arena.h"
#include "warden/cel/common/ast.h"
#include "warden/cel/common/value.h"
#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/limits.h"
#include "warden/cel/eval/step.h"

namespace warden::cel {

// Scratch memory for evaluations: an arena for the values made while evaluating and the
// comprehension variables. Reusing one EvalState per thread makes evaluations that build
// no new values allocation-free. Not thread-safe.
class EvalState {
 public:
  // Each evaluation sets the arena's limit to its program's EvalLimits::max_memory_bytes.
  EvalState() = default;

  Arena& arena() { return arena_; }

 private:
  friend class Program;
  Arena arena_;
  std::vector<Value> locals_;
};

class Program {
 public:
  Program(std::shared_ptr<const Env> env, std::unique_ptr<Arena> constants, StepPtr root,
          uint32_t local_count, EvalLimits limits, SourceInfo source);

  // Evaluates against `activation` (made for this program's Env). The result may point
  // into `state`'s arena, the activation's documents and this program: it is valid until
  // the next evaluation with `state`. Evaluation errors are error values; a limit that
  // was exceeded anywhere makes the result that limit's error, even if an `||` or `&&`
  // would have absorbed it (fail closed).
  Value Evaluate(const Activation& activation, EvalState& state) const;

  const SourceInfo& source() const { return source_; }
  const EvalLimits& limits() const { return limits_; }

 private:
  std::shared_ptr<const Env> env_;
  std::unique_ptr<Arena> constants_;
  StepPtr root_;
  uint32_t local_count_;
  EvalLimits limits_;
  SourceInfo source_;
};

}  // namespace warden::cel
