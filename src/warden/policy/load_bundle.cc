// `kind: Bundle` documents → BundleDoc.

#include <filesystem>
#include <utility>

#include "warden/policy/load_support.h"

namespace warden::policy::internal {
namespace {

// The directory part of `file`, `.` when it has none.
std::string DirectoryOf(const std::string& file) {
  std::string directory = std::filesystem::path(file).parent_path().generic_string();
  return directory.empty() ? "." : directory;
}

// Entries that give neither or both of `template` and `bundle` are left out.
std::vector<IncludeDoc> ReadIncludes(const data::Node& includes, const DocumentReader& reader) {
  std::vector<IncludeDoc> out;
  for (const data::Node& item : includes.items()) {
    if (!item.is_map()) continue;
    IncludeDoc include;
    include.template_name = reader.GetText(item, "template");
    include.bundle = reader.GetText(item, "bundle");
    if (include.template_name.has_value() == include.bundle.has_value()) continue;
    include.params = reader.GetMap(item, "params");
    include.position = item.position();
    out.push_back(std::move(include));
  }
  return out;
}

std::vector<EnvironmentDoc> ReadEnvironments(const data::Node& environments,
                                             const DocumentReader& reader) {
  std::vector<EnvironmentDoc> out;
  for (const data::MapEntry& entry : environments.entries()) {
    if (!entry.value.is_map()) continue;
    EnvironmentDoc environment;
    environment.name = reader.MakeKeyText(environments, entry);
    environment.enforcement = reader.GetEnum(entry.value, "enforcement", ParseEnforcement);
    if (const data::Node* policies = reader.GetMap(entry.value, "policies")) {
      for (const data::MapEntry& policy : policies->entries()) {
        Enforcement enforcement{};
        if (policy.value.is_string() &&
            ParseEnforcement(policy.value.string_value(), enforcement)) {
          environment.policies.emplace(std::string(policy.key()), enforcement);
        }
      }
    }
    environment.position = environments.key_position(entry);
    out.push_back(std::move(environment));
  }
  return out;
}

}  // namespace

void LoadBundle(const data::Node& root, DocumentReader& reader, PolicySet& set) {
  BundleDoc bundle;
  bundle.file = reader.file();
  bundle.directory = DirectoryOf(reader.file());
  bundle.position = root.position();
  bundle.metadata = reader.GetMetadata(root);
  if (const data::Node* spec = reader.GetMap(root, "spec")) {
    bundle.policies = reader.GetTextList(*spec, "policies").value_or(TextList{});
    bundle.tests = reader.GetTextList(*spec, "tests").value_or(TextList{});
    bundle.exceptions = reader.GetTextList(*spec, "exceptions").value_or(TextList{});
    if (const data::Node* includes = spec->Find("include");
        includes != nullptr && includes->is_list()) {
      bundle.includes = ReadIncludes(*includes, reader);
    }
    bundle.params = reader.GetMap(*spec, "params");
    bundle.combining = reader.GetEnum(*spec, "combining", ParseCombining);
    // `default` allows only the effects a decision can have.
    std::optional<Effect> default_effect = reader.GetEnum(*spec, "default", ParseEffect);
    if (default_effect == Effect::kAllow || default_effect == Effect::kDeny ||
        default_effect == Effect::kRequireApproval) {
      bundle.default_effect = default_effect;
    }
    if (const data::Node* environments = reader.GetMap(*spec, "environments")) {
      bundle.environments = ReadEnvironments(*environments, reader);
    }
  }
  set.bundles.push_back(std::move(bundle));
}

}  // namespace warden::policy::internal
