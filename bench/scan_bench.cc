// The scan benchmark of issue 3: 10,000 generated Kubernetes manifests (Deployments,
// Pods, Services, CronJobs; about 2 KB each, 100 multi-document files) checked against
// the 25-policy bundle in bench/scan with every core, parsing included — what
// `warden check -b bench/scan DIR` does. Target: at most 1.5 s wall on 2 cores.
// BM_ScanBuiltin checks the same corpus with the built-in library's Kubernetes
// templates instead (`warden check -p builtin:pss-restricted -p builtin:k8s-best-practices`):
// 28 policies, 54 rules, written for coverage of every control rather than for speed.
//
//   build/release/bench/scan_bench --benchmark_repetitions=3

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scan_workload.h"
#include "warden/base/diagnostic.h"
#include "warden/service/bundle_service.h"
#include "warden/service/check_service.h"
#include "warden/service/input_discovery.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::string directory;
  size_t bytes = 0;
  warden::service::LoadedBundle bundle;
  warden::service::LoadedBundle builtin;  // the built-in Kubernetes templates
  std::string error;
  ~Corpus() {
    std::error_code ignored;
    if (!directory.empty()) fs::remove_all(directory, ignored);
  }
};

Corpus& GetCorpus() {
  static Corpus corpus;
  static bool ready = [] {
    Corpus& built = corpus;
    built.directory =
        (fs::temp_directory_path() / ("warden-scan-bench-" + std::to_string(::getpid()))).string();
    fs::create_directories(built.directory);
    built.bytes = warden::bench::WriteScanCorpus(built.directory);
    warden::Diagnostics diagnostics;
    warden::service::BundleSpec spec;
    spec.directory = std::string(WARDEN_BENCH_DIR) + "/scan";
    built.bundle = warden::service::LoadBundle(spec, diagnostics);
    warden::service::BundleSpec builtin;
    builtin.policies = {"builtin:pss-restricted", "builtin:k8s-best-practices"};
    built.builtin = warden::service::LoadBundle(builtin, diagnostics);
    if (diagnostics.has_errors()) built.error = warden::FormatDiagnostic(diagnostics.items()[0]);
    return true;
  }();
  (void)ready;
  return corpus;
}

void RunScan(benchmark::State& state, const Corpus& corpus, const warden::engine::Engine& engine) {
  size_t documents = 0;
  size_t violations = 0;
  for (auto _ : state) {
    auto files = warden::service::DiscoverInputs({corpus.directory});
    if (!files.ok()) {
      state.SkipWithError(files.status().message().c_str());
      return;
    }
    warden::service::CheckOptions options;
    options.threads = static_cast<size_t>(state.range(0));
    warden::report::CheckReport report = warden::service::RunCheck(engine, *files, options);
    warden::report::Summary summary = warden::report::Summarize(report);
    documents = summary.documents;
    violations = summary.violations;
    if (summary.input_errors > 0) {
      state.SkipWithError(report.input_errors[0].message.c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(corpus.bytes) * state.iterations());
  state.counters["documents"] = static_cast<double>(documents);
  state.counters["violations"] = static_cast<double>(violations);
  state.counters["docs_per_s"] = benchmark::Counter(static_cast<double>(documents),
                                                    benchmark::Counter::kIsIterationInvariantRate);
  state.counters["input_MB"] = static_cast<double>(corpus.bytes) / 1e6;
}

void BM_Scan(benchmark::State& state) {
  Corpus& corpus = GetCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  RunScan(state, corpus, *corpus.bundle.engine);
}
BENCHMARK(BM_Scan)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_ScanBuiltin(benchmark::State& state) {
  Corpus& corpus = GetCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  RunScan(state, corpus, *corpus.builtin.engine);
}
BENCHMARK(BM_ScanBuiltin)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
