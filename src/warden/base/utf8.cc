#include "warden/base/utf8.h"

namespace warden::utf8 {

namespace {

inline unsigned char Byte(std::string_view text, size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

inline bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

size_t FindInvalid(std::string_view text) {
  size_t pos = 0;
  const size_t size = text.size();
  while (pos < size) {
    // Fast path for runs of ASCII.
    while (pos + 8 <= size) {
      uint64_t chunk;
      __builtin_memcpy(&chunk, text.data() + pos, 8);
      if ((chunk & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= size) break;
    unsigned char lead = Byte(text, pos);
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    size_t length;
    char32_t min_value;
    char32_t value;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, min_value = 0x80, value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, min_value = 0x800, value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, min_value = 0x10000, value = lead & 0x07;
    } else {
      return pos;
    }
    if (pos + length > size) return pos;
    for (size_t offset = 1; offset < length; ++offset) {
      unsigned char next = Byte(text, pos + offset);
      if (!IsContinuation(next)) return pos;
      value = (value << 6) | (next & 0x3F);
    }
    if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if (!IsContinuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

char32_t Decode(std::string_view text, size_t& pos) {
  unsigned char lead = Byte(text, pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  char32_t value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (size_t offset = 1; offset < length && pos + offset < text.size(); ++offset) {
    value = (value << 6) | (Byte(text, pos + offset) & 0x3F);
  }
  pos += length;
  return value;
}

void Append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t OffsetOfCodePoint(std::string_view text, size_t index) {
  size_t seen = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (IsContinuation(Byte(text, pos))) continue;
    if (seen == index) return pos;
    ++seen;
  }
  return seen == index ? text.size() : std::string_view::npos;
}

}  // namespace warden::utf8
