#pragma once
// PosixTimeZone: a time-zone rule in the POSIX TZ string syntax, as TZif files carry it
// in their footer to describe local time after the last listed transition (RFC 8536
// section 3.3), e.g. "PST8PDT,M3.2.0,M11.1.0" or "<+0545>-5:45".
//
//   std offset [dst [offset] [,start[/time],end[/time]]]
//
// Names are three or more letters or <...>-quoted; offsets are [+-]hh[:mm[:ss]] west of
// UTC (so "PST8" is UTC-8); rules are Jn (1..365, February 29 never counted), n (0..365)
// or Mm.w.d (week w of month m, day d with 0 = Sunday, w = 5 meaning the last); rule
// times default to 02:00:00 and may be negative or exceed 24 hours (RFC 8536 version 3).
// A DST name without rules uses the US rules M3.2.0,M11.1.0, as tzcode does.
//
// Immutable after Parse; OffsetAt is thread-safe.

#include <cstdint>
#include <optional>
#include <string_view>

namespace warden::cel {

class PosixTimeZone {
 public:
  // nullopt when `spec` is not a valid TZ string.
  static std::optional<PosixTimeZone> Parse(std::string_view spec);

  // Offset from UTC, in seconds east, in effect at `unix_seconds`.
  int32_t OffsetAt(int64_t unix_seconds) const;

  int32_t std_offset() const { return std_offset_; }
  bool has_dst() const { return has_dst_; }

 private:
  struct Rule {
    enum class Kind { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay };
    Kind kind = Kind::kMonthWeekDay;
    int day = 0;          // Jn: 1..365; n: 0..365; Mm.w.d: d (0..6)
    int month = 0;        // Mm.w.d only
    int week = 0;         // Mm.w.d only
    int32_t time = 7200;  // seconds after local midnight
  };

  // Local seconds since the epoch (in the zone's local time before the transition) at
  // which `rule` fires in `year`.
  static int64_t TransitionLocalSeconds(const Rule& rule, int64_t year);

  int32_t std_offset_ = 0;  // seconds east of UTC
  int32_t dst_offset_ = 0;
  bool has_dst_ = false;
  Rule start_;
  Rule end_;
};

}  // namespace warden::cel
