#include "warden/store/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <optional>
#include <utility>
#include <vector>

namespace warden::store {
namespace {

// Type OIDs of the parameters (catalog/pg_type.h, stable since PostgreSQL 7).
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kTextOid = 25;

// Every transaction takes this lock first; the key is "warden" in ASCII.
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(131260414715246)";

// SQLSTATEs the adapter tells apart.
constexpr std::string_view kLockNotAvailable = "55P03";
constexpr std::string_view kSerializationFailure = "40001";
constexpr std::string_view kDeadlockDetected = "40P01";

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// libpq's message on one line: its lines (a hint follows on a tab-indented line) are
// joined with a space.
std::string OneLineMessage(const char* text) {
  std::string message;
  bool space = false;
  for (const char* c = text != nullptr ? text : ""; *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\t' || *c == '\r' || *c == ' ') {
      space = !message.empty();
      continue;
    }
    if (space) message += ' ';
    space = false;
    message += *c;
  }
  return message;
}

// `?N` → `$N`, outside quoted literals and identifiers.
std::string RewriteParameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (size_t index = 0; index < sql.size(); ++index) {
    char c = sql[index];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?' && index + 1 < sql.size() && sql[index + 1] >= '0' &&
               sql[index + 1] <= '9') {
      c = '$';
    }
    out += c;
  }
  return out;
}

class PostgresConnection;

class PostgresStatement : public SqlStatement {
 public:
  PostgresStatement(PostgresConnection& connection, std::string sql)
      : connection_(connection), sql_(std::move(sql)) {}

  Status Bind(int index, std::string_view text) override {
    return Set(index, std::string(text), kTextOid);
  }
  Status Bind(int index, int64_t value) override {
    return Set(index, std::to_string(value), kInt8Oid);
  }
  StatusOr<bool> Step() override;
  std::string Text(int column) const override {
    if (PQgetisnull(result_.get(), row_, column) != 0) return "";
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }
  int64_t Int(int column) const override {
    const char* text = PQgetvalue(result_.get(), row_, column);
    int64_t value = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row_, column), value);
    return value;
  }

 private:
  Status Set(int index, std::string value, unsigned type) {
    if (index < 1) return Internal("parameter indexes start at 1");
    size_t slot = static_cast<size_t>(index - 1);
    if (slot >= values_.size()) {
      values_.resize(slot + 1);
      types_.resize(slot + 1, kTextOid);
    }
    values_[slot] = std::move(value);
    types_[slot] = type;
    return Status::Ok();
  }

  PostgresConnection& connection_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<unsigned> types_;
  Result result_{nullptr, &PQclear};
  int row_ = -1;
  int rows_ = 0;
};

class PostgresConnection : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string name, int lock_timeout_ms)
      : conn_(conn), name_(std::move(name)), lock_timeout_ms_(lock_timeout_ms) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // Session settings, on connecting and after a reconnect: libpq's default notice
  // processor prints to stderr, which library code must not do.
  Status Configure() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    return Exec(
        "SET client_encoding = 'UTF8'; SET client_min_messages = warning; "
        "SET lock_timeout = " +
        std::to_string(lock_timeout_ms_));
  }

  Status Exec(std::string_view sql) override {
    Result result(PQexec(conn_, std::string(sql).c_str()), &PQclear);
    return Check(result.get(), "statement failed");
  }
  StatusOr<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override {
    return std::unique_ptr<SqlStatement>(new PostgresStatement(*this, RewriteParameters(sql)));
  }
  Status Begin() override {
    sqlstate_.clear();
    if (PQstatus(conn_) == CONNECTION_BAD) {
      // The server restarted or the network dropped since the last transaction.
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) return Unreachable();
      if (Status configured = Configure(); !configured.ok()) return configured;
    }
    if (Status begun = Exec("BEGIN"); !begun.ok()) return begun;
    Status locked = Exec(kWriterLock);
    if (!locked.ok()) Abort();
    return locked;
  }
  Status Commit() override { return Exec("COMMIT"); }
  void Rollback() override { Abort(); }
  bool IsRetryable(const Status&) const override {
    return sqlstate_ == kSerializationFailure || sqlstate_ == kDeadlockDetected;
  }

  PGconn* conn() { return conn_; }

  // OK for a successful `result`; otherwise an Unavailable status naming the store (and
  // the SQLSTATE remembered for IsRetryable).
  Status Check(const PGresult* result, std::string_view what) {
    ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::Ok();
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    sqlstate_ = state != nullptr ? state : "";
    if (sqlstate_ == kLockNotAvailable) {
      return Unavailable("store `" + name_ +
                         "` is locked by another process (gave up waiting); try again");
    }
    if (PQstatus(conn_) == CONNECTION_BAD) return Unreachable();
    const char* primary =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message =
        primary != nullptr ? std::string(primary) : OneLineMessage(PQerrorMessage(conn_));
    return Unavailable("store `" + name_ + "`: " + std::string(what) + ": " + message);
  }

 private:
  Status Unreachable() {
    return Unavailable("store `" + name_ +
                       "` is unreachable: " + OneLineMessage(PQerrorMessage(conn_)));
  }
  // ROLLBACK that keeps the SQLSTATE of the failure that caused it.
  void Abort() { Result result(PQexec(conn_, "ROLLBACK"), &PQclear); }

  PGconn* conn_;
  std::string name_;
  int lock_timeout_ms_;
  std::string sqlstate_;
};

StatusOr<bool> PostgresStatement::Step() {
  if (!result_) {
    std::vector<const char*> values;
    values.reserve(values_.size());
    for (const std::optional<std::string>& value : values_) {
      values.push_back(value ? value->c_str() : nullptr);
    }
    result_.reset(PQexecParams(connection_.conn(), sql_.c_str(), static_cast<int>(values.size()),
                               types_.data(), values.data(), nullptr, nullptr, 0));
    if (Status status = connection_.Check(result_.get(), "query"); !status.ok()) {
      result_.reset();
      return status;
    }
    rows_ = PQntuples(result_.get());
  }
  if (row_ + 1 >= rows_) return false;
  ++row_;
  return true;
}

}  // namespace

std::string RedactPostgresUrl(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  size_t authority = scheme + 3;
  size_t query = out.find('?', authority);
  size_t at = out.rfind('@', query == std::string::npos ? std::string::npos : query);
  if (at != std::string::npos && at > authority) {
    size_t colon = out.find(':', authority);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  query = out.find('?', authority);
  if (query == std::string::npos) return out;
  for (size_t start = query + 1; start < out.size();) {
    size_t end = out.find('&', start);
    if (end == std::string::npos) end = out.size();
    constexpr std::string_view kPassword = "password=";
    if (out.compare(start, kPassword.size(), kPassword) == 0) {
      size_t value = start + kPassword.size();
      out.replace(value, end - value, "***");
      end = value + 3;
    }
    start = end + 1;
  }
  return out;
}

StatusOr<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& url,
                                                                int lock_timeout_ms) {
  std::string name = RedactPostgresUrl(url);
  // The URL's own settings come later and win (expand_dbname).
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"10", "warden", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr) return Unavailable("store `" + name + "`: out of memory connecting");
  if (PQstatus(conn) != CONNECTION_OK) {
    Status status =
        Unavailable("store `" + name + "` is unreachable: " + OneLineMessage(PQerrorMessage(conn)));
    PQfinish(conn);
    return status;
  }
  auto connection = std::make_unique<PostgresConnection>(conn, std::move(name), lock_timeout_ms);
  if (Status configured = connection->Configure(); !configured.ok()) return configured;
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace warden::store
