#include "warden/data/reader_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_set>

#include "warden/base/line_index.h"
#include "warden/base/utf8.h"

namespace warden::data::internal {

namespace {

constexpr size_t kQuotedMaxCodePoints = 40;
constexpr size_t kDocumentArenaMaxBlock = size_t{32} << 20;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// For a decimal literal whose conversion was out of range: true when it is too large
// (as opposed to too small). Estimates the position of the leading significant digit.
bool IsDecimalOverflow(std::string_view text) {
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
  int64_t magnitude = 0;
  bool seen_significant = false;
  int64_t leading_fraction_zeros = 0;
  while (pos < text.size() && IsDigit(text[pos])) {
    if (text[pos] != '0' || seen_significant) {
      seen_significant = true;
      ++magnitude;
    }
    ++pos;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (!seen_significant && text[pos] == '0') ++leading_fraction_zeros;
      if (text[pos] != '0') seen_significant = true;
      ++pos;
    }
    if (magnitude == 0) magnitude = -leading_fraction_zeros;
  }
  int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) negative = text[pos++] == '-';
    while (pos < text.size() && IsDigit(text[pos])) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[pos] - '0');
      ++pos;
    }
    if (negative) exponent = -exponent;
  }
  return magnitude + exponent > 0;
}

}  // namespace

std::shared_ptr<Arena> NewDocumentArena(const ReadLimits& limits, size_t text_size) {
  // A tree takes about three to four times its JSON text (a 56-byte map entry per
  // member, strings copied); a low guess only costs one more block.
  constexpr size_t kSmallestBlock = 256;
  constexpr size_t kLargestFirstBlock = 4096;
  constexpr size_t kTreeBytesPerTextByte = 4;
  size_t first_block = kLargestFirstBlock;
  if (text_size < kLargestFirstBlock / kTreeBytesPerTextByte) {
    first_block = std::max(kSmallestBlock, (text_size * kTreeBytesPerTextByte + 63) & ~size_t{63});
  }
  return std::make_shared<Arena>(limits.max_tree_bytes, first_block, kDocumentArenaMaxBlock);
}

Status ErrorAt(StatusCode code, std::string_view file, SourcePosition pos,
               std::string_view reason) {
  return Status::Located(code, {std::string(file), pos}, std::string(reason));
}

Status WithPosition(const Status& status, std::string_view file, SourcePosition pos) {
  return ErrorAt(status.code(), file, pos, status.reason());
}

std::string Quoted(std::string_view value) {
  std::string out = "`";
  size_t code_points = 0;
  for (size_t pos = 0; pos < value.size(); ++pos) {
    auto byte = static_cast<unsigned char>(value[pos]);
    if ((byte & 0xC0) != 0x80 && ++code_points > kQuotedMaxCodePoints) {
      out += "...";
      break;
    }
    if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += value[pos];
    }
  }
  out += '`';
  return out;
}

Status CheckInputSize(std::string_view text, std::string_view file, const ReadLimits& limits) {
  if (text.size() <= limits.max_input_bytes) return Status::Ok();
  return ErrorAt(StatusCode::kResourceExhausted, file, {},
                 "input of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_input_bytes) + " bytes");
}

Status CheckUtf8(std::string_view text, std::string_view file) {
  size_t bad = utf8::FindInvalid(text);
  if (bad == std::string_view::npos) return Status::Ok();
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto byte = static_cast<unsigned char>(text[bad]);
  std::string reason = "invalid UTF-8 (byte 0x";
  reason += kHex[byte >> 4];
  reason += kHex[byte & 15];
  reason += ')';
  return SyntaxErrorAt(file, LineIndex(text).PositionOf(bad), reason);
}

Status CheckScalarSize(size_t size, std::string_view file, SourcePosition pos,
                       const ReadLimits& limits) {
  if (size <= limits.max_scalar_bytes) return Status::Ok();
  return LimitErrorAt(file, pos,
                      "scalar of " + std::to_string(size) + " bytes exceeds the limit of " +
                          std::to_string(limits.max_scalar_bytes) + " bytes");
}

Status DepthError(std::string_view file, SourcePosition pos, uint32_t max_depth) {
  return LimitErrorAt(file, pos, "nesting exceeds the depth limit of " + std::to_string(max_depth));
}

size_t FindDuplicateKey(std::span<const KeyedNode> entries) {
  std::unordered_set<std::string_view> seen;
  for (size_t entry_idx = 0; entry_idx < entries.size(); ++entry_idx) {
    if (!seen.insert(entries[entry_idx].key).second) return entry_idx;
  }
  return entries.size();
}

bool DecimalIntegerNode(std::string_view text, SourcePosition pos, Node* out) {
  size_t start = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    start = 1;
  }
  uint64_t value = 0;
  bool overflow = false;
  for (size_t digit_idx = start; digit_idx < text.size(); ++digit_idx) {
    auto digit = static_cast<uint64_t>(text[digit_idx] - '0');
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, digit, &value)) {
      overflow = true;
      break;
    }
  }
  if (!overflow) {
    constexpr uint64_t kMaxInt = std::numeric_limits<int64_t>::max();
    if (!negative) {
      *out =
          value <= kMaxInt ? Node::Int(static_cast<int64_t>(value), pos) : Node::Uint(value, pos);
      return true;
    }
    if (value <= kMaxInt + 1) {
      // -(2^63) is representable; negate in unsigned arithmetic to avoid overflow.
      *out = Node::Int(static_cast<int64_t>(~value + 1), pos);
      return true;
    }
  }
  double as_double = 0;
  if (!ParseDecimalDouble(text, &as_double)) return false;
  *out = Node::Double(as_double, pos);
  return true;
}

bool RadixIntegerNode(std::string_view digits, int base, SourcePosition pos, Node* out) {
  uint64_t value = 0;
  bool overflow = false;
  for (char c : digits) {
    auto digit = static_cast<uint64_t>(DigitValue(c));
    if (__builtin_mul_overflow(value, static_cast<uint64_t>(base), &value) ||
        __builtin_add_overflow(value, digit, &value)) {
      overflow = true;
      break;
    }
  }
  if (!overflow) {
    *out = value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
               ? Node::Int(static_cast<int64_t>(value), pos)
               : Node::Uint(value, pos);
    return true;
  }
  double approx = 0;
  for (char c : digits) approx = approx * base + DigitValue(c);
  if (!std::isfinite(approx)) return false;
  *out = Node::Double(approx, pos);
  return true;
}

bool ParseDecimalDouble(std::string_view text, double* out) {
  // from_chars takes no leading `+`, and is locale-independent (unlike strtod).
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range) {
    if (IsDecimalOverflow(text)) return false;
    *out = !digits.empty() && digits[0] == '-' ? -0.0 : 0.0;
    return true;
  }
  if (error != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    return false;
  }
  *out = value;
  return true;
}

}  // namespace warden::data::internal
