#include "warden/service/exception_workflow.h"

#include <algorithm>
#include <set>

#include "warden/base/json_string.h"
#include "warden/cel/lib/time_format.h"
#include "warden/service/management_support.h"

namespace warden::service {
namespace {

using internal::IntSetting;
using internal::Refuse;
using internal::RequireRole;
using internal::Transact;
using store::Decision;
using store::ExceptionStatus;
using store::Role;
using store::Transaction;

constexpr int64_t kDefaultMaxDays = 90;
constexpr int64_t kDefaultApprovals = 1;
constexpr const char* kTargetDimensions[] = {"kinds",    "names",     "namespaces", "files",
                                             "subjects", "resources", "actions"};

std::string ObjectOf(int64_t id) { return "exception/" + std::to_string(id); }

Status Audit(Transaction& tx, const ManagementContext& context, std::string action, int64_t id,
             std::map<std::string, std::string> details) {
  return internal::Audit(tx, context, std::move(action), ObjectOf(id), std::move(details));
}

StatusOr<store::ExceptionRecord> RequireException(Transaction& tx, int64_t id) {
  StatusOr<std::optional<store::ExceptionRecord>> found = tx.GetException(id);
  if (!found.ok()) return found.status();
  if (!*found) return NotFound("no exception " + std::to_string(id) + " (`warden exception list`)");
  return **found;
}

Status CheckTargets(const std::vector<std::string>& targets) {
  for (const std::string& target : targets) {
    size_t equals = target.find('=');
    std::string dimension = equals == std::string::npos ? target : target.substr(0, equals);
    bool known = std::find(std::begin(kTargetDimensions), std::end(kTargetDimensions), dimension) !=
                 std::end(kTargetDimensions);
    if (equals == std::string::npos || !known || equals + 1 == target.size()) {
      return InvalidArgument("target `" + target +
                             "` is not DIMENSION=GLOB with a dimension of kinds, names, "
                             "namespaces, files, subjects, resources, actions");
    }
  }
  return Status::Ok();
}

// The Exception document of an approved exception (JSON, which YAML reads).
std::string ExceptionDocument(const store::ExceptionRecord& exception,
                              const std::vector<std::string>& approvers) {
  std::map<std::string, std::vector<std::string>> targets;
  for (const std::string& target : exception.targets) {
    size_t equals = target.find('=');
    targets[target.substr(0, equals)].push_back(target.substr(equals + 1));
  }
  auto list = [](const std::vector<std::string>& values) {
    std::string out = "[";
    for (const std::string& value : values) {
      out += (out.size() > 1 ? ", " : "") + JsonString(value);
    }
    return out + "]";
  };
  std::string text =
      "{\"apiVersion\": \"warden/v1\", \"kind\": \"Exception\", \"metadata\": "
      "{\"name\": \"store-exception-" +
      std::to_string(exception.id) + "\"}, \"spec\": {\"policy\": " + JsonString(exception.policy);
  if (!exception.rule.empty()) text += ", \"rules\": " + list({exception.rule});
  if (!targets.empty()) {
    text += ", \"targets\": {";
    bool first = true;
    for (const auto& [dimension, globs] : targets) {
      text += std::string(first ? "" : ", ") + JsonString(dimension) + ": " + list(globs);
      first = false;
    }
    text += "}";
  }
  text += ", \"justification\": " + JsonString(exception.justification) +
          ", \"requested_by\": " + JsonString(exception.requested_by) +
          ", \"approved_by\": " + list(approvers) +
          ", \"expires\": " + JsonString(exception.expires) + "}}\n";
  return text;
}

}  // namespace

bool ExceptionExpired(const store::ExceptionRecord& exception, int64_t now_seconds) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  if (cel::ParseTimestamp(exception.expires, seconds, nanos) != cel::TimeParseStatus::kOk) {
    return true;  // unreadable: never in force
  }
  return seconds <= now_seconds;
}

