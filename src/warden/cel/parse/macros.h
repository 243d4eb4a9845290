#pragma once
// Macro expansion: calls with macro names are rewritten while parsing, as cel-go does,
// into the shapes below. Every node of an expansion that does not come from the source
// (accumulator references, literals, helper calls) gets the offset of the macro call
// (the `.` of a receiver-style call, the first character of a global one); arguments
// keep their own. The expansion's root carries the MacroKind. A macro matches on the
// function name, the number of arguments and whether it has a receiver; a call that
// matches none stays a plain call. ParseOptions::enable_macros = false turns all of
// this off.
//
// Notation: `@result` is the accumulator variable, Comprehension fields are written
// {iter_var, iter_var2, iter_range, accu_var, accu_init, loop_condition, loop_step,
// result}, calls as name(args) and receiver calls as target.name(args).
//
// has(e.f)            Select{operand: e, field: f, test_only: true}        kHas
//                     The argument must be a field selection (`e.f`, also a quoted
//                     e.`f-g`), else "invalid argument to has() macro".
//
// One-variable comprehensions over a list (elements) or a map (keys):
// e.all(x, p)         {x, "", e, @result, true, @not_strictly_false(@result),
//                      _&&_(@result, p), @result}                          kAll
// e.exists(x, p)      {x, "", e, @result, false, @not_strictly_false(!_(@result)),
//                      _||_(@result, p), @result}                          kExists
// e.exists_one(x, p)  {x, "", e, @result, 0, true,
//  e.existsOne(x, p)   _?_:_(p, _+_(@result, 1), @result), _==_(@result, 1)}  kExistsOne
// e.map(x, f)         {x, "", e, @result, [], true, _+_(@result, [f]), @result}  kMap
// e.map(x, p, f)      {x, "", e, @result, [], true,
//                      _?_:_(p, _+_(@result, [f]), @result), @result}      kMapFilter
// e.filter(x, p)      {x, "", e, @result, [], true,
//                      _?_:_(p, _+_(@result, [x]), @result), @result}      kFilter
//
// Two-variable comprehensions (cel-go ext TwoVarComprehensions): iter_var is the list
// index or the map key, iter_var2 the list element or the map value.
// e.all(i, v, p)                  as all(), with iter_var i and iter_var2 v       kAll
// e.exists(i, v, p)               as exists()                                     kExists
// e.existsOne(i, v, p), e.exists_one(i, v, p)   as exists_one()                 kExistsOne
// e.transformList(i, v, f)        {i, v, e, @result, [], true, _+_(@result, [f]),
//                                  @result}                                   kTransformList
// e.transformList(i, v, p, f)     step _?_:_(p, _+_(@result, [f]), @result)  kTransformList
// e.transformMap(k, v, f)         {k, v, e, @result, {}, true,
//                                  cel.@mapInsert(@result, k, f), @result}    kTransformMap
// e.transformMap(k, v, p, f)      step _?_:_(p, cel.@mapInsert(@result, k, f), @result)
// e.transformMapEntry(k, v, f)    {k, v, e, @result, {}, true,
//                                  cel.@mapInsert(@result, f), @result}   kTransformMapEntry
// e.transformMapEntry(k, v, p, f) step _?_:_(p, cel.@mapInsert(@result, f), @result)
//   cel.@mapInsert(m, k, v) returns m plus the entry k: v; cel.@mapInsert(m, n) returns m
//   plus every entry of the map n; both fail on a key that is already present.
//
// Bindings and optionals (the `#unused` iteration variable ranges over an empty list,
// so the comprehension only evaluates accu_init, then result):
// cel.bind(v, init, e)  {"#unused", "", [], v, init, false, v, e}               kBind
// x.optMap(v, f)        _?_:_(x.hasValue(),
//                             optional.of({"#unused", "", [], v, x'.value(), false, v, f}),
//                             optional.none())
// x.optFlatMap(v, f)    _?_:_(x.hasValue(),
//                             {"#unused", "", [], v, x'.value(), false, v, f},
//                             optional.none())
//   x' is a copy of x with fresh ids. The `_?_:_` call and the comprehension both carry
//   kOptMap (kOptFlatMap).
//
// cel.block (the common-subexpression form of cel-go's conformance suite):
// cel.block([b0, b1, ...], e)  cel.@block([b0, b1, ...], e), a global call      kBlock
//   The first argument must be a list literal. Slot n holds the value of bn, which may
//   refer to earlier slots.
// cel.index(n)          Ident `@index<n>` (n a non-negative int literal; MacroKind kNone)
// cel.iterVar(d, u)     Ident `@it:<d>:<u>`      cel.accuVar(d, u)  Ident `@ac:<d>:<u>`
//   These become identifiers (not calls) so that they can name iteration variables,
//   as in `[1].exists(cel.iterVar(0, 0), cel.iterVar(0, 0) > 0)`.
//
// Errors (reported, and the call is left unexpanded): an iteration or bound variable
// that is not a simple name (`x`, not `x.y` or `.x`); two iteration variables with the
// same name; a has() argument that is not a field selection; a cel.block first argument
// that is not a list literal; a cel.index/iterVar/accuVar argument that is not a
// non-negative int literal.
//
// Internal to warden/cel/parse.

#include <cstdint>
#include <string_view>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/cel/parse/diagnostics.h"
#include "warden/cel/parse/expr_factory.h"

namespace warden::cel::parse_internal {

inline constexpr const char* kAccumulatorVar = "@result";
inline constexpr const char* kUnusedIterVar = "#unused";
inline constexpr const char* kMapInsert = "cel.@mapInsert";
inline constexpr const char* kBlockFunction = "cel.@block";

// A call as parsed, before macro expansion. `target` is null for a global call.
struct CallParts {
  int32_t offset = 0;
  std::string_view function;
  ExprPtr target;
  std::vector<ExprPtr> args;
};

// Expands `call` when it names a macro: returns the expansion (or, after reporting an
// error, the plain call) and consumes `call`. Returns nullptr and leaves `call` alone
// when no macro matches.
ExprPtr ExpandMacro(CallParts& call, ExprFactory& factory, Diagnostics& diags);

}  // namespace warden::cel::parse_internal
