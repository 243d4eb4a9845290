#pragma once
// Compiling one CEL string of a policy file, with diagnostics that point into the file.

#include <memory>
#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/policy/model.h"

namespace warden::policy {

// Where `text` starts in `file` as a CEL ExprOrigin (its origin, else its position).
cel::ExprOrigin OriginOf(const Text& text, const std::string& file);

// Compiles `text` with `env`; on failure adds E130 (syntax) or E131 (type) diagnostics,
// located at the offending character, and returns nullptr. `what` names the field for
// messages (e.g. "condition of rule `no-privileged`").
std::shared_ptr<const cel::Program> CompileCel(const cel::Env& env, const Text& text,
                                               const std::string& file,
                                               const cel::CompileOptions& options,
                                               Diagnostics& diagnostics);

// The identifiers an expression reads (variables, and `params.NAME` as `params.NAME`),
// for unused-parameter and unused-let lints. Empty when it does not parse.
std::vector<std::string> ReferencedNames(const std::string& expression);

}  // namespace warden::policy
