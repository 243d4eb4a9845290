#pragma once
// What the renderers share (internal to report/): the per-format entry points Render
// dispatches to, and helpers that name findings, resources and locations the same way
// in every format.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "warden/engine/result.h"
#include "warden/policy/model.h"
#include "warden/report/report.h"

namespace warden::report {

// One renderer per format, each in its own file.
std::string RenderTable(const CheckReport& report, const RenderOptions& options);
std::string RenderJson(const CheckReport& report);
std::string RenderSarif(const CheckReport& report);
std::string RenderJunit(const CheckReport& report);
std::string RenderGithub(const CheckReport& report);
std::string RenderGitlab(const CheckReport& report);
std::string RenderMarkdown(const CheckReport& report, const RenderOptions& options);

// Rule ids of findings that are not a policy's rule.
inline constexpr std::string_view kEvaluationErrorRule = "warden/evaluation-error";
inline constexpr std::string_view kInputErrorRule = "warden/input-error";

// `policy/rule`, or `policy` when the rule is empty (a `match.when` or `let` error).
std::string RuleId(std::string_view policy, std::string_view rule);

// The file a violation points at: its own, else its document's.
const std::string& FindingFile(const engine::DocumentResult& document,
                               const engine::Violation& violation);

// A path as CI systems want it: backslashes turned into `/`, leading `./` removed.
std::string NormalizePath(std::string_view file);

// `file:line:column`, `file:line` or `file` as far as the position is known.
std::string LocationText(std::string_view file, uint32_t line, uint32_t column);

// How a document is named to people: `Pod default/web` (kind, namespace/name), or
// `document 2` (plus ` item 1`) when it has no kind and name.
std::string DocumentLabel(const engine::DocumentResult& document);
// The short form JUnit test names use: `Pod/web`, or `document 2`.
std::string ShortDocumentLabel(const engine::DocumentResult& document);

// The stable identity of a finding across runs: SHA-256 (hex) over the policy, rule,
// normalised file, the resource (apiVersion, kind, namespace, name — or the document
// and item index when the document has no kind and name), path and message. Line and
// column are left out so that edits above a finding do not change it.
std::string FindingFingerprint(const engine::DocumentResult& document,
                               const engine::Violation& violation);
// The same for an evaluation error (rule, message, policy expression's file).
std::string ErrorFingerprint(const engine::DocumentResult& document,
                             const engine::EvaluationError& error);
// The same for an unreadable input.
std::string InputErrorFingerprint(const InputError& error);

// Rank for sorting by severity, most severe first (critical = 0).
inline int SeverityRank(policy::Severity severity) {
  return static_cast<int>(policy::Severity::kCritical) - static_cast<int>(severity);
}

// The most severe of a policy result's unwaived violations with the given enforcement;
// the policy's own severity when there is none.
policy::Severity MaxSeverity(const engine::PolicyResult& policy, policy::Enforcement enforcement);

// Whether an outcome of `error` blocks (fail closed under enforce).
inline bool ErrorBlocks(const engine::PolicyResult& policy) {
  return policy.outcome == engine::Outcome::kError &&
         policy.enforcement == policy::Enforcement::kEnforce;
}

}  // namespace warden::report
