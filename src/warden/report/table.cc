// The human output of `warden check` (docs/output-formats.md, "table"): findings grouped
// by file, then document, then the summary line. User text goes through TerminalText so
// a document cannot write escape sequences to the terminal.

#include <map>
#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/findings.h"
#include "warden/report/report.h"
#include "warden/report/text.h"

namespace warden::report {

namespace {

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!color_) return std::string(text);
    std::string out(style);
    out += text;
    out += kReset;
    return out;
  }

 private:
  bool color_;
};

constexpr size_t kFindingIndent = 4;
constexpr size_t kDetailIndent = 6;

void AppendViolation(std::string& out, const Painter& paint, const engine::DocumentResult& document,
                     const engine::Violation& violation) {
  std::string_view mark = "✗";
  std::string_view style = kRed;
  std::string suffix;
  if (!violation.waived_by.empty()) {
    mark = "~";
    style = kDim;
    suffix = " (waived by " + TerminalText(violation.waived_by, 0) + ")";
  } else if (violation.enforcement == policy::Enforcement::kWarn) {
    mark = "!";
    style = kYellow;
    suffix = " (warn)";
  } else if (violation.enforcement != policy::Enforcement::kEnforce) {
    mark = "·";
    style = kDim;
    suffix = " (audit)";
  }
  out.append(kFindingIndent, ' ');
  out += paint(style, mark);
  out += ' ';
  out += paint(kBold, TerminalText(RuleId(violation.policy, violation.rule), kDetailIndent));
  out += " [" + std::string(policy::SeverityName(violation.severity)) + "] ";
  out += TerminalText(violation.message, kDetailIndent);
  out += paint(kDim, suffix);
  out += '\n';

  out.append(kDetailIndent, ' ');
  out += paint(kDim, TerminalText(LocationText(FindingFile(document, violation), violation.line,
                                               violation.column),
                                  kDetailIndent));
  if (!violation.path.empty()) out += "  " + TerminalText(violation.path, kDetailIndent);
  out += '\n';
  if (!violation.remediation.empty()) {
    out.append(kDetailIndent, ' ');
    out += "remediation: " + TerminalText(violation.remediation, kDetailIndent) + '\n';
  }
}

void AppendError(std::string& out, const Painter& paint, const engine::PolicyResult& policy,
                 const engine::EvaluationError& error) {
  out.append(kFindingIndent, ' ');
  out += paint(kRed, "✗");
  out += ' ';
  out += paint(kBold, TerminalText(RuleId(error.policy, error.rule), kDetailIndent));
  out += ' ';
  out += paint(kRed, "evaluation error:");
  out += ' ' + TerminalText(error.message, kDetailIndent);
  if (!ErrorBlocks(policy)) out += paint(kDim, " (does not block)");
  out += '\n';
  if (!error.file.empty()) {
    out.append(kDetailIndent, ' ');
    out += paint(kDim,
                 TerminalText(LocationText(error.file, error.line, error.column), kDetailIndent));
    out += '\n';
  }
}

// The lines one document contributes (empty when it has nothing to show).
std::string DocumentLines(const engine::DocumentResult& document, const Painter& paint,
                          const RenderOptions& options) {
  std::string lines;
  for (const engine::PolicyResult& policy : document.policies) {
    for (const engine::Violation& violation : policy.violations) {
      AppendViolation(lines, paint, document, violation);
    }
    for (const engine::EvaluationError& error : policy.errors) {
      AppendError(lines, paint, policy, error);
    }
    if (options.show_passes && policy.outcome == engine::Outcome::kPass &&
        policy.violations.empty()) {
      lines.append(kFindingIndent, ' ');
      lines += paint(kGreen, "✓") + ' ' + TerminalText(policy.policy, kDetailIndent) + '\n';
    }
  }
  return lines;
}

std::string DocumentHeading(const engine::DocumentResult& document) {
  std::string label = DocumentLabel(document);
  if (!document.resource.kind.empty() || !document.resource.name.empty()) {
    label += " (document " + std::to_string(document.document_index);
    if (document.item_index) label += " item " + std::to_string(*document.item_index);
    label += ")";
  }
  return TerminalText(label, 2);
}

void AppendInputErrors(std::string& out, const Painter& paint, const CheckReport& report) {
  for (const InputError& error : report.input_errors) {
    out += TerminalText(LocationText(error.file, error.line, error.column), 2) + ": ";
    out += paint(kRed, "error:");
    out += ' ' + TerminalText(error.message, 2) + '\n';
  }
}

std::string StyledSummary(const Painter& paint, const Summary& summary) {
  std::string_view style = summary.blocked() ? kRed : summary.warnings != 0 ? kYellow : kGreen;
  return paint(style, SummaryLine(summary)) + '\n';
}

// --quiet: blocking findings and errors as single compiler-style lines, then the summary.
std::string RenderQuiet(const CheckReport& report, const Painter& paint) {
  std::string out;
  AppendInputErrors(out, paint, report);
  for (const engine::DocumentResult& document : report.results) {
    for (const engine::PolicyResult& policy : document.policies) {
      for (const engine::Violation& violation : policy.violations) {
        if (!violation.blocking()) continue;
        out += TerminalText(
            LocationText(FindingFile(document, violation), violation.line, violation.column), 2);
        out += ": " + paint(kRed, "✗") + ' ';
        out += TerminalText(RuleId(violation.policy, violation.rule), 2);
        out += " [" + std::string(policy::SeverityName(violation.severity)) + "] ";
        out += TerminalText(violation.message, 2) + '\n';
      }
      if (!ErrorBlocks(policy)) continue;
      for (const engine::EvaluationError& error : policy.errors) {
        out += TerminalText(document.file, 2) + ": " + paint(kRed, "evaluation error:") + ' ';
        out += TerminalText(RuleId(error.policy, error.rule), 2) + ": ";
        out += TerminalText(error.message, 2) + '\n';
      }
    }
  }
  out += StyledSummary(paint, Summarize(report));
  return out;
}

}  // namespace

std::string RenderTable(const CheckReport& report, const RenderOptions& options) {
  const Painter paint(options.color);
  if (options.quiet) return RenderQuiet(report, paint);

  std::string out;
  AppendInputErrors(out, paint, report);
  if (!out.empty()) out += '\n';

  // Files in the order they first appear, each with its documents' lines.
  std::vector<std::string> files;
  std::map<std::string, std::string> file_lines;
  for (const engine::DocumentResult& document : report.results) {
    std::string lines = DocumentLines(document, paint, options);
    if (lines.empty()) continue;
    auto [it, inserted] = file_lines.try_emplace(document.file);
    if (inserted) files.push_back(document.file);
    it->second += "  " + paint(kBold, DocumentHeading(document)) + '\n' + lines;
  }
  for (const std::string& file : files) {
    out += paint(kBold, TerminalText(file, 0)) + '\n';
    out += file_lines[file];
    out += '\n';
  }
  out += StyledSummary(paint, Summarize(report));
  return out;
}

}  // namespace warden::report
