#pragma once
// Compile: resolved policies (bundle_loader.h) to an immutable CompiledBundle. Every CEL
// string is parsed, type-checked and planned; problems are diagnostics with the file,
// line and column of the offending character and a caret snippet (E130 syntax, E131
// type errors, E132 templates, E133 let names), then the lints of lint.h run.

#include <memory>

#include "warden/base/diagnostic.h"
#include "warden/cel/eval/limits.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compiled.h"

namespace warden::policy {

struct CompileOptions {
  cel::EvalLimits limits;  // per evaluation of every program
  bool lint = true;        // run lint.h on the result
  // Also compile each condition's coverage circuit (CompiledRule::coverage), for
  // `warden test --coverage`.
  bool coverage = false;
};

// Compiles `source`. Returns a bundle even when there are errors (the policies that
// compiled), so `validate` can report everything; callers that enforce must refuse to
// use it when diagnostics.has_errors().
std::shared_ptr<const CompiledBundle> Compile(const BundleSource& source, Diagnostics& diagnostics,
                                              const CompileOptions& options = {});

}  // namespace warden::policy
