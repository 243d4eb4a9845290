#include "warden/cel/parse/literals.h"

#include <charconv>
#include <limits>
#include <system_error>

#include "warden/base/utf8.h"

namespace warden::cel::parse_internal {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

// Reads `count` hex digits at body[pos]; nullopt when fewer are there.
std::optional<uint32_t> ReadHex(std::string_view body, size_t pos, size_t count) {
  if (body.size() - pos < count) return std::nullopt;
  uint32_t value = 0;
  for (size_t i = 0; i < count; ++i) {
    int digit = HexValue(body[pos + i]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  return value;
}

bool IsSurrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// U+00E9, U+1F62C, U+110000: at least four hex digits, more when needed.
std::string FormatCodePoint(uint32_t cp) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  int digits = 4;
  while (digits < 8 && (cp >> (digits * 4)) != 0) ++digits;
  std::string out = "U+";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out.push_back(kDigits[(cp >> shift) & 0xF]);
  }
  return out;
}

class BodyDecoder {
 public:
  BodyDecoder(std::string_view body, int32_t body_offset, bool bytes, Diagnostics& diags)
      : body_(body), body_offset_(body_offset), bytes_(bytes), diags_(diags) {}

  std::string Run(bool raw) {
    out_.reserve(body_.size());
    size_t pos = 0;
    while (pos < body_.size()) {
      char c = body_[pos];
      if (c == '\r') {  // \r\n and \r become \n
        out_.push_back('\n');
        pos += (pos + 1 < body_.size() && body_[pos + 1] == '\n') ? size_t{2} : size_t{1};
      } else if (c != '\\' || raw) {
        out_.push_back(c);
        ++pos;
      } else {
        pos = Escape(pos);
      }
    }
    return std::move(out_);
  }

 private:
  // Decodes the escape at body_[start] (a backslash); returns the position after it.
  size_t Escape(size_t start) {
    size_t pos = start + 1;
    if (pos >= body_.size()) {
      Invalid(start, pos);
      return pos;
    }
    char kind = body_[pos++];
    switch (kind) {
      case 'a':
        out_.push_back('\a');
        return pos;
      case 'b':
        out_.push_back('\b');
        return pos;
      case 'f':
        out_.push_back('\f');
        return pos;
      case 'n':
        out_.push_back('\n');
        return pos;
      case 'r':
        out_.push_back('\r');
        return pos;
      case 't':
        out_.push_back('\t');
        return pos;
      case 'v':
        out_.push_back('\v');
        return pos;
      case '\\':
      case '?':
      case '"':
      case '\'':
      case '`':
        out_.push_back(kind);
        return pos;
      case 'x':
      case 'X': {
        std::optional<uint32_t> value = ReadHex(body_, pos, 2);
        if (!value) return Invalid(start, pos);
        AppendUnit(*value);
        return pos + 2;
      }
      case 'u':
      case 'U':
        return Unicode(start, pos, kind == 'u' ? 4 : 8);
      default:
        break;
    }
    if (kind >= '0' && kind <= '3' && pos + 2 <= body_.size() && IsOctal(body_[pos]) &&
        IsOctal(body_[pos + 1])) {
      uint32_t value = static_cast<uint32_t>((kind - '0') * 64 + (body_[pos] - '0') * 8 +
                                             (body_[pos + 1] - '0'));
      AppendUnit(value);
      return pos + 2;
    }
    return Invalid(start, pos);
  }

