#pragma once
// A corpus case: one YAML file under tests/corpus/<topic>/ that states a policy bundle,
// inputs and the outcome Warden must produce, independent of how Warden is driven (the
// library runner here, the CLI, later the server). The format (tests/corpus/README.md):
//
//   description: what the case shows                     (required)
//   files: {PATH: TEXT}        the bundle directory: file name -> YAML text (required)
//   load: bundle | policies    `bundle` (default): the directory with its manifest;
//                              `policies`: every file as a policy file (`-p`)
//   variants: {NAME: {PATH: TEXT}}
//                              alternative files laid over `files`; every variant must
//                              give exactly the results of the case itself
//   environment: prod          the evaluation's environment (`--env`)
//   now: "2026-01-01T00:00:00Z"
//   input_format: terraform    forced on every document
//   documents: {NAME: TEXT}    inputs; the format comes from the name
//   expect_documents:          every (document, policy) pair, in any order
//     - {file, document_index, item_index, policy, status, errors,
//        violations: [{rule, line, column, path, message, remediation, waived_by,
//                      enforcement, severity, effect}]}
//   expect_input_errors: [NAME]
//   requests:
//     - request: {subject, action, resource, context, environment}
//       expect: {decision, rules, messages, default, obligations, approvers, errors,
//                warnings, audits, waived, waived_by}
//   expect_diagnostics: [E121] the bundle fails to load with exactly these error codes
//   expect_warnings: [W201]    the bundle loads with exactly these warning codes
//   known_bug: text            the implementation does not decide as the case says yet:
//                              the case runs only in CorpusTest.DISABLED_KnownBugCases...

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/node.h"

namespace warden::corpus {

using FileList = std::vector<std::pair<std::string, std::string>>;

struct CorpusRequest {
  std::string json;                    // the request as JSON text
  const data::Node* expect = nullptr;  // the `expect` map
  SourcePosition position;
};

struct CorpusCase {
  std::string name;  // path relative to the corpus directory, e.g. `matching/kinds.yaml`
  std::string description;
  FileList files;
  std::vector<std::pair<std::string, FileList>> variants;
  bool load_policies = false;  // `load: policies`
  std::string environment;
  std::string now = "2026-01-01T00:00:00Z";
  std::string input_format;
  FileList documents;
  const data::Node* expect_documents = nullptr;  // a list, or nullptr
  std::vector<std::string> expect_input_errors;
  std::vector<CorpusRequest> requests;
  std::optional<std::vector<std::string>> expect_diagnostics;
  std::optional<std::vector<std::string>> expect_warnings;
  std::string known_bug;  // empty: the implementation must pass the case

  data::Document document;  // keeps the nodes above alive
};

// Parses a case file's text. InvalidArgument naming the problem (unknown keys, wrong
// types) so a typo in a case never passes silently.
StatusOr<CorpusCase> ParseCase(std::string_view text, const std::string& name);

// Every `*.yaml` case below `directory` (the runner's own folder excluded), as paths
// relative to it, sorted.
std::vector<std::string> ListCases(const std::string& directory);

}  // namespace warden::corpus
