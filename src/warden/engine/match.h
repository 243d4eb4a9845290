#pragma once
// Matching a policy's `match` block against an input, exactly (the index only narrows the
// candidates; this decides). Every list is a set of globs (cel/lib/glob.h); an empty list
// does not restrict. Documents are matched on kinds and namespaces, requests on actions,
// resources and subjects; environments apply to both. A policy that restricts request
// dimensions never applies to documents and one that restricts kinds or namespaces never
// applies to requests.
//
// Request identities: `action` is the action string; the resource is the resource
// string, or a map's `id`, `uri` or `name`; the subject matches through its identifiers
// — its `id` (a string subject is its own id), `user:ID`, `role:R` for `role` and each of
// `roles`, `group:G` for each of `groups`.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/lib/glob.h"
#include "warden/data/node.h"
#include "warden/engine/input.h"
#include "warden/policy/compiled.h"

namespace warden::engine {

// One compiled glob list; empty matches everything.
class GlobList {
 public:
  GlobList() = default;
  explicit GlobList(const std::vector<std::string>& patterns);
  bool empty() const { return !restricted_; }
  bool Matches(std::string_view text) const;
  bool MatchesAny(const std::vector<std::string>& texts) const;

 private:
  bool restricted_ = false;  // patterns were given (even if all were malformed)
  std::vector<cel::GlobPattern> globs_;
};

// A policy's match block, compiled.
struct PolicyMatcher {
  explicit PolicyMatcher(const policy::CompiledMatch& match);

  bool for_documents = true;
  bool for_requests = true;
  GlobList kinds;
  GlobList namespaces;
  GlobList actions;
  GlobList resources;
  GlobList subjects;
  GlobList environments;

  // `qualified_kind` is `apiVersion/kind` of the input (QualifiedKind), made once per input.
  bool MatchesDocument(const DocumentInput& input, std::string_view qualified_kind,
                       std::string_view environment) const;
  bool MatchesRequest(std::string_view action, std::string_view resource,
                      const std::vector<std::string>& subject_ids,
                      std::string_view environment) const;
};

// An exception's scope and targets with their globs compiled once (Engine::Build). Target
// lists are globs; an empty list does not restrict. An exception with request targets
// never waives a document finding, one with document targets never a request's.
class ExceptionMatcher {
 public:
  explicit ExceptionMatcher(const policy::CompiledException& exception);

  const policy::CompiledException& exception() const { return *exception_; }
  // Whether it waives `rule` of `policy` for the input: unexpired at `now_seconds`, its
  // rules and environments in scope, every target matching.
  bool WaivesDocument(std::string_view policy, std::string_view rule, const DocumentInput& input,
                      std::string_view environment, int64_t now_seconds) const;
  bool WaivesRequest(std::string_view policy, std::string_view rule, std::string_view action,
                     std::string_view resource, const std::vector<std::string>& subject_ids,
                     std::string_view environment, int64_t now_seconds) const;

 private:
  bool InScope(std::string_view policy, std::string_view rule, std::string_view environment,
               int64_t now_seconds) const;

  const policy::CompiledException* exception_;
  bool for_documents_ = true;
  bool for_requests_ = true;
  GlobList kinds_, namespaces_, names_, files_;
  GlobList actions_, resources_, subjects_;
  GlobList environments_;
};

// `apiVersion/kind` (just `/kind` without an apiVersion), which `kinds` patterns may name.
std::string QualifiedKind(const DocumentInput& input);

// The string of a node that is a string (empty otherwise).
std::string_view StringOf(const data::Node* node);
// The request's resource as a string (see above).
std::string_view ResourceString(const data::Node* resource);
// The subject identifiers (see above).
std::vector<std::string> SubjectIds(const data::Node* subject);

}  // namespace warden::engine
