#include "warden/store/records.h"

#include <algorithm>

namespace warden::store {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kAuthor:
      return "author";
    case Role::kApprover:
      return "approver";
    case Role::kAdmin:
      return "admin";
  }
  return "reader";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role role : {Role::kReader, Role::kAuthor, Role::kApprover, Role::kAdmin}) {
    if (text == RoleName(role)) return role;
  }
  return std::nullopt;
}

bool Principal::Has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace warden::store

namespace warden::store {

const char* VersionStateName(VersionState state) {
  switch (state) {
    case VersionState::kDraft:
      return "draft";
    case VersionState::kInReview:
      return "in-review";
    case VersionState::kApproved:
      return "approved";
    case VersionState::kActive:
      return "active";
    case VersionState::kDeprecated:
      return "deprecated";
    case VersionState::kRetired:
      return "retired";
  }
  return "draft";
}

std::optional<VersionState> ParseVersionState(std::string_view text) {
  for (VersionState state :
       {VersionState::kDraft, VersionState::kInReview, VersionState::kApproved,
        VersionState::kActive, VersionState::kDeprecated, VersionState::kRetired}) {
    if (text == VersionStateName(state)) return state;
  }
  return std::nullopt;
}

const char* DecisionName(Decision decision) {
  return decision == Decision::kApprove ? "approve" : "reject";
}

const char* ExceptionStatusName(ExceptionStatus status) {
  switch (status) {
    case ExceptionStatus::kPending:
      return "pending";
    case ExceptionStatus::kApproved:
      return "approved";
    case ExceptionStatus::kRejected:
      return "rejected";
    case ExceptionStatus::kRevoked:
      return "revoked";
  }
  return "pending";
}

std::optional<ExceptionStatus> ParseExceptionStatus(std::string_view text) {
  for (ExceptionStatus status : {ExceptionStatus::kPending, ExceptionStatus::kApproved,
                                 ExceptionStatus::kRejected, ExceptionStatus::kRevoked}) {
    if (text == ExceptionStatusName(status)) return status;
  }
  return std::nullopt;
}

}  // namespace warden::store
