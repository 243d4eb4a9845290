#pragma once
// For tests only: a fresh, empty database of either kind, so one store test suite runs
// against both SQLite and PostgreSQL (docs/storage.md, "Testing").
//
// A PostgreSQL "database" is a schema of its own in the private cluster that ctest's
// `postgres_start` fixture runs (scripts/test-postgres.sh), named by the URL's
// search_path, as several Warden deployments can share one server (docs/storage.md);
// a schema costs milliseconds where CREATE DATABASE costs most of a second. The
// cluster's URL is in the file the build names in
// WARDEN_TEST_POSTGRES_URL_FILE. Without that file a PostgreSQL test fails with a
// message saying how to start the cluster; it is never skipped.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <ostream>
#include <random>
#include <string>

#include "warden/base/test_temp_dir.h"
#include "warden/store/postgres_connection.h"
#include "warden/store/sqlite_connection.h"

namespace warden::store::test_support {

enum class Backend { kSqlite, kPostgres };

inline const char* BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "Sqlite" : "Postgres";
}

// gtest prints parameters with this (instead of their bytes).
inline void PrintTo(Backend backend, std::ostream* out) { *out << BackendName(backend); }

// For INSTANTIATE_TEST_SUITE_P(Backends, Suite, AllBackends(), BackendParamName).
inline auto AllBackends() { return testing::Values(Backend::kSqlite, Backend::kPostgres); }
inline std::string BackendParamName(const testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    if (backend == Backend::kSqlite) {
      dir_ = std::make_unique<warden::test_support::TempDir>();
      url_ = "sqlite:" + dir_->path() + "/warden.db";
    } else {
      CreatePostgresDatabase();
    }
  }
  ~TestDatabase() {
    if (!name_.empty()) {
      if (auto admin = Admin(); admin.ok()) {
        (void)(*admin)->Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
      }
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Backend backend() const { return backend_; }
  // The store URL; empty when the database could not be made (error() says why).
  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }

  // Raw SQL behind Warden's back, as someone editing the database would: foreign keys
  // are not enforced.
  Status Tamper(const std::string& sql) const {
    if (backend_ == Backend::kSqlite) {
      StatusOr<std::unique_ptr<SqlConnection>> db =
          OpenSqliteConnection(url_.substr(std::string("sqlite:").size()), 1000);
      if (!db.ok()) return db.status();
      if (Status off = (*db)->Exec("PRAGMA foreign_keys = OFF"); !off.ok()) return off;
      return (*db)->Exec(sql);
    }
    StatusOr<std::unique_ptr<SqlConnection>> db = OpenPostgresConnection(url_, 1000);
    if (!db.ok()) return db.status();
    return (*db)->Exec("SET session_replication_role = replica; " + sql);
  }

  // The cluster's URL without a database (`postgresql://USER:PASSWORD@HOST:PORT`), or
  // empty with error() set.
  static std::string PostgresServerUrl(std::string* error) {
#ifdef WARDEN_TEST_POSTGRES_URL_FILE
    std::ifstream in(WARDEN_TEST_POSTGRES_URL_FILE);
    std::string url;
    if (in && std::getline(in, url) && !url.empty()) return url;
    *error = std::string("no PostgreSQL test cluster: ") + WARDEN_TEST_POSTGRES_URL_FILE +
             " is missing. ctest starts one (the postgres_start fixture); by hand: bash "
             "scripts/test-postgres.sh start build/dev/postgres";
#else
    *error = "this test binary was built without WARDEN_TEST_POSTGRES_URL_FILE";
#endif
    return "";
  }

 private:
  StatusOr<std::unique_ptr<SqlConnection>> Admin() const {
    std::string error;
    std::string server = PostgresServerUrl(&error);
    if (server.empty()) return Unavailable(error);
    return OpenPostgresConnection(server + "/postgres", 5000);
  }

  void CreatePostgresDatabase() {
    static std::atomic<int> counter{0};
    std::random_device random;
    std::string name = "warden_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
                       "_" + std::to_string(random() % 100000);
    StatusOr<std::unique_ptr<SqlConnection>> admin = Admin();
    if (!admin.ok()) {
      error_ = admin.status().message();
      return;
    }
    if (Status created = (*admin)->Exec("CREATE SCHEMA " + name); !created.ok()) {
      error_ = created.message();
      return;
    }
    name_ = name;
    std::string ignored;
    url_ = PostgresServerUrl(&ignored) + "/postgres?options=-csearch_path%3D" + name;
  }

  Backend backend_;
  std::unique_ptr<warden::test_support::TempDir> dir_;
  std::string name_;  // the PostgreSQL schema, dropped afterwards
  std::string url_;
  std::string error_;
};

}  // namespace warden::store::test_support
