#pragma once
// Type unification for the checker (internal to check/): assignability with type
// parameter substitution, the occurs check, substitution and the most general of two
// types. The algorithm is cel-go's (checker/types.go), which the conformance data's
// type expectations are written against:
//
//  * `dyn` and `error` unify with anything;
//  * a free type parameter binds to the other type (unless that type contains it);
//    a bound one is widened to the more general of its binding and the other type, so
//    `[optional.of(1), optional.of(dyn(1))]` is `list(optional_type(dyn))`;
//  * `null_type` unifies with timestamps, durations and opaque types (legacy nullability);
//  * list, map and opaque types unify parameter by parameter, all `type` values unify.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/cel/check/type.h"

namespace warden::cel::check_internal {

// Bindings of type parameters (by name) to types, with an undo trail so that a failed
// unification attempt leaves no trace.
class Substitutions {
 public:
  // The binding of the type parameter `param`, or nullptr.
  const Type* Find(const Type& param) const;
  // Binds (or rebinds) the type parameter `param`.
  void Bind(const Type& param, Type type);

  // A point to roll back to, and the rollback.
  size_t Mark() const { return trail_.size(); }
  void Rollback(size_t mark);

 private:
  struct Undo {
    std::string name;
    bool had_binding = false;
    Type old_binding;
  };

  std::unordered_map<std::string, Type> bindings_;
  std::vector<Undo> trail_;
};

// Whether the two types unify (cel-go's isAssignable(t1, t2)), binding type parameters
// on success; on failure the substitutions are left unchanged. Without subtypes the
// relation is symmetric except for the order in which parameters are bound, so callers
// pass the operands in cel-go's order: (argument types, declared parameter types) for
// calls, (expected, actual) for assertions, (previous, current) for literal elements.
bool IsAssignable(Substitutions& subs, const Type& first, const Type& second);
// IsAssignable element by element; all-or-nothing.
bool IsAssignableList(Substitutions& subs, const std::vector<Type>& first,
                      const std::vector<Type>& second);

// Whether `first` is `dyn`, a type parameter, or equal to `second` up to `dyn`s in
// `first` (so it is at least as general).
bool IsEqualOrLessSpecific(const Type& first, const Type& second);

// The more general of two types known to unify.
Type MostGeneral(const Type& first, const Type& second);

// A list, map, type or opaque type like `type` but with the given parameters (as many as
// `type` has).
Type WithParams(const Type& type, std::vector<Type> params);

// `type` with bound type parameters replaced by their bindings (recursively); unbound
// ones become `dyn` when `free_to_dyn` is set and stay otherwise.
Type Substitute(const Substitutions& subs, const Type& type, bool free_to_dyn);

}  // namespace warden::cel::check_internal
