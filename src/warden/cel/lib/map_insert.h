#pragma once
// `cel.@mapInsert`: the internal helper the transformMap / transformMapEntry macros
// expand to. cel.@mapInsert(m, k, v) returns m plus the entry k: v; cel.@mapInsert(m, n)
// returns m plus every entry of the map n. A key already present is an error.

#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

void RegisterMapInsert(FunctionRegistry& registry);

}  // namespace warden::cel
