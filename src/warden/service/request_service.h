#pragma once
// Requests as JSON: `{"subject", "action", "resource", "context", "environment"}`.

#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"
#include "warden/engine/input.h"

namespace warden::service {

// Makes a request from a parsed JSON document. InvalidArgument (naming the JSON path)
// when the document is not an object, has unknown members, or `environment` is not a
// string.
StatusOr<engine::RequestInput> RequestFromDocument(const data::Document& document);

// Parses one request from JSON text (`file` names it in messages).
StatusOr<engine::RequestInput> ParseRequest(std::string_view text, std::string file);

// One line of a file of recorded requests: the request, or why the line is not one.
struct RecordedRequest {
  std::string label;  // `file:line`
  Status error;       // not ok: `request` is unset
  engine::RequestInput request;
};

// Reads a JSON Lines file of recorded requests (`warden simulate`, `warden impact`): each
// line is a request, or a decision-log record whose `request` member is the request.
// Errors: the file cannot be read, or is not JSON Lines; a line that is not a request is
// an entry with its error (`file:line:column: reason`).
StatusOr<std::vector<RecordedRequest>> ReadRecordedRequests(const std::string& file,
                                                            const data::ReadLimits& limits);

}  // namespace warden::service
