#pragma once
// TimeZone: the UTC offset of a named time zone at any instant, for the timestamp
// accessors that take a zone (`ts.getHours("Europe/Paris")`).
//
// cel-spec's grammar: TimeZone = "UTC" | LongTZ | FixedTZ, where FixedTZ is
// ("+" | "-") hh ":" mm. Warden accepts, like cel-go:
//  * "UTC";
//  * fixed offsets [+-]h[h]:mm, hours 0..23, minutes 00..59; the sign is optional
//    ("02:00" means +02:00) and "-00:00" is UTC;
//  * IANA names ("America/Los_Angeles", "US/Central", "CET"), read from the system's
//    tz database: TZif files (versions 1 to 4, RFC 8536) under the directory named by
//    the TZDIR environment variable, else /usr/share/zoneinfo. Transitions are looked up
//    by binary search; instants after the last transition follow the file's POSIX TZ
//    footer rule (time_posix_tz.h). Files with leap-second records ("right/...") are
//    rejected.
// Names are validated before any file access: only [A-Za-z0-9_+-/] (so no "." and no
// ".."), no leading "/", no empty path component, at most 255 bytes; and the file must
// resolve (after symbolic links) to a regular file inside the zoneinfo directory.
//
// Loading reads a file, so it happens once per zone: a TimeZoneDatabase caches every
// zone it has loaded for its whole lifetime (the set of valid names is finite) and up to
// kMaxCachedFailures failed names. Loaded zones are immutable; all methods are
// thread-safe.

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/base/status.h"
#include "warden/cel/lib/time_posix_tz.h"

namespace warden::cel {

class TimeZone {
 public:
  // The zone named `name` from the process-wide database (TimeZoneDatabase::Default()).
  // The pointer stays valid for the life of the process. Errors: InvalidArgument for a
  // malformed name or offset, NotFound for an unknown zone, Unavailable/InvalidArgument
  // for an unreadable or corrupt TZif file.
  static StatusOr<const TimeZone*> Load(std::string_view name);

  // UTC (a static object).
  static const TimeZone& Utc();

  // A zone with a constant offset (seconds east of UTC).
  static std::unique_ptr<TimeZone> Fixed(std::string name, int32_t offset_seconds);

  // A zone from the contents of a TZif file. Errors: InvalidArgument naming the defect.
  static StatusOr<std::unique_ptr<TimeZone>> FromTzif(std::string name, std::string_view data);

  // Offset from UTC, in seconds east, in effect at `unix_seconds`.
  int32_t OffsetAt(int64_t unix_seconds) const;

  const std::string& name() const { return name_; }

 private:
  explicit TimeZone(std::string name) : name_(std::move(name)) {}

  std::string name_;
  int32_t initial_offset_ = 0;               // before the first transition (time type 0)
  std::vector<int64_t> transition_times_;    // ascending, seconds since the Unix epoch
  std::vector<int32_t> transition_offsets_;  // offset from transition_times_[i] on
  std::optional<PosixTimeZone> footer_;      // after the last transition, when present
};

// Parses a fixed offset "[+-]h[h]:mm" into seconds east of UTC; nullopt when malformed.
std::optional<int32_t> ParseFixedOffset(std::string_view text);

// Whether `name` is syntactically acceptable as a tz database name (see above).
bool IsValidZoneName(std::string_view name);

// A tz database directory and the zones loaded from it.
class TimeZoneDatabase {
 public:
  static constexpr size_t kMaxCachedFailures = 256;
  static constexpr size_t kMaxTzifBytes = size_t{1} << 20;

  explicit TimeZoneDatabase(std::string zoneinfo_dir);
  TimeZoneDatabase(const TimeZoneDatabase&) = delete;
  TimeZoneDatabase& operator=(const TimeZoneDatabase&) = delete;

  // The process-wide database: $TZDIR when set and non-empty, else /usr/share/zoneinfo
  // (read once, at first use).
  static TimeZoneDatabase& Default();

  // The zone for `name` ("UTC", a fixed offset or an IANA name); errors as
  // TimeZone::Load. The pointer stays valid while the database lives.
  StatusOr<const TimeZone*> Load(std::string_view name);

  const std::string& directory() const { return dir_; }

 private:
  StatusOr<std::unique_ptr<TimeZone>> Read(const std::string& name) const;

  std::string dir_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<const TimeZone>> zones_;
  std::unordered_map<std::string, Status> failures_;
};

}  // namespace warden::cel
