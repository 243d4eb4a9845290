#pragma once
// Warden's public embedding API (docs/embedding.md): what checking a configuration
// document (a Kubernetes manifest, a Terraform plan, a Dockerfile, a CI workflow) gives,
// as Policies::Check returns it.
//
// One text may hold several documents (a YAML stream, JSON Lines, the resource changes of
// a Terraform plan, the items of a Kubernetes `List`): each is one DocumentOutcome, in
// text order, listing the outcome of every policy that applies to it. Plain values that
// own their strings: they stay valid after the Policies that made them are gone.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "warden/decision.h"
#include "warden/vocabulary.h"

namespace warden {
inline namespace api_v1 {

// A finding of one rule on one document (one `foreach` element).
struct Violation {
  std::string policy;
  std::string rule;
  std::string rule_title;
  Severity severity = Severity::kMedium;
  RuleEffect effect = RuleEffect::kDeny;
  Enforcement enforcement = Enforcement::kEnforce;
  std::string message;
  // Where in the document: a dotted path (`spec.containers[0].image`) and the 1-based
  // line and column where that node (or its nearest existing ancestor) is written in the
  // checked text, named `file`: a map member's key, a list item's value.
  std::string path;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string remediation;
  std::vector<std::string> controls;  // compliance control ids
  // The exception that waived the finding; empty when none did.
  std::string waived_by;

  // Whether the finding blocks: not waived and enforced.
  bool blocking() const { return waived_by.empty() && enforcement == Enforcement::kEnforce; }
};

// The outcome of one policy on one document.
struct PolicyOutcome {
  std::string policy;
  std::string title;
  Severity severity = Severity::kMedium;
  Enforcement enforcement = Enforcement::kEnforce;  // after the environment's settings
  Outcome outcome = Outcome::kPass;
  std::vector<Violation> violations;    // waived ones included (Violation::waived_by)
  std::vector<std::string> waived_by;   // exceptions that waived something
  std::vector<EvaluationError> errors;  // set when `outcome` is kError

  // A blocking violation, or an evaluation error under enforcement `enforce` (errors
  // fail closed).
  bool blocking() const;
};

struct DocumentOutcome {
  std::string file;                  // the name given to Check
  size_t document_index = 0;         // 0-based, among the documents of the text
  std::optional<size_t> item_index;  // position inside a Kubernetes `List`
  // What the document is, as policies match it: for Kubernetes objects their
  // apiVersion, kind, metadata.name and metadata.namespace; other inputs get a
  // synthetic kind (`Dockerfile`, `GitHubWorkflow`, `GitLabCI`, `TerraformPlan`, or a
  // Terraform resource type such as `aws_s3_bucket`). Empty when unknown.
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_name;
  // Every policy that applies, in bundle order (policies that do not match the
  // document are not listed).
  std::vector<PolicyOutcome> policies;

  bool blocking() const;
};

struct CheckResult {
  std::vector<DocumentOutcome> documents;
  // Set when the text could not be checked: it could not be read in its format
  // (`file:line:column: reason`), it broke a limit (Options), or the evaluation time was
  // not set. `documents` is then empty and the result blocks (fail closed).
  std::string error;
  std::string bundle_name;
  std::string bundle_version;
  std::string bundle_digest;
  std::string environment;  // EvalContext::environment

  // True when the result must stop a deployment: `error` is set, an evaluation error
  // under enforcement `enforce`, or a blocking violation of severity `at_least` or more.
  // The rule `warden check --fail-on SEVERITY` applies (its default is kInfo: every
  // blocking violation).
  bool blocked(Severity at_least = Severity::kInfo) const;

  // The JSON report `warden check --format json` writes for one input (summary,
  // results, errors, tool, bundle, environment), pretty-printed, ending with a newline.
  std::string ToJson() const;
};

}  // namespace api_v1
}  // namespace warden
