// `warden impact` on the shared benchmark corpora (issue 4): two versions of a bundle
// evaluated on the same inputs and compared input by input, reading included.
//
//   BM_ImpactRequests  the enterprise scenario (shared/bench/SCENARIOS.md §1): its 10,000
//                      requests as one JSON Lines file of recorded requests, examples/authz
//                      against a version whose high-risk threshold is 80 instead of 90
//   BM_ImpactScan      the scan corpus (10,000 manifests) on 2 threads, bench/scan against
//                      a version that also forbids images from docker.io
//
// Each run checks that the change is seen (changed inputs > 0) and reports the counts.
//
//   build/release/bench/impact_bench --benchmark_repetitions=3

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "enterprise_workload.h"
#include "scan_workload.h"
#include "warden/base/diagnostic.h"
#include "warden/service/bundle_service.h"
#include "warden/service/impact_service.h"
#include "warden/service/input_discovery.h"

namespace {

namespace fs = std::filesystem;

// A temporary directory removed at exit.
struct TempTree {
  std::string path;
  explicit TempTree(const std::string& name)
      : path((fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))).string()) {
    fs::create_directories(path);
  }
  ~TempTree() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A copy of bundle `source` in `target` with `from` replaced by `to` in `file`; empty
// when `from` is not there (the benchmark then reports an error).
bool CopyWithChange(const std::string& source, const std::string& target, const std::string& file,
                    const std::string& from, const std::string& to) {
  fs::copy(source, target, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string path = target + "/" + file;
  std::string text = ReadText(path);
  size_t at = text.find(from);
  if (at == std::string::npos) return false;
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
  return true;
}

struct Side {
  warden::service::LoadedBundle bundle;
};

std::string Load(const std::string& directory, Side& side) {
  warden::Diagnostics diagnostics;
  warden::service::BundleSpec spec;
  spec.directory = directory;
  side.bundle = warden::service::LoadBundle(spec, diagnostics);
  return diagnostics.has_errors() ? warden::FormatDiagnostic(diagnostics.items()[0]) : "";
}

struct Workload {
  TempTree tree{"warden-impact-bench"};
  Side base, head;
  warden::service::ImpactInputs inputs;
  std::string error;
};

void TimeImpact(benchmark::State& state, Workload& workload, size_t threads) {
  if (!workload.error.empty()) {
    state.SkipWithError(workload.error.c_str());
    return;
  }
  warden::service::ImpactOptions options;
  options.check.threads = threads;
  options.check.eval.now_seconds = 1767225600;  // 2026-01-01: no clock in the numbers
  size_t changed = 0, blocked = 0, allowed = 0, inputs = 0;
  for (auto _ : state) {
    auto impact =
        warden::service::RunImpact(*workload.base.bundle.engine, *workload.head.bundle.engine,
                                   "base", "head", workload.inputs, options);
    if (!impact.ok()) {
      state.SkipWithError(impact.status().message().c_str());
      return;
    }
    changed = impact->changed_inputs;
    blocked = impact->newly_blocked;
    allowed = impact->newly_allowed;
    inputs = impact->documents + impact->requests;
  }
  if (changed == 0) {
    state.SkipWithError("the head bundle changed nothing: the benchmark measures no comparison");
    return;
  }
  state.counters["inputs"] = static_cast<double>(inputs);
  state.counters["changed"] = static_cast<double>(changed);
  state.counters["newly_blocked"] = static_cast<double>(blocked);
  state.counters["newly_allowed"] = static_cast<double>(allowed);
}

Workload& RequestWorkload() {
  static Workload workload;
  static bool ready = [] {
    std::string checksum;
    std::vector<warden::bench::EnterpriseRequest> requests =
        warden::bench::GenerateEnterpriseRequests(checksum);
    if (checksum != warden::bench::kEnterpriseRequestChecksum) {
      workload.error = "request checksum " + checksum;
      return true;
    }
    std::string file = workload.tree.path + "/requests.jsonl";
    {
      std::ofstream out(file);
      for (const auto& request : requests) out << request.json << "\n";
    }
    workload.inputs.request_files = {file};
    std::string examples = std::string(WARDEN_EXAMPLES_DIR) + "/authz";
    std::string head = workload.tree.path + "/authz-head";
    if (!CopyWithChange(examples, head, "policies/enterprise.yaml", "context.risk_score >= 90",
                        "context.risk_score >= 80")) {
      workload.error = "the R05 condition is not in examples/authz";
      return true;
    }
    workload.error = Load(examples, workload.base);
    if (workload.error.empty()) workload.error = Load(head, workload.head);
    return true;
  }();
  (void)ready;
  return workload;
}

Workload& ScanWorkload() {
  static Workload workload;
  static bool ready = [] {
    std::string corpus = workload.tree.path + "/corpus";
    fs::create_directories(corpus);
    warden::bench::WriteScanCorpus(corpus);
    auto files = warden::service::DiscoverInputs({corpus}, {});
    if (!files.ok()) {
      workload.error = files.status().message();
      return true;
    }
    workload.inputs.documents = std::move(*files);
    std::string scan = std::string(WARDEN_BENCH_DIR) + "/scan";
    std::string head = workload.tree.path + "/scan-head";
    if (!CopyWithChange(scan, head, "policies/workloads.yaml",
                        "item.image.endsWith(':latest') || !item.image.contains(':')",
                        "item.image.endsWith(':latest') || !item.image.contains(':') || "
                        "item.image.startsWith('docker.io/')")) {
      workload.error = "the no-latest-tag condition is not in bench/scan";
      return true;
    }
    workload.error = Load(scan, workload.base);
    if (workload.error.empty()) workload.error = Load(head, workload.head);
    return true;
  }();
  (void)ready;
  return workload;
}

void BM_ImpactRequests(benchmark::State& state) { TimeImpact(state, RequestWorkload(), 0); }
BENCHMARK(BM_ImpactRequests)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_ImpactScan(benchmark::State& state) { TimeImpact(state, ScanWorkload(), 2); }
BENCHMARK(BM_ImpactScan)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
