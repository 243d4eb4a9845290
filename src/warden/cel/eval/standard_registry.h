#pragma once
// The process-wide registry of every built-in function implementation: the standard
// library, the strings/math/encoders/optional extensions and Warden's functions. Built
// on first use (thread-safe), read-only afterwards.

#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

const FunctionRegistry& StandardRegistry();

}  // namespace warden::cel
