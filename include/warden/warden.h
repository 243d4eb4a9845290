#pragma once
// Warden's public embedding API, all of it (docs/embedding.md): Policies (load, decide,
// check), the results (Decision, CheckResult) and their vocabulary.

#include "warden/check_result.h"  // IWYU pragma: export
#include "warden/decision.h"      // IWYU pragma: export
#include "warden/policies.h"      // IWYU pragma: export
#include "warden/vocabulary.h"    // IWYU pragma: export
