#include "warden/service/simulate_service.h"

#include "warden/base/file.h"
#include "warden/data/jsonl_reader.h"
#include "warden/service/request_service.h"

namespace warden::service {
namespace {

// Decides every request of one JSON Lines file into `builder`.
void SimulateRequests(const engine::Engine& engine, const std::string& file,
                      const SimulateOptions& options, report::SimulationBuilder& builder) {
  StatusOr<std::string> text = ReadFile(file, options.check.read.limits.max_input_bytes);
  if (!text.ok()) {
    builder.AddRequestError(file, text.status().message());
    return;
  }
  StatusOr<std::vector<data::Document>> lines =
      data::ReadJsonLines(*text, file, options.check.read.limits);
  if (!lines.ok()) {
    builder.AddRequestError("", lines.status().message());
    return;
  }
  for (const data::Document& line : *lines) {
    std::string label =
        line.root != nullptr ? file + ":" + std::to_string(line.root->position().line) : file;
    data::Document request_document = line;
    // A decision-log record carries the request it decided.
    if (line.root != nullptr && line.root->is_map()) {
      if (const data::Node* request = line.root->Find("request")) request_document.root = request;
    }
    StatusOr<engine::RequestInput> request = RequestFromDocument(request_document);
    if (!request.ok()) {
      builder.AddRequestError("", request.status().message());  // the message says where
      continue;
    }
    builder.AddDecision(engine.Decide(*request, options.check.eval), label);
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
