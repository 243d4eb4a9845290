#include "warden/cel/eval/program.h"

namespace warden::cel {

Program::Program(std::shared_ptr<const Env> env, std::unique_ptr<Arena> constants, StepPtr root,
                 uint32_t local_count, EvalLimits limits, SourceInfo source)
    : env_(std::move(env)),
      constants_(std::move(constants)),
      root_(std::move(root)),
      local_count_(local_count),
      limits_(limits),
      source_(std::move(source)) {}

Value Program::Evaluate(const Activation& activation, EvalState& state) const {
  state.arena_.Reset();
  // This program's memory limit, whatever the state was made with.
  state.arena_.set_byte_limit(limits_.max_memory_bytes);
  if (state.locals_.size() < local_count_) state.locals_.resize(local_count_);
  CallContext ctx(state.arena_, limits_.cost_budget);
  Frame frame{activation, state.locals_.data(), ctx, limits_.max_iterations};
  Value result = root_->Eval(frame);
  // A limit hit anywhere fails the whole evaluation, even where `||`/`&&` absorbed it.
  if (ctx.cost_exceeded()) return ctx.CostLimitError();
  if (frame.iteration_limit_hit) return ctx.Error("comprehension iteration limit exceeded");
  if (state.arena_.exhausted() || state.arena_.bytes_reserved() > limits_.max_memory_bytes) {
    return MemoryLimitError();
  }
  return result;
}

}  // namespace warden::cel
