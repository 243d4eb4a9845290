#include "warden/engine/match.h"

#include <algorithm>

namespace warden::engine {

GlobList::GlobList(const std::vector<std::string>& patterns) : restricted_(!patterns.empty()) {
  for (const std::string& pattern : patterns) {
    cel::GlobPattern glob;
    std::string error;
    // Malformed globs were reported by validation; such an entry matches nothing.
    if (cel::GlobPattern::Compile(pattern, glob, error)) globs_.push_back(std::move(glob));
  }
}

bool GlobList::Matches(std::string_view text) const {
  for (const cel::GlobPattern& glob : globs_) {
    if (glob.Matches(text)) return true;
  }
  return false;
}

bool GlobList::MatchesAny(const std::vector<std::string>& texts) const {
  for (const std::string& text : texts) {
    if (Matches(text)) return true;
  }
  return false;
}

PolicyMatcher::PolicyMatcher(const policy::CompiledMatch& match)
    : kinds(match.kinds),
      namespaces(match.namespaces),
      actions(match.actions),
      resources(match.resources),
      subjects(match.subjects),
      environments(match.environments) {
  for_documents = match.ForDocuments();
  for_requests = match.ForRequests();
}

namespace {

std::vector<std::string> Patterns(const policy::TextList& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const policy::Text& text : list) out.push_back(text.value);
  return out;
}

}  // namespace

ExceptionMatcher::ExceptionMatcher(const policy::CompiledException& exception)
    : exception_(&exception),
      kinds_(Patterns(exception.targets.kinds)),
      namespaces_(Patterns(exception.targets.namespaces)),
      names_(Patterns(exception.targets.names)),
      files_(Patterns(exception.targets.files)),
      actions_(Patterns(exception.targets.actions)),
      resources_(Patterns(exception.targets.resources)),
      subjects_(Patterns(exception.targets.subjects)),
      environments_(exception.environments) {
  for_documents_ = actions_.empty() && resources_.empty() && subjects_.empty();
  for_requests_ = kinds_.empty() && namespaces_.empty() && names_.empty() && files_.empty();
}

bool ExceptionMatcher::InScope(std::string_view policy, std::string_view rule,
                               std::string_view environment, int64_t now_seconds) const {
  const policy::CompiledException& exception = *exception_;
  if (exception.policy != policy || now_seconds >= exception.expires_seconds) return false;
  if (!exception.rules.empty() &&
      std::find(exception.rules.begin(), exception.rules.end(), rule) == exception.rules.end()) {
    return false;
  }
  return environments_.empty() || environments_.Matches(environment);
}

bool ExceptionMatcher::WaivesDocument(std::string_view policy, std::string_view rule,
                                      const DocumentInput& input, std::string_view environment,
                                      int64_t now_seconds) const {
  if (!for_documents_ || !InScope(policy, rule, environment, now_seconds)) return false;
  if (!kinds_.empty() && !kinds_.Matches(input.kind) && !kinds_.Matches(QualifiedKind(input))) {
    return false;
  }
  return (namespaces_.empty() || namespaces_.Matches(input.namespace_name)) &&
         (names_.empty() || names_.Matches(input.name)) &&
         (files_.empty() || files_.Matches(input.file));
}

bool ExceptionMatcher::WaivesRequest(std::string_view policy, std::string_view rule,
                                     std::string_view action, std::string_view resource,
                                     const std::vector<std::string>& subject_ids,
                                     std::string_view environment, int64_t now_seconds) const {
  if (!for_requests_ || !InScope(policy, rule, environment, now_seconds)) return false;
  return (actions_.empty() || actions_.Matches(action)) &&
         (resources_.empty() || resources_.Matches(resource)) &&
         (subjects_.empty() || subjects_.MatchesAny(subject_ids));
}

std::string QualifiedKind(const DocumentInput& input) {
  return input.api_version + "/" + input.kind;
}

bool PolicyMatcher::MatchesDocument(const DocumentInput& input, std::string_view qualified_kind,
                                    std::string_view environment) const {
  if (!for_documents) return false;
  if (!environments.empty() && !environments.Matches(environment)) return false;
  if (!kinds.empty() && !kinds.Matches(input.kind) && !kinds.Matches(qualified_kind)) {
    return false;
  }
  if (!namespaces.empty() && !namespaces.Matches(input.namespace_name)) return false;
  return true;
}

bool PolicyMatcher::MatchesRequest(std::string_view action, std::string_view resource,
                                   const std::vector<std::string>& subject_ids,
                                   std::string_view environment) const {
  if (!for_requests) return false;
  if (!environments.empty() && !environments.Matches(environment)) return false;
  if (!actions.empty() && !actions.Matches(action)) return false;
  if (!resources.empty() && !resources.Matches(resource)) return false;
  if (!subjects.empty() && !subjects.MatchesAny(subject_ids)) return false;
  return true;
}

std::string_view StringOf(const data::Node* node) {
  return node != nullptr && node->is_string() ? node->string_value() : std::string_view();
}

std::string_view ResourceString(const data::Node* resource) {
  if (resource == nullptr) return {};
  if (resource->is_string()) return resource->string_value();
  for (const char* key : {"id", "uri", "name"}) {
    if (const data::Node* value = resource->Find(key); value && value->is_string()) {
      return value->string_value();
    }
  }
  return {};
}

std::vector<std::string> SubjectIds(const data::Node* subject) {
  std::vector<std::string> ids;
  if (subject == nullptr) return ids;
  if (subject->is_string()) {
    ids.emplace_back(subject->string_value());
    ids.push_back("user:" + ids.back());
    return ids;
  }
  if (const data::Node* id = subject->Find("id"); id && id->is_string()) {
    ids.emplace_back(id->string_value());
    ids.push_back("user:" + std::string(id->string_value()));
  }
  auto add_all = [&](const char* key, const char* prefix) {
    const data::Node* value = subject->Find(key);
    if (value == nullptr) return;
    if (value->is_string()) ids.push_back(prefix + std::string(value->string_value()));
    for (const data::Node& item : value->items()) {
      if (item.is_string()) ids.push_back(prefix + std::string(item.string_value()));
    }
  };
  add_all("role", "role:");
  add_all("roles", "role:");
  add_all("groups", "group:");
  return ids;
}

}  // namespace warden::engine
