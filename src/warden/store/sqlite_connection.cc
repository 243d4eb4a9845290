#include "warden/store/sqlite_connection.h"

#include <sqlite3.h>

#include <utility>

namespace warden::store {
namespace {

Status Failure(sqlite3* db, int code, const std::string& name, std::string_view what) {
  int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Unavailable("store `" + name +
                       "` is locked by another process (gave up waiting); try again");
  }
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return Unavailable("store `" + name + "`: " + std::string(what) + ": " + message);
}

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3_stmt* statement, const std::string& name)
      : statement_(statement), name_(name) {}
  ~SqliteStatement() override { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  Status Bind(int index, std::string_view text) override {
    return Check(sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT),
                 "bind");
  }
  Status Bind(int index, int64_t value) override {
    return Check(sqlite3_bind_int64(statement_, index, value), "bind");
  }
  StatusOr<bool> Step() override {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    return Failure(sqlite3_db_handle(statement_), code, name_, "query");
  }
  std::string Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    if (text == nullptr) return "";
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(statement_, column); }

 private:
  Status Check(int code, std::string_view what) {
    if (code == SQLITE_OK) return Status::Ok();
    return Failure(sqlite3_db_handle(statement_), code, name_, what);
  }
  sqlite3_stmt* statement_;
  const std::string& name_;
};

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}
  ~SqliteConnection() override { sqlite3_close(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Status Exec(std::string_view sql) override {
    char* error = nullptr;
    std::string text(sql);
    int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
    if (code != SQLITE_OK) return Failure(db_, code, name_, "statement failed");
    return Status::Ok();
  }
  StatusOr<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override {
    sqlite3_stmt* statement = nullptr;
    int code =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return Failure(db_, code, name_, "prepare");
    return std::unique_ptr<SqlStatement>(new SqliteStatement(statement, name_));
  }
  // IMMEDIATE takes the write lock up front, so a transaction never fails half-way
  // because another process started writing after it read.
  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  void Rollback() override { (void)Exec("ROLLBACK"); }
  bool IsRetryable(const Status&) const override { return false; }  // writers never overlap

 private:
  sqlite3* db_;
  std::string name_;
};

}  // namespace

StatusOr<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path,
                                                              int busy_timeout_ms) {
  std::string name = "sqlite:" + path;
  sqlite3* db = nullptr;
  int code =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (code != SQLITE_OK) {
    Status status = Failure(db, code, name, "cannot open");
    sqlite3_close(db);
    return status;
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqlConnection>(new SqliteConnection(db, std::move(name)));
}

}  // namespace warden::store
