#include "warden/service/management_service.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <system_error>
#include <utility>

#include "warden/base/file.h"
#include "warden/base/sha256.h"
#include "warden/base/utf8.h"
#include "warden/service/bundle_service.h"
#include "warden/service/management_support.h"
#include "warden/service/test_service.h"

namespace warden::service {
namespace {

namespace fs = std::filesystem;
using internal::Audit;
using internal::IntSetting;
using internal::Refuse;
using internal::RequireRole;
using internal::Transact;
using store::Decision;
using store::Role;
using store::Transaction;
using store::VersionState;

// Published bundles are policy repositories, not data sets.
constexpr size_t kMaxVersionFiles = 10000;
constexpr size_t kMaxVersionBytes = size_t{64} << 20;
// A version promotes only when this many of its own test cases (at least) pass.
constexpr const char* kMinTestCases = "promotion.min_test_cases";
constexpr int64_t kDefaultMinTestCases = 1;

bool ValidVersion(const std::string& version) {
  // X.Y.Z with an optional pre-release (`1.4.0-rc.1`).
  int parts = 0;
  size_t index = 0;
  while (parts < 3) {
    size_t start = index;
    while (index < version.size() && version[index] >= '0' && version[index] <= '9') ++index;
    if (index == start || index - start > 9) return false;
    ++parts;
    if (parts < 3) {
      if (index >= version.size() || version[index] != '.') return false;
      ++index;
    }
  }
  if (index == version.size()) return true;
  if (version[index] != '-' || index + 1 == version.size() || version.size() > 64) return false;
  for (size_t rest = index + 1; rest < version.size(); ++rest) {
    char c = version[rest];
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Every file under `directory` (hidden directories and files skipped), sorted by path.
StatusOr<std::vector<store::VersionFile>> ReadBundleFiles(const std::string& directory) {
  std::vector<store::VersionFile> files;
  size_t total = 0;
  std::error_code error;
  fs::recursive_directory_iterator walker(directory, error);
  if (error) return Unavailable("cannot read `" + directory + "`: " + error.message());
  for (auto it = walker; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) return Unavailable("cannot read `" + directory + "`: " + error.message());
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    std::string relative = fs::relative(it->path(), directory, error).generic_string();
    if (files.size() >= kMaxVersionFiles) {
      return ResourceExhausted("the bundle has more than " + std::to_string(kMaxVersionFiles) +
                               " files; a published version holds at most that many");
    }
    StatusOr<std::string> content = ReadFile(it->path().string(), kMaxVersionBytes);
    if (!content.ok()) return content.status();
    total += content->size();
    if (total > kMaxVersionBytes) {
      return ResourceExhausted("the bundle's files exceed " +
                               std::to_string(kMaxVersionBytes >> 20) + " MiB");
    }
    if (!utf8::IsValid(*content) || content->find('\0') != std::string::npos) {
      return InvalidArgument("`" + it->path().string() +
                             "` is not UTF-8 text; a published version holds text files only");
    }
    files.push_back({relative, std::move(*content)});
  }
  std::sort(
      files.begin(), files.end(),
      [](const store::VersionFile& a, const store::VersionFile& b) { return a.path < b.path; });
  return files;
}

std::string ContentDigest(const std::vector<store::VersionFile>& files) {
  Sha256 hash;
  for (const store::VersionFile& file : files) {
    hash.Update(file.path);
    hash.Update(std::string_view("\0", 1));
    hash.Update(file.content);
    hash.Update(std::string_view("\0", 1));
  }
  return hash.FinishHex();
}

StatusOr<store::VersionRecord> RequireVersion(Transaction& tx, const std::string& version) {
  StatusOr<std::optional<store::VersionRecord>> found = tx.GetVersion(version);
  if (!found.ok()) return found.status();
  if (!*found) return NotFound("no published version `" + version + "` (`warden versions`)");
  return **found;
}

StatusOr<store::EnvironmentRecord> RequireEnvironment(
    const std::vector<store::EnvironmentRecord>& environments, const std::string& name) {
  for (const store::EnvironmentRecord& environment : environments) {
    if (environment.name == name) return environment;
  }
  std::string known;
  for (const store::EnvironmentRecord& environment : environments) {
    known += (known.empty() ? "" : ", ") + environment.name;
  }
  return NotFound("no environment `" + name + "` (environments: " + known + ")");
}

// The latest deployment of each environment.
std::map<std::string, store::DeploymentRecord> CurrentDeployments(
    const std::vector<store::DeploymentRecord>& deployments) {
  std::map<std::string, store::DeploymentRecord> current;
  for (const store::DeploymentRecord& deployment : deployments) {
    current[deployment.environment] = deployment;  // oldest first: the last one wins
  }
  return current;
}

struct Transition {
  VersionState from;
  VersionState to;
  std::vector<Role> roles;
};

const Transition* FindTransition(VersionState from, VersionState to) {
  static const Transition kTransitions[] = {
      {VersionState::kDraft, VersionState::kInReview, {Role::kAuthor}},
      {VersionState::kInReview, VersionState::kDraft, {Role::kAuthor, Role::kApprover}},
      {VersionState::kInReview, VersionState::kApproved, {Role::kApprover}},
      {VersionState::kApproved, VersionState::kActive, {Role::kAdmin}},
      {VersionState::kActive, VersionState::kDeprecated, {Role::kApprover}},
      {VersionState::kDeprecated, VersionState::kActive, {Role::kAdmin}},
      {VersionState::kDeprecated, VersionState::kRetired, {Role::kAdmin}},
  };
  for (const Transition& transition : kTransitions) {
    if (transition.from == from && transition.to == to) return &transition;
  }
  return nullptr;
}

std::string NextStates(VersionState from) {
  std::string out;
  for (VersionState to :
       {VersionState::kDraft, VersionState::kInReview, VersionState::kApproved,
        VersionState::kActive, VersionState::kDeprecated, VersionState::kRetired}) {
    if (FindTransition(from, to) != nullptr) {
      out += (out.empty() ? "" : ", ") + std::string(store::VersionStateName(to));
    }
  }
  return out.empty() ? "none" : out;
}

}  // namespace

// --- principals -------------------------------------------------------------------------

Status AddPrincipal(const ManagementContext& context, const std::string& name,
                    std::vector<Role> roles) {
  if (name.empty() || name.size() > 128) return InvalidArgument("a principal needs a name");
  if (roles.empty()) return InvalidArgument("a principal needs at least one role");
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<std::vector<store::Principal>> all = tx.ListPrincipals();
    if (!all.ok()) return all.status();
    if (all->empty()) {
      // Bootstrap: the first principal is an admin, added by whoever sets the store up.
      if (std::find(roles.begin(), roles.end(), Role::kAdmin) == roles.end()) {
        return Refuse("the store has no principals yet: the first one must be an admin");
      }
    } else if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAdmin});
               !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::optional<store::Principal>> existing = tx.GetPrincipal(name);
    if (!existing.ok()) return existing.status();
    store::Principal principal{name, roles, context.now, context.actor};
    if (Status put = tx.PutPrincipal(principal); !put.ok()) return put;
    std::string role_names;
    for (Role role : roles)
      role_names += (role_names.empty() ? "" : ",") + std::string(RoleName(role));
    return Audit(tx, context, *existing ? "principal.update" : "principal.add", name,
                 {{"roles", role_names}});
  });
}

