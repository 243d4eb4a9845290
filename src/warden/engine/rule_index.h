#pragma once
// RuleIndex: narrows the policies worth matching against an input, so a bundle of
// thousands of policies costs a few hash lookups per input instead of a scan.
//
// Each policy is filed under one dimension: documents by literal `kinds` (`Pod`,
// `apps/v1/Deployment`); requests by `actions`, else `resources` — literal values in a
// hash map, patterns whose only wildcard is a trailing `*` by prefix (looked up for every
// prefix of the input's value), anything else in an always-checked list. Policies that
// restrict nothing the index knows are always candidates. Candidates are returned in
// bundle order and still go through the exact match (match.h): the index may only
// over-approximate, never drop a policy that matches.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/policy/compiled.h"

namespace warden::engine {

class RuleIndex {
 public:
  explicit RuleIndex(const policy::CompiledBundle& bundle);

  // Candidate policy indexes for a document, sorted.
  void DocumentCandidates(std::string_view api_version, std::string_view kind,
                          std::vector<uint32_t>& out) const;
  // Whether some policy restricts requests' actions or resources: only then do
  // RequestCandidates read them; otherwise every request policy is a candidate.
  bool NarrowsRequests() const { return !actions_.empty() || !resources_.empty(); }
  const std::vector<uint32_t>& RequestPolicies() const { return request_always_; }
  // Candidate policy indexes for a request, sorted: `out`, filled in; or, when no policy
  // restricts actions or resources, the index's own list of every request policy (then
  // `out` is left alone and nothing is copied).
  const std::vector<uint32_t>& RequestCandidates(std::string_view action, std::string_view resource,
                                                 std::vector<uint32_t>& out) const;

 private:
  // Lookups by string_view without building a std::string (heterogeneous lookup).
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  using TextMap = std::unordered_map<std::string, std::vector<uint32_t>, TextHash, std::equal_to<>>;
  struct Dimension {
    TextMap literal;
    TextMap prefix;
    size_t longest_prefix = 0;
    void Add(const std::string& pattern, uint32_t policy, std::vector<uint32_t>& always);
    void Lookup(std::string_view value, std::vector<uint32_t>& out) const;
    bool empty() const { return literal.empty() && prefix.empty(); }
  };

  Dimension kinds_;
  std::vector<uint32_t> document_always_;
  Dimension actions_;
  Dimension resources_;
  std::vector<uint32_t> request_always_;
};

}  // namespace warden::engine
