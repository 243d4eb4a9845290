#pragma once
// Declarations the type checker resolves names against: variables with their types, and
// functions as sets of overloads (cel-spec "Overloads" and "Standard Definitions").
//
// An overload is a signature. A global overload `f(A, B) -> R` is called as `f(a, b)`; a
// member (receiver-style) overload is called as `a.f(b)` and lists the receiver type as
// its first parameter. Type parameters (`A`, `T`, ...) are instantiated afresh for every
// call and bound by unification, so `_+_(list(A), list(A)) -> list(A)` types
// `[1] + [2]` as `list(int)`. A type parameter is any TypeKind::kTypeParam occurring in
// the signature; `type_params` documents them (and may list extra names).
//
// Plain aggregates: copy freely, no invariants beyond "names are non-empty".

#include <string>
#include <vector>

#include "warden/cel/check/type.h"

namespace warden::cel {

struct VariableDecl {
  std::string name;  // fully qualified, e.g. `request.auth` (no leading dot)
  Type type;
};

struct OverloadDecl {
  // Identifies the signature, e.g. `add_int64`; unique except that a signature declared
  // under two names (aliases such as `math.greatest` and `math.@max`) keeps one id.
  std::string id;
  std::vector<Type> params;  // receiver first for member overloads
  Type result;
  bool member = false;
  std::vector<std::string> type_params;
};

struct FunctionDecl {
  std::string name;  // e.g. `size`, `_+_`, `math.greatest`
  std::vector<OverloadDecl> overloads;
};

}  // namespace warden::cel
