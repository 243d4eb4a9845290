#pragma once
// The rows of the management store (docs/storage.md): principals with roles and the
// tamper-evident audit log. Plain values; store.h reads and writes them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warden::store {

// What a principal may do (docs/management.md): readers read; authors publish and request
// exceptions; approvers approve or reject; admins manage principals, environments and
// configuration, and may skip promotion order.
enum class Role { kReader, kAuthor, kApprover, kAdmin };

const char* RoleName(Role role);
// `reader`, `author`, `approver` or `admin`; nullopt otherwise.
std::optional<Role> ParseRole(std::string_view text);

struct Principal {
  std::string name;
  std::vector<Role> roles;  // sorted, unique
  std::string created_at;   // RFC 3339
  std::string created_by;

  bool Has(Role role) const;
};

// One audit record: `hash` is SHA-256 (hex) over `prev_hash` and the record's canonical
// JSON (audit_chain.h), so editing, deleting, inserting or reordering a record breaks the
// chain from there on.
struct AuditRecord {
  int64_t seq = 0;   // 1, 2, 3, ... without gaps
  std::string time;  // RFC 3339, from the caller (the library reads no clock)
  std::string actor;
  std::string action;  // `principal.add`, `version.publish`, ...
  std::string object;  // what the action was on: a principal, `VERSION`, `VERSION@ENV`, ...
  std::map<std::string, std::string> details;
  std::string prev_hash;  // the previous record's hash; 64 zeros for the first
  std::string hash;
};

struct AuditQuery {
  std::string since;   // RFC 3339; records at or after it (string order is time order)
  std::string actor;   // exact; empty: any
  std::string action;  // exact or a prefix ending in `.` (`exception.`); empty: any
  int64_t after_seq = 0;
  int64_t limit = 0;   // 0: no limit
  std::string object;  // exact; empty: any
};

}  // namespace warden::store

namespace warden::store {

// Lifecycle of a published version (docs/management.md):
// draft → in-review → approved → active → deprecated → retired.
enum class VersionState { kDraft, kInReview, kApproved, kActive, kDeprecated, kRetired };

const char* VersionStateName(VersionState state);
std::optional<VersionState> ParseVersionState(std::string_view text);

struct VersionRecord {
  std::string version;  // X.Y.Z
  std::string bundle;   // the bundle's name
  std::string digest;   // the bundle digest (sha256 over names and contents)
  std::string author;
  std::string created_at;
  std::string message;
  VersionState state = VersionState::kDraft;
};

struct VersionFile {
  std::string path;  // relative to the bundle directory, forward slashes
  std::string content;
};

struct EnvironmentRecord {
  std::string name;
  int position = 0;            // promotion order: dev 0, test 1, prod 2
  int approvals_required = 0;  // distinct approvers, never the version's author
};

enum class Decision { kApprove, kReject };
const char* DecisionName(Decision decision);

// An approver's decision on promoting a version to an environment.
struct ApprovalRecord {
  std::string version;
  std::string environment;
  std::string approver;
  Decision decision = Decision::kApprove;
  std::string reason;
  std::string at;
};

// One promotion or rollback: from then on `version` runs in `environment`.
struct DeploymentRecord {
  int64_t id = 0;  // increasing; the latest row of an environment is what runs there
  std::string environment;
  std::string version;
  std::string previous_version;  // empty for the first
  std::string kind;              // `promote` or `rollback`
  std::string by;
  std::string at;
};

enum class ExceptionStatus { kPending, kApproved, kRejected, kRevoked };
const char* ExceptionStatusName(ExceptionStatus status);
std::optional<ExceptionStatus> ParseExceptionStatus(std::string_view text);

// An exception requested through the store; once approved (and until it expires or is
// revoked) it applies like a file-declared Exception document.
struct ExceptionRecord {
  int64_t id = 0;
  std::string policy;
  std::string rule;  // empty: every rule
  // Targets as `dimension=glob` lines (`kinds=Deployment`, `names=web`), sorted.
  std::vector<std::string> targets;
  std::string justification;
  std::string requested_by;
  std::string requested_at;
  std::string expires;  // RFC 3339
  ExceptionStatus status = ExceptionStatus::kPending;
  int approvals_required = 1;
};

struct ExceptionVote {
  int64_t exception_id = 0;
  std::string approver;
  Decision decision = Decision::kApprove;
  std::string reason;
  std::string at;
};

// What `warden show VERSION` reports.
struct VersionDetails {
  VersionRecord version;
  std::vector<std::string> files;
  std::vector<std::string> active_in;  // environments it runs in now
};

// What `warden status` reports per environment.
struct EnvironmentStatus {
  EnvironmentRecord environment;
  std::optional<DeploymentRecord> current;  // none: nothing promoted yet
  std::string state;                        // the current version's state
};

}  // namespace warden::store
