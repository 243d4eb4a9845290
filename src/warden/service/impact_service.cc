#include "warden/service/impact_service.h"

#include <thread>

#include "warden/report/findings.h"
#include "warden/service/request_service.h"

namespace warden::service {
namespace {

struct RecordedRequests {
  std::vector<engine::RequestInput> requests;
  std::vector<std::string> labels;  // `file:line`
};

// Reads every request of the files; the first line that is not a request is an error.
Status ReadAllRequests(const std::vector<std::string>& files, const ReadOptions& read,
                       RecordedRequests& out) {
  for (const std::string& file : files) {
    StatusOr<std::vector<RecordedRequest>> lines = ReadRecordedRequests(file, read.limits);
    if (!lines.ok()) return lines.status();
    for (RecordedRequest& line : *lines) {
      if (!line.error.ok()) return line.error;
      out.requests.push_back(std::move(line.request));
      out.labels.push_back(std::move(line.label));
    }
  }
  return Status::Ok();
}

std::vector<engine::RequestDecision> DecideAll(const engine::Engine& engine,
                                               const std::vector<engine::RequestInput>& requests,
                                               const engine::EvalOptions& options) {
  std::vector<engine::RequestDecision> out;
  out.reserve(requests.size());
  for (const engine::RequestInput& request : requests)
    out.push_back(engine.Decide(request, options));
  return out;
}

}  // namespace

StatusOr<report::Impact> RunImpact(const engine::Engine& base, const engine::Engine& head,
                                   std::string base_label, std::string head_label,
                                   const ImpactInputs& inputs, const ImpactOptions& options) {
  RecordedRequests recorded;
  if (Status status = ReadAllRequests(inputs.request_files, options.check.read, recorded);
      !status.ok()) {
    return status;
  }
  report::CheckReport base_documents, head_documents;
  if (!inputs.documents.empty()) {
    // Each file is parsed once for both bundles: parsing is most of a check's time.
    std::vector<report::CheckReport> reports =
        RunCheckWithEach({&base, &head}, inputs.documents, options.check);
    base_documents = std::move(reports[0]);
    head_documents = std::move(reports[1]);
  }
  std::vector<engine::RequestDecision> base_decisions, head_decisions;
  {
    // One engine per core; engines are thread-safe and share nothing mutable.
    std::thread head_thread(
        [&] { head_decisions = DecideAll(head, recorded.requests, options.check.eval); });
    base_decisions = DecideAll(base, recorded.requests, options.check.eval);
    head_thread.join();
  }
  report::Impact impact =
      report::CompareRuns({&base_documents, &base_decisions}, {&head_documents, &head_decisions},
                          recorded.labels, std::move(base_label), std::move(head_label));
  if (!base_documents.input_errors.empty()) {
    const report::InputError& error = base_documents.input_errors.front();
    return InvalidArgument(report::LocationText(error.file, error.line, error.column) + ": " +
                           error.message);
  }
  return impact;
}

}  // namespace warden::service
