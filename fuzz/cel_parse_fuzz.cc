// Fuzzes the CEL parser: any input must give either a tree or issues, never a crash,
// a hang or unbounded recursion. The first byte picks the options (macros, optional
// syntax, a small nesting limit) so every combination is explored; the rest is source.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "warden/cel/parse/ast_debug.h"
#include "warden/cel/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t flags = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  warden::cel::ParseOptions options;
  options.enable_macros = (flags & 1) == 0;
  options.enable_optional_syntax = (flags & 2) == 0;
  if ((flags & 4) != 0) options.max_nesting_depth = 12;

  warden::cel::ParseResult result = warden::cel::Parse(text, options);
  if (result.ok()) {
    if (result.parsed.expr == nullptr) __builtin_trap();
    std::string rendered = warden::cel::DebugString(*result.parsed.expr);
    if (rendered.empty()) __builtin_trap();
  } else {
    for (const warden::cel::Issue& issue : result.issues) {
      if (issue.offset < 0 || static_cast<size_t>(issue.offset) > text.size()) __builtin_trap();
      if (issue.message.empty()) __builtin_trap();
    }
  }
  return 0;
}
