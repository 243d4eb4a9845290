#pragma once
// What the store needs from a SQL database, so the queries (sql_store.cc) are written
// once for SQLite and PostgreSQL: statements with `?N` parameters (1-based; an adapter
// rewrites them to its own syntax), rows stepped one at a time, and transactions.
// Queries stick to SQL both databases read the same way.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "warden/base/status.h"

namespace warden::store {

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  virtual Status Bind(int index, std::string_view text) = 0;
  virtual Status Bind(int index, int64_t value) = 0;
  // Advances to the next row: true with a row, false when done.
  virtual StatusOr<bool> Step() = 0;
  // Columns of the current row, 0-based.
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // Statements whose rows are not needed (several, `;`-separated).
  virtual Status Exec(std::string_view sql) = 0;
  virtual StatusOr<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) = 0;
  // A transaction that serializes writers: SQLite `BEGIN IMMEDIATE`; PostgreSQL a
  // transaction-scoped advisory lock. On failure nothing is left open.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // Whether `status` (from a statement or Commit) is a serialization conflict that
  // running the transaction again may resolve.
  virtual bool IsRetryable(const Status& status) const = 0;
};

}  // namespace warden::store
