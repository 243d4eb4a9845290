#pragma once
// The "enterprise" workload of the shared benchmark scenarios (§1), verbatim: the
// mulberry32 generator, 10,000 requests, the 19 rule conditions and the expected
// checksums and first-match counts. Shared by the benchmarks that run it.

#include <cstdint>
#include <string>
#include <vector>

namespace warden::bench {

struct Mulberry32 {
  uint32_t a;
  uint32_t next() {
    a += 0x6D2B79F5u;
    uint32_t t = a;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
  }
};

// FNV-1a over lines, each followed by "\n", continuing one hash.
struct Fnv1a {
  uint32_t h = 0x811c9dc5u;
  void Line(const std::string& line);
  std::string Hex() const;
};

struct EnterpriseRequest {
  std::string id, role, department;
  bool suspended = false, mfa = false;
  std::string action, resource, environment, region;
  bool budget_exceeded = false;
  int64_t risk_score = 0, record_count = 0;
  // {"subject": {...}, "action", "resource", "context": {...}} in this member order.
  std::string json;
};

struct EnterpriseRule {
  const char* id;
  const char* decision;  // deny | require_approval | allow
  const char* condition;
};

inline constexpr size_t kEnterpriseRuleCount = 19;
extern const EnterpriseRule kEnterpriseRules[kEnterpriseRuleCount];
// First-matching-rule counts R01..R19, then the default deny (R20).
extern const int kEnterpriseFirstMatchCounts[kEnterpriseRuleCount + 1];
inline constexpr const char* kEnterpriseRequestChecksum = "03a97670";
inline constexpr const char* kEnterpriseDecisionChecksum = "69abb7e3";

// The 10,000 requests (seed 20240601) and their checksum over canonical lines.
std::vector<EnterpriseRequest> GenerateEnterpriseRequests(std::string& checksum);

}  // namespace warden::bench
