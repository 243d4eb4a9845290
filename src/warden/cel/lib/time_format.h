#pragma once
// Text forms of CEL timestamps and durations, as `timestamp(string)`,
// `duration(string)` and `string(...)` use them.
//
// Timestamps are RFC 3339 (the form cel-go accepts through Go's time.RFC3339 layout):
//   YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
// with a four-digit year, 1 to 9 fractional digits, seconds 00..59 (no leap second) and
// an offset of at most 23:59. `T` and `Z` may be lower case, as RFC 3339 section 5.6
// permits (Go insists on upper case; accepting both loses nothing). Formatting always
// writes UTC with `Z` and the fewest fractional digits that keep the value exact (Go's
// time.RFC3339Nano): "2009-02-13T23:31:30Z", "2009-02-13T23:31:30.5Z".
//
// Durations use Go's time.ParseDuration syntax: an optional sign, then one or more
// decimal numbers each followed by a unit (ns, us, µs, μs, ms, s, m, h), e.g. "1h2m3.5s",
// "-1.5s", "300ms"; "0" alone is allowed without a unit. The total must fit int64
// nanoseconds. Fractions are converted exactly, truncating below one nanosecond (Go goes
// through a float64 and can differ by a nanosecond in rare cases). Formatting gives
// decimal seconds with the fewest fractional digits: "1.5s", "-0.000000001s", "0s".
//
// All functions are pure and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace warden::cel {

enum class TimeParseStatus {
  kOk,
  kSyntax,  // not in the accepted syntax (or an invalid date such as February 30)
  kRange,   // well-formed but outside the CEL range
};

// Parses an RFC 3339 timestamp into seconds since the Unix epoch and nanos [0, 1e9).
// kRange when the instant lies outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z.
TimeParseStatus ParseTimestamp(std::string_view text, int64_t& seconds, int32_t& nanos);

// RFC 3339 in UTC; `seconds` must lie in the CEL timestamp range, nanos in [0, 1e9).
std::string FormatTimestamp(int64_t seconds, int32_t nanos);

// Parses a Go-style duration into total nanoseconds. kRange on int64 overflow.
TimeParseStatus ParseDuration(std::string_view text, int64_t& nanos);

// Decimal seconds with a trailing "s" (the protobuf JSON form).
std::string FormatDuration(int64_t nanos);

}  // namespace warden::cel
