// Fuzzes glob matching (warden/cel/lib/glob.h): the input up to its first NUL byte is
// the pattern, the rest the text (no NUL: the first half is the pattern). GlobMatch must
// never crash and must stay polynomial: O(text × pattern) with no backtracking.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "warden/cel/lib/glob.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t split = input.find('\0');
  std::string_view pattern;
  std::string_view text;
  if (split == std::string_view::npos) {
    pattern = input.substr(0, size / 2);
    text = input.substr(size / 2);
  } else {
    pattern = input.substr(0, split);
    text = input.substr(split + 1);
  }
  bool malformed = false;
  const bool matched = warden::cel::GlobMatch(pattern, text, malformed);
  if (malformed && matched) __builtin_trap();  // a malformed pattern never matches
  // A pattern without special characters matches exactly itself.
  if (!malformed && pattern.find_first_of("*?[\\") == std::string_view::npos &&
      matched != (pattern == text)) {
    __builtin_trap();
  }
  return 0;
}
