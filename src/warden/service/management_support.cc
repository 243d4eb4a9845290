#include "warden/service/management_support.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "warden/store/audit_chain.h"

namespace warden::service::internal {

using store::Role;

Status Refuse(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}

StatusOr<store::Principal> RequireRole(store::Transaction& tx, const ManagementContext& context,
                                       const std::vector<Role>& roles) {
  if (context.actor.empty()) {
    return Refuse("no acting principal: pass `--as NAME` or set WARDEN_USER");
  }
  StatusOr<std::optional<store::Principal>> principal = tx.GetPrincipal(context.actor);
  if (!principal.ok()) return principal.status();
  if (!*principal) {
    return Refuse("`" + context.actor + "` is not a principal of store `" + context.store->name() +
                  "`; an admin adds it with `warden principals add`");
  }
  if ((*principal)->Has(Role::kAdmin)) return **principal;
  if (std::find(roles.begin(), roles.end(), Role::kReader) != roles.end() &&
      !(*principal)->roles.empty()) {
    return **principal;
  }
  for (Role role : roles) {
    if ((*principal)->Has(role)) return **principal;
  }
  std::string names;
  for (Role role : roles) {
    names += (names.empty() ? "" : " or ") + std::string(store::RoleName(role));
  }
  return Refuse("`" + context.actor + "` needs the role " + names + " for this");
}

Status Transact(const ManagementContext& context,
                const std::function<Status(store::Transaction&)>& body) {
  if (context.store == nullptr) return InvalidArgument("no store: pass --store URL");
  return context.store->Transact(body);
}

StatusOr<int64_t> IntSetting(store::Transaction& tx, std::string_view key, int64_t fallback) {
  StatusOr<std::optional<std::string>> value = tx.GetSetting(key);
  if (!value.ok()) return value.status();
  if (!*value) return fallback;
  try {
    return static_cast<int64_t>(std::stoll(**value));
  } catch (...) {
    return Status(StatusCode::kFailedPrecondition,
                  "setting `" + std::string(key) + "` is not a number: `" + **value + "`");
  }
}

Status Audit(store::Transaction& tx, const ManagementContext& context, std::string action,
             std::string object, std::map<std::string, std::string> details) {
  StatusOr<store::AuditRecord> record = store::AppendAudit(
      tx, context.now, context.actor, std::move(action), std::move(object), std::move(details));
  return record.ok() ? Status::Ok() : record.status();
}

}  // namespace warden::service::internal
