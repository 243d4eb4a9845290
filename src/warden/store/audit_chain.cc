#include "warden/store/audit_chain.h"

#include <utility>

#include "warden/base/json_string.h"
#include "warden/base/sha256.h"

namespace warden::store {

std::string CanonicalJson(const AuditRecord& record) {
  std::string out = "{\"action\":";
  AppendJsonString(out, record.action);
  out += ",\"actor\":";
  AppendJsonString(out, record.actor);
  out += ",\"details\":{";
  bool first = true;
  for (const auto& [key, value] : record.details) {  // std::map: byte order
    if (!first) out += ',';
    first = false;
    AppendJsonString(out, key);
    out += ':';
    AppendJsonString(out, value);
  }
  out += "},\"object\":";
  AppendJsonString(out, record.object);
  out += ",\"seq\":" + std::to_string(record.seq) + ",\"time\":";
  AppendJsonString(out, record.time);
  out += '}';
  return out;
}

std::string ComputeAuditHash(const AuditRecord& record) {
  return Sha256Hex(record.prev_hash + "\n" + CanonicalJson(record));
}

StatusOr<AuditRecord> AppendAudit(Transaction& transaction, std::string time, std::string actor,
                                  std::string action, std::string object,
                                  std::map<std::string, std::string> details) {
  StatusOr<std::optional<AuditRecord>> last = transaction.LastAudit();
  if (!last.ok()) return last.status();
  AuditRecord record;
  record.seq = *last ? (*last)->seq + 1 : 1;
  record.time = std::move(time);
  record.actor = std::move(actor);
  record.action = std::move(action);
  record.object = std::move(object);
  record.details = std::move(details);
  record.prev_hash = *last ? (*last)->hash : kGenesisHash;
  record.hash = ComputeAuditHash(record);
  Status inserted = transaction.InsertAudit(record);
  if (!inserted.ok()) return inserted;
  return record;
}

ChainVerdict VerifyAuditChain(const std::vector<AuditRecord>& records) {
  ChainVerdict verdict;
  verdict.records = static_cast<int64_t>(records.size());
  std::string previous = kGenesisHash;
  int64_t expected_seq = 1;
  auto fail = [&](int64_t seq, std::string reason) {
    verdict.ok = false;
    verdict.first_bad_seq = seq;
    verdict.reason = "seq " + std::to_string(seq) + ": " + std::move(reason);
    return verdict;
  };
  for (const AuditRecord& record : records) {
    if (record.seq != expected_seq) {
      return fail(record.seq,
                  record.seq > expected_seq
                      ? "follows seq " + std::to_string(expected_seq - 1) + " (a record is missing)"
                      : "out of order after seq " + std::to_string(expected_seq - 1) +
                            " (a record was inserted or moved)");
    }
    if (record.prev_hash != previous) {
      return fail(record.seq, "its previous hash is not the hash of seq " +
                                  std::to_string(record.seq - 1) +
                                  " (a record before it was changed or replaced)");
    }
    if (ComputeAuditHash(record) != record.hash) {
      return fail(record.seq, "its hash does not match its contents (the record was edited)");
    }
    previous = record.hash;
    ++expected_seq;
  }
  return verdict;
}

}  // namespace warden::store
