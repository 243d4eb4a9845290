#pragma once
// Helpers shared by the parser tests: parse-and-render, and the first issue of a
// failed parse.

#include <string>
#include <string_view>

#include "warden/cel/parse/ast_debug.h"
#include "warden/cel/parse/parser.h"

namespace warden::cel::testing {

// DebugString of the parse, or "ERROR <offset>: <message>" for the first issue.
inline std::string ParseToString(std::string_view text, const ParseOptions& options = {}) {
  ParseResult result = Parse(text, options);
  if (!result.ok()) {
    return "ERROR " + std::to_string(result.issues[0].offset) + ": " + result.issues[0].message;
  }
  return DebugString(*result.parsed.expr);
}

}  // namespace warden::cel::testing