Status RemovePrincipal(const ManagementContext& context, const std::string& name) {
  return Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAdmin}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::Principal>> all = tx.ListPrincipals();
    if (!all.ok()) return all.status();
    auto target = std::find_if(all->begin(), all->end(),
                               [&](const store::Principal& p) { return p.name == name; });
    if (target == all->end()) return NotFound("no principal `" + name + "`");
    size_t admins = static_cast<size_t>(std::count_if(
        all->begin(), all->end(), [](const store::Principal& p) { return p.Has(Role::kAdmin); }));
    if (target->Has(Role::kAdmin) && admins == 1) {
      return Refuse("`" + name + "` is the last admin; add another admin first");
    }
    if (StatusOr<bool> removed = tx.DeletePrincipal(name); !removed.ok()) return removed.status();
    return Audit(tx, context, "principal.remove", name, {});
  });
}

StatusOr<std::vector<store::Principal>> ListPrincipals(const ManagementContext& context) {
  std::vector<store::Principal> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::Principal>> all = tx.ListPrincipals();
    if (!all.ok()) return all.status();
    out = std::move(*all);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

// --- versions ---------------------------------------------------------------------------

StatusOr<PublishResult> Publish(const ManagementContext& context, const std::string& bundle_dir,
                                const std::string& version, const std::string& message,
                                Diagnostics& diagnostics) {
  if (!ValidVersion(version)) {
    return InvalidArgument("version `" + version + "` is not X.Y.Z (e.g. 1.4.0 or 1.4.0-rc.1)");
  }
  BundleSpec spec;
  spec.directory = bundle_dir;
  LoadedBundle bundle = LoadBundle(spec, diagnostics);
  if (diagnostics.has_errors()) {
    return Refuse("the bundle in `" + bundle_dir + "` has errors; a version must load cleanly");
  }
  // A version is self-contained: its tests must not read files outside it.
  std::shared_ptr<policy::PolicySet> test_storage;
  std::vector<policy::TestDoc> tests = CollectTests(bundle, {}, test_storage, diagnostics);
  std::error_code error;
  fs::path root = fs::weakly_canonical(bundle_dir, error);
  for (const std::string& input : TestInputFiles(tests)) {
    fs::path relative = fs::weakly_canonical(input, error).lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") {
      return Refuse("test file `" + input + "` is outside the bundle directory `" + bundle_dir +
                    "`; a published version holds only its own directory, so move the fixture "
                    "inside it");
    }
  }
  StatusOr<std::vector<store::VersionFile>> files = ReadBundleFiles(bundle_dir);
  if (!files.ok()) return files.status();
  PublishResult result;
  result.files = files->size();
  result.version = {
      version, bundle.source.settings.name, ContentDigest(*files), context.actor, context.now,
      message, VersionState::kDraft};
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAuthor}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::optional<store::VersionRecord>> existing = tx.GetVersion(version);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      if ((*existing)->digest != result.version.digest) {
        return Refuse("version " + version + " is already published with other content (digest " +
                      (*existing)->digest.substr(0, 12) + "); publish a new version");
      }
      result.version = **existing;
      result.already_published = true;
      return Status::Ok();
    }
    if (Status inserted = tx.InsertVersion(result.version, *files); !inserted.ok()) return inserted;
    return Audit(tx, context, "version.publish", version,
                 {{"bundle", result.version.bundle},
                  {"digest", result.version.digest},
                  {"files", std::to_string(files->size())},
                  {"message", message}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<store::VersionRecord>> ListVersions(const ManagementContext& context) {
  std::vector<store::VersionRecord> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::VersionRecord>> versions = tx.ListVersions();
    if (!versions.ok()) return versions.status();
    out = std::move(*versions);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

StatusOr<store::VersionDetails> ShowVersion(const ManagementContext& context,
                                            const std::string& version) {
  store::VersionDetails details;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<store::VersionRecord> found = RequireVersion(tx, version);
    if (!found.ok()) return found.status();
    details.version = *found;
    StatusOr<std::vector<store::VersionFile>> files = tx.GetVersionFiles(version);
    if (!files.ok()) return files.status();
    for (const store::VersionFile& file : *files) details.files.push_back(file.path);
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments("");
    if (!deployments.ok()) return deployments.status();
    for (const auto& [environment, deployment] : CurrentDeployments(*deployments)) {
      if (deployment.version == version) details.active_in.push_back(environment);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return details;
}

namespace {

// Writes `files` under `directory` (new or empty).
Status WriteVersionFiles(const std::vector<store::VersionFile>& files,
                         const std::string& directory) {
  std::error_code error;
  if (fs::exists(directory, error) && !fs::is_empty(directory, error)) {
    return Refuse("`" + directory + "` is not empty; export into a new directory");
  }
  for (const store::VersionFile& file : files) {
    fs::path relative(file.path);
    // Stored paths come from a directory walk; a path leaving the directory means the
    // database was edited.
    bool escapes =
        relative.is_absolute() || std::any_of(relative.begin(), relative.end(),
                                              [](const fs::path& part) { return part == ".."; });
    if (escapes) {
      return Refuse("stored file `" + file.path + "` would be written outside `" + directory + "`");
    }
    fs::path target = fs::path(directory) / relative;
    fs::create_directories(target.parent_path(), error);
    std::ofstream out(target, std::ios::binary);
    out << file.content;
    if (!out) return Unavailable("cannot write `" + target.string() + "`");
  }
  return Status::Ok();
}

}  // namespace

Status ExportVersion(const ManagementContext& context, const std::string& version,
                     const std::string& directory) {
  std::vector<store::VersionFile> files;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    if (StatusOr<store::VersionRecord> found = RequireVersion(tx, version); !found.ok()) {
      return found.status();
    }
    StatusOr<std::vector<store::VersionFile>> read = tx.GetVersionFiles(version);
    if (!read.ok()) return read.status();
    files = std::move(*read);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return WriteVersionFiles(files, directory);
}

StatusOr<store::VersionRecord> ExportActiveVersion(const ManagementContext& context,
                                                   const std::string& environment,
                                                   const std::string& directory) {
  store::VersionRecord version;
  std::vector<store::VersionFile> files;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments(environment);
    if (!deployments.ok()) return deployments.status();
    if (deployments->empty()) {
      return NotFound("no version runs in environment `" + environment + "` of store `" +
                      context.store->name() + "` (`warden status`)");
    }
    StatusOr<store::VersionRecord> found = RequireVersion(tx, deployments->back().version);
    if (!found.ok()) return found.status();
    version = *found;
    StatusOr<std::vector<store::VersionFile>> read = tx.GetVersionFiles(version.version);
    if (!read.ok()) return read.status();
    files = std::move(*read);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (Status written = WriteVersionFiles(files, directory); !written.ok()) return written;
  return version;
}

StatusOr<store::VersionRecord> TransitionVersion(const ManagementContext& context,
                                                 const std::string& version, VersionState to) {
  store::VersionRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::VersionRecord> found = RequireVersion(tx, version);
    if (!found.ok()) return found.status();
    const Transition* transition = FindTransition(found->state, to);
    if (transition == nullptr) {
      return Refuse(std::string("version ") + version + " is " +
                    store::VersionStateName(found->state) + ": it can move to " +
                    NextStates(found->state) + ", not " + store::VersionStateName(to));
    }
    StatusOr<store::Principal> actor = RequireRole(tx, context, transition->roles);
    if (!actor.ok()) return actor.status();
    if (to == VersionState::kApproved && actor->name == found->author) {
      return Refuse("`" + actor->name + "` published " + version +
                    " and cannot approve it; another approver must");
    }
    if (Status set = tx.SetVersionState(version, to); !set.ok()) return set;
    result = *found;
    result.state = to;
    return Audit(
        tx, context, "version.lifecycle", version,
        {{"from", store::VersionStateName(found->state)}, {"to", store::VersionStateName(to)}});
  });
  if (!status.ok()) return status;
  return result;
}

// --- environments -----------------------------------------------------------------------

Status DecidePromotion(const ManagementContext& context, const std::string& version,
                       const std::string& environment, Decision decision,
                       const std::string& reason) {
  if (decision == Decision::kReject && reason.empty()) {
    return InvalidArgument("a rejection needs a reason (-m REASON)");
  }
  return Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kApprover});
    if (!actor.ok()) return actor.status();
    StatusOr<store::VersionRecord> found = RequireVersion(tx, version);
    if (!found.ok()) return found.status();
    StatusOr<std::vector<store::EnvironmentRecord>> environments = tx.ListEnvironments();
    if (!environments.ok()) return environments.status();
    if (StatusOr<store::EnvironmentRecord> env = RequireEnvironment(*environments, environment);
        !env.ok()) {
      return env.status();
    }
    if (actor->name == found->author) {
      return Refuse("`" + actor->name + "` published " + version +
                    " and cannot approve its promotion; another approver must");
    }
    StatusOr<std::vector<store::ApprovalRecord>> approvals = tx.ListApprovals(version, environment);
    if (!approvals.ok()) return approvals.status();
    for (const store::ApprovalRecord& approval : *approvals) {
      if (approval.approver == actor->name) {
        return Refuse("`" + actor->name + "` already decided (" +
                      store::DecisionName(approval.decision) + ") on " + version + " for " +
                      environment);
      }
    }
    store::ApprovalRecord record{version, environment, actor->name, decision, reason, context.now};
    if (Status inserted = tx.InsertApproval(record); !inserted.ok()) return inserted;
    return Audit(tx, context,
                 decision == Decision::kApprove ? "promotion.approve" : "promotion.reject",
                 version + "@" + environment, {{"reason", reason}});
  });
}

