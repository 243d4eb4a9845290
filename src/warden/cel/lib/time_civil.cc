#include "warden/cel/lib/time_civil.h"

namespace warden::cel {

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// Hinnant's days_from_civil: years are counted from March so that the leap day is the
// last day of the (shifted) year; eras are 400-year cycles of 146097 days.
int64_t DaysFromCivil(int64_t year, int month, int day) {
  const int64_t shifted_year = month <= 2 ? year - 1 : year;
  const int64_t era = FloorDiv(shifted_year, 400);
  const int64_t year_of_era = shifted_year - era * 400;               // [0, 399]
  const int64_t month_index = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const int64_t day_of_year = (153 * month_index + 2) / 5 + day - 1;  // [0, 365]
  const int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  const int64_t shifted = days + 719468;
  const int64_t era = FloorDiv(shifted, 146097);
  const int64_t day_of_era = shifted - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const int64_t month_index = (5 * day_of_year + 2) / 153;                     // [0, 11]
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  date.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

CivilTime CivilFromSeconds(int64_t local_seconds) {
  const int64_t days = FloorDiv(local_seconds, kSecondsPerDay);
  const int64_t second_of_day = local_seconds - days * kSecondsPerDay;
  const CivilDate date = CivilFromDays(days);
  CivilTime time;
  time.year = date.year;
  time.month = date.month;
  time.day = date.day;
  time.hour = static_cast<int>(second_of_day / 3600);
  time.minute = static_cast<int>(second_of_day / 60 % 60);
  time.second = static_cast<int>(second_of_day % 60);
  time.day_of_year = static_cast<int>(days - DaysFromCivil(date.year, 1, 1));
  time.weekday = static_cast<int>(FloorMod(days + 4, 7));  // 1970-01-01 was a Thursday
  return time;
}

std::optional<int64_t> DurationNanos(const Value& duration) {
  int64_t scaled = 0;
  int64_t total = 0;
  if (__builtin_mul_overflow(duration.seconds(), kNanosPerSecond, &scaled) ||
      __builtin_add_overflow(scaled, static_cast<int64_t>(duration.nanos()), &total)) {
    return std::nullopt;
  }
  return total;
}

Value DurationFromNanos(int64_t nanos) {
  // C++ division truncates toward zero, so seconds and nanos share the sign.
  return Value::Duration(nanos / kNanosPerSecond, static_cast<int32_t>(nanos % kNanosPerSecond));
}

std::optional<Value> AddToTimestamp(const Value& timestamp, int64_t nanos) {
  int64_t seconds = 0;
  if (__builtin_add_overflow(timestamp.seconds(), nanos / kNanosPerSecond, &seconds)) {
    return std::nullopt;
  }
  int64_t sub_second = timestamp.nanos() + nanos % kNanosPerSecond;  // (-1e9, 2e9)
  if (!IsValidTimestampSeconds(seconds)) return std::nullopt;        // also keeps +-1 in range
  if (sub_second < 0) {
    sub_second += kNanosPerSecond;
    seconds -= 1;
  } else if (sub_second >= kNanosPerSecond) {
    sub_second -= kNanosPerSecond;
    seconds += 1;
  }
  if (!IsValidTimestampSeconds(seconds)) return std::nullopt;
  return Value::Timestamp(seconds, static_cast<int32_t>(sub_second));
}

std::optional<Value> SubtractTimestamps(const Value& a, const Value& b) {
  int64_t seconds = 0;
  int64_t scaled = 0;
  int64_t total = 0;
  if (__builtin_sub_overflow(a.seconds(), b.seconds(), &seconds) ||
      __builtin_mul_overflow(seconds, kNanosPerSecond, &scaled) ||
      __builtin_add_overflow(scaled, static_cast<int64_t>(a.nanos()) - b.nanos(), &total)) {
    return std::nullopt;
  }
  return DurationFromNanos(total);
}

}  // namespace warden::cel
