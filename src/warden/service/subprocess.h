#pragma once
// Running a helper program (git, tar) without a shell: the arguments go to the program
// as they are, so user text (a revision name, a path) can never be read as shell syntax.

#include <string>
#include <vector>

#include "warden/base/status.h"

namespace warden::service {

struct ProcessResult {
  int exit_code = 0;  // the exit status, or 128 + the signal that ended the program
  std::string out;    // standard output
  std::string err;    // standard error
};

// Runs argv[0] (looked up in PATH) with `argv`, standard input from /dev/null, and
// waits for it. Output beyond 64 MiB per stream is dropped. Errors: InvalidArgument
// (empty argv), Unavailable (the program could not be started, e.g. not installed).
// Thread-safe.
StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv);

}  // namespace warden::service
