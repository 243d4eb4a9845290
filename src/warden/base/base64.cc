#include "warden/base/base64.h"

#include <array>
#include <cstdint>

namespace warden {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr uint8_t kInvalid = 0xFF;

constexpr std::array<uint8_t, 256> MakeDecodeTable() {
  std::array<uint8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (uint8_t value = 0; value < 64; ++value) {
    table[static_cast<unsigned char>(kAlphabet[value])] = value;
  }
  return table;
}

constexpr std::array<uint8_t, 256> kDecodeTable = MakeDecodeTable();

// Decodes `text` whose padding (if any) has already been stripped; `text.size() % 4`
// must not be 1. `canonical` rejects non-zero unused bits in the last character.
std::optional<std::string> DecodeUnpadded(std::string_view text, bool canonical) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  uint32_t accumulator = 0;
  int bits = 0;
  for (char c : text) {
    uint8_t value = kDecodeTable[static_cast<unsigned char>(c)];
    if (value == kInvalid) return std::nullopt;
    accumulator = (accumulator << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((accumulator >> bits) & 0xFF));
    }
  }
  // Leftover bits (2 or 4) belong to no byte; canonical encodings leave them zero.
  if (canonical && (accumulator & ((1U << bits) - 1)) != 0) return std::nullopt;
  return out;
}

// Splits off correct padding: returns the unpadded part, or nullopt when the padding is
// malformed. `require` demands a length that is a multiple of 4.
std::optional<std::string_view> StripPadding(std::string_view text, bool require) {
  size_t padding = 0;
  while (padding < text.size() && padding < 2 && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  std::string_view body = text.substr(0, text.size() - padding);
  if (padding > 0) {
    // Padding completes a group of four exactly.
    if (text.size() % 4 != 0) return std::nullopt;
    if (body.size() % 4 != 4 - padding) return std::nullopt;
  } else if (require && text.size() % 4 != 0) {
    return std::nullopt;
  }
  return body;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t pos = 0;
  for (; pos + 3 <= bytes.size(); pos += 3) {
    uint32_t group = static_cast<uint32_t>(static_cast<unsigned char>(bytes[pos])) << 16 |
                     static_cast<uint32_t>(static_cast<unsigned char>(bytes[pos + 1])) << 8 |
                     static_cast<uint32_t>(static_cast<unsigned char>(bytes[pos + 2]));
    out.push_back(kAlphabet[(group >> 18) & 63]);
    out.push_back(kAlphabet[(group >> 12) & 63]);
    out.push_back(kAlphabet[(group >> 6) & 63]);
    out.push_back(kAlphabet[group & 63]);
  }
  size_t rest = bytes.size() - pos;
  if (rest > 0) {
    uint32_t group = static_cast<uint32_t>(static_cast<unsigned char>(bytes[pos])) << 16;
    if (rest == 2) group |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[pos + 1])) << 8;
    out.push_back(kAlphabet[(group >> 18) & 63]);
    out.push_back(kAlphabet[(group >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(group >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  std::optional<std::string_view> body = StripPadding(text, /*require=*/true);
  if (!body) return std::nullopt;
  return DecodeUnpadded(*body, /*canonical=*/true);
}

std::optional<std::string> Base64DecodeLenient(std::string_view text) {
  std::optional<std::string_view> body = StripPadding(text, /*require=*/false);
  if (!body) return std::nullopt;
  return DecodeUnpadded(*body, /*canonical=*/false);
}

}  // namespace warden
