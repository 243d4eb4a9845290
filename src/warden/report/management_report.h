#pragma once
// Renderings of the management store's records (docs/management.md): principals,
// versions, environment status and the audit log, as tables for people and JSON (and,
// for the audit log, JSON Lines and CSV) for tools.

#include <string>
#include <vector>

#include "warden/store/audit_chain.h"
#include "warden/store/records.h"

namespace warden::report {

std::string RenderPrincipals(const std::vector<store::Principal>& principals, bool json);
std::string RenderVersions(const std::vector<store::VersionRecord>& versions, bool json);
std::string RenderVersionDetails(const store::VersionDetails& details, bool json);
std::string RenderEnvironmentStatus(const std::vector<store::EnvironmentStatus>& environments,
                                    bool json);

// Exceptions with their effective status (`expired[i]`: approved but past its expiry).
std::string RenderExceptions(const std::vector<store::ExceptionRecord>& exceptions,
                             const std::vector<bool>& expired, bool json);
std::string RenderExceptionDetails(const store::ExceptionRecord& exception, bool expired,
                                   const std::vector<store::ExceptionVote>& votes,
                                   const std::vector<store::AuditRecord>& history, bool json);

enum class AuditFormat { kTable, kJson, kJsonLines, kCsv };
// `table`, `json`, `jsonl` or `csv`.
bool ParseAuditFormat(std::string_view text, AuditFormat& out);
std::string RenderAudit(const std::vector<store::AuditRecord>& records, AuditFormat format);
std::string RenderAuditVerdict(const store::ChainVerdict& verdict);

}  // namespace warden::report
