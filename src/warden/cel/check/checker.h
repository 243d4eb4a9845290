#pragma once
// The CEL type checker: deduces the type of every node of a parsed expression, resolves
// identifiers and functions against declarations, and reports type errors as Issues.
// Semantics are cel-spec's (langdef.md) with cel-go's checker as the reference for the
// details the spec leaves open; see docs in the sections below.
//
// Name resolution. A name is looked up in the container, most qualified candidate
// first: in container `a.b`, `x` may be `a.b.x`, `a.x` or `x`; a leading dot (`.x`)
// means the root only. Comprehension variables (and `cel.bind` / `cel.block` bindings)
// shadow global names. A chain of selects `a.b.c` names the variable `a.b.c` if one is
// declared, else field `c` of the variable `a.b`, else fields `b.c` of `a`: the longest
// declared prefix wins. The resolution is recorded on the outermost node that names the
// variable; its operands are then not checked and get no type (the evaluator must read
// that node as a variable, by the reference's name). Likewise a receiver call whose
// receiver is a qualified name forming a declared function name (`math.greatest(x)`,
// `optional.of(x)`) is a global call of that function: its reference names the function
// and is marked `namespaced_call`, and the receiver node is not checked.
//
// Typing. Overloads are resolved by unification with fresh type parameters per call; if
// several overloads match and their results differ, the call's type is `dyn`. List and
// map literals whose elements have different types get element type `dyn`. Unbound type
// parameters are reported as `dyn`. `dyn` unifies with everything, so type errors in
// dynamic code surface at evaluation. Struct literals are always an error (Warden has no
// message types). Type names (`int`, `list`, `google.protobuf.Timestamp`, ...) are values
// of type `type(T)` (see StandardTypeIdentifiers()).
//
// Check is a pure function of its inputs; it is thread-safe and never prints.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "warden/cel/check/decls.h"
#include "warden/cel/check/type.h"
#include "warden/cel/common/ast.h"
#include "warden/cel/common/issue.h"

namespace warden::cel {

struct CheckEnv {
  // Namespace for qualified-name resolution, e.g. `a.b`; empty for the root.
  std::string container;
  // Variables, in addition to the standard type identifiers. A variable shadows a type
  // identifier of the same name.
  std::vector<VariableDecl> variables;
  // Functions in addition to StandardFunctions(); overloads of a standard function's name
  // are added to it (an overload whose id the function already has is ignored).
  std::vector<FunctionDecl> functions;
};

// What an identifier, select or call resolved to.
struct Reference {
  // Variables: the fully qualified name (`a.b.c`, no leading dot), or the plain name of a
  // comprehension variable, `cel.bind` variable or `cel.block` slot (`@index0`).
  // Calls: the fully qualified function name.
  std::string name;
  // Calls: the overloads that may apply, in declaration order (several when argument
  // types are `dyn`). Empty for variables.
  std::vector<std::string> overload_ids;
  // Calls written `ns.f(x)` that resolved to the function `ns.f` (`math.greatest(x)`),
  // not to a method `f` of the value `ns`: the receiver node only spells the function
  // name; it is neither checked nor to be evaluated, and `name` is the whole name.
  bool namespaced_call = false;
};

struct CheckResult {
  // Every checked expression id -> its deduced type (nodes under a resolved qualified
  // name, or the receiver of a namespaced call, are absent).
  std::unordered_map<int64_t, Type> types;
  // Identifier and select nodes that name a variable (after container resolution), and
  // call nodes that resolved to a function.
  std::unordered_map<int64_t, Reference> references;
  // Problems, sorted by offset; empty when the expression is well typed.
  std::vector<Issue> issues;
  // The type of the whole expression (`error` when it could not be determined).
  Type result_type = Type::Error();

  bool ok() const { return issues.empty(); }
};

// Checks `parsed` against `env` and the standard declarations. Never fails as such:
// problems are reported in `issues`. An AST deeper than 1,500 levels is reported instead
// of checked beyond that depth (the parser's nesting limit, at most 1,000, keeps parsed
// input below it); the check recurses once per level, about 2 KiB of stack each under
// AddressSanitizer and far less in release builds.
CheckResult Check(const ParsedExpr& parsed, const CheckEnv& env);

}  // namespace warden::cel
