#pragma once
// `warden impact`: evaluates two bundles — base and head — on the same inputs and compares
// the results input by input (report/impact.h, docs/impact.md).
//
// Documents are read once and checked by both engines (on the worker threads of
// CheckOptions); recorded requests (JSON Lines of requests or decision-log
// records, as `warden simulate` reads them) are decided by both engines at once, one
// thread each.

#include <string>
#include <vector>

#include "warden/engine/engine.h"
#include "warden/report/impact.h"
#include "warden/service/check_service.h"
#include "warden/service/input_discovery.h"

namespace warden::service {

struct ImpactInputs {
  std::vector<InputFile> documents;
  std::vector<std::string> request_files;
};

struct ImpactOptions {
  CheckOptions check;  // evaluation options, read limits, threads
};

// Lines of the request files that could not be read are errors: InvalidArgument with the
// first problem (`file:line:column: reason`).
StatusOr<report::Impact> RunImpact(const engine::Engine& base, const engine::Engine& head,
                                   std::string base_label, std::string head_label,
                                   const ImpactInputs& inputs, const ImpactOptions& options);

}  // namespace warden::service
