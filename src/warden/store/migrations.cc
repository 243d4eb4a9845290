#include "warden/store/migrations.h"

namespace warden::store {

// Identifiers are assigned by the store (MAX + 1 inside the serialized transaction), not
// by the database, so the same statements work on both databases.
const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> migrations = {
      {1,
       "principals, settings, versions, environments, approvals, deployments, "
       "exceptions and the audit log",
       R"sql(
CREATE TABLE principals (
  name TEXT PRIMARY KEY,
  roles TEXT NOT NULL,          -- comma-separated role names, sorted
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE versions (
  version TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,  -- publication order
  bundle TEXT NOT NULL,
  digest TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  message TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE TABLE version_files (
  version TEXT NOT NULL REFERENCES versions (version),
  path TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (version, path)
);
CREATE TABLE environments (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  approvals_required INTEGER NOT NULL
);
INSERT INTO environments VALUES ('dev', 0, 0), ('test', 1, 1), ('prod', 2, 2);
CREATE TABLE approvals (
  version TEXT NOT NULL,
  environment TEXT NOT NULL,
  approver TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (version, environment, approver)
);
CREATE TABLE deployments (
  id INTEGER PRIMARY KEY,
  environment TEXT NOT NULL,
  version TEXT NOT NULL,
  previous_version TEXT NOT NULL,
  kind TEXT NOT NULL,
  by_principal TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE exceptions (
  id INTEGER PRIMARY KEY,
  policy TEXT NOT NULL,
  rule TEXT NOT NULL,
  targets TEXT NOT NULL,        -- `dimension=glob` lines
  justification TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  expires TEXT NOT NULL,
  status TEXT NOT NULL,
  approvals_required INTEGER NOT NULL
);
CREATE TABLE exception_votes (
  exception_id INTEGER NOT NULL REFERENCES exceptions (id),
  approver TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (exception_id, approver)
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (time);
CREATE TABLE audit_details (
  seq INTEGER NOT NULL REFERENCES audit_log (seq),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (seq, key)
);
)sql"},
  };
  return migrations;
}

}  // namespace warden::store
