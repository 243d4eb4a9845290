#include "warden/cel/lib/ext_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "warden/cel/lib/ext_strings_util.h"
#include "warden/cel/lib/ext_support.h"

namespace warden::cel::ext {

namespace {

// Enough for any double in fixed notation (309 integer digits) with kFormatMaxPrecision
// fractional digits, or the shortest round-trip form of the smallest subnormal.
constexpr size_t kDoubleBufferSize = 320 + kFormatMaxPrecision + 16;

template <typename Int>
void AppendInteger(std::string& out, Int value, int base = 10, bool upper = false) {
  std::array<char, 72> buffer{};
  auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, base);
  if (upper)
    std::transform(buffer.data(), end, buffer.data(), [](char c) {
      return (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
    });
  out.append(buffer.data(), end);
}

// Appends `value` zero-padded to `width` digits (value >= 0).
void AppendPadded(std::string& out, uint64_t value, size_t width) {
  std::array<char, 24> buffer{};
  auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  size_t digits = static_cast<size_t>(end - buffer.data());
  if (digits < width) out.append(width - digits, '0');
  out.append(buffer.data(), end);
}

// NaN and the infinities as CEL spells them; returns false for finite values.
bool AppendSpecialDouble(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "Infinity" : "-Infinity";
  } else {
    return false;
  }
  return true;
}

// Shortest round-trip decimal without exponent (Go's strconv 'f' with precision -1).
void AppendShortestDouble(std::string& out, double value) {
  if (AppendSpecialDouble(out, value)) return;
  std::array<char, kDoubleBufferSize> buffer{};
  auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  out.append(buffer.data(), end);
}

void AppendDoubleWithPrecision(std::string& out, double value, std::chars_format format,
                               int precision) {
  if (AppendSpecialDouble(out, value)) return;
  std::array<char, kDoubleBufferSize> buffer{};
  auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format, precision);
  out.append(buffer.data(), end);
}

// ".123" for nanos 123000000: up to nine digits, trailing zeros dropped, nothing for 0.
void AppendNanos(std::string& out, uint32_t nanos) {
  if (nanos == 0) return;
  std::string digits;
  AppendPadded(digits, nanos, 9);
  digits.erase(digits.find_last_not_of('0') + 1);
  out.push_back('.');
  out += digits;
}

// RFC 3339 in UTC, as Go's time.RFC3339Nano prints it.
void AppendTimestamp(std::string& out, int64_t seconds, int32_t nanos) {
  int64_t days = seconds / 86400;
  int64_t second_of_day = seconds % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    --days;
  }
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const int64_t shifted = days + 719468;
  const int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const int64_t day_of_era = shifted - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;
  const int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0) {
    out.push_back('-');
    year = -year;
  }
  AppendPadded(out, static_cast<uint64_t>(year), 4);
  out.push_back('-');
  AppendPadded(out, static_cast<uint64_t>(month), 2);
  out.push_back('-');
  AppendPadded(out, static_cast<uint64_t>(day), 2);
  out.push_back('T');
  AppendPadded(out, static_cast<uint64_t>(second_of_day / 3600), 2);
  out.push_back(':');
  AppendPadded(out, static_cast<uint64_t>(second_of_day / 60 % 60), 2);
  out.push_back(':');
  AppendPadded(out, static_cast<uint64_t>(second_of_day % 60), 2);
  AppendNanos(out, static_cast<uint32_t>(nanos));
  out.push_back('Z');
}

// Exact decimal seconds: "6347s", "1.5s", "-0.000000001s".
void AppendDuration(std::string& out, int64_t seconds, int32_t nanos) {
  const bool negative = seconds < 0 || nanos < 0;
  if (negative) out.push_back('-');
  const uint64_t whole =
      seconds < 0 ? 0 - static_cast<uint64_t>(seconds) : static_cast<uint64_t>(seconds);
  AppendInteger(out, whole);
  AppendNanos(out, static_cast<uint32_t>(nanos < 0 ? -static_cast<int64_t>(nanos) : nanos));
  out.push_back('s');
}

// The `%s` text of values, stopping once the output passes a byte limit (the remaining
// cost budget) so that formatting a huge document cannot run away.
class TextWriter {
 public:
  explicit TextWriter(size_t limit) : limit_(limit) {}

