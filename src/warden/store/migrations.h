#pragma once
// The store's schema as numbered migrations, applied in order when a store is opened
// and recorded in the table `schema_migrations` (docs/storage.md). A migration is never
// edited once released: changes are new migrations. Both databases get the same
// statements, written once with `{text}` and `{int}` where their types differ, so both
// stores always have the same schema at the same version number.

#include <string>
#include <string_view>
#include <vector>

namespace warden::store {

struct Migration {
  int version;
  std::string_view description;
  std::string sql;  // one or more statements
};

// Each database's migrations, in version order (1, 2, ...).
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace warden::store
