#pragma once
// Comparing what a case produced with what it expects (docs/testing.md).
//
// A case's actual result is flattened into findings: for documents, every violation of
// every policy on every document of the input, split into `waived` (an exception waived
// it), `warnings` (enforcement warn) and `violations` (the rest: enforce and audit); for
// requests, `violations` are the deciding rules, `warnings`, `waived` and `errors` those
// of the decision.
//
// An expected finding list matches when every entry matches (its count exactly, or at
// least one finding without a count) and every finding of a policy the list names is
// named by an entry (by policy and, when the entry gives one, rule). Findings of other
// policies are not checked, so a case about one policy survives changes to the others;
// an empty list means no findings at all.

#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/tester/test_case.h"

namespace warden::tester {

struct ActualFinding {
  std::string policy;
  std::string rule;
  std::string message;
  std::string exception;  // waived findings: the exception
};

struct CaseActual {
  bool is_request = false;
  engine::Outcome outcome = engine::Outcome::kSkip;     // documents: the worst policy outcome
  engine::Decision decision = engine::Decision::kDeny;  // requests
  std::vector<ActualFinding> violations;
  std::vector<ActualFinding> warnings;
  std::vector<ActualFinding> waived;
  std::vector<engine::EvaluationError> errors;
};

// The actual result of a document case (all documents of its input).
CaseActual ActualOfDocuments(const std::vector<engine::DocumentResult>& results);
// The actual result of a request case.
CaseActual ActualOfDecision(const engine::RequestDecision& decision);

// One way a case did not meet its expectation, with the lists to show side by side when
// a finding list differs.
struct Mismatch {
  std::string what;                   // `outcome: expected fail, got pass`
  std::vector<std::string> expected;  // finding lists: each expected entry, one line each
  std::vector<std::string> actual;    // and each actual finding
};

// Every mismatch between `expect` and `actual` (empty: the case passes).
std::vector<Mismatch> Compare(const Expectation& expect, const CaseActual& actual);

// `policy/rule: message` (message omitted when empty).
std::string DescribeFinding(const ActualFinding& finding);

}  // namespace warden::tester
