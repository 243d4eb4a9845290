#pragma once
// RuleRef: one rule in the order a decision visits rules. Internal to the engine.

#include <cstdint>

namespace warden::engine::internal {

struct RuleRef {
  static constexpr uint32_t kNoChain = UINT32_MAX;

  uint32_t policy = 0;  // index in the bundle's policies
  uint32_t rule = 0;    // index in that policy's rules
  // The rule's slot in the chains of condition plans (plan_runner.h), or kNoChain when
  // its condition has no plan (or plans are off, or the policy is for documents).
  uint32_t chain = kNoChain;
};

}  // namespace warden::engine::internal
