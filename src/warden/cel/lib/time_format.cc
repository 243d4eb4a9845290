#include "warden/cel/lib/time_format.h"

#include <array>
#include <cstddef>

#include "warden/cel/lib/time_civil.h"

namespace warden::cel {

namespace {

__extension__ typedef unsigned __int128 Uint128;  // GCC/Clang builtin; -Wpedantic-safe

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `pos` into `out`, advancing `pos`.
bool ReadDigits(std::string_view text, size_t& pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t idx = 0; idx < count; ++idx) {
    char c = text[pos + idx];
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  pos += count;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char lower, char upper) {
  if (pos >= text.size() || (text[pos] != lower && text[pos] != upper)) return false;
  ++pos;
  return true;
}

void AppendPadded(std::string& out, int64_t value, int width) {
  std::array<char, 20> digits{};
  int count = 0;
  do {
    digits[static_cast<size_t>(count++)] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int pad = count; pad < width; ++pad) out += '0';
  while (count > 0) out += digits[static_cast<size_t>(--count)];
}

// Appends "." and the nanos with trailing zeros removed; nothing when nanos is 0.
void AppendFraction(std::string& out, int64_t nanos) {
  if (nanos == 0) return;
  int width = 9;
  while (nanos % 10 == 0) {
    nanos /= 10;
    --width;
  }
  out += '.';
  AppendPadded(out, nanos, width);
}

}  // namespace

TimeParseStatus ParseTimestamp(std::string_view text, int64_t& seconds, int32_t& nanos) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, pos, 4, year) || !Expect(text, pos, '-', '-') ||
      !ReadDigits(text, pos, 2, month) || !Expect(text, pos, '-', '-') ||
      !ReadDigits(text, pos, 2, day) || !Expect(text, pos, 't', 'T') ||
      !ReadDigits(text, pos, 2, hour) || !Expect(text, pos, ':', ':') ||
      !ReadDigits(text, pos, 2, minute) || !Expect(text, pos, ':', ':') ||
      !ReadDigits(text, pos, 2, second)) {
    return TimeParseStatus::kSyntax;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 59) {
    return TimeParseStatus::kSyntax;
  }
  int64_t fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digit_count = 0;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (++digit_count > 9) return TimeParseStatus::kSyntax;
      fraction = fraction * 10 + (text[pos++] - '0');
    }
    if (digit_count == 0) return TimeParseStatus::kSyntax;
    for (int pad = digit_count; pad < 9; ++pad) fraction *= 10;
  }
  int64_t offset_seconds = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const bool negative = text[pos++] == '-';
    int offset_hours = 0, offset_minutes = 0;
    if (!ReadDigits(text, pos, 2, offset_hours) || !Expect(text, pos, ':', ':') ||
        !ReadDigits(text, pos, 2, offset_minutes) || offset_hours > 23 || offset_minutes > 59) {
      return TimeParseStatus::kSyntax;
    }
    offset_seconds = (int64_t{offset_hours} * 3600 + offset_minutes * 60) * (negative ? -1 : 1);
  } else {
    return TimeParseStatus::kSyntax;
  }
  if (pos != text.size()) return TimeParseStatus::kSyntax;

  const int64_t local = DaysFromCivil(year, month, day) * kSecondsPerDay + int64_t{hour} * 3600 +
                        int64_t{minute} * 60 + second;
  const int64_t utc = local - offset_seconds;
  if (!IsValidTimestampSeconds(utc)) return TimeParseStatus::kRange;
  seconds = utc;
  nanos = static_cast<int32_t>(fraction);
  return TimeParseStatus::kOk;
}

