// libFuzzer target: reading Test cases (tester/test_case.h) from any YAML the policy
// loader accepts. Whatever the input, reading must not crash, every diagnostic must carry
// the file and a known position, and every case read must have a name and a location.

#include <cstddef>
#include <cstdint>

#include "data_fuzz_util.h"
#include "warden/policy/loader.h"
#include "warden/tester/test_case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace policy = warden::policy;
  policy::PolicySet set;
  warden::Diagnostics load_diagnostics;
  policy::LoadOptions options;
  options.limits = warden::data::fuzz::SmallLimits();
  policy::LoadText(warden::data::fuzz::AsText(data, size), "fuzz_test.yaml", set, load_diagnostics,
                   options);
  for (const policy::TestDoc& test : set.tests) {
    warden::Diagnostics diagnostics;
    std::vector<warden::tester::TestCase> cases = warden::tester::ReadTestCases(test, diagnostics);
    for (const warden::Diagnostic& diagnostic : diagnostics.items()) {
      if (diagnostic.location.file != "fuzz_test.yaml" || diagnostic.code.empty() ||
          !diagnostic.location.position.known()) {
        __builtin_trap();
      }
    }
    for (const warden::tester::TestCase& test_case : cases) {
      if (test_case.name.empty() || !test_case.location.position.known()) __builtin_trap();
      bool inline_input = test_case.input == warden::tester::InputKind::kDocument ||
                          test_case.input == warden::tester::InputKind::kRequest;
      if (inline_input != (test_case.inline_input != nullptr)) __builtin_trap();
    }
  }
  return 0;
}
