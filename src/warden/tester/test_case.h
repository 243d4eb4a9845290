#pragma once
// The cases of `kind: Test` documents (LANGUAGE.md §2, docs/testing.md), read into plain
// values the runner executes: which input, with which environment, parameters, time and
// exceptions, and what must come out.
//
// Reading never stops at the first problem: each is a diagnostic (E150–E156,
// docs/diagnostics.md) at the line and column of the offending field, and a case with a
// problem is left out. The nodes a case points at live in the Test document's storage,
// which must outlive the cases.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/data/node.h"
#include "warden/engine/result.h"
#include "warden/policy/model.h"

namespace warden::tester {

// kFile: documents read from a file; kRequestFile: a JSON request read from a file (a
// file input whose case expects a `decision`); kDocument, kRequest: inline.
enum class InputKind { kFile, kRequestFile, kDocument, kRequest };

// One entry of `expect.violations`, `expect.warnings` or `expect.waived`. Empty strings
// match anything; `message` is a substring; without `count`, at least one finding.
struct ExpectedFinding {
  std::string policy;
  std::string rule;
  std::string message;
  std::string exception;  // `waived` only: the exception that waived it
  std::optional<size_t> count;
  SourcePosition position;
};

// One entry of `expect.errors`: an evaluation error of `policy` (and `rule`) whose message
// contains `message`.
struct ExpectedError {
  std::string policy;
  std::string rule;
  std::string message;
  SourcePosition position;
};

// What a case must produce. Unset members are not checked; an empty list means none.
struct Expectation {
  std::optional<engine::Outcome> outcome;    // documents
  std::optional<engine::Decision> decision;  // requests
  std::optional<std::vector<ExpectedFinding>> violations;
  std::optional<std::vector<ExpectedFinding>> warnings;
  std::optional<std::vector<ExpectedFinding>> waived;
  std::optional<std::vector<ExpectedError>> errors;
};

struct ParamValue {
  std::string name;
  const data::Node* value = nullptr;
};

struct TestCase {
  std::string test;  // the Test document's metadata.name
  std::string name;
  SourceLocation location;  // of the case in its test file
  InputKind input = InputKind::kDocument;
  std::string input_file;                    // resolved against the test file's directory
  const data::Node* inline_input = nullptr;  // kDocument, kRequest
  std::string environment;
  bool has_now = false;
  int64_t now_seconds = 0;
  int32_t now_nanos = 0;
  std::vector<ParamValue> params;
  std::vector<std::string> exception_files;  // resolved like input_file
  Expectation expect;
  // `expect_error`: the case must fail to load its input or to evaluate, with an error
  // message containing this text (empty: any error).
  std::optional<std::string> expect_error;

  // `test / name`, as `--run` filters and reports show it.
  std::string FullName() const { return test + " / " + name; }
};

// Reads every case of `test`; problems go to `diagnostics`.
std::vector<TestCase> ReadTestCases(const policy::TestDoc& test, Diagnostics& diagnostics);

}  // namespace warden::tester
