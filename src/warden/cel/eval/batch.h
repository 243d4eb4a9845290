#pragma once
// Batch evaluation: one JSON object per line in, one per line out, in order. The engine
// behind `warden expr --batch` and the cel-spec conformance runner.
//
// Input line:  {"expr": "...", "bindings": {"name": TYPED, ...}, "container": "a.b",
//               "disable_check": bool, "disable_macros": bool, "check_only": bool,
//               "type_env": [{"name": "x", "ident": "int"} |
//                            {"name": "f", "function": [{"overload_id", "params",
//                             "result", "member", "type_params"}]}]}
// Output line: {"value": TYPED, "type": "T"} on success ("type" when checked),
//              {"type": "T"} for check_only, or {"error": "message"}.
// A malformed input line produces an error line and the batch goes on.

#include <string>
#include <string_view>

#include "warden/cel/eval/limits.h"

namespace warden::cel {

struct BatchOptions {
  EvalLimits limits;
  size_t max_line_bytes = size_t{1} << 20;
};

// Evaluates one input line (without its newline) and returns the output line (without
// a newline). Never fails: every problem becomes an {"error": ...} line.
std::string EvaluateBatchLine(std::string_view line, const BatchOptions& options = {});

}  // namespace warden::cel