  // \u and \U: code points in strings, errors in bytes.
  size_t Unicode(size_t start, size_t pos, size_t digits) {
    std::optional<uint32_t> value = ReadHex(body_, pos, digits);
    if (!value) return Invalid(start, pos);
    size_t end = pos + digits;
    if (bytes_) {
      diags_.Report(Offset(start),
                    "unicode escape `" + std::string(body_.substr(start, end - start)) +
                        "` is not allowed in a bytes literal",
                    "write the UTF-8 bytes with `\\x` or octal escapes");
      return end;
    }
    uint32_t cp = *value;
    if (digits == 4 && cp >= 0xD800 && cp <= 0xDBFF) {
      // A high surrogate followed by a low surrogate escape is one code point.
      if (end + 6 <= body_.size() && body_[end] == '\\' && body_[end + 1] == 'u') {
        std::optional<uint32_t> low = ReadHex(body_, end + 2, 4);
        if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
          utf8::Append(out_, 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00));
          return end + 6;
        }
      }
    }
    if (IsSurrogate(cp) || cp > 0x10FFFF) {
      diags_.Report(Offset(start),
                    "escape `" + std::string(body_.substr(start, end - start)) +
                        "` is not a valid unicode code point (" + FormatCodePoint(cp) + ")",
                    IsSurrogate(cp) ? "surrogates are only allowed as a `\\uD800`-`\\uDBFF` "
                                      "`\\uDC00`-`\\uDFFF` pair"
                                    : "");
      return end;
    }
    utf8::Append(out_, cp);
    return end;
  }

  // \x and octal escapes: an octet in bytes, a code point (below 256) in strings.
  void AppendUnit(uint32_t value) {
    if (bytes_) {
      out_.push_back(static_cast<char>(static_cast<unsigned char>(value)));
    } else {
      utf8::Append(out_, value);
    }
  }

  // Reports the escape at body_[start]. The message shows the backslash, the escape
  // letter and the digits that follow it (at most as many as the escape takes).
  size_t Invalid(size_t start, size_t pos) {
    size_t end = pos;
    while (end < body_.size() && (static_cast<unsigned char>(body_[end]) & 0xC0) == 0x80) ++end;
    char kind = body_[pos - 1];
    size_t max_digits = kind == 'x' || kind == 'X' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (kind >= '0' && kind <= '7') max_digits = 2;
    while (end < body_.size() && end - pos < max_digits &&
           (max_digits == 2 && kind <= '7' ? IsOctal(body_[end]) : HexValue(body_[end]) >= 0)) {
      ++end;
    }
    diags_.Report(Offset(start),
                  "invalid escape sequence `" + std::string(body_.substr(start, end - start)) + "`",
                  "valid escapes are \\a \\b \\f \\n \\r \\t \\v \\\\ \\? \\\" \\' \\` \\xHH "
                  "\\uHHHH \\UHHHHHHHH and octal \\000 to \\377; use a raw string r'...' to "
                  "keep backslashes");
    return end;
  }

  int32_t Offset(size_t pos) const { return body_offset_ + static_cast<int32_t>(pos); }

  std::string_view body_;
  int32_t body_offset_;
  bool bytes_;
  Diagnostics& diags_;
  std::string out_;
};

}  // namespace

std::string DecodeQuotedBody(std::string_view body, int32_t body_offset, bool raw, bool bytes,
                             Diagnostics& diags) {
  return BodyDecoder(body, body_offset, bytes, diags).Run(raw);
}

std::optional<uint64_t> ParseUintLiteral(std::string_view digits) {
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && digits[1] == 'x') {
    base = 16;
    digits.remove_prefix(2);
  }
  uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<int64_t> ParseIntLiteral(std::string_view digits, bool negative) {
  std::optional<uint64_t> magnitude = ParseUintLiteral(digits);
  if (!magnitude) return std::nullopt;
  constexpr uint64_t kMaxPositive = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!negative) {
    if (*magnitude > kMaxPositive) return std::nullopt;
    return static_cast<int64_t>(*magnitude);
  }
  if (*magnitude > kMaxPositive + 1) return std::nullopt;
  if (*magnitude == kMaxPositive + 1) return std::numeric_limits<int64_t>::min();
  return -static_cast<int64_t>(*magnitude);
}

std::optional<double> ParseDoubleLiteral(std::string_view text, bool negative) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ptr != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // from_chars reports both overflow and total underflow. The literal overflows when
    // its decimal exponent (digits before the point, minus leading zeros, plus the
    // written exponent) is positive; otherwise it underflows to zero.
    size_t exp_pos = text.find_first_of("eE");
    std::string_view mantissa = text.substr(0, exp_pos);
    int64_t exponent = 0;
    if (exp_pos != std::string_view::npos) {
      std::string_view exp_text = text.substr(exp_pos + 1);
      if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
      auto res = std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
      if (res.ec != std::errc()) exponent = exp_text.starts_with('-') ? -100000 : 100000;
    }
    int64_t magnitude = 0;  // decimal exponent of the first significant digit, plus one
    bool seen_point = false;
    bool seen_digit = false;
    for (char c : mantissa) {
      if (c == '.') {
        seen_point = true;
      } else if (c != '0' || seen_digit) {
        seen_digit = true;
        if (!seen_point) ++magnitude;
      } else if (seen_point) {
        --magnitude;  // a zero right after the point, before any significant digit
      }
    }
    if (seen_digit && magnitude + exponent > 0) return std::nullopt;
    value = 0;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace warden::cel::parse_internal
