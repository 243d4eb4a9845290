#include "warden/service/request_service.h"

#include "warden/base/file.h"
#include "warden/data/json_reader.h"
#include "warden/data/jsonl_reader.h"

namespace warden::service {

StatusOr<engine::RequestInput> RequestFromDocument(const data::Document& document) {
  const data::Node* root = document.root;
  auto error_at = [&](SourcePosition position, std::string reason) {
    return Status::Located(StatusCode::kInvalidArgument, {document.file, position},
                           std::move(reason));
  };
  if (root == nullptr || !root->is_map()) {
    return error_at(root != nullptr ? root->position() : SourcePosition{},
                    "a request must be a JSON object");
  }
  engine::RequestInput request;
  request.storage = document.storage;
  for (const data::MapEntry& entry : root->entries()) {
    if (entry.key() == "subject") {
      request.subject = &entry.value;
    } else if (entry.key() == "action") {
      request.action = &entry.value;
    } else if (entry.key() == "resource") {
      request.resource = &entry.value;
    } else if (entry.key() == "context") {
      request.context = &entry.value;
    } else if (entry.key() == "environment") {
      if (!entry.value.is_string()) {
        return error_at(entry.value.position(), "`environment` must be a string");
      }
      request.environment = std::string(entry.value.string_value());
    } else {
      return error_at(root->key_position(entry),
                      "unknown member `" + std::string(entry.key()) +
                          "` (a request has subject, action, resource, context, environment)");
    }
  }
  return request;
}

StatusOr<engine::RequestInput> ParseRequest(std::string_view text, std::string file) {
  StatusOr<data::Document> document = data::ReadJson(text, std::move(file));
  if (!document.ok()) return document.status();
  return RequestFromDocument(*document);
}

StatusOr<std::vector<RecordedRequest>> ReadRecordedRequests(const std::string& file,
                                                            const data::ReadLimits& limits) {
  StatusOr<std::string> text = ReadFile(file, limits.max_input_bytes);
  if (!text.ok()) return text.status();
  StatusOr<std::vector<data::Document>> lines = data::ReadJsonLines(*text, file, limits);
  if (!lines.ok()) return lines.status();
  std::vector<RecordedRequest> out;
  for (const data::Document& line : *lines) {
    RecordedRequest recorded;
    recorded.label =
        file + ":" + std::to_string(line.root != nullptr ? line.root->position().line : 0);
    data::Document request_document = line;
    if (line.root != nullptr && line.root->is_map()) {
      if (const data::Node* request = line.root->Find("request")) request_document.root = request;
    }
    StatusOr<engine::RequestInput> request = RequestFromDocument(request_document);
    if (request.ok()) {
      recorded.request = std::move(*request);
    } else {
      recorded.error = request.status();
    }
    out.push_back(std::move(recorded));
  }
  return out;
}

}  // namespace warden::service
