#pragma once
// Issue: a problem found while parsing or checking an expression, with the byte offset
// it points at. FormatIssues renders issues like a compiler does:
//
//   policy.yaml:12:18: error: undeclared reference to `objet`
//      | objet.spec.containers
//      | ^

#include <cstdint>
#include <string>
#include <vector>

#include "warden/cel/common/ast.h"

namespace warden::cel {

struct Issue {
  int32_t offset = 0;   // byte offset into the expression source
  std::string message;  // lowercase, no final period, user values in backticks
  std::string help;     // optional hint, e.g. "did you mean `size`?"
};

// Where an expression sits inside a larger file (a CEL string in a YAML policy): the
// file name and the 1-based line and column of the expression's first character.
// Defaults describe a standalone expression.
struct ExprOrigin {
  std::string file = "<expr>";
  uint32_t line = 1;
  uint32_t column = 1;
};

// One issue as `file:line:column: error: message`, the source line and a caret, then
// `  = help: ...` when there is a hint. Lines of multi-line expressions are mapped to
// the file's lines (columns shift only on the expression's first line).
std::string FormatIssue(const Issue& issue, const SourceInfo& source, const ExprOrigin& origin);
std::string FormatIssues(const std::vector<Issue>& issues, const SourceInfo& source,
                         const ExprOrigin& origin);

}  // namespace warden::cel
