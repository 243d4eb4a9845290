#pragma once
// `warden simulate`: evaluates a policy set against a corpus without enforcing anything
// (docs/simulate.md) and sums up what it would do (report/simulation.h).
//
// The corpus is documents (files and directories, discovered and read as `warden check`
// reads them) and recorded requests: JSON Lines files with one request per line, or one
// decision-log record per line whose `request` member is the request (the form the
// decision server logs).

#include <string>
#include <vector>

#include "warden/engine/engine.h"
#include "warden/report/simulation.h"
#include "warden/service/check_service.h"
#include "warden/service/input_discovery.h"

namespace warden::service {

struct SimulateOptions {
  CheckOptions check;  // evaluation options, read limits, threads
  size_t top_resources = 10;
};

report::Simulation RunSimulation(const engine::Engine& engine,
                                 const std::vector<InputFile>& documents,
                                 const std::vector<std::string>& request_files,
                                 const SimulateOptions& options);

}  // namespace warden::service
