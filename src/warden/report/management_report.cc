#include "warden/report/management_report.h"

#include <algorithm>

#include "warden/report/json_out.h"
#include "warden/report/text.h"

namespace warden::report {
namespace {

std::string Roles(const store::Principal& principal) {
  std::string out;
  for (store::Role role : principal.roles) {
    out += (out.empty() ? "" : ",") + std::string(store::RoleName(role));
  }
  return out;
}

void VersionJson(const store::VersionRecord& version, JsonOut& json) {
  json.Field("version", version.version);
  json.Field("bundle", version.bundle);
  json.Field("state", store::VersionStateName(version.state));
  json.Field("digest", version.digest);
  json.Field("author", version.author);
  json.Field("created_at", version.created_at);
  json.Field("message", version.message);
}

void AuditJson(const store::AuditRecord& record, JsonOut& json) {
  json.BeginObject();
  json.Key("seq");
  json.Int(record.seq);
  json.Field("time", record.time);
  json.Field("actor", record.actor);
  json.Field("action", record.action);
  json.Field("object", record.object);
  json.Key("details");
  json.BeginObject();
  for (const auto& [key, value] : record.details) json.Field(key, value);
  json.EndObject();
  json.Field("prev_hash", record.prev_hash);
  json.Field("hash", record.hash);
  json.EndObject();
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string DetailsText(const store::AuditRecord& record) {
  std::string out;
  for (const auto& [key, value] : record.details) {
    if (value.empty()) continue;
    out += (out.empty() ? "" : " ") + key + "=" + value;
  }
  return out;
}

// The details as a compact JSON object, for CSV (lossless, unlike the table's text).
std::string DetailsJson(const store::AuditRecord& record) {
  JsonOut out(false);
  out.BeginObject();
  for (const auto& [key, value] : record.details) out.Field(key, value);
  out.EndObject();
  return out.text();
}

}  // namespace

std::string RenderPrincipals(const std::vector<store::Principal>& principals, bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    out.Key("principals");
    out.BeginArray();
    for (const store::Principal& principal : principals) {
      out.BeginObject();
      out.Field("name", principal.name);
      std::vector<std::string> roles;
      for (store::Role role : principal.roles) roles.emplace_back(store::RoleName(role));
      out.StringArray("roles", roles);
      out.Field("created_at", principal.created_at);
      out.Field("created_by", principal.created_by);
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return out.text() + "\n";
  }
  std::vector<std::vector<std::string>> rows = {{"PRINCIPAL", "ROLES", "ADDED", "BY"}};
  for (const store::Principal& principal : principals) {
    rows.push_back({principal.name, Roles(principal), principal.created_at, principal.created_by});
  }
  return AlignColumns(rows);
}

std::string RenderVersions(const std::vector<store::VersionRecord>& versions, bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    out.Key("versions");
    out.BeginArray();
    for (const store::VersionRecord& version : versions) {
      out.BeginObject();
      VersionJson(version, out);
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return out.text() + "\n";
  }
  std::vector<std::vector<std::string>> rows = {
      {"VERSION", "STATE", "BUNDLE", "AUTHOR", "PUBLISHED", "MESSAGE"}};
  for (const store::VersionRecord& version : versions) {
    rows.push_back({version.version, store::VersionStateName(version.state), version.bundle,
                    version.author, version.created_at, version.message});
  }
  return AlignColumns(rows);
}

std::string RenderVersionDetails(const store::VersionDetails& details, bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    VersionJson(details.version, out);
    out.StringArray("active_in", details.active_in);
    out.StringArray("files", details.files);
    out.EndObject();
    return out.text() + "\n";
  }
  const store::VersionRecord& version = details.version;
  std::string out = "version " + version.version + " of bundle " + version.bundle + "\n";
  out += "state:     " + std::string(store::VersionStateName(version.state)) + "\n";
  out += "published: " + version.created_at + " by " + version.author + "\n";
  out += "message:   " + TerminalText(version.message, 11) + "\n";
  out += "digest:    " + version.digest + "\n";
  std::string active;
  for (const std::string& environment : details.active_in) {
    active += (active.empty() ? "" : ", ") + environment;
  }
  out += "active in: " + (active.empty() ? std::string("-") : active) + "\n";
  out += "files (" + std::to_string(details.files.size()) + "):\n";
  for (const std::string& file : details.files) out += "  " + TerminalText(file, 2) + "\n";
  return out;
}

std::string RenderEnvironmentStatus(const std::vector<store::EnvironmentStatus>& environments,
                                    bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    out.Key("environments");
    out.BeginArray();
    for (const store::EnvironmentStatus& entry : environments) {
      out.BeginObject();
      out.Field("environment", entry.environment.name);
      out.FieldUint("approvals_required",
                    static_cast<uint64_t>(entry.environment.approvals_required));
      out.Key("version");
      if (entry.current) {
        out.String(entry.current->version);
      } else {
        out.Null();
      }
      out.Field("state", entry.state);
      out.Field("since", entry.current ? entry.current->at : "");
      out.Field("by", entry.current ? entry.current->by : "");
      out.Field("kind", entry.current ? entry.current->kind : "");
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return out.text() + "\n";
  }
  std::vector<std::vector<std::string>> rows = {
      {"ENVIRONMENT", "VERSION", "STATE", "SINCE", "BY", "APPROVALS"}};
  for (const store::EnvironmentStatus& entry : environments) {
    std::string approvals = std::to_string(entry.environment.approvals_required);
    if (!entry.current) {
      rows.push_back({entry.environment.name, "-", "", "", "", approvals});
      continue;
    }
    std::string version = entry.current->version;
    if (entry.current->kind == "rollback") version += " (rolled back)";
    rows.push_back({entry.environment.name, version, entry.state, entry.current->at,
                    entry.current->by, approvals});
  }
  return AlignColumns(rows);
}

bool ParseAuditFormat(std::string_view text, AuditFormat& out) {
  if (text == "table") {
    out = AuditFormat::kTable;
  } else if (text == "json") {
    out = AuditFormat::kJson;
  } else if (text == "jsonl") {
    out = AuditFormat::kJsonLines;
  } else if (text == "csv") {
    out = AuditFormat::kCsv;
  } else {
    return false;
  }
  return true;
}

std::string RenderAudit(const std::vector<store::AuditRecord>& records, AuditFormat format) {
  switch (format) {
    case AuditFormat::kJson: {
      JsonOut out(true);
      out.BeginObject();
      out.Key("records");
      out.BeginArray();
      for (const store::AuditRecord& record : records) AuditJson(record, out);
      out.EndArray();
      out.EndObject();
      return out.text() + "\n";
    }
    case AuditFormat::kJsonLines: {
      std::string text;
      for (const store::AuditRecord& record : records) {
        JsonOut out(false);
        AuditJson(record, out);
        text += out.text() + "\n";
      }
      return text;
    }
    case AuditFormat::kCsv: {
      std::string text = "seq,time,actor,action,object,details,prev_hash,hash\r\n";
      for (const store::AuditRecord& record : records) {
        text += std::to_string(record.seq) + "," + CsvField(record.time) + "," +
                CsvField(record.actor) + "," + CsvField(record.action) + "," +
                CsvField(record.object) + "," + CsvField(DetailsJson(record)) + "," +
                record.prev_hash + "," + record.hash + "\r\n";
      }
      return text;
    }
    case AuditFormat::kTable:
      break;
  }
  std::vector<std::vector<std::string>> rows = {
      {"SEQ", "TIME", "ACTOR", "ACTION", "OBJECT", "DETAILS"}};
  for (const store::AuditRecord& record : records) {
    rows.push_back({std::to_string(record.seq), record.time, record.actor, record.action,
                    record.object, DetailsText(record)});
  }
  return AlignColumns(rows);
}

std::string RenderAuditVerdict(const store::ChainVerdict& verdict) {
  if (verdict.ok) {
    return "ok: the audit log's " + std::to_string(verdict.records) +
           " records form an unbroken hash chain\n";
  }
  return "BROKEN: " + verdict.reason + "\n";
}

namespace {

std::string EffectiveStatus(const store::ExceptionRecord& exception, bool expired) {
  return expired ? "expired" : store::ExceptionStatusName(exception.status);
}

std::string Targets(const store::ExceptionRecord& exception) {
  std::string out;
  for (const std::string& target : exception.targets) out += (out.empty() ? "" : " ") + target;
  return out.empty() ? "(every input)" : out;
}

void ExceptionJson(const store::ExceptionRecord& exception, bool expired, JsonOut& json) {
  json.Key("id");
  json.Int(exception.id);
  json.Field("status", EffectiveStatus(exception, expired));
  json.Field("policy", exception.policy);
  json.Field("rule", exception.rule);
  json.StringArray("targets", exception.targets);
  json.Field("justification", exception.justification);
  json.Field("requested_by", exception.requested_by);
  json.Field("requested_at", exception.requested_at);
  json.Field("expires", exception.expires);
  json.Key("approvals_required");
  json.Int(exception.approvals_required);
}

}  // namespace

std::string RenderExceptions(const std::vector<store::ExceptionRecord>& exceptions,
                             const std::vector<bool>& expired, bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    out.Key("exceptions");
    out.BeginArray();
    for (size_t index = 0; index < exceptions.size(); ++index) {
      out.BeginObject();
      ExceptionJson(exceptions[index], expired[index], out);
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return out.text() + "\n";
  }
  std::vector<std::vector<std::string>> rows = {
      {"ID", "STATUS", "POLICY", "RULE", "TARGETS", "REQUESTED BY", "EXPIRES"}};
  for (size_t index = 0; index < exceptions.size(); ++index) {
    const store::ExceptionRecord& exception = exceptions[index];
    rows.push_back({std::to_string(exception.id), EffectiveStatus(exception, expired[index]),
                    exception.policy, exception.rule.empty() ? "*" : exception.rule,
                    Targets(exception), exception.requested_by, exception.expires});
  }
  return AlignColumns(rows);
}

std::string RenderExceptionDetails(const store::ExceptionRecord& exception, bool expired,
                                   const std::vector<store::ExceptionVote>& votes,
                                   const std::vector<store::AuditRecord>& history, bool json) {
  if (json) {
    JsonOut out(true);
    out.BeginObject();
    ExceptionJson(exception, expired, out);
    out.Key("votes");
    out.BeginArray();
    for (const store::ExceptionVote& vote : votes) {
      out.BeginObject();
      out.Field("approver", vote.approver);
      out.Field("decision", store::DecisionName(vote.decision));
      out.Field("reason", vote.reason);
      out.Field("at", vote.at);
      out.EndObject();
    }
    out.EndArray();
    out.Key("history");
    out.BeginArray();
    for (const store::AuditRecord& record : history) AuditJson(record, out);
    out.EndArray();
    out.EndObject();
    return out.text() + "\n";
  }
  std::string out = "exception " + std::to_string(exception.id) + ": " +
                    EffectiveStatus(exception, expired) + "\n";
  out += "policy:        " + exception.policy +
         (exception.rule.empty() ? " (every rule)" : ", rule " + exception.rule) + "\n";
  out += "targets:       " + TerminalText(Targets(exception), 15) + "\n";
  out += "justification: " + TerminalText(exception.justification, 15) + "\n";
  out += "requested:     " + exception.requested_at + " by " + exception.requested_by + "\n";
  out += "expires:       " + exception.expires + "\n";
  out += "approvals:     " + std::to_string(exception.approvals_required) + " needed\n";
  out += "history:\n";
  std::vector<std::vector<std::string>> rows;
  for (const store::AuditRecord& record : history) {
    rows.push_back({"  " + record.time, record.actor, record.action, DetailsText(record)});
  }
  return out + AlignColumns(rows);
}

}  // namespace warden::report
