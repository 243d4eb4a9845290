#pragma once
// SqlConnection over the SQLite C API, the only code that includes <sqlite3.h>
// (tests/layering/check_layers.sh). Errors become Unavailable statuses that name the
// database; a lock held longer than the busy timeout says "locked".

#include <memory>
#include <string>

#include "warden/store/sql_connection.h"

namespace warden::store {

// Opens (creating) the database file; waits up to `busy_timeout_ms` for locks.
StatusOr<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path,
                                                              int busy_timeout_ms);

}  // namespace warden::store
