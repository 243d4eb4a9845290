#include "warden/store/sql_store.h"

#include <functional>
#include <mutex>
#include <utility>
#include <variant>

#include "warden/base/utf8.h"

namespace warden::store {
namespace {

using Param = std::variant<std::string_view, int64_t>;
using RowReader = std::function<void(const SqlStatement&)>;

// Runs one statement with `params` bound to ?1, ?2, ...; calls `row` for each result row.
Status Query(SqlConnection& db, std::string_view sql, std::initializer_list<Param> params,
             const RowReader& row = nullptr) {
  StatusOr<std::unique_ptr<SqlStatement>> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  int index = 1;
  for (const Param& param : params) {
    // Both databases then hold the same text: PostgreSQL refuses NUL bytes and invalid
    // UTF-8, which SQLite would store.
    if (const auto* text = std::get_if<std::string_view>(&param);
        text != nullptr && (!utf8::IsValid(*text) || text->find('\0') != std::string_view::npos)) {
      return InvalidArgument("the store holds UTF-8 text without NUL bytes; value " +
                             std::to_string(index) + " of a statement is not");
    }
    Status bound = std::holds_alternative<int64_t>(param)
                       ? (*statement)->Bind(index, std::get<int64_t>(param))
                       : (*statement)->Bind(index, std::get<std::string_view>(param));
    if (!bound.ok()) return bound;
    ++index;
  }
  for (;;) {
    StatusOr<bool> has_row = (*statement)->Step();
    if (!has_row.ok()) return has_row.status();
    if (!*has_row) return Status::Ok();
    if (row) row(**statement);
  }
}

std::string JoinLines(const std::vector<std::string>& lines, char separator) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text, char separator) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::string JoinRoles(const std::vector<Role>& roles) {
  std::vector<std::string> names;
  for (Role role : roles) names.emplace_back(RoleName(role));
  return JoinLines(names, ',');
}

std::vector<Role> SplitRoles(const std::string& text) {
  std::vector<Role> roles;
  for (const std::string& name : SplitLines(text, ',')) {
    if (std::optional<Role> role = ParseRole(name)) roles.push_back(*role);
  }
  return roles;
}

Decision ParseDecision(const std::string& text) {
  return text == "reject" ? Decision::kReject : Decision::kApprove;
}

constexpr std::string_view kVersionColumns =
    "SELECT version, bundle, digest, author, created_at, message, state FROM versions";
constexpr std::string_view kExceptionColumns =
    "SELECT id, policy, rule, targets, justification, requested_by, requested_at, expires, "
    "status, approvals_required FROM exceptions";
constexpr std::string_view kAuditColumns =
    "SELECT seq, time, actor, action, object, prev_hash, hash FROM audit_log";

VersionRecord ReadVersion(const SqlStatement& row) {
  VersionRecord version;
  version.version = row.Text(0);
  version.bundle = row.Text(1);
  version.digest = row.Text(2);
  version.author = row.Text(3);
  version.created_at = row.Text(4);
  version.message = row.Text(5);
  version.state = ParseVersionState(row.Text(6)).value_or(VersionState::kDraft);
  return version;
}

ExceptionRecord ReadException(const SqlStatement& row) {
  ExceptionRecord exception;
  exception.id = row.Int(0);
  exception.policy = row.Text(1);
  exception.rule = row.Text(2);
  exception.targets = SplitLines(row.Text(3), '\n');
  exception.justification = row.Text(4);
  exception.requested_by = row.Text(5);
  exception.requested_at = row.Text(6);
  exception.expires = row.Text(7);
  exception.status = ParseExceptionStatus(row.Text(8)).value_or(ExceptionStatus::kPending);
  exception.approvals_required = static_cast<int>(row.Int(9));
  return exception;
}

AuditRecord ReadAudit(const SqlStatement& row) {
  AuditRecord record;
  record.seq = row.Int(0);
  record.time = row.Text(1);
  record.actor = row.Text(2);
  record.action = row.Text(3);
  record.object = row.Text(4);
  record.prev_hash = row.Text(5);
  record.hash = row.Text(6);
  return record;
}

// The next identifier of `table`'s integer `column`: writers are serialized, so MAX + 1
// is unique and the same on both databases.
StatusOr<int64_t> NextId(SqlConnection& db, std::string_view table, std::string_view column) {
  int64_t next = 1;
  Status status = Query(
      db, "SELECT COALESCE(MAX(" + std::string(column) + "), 0) + 1 FROM " + std::string(table), {},
      [&](const SqlStatement& row) { next = row.Int(0); });
  if (!status.ok()) return status;
  return next;
}

class SqlTransaction : public Transaction {
 public:
  explicit SqlTransaction(SqlConnection& db) : db_(db) {}