  // Appends the text of `value` to `out`; false on an unsupported value or the limit.
  bool Append(const Value& value, std::string& out) {
    switch (value.kind()) {
      case ValueKind::kNull:
        out += "null";
        break;
      case ValueKind::kBool:
        out += value.bool_value() ? "true" : "false";
        break;
      case ValueKind::kInt:
        AppendInteger(out, value.int_value());
        break;
      case ValueKind::kUint:
        AppendInteger(out, value.uint_value());
        break;
      case ValueKind::kDouble:
        AppendShortestDouble(out, value.double_value());
        break;
      case ValueKind::kString:
        out += value.string_view();
        break;
      case ValueKind::kBytes:
        AppendSanitizedUtf8(out, value.string_view());
        break;
      case ValueKind::kType:
        out += value.string_view();
        break;
      case ValueKind::kTimestamp:
        AppendTimestamp(out, value.seconds(), value.nanos());
        break;
      case ValueKind::kDuration:
        AppendDuration(out, value.seconds(), value.nanos());
        break;
      case ValueKind::kList:
        return AppendList(value, out);
      case ValueKind::kMap:
        return AppendMap(value, out);
      default:
        error_ =
            "string clause can only be used on strings, bools, bytes, ints, doubles, maps, "
            "lists, types, durations, and timestamps, was given `" +
            std::string(TypeNameOf(value)) + "`";
        return false;
    }
    return CheckLimit(out);
  }

  bool over_limit() const { return over_limit_; }
  const std::string& error() const { return error_; }

 private:
  bool CheckLimit(const std::string& out) {
    if (out.size() > limit_) over_limit_ = true;
    return !over_limit_;
  }

  bool AppendList(const Value& list, std::string& out) {
    out.push_back('[');
    const uint32_t count = list.list_size();
    for (uint32_t item_idx = 0; item_idx < count; ++item_idx) {
      if (item_idx > 0) out += ", ";
      if (!Append(list.list_item(item_idx), out)) return false;
    }
    out.push_back(']');
    return CheckLimit(out);
  }

  // Entries sorted by the text of their keys (stable), as cel-go prints them.
  bool AppendMap(const Value& map, std::string& out) {
    const uint32_t count = map.map_size();
    std::vector<std::pair<std::string, std::string>> entries(count);
    size_t entries_size = out.size();
    for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
      auto& [key_text, value_text] = entries[entry_idx];
      if (!Append(map.map_key(entry_idx), key_text)) return false;
      if (!Append(map.map_value(entry_idx), value_text)) return false;
      entries_size += key_text.size() + value_text.size() + 4;
      if (entries_size > limit_) {
        over_limit_ = true;
        return false;
      }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& left, const auto& right) { return left.first < right.first; });
    out.push_back('{');
    for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
      if (entry_idx > 0) out += ", ";
      out += entries[entry_idx].first;
      out += ": ";
      out += entries[entry_idx].second;
    }
    out.push_back('}');
    return CheckLimit(out);
  }

  size_t limit_;
  bool over_limit_ = false;
  std::string error_;
};

std::string KindError(std::string_view clause_message, const Value& value) {
  return std::string(clause_message) + ", was given `" + std::string(TypeNameOf(value)) + "`";
}

// Applies the non-%s verbs. Returns false with `error` set when the kind does not fit.
bool AppendNumericClause(char verb, int precision, const Value& value, std::string& out,
                         std::string& error) {
  const ValueKind kind = value.kind();
  const bool is_int = kind == ValueKind::kInt;
  const bool is_uint = kind == ValueKind::kUint;
  const bool is_double = kind == ValueKind::kDouble;
  switch (verb) {
    case 'd':
      if (is_int) {
        AppendInteger(out, value.int_value());
      } else if (is_uint) {
        AppendInteger(out, value.uint_value());
      } else if (is_double) {
        AppendShortestDouble(out, value.double_value());
      } else {
        error = KindError("decimal clause can only be used on ints, uints, and doubles", value);
        return false;
      }
      return true;
    case 'f':
    case 'e': {
      const bool fixed = verb == 'f';
      if (!is_int && !is_uint && !is_double) {
        error = KindError(fixed ? "fixed-point clause can only be used on ints, uints, and doubles"
                                : "scientific clause can only be used on ints, uints, and doubles",
                          value);
        return false;
      }
      const double number = is_int    ? static_cast<double>(value.int_value())
                            : is_uint ? static_cast<double>(value.uint_value())
                                      : value.double_value();
      AppendDoubleWithPrecision(
          out, number, fixed ? std::chars_format::fixed : std::chars_format::scientific, precision);
      return true;
    }
    case 'b':
      if (is_int) {
        AppendInteger(out, value.int_value(), 2);
      } else if (is_uint) {
        AppendInteger(out, value.uint_value(), 2);
      } else if (kind == ValueKind::kBool) {
        out.push_back(value.bool_value() ? '1' : '0');
      } else {
        error = KindError("only ints, uints, and bools can be formatted as binary", value);
        return false;
      }
      return true;
    case 'o':
      if (is_int) {
        AppendInteger(out, value.int_value(), 8);
      } else if (is_uint) {
        AppendInteger(out, value.uint_value(), 8);
      } else {
        error = KindError("octal clause can only be used on ints and uints", value);
        return false;
      }
      return true;
    default: {  // 'x', 'X'
      const bool upper = verb == 'X';
      if (is_int) {
        AppendInteger(out, value.int_value(), 16, upper);
      } else if (is_uint) {
        AppendInteger(out, value.uint_value(), 16, upper);
      } else if (kind == ValueKind::kString || kind == ValueKind::kBytes) {
        const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        for (char byte : value.string_view()) {
          const auto bits = static_cast<unsigned char>(byte);
          out.push_back(digits[bits >> 4]);
          out.push_back(digits[bits & 0xF]);
        }
      } else {
        error = KindError("only ints, uints, bytes, and strings can be formatted as hex", value);
        return false;
      }
      return true;
    }
  }
}

