#include "warden/service/request_service.h"

#include "warden/data/json_reader.h"

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

}  // namespace warden::service
