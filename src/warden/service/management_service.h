#pragma once
// Policy management over a store (docs/management.md): principals and roles, published
// versions and their lifecycle, approvals and promotion through environments, rollback,
// and the audit log. Every operation runs in one store transaction that checks the
// actor's role and the current state, makes the change and appends its audit record, so
// the change and its record commit together or not at all, and concurrent operations
// from several processes are serialized by the store.
//
// The caller supplies the actor (`--as`, WARDEN_USER) and the time (the CLI's clock):
// the library reads no clock. Refusals (a missing role, a wrong state, too few
// approvals) are FailedPrecondition with a message that says what is needed.

#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/base/status.h"
#include "warden/store/audit_chain.h"
#include "warden/store/store.h"

namespace warden::service {

struct ManagementContext {
  store::Store* store = nullptr;
  std::string actor;
  std::string now;          // RFC 3339, UTC
  int64_t now_seconds = 0;  // the same instant, for expiry checks
};

// --- principals -----------------------------------------------------------------------
// Adds a principal or replaces its roles; admin only, except that the very first
// principal of an empty store may be added by anyone and must be an admin (bootstrap).
Status AddPrincipal(const ManagementContext& context, const std::string& name,
                    std::vector<store::Role> roles);
// Removes a principal; admin only; the last admin cannot be removed.
Status RemovePrincipal(const ManagementContext& context, const std::string& name);
StatusOr<std::vector<store::Principal>> ListPrincipals(const ManagementContext& context);

// --- versions -------------------------------------------------------------------------
struct PublishResult {
  store::VersionRecord version;
  size_t files = 0;
  bool already_published = false;  // the same version with the same content: nothing done
};

// Stores every file under `bundle_dir` (hidden directories skipped) as version `version`
// (X.Y.Z) in state draft; author role. The bundle must load without errors (they go to
// `diagnostics`); republishing a version with different content is refused.
StatusOr<PublishResult> Publish(const ManagementContext& context, const std::string& bundle_dir,
                                const std::string& version, const std::string& message,
                                Diagnostics& diagnostics);
StatusOr<std::vector<store::VersionRecord>> ListVersions(const ManagementContext& context);

StatusOr<store::VersionDetails> ShowVersion(const ManagementContext& context,
                                            const std::string& version);

// Writes the version's files under `directory` (created; must not hold files already).
Status ExportVersion(const ManagementContext& context, const std::string& version,
                     const std::string& directory);

// Writes the files of the version running in `environment` under `directory` (new or
// empty) and returns that version: what `check`/`eval --store URL --env ENV` run. No
// role is needed (pipelines read it without a principal); NotFound when nothing was
// promoted there.
StatusOr<store::VersionRecord> ExportActiveVersion(const ManagementContext& context,
                                                   const std::string& environment,
                                                   const std::string& directory);

// Moves a version through draft → in-review → approved → active → deprecated → retired.
// Allowed: draft→in-review (author), in-review→draft (author, approver),
// in-review→approved (approver, not the version's author), approved→active (admin;
// promotion does it too), active→deprecated (approver, admin), deprecated→active
// (admin), deprecated→retired (admin).
StatusOr<store::VersionRecord> TransitionVersion(const ManagementContext& context,
                                                 const std::string& version,
                                                 store::VersionState to);

// --- environments ---------------------------------------------------------------------
// Records an approver's decision on promoting `version` to `environment`; approver role,
// never the version's author, one decision per approver.
Status DecidePromotion(const ManagementContext& context, const std::string& version,
                       const std::string& environment, store::Decision decision,
                       const std::string& reason);

// Replaces the environments (names in promotion order, approvals each needs); admin.
// Names are lowercase letters, digits and `-`; an environment something was promoted to
// cannot be dropped.
Status SetEnvironments(const ManagementContext& context,
                       const std::vector<store::EnvironmentRecord>& environments);

// Store settings (`exceptions.max_days`, `exceptions.approvals`); admin. Values are
// checked: both are positive integers.
Status SetSetting(const ManagementContext& context, const std::string& key,
                  const std::string& value);

struct PromoteOptions {
  bool skip_order = false;  // admin: promote without being active in the previous one
};
// Makes `version` the one running in `environment`; author, approver or admin. Needs:
// state approved or active; its own tests pass (`tests_passed`, which the caller runs
// on the exported version: RunVersionTests); active in the previous environment unless
// skip_order; the environment's approvals from distinct approvers other than the author,
// and no rejection. The version becomes active.
StatusOr<store::DeploymentRecord> Promote(const ManagementContext& context,
                                          const std::string& version,
                                          const std::string& environment, bool tests_passed,
                                          const PromoteOptions& options);

// Runs the tests of a stored version (exported to a temporary directory); false with a
// one-line summary in `summary` when a case fails or the version does not load.
StatusOr<bool> RunVersionTests(const ManagementContext& context, const std::string& version,
                               std::string& summary);

// Returns `environment` to the version that ran before the current one; approver or
// admin.
StatusOr<store::DeploymentRecord> Rollback(const ManagementContext& context,
                                           const std::string& environment);

StatusOr<std::vector<store::EnvironmentStatus>> EnvironmentsStatus(
    const ManagementContext& context);

// --- audit ----------------------------------------------------------------------------
StatusOr<std::vector<store::AuditRecord>> ListAudit(const ManagementContext& context,
                                                    const store::AuditQuery& query);
StatusOr<store::ChainVerdict> VerifyAudit(const ManagementContext& context);

}  // namespace warden::service
