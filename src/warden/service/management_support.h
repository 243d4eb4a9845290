#pragma once
// What every management operation does first and last (internal to service/): check the
// acting principal's role inside the transaction, refuse with a message that says what is
// needed, and append the audit record of the change.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/service/management_service.h"
#include "warden/store/store.h"

namespace warden::service::internal {

// FailedPrecondition: the operation is not allowed now (a role, a state, approvals).
Status Refuse(std::string message);

// The acting principal when it has one of `roles`: admins have every role and every
// principal is a reader.
StatusOr<store::Principal> RequireRole(store::Transaction& tx, const ManagementContext& context,
                                       const std::vector<store::Role>& roles);

// Runs `body` in a transaction of the context's store (InvalidArgument without one).
Status Transact(const ManagementContext& context,
                const std::function<Status(store::Transaction&)>& body);

// The integer setting `key` (`warden config set`), or `fallback` when it is not set.
StatusOr<int64_t> IntSetting(store::Transaction& tx, std::string_view key, int64_t fallback);

// Appends the audit record of a change made in `tx`, as the context's actor and time.
Status Audit(store::Transaction& tx, const ManagementContext& context, std::string action,
             std::string object, std::map<std::string, std::string> details);

}  // namespace warden::service::internal
