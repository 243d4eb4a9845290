#pragma once
// Status and StatusOr: the channel for infrastructure failures (I/O, limits, malformed
// input files). Warden's own code does not throw; functions that can fail return one of
// these. A user's mistake inside a policy is reported as a Diagnostic instead.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "warden/base/source_location.h"

namespace warden {

enum class StatusCode {
  kOk,
  kInvalidArgument,    // malformed input: a parse error, a bad value
  kNotFound,           // a file or object that does not exist
  kResourceExhausted,  // a configured limit was exceeded
  kFailedPrecondition,
  kUnavailable,  // an I/O or service failure
  kInternal,     // a bug; should never reach a user
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  // A failure at one place of an input (the readers' errors): the message reads
  // `file:line:column: reason` (`file: reason` when the position is unknown), and
  // location() and reason() give its parts, so callers need not parse the text.
  static Status Located(StatusCode code, SourceLocation location, std::string reason);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Set for Located statuses only.
  bool has_location() const { return has_location_; }
  const SourceLocation& location() const { return location_; }
  // The message without its location (the whole message when there is none).
  const std::string& reason() const { return has_location_ ? reason_ : message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  bool has_location_ = false;
  SourceLocation location_;
  std::string reason_;
};

inline Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status ResourceExhausted(std::string message) {
  return Status(StatusCode::kResourceExhausted, std::move(message));
}
inline Status Unavailable(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value)
      : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor): ergonomic returns
  StatusOr(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(state_).ok() && "StatusOr needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace warden
