#include "warden/service/impact_service.h"

#include <thread>

#include "warden/base/file.h"
#include "warden/data/jsonl_reader.h"
#include "warden/report/findings.h"
#include "warden/service/request_service.h"

namespace warden::service {
namespace {

struct RecordedRequests {
  std::vector<engine::RequestInput> requests;
  std::vector<std::string> labels;  // `file:line`
};

// Reads every request of the files; a decision-log record's `request` member is its
// request.
Status ReadRecordedRequests(const std::vector<std::string>& files, const ReadOptions& read,
                            RecordedRequests& out) {
  for (const std::string& file : files) {
    StatusOr<std::string> text = ReadFile(file, read.limits.max_input_bytes);
    if (!text.ok()) return text.status();
    StatusOr<std::vector<data::Document>> lines = data::ReadJsonLines(*text, file, read.limits);
    if (!lines.ok()) return lines.status();
    for (const data::Document& line : *lines) {
      data::Document request_document = line;
      if (line.root != nullptr && line.root->is_map()) {
        if (const data::Node* request = line.root->Find("request")) request_document.root = request;
      }
      StatusOr<engine::RequestInput> request = RequestFromDocument(request_document);
      if (!request.ok()) return request.status();
      out.requests.push_back(std::move(*request));
      out.labels.push_back(file + ":" +
                           std::to_string(line.root != nullptr ? line.root->position().line : 0));
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
  if (Status status = ReadRecordedRequests(inputs.request_files, options.check.read, recorded);
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
