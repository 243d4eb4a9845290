#pragma once
// The store's schema as numbered migrations, applied in order when a store is opened
// and recorded in the table `schema_migrations` (docs/storage.md). A migration is never
// edited once released: changes are new migrations. Each database has its own SQL for
// the same version numbers, so both stores always have the same schema.

#include <string_view>
#include <vector>

namespace warden::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // one or more statements
};

// SQLite's migrations, in version order (1, 2, ...).
const std::vector<Migration>& SqliteMigrations();

}  // namespace warden::store