StatusOr<store::ExceptionRecord> RequestException(const ManagementContext& context,
                                                  const ExceptionRequest& request,
                                                  const policy::CompiledBundle& bundle) {
  const policy::CompiledPolicy* policy = nullptr;
  for (const policy::CompiledPolicy& candidate : bundle.policies) {
    if (candidate.name == request.policy) policy = &candidate;
  }
  if (policy == nullptr) return NotFound("the bundle has no policy `" + request.policy + "`");
  if (!policy->overridable) {
    return Refuse("policy `" + request.policy +
                  "` is not overridable (`overridable: false`): no exception can waive it");
  }
  if (!request.rule.empty() &&
      std::none_of(policy->rules.begin(), policy->rules.end(),
                   [&](const policy::CompiledRule& rule) { return rule.id == request.rule; })) {
    return NotFound("policy `" + request.policy + "` has no rule `" + request.rule + "`");
  }
  if (request.justification.empty()) return InvalidArgument("an exception needs a justification");
  if (Status targets = CheckTargets(request.targets); !targets.ok()) return targets;
  int64_t expires = 0;
  int32_t nanos = 0;
  if (cel::ParseTimestamp(request.expires, expires, nanos) != cel::TimeParseStatus::kOk) {
    return InvalidArgument("`--expires " + request.expires +
                           "`: expected an RFC 3339 time (2027-01-31T00:00:00Z)");
  }
  if (expires <= context.now_seconds) return InvalidArgument("the expiry is in the past");
  store::ExceptionRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kAuthor});
    if (!actor.ok()) return actor.status();
    StatusOr<int64_t> max_days = IntSetting(tx, "exceptions.max_days", kDefaultMaxDays);
    if (!max_days.ok()) return max_days.status();
    StatusOr<int64_t> approvals = IntSetting(tx, "exceptions.approvals", kDefaultApprovals);
    if (!approvals.ok()) return approvals.status();
    if (expires > context.now_seconds + *max_days * 86400) {
      return Refuse("an exception may last at most " + std::to_string(*max_days) +
                    " days (setting exceptions.max_days); ask again before it expires");
    }
    result.policy = request.policy;
    result.rule = request.rule;
    result.targets = request.targets;
    std::sort(result.targets.begin(), result.targets.end());
    result.justification = request.justification;
    result.requested_by = actor->name;
    result.requested_at = context.now;
    result.expires = request.expires;
    result.status = ExceptionStatus::kPending;
    result.approvals_required = static_cast<int>(std::max<int64_t>(1, *approvals));
    StatusOr<int64_t> id = tx.InsertException(result);
    if (!id.ok()) return id.status();
    result.id = *id;
    std::string targets;
    for (const std::string& target : result.targets)
      targets += (targets.empty() ? "" : " ") + target;
    return Audit(tx, context, "exception.request", result.id,
                 {{"policy", result.policy},
                  {"rule", result.rule},
                  {"targets", targets},
                  {"expires", result.expires},
                  {"justification", result.justification}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<store::ExceptionRecord> DecideException(const ManagementContext& context, int64_t id,
                                                 Decision decision, const std::string& reason) {
  if (decision == Decision::kReject && reason.empty()) {
    return InvalidArgument("a rejection needs a reason (-m REASON)");
  }
  store::ExceptionRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kApprover});
    if (!actor.ok()) return actor.status();
    StatusOr<store::ExceptionRecord> exception = RequireException(tx, id);
    if (!exception.ok()) return exception.status();
    result = *exception;
    if (result.status != ExceptionStatus::kPending) {
      return Refuse("exception " + std::to_string(id) + " is " +
                    store::ExceptionStatusName(result.status) + ", not pending");
    }
    if (ExceptionExpired(result, context.now_seconds)) {
      return Refuse("exception " + std::to_string(id) + " expired before it was approved");
    }
    if (actor->name == result.requested_by) {
      return Refuse("`" + actor->name + "` requested exception " + std::to_string(id) +
                    " and cannot decide on it; another approver must");
    }
    StatusOr<std::vector<store::ExceptionVote>> votes = tx.ListExceptionVotes(id);
    if (!votes.ok()) return votes.status();
    std::set<std::string> approvers;
    for (const store::ExceptionVote& vote : *votes) {
      if (vote.approver == actor->name) {
        return Refuse("`" + actor->name + "` already decided on exception " + std::to_string(id));
      }
      if (vote.decision == Decision::kApprove) approvers.insert(vote.approver);
    }
    store::ExceptionVote vote{id, actor->name, decision, reason, context.now};
    if (Status inserted = tx.InsertExceptionVote(vote); !inserted.ok()) return inserted;
    if (decision == Decision::kApprove) approvers.insert(actor->name);
    ExceptionStatus next = result.status;
    if (decision == Decision::kReject) {
      next = ExceptionStatus::kRejected;
    } else if (static_cast<int>(approvers.size()) >= result.approvals_required) {
      next = ExceptionStatus::kApproved;
    }
    if (next != result.status) {
      if (Status set = tx.SetExceptionStatus(id, next); !set.ok()) return set;
      result.status = next;
    }
    return Audit(tx, context,
                 decision == Decision::kApprove ? "exception.approve" : "exception.reject", id,
                 {{"reason", reason},
                  {"approvals", std::to_string(approvers.size()) + "/" +
                                    std::to_string(result.approvals_required)},
                  {"status", store::ExceptionStatusName(result.status)}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<store::ExceptionRecord> RevokeException(const ManagementContext& context, int64_t id,
                                                 const std::string& reason) {
  store::ExceptionRecord result;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader});
    if (!actor.ok()) return actor.status();
    StatusOr<store::ExceptionRecord> exception = RequireException(tx, id);
    if (!exception.ok()) return exception.status();
    result = *exception;
    if (actor->name != result.requested_by && !actor->Has(Role::kAdmin)) {
      return Refuse("only the requester (`" + result.requested_by +
                    "`) or an admin may revoke exception " + std::to_string(id));
    }
    if (result.status != ExceptionStatus::kPending && result.status != ExceptionStatus::kApproved) {
      return Refuse("exception " + std::to_string(id) + " is already " +
                    store::ExceptionStatusName(result.status));
    }
    if (Status set = tx.SetExceptionStatus(id, ExceptionStatus::kRevoked); !set.ok()) return set;
    result.status = ExceptionStatus::kRevoked;
    return Audit(tx, context, "exception.revoke", id, {{"reason", reason}});
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<store::ExceptionRecord>> ListExceptions(const ManagementContext& context,
                                                             const std::string& status_filter) {
  static const std::set<std::string> kFilters = {"",         "pending", "approved",
                                                 "rejected", "revoked", "expired"};
  if (kFilters.count(status_filter) == 0) {
    return InvalidArgument("unknown status `" + status_filter +
                           "` (pending, approved, rejected, revoked, expired)");
  }
  std::vector<store::ExceptionRecord> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader});
    if (!actor.ok()) return actor.status();
    StatusOr<std::vector<store::ExceptionRecord>> all = tx.ListExceptions();
    if (!all.ok()) return all.status();
    for (store::ExceptionRecord& exception : *all) {
      bool expired = exception.status == ExceptionStatus::kApproved &&
                     ExceptionExpired(exception, context.now_seconds);
      std::string effective = expired ? "expired" : store::ExceptionStatusName(exception.status);
      if (status_filter.empty() || status_filter == effective) out.push_back(std::move(exception));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

StatusOr<ExceptionDetails> ShowException(const ManagementContext& context, int64_t id) {
  ExceptionDetails details;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<store::Principal> actor = RequireRole(tx, context, {Role::kReader});
    if (!actor.ok()) return actor.status();
    StatusOr<store::ExceptionRecord> exception = RequireException(tx, id);
    if (!exception.ok()) return exception.status();
    details.exception = *exception;
    details.expired = ExceptionExpired(*exception, context.now_seconds);
    StatusOr<std::vector<store::ExceptionVote>> votes = tx.ListExceptionVotes(id);
    if (!votes.ok()) return votes.status();
    details.votes = std::move(*votes);
    store::AuditQuery query;
    query.object = ObjectOf(id);
    StatusOr<std::vector<store::AuditRecord>> history = tx.ListAudit(query);
    if (!history.ok()) return history.status();
    details.history = std::move(*history);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return details;
}

StatusOr<std::vector<std::pair<std::string, std::string>>> ActiveExceptionDocuments(
    const ManagementContext& context) {
  std::vector<std::pair<std::string, std::string>> out;
  Status status = Transact(context, [&](Transaction& tx) -> Status {
    StatusOr<std::vector<store::ExceptionRecord>> all = tx.ListExceptions();
    if (!all.ok()) return all.status();
    for (const store::ExceptionRecord& exception : *all) {
      if (exception.status != ExceptionStatus::kApproved ||
          ExceptionExpired(exception, context.now_seconds)) {
        continue;
      }
      StatusOr<std::vector<store::ExceptionVote>> votes = tx.ListExceptionVotes(exception.id);
      if (!votes.ok()) return votes.status();
      std::vector<std::string> approvers;
      for (const store::ExceptionVote& vote : *votes) {
        if (vote.decision == Decision::kApprove) approvers.push_back(vote.approver);
      }
      out.emplace_back(context.store->name() + "#" + ObjectOf(exception.id),
                       ExceptionDocument(exception, approvers));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace warden::service
