#pragma once
// The optional-values library: optional.of, optional.ofNonZeroValue, optional.none,
// hasValue() and value(). (`or` and `orValue` evaluate their argument lazily and are
// planned by the evaluator itself; `a.?b` and `a[?b]` are operators of the planner.)

#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

void RegisterOptionalFunctions(FunctionRegistry& registry);

// Whether `value` is its type's zero value (null, false, 0, 0u, 0.0, "", b"", [], {},
// the zero duration or the Unix epoch, an empty optional).
bool IsZeroValue(const Value& value);

}  // namespace warden::cel
