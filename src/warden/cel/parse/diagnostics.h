#pragma once
// Diagnostics: the parser's internal issue sink, shared by the lexer, the grammar and
// the macro expander. An issue is either recoverable (parsing goes on and may find more)
// or fatal (Fail: the parser stops consuming input and unwinds). After kMaxIssues issues
// the sink adds a last "too many errors" issue and stops by itself, so hostile input
// cannot make the issue list grow without bound.
//
// Internal to warden/cel/parse; not part of the public API.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "warden/cel/common/issue.h"

namespace warden::cel::parse_internal {

class Diagnostics {
 public:
  static constexpr size_t kMaxIssues = 100;

  // Records an issue; parsing may continue.
  void Report(int32_t offset, std::string message, std::string help = {});
  // Records an issue and stops the parse (the first fatal issue wins; later calls only
  // record when nothing stopped the parse yet).
  void Fail(int32_t offset, std::string message, std::string help = {});

  // Stops the parse without a new issue (the cause was reported already).
  void Stop() { stopped_ = true; }

  bool stopped() const { return stopped_; }
  bool empty() const { return issues_.empty(); }
  // The issues sorted by offset (stable: issues at one offset keep their order).
  std::vector<Issue> TakeSorted();

 private:
  std::vector<Issue> issues_;
  bool stopped_ = false;
};

}  // namespace warden::cel::parse_internal