  // --- principals
  StatusOr<std::optional<Principal>> GetPrincipal(std::string_view name) override {
    std::optional<Principal> found;
    Status status = Query(db_,
                          "SELECT name, roles, created_at, created_by FROM principals "
                          "WHERE name = ?1",
                          {name}, [&](const SqlStatement& row) { found = ReadPrincipal(row); });
    if (!status.ok()) return status;
    return found;
  }
  StatusOr<std::vector<Principal>> ListPrincipals() override {
    std::vector<Principal> out;
    Status status = Query(db_,
                          "SELECT name, roles, created_at, created_by FROM principals "
                          "ORDER BY name",
                          {}, [&](const SqlStatement& row) { out.push_back(ReadPrincipal(row)); });
    if (!status.ok()) return status;
    return out;
  }
  Status PutPrincipal(const Principal& principal) override {
    std::string roles = JoinRoles(principal.roles);
    return Query(db_,
                 "INSERT INTO principals (name, roles, created_at, created_by) "
                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET roles = excluded.roles",
                 {principal.name, roles, principal.created_at, principal.created_by});
  }
  StatusOr<bool> DeletePrincipal(std::string_view name) override {
    StatusOr<std::optional<Principal>> existing = GetPrincipal(name);
    if (!existing.ok()) return existing.status();
    if (!*existing) return false;
    Status status = Query(db_, "DELETE FROM principals WHERE name = ?1", {name});
    if (!status.ok()) return status;
    return true;
  }

