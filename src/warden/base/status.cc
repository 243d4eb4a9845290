#include "warden/base/status.h"

namespace warden {

Status Status::Located(StatusCode code, SourceLocation location, std::string reason) {
  Status status(code, location.ToString() + ": " + reason);
  status.has_location_ = true;
  status.location_ = std::move(location);
  status.reason_ = std::move(reason);
  return status;
}

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kResourceExhausted:
      return "resource exhausted";
    case StatusCode::kFailedPrecondition:
      return "failed precondition";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

}  // namespace warden