Status SetEnvironments(const ManagementContext& context,
                       const std::vector<store::EnvironmentRecord>& environments) {
  if (environments.empty()) return InvalidArgument("give at least one environment");
  std::set<std::string> names;
  std::string summary;
  for (const store::EnvironmentRecord& environment : environments) {
    bool valid = !environment.name.empty() && environment.name.size() <= 63 &&
                 std::all_of(environment.name.begin(), environment.name.end(), [](char c) {
                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                 });
    if (!valid) {
      return InvalidArgument("environment name `" + environment.name +
                             "`: lowercase letters, digits and `-`");
    }
    if (!names.insert(environment.name).second) {
      return InvalidArgument("environment `" + environment.name + "` is given twice");
    }
    if (environment.approvals_required < 0 || environment.approvals_required > 100) {
      return InvalidArgument("environment `" + environment.name + "`: approvals 0 to 100");
    }
    summary += (summary.empty() ? "" : " ") + environment.name + ":" +
               std::to_string(environment.approvals_required);
  }
  return Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAdmin}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments("");
    if (!deployments.ok()) return deployments.status();
    for (const store::DeploymentRecord& deployment : *deployments) {
      if (names.count(deployment.environment) == 0) {
        return Refuse("environment `" + deployment.environment +
                      "` has deployments and cannot be dropped");
      }
    }
    if (Status put = tx.PutEnvironments(environments); !put.ok()) return put;
    return Audit(tx, context, "config.environments", "environments", {{"environments", summary}});
  });
}

