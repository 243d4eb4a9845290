// Rule-index scaling: synthetic bundles of 10, 1,000 and 10,000 single-rule policies,
// each matching its own actions (half literal `svcN:opM`, half prefix globs `svcN:*`)
// and resources (`res://tenantN/*`). Reports per-decision latency with the index on (and
// off, for contrast), bundle compile time per rule and memory per rule.
//
//   build/release/bench/index_scaling_bench

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "enterprise_workload.h"
#include "warden/base/diagnostic.h"
#include "warden/service/bundle_service.h"
#include "warden/service/request_service.h"

namespace {

namespace fs = std::filesystem;

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

struct Scaled {
  warden::service::LoadedBundle indexed;
  std::unique_ptr<warden::engine::Engine> linear;
  std::vector<warden::engine::RequestInput> requests;
  double compile_seconds = 0;
  double bytes_per_rule = 0;
  std::string error;
};

Scaled& GetScaled(int rules) {
  static std::map<int, std::unique_ptr<Scaled>> cache;
  auto& slot = cache[rules];
  if (slot) return *slot;
  slot = std::make_unique<Scaled>();
  Scaled& scaled = *slot;
  fs::path dir = fs::temp_directory_path() /
                 ("warden-index-bench-" + std::to_string(::getpid()) + "-" + std::to_string(rules));
  fs::create_directories(dir / "policies");
  std::ofstream(dir / "bundle.yaml")
      << "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: scale}\n"
         "spec: {combining: deny-overrides, default: allow}\n";
  std::string text;
  for (int index = 0; index < rules; ++index) {
    std::string action = index % 2 == 0
                             ? "svc" + std::to_string(index) + ":op" + std::to_string(index % 7)
                             : "svc" + std::to_string(index) + ":*";
    text += "---\napiVersion: warden/v1\nkind: Policy\nmetadata: {name: p" + std::to_string(index) +
            "}\nspec:\n  match:\n    actions: [\"" + action +
            "\"]\n    resources: [\"res://tenant" + std::to_string(index) +
            "/*\"]\n  rules:\n    - id: r\n      effect: deny\n"
            "      condition: \"context.level > 3\"\n      message: denied\n";
  }
  std::ofstream(dir / "policies" / "all.yaml") << text;
  size_t before = ResidentBytes();
  auto start = std::chrono::steady_clock::now();
  warden::Diagnostics diagnostics;
  warden::service::BundleSpec spec;
  spec.directory = dir.string();
  scaled.indexed = warden::service::LoadBundle(spec, diagnostics);
  scaled.compile_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  scaled.bytes_per_rule = static_cast<double>(ResidentBytes() - before) / rules;
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  if (diagnostics.has_errors()) {
    scaled.error = warden::FormatDiagnostic(diagnostics.items()[0]);
    return scaled;
  }
  warden::engine::EngineOptions linear;
  linear.use_index = false;
  scaled.linear = warden::engine::Engine::Build(scaled.indexed.compiled, linear);
  warden::bench::Mulberry32 rng{7u};
  for (int request_idx = 0; request_idx < 1000; ++request_idx) {
    uint32_t target = rng.next() % static_cast<uint32_t>(rules);
    std::string action = "svc" + std::to_string(target) + ":op" + std::to_string(target % 7);
    std::string json = R"({"subject": {"id": "u1"}, "action": ")" + action +
                       R"(", "resource": "res://tenant)" + std::to_string(target) +
                       R"(/x", "context": {"level": )" + std::to_string(rng.next() % 6) + "}}";
    auto parsed = warden::service::ParseRequest(json, "request");
    if (!parsed.ok()) {
      scaled.error = parsed.status().message();
      return scaled;
    }
    scaled.requests.push_back(std::move(*parsed));
  }
  // The two engines must agree before anything is timed.
  for (const auto& request : scaled.requests) {
    if (scaled.indexed.engine->Decide(request, {}).decision !=
        scaled.linear->Decide(request, {}).decision) {
      scaled.error = "index and linear scan disagree";
    }
  }
  return scaled;
}

void Run(benchmark::State& state, bool use_index) {
  Scaled& scaled = GetScaled(static_cast<int>(state.range(0)));
  if (!scaled.error.empty()) {
    state.SkipWithError(scaled.error.c_str());
    return;
  }
  const warden::engine::Engine& engine = use_index ? *scaled.indexed.engine : *scaled.linear;
  size_t request_idx = 0;
  for (auto _ : state) {
    auto decision = engine.Decide(scaled.requests[request_idx], {});
    benchmark::DoNotOptimize(decision.decision);
    if (++request_idx == scaled.requests.size()) request_idx = 0;
  }
  state.counters["compile_us_per_rule"] =
      scaled.compile_seconds * 1e6 / static_cast<double>(state.range(0));
  state.counters["bytes_per_rule"] = scaled.bytes_per_rule;
}

void BM_IndexedDecide(benchmark::State& state) { Run(state, true); }
void BM_LinearDecide(benchmark::State& state) { Run(state, false); }
BENCHMARK(BM_IndexedDecide)->Arg(10)->Arg(1000)->Arg(10000);
BENCHMARK(BM_LinearDecide)->Arg(10)->Arg(1000)->Arg(10000);

}  // namespace

BENCHMARK_MAIN();
