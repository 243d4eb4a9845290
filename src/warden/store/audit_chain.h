#pragma once
// The audit log's hash chain (docs/management.md, "Audit log"). Each record's hash is
// SHA-256 over the previous record's hash, a newline, and the record's canonical JSON:
// `{"action":...,"actor":...,"details":{...},"object":...,"seq":N,"time":...}` with keys
// in byte order at every level and no spaces. Changing any field of any record, or
// removing, inserting or reordering records, changes a hash that the next record (or
// the recomputation) no longer matches.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "warden/base/status.h"
#include "warden/store/records.h"
#include "warden/store/store.h"

namespace warden::store {

// The previous hash of the first record.
inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string CanonicalJson(const AuditRecord& record);
std::string ComputeAuditHash(const AuditRecord& record);  // uses record.prev_hash

// Appends a record after the last one, inside the caller's transaction (so the change
// and its record commit together or not at all). Returns the stored record.
StatusOr<AuditRecord> AppendAudit(Transaction& transaction, std::string time, std::string actor,
                                  std::string action, std::string object,
                                  std::map<std::string, std::string> details);

struct ChainVerdict {
  bool ok = true;
  int64_t records = 0;
  // The first record that does not fit (its position in the log when seq is wrong), and
  // why: `seq 7: hash does not match its contents`, `seq 9 follows seq 7 (a record is
  // missing)`, ...
  int64_t first_bad_seq = 0;
  std::string reason;
};

// Checks records given in storage order (as ListAudit returns them).
ChainVerdict VerifyAuditChain(const std::vector<AuditRecord>& records);

}  // namespace warden::store
