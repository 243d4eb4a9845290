#pragma once
// Helpers for the data/ tests only (no library code includes this).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "warden/base/source_location.h"
#include "warden/base/status.h"
#include "warden/data/node.h"

namespace warden {

inline void PrintTo(const SourcePosition& position, std::ostream* out) {
  *out << position.line << ":" << position.column;
}

inline void PrintTo(const Status& status, std::ostream* out) {
  *out << StatusCodeName(status.code()) << ": " << status.message();
}

namespace data::testing {

inline SourcePosition Pos(uint32_t line, uint32_t column) { return {line, column}; }

// The value at a map key; fails the test (and returns a null node) when absent.
inline const Node& At(const Node& map, std::string_view key) {
  static const Node kMissing;
  const Node* found = map.Find(key);
  EXPECT_NE(found, nullptr) << "missing key " << key;
  return found == nullptr ? kMissing : *found;
}

// The position at which a map stores `key`.
inline SourcePosition KeyPosition(const Node& map, std::string_view key) {
  for (const MapEntry& entry : map.entries()) {
    if (entry.key() == key) return map.key_position(entry);
  }
  ADD_FAILURE() << "missing key " << key;
  return {};
}

// Matches a Status message that starts with `file:line:column: ` and contains `fragment`.
MATCHER_P3(ErrorAt, location, code, fragment, "") {
  const Status& status = arg;
  *result_listener << "status is " << StatusCodeName(status.code()) << ": " << status.message();
  return status.code() == code && status.message().rfind(std::string(location) + ": ", 0) == 0 &&
         status.message().find(fragment) != std::string::npos;
}

}  // namespace data::testing
}  // namespace warden
