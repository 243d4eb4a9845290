#pragma once
// The CEL parser: turns expression source text into a ParsedExpr (common/ast.h) with
// macros expanded, or into syntax issues. It implements the grammar and lexis of the
// cel-spec language definition (langdef.md) plus the extensions cel-go enables:
// optional syntax (`a.?b`, `a[?b]`, `[?x]`, `{?k: v}`, `Msg{?f: v}`), quoted field names
// (a.`b-c`), two-variable comprehensions, cel.bind, optMap/optFlatMap and cel.block.
// macros.h documents every macro expansion.
//
// AST conventions (what the checker and evaluator can rely on):
//  * Operators are kCall nodes named as in ast.h's op:: constants: `_?_:_`, `_||_`,
//    `_&&_`, `_==_` ... `@in`, `_+_` ... `-_`, `!_`, `_[_]`, and for optional syntax
//    `_[?_]` and `_?._` (`a.?b` is `_?._`(a, "b") with optional_select set on the call).
//  * `a && b && c` and `a || b || c` chains become balanced binary trees (as cel-go
//    does): n terms give depth ceil(log2 n), never a variadic call. Other binary
//    operators associate left, `?:` associates right.
//  * Repeated unary operators collapse by parity, as in cel-go: `!!x` is `x`, `!!!x` is
//    `!_(x)`, `--x` is `x`. A single `-` directly before an int or double literal folds
//    into the literal (`-1` is the constant -1, which is how -9223372036854775808 is
//    written); `-1u` is `-_(1u)`.
//  * A dotted name `a.b.c` is Select(Select(Ident a, b), c); `.a.b` starts with the
//    leading-dot Ident `.a`. A message literal `a.b.Msg{f: 1}` is kStruct with
//    message_name "a.b.Msg" (leading dot kept).
//  * Reserved words (`as break const continue else for function if import let loop
//    package namespace return var void while`) are errors as identifiers but allowed as
//    field names and receiver function names (`m.if`, `x.while()`), as in the spec's
//    conformance tests; the keywords `true false null in` need quoting there (a.`in`).
//  * As in the langdef grammar: the middle operand of `?:` is a ConditionalOr (a nested
//    `?:` there needs parentheses); `!` and `-` runs do not mix (`!-x` needs `!(-x)`,
//    but `!-1` is `!` of the literal -1); trailing commas are allowed in lists, maps and
//    message literals but not in argument lists.
//  * Lexis (literals.h has the details): `.5` and `1e3` are doubles, `7.` is not; hex
//    literals use a lowercase `0x`; string prefixes are r/R (raw), b/B (bytes) and
//    br/bR/Br/BR (raw bytes; `rb` is an error, as in the spec and cel-go).
//
// Offsets (Expr::offset, MapEntryExpr::offset, Issue::offset) are byte offsets into the
// source. A node points at the first token that belongs to it rather than to a child:
// literals, identifiers, global calls, lists, maps and message literals at their first
// character; operators at the operator (`+`, `&&`, `?` of `?:`, the first `!`/`-`);
// field selections and receiver calls at their `.`; index operations at their `[`; map
// entries at their key (or `?`), message fields at their name (or `?`). Macro
// expansions point at the macro call (see macros.h). Ids are unique, positive, below
// ParsedExpr::next_id, and every node's id is above its children's (map and message
// entries included). They are not dense: discarded nodes (a macro's variable
// arguments) leave gaps.
//
// Thread-safety: Parse is a pure function of its arguments; call it from any thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/cel/common/issue.h"

namespace warden::cel {

// The largest accepted ParseOptions::max_nesting_depth; bigger values are clamped so
// that the parser's own recursion stays far from the stack limit.
inline constexpr uint32_t kMaxNestingDepthLimit = 1000;

struct ParseOptions {
  std::string description = "<expr>";  // copied into SourceInfo::description
  // Longer source gives one issue and no parse.
  uint32_t max_expression_bytes = 100'000;
  // The deepest accepted nesting: the height of the AST (each operator, call, index,
  // selection, list, map or macro expansion adds a level; `a.b.c` is 3 deep, `a + b + c`
  // is 3 deep, `a && b && c && d` is 3 deep), parenthesized sub-expressions, and runs of
  // unary operators (`!!!!x` counts 4). Exceeding it is an issue, never a stack
  // overflow. Clamped to kMaxNestingDepthLimit.
  uint32_t max_nesting_depth = 250;
  // false: has/all/exists/... stay plain calls.
  bool enable_macros = true;
  // false: `a.?b`, `a[?b]`, `[?x]`, `{?k: v}` and `Msg{?f: v}` are errors.
  bool enable_optional_syntax = true;
};

struct ParseResult {
  ParsedExpr parsed;          // valid when issues is empty; otherwise a partial tree or null
  std::vector<Issue> issues;  // syntax errors, sorted by offset
  bool ok() const { return issues.empty(); }
};

// Parses one CEL expression. Errors: source longer than max_expression_bytes or not
// valid UTF-8 (one issue, no parse), lexical and syntax errors, reserved identifiers,
// out-of-range literals, invalid macro arguments, too deep nesting. Macro expansion may
// grow the tree to at most 2 nodes per source byte plus 16,384 (only chained
// optMap/optFlatMap calls come near); beyond that it is an issue.
ParseResult Parse(std::string_view text, const ParseOptions& options = {});

}  // namespace warden::cel
