#pragma once
// Diagnostics: the channel for a user's mistakes in policies, tests and inputs
// (ARCHITECTURE.md, failure channel 1). A Diagnostic is data: a stable code, a severity,
// where it is and what is wrong, plus an optional hint. Loaders and checkers collect all
// of them instead of stopping at the first; the shells sort and print them.
//
// Message style (STYLE.md): lowercase, no final period, user values in backticks; the
// hint goes in `help` ("did you mean `severity`?"). Tests assert on codes, never on text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/source_location.h"

namespace warden {

enum class DiagnosticSeverity { kError, kWarning };

// `error` or `warning`.
const char* DiagnosticSeverityName(DiagnosticSeverity severity);

struct Diagnostic {
  std::string code;  // stable, e.g. "E101"; documented in docs/diagnostics.md
  DiagnosticSeverity severity = DiagnosticSeverity::kError;
  SourceLocation location;
  std::string message;
  std::string help;     // optional hint
  std::string snippet;  // optional: the source line(s) and a caret, already formatted
};

// `file:line:column: error[E101]: message`, then the snippet and `  = help: ...` lines
// when present. No trailing newline.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// An ordered collection with a cap, so a pathological input cannot produce millions of
// messages. Not thread-safe.
class Diagnostics {
 public:
  static constexpr size_t kDefaultCap = 1000;

  explicit Diagnostics(size_t cap = kDefaultCap) : cap_(cap) {}

  void Add(Diagnostic diagnostic);
  void Error(std::string code, SourceLocation location, std::string message, std::string help = {});
  void Warning(std::string code, SourceLocation location, std::string message,
               std::string help = {});
  // Appends every diagnostic of `other`.
  void Merge(const Diagnostics& other);

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  size_t warning_count() const { return warning_count_; }
  // Diagnostics dropped because the cap was reached.
  size_t dropped() const { return dropped_; }
  bool empty() const { return items_.empty(); }

  // Sorts by file, line, column, then code; removes exact duplicates.
  void Sort();
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  size_t cap_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
  size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

// The candidate closest to `word` by edit distance when it is close enough to be a
// plausible typo (distance at most 2, or at most a third of the word's length); empty
// otherwise. Used for `did you mean ...?` hints.
std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace warden
