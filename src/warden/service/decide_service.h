#pragma once
// Serving a request decision: what a decision carries beyond the engine's result.

#include <string>
#include <vector>

#include "warden/engine/engine.h"

namespace warden::service {

// A fresh decision id: a random (version 4) UUID in its 36-character text form, from a
// per-thread generator seeded by the operating system.
std::string NewDecisionId();

// Engine::Decide, plus a new decision id and the evaluation's duration (a monotonic
// clock around the call), as `warden eval` and the embedding API report them.
engine::RequestDecision DecideAndStamp(const engine::Engine& engine,
                                       const engine::RequestInput& input,
                                       const engine::EvalOptions& options,
                                       std::vector<engine::ExplainStep>* explain = nullptr);

}  // namespace warden::service
