#include "warden/engine/rule_index.h"

#include <algorithm>

namespace warden::engine {
namespace {

bool HasWildcard(std::string_view text) {
  return text.find_first_of("*?[\\") != std::string_view::npos;
}

void SortUnique(std::vector<uint32_t>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

void RuleIndex::Dimension::Add(const std::string& pattern, uint32_t policy,
                               std::vector<uint32_t>& always) {
  if (!HasWildcard(pattern)) {
    literal[pattern].push_back(policy);
    return;
  }
  size_t stars = pattern.find_first_of("*?[\\");
  std::string_view head(pattern.data(), stars);
  std::string_view tail = std::string_view(pattern).substr(stars);
  // `prefix*` and `prefix**` match exactly the values starting with `prefix` (a single
  // `*` stops at `/`, so it is only indexed by prefix when the rest cannot contain one;
  // the exact match re-checks, so over-approximating here is safe).
  if (tail.find_first_not_of('*') == std::string_view::npos) {
    prefix[std::string(head)].push_back(policy);
    longest_prefix = std::max(longest_prefix, head.size());
    return;
  }
  always.push_back(policy);
}

void RuleIndex::Dimension::Lookup(std::string_view value, std::vector<uint32_t>& out) const {
  if (!literal.empty()) {
    if (auto it = literal.find(value); it != literal.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
  if (prefix.empty()) return;
  size_t limit = std::min(value.size(), longest_prefix);
  for (size_t length = 0; length <= limit; ++length) {
    if (auto it = prefix.find(value.substr(0, length)); it != prefix.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
}

RuleIndex::RuleIndex(const policy::CompiledBundle& bundle) {
  for (uint32_t index = 0; index < bundle.policies.size(); ++index) {
    const policy::CompiledMatch& match = bundle.policies[index].match;
    if (match.ForDocuments()) {
      if (match.kinds.empty()) {
        document_always_.push_back(index);
      } else {
        for (const std::string& kind : match.kinds) kinds_.Add(kind, index, document_always_);
      }
    }
    if (match.ForRequests()) {
      if (!match.actions.empty()) {
        for (const std::string& action : match.actions) {
          actions_.Add(action, index, request_always_);
        }
      } else if (!match.resources.empty()) {
        for (const std::string& resource : match.resources) {
          resources_.Add(resource, index, request_always_);
        }
      } else {
        request_always_.push_back(index);
      }
    }
  }
  SortUnique(document_always_);
  SortUnique(request_always_);
}

void RuleIndex::DocumentCandidates(std::string_view api_version, std::string_view kind,
                                   std::vector<uint32_t>& out) const {
  out.assign(document_always_.begin(), document_always_.end());
  if (kinds_.empty()) return;
  kinds_.Lookup(kind, out);
  // The matcher also tries `apiVersion/kind` (just `/kind` without an apiVersion).
  std::string qualified(api_version);
  qualified += '/';
  qualified += kind;
  kinds_.Lookup(qualified, out);
  SortUnique(out);
}

const std::vector<uint32_t>& RuleIndex::RequestCandidates(std::string_view action,
                                                          std::string_view resource,
                                                          std::vector<uint32_t>& out) const {
  if (!NarrowsRequests()) return request_always_;  // sorted and unique
  out.assign(request_always_.begin(), request_always_.end());
  actions_.Lookup(action, out);
  resources_.Lookup(resource, out);
  SortUnique(out);
  return out;
}

}  // namespace warden::engine
