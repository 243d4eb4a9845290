#pragma once
// SqlConnection over libpq, the only code that includes <libpq-fe.h>
// (tests/layering/check_layers.sh). Statements run with typed text parameters; errors
// become Unavailable statuses that name the database with its password hidden.
//
// Writers are serialized by a transaction-scoped advisory lock taken first thing in
// every transaction (docs/storage.md): the audit chain appends one record after another,
// so every change must see the previous one, and the lock gives exactly SQLite's
// `BEGIN IMMEDIATE` behaviour on several processes and several servers.

#include <memory>
#include <string>
#include <string_view>

#include "warden/store/sql_connection.h"

namespace warden::store {

// `postgresql://user:secret@host/db` → `postgresql://user:***@host/db` (and a
// `password=` query parameter likewise), for messages.
std::string RedactPostgresUrl(std::string_view url);

// Connects to `url` (a `postgresql://` or `postgres://` URI, as libpq reads it); waits
// up to `lock_timeout_ms` for another writer's lock, and at most 10 s for the
// connection unless the URL sets `connect_timeout`.
StatusOr<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& url,
                                                                int lock_timeout_ms);

}  // namespace warden::store
