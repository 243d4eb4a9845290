#include "warden/store/migrations.h"

namespace warden::store {
namespace {

// Identifiers are assigned by the store (MAX + 1 inside the serialized transaction), not
// by the database, so the same statements work on both databases.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE principals (
  name {text} PRIMARY KEY,
  roles {text} NOT NULL,          -- comma-separated role names, sorted
  created_at {text} NOT NULL,
  created_by {text} NOT NULL
);
CREATE TABLE settings (
  key {text} PRIMARY KEY,
  value {text} NOT NULL
);
CREATE TABLE versions (
  version {text} PRIMARY KEY,
  seq {int} NOT NULL UNIQUE,  -- publication order
  bundle {text} NOT NULL,
  digest {text} NOT NULL,
  author {text} NOT NULL,
  created_at {text} NOT NULL,
  message {text} NOT NULL,
  state {text} NOT NULL
);
CREATE TABLE version_files (
  version {text} NOT NULL REFERENCES versions (version),
  path {text} NOT NULL,
  content {text} NOT NULL,
  PRIMARY KEY (version, path)
);
CREATE TABLE environments (
  name {text} PRIMARY KEY,
  position {int} NOT NULL UNIQUE,
  approvals_required {int} NOT NULL
);
INSERT INTO environments VALUES ('dev', 0, 0), ('test', 1, 1), ('prod', 2, 2);
CREATE TABLE approvals (
  version {text} NOT NULL,
  environment {text} NOT NULL,
  approver {text} NOT NULL,
  decision {text} NOT NULL,
  reason {text} NOT NULL,
  at {text} NOT NULL,
  PRIMARY KEY (version, environment, approver)
);
CREATE TABLE deployments (
  id {int} PRIMARY KEY,
  environment {text} NOT NULL,
  version {text} NOT NULL,
  previous_version {text} NOT NULL,
  kind {text} NOT NULL,
  by_principal {text} NOT NULL,
  at {text} NOT NULL
);
CREATE TABLE exceptions (
  id {int} PRIMARY KEY,
  policy {text} NOT NULL,
  rule {text} NOT NULL,
  targets {text} NOT NULL,        -- `dimension=glob` lines
  justification {text} NOT NULL,
  requested_by {text} NOT NULL,
  requested_at {text} NOT NULL,
  expires {text} NOT NULL,
  status {text} NOT NULL,
  approvals_required {int} NOT NULL
);
CREATE TABLE exception_votes (
  exception_id {int} NOT NULL REFERENCES exceptions (id),
  approver {text} NOT NULL,
  decision {text} NOT NULL,
  reason {text} NOT NULL,
  at {text} NOT NULL,
  PRIMARY KEY (exception_id, approver)
);
CREATE TABLE audit_log (
  seq {int} PRIMARY KEY,
  time {text} NOT NULL,
  actor {text} NOT NULL,
  action {text} NOT NULL,
  object {text} NOT NULL,
  prev_hash {text} NOT NULL,
  hash {text} NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (time);
CREATE TABLE audit_details (
  seq {int} NOT NULL REFERENCES audit_log (seq),
  key {text} NOT NULL,
  value {text} NOT NULL,
  PRIMARY KEY (seq, key)
);
)sql";

struct Dialect {
  std::string_view text;     // `{text}`: SQLite compares TEXT bytewise; PostgreSQL's
                             // default collation follows the locale, so "C" is asked for
  std::string_view integer;  // `{int}`: PostgreSQL's INTEGER is 32-bit
};

std::string Render(std::string_view sql, const Dialect& dialect) {
  std::string out;
  for (size_t index = 0; index < sql.size();) {
    if (sql.compare(index, 6, "{text}") == 0) {
      out += dialect.text;
      index += 6;
    } else if (sql.compare(index, 5, "{int}") == 0) {
      out += dialect.integer;
      index += 5;
    } else {
      out += sql[index++];
    }
  }
  return out;
}

std::vector<Migration> RenderAll(const Dialect& dialect) {
  return {
      {1,
       "principals, settings, versions, environments, approvals, deployments, "
       "exceptions and the audit log",
       Render(kVersion1, dialect)},
  };
}

}  // namespace

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> migrations = RenderAll({"TEXT", "INTEGER"});
  return migrations;
}

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> migrations = RenderAll({"TEXT COLLATE \"C\"", "BIGINT"});
  return migrations;
}

}  // namespace warden::store
