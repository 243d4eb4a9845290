// The "enterprise" scenario (shared/bench/SCENARIOS.md §1) through the policy engine:
// examples/authz is the scenario as a Bundle (first-match, default deny, the 19
// conditions verbatim). Before timing, every decision and first-match count is checked
// against the scenario (request checksum 03a97670, decision checksum 69abb7e3).
//
//   BM_EngineDecide      Engine::DecideCompact per request, in-process: the decision and
//                        the deciding rule, no strings (the embedding API's hot path)
//   BM_EngineDecideInCache  the same over the first 64 requests only (all in cache)
//   BM_EngineDecideFull  Engine::Decide: the full result with messages and bundle digest
//   BM_HandWrittenChain  the same 19 rules as a C++ if-chain over plain structs: the
//                        practical limit the engine is compared against

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "enterprise_workload.h"
#include "warden/base/diagnostic.h"
#include "warden/data/jsonl_reader.h"
#include "warden/engine/engine.h"
#include "warden/service/bundle_service.h"
#include "warden/service/request_service.h"

namespace {

using warden::bench::EnterpriseRequest;
using warden::bench::kEnterpriseRuleCount;
using warden::bench::kEnterpriseRules;

struct Workload {
  warden::service::LoadedBundle bundle;
  std::vector<EnterpriseRequest> plain;
  std::vector<warden::engine::RequestInput> requests;
  std::string error;
};

// Rule index (0..18) of a decision, 19 for the default.
size_t RuleIndexOf(const warden::engine::RequestDecision& decision) {
  if (decision.by_default || decision.rules.empty()) return kEnterpriseRuleCount;
  for (size_t rule_idx = 0; rule_idx < kEnterpriseRuleCount; ++rule_idx) {
    if (decision.rules[0].rule == kEnterpriseRules[rule_idx].id) return rule_idx;
  }
  return kEnterpriseRuleCount + 1;
}

std::string Verify(Workload& workload, const std::string& request_checksum) {
  if (request_checksum != warden::bench::kEnterpriseRequestChecksum) {
    return "request checksum " + request_checksum;
  }
  warden::bench::Fnv1a decisions;
  std::vector<int> counts(kEnterpriseRuleCount + 2, 0);
  for (const auto& request : workload.requests) {
    warden::engine::RequestDecision decision = workload.bundle.engine->Decide(request, {});
    if (!decision.errors.empty()) return "evaluation error: " + decision.errors[0].message;
    warden::engine::CompactDecision compact = workload.bundle.engine->DecideCompact(request, {});
    if (compact.decision != decision.decision || compact.by_default != decision.by_default ||
        (!compact.by_default &&
         workload.bundle.compiled->policies[compact.policy].rules[compact.rule].id !=
             decision.rules[0].rule)) {
      return "the compact and full decisions differ";
    }
    ++counts[RuleIndexOf(decision)];
    decisions.Line(warden::engine::DecisionName(decision.decision));
  }
  for (size_t rule_idx = 0; rule_idx <= kEnterpriseRuleCount; ++rule_idx) {
    if (counts[rule_idx] != warden::bench::kEnterpriseFirstMatchCounts[rule_idx]) {
      return "first-match count differs for rule " + std::to_string(rule_idx + 1);
    }
  }
  if (decisions.Hex() != warden::bench::kEnterpriseDecisionChecksum) {
    return "decision checksum " + decisions.Hex();
  }
  return "";
}

Workload& GetWorkload() {
  static Workload* workload = [] {
    auto* built = new Workload();
    warden::Diagnostics diagnostics;
    warden::service::BundleSpec spec;
    spec.directory = std::string(WARDEN_EXAMPLES_DIR) + "/authz";
    built->bundle = warden::service::LoadBundle(spec, diagnostics);
    if (diagnostics.has_errors()) {
      built->error =
          "the example bundle does not load: " + warden::FormatDiagnostic(diagnostics.items()[0]);
      return built;
    }
    std::string checksum;
    built->plain = warden::bench::GenerateEnterpriseRequests(checksum);
    // The requests are read as one JSON Lines file, as a corpus of recorded requests is.
    std::string lines;
    for (const EnterpriseRequest& request : built->plain) lines += request.json + "\n";
    auto documents = warden::data::ReadJsonLines(lines, "requests.jsonl");
    if (!documents.ok()) {
      built->error = documents.status().message();
      return built;
    }
    for (const warden::data::Document& document : *documents) {
      auto parsed = warden::service::RequestFromDocument(document);
      if (!parsed.ok()) {
        built->error = parsed.status().message();
        return built;
      }
      built->requests.push_back(std::move(*parsed));
    }
    built->error = Verify(*built, checksum);
    return built;
  }();
  return *workload;
}

// Times `decide(engine, request, options)` over the requests in turn (the first
// `limit` of them when given).
template <typename DecideFn>
void TimeDecisions(benchmark::State& state, DecideFn decide, const char* label,
                   size_t limit = SIZE_MAX) {
  Workload& workload = GetWorkload();
  if (!workload.error.empty()) {
    state.SkipWithError(workload.error.c_str());
    return;
  }
  const warden::engine::Engine& engine = *workload.bundle.engine;
  warden::engine::EvalOptions options;
  size_t request_idx = 0;
  const size_t cycle = std::min(limit, workload.requests.size());
  for (auto _ : state) {
    auto decision = decide(engine, workload.requests[request_idx], options);
    benchmark::DoNotOptimize(decision);
    if (++request_idx == cycle) request_idx = 0;
  }
  state.SetLabel(label);
}

void BM_EngineDecide(benchmark::State& state) {
  TimeDecisions(
      state,
      [](const auto& engine, const auto& request, const auto& options) {
        return engine.DecideCompact(request, options);
      },
      "ns per decision, Engine::DecideCompact, first-match over 19 rules");
}
BENCHMARK(BM_EngineDecide);

// The same over the first 64 requests only, which stay in cache: the cost of a decision
// without the memory loads of the request (as in a server that parses a request and
// decides it at once).
void BM_EngineDecideInCache(benchmark::State& state) {
  TimeDecisions(
      state,
      [](const auto& engine, const auto& request, const auto& options) {
        return engine.DecideCompact(request, options);
      },
      "ns per decision, Engine::DecideCompact, 64 requests in cache", 64);
}
BENCHMARK(BM_EngineDecideInCache);

void BM_EngineDecideFull(benchmark::State& state) {
  TimeDecisions(
      state,
      [](const auto& engine, const auto& request, const auto& options) {
        return engine.Decide(request, options).decision;
      },
      "ns per decision, Engine::Decide (messages, reasons, digest)");
}
BENCHMARK(BM_EngineDecideFull);

bool In(const std::string& value, std::initializer_list<const char*> list) {
  for (const char* item : list) {
    if (value == item) return true;
  }
  return false;
}
bool StartsWith(const std::string& value, const char* prefix) {
  return value.rfind(prefix, 0) == 0;
}

// The 19 rules by hand; returns the rule index (19 = default deny).
int HandWritten(const EnterpriseRequest& r) {
  const std::string& action = r.action;
  const std::string& env = r.environment;
  if (r.suspended) return 0;
  if (r.budget_exceeded) return 1;
  if (action == "agent:tool_execute" &&
      In(r.resource, {"tool://shell_execute", "tool://eval_code", "tool://file_delete",
                      "tool://network_scan"})) {
    return 2;
  }
  if (action == "data:export" && StartsWith(r.resource, "dataset://eu_citizens/") &&
      !In(r.region, {"eu-west-1", "eu-central-1", "eu-north-1"})) {
    return 3;
  }
  if (r.risk_score >= 90) return 4;
  if (env == "production" && In(action, {"data:write", "data:delete", "data:export"}) && !r.mfa) {
    return 5;
  }
  if (action == "data:read" && StartsWith(r.resource, "dataset://phi/") &&
      In(r.role, {"admin", "developer", "analyst"})) {
    return 6;
  }
  if (action == "data:delete" && env == "production" && r.role == "admin") return 7;
  if (action == "data:export" && r.record_count > 10000 &&
      (r.role == "admin" || (r.role == "developer" && env == "development"))) {
    return 8;
  }
  if (action == "agent:tool_execute" && r.risk_score >= 70 && In(r.role, {"admin", "developer"})) {
    return 9;
  }
  if (r.role == "admin") return 10;
  if (r.role == "developer" && env == "development") return 11;
  if (r.role == "developer" && env == "production" && In(action, {"data:read", "data:list"})) {
    return 12;
  }
  if (r.role == "developer" && env == "staging" &&
      In(action, {"data:read", "data:list", "data:write"}) &&
      StartsWith(r.resource, "dataset://internal/")) {
    return 13;
  }
  if (r.role == "analyst" && In(action, {"data:read", "data:list"}) &&
      StartsWith(r.resource, "dataset://")) {
    return 14;
  }
  if (r.department == "finance" && In(action, {"data:read", "data:list", "data:export"}) &&
      StartsWith(r.resource, "dataset://finance/")) {
    return 15;
  }
  if (action == "agent:tool_execute" &&
      In(r.resource, {"tool://web_search", "tool://calculator"})) {
    return 16;
  }
  if (action == "data:read" && StartsWith(r.resource, "dataset://public/")) return 17;
  if (r.role == "analyst" && action == "agent:tool_execute" && r.resource == "tool://sql_query") {
    return 18;
  }
  return 19;
}

void BM_HandWrittenChain(benchmark::State& state) {
  Workload& workload = GetWorkload();
  if (!workload.error.empty()) {
    state.SkipWithError(workload.error.c_str());
    return;
  }
  std::vector<int> counts(kEnterpriseRuleCount + 1, 0);
  for (const EnterpriseRequest& request : workload.plain)
    ++counts[static_cast<size_t>(HandWritten(request))];
  for (size_t rule_idx = 0; rule_idx <= kEnterpriseRuleCount; ++rule_idx) {
    if (counts[rule_idx] != warden::bench::kEnterpriseFirstMatchCounts[rule_idx]) {
      state.SkipWithError("the hand-written chain disagrees with the scenario");
      return;
    }
  }
  size_t request_idx = 0;
  for (auto _ : state) {
    int rule = HandWritten(workload.plain[request_idx]);
    benchmark::DoNotOptimize(rule);
    if (++request_idx == workload.plain.size()) request_idx = 0;
  }
  state.SetLabel("ns per decision, hand-written C++ if-chain");
}
BENCHMARK(BM_HandWrittenChain);

// DecideCompact over the requests in turn, `count` times: what
// scripts/instr_per_decision.sh counts with callgrind.
__attribute__((noinline)) void DecideFixedCount(const Workload& workload, long count) {
  warden::engine::EvalOptions options;
  size_t request_idx = 0;
  for (long decision_idx = 0; decision_idx < count; ++decision_idx) {
    auto decision = workload.bundle.engine->DecideCompact(workload.requests[request_idx], options);
    benchmark::DoNotOptimize(decision);
    if (++request_idx == workload.requests.size()) request_idx = 0;
  }
}

}  // namespace

// With WARDEN_FIXED_DECISIONS=N: N compact decisions after the checks, no timing.
int main(int argc, char** argv) {
  if (const char* count = std::getenv("WARDEN_FIXED_DECISIONS")) {
    Workload& workload = GetWorkload();
    if (!workload.error.empty()) return 1;
    DecideFixedCount(workload, std::atol(count));
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
