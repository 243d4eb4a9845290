#pragma once
// The management store: one interface, one implementation per database (SQLite and
// PostgreSQL), the same schema and behaviour (docs/storage.md).
//
// Every read and write happens inside Store::Transact, so the management logic above it
// (service/) checks and changes state in one transaction: two processes approving or
// promoting at once are serialized by the database, never double-counted. A transaction
// commits only when its body returns OK; anything else rolls back, so a failure leaves
// no partial state. A write acknowledged by Transact is durable (SQLite: WAL with
// synchronous=FULL; PostgreSQL: synchronous commit).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/store/records.h"

namespace warden::store {

class Transaction {
 public:
  virtual ~Transaction() = default;

  // --- principals
  virtual StatusOr<std::optional<Principal>> GetPrincipal(std::string_view name) = 0;
  virtual StatusOr<std::vector<Principal>> ListPrincipals() = 0;  // by name
  // Inserts the principal, or replaces the roles of the one of that name.
  virtual Status PutPrincipal(const Principal& principal) = 0;
  // Whether a principal of that name existed.
  virtual StatusOr<bool> DeletePrincipal(std::string_view name) = 0;

  // --- settings (key/value configuration)
  virtual StatusOr<std::optional<std::string>> GetSetting(std::string_view key) = 0;
  virtual Status PutSetting(std::string_view key, std::string_view value) = 0;

  // --- published versions
  virtual StatusOr<std::optional<VersionRecord>> GetVersion(std::string_view version) = 0;
  virtual StatusOr<std::vector<VersionRecord>> ListVersions() = 0;  // in publication order
  virtual Status InsertVersion(const VersionRecord& version,
                               const std::vector<VersionFile>& files) = 0;
  virtual StatusOr<std::vector<VersionFile>> GetVersionFiles(std::string_view version) = 0;
  virtual Status SetVersionState(std::string_view version, VersionState state) = 0;

  // --- environments, approvals and deployments
  virtual StatusOr<std::vector<EnvironmentRecord>> ListEnvironments() = 0;  // by position
  // Replaces the environment configuration.
  virtual Status PutEnvironments(const std::vector<EnvironmentRecord>& environments) = 0;
  virtual StatusOr<std::vector<ApprovalRecord>> ListApprovals(std::string_view version,
                                                              std::string_view environment) = 0;
  // Fails when the approver already decided on this version and environment.
  virtual Status InsertApproval(const ApprovalRecord& approval) = 0;
  virtual StatusOr<int64_t> InsertDeployment(const DeploymentRecord& deployment) = 0;
  // Every deployment of the environment (all environments when empty), oldest first.
  virtual StatusOr<std::vector<DeploymentRecord>> ListDeployments(std::string_view environment) = 0;

  // --- exceptions
  virtual StatusOr<int64_t> InsertException(const ExceptionRecord& exception) = 0;
  virtual StatusOr<std::optional<ExceptionRecord>> GetException(int64_t id) = 0;
  virtual StatusOr<std::vector<ExceptionRecord>> ListExceptions() = 0;  // by id
  virtual Status SetExceptionStatus(int64_t id, ExceptionStatus status) = 0;
  // Fails when the approver already voted on this exception.
  virtual Status InsertExceptionVote(const ExceptionVote& vote) = 0;
  virtual StatusOr<std::vector<ExceptionVote>> ListExceptionVotes(int64_t id) = 0;

  // --- the audit log
  // The record with the highest seq, if any.
  virtual StatusOr<std::optional<AuditRecord>> LastAudit() = 0;
  // Stores the record as given (audit_chain.h's AppendAudit computes seq and hashes).
  virtual Status InsertAudit(const AuditRecord& record) = 0;
  // Matching records in seq order.
  virtual StatusOr<std::vector<AuditRecord>> ListAudit(const AuditQuery& query) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // How the store names itself in messages: `sqlite:.warden/warden.db`.
  virtual const std::string& name() const = 0;
  // The schema version the database is at.
  virtual int schema_version() const = 0;

  // Runs `body` in one transaction; writers are serialized. Returns body's status, or
  // an Unavailable status naming the store when it is unreachable or stays locked. The
  // body may run more than once (a PostgreSQL serialization conflict is retried), so it
  // must have no effects outside the transaction.
  virtual Status Transact(const std::function<Status(Transaction&)>& body) = 0;
};

struct StoreOptions {
  // How long to wait for a lock another process holds before giving up.
  int lock_timeout_ms = 5000;
};

// Opens `url` and applies the schema migrations it lacks: `sqlite:PATH` (the file is
// created; its directory must exist) or `postgresql://...` / `postgres://...` (a libpq
// URI; the database must exist). A database whose schema is newer than this binary
// knows is refused (FailedPrecondition); an unreachable one is Unavailable, named with
// its password hidden.
StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options = {});

}  // namespace warden::store