Status SetSetting(const ManagementContext& context, const std::string& key,
                  const std::string& value) {
  bool may_be_zero = key == kMinTestCases;
  if (key != "exceptions.max_days" && key != "exceptions.approvals" && !may_be_zero) {
    return InvalidArgument("unknown setting `" + key +
                           "` (exceptions.max_days, exceptions.approvals, " + kMinTestCases + ")");
  }
  bool valid =
      !value.empty() && value.size() <= 6 &&
      std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (may_be_zero || std::stoi(value) > 0);
  if (!valid) {
    return InvalidArgument("`" + key + "` must be a " +
                           (may_be_zero ? "non-negative" : "positive") + " integer");
  }
  return Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAdmin}); !actor.ok()) {
      return actor.status();
    }
    if (Status put = tx.PutSetting(key, value); !put.ok()) return put;
    return Audit(tx, context, "config.set", key, {{"value", value}});
  });
}

StatusOr<store::DeploymentRecord> Promote(const ManagementContext& context,
                                          const std::string& version,
                                          const std::string& environment, bool tests_passed,
                                          const PromoteOptions& options) {
  store::DeploymentRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAuthor, Role::kApprover});
    if (!actor.ok()) return actor.status();
    if (options.skip_order && !actor->Has(Role::kAdmin)) {
      return Refuse("`--skip` needs the admin role");
    }
    StatusOr<store::VersionRecord> found = RequireVersion(tx, version);
    if (!found.ok()) return found.status();
    if (found->state != VersionState::kApproved && found->state != VersionState::kActive) {
      return Refuse(std::string("version ") + version + " is " +
                    store::VersionStateName(found->state) +
                    "; only approved (or active) versions can be promoted");
    }
    if (!tests_passed) return Refuse("the tests of version " + version + " do not pass");
    StatusOr<std::vector<store::EnvironmentRecord>> environments = tx.ListEnvironments();
    if (!environments.ok()) return environments.status();
    StatusOr<store::EnvironmentRecord> target = RequireEnvironment(*environments, environment);
    if (!target.ok()) return target.status();
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments("");
    if (!deployments.ok()) return deployments.status();
    std::map<std::string, store::DeploymentRecord> current = CurrentDeployments(*deployments);
    auto here = current.find(environment);
    if (here != current.end() && here->second.version == version) {
      return Refuse("version " + version + " is already active in " + environment);
    }
    if (!options.skip_order && target->position > 0) {
      const store::EnvironmentRecord* previous = nullptr;
      for (const store::EnvironmentRecord& candidate : *environments) {
        if (candidate.position < target->position &&
            (previous == nullptr || candidate.position > previous->position)) {
          previous = &candidate;
        }
      }
      auto before = previous != nullptr ? current.find(previous->name) : current.end();
      if (previous != nullptr && (before == current.end() || before->second.version != version)) {
        return Refuse("version " + version + " is not active in " + previous->name +
                      ", which comes before " + environment + "; promote it there first");
      }
    }
    StatusOr<std::vector<store::ApprovalRecord>> approvals = tx.ListApprovals(version, environment);
    if (!approvals.ok()) return approvals.status();
    std::set<std::string> approvers;
    for (const store::ApprovalRecord& approval : *approvals) {
      if (approval.decision == Decision::kReject) {
        return Refuse("`" + approval.approver + "` rejected " + version + " for " + environment +
                      ": " + approval.reason);
      }
      if (approval.approver != found->author) approvers.insert(approval.approver);
    }
    if (static_cast<int>(approvers.size()) < target->approvals_required) {
      return Refuse(environment + " needs " + std::to_string(target->approvals_required) +
                    " approvals of " + version +
                    " by distinct approvers other than its author; it has " +
                    std::to_string(approvers.size()) + " (`warden approve " + version + " --env " +
                    environment + "`)");
    }
    result = {0,         environment, version,    here != current.end() ? here->second.version : "",
              "promote", actor->name, context.now};
    StatusOr<int64_t> id = tx.InsertDeployment(result);
    if (!id.ok()) return id.status();
    result.id = *id;
    if (found->state != VersionState::kActive) {
      if (Status set = tx.SetVersionState(version, VersionState::kActive); !set.ok()) return set;
    }
    return Audit(tx, context, "promotion.promote", version + "@" + environment,
                 {{"previous", result.previous_version},
                  {"approvals", std::to_string(approvers.size())},
                  {"skip_order", options.skip_order ? "true" : "false"}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<bool> RunVersionTests(const ManagementContext& context, const std::string& version,
                               std::string& summary) {
  int64_t minimum = kDefaultMinTestCases;
  Status read = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<int64_t> setting = IntSetting(tx, kMinTestCases, kDefaultMinTestCases);
    if (!setting.ok()) return setting.status();
    minimum = *setting;
    return Status::Ok();
  });
  if (!read.ok()) return read;
  std::error_code error;
  std::string pattern = (fs::temp_directory_path(error) / "warden-version-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return Internal("cannot create a temporary directory");
  fs::path root = pattern;
  Status exported = ExportVersion(context, version, root.string());
  if (!exported.ok()) {
    fs::remove_all(root, error);
    return exported;
  }
  Diagnostics diagnostics;
  BundleSpec spec;
  spec.directory = root.string();
  LoadedBundle bundle = LoadBundle(spec, diagnostics);
  bool passed = false;
  if (bundle.engine == nullptr) {
    summary = "version " + version + " does not load (" +
              std::to_string(diagnostics.error_count()) + " errors)";
  } else {
    std::shared_ptr<policy::PolicySet> storage;
    std::vector<policy::TestDoc> tests = CollectTests(bundle, {}, storage, diagnostics);
    TestOptions options;
    options.defaults.now_seconds = context.now_seconds;
    StatusOr<tester::TestRun> run = RunTests(bundle, tests, options, diagnostics);
    if (!run.ok()) {
      summary = run.status().message();
    } else {
      int64_t cases = static_cast<int64_t>(run->cases.size());
      passed = run->failed() == 0 && !diagnostics.has_errors() && cases >= minimum;
      summary = std::to_string(cases) + " cases: " + std::to_string(run->passed()) + " passed, " +
                std::to_string(run->failed()) + " failed";
      if (cases < minimum) {
        summary +=
            "; at least " + std::to_string(minimum) + " needed (setting " + kMinTestCases + ")";
      }
    }
  }
  fs::remove_all(root, error);
  return passed;
}

StatusOr<store::DeploymentRecord> Rollback(const ManagementContext& context,
                                           const std::string& environment) {
  store::DeploymentRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kApprover});
    if (!actor.ok()) return actor.status();
    StatusOr<std::vector<store::EnvironmentRecord>> environments = tx.ListEnvironments();
    if (!environments.ok()) return environments.status();
    if (StatusOr<store::EnvironmentRecord> env = RequireEnvironment(*environments, environment);
        !env.ok()) {
      return env.status();
    }
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments(environment);
    if (!deployments.ok()) return deployments.status();
    if (deployments->empty() || deployments->back().previous_version.empty()) {
      return Refuse("nothing to roll back to in " + environment +
                    ": no version ran there before the current one");
    }
    const store::DeploymentRecord& latest = deployments->back();
    // The new deployment's previous version is what preceded the target when it last
    // ran, so rolling back again goes on back in history instead of returning to the
    // version just left.
    std::string before;
    for (const store::DeploymentRecord& deployment : *deployments) {
      if (&deployment != &latest && deployment.version == latest.previous_version) {
        before = deployment.previous_version;
      }
    }
    result = {0,           environment, latest.previous_version, before, "rollback",
              actor->name, context.now};
    StatusOr<int64_t> id = tx.InsertDeployment(result);
    if (!id.ok()) return id.status();
    result.id = *id;
    return Audit(tx, context, "promotion.rollback", result.version + "@" + environment,
                 {{"from", latest.version}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<store::EnvironmentStatus>> EnvironmentsStatus(
    const ManagementContext& context) {
  std::vector<store::EnvironmentStatus> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::EnvironmentRecord>> environments = tx.ListEnvironments();
    if (!environments.ok()) return environments.status();
    StatusOr<std::vector<store::DeploymentRecord>> deployments = tx.ListDeployments("");
    if (!deployments.ok()) return deployments.status();
    std::map<std::string, store::DeploymentRecord> current = CurrentDeployments(*deployments);
    for (const store::EnvironmentRecord& environment : *environments) {
      store::EnvironmentStatus entry{environment, std::nullopt, ""};
      if (auto it = current.find(environment.name); it != current.end()) {
        entry.current = it->second;
        StatusOr<std::optional<store::VersionRecord>> version = tx.GetVersion(it->second.version);
        if (!version.ok()) return version.status();
        if (*version) entry.state = store::VersionStateName((*version)->state);
      }
      out.push_back(std::move(entry));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

// --- audit ------------------------------------------------------------------------------

StatusOr<std::vector<store::AuditRecord>> ListAudit(const ManagementContext& context,
                                                    const store::AuditQuery& query) {
  std::vector<store::AuditRecord> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    if (StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader}); !actor.ok()) {
      return actor.status();
    }
    StatusOr<std::vector<store::AuditRecord>> records = tx.ListAudit(query);
    if (!records.ok()) return records.status();
    out = std::move(*records);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

StatusOr<store::ChainVerdict> VerifyAudit(const ManagementContext& context) {
  StatusOr<std::vector<store::AuditRecord>> records = ListAudit(context, {});
  if (!records.ok()) return records.status();
  return store::VerifyAuditChain(*records);
}

}  // namespace warden::service
