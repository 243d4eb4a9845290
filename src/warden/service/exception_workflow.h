#pragma once
// Exceptions requested through the store (docs/management.md, "Exceptions"): a request
// names a policy (and optionally a rule), targets, a justification and an expiry; N
// distinct approvers other than the requester approve it (one rejection rejects it); the
// requester or an admin may revoke it; it expires on its own. Approved, unexpired
// exceptions apply in check, eval and simulate exactly like file-declared Exception
// documents (ActiveExceptionDocuments), and findings name them as `waived_by`.
//
// Settings (store `settings`): `exceptions.max_days` (default 90) bounds the expiry;
// `exceptions.approvals` (default 1) is N.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "warden/policy/compiled.h"
#include "warden/service/management_service.h"

namespace warden::service {

struct ExceptionRequest {
  std::string policy;
  std::string rule;                  // empty: every rule of the policy
  std::vector<std::string> targets;  // `dimension=glob`: kinds, namespaces, names, files,
                                     // subjects, resources, actions
  std::string justification;
  std::string expires;  // RFC 3339
};

// Validates the request against `bundle` (the policy and rule exist; the policy is
// overridable) and stores it as pending; author role.
StatusOr<store::ExceptionRecord> RequestException(const ManagementContext& context,
                                                  const ExceptionRequest& request,
                                                  const policy::CompiledBundle& bundle);

// An approver's vote; the exception becomes approved with enough approvals, rejected at
// the first rejection. Only pending exceptions can be decided.
StatusOr<store::ExceptionRecord> DecideException(const ManagementContext& context, int64_t id,
                                                 store::Decision decision,
                                                 const std::string& reason);

// Revokes a pending or approved exception; its requester or an admin.
StatusOr<store::ExceptionRecord> RevokeException(const ManagementContext& context, int64_t id,
                                                 const std::string& reason);

// `pending`, `approved` (and unexpired), `rejected`, `revoked`, `expired` (approved, past
// its expiry), or empty for all.
StatusOr<std::vector<store::ExceptionRecord>> ListExceptions(const ManagementContext& context,
                                                             const std::string& status);

struct ExceptionDetails {
  store::ExceptionRecord exception;
  bool expired = false;
  std::vector<store::ExceptionVote> votes;
  std::vector<store::AuditRecord> history;  // every audit record about it
};
StatusOr<ExceptionDetails> ShowException(const ManagementContext& context, int64_t id);

// The approved exceptions that have not expired at `context.now`, as Exception documents
// (name, YAML text) for BundleSpec::extra_exceptions. Reading needs no role (check and
// eval run in pipelines without a principal).
StatusOr<std::vector<std::pair<std::string, std::string>>> ActiveExceptionDocuments(
    const ManagementContext& context);

// Whether an exception is past its expiry at `now_seconds`.
bool ExceptionExpired(const store::ExceptionRecord& exception, int64_t now_seconds);

}  // namespace warden::service
