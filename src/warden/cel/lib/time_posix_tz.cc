#include "warden/cel/lib/time_posix_tz.h"

#include <cstddef>

#include "warden/cel/lib/time_civil.h"

namespace warden::cel {

namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // A zone abbreviation: 3+ letters, or <...> with 3+ of [A-Za-z0-9+-].
  bool Name() {
    if (Consume('<')) {
      size_t count = 0;
      while (!done() && peek() != '>') {
        char c = peek();
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '+' || c == '-';
        if (!ok) return false;
        ++pos_;
        ++count;
      }
      return Consume('>') && count >= 3;
    }
    size_t count = 0;
    while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) {
      ++pos_;
      ++count;
    }
    return count >= 3;
  }

  // An unsigned decimal number in [min, max].
  bool Number(int min, int max, int& out) {
    if (!(peek() >= '0' && peek() <= '9')) return false;
    int value = 0;
    while (peek() >= '0' && peek() <= '9') {
      value = value * 10 + (text_[pos_++] - '0');
      if (value > max) return false;
    }
    if (value < min) return false;
    out = value;
    return true;
  }

  // [+-]hh[:mm[:ss]] with hours up to `max_hours`; the value in seconds.
  bool SignedHms(int max_hours, int32_t& out) {
    int sign = 1;
    if (Consume('-')) {
      sign = -1;
    } else {
      Consume('+');
    }
    int hours = 0, minutes = 0, seconds = 0;
    if (!Number(0, max_hours, hours)) return false;
    if (Consume(':')) {
      if (!Number(0, 59, minutes)) return false;
      if (Consume(':') && !Number(0, 59, seconds)) return false;
    }
    out = sign * (hours * 3600 + minutes * 60 + seconds);
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<PosixTimeZone> PosixTimeZone::Parse(std::string_view spec) {
  Cursor cursor(spec);
  PosixTimeZone zone;
  int32_t west = 0;
  if (!cursor.Name() || !cursor.SignedHms(24, west)) return std::nullopt;
  zone.std_offset_ = -west;
  if (cursor.done()) return zone;

  if (!cursor.Name()) return std::nullopt;
  zone.has_dst_ = true;
  zone.dst_offset_ = zone.std_offset_ + 3600;
  if (cursor.peek() != ',' && !cursor.done()) {
    if (!cursor.SignedHms(24, west)) return std::nullopt;
    zone.dst_offset_ = -west;
  }
  if (cursor.done()) {
    zone.start_ = Rule{Rule::Kind::kMonthWeekDay, 0, 3, 2, 7200};
    zone.end_ = Rule{Rule::Kind::kMonthWeekDay, 0, 11, 1, 7200};
    return zone;
  }
  auto parse_rule = [&cursor](Rule& rule) {
    if (!cursor.Consume(',')) return false;
    if (cursor.Consume('J')) {
      rule.kind = Rule::Kind::kJulianNoLeap;
      if (!cursor.Number(1, 365, rule.day)) return false;
    } else if (cursor.Consume('M')) {
      rule.kind = Rule::Kind::kMonthWeekDay;
      if (!cursor.Number(1, 12, rule.month) || !cursor.Consume('.') ||
          !cursor.Number(1, 5, rule.week) || !cursor.Consume('.') ||
          !cursor.Number(0, 6, rule.day)) {
        return false;
      }
    } else {
      rule.kind = Rule::Kind::kZeroBasedDay;
      if (!cursor.Number(0, 365, rule.day)) return false;
    }
    rule.time = 7200;
    if (cursor.Consume('/')) return cursor.SignedHms(167, rule.time);
    return true;
  };
  if (!parse_rule(zone.start_) || !parse_rule(zone.end_) || !cursor.done()) return std::nullopt;
  return zone;
}

int64_t PosixTimeZone::TransitionLocalSeconds(const Rule& rule, int64_t year) {
  const int64_t jan1 = DaysFromCivil(year, 1, 1);
  int64_t day = jan1;
  switch (rule.kind) {
    case Rule::Kind::kJulianNoLeap:
      day = jan1 + rule.day - 1 + ((IsLeapYear(year) && rule.day >= 60) ? 1 : 0);
      break;
    case Rule::Kind::kZeroBasedDay:
      day = jan1 + rule.day;
      break;
    case Rule::Kind::kMonthWeekDay: {
      const int64_t first = DaysFromCivil(year, rule.month, 1);
      const int64_t first_weekday = FloorMod(first + 4, 7);
      day = first + FloorMod(rule.day - first_weekday, 7) + int64_t{7} * (rule.week - 1);
      const int64_t month_end = first + DaysInMonth(year, rule.month);
      while (day >= month_end) day -= 7;  // week 5 means the last such weekday
      break;
    }
  }
  return day * kSecondsPerDay + rule.time;
}

int32_t PosixTimeZone::OffsetAt(int64_t unix_seconds) const {
  if (!has_dst_) return std_offset_;
  const int64_t year = CivilFromSeconds(unix_seconds + std_offset_).year;
  // The start fires in standard time, the end in daylight time.
  const int64_t start = TransitionLocalSeconds(start_, year) - std_offset_;
  const int64_t end = TransitionLocalSeconds(end_, year) - dst_offset_;
  bool in_dst = false;
  if (start < end) {
    in_dst = unix_seconds >= start && unix_seconds < end;
  } else {  // southern hemisphere: daylight time spans the turn of the year
    in_dst = !(unix_seconds >= end && unix_seconds < start);
  }
  return in_dst ? dst_offset_ : std_offset_;
}

}  // namespace warden::cel
