#pragma once
// Rendering what `warden check` and `warden eval` produced, for people and for the CI
// systems that gate on it (docs/output-formats.md).
//
// A CheckReport is everything one check run produced: the engine's per-(document, policy)
// results, the inputs that could not be read, and which tool and bundle made them. Render
// turns it into one of seven formats: a terminal table, Warden's own JSON, SARIF 2.1.0
// (GitHub code scanning), JUnit XML (GitLab, Jenkins), GitHub workflow commands, a GitLab
// Code Quality report and a Markdown pull-request comment. Request decisions have their
// own one-line JSON and a human `--explain` text.
//
// Every renderer is a pure function of its arguments: no clock, no environment, no
// randomness, and input order is kept, so the same report always renders to the same
// bytes (tests compare output exactly). Thread-safe. Text is expected as UTF-8; invalid
// sequences are replaced by U+FFFD in the structured formats (JSON, SARIF, JUnit, GitLab).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/engine/result.h"
#include "warden/policy/model.h"

namespace warden::report {

// An input file that could not be read or parsed (failure channel 3): the check could
// not judge it, so it counts against the run.
struct InputError {
  std::string file;
  uint32_t line = 0;  // 0: unknown
  uint32_t column = 0;
  std::string message;
};

// Everything one `warden check` run produced.
struct CheckReport {
  std::vector<engine::DocumentResult> results;
  std::vector<InputError> input_errors;
  std::string tool_version;  // e.g. "0.1.0"
  // Absolute URI of the tool's home page for SARIF `tool.driver.informationUri`; the key
  // is left out while it is empty.
  std::string tool_information_uri;
  std::string bundle_name;
  std::string bundle_version;
  std::string bundle_digest;  // sha256 hex
  std::string environment;
};

// Counts over a CheckReport. A (document, policy) pair is counted once under its
// outcome. Findings are counted one per Violation: `violations` are the findings no
// exception waived, split by enforcement into `blocking` (enforce), `warnings` (warn)
// and `audited` (audit); `waived` counts the waived ones apart.
struct Summary {
  size_t documents = 0;           // DocumentResults
  size_t policies_evaluated = 0;  // (document, policy) pairs, whatever their outcome
  size_t passed = 0;
  size_t failed = 0;
  size_t warned = 0;
  size_t errored = 0;
  size_t skipped = 0;
  size_t violations = 0;
  size_t blocking = 0;
  size_t warnings = 0;
  size_t audited = 0;
  size_t waived = 0;
  size_t evaluation_errors = 0;  // EvaluationErrors over all pairs
  // Pairs whose outcome is `error` under `enforce` enforcement: they block (fail closed).
  size_t blocking_errors = 0;
  size_t input_errors = 0;
  // Unwaived violations per severity, indexed by policy::Severity (kInfo..kCritical).
  std::array<size_t, 5> by_severity{};

  size_t CountOf(policy::Severity severity) const {
    return by_severity[static_cast<size_t>(severity)];
  }
  // True when the run must fail a pipeline: a blocking violation, an error outcome
  // under enforce, or an unreadable input.
  bool blocked() const { return blocking > 0 || blocking_errors > 0 || input_errors > 0; }
};

Summary Summarize(const CheckReport& report);

enum class Format { kTable, kJson, kSarif, kJunit, kGithub, kGitlab, kMarkdown };

// `table`, `json`, `sarif`, `junit`, `github`, `gitlab`, `markdown`.
const char* FormatName(Format format);
// Parses one of the names above (exact, lowercase); false otherwise, `out` untouched.
bool ParseFormat(std::string_view text, Format& out);

struct RenderOptions {
  // table: ANSI colours (the caller decides: a terminal, no NO_COLOR).
  bool color = false;
  // table, markdown: list passing (document, policy) pairs too. The machine formats
  // always include every pair they define entries for.
  bool show_passes = false;
  // table: only blocking findings, errors and the summary line.
  bool quiet = false;
  // markdown: rows per table before "and N more"; 0 means no limit.
  size_t max_rows = 50;
};

// Renders `report` in `format`; every format ends with a newline.
std::string Render(const CheckReport& report, Format format, const RenderOptions& options = {});

// The table's closing line, e.g.
// `12 documents, 3 failed, 1 warned, 40 passed; 5 violations (4 blocking)`.
std::string SummaryLine(const Summary& summary);

// A request decision as one line of JSON without a trailing newline (JSON Lines output):
// {"decision", "rules", "reasons", "obligations", "warnings", "audits", "waived",
//  "waived_by", "errors", "default", "bundle": {"name", "version", "digest"}}.
std::string RenderDecisionJson(const engine::RequestDecision& decision);

// `--explain`: the decision, what decided it and every evaluation step, as text for
// people (ends with a newline).
std::string RenderExplain(const engine::RequestDecision& decision,
                          const std::vector<engine::ExplainStep>& steps);

}  // namespace warden::report
