#include "warden/cel/parse/diagnostics.h"

#include <algorithm>
#include <utility>

namespace warden::cel::parse_internal {

void Diagnostics::Report(int32_t offset, std::string message, std::string help) {
  if (stopped_ && !issues_.empty()) return;
  issues_.push_back(Issue{offset, std::move(message), std::move(help)});
  if (issues_.size() >= kMaxIssues) {
    issues_.push_back(Issue{offset, "too many errors, stopping here", {}});
    stopped_ = true;
  }
}

void Diagnostics::Fail(int32_t offset, std::string message, std::string help) {
  if (stopped_) return;
  Report(offset, std::move(message), std::move(help));
  stopped_ = true;
}

std::vector<Issue> Diagnostics::TakeSorted() {
  std::stable_sort(issues_.begin(), issues_.end(),
                   [](const Issue& a, const Issue& b) { return a.offset < b.offset; });
  return std::move(issues_);
}

}  // namespace warden::cel::parse_internal
