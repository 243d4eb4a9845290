#include "warden/base/json_string.h"

#include "warden/base/utf8.h"

namespace warden {
namespace {

constexpr char kHex[] = "0123456789abcdef";

bool NeedsAttention(unsigned char byte) {
  return byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80;
}

// Length of the UTF-8 sequence a lead byte announces, 0 for a byte that cannot lead.
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  size_t pos = 0;
  while (pos < text.size()) {
    size_t run = pos;
    while (run < text.size() && !NeedsAttention(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + pos, run - pos);
    pos = run;
    if (pos == text.size()) break;
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      size_t length = SequenceLength(byte);
      if (length != 0 && pos + length <= text.size() && utf8::IsValid(text.substr(pos, length))) {
        out.append(text.data() + pos, length);
        pos += length;
      } else {
        out += "\\ufffd";
        ++pos;
      }
      continue;
    }
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
        break;
    }
    ++pos;
  }
  out += '"';
}

std::string JsonString(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

}  // namespace warden
