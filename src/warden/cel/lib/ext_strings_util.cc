#include "warden/cel/lib/ext_strings_util.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "warden/base/utf8.h"

namespace warden::cel::ext {

namespace {

// Needles up to this length use the library search (memchr-accelerated); its worst case
// is O(text * needle), bounded here by a small constant factor.
constexpr size_t kShortNeedle = 32;

// Knuth-Morris-Pratt over an indexed view, so the same code searches forwards and
// (through a mirrored view) backwards. Returns the index of the first match at or after
// `from` in view coordinates, or npos.
template <typename TextAt, typename NeedleAt>
size_t KmpSearch(size_t text_size, TextAt text_at, size_t needle_size, NeedleAt needle_at,
                 size_t from) {
  std::vector<size_t> fallback(needle_size, 0);
  for (size_t pos = 1, matched = 0; pos < needle_size; ++pos) {
    while (matched > 0 && needle_at(pos) != needle_at(matched)) matched = fallback[matched - 1];
    if (needle_at(pos) == needle_at(matched)) ++matched;
    fallback[pos] = matched;
  }
  size_t matched = 0;
  for (size_t pos = from; pos < text_size; ++pos) {
    while (matched > 0 && text_at(pos) != needle_at(matched)) matched = fallback[matched - 1];
    if (text_at(pos) == needle_at(matched)) ++matched;
    if (matched == needle_size) return pos + 1 - needle_size;
  }
  return std::string_view::npos;
}

}  // namespace

size_t FindText(std::string_view text, std::string_view needle, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  if (needle.size() <= kShortNeedle) return text.find(needle, from);
  if (needle.size() > text.size() - from) return std::string_view::npos;
  return KmpSearch(
      text.size(), [text](size_t index) { return text[index]; }, needle.size(),
      [needle](size_t index) { return needle[index]; }, from);
}

size_t RFindText(std::string_view text, std::string_view needle, size_t last_start) {
  if (needle.size() <= kShortNeedle) return text.rfind(needle, last_start);
  if (needle.size() > text.size()) return std::string_view::npos;
  // Search the mirrored text for the mirrored needle: a match ending at mirrored index e
  // starts at text index text.size() - 1 - e. Starting at or before last_start means
  // ending (mirrored) at or after text.size() - last_start - needle.size().
  const size_t max_start = std::min(last_start, text.size() - needle.size());
  const size_t mirrored_from = text.size() - needle.size() - max_start;
  const size_t last = text.size() - 1;
  const size_t needle_last = needle.size() - 1;
  size_t found = KmpSearch(
      text.size(), [text, last](size_t index) { return text[last - index]; }, needle.size(),
      [needle, needle_last](size_t index) { return needle[needle_last - index]; }, mirrored_from);
  if (found == std::string_view::npos) return found;
  return text.size() - needle.size() - found;
}

char32_t DecodeLenient(std::string_view text, size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t length = (lead & 0xE0) == 0xC0   ? 2
                  : (lead & 0xF0) == 0xE0 ? 3
                  : (lead & 0xF8) == 0xF0 ? 4
                                          : 0;
  if (length == 0 || pos + length > text.size() ||
      utf8::FindInvalid(text.substr(pos, length)) != std::string_view::npos) {
    ++pos;
    return kReplacementChar;
  }
  return utf8::Decode(text, pos);
}

bool IsUnicodeSpace(char32_t code_point) {
  switch (code_point) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return code_point >= 0x2000 && code_point <= 0x200A;
  }
}

void AppendSanitizedUtf8(std::string& out, std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t invalid = utf8::FindInvalid(text.substr(pos));
    if (invalid == std::string_view::npos) {
      out.append(text.substr(pos));
      return;
    }
    out.append(text.substr(pos, invalid));
    utf8::Append(out, kReplacementChar);
    pos += invalid + 1;
  }
}

}  // namespace warden::cel::ext
