#include "warden/engine/match.h"

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
  for_documents = match.actions.empty() && match.resources.empty() && match.subjects.empty();
  for_requests = match.kinds.empty() && match.namespaces.empty();
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
