#pragma once
// Civil-time arithmetic for CEL timestamps and durations: the proleptic Gregorian
// calendar (days <-> year/month/day, after Howard Hinnant's public-domain algorithms),
// the value ranges cel-spec allows, and overflow-checked timestamp/duration arithmetic.
//
// No libc time functions are used (localtime/timegm are not thread-safe everywhere and
// have platform-dependent ranges); everything here is pure integer arithmetic, valid for
// any year representable in int64 days, and safe to call from any thread.
//
// Ranges (cel-spec "Overflow"):
//  * timestamps: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z, the values
//    RFC 3339 can spell;
//  * durations: one int64 count of nanoseconds, about +-292 years (as cel-go's
//    time.Duration). The conformance suite requires this narrower range: the difference
//    of the extreme timestamps (~10,000 years) must be a "duration overflow" error.

#include <cstdint>
#include <optional>

#include "warden/cel/common/value.h"

namespace warden::cel {

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kSecondsPerDay = 86'400;
// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the Unix epoch.
inline constexpr int64_t kMinTimestampSeconds = -62'135'596'800;
inline constexpr int64_t kMaxTimestampSeconds = 253'402'300'799;

// Floor division and the matching non-negative remainder (b > 0).
constexpr int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0 && a < 0) ? 1 : 0); }
constexpr int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

constexpr bool IsLeapYear(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// Days in `month` (1..12) of `year`.
int DaysInMonth(int64_t year, int month);

// Days since 1970-01-01 of the civil date (month 1..12, day 1..31; not validated).
int64_t DaysFromCivil(int64_t year, int month, int day);

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// The civil date of a day count since 1970-01-01.
CivilDate CivilFromDays(int64_t days);

// A broken-down local time, as the timestamp accessors report it.
struct CivilTime {
  int64_t year = 1970;
  int month = 1;        // 1..12
  int day = 1;          // 1..31
  int hour = 0;         // 0..23
  int minute = 0;       // 0..59
  int second = 0;       // 0..59
  int day_of_year = 0;  // 0-based: 0..365
  int weekday = 4;      // 0 = Sunday .. 6 = Saturday
};

// Breaks down `local_seconds` (seconds since 1970-01-01T00:00:00 in some local time).
CivilTime CivilFromSeconds(int64_t local_seconds);

// Whether a timestamp value's seconds lie in the CEL range (nanos are always valid).
constexpr bool IsValidTimestampSeconds(int64_t seconds) {
  return seconds >= kMinTimestampSeconds && seconds <= kMaxTimestampSeconds;
}

// The total nanoseconds of a duration value, or nullopt beyond int64.
std::optional<int64_t> DurationNanos(const Value& duration);

// A duration value of `nanos` nanoseconds (seconds and nanos share the sign).
Value DurationFromNanos(int64_t nanos);

// timestamp + nanos; nullopt when the result leaves the timestamp range.
std::optional<Value> AddToTimestamp(const Value& timestamp, int64_t nanos);

// a - b for two timestamps; nullopt when the difference exceeds the duration range.
std::optional<Value> SubtractTimestamps(const Value& a, const Value& b);

}  // namespace warden::cel
