#pragma once
// `warden test`: runs the cases of Test documents (tester/test_case.h) through the same
// engine as `check` and `eval`, and compares what each produced with what it expects
// (tester/verdict.h). docs/testing.md describes the cases and their semantics.
//
// A case that sets `params` or `exceptions` runs on its own compilation of the bundle
// with those parameter values and the exceptions of those files added; the others share
// the bundle's engine. Problems that make a test invalid (an unreadable fixture, a
// parameter no policy declares or of the wrong type, a bad exceptions file) are
// diagnostics (E151, E152, E155), and their cases count as failed.

#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/engine/engine.h"
#include "warden/service/bundle_service.h"
#include "warden/service/inputs.h"
#include "warden/tester/test_run.h"

namespace warden::service {

struct TestOptions {
  // RE2 pattern matched against `test / case` names; empty: every case.
  std::string run_filter;
  // Evaluation time for cases without `now`; environment for cases without one.
  engine::EvalOptions defaults;
  ReadOptions read;
  // Count rule and branch coverage (TestRun::coverage). The bundle must have been compiled
  // with CompileOptions::coverage for branch counts.
  bool coverage = false;
};

// The Test documents to run: those of the bundle, or, when `paths` is not empty, those
// in these files and directories (every .yaml/.yml file below), loaded with the policy
// loader (load problems are diagnostics).
std::vector<policy::TestDoc> CollectTests(const LoadedBundle& bundle,
                                          const std::vector<std::string>& paths,
                                          std::shared_ptr<policy::PolicySet>& storage,
                                          Diagnostics& diagnostics);

// The files the cases of `tests` read (inputs and exception files), for `--watch`.
std::vector<std::string> TestInputFiles(const std::vector<policy::TestDoc>& tests);

// Reads every case of the bundle's Test documents and reports their problems (E150,
// E153, E154), without running them: what `warden validate` checks of tests.
void ValidateTests(const policy::BundleSource& source, Diagnostics& diagnostics);

// Runs every case of `tests` (that the filter keeps) against `bundle`. A malformed
// filter is InvalidArgument.
StatusOr<tester::TestRun> RunTests(const LoadedBundle& bundle,
                                   const std::vector<policy::TestDoc>& tests,
                                   const TestOptions& options, Diagnostics& diagnostics);

}  // namespace warden::service
