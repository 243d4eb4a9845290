#include "warden/tester/test_run.h"

#include <algorithm>

namespace warden::tester {

size_t TestRun::passed() const {
  return static_cast<size_t>(
      std::count_if(cases.begin(), cases.end(), [](const CaseResult& c) { return c.passed; }));
}

}  // namespace warden::tester
