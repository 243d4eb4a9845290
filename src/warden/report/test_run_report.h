#pragma once
// Rendering a `warden test` run (tester/test_run.h): a table for people, JSON for tools,
// JUnit XML for CI test tabs. Every format ends with a newline and is deterministic (no
// times).

#include <string>

#include "warden/tester/test_run.h"

namespace warden::report {

struct TestRenderOptions {
  bool color = false;
  bool verbose = false;  // list passing cases too
};

std::string RenderTestTable(const tester::TestRun& run, const TestRenderOptions& options = {});
std::string RenderTestJson(const tester::TestRun& run);
std::string RenderTestJunit(const tester::TestRun& run);

}  // namespace warden::report
