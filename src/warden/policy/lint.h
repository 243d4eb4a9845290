#pragma once
// Lints: problems that do not stop a bundle from running but are almost always mistakes
// (warnings, codes W2xx in docs/diagnostics.md):
//   W201 a declared parameter no expression reads
//   W202 a `let` no expression reads
//   W210 a rule that can never decide under first-match (an earlier rule of the same
//        policy with the same or a constant-true condition always fires first)
//   W211 two rules with the same match, condition and priority but opposite effects
//   W212 a policy whose match restricts both documents (kinds, namespaces) and requests
//        (actions, resources, subjects): it can never apply
//   W220 a deny rule without a `message`;  W221 a deny rule without `remediation`

#include "warden/base/diagnostic.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compiled.h"

namespace warden::policy {

void Lint(const BundleSource& source, const CompiledBundle& bundle, Diagnostics& diagnostics);

}  // namespace warden::policy
