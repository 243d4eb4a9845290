#include "warden/service/decide_service.h"

#include <chrono>
#include <cstdint>
#include <random>

namespace warden::service {

std::string NewDecisionId() {
  thread_local std::mt19937_64 random = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  uint64_t high = random();
  uint64_t low = random();
  high = (high & ~uint64_t{0xF000}) | uint64_t{0x4000};          // version 4
  low = (low & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);  // RFC 4122 variant
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int nibble = 0; nibble < 32; ++nibble) {
    if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) out += '-';
    uint64_t word = nibble < 16 ? high : low;
    out += kHex[(word >> (60 - 4 * (nibble % 16))) & 0xF];
  }
  return out;
}

engine::RequestDecision DecideAndStamp(const engine::Engine& engine,
                                       const engine::RequestInput& input,
                                       const engine::EvalOptions& options,
                                       std::vector<engine::ExplainStep>* explain) {
  auto start = std::chrono::steady_clock::now();
  engine::RequestDecision decision = engine.Decide(input, options, explain);
  auto elapsed = std::chrono::steady_clock::now() - start;
  decision.duration_ns =
      static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
  decision.decision_id = NewDecisionId();
  return decision;
}

}  // namespace warden::service
