#include "warden/policy/bundle_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "warden/base/sha256.h"
#include "warden/cel/lib/glob.h"
#include "warden/library/catalog.h"
#include "warden/policy/loader.h"

namespace warden::policy {
namespace {

namespace fs = std::filesystem;

constexpr const char* kManifestNames[] = {"bundle.yaml", "bundle.yml", "warden.yaml"};
// Bundles including bundles: deeper than this is surely a mistake (and bounds recursion).
constexpr int kMaxIncludeDepth = 16;

// `relative` below `directory`; an absolute `relative` stands on its own.
std::string JoinPath(const std::string& directory, const std::string& relative) {
  if (directory.empty() || directory == "." || (!relative.empty() && relative[0] == '/')) {
    return relative;
  }
  if (directory.back() == '/') return directory + relative;
  return directory + "/" + relative;
}

bool IsYamlName(const std::string& name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

// Every YAML file below `directory`, as sorted paths relative to it (forward slashes);
// hidden directories (.git, .warden) are skipped, symlinked directories not followed.
std::vector<std::string> ListYamlFiles(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator walker(directory, error);
  if (error) return files;
  for (auto it = walker; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    std::string name = it->path().filename().string();
    if (it->is_directory(error)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error) || !IsYamlName(name)) continue;
    files.push_back(fs::relative(it->path(), directory, error).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool MatchesAny(const std::vector<cel::GlobPattern>& globs, const std::string& path) {
  for (const cel::GlobPattern& glob : globs) {
    if (glob.Matches(path)) return true;
  }
  return false;
}

std::vector<cel::GlobPattern> CompileGlobs(const TextList& patterns, const std::string& file,
                                           Diagnostics& diagnostics) {
  std::vector<cel::GlobPattern> globs;
  for (const Text& pattern : patterns) {
    cel::GlobPattern glob;
    std::string error;
    if (!cel::GlobPattern::Compile(pattern.value, glob, error)) {
      diagnostics.Error("E128", {file, pattern.position},
                        "invalid glob `" + pattern.value + "`: " + error);
      continue;
    }
    globs.push_back(std::move(glob));
  }
  return globs;
}

class BundleLoader {
 public:
  BundleLoader(Diagnostics& diagnostics, std::shared_ptr<PolicySet> documents)
      : diagnostics_(diagnostics), documents_(std::move(documents)) {}

  // Loads one file into the shared document set; returns the index range of new
  // policies, exceptions and tests.
  struct Added {
    size_t policies_begin, policies_end;
    size_t exceptions_begin, exceptions_end;
    size_t tests_begin, tests_end;
    size_t bundles_begin, bundles_end;
  };
  Added Load(const std::vector<std::string>& files) {
    Added added{documents_->policies.size(), 0, documents_->exceptions.size(), 0,
                documents_->tests.size(),    0, documents_->bundles.size(),    0};
    for (const std::string& file : files) {
      LoadFile(file, *documents_, diagnostics_);
      files_.push_back(file);
    }
    added.policies_end = documents_->policies.size();
    added.exceptions_end = documents_->exceptions.size();
    added.tests_end = documents_->tests.size();
    added.bundles_end = documents_->bundles.size();
    return added;
  }

  // Loads the files of built-in template `name` (`builtin:NAME`); nullopt with E122 at
  // `where` when there is no such template.
  std::optional<Added> LoadBuiltin(const std::string& name, const SourceLocation& where) {
    const StatusOr<library::Catalog>& catalog = library::BuiltinCatalog();
    if (!catalog.ok()) {
      diagnostics_.Error("E122", where, "the built-in library is unreadable",
                         catalog.status().message());
      return std::nullopt;
    }
    std::string short_name = name.substr(library::kBuiltinPrefix.size());
    const library::TemplateInfo* found = catalog->FindTemplate(short_name);
    if (found == nullptr) {
      std::vector<std::string> names = catalog->TemplateNames();
      std::string hint = ClosestMatch(short_name, {names.begin(), names.end()});
      diagnostics_.Error("E122", where, "unknown built-in template `" + name + "`",
                         hint.empty() ? "`warden templates list` shows the built-in templates"
                                      : "did you mean `builtin:" + hint + "`?");
      return std::nullopt;
    }
    Added added{documents_->policies.size(), 0, documents_->exceptions.size(), 0,
                documents_->tests.size(),    0, documents_->bundles.size(),    0};
    for (const library::PolicyFile& file : found->files) {
      LoadText(file.text, file.name, *documents_, diagnostics_);
      files_.push_back(file.name);
    }
    added.policies_end = documents_->policies.size();
    added.exceptions_end = documents_->exceptions.size();
    added.tests_end = documents_->tests.size();
    added.bundles_end = documents_->bundles.size();
    return added;
  }

  // The policies of an index range, merged and bound to `params` (a map of policy name
  // to a map of values, or nullptr) or to one `instance_params` map for all of them. The
  // instance params of a template go to each policy that declares them; a name that no
  // policy of the template declares is E123.
  void AddPolicies(size_t begin, size_t end, const data::Node* params_by_policy,
                   const data::Node* instance_params, const SourceLocation& params_location,
                   const std::string& instantiated_from, BundleSource& out) {
    std::vector<PolicyDoc> docs(documents_->policies.begin() + static_cast<ptrdiff_t>(begin),
                                documents_->policies.begin() + static_cast<ptrdiff_t>(end));
    std::vector<PolicyDoc> merged_docs = MergeInheritance(docs, diagnostics_);
    if (instance_params != nullptr)
      CheckTemplateParams(merged_docs, *instance_params, params_location);
    for (PolicyDoc& merged : merged_docs) {
      const data::Node* values = instance_params;
      SourceLocation where = params_location;
      if (params_by_policy != nullptr && params_by_policy->is_map()) {
        if (const data::Node* own = params_by_policy->Find(merged.metadata.name.value)) {
          values = own;
          where = {params_location.file, own->position()};
        }
      }
      ResolvedPolicy resolved = BindParams(std::move(merged), values, where, diagnostics_,
                                           /*skip_undeclared=*/values == instance_params);
      resolved.instantiated_from = instantiated_from;
      out.policies.push_back(std::move(resolved));
    }
  }

  void CheckTemplateParams(const std::vector<PolicyDoc>& merged, const data::Node& values,
                           const SourceLocation& location) {
    if (!values.is_map()) return;  // the schema reported it
    std::vector<std::string_view> declared;
    for (const PolicyDoc& policy : merged) {
      for (const ParamDecl& param : policy.params) declared.push_back(param.name.value);
    }
    for (const data::MapEntry& entry : values.entries()) {
      if (std::find(declared.begin(), declared.end(), entry.key()) != declared.end()) continue;
      std::string hint = ClosestMatch(entry.key(), declared);
      diagnostics_.Error(
          "E123", {location.file, values.key_position(entry)},
          "no policy of the template declares a parameter `" + std::string(entry.key()) + "`",
          hint.empty() ? "" : "did you mean `" + hint + "`?");
    }
  }

  void AddExceptionsAndTests(const Added& added, BundleSource& out) {
    for (size_t index = added.exceptions_begin; index < added.exceptions_end; ++index) {
      out.exceptions.push_back(documents_->exceptions[index]);
    }
    for (size_t index = added.tests_begin; index < added.tests_end; ++index) {
      out.tests.push_back(documents_->tests[index]);
    }
  }

  void LoadTemplate(const IncludeDoc& include, const std::string& bundle_dir,
                    const std::string& manifest, BundleSource& out) {
    const Text& name = *include.template_name;
    SourceLocation where{manifest,
                         include.params != nullptr ? include.params->position() : include.position};
    if (name.value.rfind(library::kBuiltinPrefix, 0) == 0) {
      std::optional<Added> added = LoadBuiltin(name.value, {manifest, name.position});
      if (!added) return;
      AddPolicies(added->policies_begin, added->policies_end, nullptr, include.params, where,
                  name.value, out);
      AddExceptionsAndTests(*added, out);
      return;
    }
    std::string path = JoinPath(bundle_dir, name.value);
    std::error_code error;
    std::vector<std::string> files;
    if (fs::is_directory(path, error)) {
      for (const std::string& relative : ListYamlFiles(path)) {
        files.push_back(JoinPath(path, relative));
      }
    } else if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      diagnostics_.Error(
          "E122", {manifest, name.position},
          "template `" + name.value + "` not found (no file or directory `" + path + "`)");
      return;
    }
    Added added = Load(files);
    AddPolicies(added.policies_begin, added.policies_end, nullptr, include.params, where,
                name.value, out);
    AddExceptionsAndTests(added, out);
  }

  void LoadBundle(const std::string& directory, int depth, BundleSource& out) {
    std::error_code error;
    std::string canonical = fs::weakly_canonical(directory, error).string();
    if (!visiting_.insert(canonical).second) {
      diagnostics_.Error("E129", {directory, {}}, "bundle `" + directory + "` includes itself");
      return;
    }
    if (!fs::is_directory(directory, error)) {
      diagnostics_.Error("E129", {directory, {}},
                         "bundle directory `" + directory + "` does not exist");
      visiting_.erase(canonical);
      return;
    }
    std::string manifest;
    for (const char* name : kManifestNames) {
      if (fs::is_regular_file(JoinPath(directory, name), error)) {
        manifest = JoinPath(directory, name);
        break;
      }
    }
    // A copy: loading more files may grow documents_->bundles.
    std::optional<BundleDoc> bundle;
    if (!manifest.empty()) {
      Added added = Load({manifest});
      if (added.bundles_end > added.bundles_begin) {
        bundle = documents_->bundles[added.bundles_begin];
      }
      // Policies or exceptions written into the manifest file itself count too.
      AddPolicies(added.policies_begin, added.policies_end, nullptr, nullptr, {}, "", out);
      AddExceptionsAndTests(added, out);
    }
    if (depth == 0) {
      out.settings.manifest_file = manifest;
      if (bundle) ApplySettings(*bundle, out.settings);
    }

    std::vector<cel::GlobPattern> policy_globs;
    std::vector<cel::GlobPattern> test_globs;
    std::vector<cel::GlobPattern> exception_globs;
    if (bundle) {
      policy_globs = CompileGlobs(bundle->policies, manifest, diagnostics_);
      test_globs = CompileGlobs(bundle->tests, manifest, diagnostics_);
      exception_globs = CompileGlobs(bundle->exceptions, manifest, diagnostics_);
    }
    bool default_policies = !bundle || bundle->policies.empty();
    std::vector<std::string> policy_files;
    // Templates and included bundles inside the directory are loaded through their
    // `include` entry only, never also as the bundle's own policies.
    std::vector<std::string> included_paths;
    if (bundle) {
      for (const IncludeDoc& include : bundle->includes) {
        const std::optional<Text>& target =
            include.template_name ? include.template_name : include.bundle;
        if (target)
          included_paths.push_back(fs::path(target->value).lexically_normal().generic_string());
      }
    }
    auto is_included = [&](const std::string& relative) {
      for (const std::string& prefix : included_paths) {
        if (relative == prefix || relative.rfind(prefix + "/", 0) == 0) return true;
      }
      return false;
    };
    for (const std::string& relative : ListYamlFiles(directory)) {
      std::string path = JoinPath(directory, relative);
      if (path == manifest || is_included(relative)) continue;
      bool is_test = MatchesAny(test_globs, relative);
      bool is_policy = default_policies ? !is_test : MatchesAny(policy_globs, relative);
      if (is_policy || is_test || MatchesAny(exception_globs, relative)) {
        policy_files.push_back(path);
      }
    }
    Added added = Load(policy_files);
    const data::Node* params = bundle ? bundle->params : nullptr;
    SourceLocation params_location{manifest,
                                   params != nullptr ? params->position() : SourcePosition{}};
    AddPolicies(added.policies_begin, added.policies_end, params, nullptr, params_location, "",
                out);
    AddExceptionsAndTests(added, out);
    for (size_t index = added.bundles_begin; index < added.bundles_end; ++index) {
      const BundleDoc& extra = documents_->bundles[index];
      diagnostics_.Warning("W230", {extra.file, extra.position},
                           "ignoring a `Bundle` document outside the manifest",
                           "a bundle has one manifest: `bundle.yaml` in its directory");
    }

    if (bundle) {
      const std::vector<IncludeDoc>& includes = bundle->includes;
      std::string bundle_dir = bundle->directory.empty() ? directory : bundle->directory;
      for (const IncludeDoc& include : includes) {
        if (include.template_name) {
          LoadTemplate(include, bundle_dir, manifest, out);
        } else if (include.bundle) {
          if (depth + 1 >= kMaxIncludeDepth) {
            diagnostics_.Error("E129", {manifest, include.position},
                               "bundles include each other more than " +
                                   std::to_string(kMaxIncludeDepth) + " levels deep");
            continue;
          }
          LoadBundle(JoinPath(bundle_dir, include.bundle->value), depth + 1, out);
        }
      }
    }
    visiting_.erase(canonical);
  }

  static void ApplySettings(const BundleDoc& bundle, BundleSettings& settings) {
    settings.name = bundle.metadata.name.value;
    settings.version = bundle.metadata.version ? bundle.metadata.version->value : "";
    if (bundle.combining) settings.combining = *bundle.combining;
    if (bundle.default_effect) settings.default_effect = *bundle.default_effect;
    settings.environments = bundle.environments;
  }

  std::vector<std::string>& files() { return files_; }

 private:
  Diagnostics& diagnostics_;
  std::shared_ptr<PolicySet> documents_;
  std::set<std::string> visiting_;
  std::vector<std::string> files_;
};

void CheckDuplicateNames(const BundleSource& source, Diagnostics& diagnostics) {
  std::map<std::string, const ResolvedPolicy*> seen;
  for (const ResolvedPolicy& policy : source.policies) {
    const Text& name = policy.doc.metadata.name;
    auto [it, inserted] = seen.emplace(name.value, &policy);
    if (!inserted) {
      const ResolvedPolicy& first = *it->second;
      diagnostics.Error(
          "E127", {policy.doc.file, name.position}, "duplicate policy name `" + name.value + "`",
          "first defined at " +
              SourceLocation{first.doc.file, first.doc.metadata.name.position}.ToString());
    }
  }
}

void FinishSource(BundleLoader& loader, BundleSource& source, Diagnostics& diagnostics) {
  CheckDuplicateNames(source, diagnostics);
  std::vector<std::string> files = loader.files();
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  Sha256 hash;
  for (const std::string& file : files) {
    auto text = source.documents->sources.find(file);
    hash.Update(file);
    hash.Update(std::string_view("\0", 1));
    if (text != source.documents->sources.end()) hash.Update(text->second);
    hash.Update(std::string_view("\0", 1));
  }
  source.digest = hash.FinishHex();
  source.files = std::move(files);
}

}  // namespace

BundleSource LoadBundleDirectory(const std::string& directory, Diagnostics& diagnostics) {
  BundleSource source;
  source.documents = std::make_shared<PolicySet>();
  BundleLoader loader(diagnostics, source.documents);
  loader.LoadBundle(directory, 0, source);
  if (source.settings.name.empty()) {
    source.settings.name = fs::path(directory).lexically_normal().filename().string();
  }
  FinishSource(loader, source, diagnostics);
  return source;
}

BundleSource LoadPolicyPaths(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  BundleSource source;
  source.documents = std::make_shared<PolicySet>();
  BundleLoader loader(diagnostics, source.documents);
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path.rfind(library::kBuiltinPrefix, 0) == 0) {
      // A built-in template with its defaults: its own group, so its `extends` resolve
      // among its files.
      std::optional<BundleLoader::Added> added = loader.LoadBuiltin(path, {path, {}});
      if (!added) continue;
      loader.AddPolicies(added->policies_begin, added->policies_end, nullptr, nullptr, {}, path,
                         source);
      loader.AddExceptionsAndTests(*added, source);
    } else if (fs::is_directory(path, error)) {
      for (const std::string& relative : ListYamlFiles(path)) {
        files.push_back(JoinPath(path, relative));
      }
    } else {
      files.push_back(path);
    }
  }
  BundleLoader::Added added = loader.Load(files);
  loader.AddPolicies(added.policies_begin, added.policies_end, nullptr, nullptr, {}, "", source);
  loader.AddExceptionsAndTests(added, source);
  for (size_t index = added.bundles_begin; index < added.bundles_end; ++index) {
    const BundleDoc& bundle = source.documents->bundles[index];
    diagnostics.Warning("W230", {bundle.file, bundle.position},
                        "ignoring a `Bundle` document given as a policy file",
                        "load the bundle with `-b DIR` to use its settings");
  }
  source.settings.name = "policies";
  FinishSource(loader, source, diagnostics);
  return source;
}

}  // namespace warden::policy