// Parses `[.digits]verb` at `pos` (just after the `%`), advancing `pos` past the verb.
bool ParseClause(std::string_view format, size_t& pos, int& precision, char& verb,
                 std::string& error) {
  precision = kFormatDefaultPrecision;
  if (format[pos] == '.') {
    ++pos;
    const size_t digits_begin = pos;
    while (pos < format.size() && format[pos] >= '0' && format[pos] <= '9') ++pos;
    if (pos >= format.size()) {
      error = "could not find end of precision specifier";
      return false;
    }
    std::string_view digits = format.substr(digits_begin, pos - digits_begin);
    if (digits.empty()) {
      error = "missing precision digits after `.`";
      return false;
    }
    uint64_t value = 0;
    auto [end, parse_error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (parse_error != std::errc() || value > static_cast<uint64_t>(kFormatMaxPrecision)) {
      error = "precision " + std::string(digits) + " exceeds maximum allowed precision " +
              std::to_string(kFormatMaxPrecision);
      return false;
    }
    precision = static_cast<int>(value);
  }
  switch (format[pos]) {
    case 's':
    case 'd':
    case 'f':
    case 'e':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      verb = format[pos++];
      return true;
    default: {
      size_t verb_end = pos;
      char32_t code_point = DecodeLenient(format, verb_end);
      std::string shown(format.substr(pos, code_point == kReplacementChar ? 1 : verb_end - pos));
      error = "unrecognized formatting clause `" + shown + "`";
      return false;
    }
  }
}

}  // namespace

Value FormatString(std::string_view format, const Value& args, CallContext& ctx) {
  if (!ctx.Charge(format.size())) return ctx.CostLimitError();
  const uint32_t arg_count = args.list_size();
  // The output is charged per byte at the end; stop building it once it cannot be paid.
  const auto limit = static_cast<size_t>(std::min<uint64_t>(ctx.cost_remaining(), SIZE_MAX / 2));
  TextWriter writer(limit);
  std::string out;
  uint32_t arg_index = 0;
  size_t pos = 0;
  while (pos < format.size()) {
    const size_t percent = format.find('%', pos);
    if (percent == std::string_view::npos) {
      out.append(format.substr(pos));
      break;
    }
    out.append(format.substr(pos, percent - pos));
    pos = percent + 1;
    if (pos < format.size() && format[pos] == '%') {
      out.push_back('%');
      ++pos;
      continue;
    }
    if (arg_index >= arg_count) {
      return ctx.Error("index " + std::to_string(arg_index) + " out of range");
    }
    if (pos >= format.size()) {
      return ctx.Error("could not parse formatting clause: unexpected end of string");
    }
    int precision = 0;
    char verb = 0;
    std::string error;
    if (!ParseClause(format, pos, precision, verb, error)) {
      return ctx.Error("could not parse formatting clause: " + error);
    }
    const Value arg = args.list_item(arg_index++);
    const bool appended = verb == 's' ? writer.Append(arg, out)
                                      : AppendNumericClause(verb, precision, arg, out, error);
    if (!appended) {
      if (writer.over_limit()) break;
      return ctx.Error("error during formatting: " + (verb == 's' ? writer.error() : error));
    }
    if (out.size() > limit) break;
  }
  return StringResult(ctx, out);
}

}  // namespace warden::cel::ext
