// libFuzzer target: the policy loader (YAML → model structs + diagnostics) with small
// reader limits. Whatever the input, loading must not crash, and every diagnostic must
// carry the file and a known position (E100 for unreadable YAML may lack one only when
// the reader reports none).

#include <cstddef>
#include <cstdint>

#include "data_fuzz_util.h"
#include "warden/policy/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using warden::Diagnostic;
  using warden::Diagnostics;
  namespace policy = warden::policy;
  policy::PolicySet set;
  Diagnostics diagnostics;
  policy::LoadOptions options;
  options.limits = warden::data::fuzz::SmallLimits();
  policy::LoadText(warden::data::fuzz::AsText(data, size), "fuzz.yaml", set, diagnostics, options);
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (diagnostic.location.file != "fuzz.yaml" || diagnostic.code.empty() ||
        diagnostic.message.empty()) {
      __builtin_trap();
    }
    if (diagnostic.code != "E100" && !diagnostic.location.position.known()) __builtin_trap();
    (void)warden::FormatDiagnostic(diagnostic);
  }
  // Every Text of a loaded policy points into the file.
  for (const policy::PolicyDoc& doc : set.policies) {
    for (const policy::RuleDoc& rule : doc.rules) {
      if (!rule.id.position.known() || !rule.id.origin.known()) __builtin_trap();
      if (rule.condition && !rule.condition->origin.known()) __builtin_trap();
    }
  }
  return 0;
}