std::string FormatTimestamp(int64_t seconds, int32_t nanos) {
  const CivilTime time = CivilFromSeconds(seconds);
  std::string out;
  out.reserve(32);
  AppendPadded(out, time.year, 4);
  out += '-';
  AppendPadded(out, time.month, 2);
  out += '-';
  AppendPadded(out, time.day, 2);
  out += 'T';
  AppendPadded(out, time.hour, 2);
  out += ':';
  AppendPadded(out, time.minute, 2);
  out += ':';
  AppendPadded(out, time.second, 2);
  AppendFraction(out, nanos);
  out += 'Z';
  return out;
}

namespace {

// Nanoseconds per unit for the unit text at the start of `text` (the maximal run of
// characters that are neither digits nor '.'); 0 when unknown.
uint64_t UnitNanos(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\u00b5s" || unit == "\u03bcs") return 1'000;
  if (unit == "ms") return 1'000'000;
  if (unit == "s") return 1'000'000'000;
  if (unit == "m") return 60'000'000'000;
  if (unit == "h") return 3'600'000'000'000;
  return 0;
}

}  // namespace

TimeParseStatus ParseDuration(std::string_view text, int64_t& nanos) {
  constexpr uint64_t kLimit = uint64_t{1} << 63;  // magnitude of INT64_MIN
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  if (text.substr(pos) == "0") {
    nanos = 0;
    return TimeParseStatus::kOk;
  }
  if (pos == text.size()) return TimeParseStatus::kSyntax;

  uint64_t total = 0;
  while (pos < text.size()) {
    if (!(IsDigit(text[pos]) || text[pos] == '.')) return TimeParseStatus::kSyntax;
    // Integer part: any overflow is a range error once the unit is known to be valid.
    uint64_t whole = 0;
    bool whole_overflow = false;
    const size_t whole_start = pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      const auto digit = static_cast<uint64_t>(text[pos++] - '0');
      if (whole > (kLimit - digit) / 10) whole_overflow = true;
      if (!whole_overflow) whole = whole * 10 + digit;
    }
    bool has_digits = pos > whole_start;
    // Fraction: keep the first 18 digits exactly; later digits are below 1e-18 of a unit
    // (at most 3.6e-6 ns for hours) and cannot change the truncated result.
    uint64_t fraction = 0;
    uint64_t scale = 1;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      const size_t fraction_start = pos;
      while (pos < text.size() && IsDigit(text[pos])) {
        if (pos - fraction_start < 18) {
          fraction = fraction * 10 + static_cast<uint64_t>(text[pos] - '0');
          scale *= 10;
        }
        ++pos;
      }
      has_digits = has_digits || pos > fraction_start;
    }
    if (!has_digits) return TimeParseStatus::kSyntax;
    const size_t unit_start = pos;
    while (pos < text.size() && !IsDigit(text[pos]) && text[pos] != '.') ++pos;
    const uint64_t unit = UnitNanos(text.substr(unit_start, pos - unit_start));
    if (unit == 0) return TimeParseStatus::kSyntax;
    if (whole_overflow || whole > kLimit / unit) return TimeParseStatus::kRange;
    Uint128 value =
        static_cast<Uint128>(whole) * unit + static_cast<Uint128>(fraction) * unit / scale;
    value += total;
    if (value > kLimit) return TimeParseStatus::kRange;
    total = static_cast<uint64_t>(value);
  }
  if (!negative && total == kLimit) return TimeParseStatus::kRange;
  nanos = negative ? static_cast<int64_t>(0 - total) : static_cast<int64_t>(total);
  return TimeParseStatus::kOk;
}

std::string FormatDuration(int64_t nanos) {
  std::string out;
  uint64_t magnitude = static_cast<uint64_t>(nanos);
  if (nanos < 0) {
    out += '-';
    magnitude = 0 - magnitude;
  }
  const auto per_second = static_cast<uint64_t>(kNanosPerSecond);
  AppendPadded(out, static_cast<int64_t>(magnitude / per_second), 1);
  AppendFraction(out, static_cast<int64_t>(magnitude % per_second));
  out += 's';
  return out;
}

}  // namespace warden::cel
