#pragma once
// The corpus of the scan benchmark: 10,000 generated Kubernetes manifests (Deployments,
// Pods, Services, CronJobs; about 2 KB each) in 100 multi-document YAML files, the same
// bytes on every run (a fixed seed). Used by scan_bench and impact_bench.

#include <cstddef>
#include <string>

namespace warden::bench {

inline constexpr int kScanManifests = 10000;
inline constexpr int kScanManifestsPerFile = 100;

// Writes the corpus into `directory` (which must exist); returns its size in bytes.
size_t WriteScanCorpus(const std::string& directory);

}  // namespace warden::bench
