#pragma once
// A `warden check` run: read every input file and check its documents with an engine,
// on several threads, keeping the results in input order so output is deterministic.

#include <cstddef>
#include <functional>
#include <vector>

#include "warden/engine/engine.h"
#include "warden/report/report.h"
#include "warden/service/input_discovery.h"
#include "warden/service/inputs.h"

namespace warden::service {

struct CheckOptions {
  engine::EvalOptions eval;
  ReadOptions read;
  size_t threads = 0;  // 0: one per core
  // Called after each file with (files done, files total), from worker threads (one at
  // a time); may be empty.
  std::function<void(size_t, size_t)> progress;
};

// Checks `files` and returns the results (tool and bundle fields filled in). An input
// that cannot be read becomes an InputError; the run goes on.
report::CheckReport RunCheck(const engine::Engine& engine, const std::vector<InputFile>& files,
                             const CheckOptions& options);

// The same with several engines: every file is read once and checked by each engine
// (`warden impact` compares two bundles); one report per engine, in order.
std::vector<report::CheckReport> RunCheckWithEach(const std::vector<const engine::Engine*>& engines,
                                                  const std::vector<InputFile>& files,
                                                  const CheckOptions& options);

}  // namespace warden::service
