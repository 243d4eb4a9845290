// The embedded store: one SQLite database file (`sqlite:.warden/warden.db`) in WAL mode
// with synchronous=FULL, so a committed transaction survives a crash or a SIGKILL, and
// `BEGIN IMMEDIATE` transactions, so writers from several processes queue on the file
// lock instead of failing mid-way.

#include "warden/store/migrations.h"
#include "warden/store/sql_store.h"
#include "warden/store/sqlite_connection.h"
#include "warden/store/store.h"

namespace warden::store {
namespace {

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                 const StoreOptions& options) {
  StatusOr<std::unique_ptr<SqlConnection>> db = OpenSqliteConnection(path, options.lock_timeout_ms);
  if (!db.ok()) return db.status();
  // WAL lets readers go on while one writer commits; FULL syncs the log on every commit,
  // which "no acknowledged write is lost" needs.
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
    if (Status status = (*db)->Exec(pragma); !status.ok()) return status;
  }
  return OpenSqlStore(std::move(*db), "sqlite:" + path, SqliteMigrations());
}

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.substr(0, kSqlite.size()) == kSqlite) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty()) return InvalidArgument("store `sqlite:` needs a file path: sqlite:PATH");
    return OpenSqliteStore(path, options);
  }
  return InvalidArgument("unknown store `" + std::string(url) +
                         "`: use sqlite:PATH (e.g. sqlite:.warden/warden.db)");
}

}  // namespace warden::store
