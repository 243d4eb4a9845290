#include "warden/base/diagnostic.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace warden {

const char* DiagnosticSeverityName(DiagnosticSeverity severity) {
  return severity == DiagnosticSeverity::kError ? "error" : "warning";
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.location.ToString();
  if (!out.empty()) out += ": ";
  out += DiagnosticSeverityName(diagnostic.severity);
  out += "[" + diagnostic.code + "]: " + diagnostic.message;
  if (!diagnostic.snippet.empty()) {
    out += "\n" + diagnostic.snippet;
    while (!out.empty() && out.back() == '\n') out.pop_back();
  }
  if (!diagnostic.help.empty()) out += "\n  = help: " + diagnostic.help;
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (items_.size() >= cap_) {
    ++dropped_;
    return;
  }
  if (diagnostic.severity == DiagnosticSeverity::kError) {
    ++error_count_;
  } else {
    ++warning_count_;
  }
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(std::string code, SourceLocation location, std::string message,
                        std::string help) {
  Add({std::move(code),
       DiagnosticSeverity::kError,
       std::move(location),
       std::move(message),
       std::move(help),
       {}});
}

void Diagnostics::Warning(std::string code, SourceLocation location, std::string message,
                          std::string help) {
  Add({std::move(code),
       DiagnosticSeverity::kWarning,
       std::move(location),
       std::move(message),
       std::move(help),
       {}});
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (const Diagnostic& diagnostic : other.items_) Add(diagnostic);
  dropped_ += other.dropped_;
}

void Diagnostics::Sort() {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.location.file, d.location.position.line, d.location.position.column, d.code,
                    d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  auto same = [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); };
  items_.erase(std::unique(items_.begin(), items_.end(), same), items_.end());
  error_count_ = 0;
  warning_count_ = 0;
  for (const Diagnostic& diagnostic : items_) {
    if (diagnostic.severity == DiagnosticSeverity::kError) {
      ++error_count_;
    } else {
      ++warning_count_;
    }
  }
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t col = 0; col <= b.size(); ++col) row[col] = col;
  for (size_t a_idx = 1; a_idx <= a.size(); ++a_idx) {
    size_t diagonal = row[0];
    row[0] = a_idx;
    for (size_t b_idx = 1; b_idx <= b.size(); ++b_idx) {
      size_t above = row[b_idx];
      size_t substitution = diagonal + (a[a_idx - 1] == b[b_idx - 1] ? 0 : 1);
      row[b_idx] = std::min({above + 1, row[b_idx - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Edit distance is quadratic: very long words are never typos of field names.
  if (word.size() > 64) return {};
  size_t best_distance = SIZE_MAX;
  std::string_view best;
  for (std::string_view candidate : candidates) {
    if (candidate.size() > 64) continue;
    size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  size_t allowed = std::max<size_t>(2, word.size() / 3);
  if (best.empty() || best_distance > allowed || best_distance >= word.size()) return {};
  return std::string(best);
}

}  // namespace warden
