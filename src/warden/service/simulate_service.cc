#include "warden/service/simulate_service.h"

#include "warden/service/request_service.h"

namespace warden::service {
namespace {

// Decides every request of one JSON Lines file into `builder`.
void SimulateRequests(const engine::Engine& engine, const std::string& file,
                      const SimulateOptions& options, report::SimulationBuilder& builder) {
  StatusOr<std::vector<RecordedRequest>> lines =
      ReadRecordedRequests(file, options.check.read.limits);
  if (!lines.ok()) {
    builder.AddRequestError("", lines.status().message());  // the message says where
    return;
  }
  for (const RecordedRequest& line : *lines) {
    if (!line.error.ok()) {
      builder.AddRequestError("", line.error.message());
      continue;
    }
    builder.AddDecision(engine.Decide(line.request, options.check.eval), line.label);
  }
}

}  // namespace

report::Simulation RunSimulation(const engine::Engine& engine,
                                 const std::vector<InputFile>& documents,
                                 const std::vector<std::string>& request_files,
                                 const SimulateOptions& options) {
  report::SimulationBuilder builder(options.top_resources);
  if (!documents.empty()) builder.AddCheck(RunCheck(engine, documents, options.check));
  for (const std::string& file : request_files) SimulateRequests(engine, file, options, builder);
  const policy::CompiledBundle& bundle = engine.bundle();
  return builder.Finish(bundle.name, bundle.version, options.check.eval.environment);
}

}  // namespace warden::service
