#pragma once
// The store over any SqlConnection: the queries are written once here; SQLite and
// PostgreSQL differ only in their connection adapter and their migrations' DDL.

#include <memory>
#include <string>
#include <vector>

#include "warden/store/migrations.h"
#include "warden/store/sql_connection.h"
#include "warden/store/store.h"

namespace warden::store {

// Applies the missing `migrations` to `connection` and returns the store (`name` is how
// it is named in messages). A database newer than the migrations is FailedPrecondition.
StatusOr<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<SqlConnection> connection,
                                              std::string name,
                                              const std::vector<Migration>& migrations);

}  // namespace warden::store
