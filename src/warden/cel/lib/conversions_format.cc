#include "warden/cel/lib/conversions_format.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <system_error>

namespace warden::cel {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[idx]) return false;
  }
  return true;
}

// Magnitude of an unsigned run of decimal digits; false on overflow of uint64.
bool DigitsToUint64(std::string_view digits, uint64_t& out) {
  if (digits.empty()) return false;
  uint64_t value = 0;
  for (char c : digits) {
    if (!IsDigit(c)) return false;
    const auto digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

bool AllDigits(std::string_view digits) {
  if (digits.empty()) return false;
  for (char c : digits) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Checks the decimal float grammar digits [. digits] [e [+-] digits] (at least one
// mantissa digit) and estimates the decimal exponent of the leading non-zero digit, to
// tell overflow from underflow when the value is out of a double's range.
bool ScanDecimal(std::string_view text, int64_t& leading_exponent) {
  size_t pos = 0;
  size_t mantissa_digits = 0;
  int64_t integer_digits = 0;         // significant integer digits (after leading zeros)
  int64_t leading_zero_fraction = 0;  // zeros after '.' before the first non-zero digit
  bool seen_nonzero = false;
  while (pos < text.size() && IsDigit(text[pos])) {
    if (text[pos] != '0') seen_nonzero = true;
    if (seen_nonzero) ++integer_digits;
    ++pos;
    ++mantissa_digits;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (text[pos] != '0') seen_nonzero = true;
      if (!seen_nonzero) ++leading_zero_fraction;
      ++pos;
      ++mantissa_digits;
    }
  }
  if (mantissa_digits == 0) return false;
  int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
    if (pos == text.size()) return false;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[pos] - '0');  // saturate
      ++pos;
    }
    if (negative) exponent = -exponent;
  }
  if (pos != text.size()) return false;
  leading_exponent =
      (integer_digits > 0 ? integer_digits - 1 : -(leading_zero_fraction + 1)) + exponent;
  return true;
}

// "0x" prefix already removed: hexdigits [. hexdigits] p [+-] digits.
bool ScanHex(std::string_view text) {
  size_t pos = 0;
  size_t mantissa_digits = 0;
  while (pos < text.size() && IsHexDigit(text[pos])) {
    ++pos;
    ++mantissa_digits;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsHexDigit(text[pos])) {
      ++pos;
      ++mantissa_digits;
    }
  }
  if (mantissa_digits == 0 || pos == text.size() || (text[pos] != 'p' && text[pos] != 'P')) {
    return false;
  }
  ++pos;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  return AllDigits(text.substr(pos));
}

}  // namespace

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == 0) return std::signbit(value) ? "-0" : "0";

  // Shortest round-trip digits in scientific form: [-]d[.ddd]e(+|-)xx.
  std::array<char, 64> buffer{};
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                              std::chars_format::scientific);
  std::string_view scientific(buffer.data(), static_cast<size_t>(result.ptr - buffer.data()));
  std::string out;
  if (scientific.front() == '-') {
    out += '-';
    scientific.remove_prefix(1);
  }
  const size_t e_pos = scientific.find('e');
  std::string digits;
  for (char c : scientific.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::from_chars(scientific.data() + e_pos + (scientific[e_pos + 1] == '+' ? 2 : 1),
                  scientific.data() + scientific.size(), exponent);

  if (exponent < -4 || exponent >= 6) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
    return out;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out += digits;
    return out;
  }
  const auto integer_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    out += digits;
    out.append(integer_digits - digits.size(), '0');
  } else {
    out.append(digits, 0, integer_digits);
    out += '.';
    out.append(digits, integer_digits);
  }
  return out;
}

NumberParseStatus ParseInt64(std::string_view text, int64_t& out) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (!AllDigits(text)) return NumberParseStatus::kSyntax;
  uint64_t magnitude = 0;
  if (!DigitsToUint64(text, magnitude)) return NumberParseStatus::kRange;
  constexpr uint64_t kMaxMagnitude = uint64_t{1} << 63;
  if (negative) {
    if (magnitude > kMaxMagnitude) return NumberParseStatus::kRange;
    out = static_cast<int64_t>(0 - magnitude);
  } else {
    if (magnitude >= kMaxMagnitude) return NumberParseStatus::kRange;
    out = static_cast<int64_t>(magnitude);
  }
  return NumberParseStatus::kOk;
}

NumberParseStatus ParseUint64(std::string_view text, uint64_t& out) {
  if (!AllDigits(text)) return NumberParseStatus::kSyntax;
  if (!DigitsToUint64(text, out)) return NumberParseStatus::kRange;
  return NumberParseStatus::kOk;
}

NumberParseStatus ParseDouble(std::string_view text, double& out) {
  if (EqualsIgnoreCase(text, "nan")) {
    out = std::nan("");
    return NumberParseStatus::kOk;
  }
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (EqualsIgnoreCase(text, "inf") || EqualsIgnoreCase(text, "infinity")) {
    out = negative ? -HUGE_VAL : HUGE_VAL;
    return NumberParseStatus::kOk;
  }
  double magnitude = 0;
  std::from_chars_result result{};
  int64_t leading_exponent = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    if (!ScanHex(text)) return NumberParseStatus::kSyntax;
    result =
        std::from_chars(text.data(), text.data() + text.size(), magnitude, std::chars_format::hex);
    // Out of range: a negative binary exponent means underflow, otherwise overflow.
    leading_exponent = text[text.find_first_of("pP") + 1] == '-' ? -1 : 1;
  } else {
    if (!ScanDecimal(text, leading_exponent)) return NumberParseStatus::kSyntax;
    result = std::from_chars(text.data(), text.data() + text.size(), magnitude,
                             std::chars_format::general);
  }
  if (result.ec == std::errc::result_out_of_range) {
    if (leading_exponent >= 0) return NumberParseStatus::kRange;
    magnitude = 0;  // underflow: Go rounds to zero without an error
  } else if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return NumberParseStatus::kSyntax;
  }
  out = negative ? -magnitude : magnitude;
  return NumberParseStatus::kOk;
}

std::optional<bool> ParseBool(std::string_view text) {
  if (text == "1" || text == "t" || text == "T" || text == "TRUE" || text == "true" ||
      text == "True") {
    return true;
  }
  if (text == "0" || text == "f" || text == "F" || text == "FALSE" || text == "false" ||
      text == "False") {
    return false;
  }
  return std::nullopt;
}

}  // namespace warden::cel
