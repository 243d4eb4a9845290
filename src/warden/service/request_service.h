#pragma once
// Requests as JSON: `{"subject", "action", "resource", "context", "environment"}`.

#include <string>
#include <string_view>

#include "warden/base/status.h"
#include "warden/data/node.h"
#include "warden/engine/input.h"

namespace warden::service {

// Makes a request from a parsed JSON document. InvalidArgument (naming the JSON path)
// when the document is not an object, has unknown members, or `environment` is not a
// string.
StatusOr<engine::RequestInput> RequestFromDocument(const data::Document& document);

// Parses one request from JSON text (`file` names it in messages).
StatusOr<engine::RequestInput> ParseRequest(std::string_view text, std::string file);

}  // namespace warden::service
