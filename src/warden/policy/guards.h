#pragma once
// Guards: the equality tests at the top level of a condition's `&&` chain
// (`action == "data:read"`, `subject.role in ["admin", "developer"]`). A rule can only
// fire when every guard holds, so the engine checks guards with one hash lookup per
// distinct path before it evaluates anything (compiled.h, Guard).

#include <string>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/policy/compiled.h"

namespace warden::policy {

// The guards of `condition` (empty when it does not parse or has none). Only paths
// rooted at a shared variable count, never `let` names, `item` or `index`.
std::vector<Guard> ExtractGuards(const std::string& condition);

// Guards plus the residual: the condition's other conjuncts as one parsed expression
// (`a && b` of what is left, in order), or a null `expr` when the guards are all of it.
struct GuardSplit {
  std::vector<Guard> guards;
  cel::ParsedExpr residual;
};
// Splits a condition that parses; `parsed` is consumed.
GuardSplit SplitGuards(cel::ParsedExpr parsed);

}  // namespace warden::policy
