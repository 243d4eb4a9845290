#pragma once
// Equality of two byte strings without a call to memcmp for short ones. Field names,
// label values and most strings compared in policy conditions are under 33 bytes; for
// those a few overlapping word loads per side decide equality in a few instructions.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace warden {

// Equality of two strings of the same `size` <= 16: no calls, no loops over bytes but
// for sizes under 4.
inline bool ShortBytesEqual(const char* a, const char* b, size_t size) {
  if (size >= 8) {
    uint64_t a_head, b_head, a_tail, b_tail;
    std::memcpy(&a_head, a, 8);
    std::memcpy(&b_head, b, 8);
    std::memcpy(&a_tail, a + size - 8, 8);
    std::memcpy(&b_tail, b + size - 8, 8);
    return ((a_head ^ b_head) | (a_tail ^ b_tail)) == 0;
  }
  if (size >= 4) {
    uint32_t a_head, b_head, a_tail, b_tail;
    std::memcpy(&a_head, a, 4);
    std::memcpy(&b_head, b, 4);
    std::memcpy(&a_tail, a + size - 4, 4);
    std::memcpy(&b_tail, b + size - 4, 4);
    return ((a_head ^ b_head) | (a_tail ^ b_tail)) == 0;
  }
  for (size_t byte_idx = 0; byte_idx < size; ++byte_idx) {
    if (a[byte_idx] != b[byte_idx]) return false;
  }
  return true;
}

inline bool BytesEqual(std::string_view a, std::string_view b) {
  const size_t size = a.size();
  if (size != b.size()) return false;
  if (size <= 16) return ShortBytesEqual(a.data(), b.data(), size);
  if (size <= 32) {
    // Two overlapping 16-byte halves (resource URIs, action names).
    const size_t tail = size - 16;
    return ShortBytesEqual(a.data(), b.data(), 16) &&
           ShortBytesEqual(a.data() + tail, b.data() + tail, 16);
  }
  return std::memcmp(a.data(), b.data(), size) == 0;
}

// Prefix and suffix tests on the same footing.
inline bool BytesStartWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && BytesEqual(text.substr(0, prefix.size()), prefix);
}
inline bool BytesEndWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         BytesEqual(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace warden
