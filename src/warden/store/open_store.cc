// OpenStore: the store URL picks the database.
//
// SQLite (`sqlite:.warden/warden.db`) runs in WAL mode with synchronous=FULL, so a
// committed transaction survives a crash or a SIGKILL, and with `BEGIN IMMEDIATE`
// transactions, so writers from several processes queue on the file lock instead of
// failing mid-way. PostgreSQL (`postgresql://...`) commits durably by default
// (synchronous_commit) and queues writers on an advisory lock (postgres_connection.h).

#include "warden/store/migrations.h"
#include "warden/store/postgres_connection.h"
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

StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                   const StoreOptions& options) {
  StatusOr<std::unique_ptr<SqlConnection>> db =
      OpenPostgresConnection(url, options.lock_timeout_ms);
  if (!db.ok()) return db.status();
  return OpenSqlStore(std::move(*db), RedactPostgresUrl(url), PostgresMigrations());
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (StartsWith(url, kSqlite)) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty()) return InvalidArgument("store `sqlite:` needs a file path: sqlite:PATH");
    return OpenSqliteStore(path, options);
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return OpenPostgresStore(std::string(url), options);
  }
  return InvalidArgument("unknown store `" + RedactPostgresUrl(url) +
                         "`: use sqlite:PATH (e.g. sqlite:.warden/warden.db) or "
                         "postgresql://USER@HOST[:PORT]/DATABASE");
}

}  // namespace warden::store