  // --- settings
  StatusOr<std::optional<std::string>> GetSetting(std::string_view key) override {
    std::optional<std::string> value;
    Status status = Query(db_, "SELECT value FROM settings WHERE key = ?1", {key},
                          [&](const SqlStatement& row) { value = row.Text(0); });
    if (!status.ok()) return status;
    return value;
  }
  Status PutSetting(std::string_view key, std::string_view value) override {
    return Query(db_,
                 "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 {key, value});
  }

  // --- versions
  StatusOr<std::optional<VersionRecord>> GetVersion(std::string_view version) override {
    std::optional<VersionRecord> found;
    Status status = Query(db_, std::string(kVersionColumns) + " WHERE version = ?1", {version},
                          [&](const SqlStatement& row) { found = ReadVersion(row); });
    if (!status.ok()) return status;
    return found;
  }
  StatusOr<std::vector<VersionRecord>> ListVersions() override {
    std::vector<VersionRecord> out;
    Status status = Query(db_, std::string(kVersionColumns) + " ORDER BY seq", {},
                          [&](const SqlStatement& row) { out.push_back(ReadVersion(row)); });
    if (!status.ok()) return status;
    return out;
  }
  Status InsertVersion(const VersionRecord& version,
                       const std::vector<VersionFile>& files) override {
    StatusOr<int64_t> seq = NextId(db_, "versions", "seq");
    if (!seq.ok()) return seq.status();
    Status status = Query(db_,
                          "INSERT INTO versions (version, seq, bundle, digest, author, "
                          "created_at, message, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          {version.version, *seq, version.bundle, version.digest, version.author,
                           version.created_at, version.message, VersionStateName(version.state)});
    if (!status.ok()) return status;
    for (const VersionFile& file : files) {
      status = Query(db_, "INSERT INTO version_files (version, path, content) VALUES (?1, ?2, ?3)",
                     {version.version, file.path, file.content});
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }
  StatusOr<std::vector<VersionFile>> GetVersionFiles(std::string_view version) override {
    std::vector<VersionFile> out;
    Status status = Query(db_,
                          "SELECT path, content FROM version_files WHERE version = ?1 "
                          "ORDER BY path",
                          {version}, [&](const SqlStatement& row) {
                            out.push_back({row.Text(0), row.Text(1)});
                          });
    if (!status.ok()) return status;
    return out;
  }
  Status SetVersionState(std::string_view version, VersionState state) override {
    return Query(db_, "UPDATE versions SET state = ?2 WHERE version = ?1",
                 {version, VersionStateName(state)});
  }

  // --- environments, approvals, deployments
  StatusOr<std::vector<EnvironmentRecord>> ListEnvironments() override {
    std::vector<EnvironmentRecord> out;
    Status status = Query(
        db_, "SELECT name, position, approvals_required FROM environments ORDER BY position", {},
        [&](const SqlStatement& row) {
          out.push_back({row.Text(0), static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2))});
        });
    if (!status.ok()) return status;
    return out;
  }
  Status PutEnvironments(const std::vector<EnvironmentRecord>& environments) override {
    if (Status cleared = Query(db_, "DELETE FROM environments", {}); !cleared.ok()) return cleared;
    for (const EnvironmentRecord& environment : environments) {
      Status status = Query(db_,
                            "INSERT INTO environments (name, position, approvals_required) "
                            "VALUES (?1, ?2, ?3)",
                            {environment.name, int64_t{environment.position},
                             int64_t{environment.approvals_required}});
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }
  StatusOr<std::vector<ApprovalRecord>> ListApprovals(std::string_view version,
                                                      std::string_view environment) override {
    std::vector<ApprovalRecord> out;
    Status status = Query(db_,
                          "SELECT version, environment, approver, decision, reason, at "
                          "FROM approvals WHERE version = ?1 AND environment = ?2 ORDER BY at, "
                          "approver",
                          {version, environment}, [&](const SqlStatement& row) {
                            out.push_back({row.Text(0), row.Text(1), row.Text(2),
                                           ParseDecision(row.Text(3)), row.Text(4), row.Text(5)});
                          });
    if (!status.ok()) return status;
    return out;
  }
  Status InsertApproval(const ApprovalRecord& approval) override {
    return Query(db_,
                 "INSERT INTO approvals (version, environment, approver, decision, reason, at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                 {approval.version, approval.environment, approval.approver,
                  DecisionName(approval.decision), approval.reason, approval.at});
  }
  StatusOr<int64_t> InsertDeployment(const DeploymentRecord& deployment) override {
    StatusOr<int64_t> id = NextId(db_, "deployments", "id");
    if (!id.ok()) return id.status();
    Status status =
        Query(db_,
              "INSERT INTO deployments (id, environment, version, previous_version, "
              "kind, by_principal, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
              {*id, deployment.environment, deployment.version, deployment.previous_version,
               deployment.kind, deployment.by, deployment.at});
    if (!status.ok()) return status;
    return *id;
  }
  StatusOr<std::vector<DeploymentRecord>> ListDeployments(std::string_view environment) override {
    std::vector<DeploymentRecord> out;
    Status status = Query(db_,
                          "SELECT id, environment, version, previous_version, kind, "
                          "by_principal, at FROM deployments WHERE ?1 = '' OR environment = ?1 "
                          "ORDER BY id",
                          {environment}, [&](const SqlStatement& row) {
                            out.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3),
                                           row.Text(4), row.Text(5), row.Text(6)});
                          });
    if (!status.ok()) return status;
    return out;
  }

  // --- exceptions
  StatusOr<int64_t> InsertException(const ExceptionRecord& exception) override {
    StatusOr<int64_t> id = NextId(db_, "exceptions", "id");
    if (!id.ok()) return id.status();
    std::string targets = JoinLines(exception.targets, '\n');
    Status status =
        Query(db_,
              "INSERT INTO exceptions (id, policy, rule, targets, justification, requested_by, "
              "requested_at, expires, status, approvals_required) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
              {*id, exception.policy, exception.rule, targets, exception.justification,
               exception.requested_by, exception.requested_at, exception.expires,
               ExceptionStatusName(exception.status), int64_t{exception.approvals_required}});
    if (!status.ok()) return status;
    return *id;
  }
  StatusOr<std::optional<ExceptionRecord>> GetException(int64_t id) override {
    std::optional<ExceptionRecord> found;
    Status status = Query(db_, std::string(kExceptionColumns) + " WHERE id = ?1", {id},
                          [&](const SqlStatement& row) { found = ReadException(row); });
    if (!status.ok()) return status;
    return found;
  }
  StatusOr<std::vector<ExceptionRecord>> ListExceptions() override {
    std::vector<ExceptionRecord> out;
    Status status = Query(db_, std::string(kExceptionColumns) + " ORDER BY id", {},
                          [&](const SqlStatement& row) { out.push_back(ReadException(row)); });
    if (!status.ok()) return status;
    return out;
  }
  Status SetExceptionStatus(int64_t id, ExceptionStatus status) override {
    return Query(db_, "UPDATE exceptions SET status = ?2 WHERE id = ?1",
                 {id, ExceptionStatusName(status)});
  }
  Status InsertExceptionVote(const ExceptionVote& vote) override {
    return Query(
        db_,
        "INSERT INTO exception_votes (exception_id, approver, decision, reason, at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        {vote.exception_id, vote.approver, DecisionName(vote.decision), vote.reason, vote.at});
  }
  StatusOr<std::vector<ExceptionVote>> ListExceptionVotes(int64_t id) override {
    std::vector<ExceptionVote> out;
    Status status = Query(db_,
                          "SELECT exception_id, approver, decision, reason, at FROM "
                          "exception_votes WHERE exception_id = ?1 ORDER BY at, approver",
                          {id}, [&](const SqlStatement& row) {
                            out.push_back({row.Int(0), row.Text(1), ParseDecision(row.Text(2)),
                                           row.Text(3), row.Text(4)});
                          });
    if (!status.ok()) return status;
    return out;
  }

  // --- audit
  StatusOr<std::optional<AuditRecord>> LastAudit() override {
    std::optional<AuditRecord> found;
    Status status = Query(db_, std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT 1", {},
                          [&](const SqlStatement& row) { found = ReadAudit(row); });
    if (!status.ok()) return status;
    if (found) {
      if (Status details = ReadDetails(*found); !details.ok()) return details;
    }
    return found;
  }
  Status InsertAudit(const AuditRecord& record) override {
    Status status = Query(db_,
                          "INSERT INTO audit_log (seq, time, actor, action, object, prev_hash, "
                          "hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          {record.seq, record.time, record.actor, record.action, record.object,
                           record.prev_hash, record.hash});
    if (!status.ok()) return status;
    for (const auto& [key, value] : record.details) {
      status = Query(db_, "INSERT INTO audit_details (seq, key, value) VALUES (?1, ?2, ?3)",
                     {record.seq, key, value});
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }
  StatusOr<std::vector<AuditRecord>> ListAudit(const AuditQuery& query) override {
    std::vector<AuditRecord> out;
    // An action ending in `.` is a prefix (`exception.`); `substr`/`length` read the same
    // on both databases.
    Status status =
        Query(db_,
              std::string(kAuditColumns) +
                  " WHERE seq > ?1 AND (?2 = '' OR time >= ?2) AND (?3 = '' OR actor = ?3) "
                  "AND (?4 = '' OR action = ?4 OR (substr(?4, length(?4), 1) = '.' AND "
                  "substr(action, 1, length(?4)) = ?4)) AND (?6 = '' OR object = ?6) "
                  "ORDER BY seq LIMIT ?5",
              {query.after_seq, query.since, query.actor, query.action,
               query.limit > 0 ? query.limit : int64_t{INT64_MAX}, query.object},
              [&](const SqlStatement& row) { out.push_back(ReadAudit(row)); });
    if (!status.ok()) return status;
    for (AuditRecord& record : out) {
      if (Status details = ReadDetails(record); !details.ok()) return details;
    }
    return out;
  }

 private:
  static Principal ReadPrincipal(const SqlStatement& row) {
    return {row.Text(0), SplitRoles(row.Text(1)), row.Text(2), row.Text(3)};
  }
  Status ReadDetails(AuditRecord& record) {
    return Query(db_, "SELECT key, value FROM audit_details WHERE seq = ?1", {record.seq},
                 [&](const SqlStatement& row) { record.details[row.Text(0)] = row.Text(1); });
  }

  SqlConnection& db_;
};

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> db, std::string name)
      : db_(std::move(db)), name_(std::move(name)) {}

  const std::string& name() const override { return name_; }
  int schema_version() const override { return schema_version_; }

  Status Transact(const std::function<Status(Transaction&)>& body) override {
    constexpr int kAttempts = 8;
    std::lock_guard<std::mutex> lock(mutex_);
    Status status;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      status = db_->Begin();
      if (!status.ok()) return status;
      SqlTransaction transaction(*db_);
      status = body(transaction);
      if (status.ok()) status = db_->Commit();
      if (status.ok()) return status;
      db_->Rollback();
      if (!db_->IsRetryable(status)) return status;
    }
    return status;
  }

  // All in one transaction, so two processes opening a new database at once apply
  // each migration once (the second waits for the writer lock, then finds it applied).
  //
  // A database already at the latest version is only read, outside any transaction: no
  // writer lock, and no CREATE privilege needed (PostgreSQL checks it even for
  // `CREATE TABLE IF NOT EXISTS` of a table that exists).
  Status Migrate(const std::vector<Migration>& migrations) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (StatusOr<int64_t> current = SchemaVersion(); current.ok() && *current >= latest) {
      if (Status newer = CheckNotNewer(*current, latest); !newer.ok()) return newer;
      schema_version_ = latest;
      return Status::Ok();
    }
    if (Status begun = db_->Begin(); !begun.ok()) return begun;
    Status status = ApplyMigrations(migrations, latest);
    if (status.ok()) status = db_->Commit();
    if (!status.ok()) db_->Rollback();
    return status;
  }

 private:
  // The highest applied migration; an error when there is no schema_migrations table.
  StatusOr<int64_t> SchemaVersion() {
    int64_t version = 0;
    Status read = Query(*db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {},
                        [&](const SqlStatement& row) { version = row.Int(0); });
    if (!read.ok()) return read;
    return version;
  }

  Status CheckNotNewer(int64_t version, int latest) const {
    if (version <= latest) return Status::Ok();
    return Status(StatusCode::kFailedPrecondition,
                  "store `" + name_ + "` has schema version " + std::to_string(version) +
                      ", newer than this warden knows (" + std::to_string(latest) +
                      "); upgrade warden to use it");
  }

  Status ApplyMigrations(const std::vector<Migration>& migrations, int latest) {
    if (Status created =
            db_->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                      "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        !created.ok()) {
      return created;
    }
    // Read again under the lock: another process may have migrated meanwhile.
    StatusOr<int64_t> read = SchemaVersion();
    if (!read.ok()) return read.status();
    int64_t version = *read;
    if (Status newer = CheckNotNewer(version, latest); !newer.ok()) return newer;
    for (const Migration& migration : migrations) {
      if (migration.version <= version) continue;
      Status status = db_->Exec(migration.sql);
      if (status.ok()) {
        status = Query(*db_,
                       "INSERT INTO schema_migrations (version, description, applied_at) "
                       "VALUES (?1, ?2, CAST(CURRENT_TIMESTAMP AS TEXT))",
                       {int64_t{migration.version}, migration.description});
      }
      if (!status.ok()) {
        return Status(StatusCode::kUnavailable, "store `" + name_ + "`: migration " +
                                                    std::to_string(migration.version) +
                                                    " failed: " + status.message());
      }
    }
    schema_version_ = latest;
    return Status::Ok();
  }

  std::unique_ptr<SqlConnection> db_;
  std::string name_;
  int schema_version_ = 0;
  std::mutex mutex_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<SqlConnection> connection,
                                              std::string name,
                                              const std::vector<Migration>& migrations) {
  auto store = std::make_unique<SqlStore>(std::move(connection), std::move(name));
  if (Status migrated = store->Migrate(migrations); !migrated.ok()) return migrated;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace warden::store
