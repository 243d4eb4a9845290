#include "enterprise_workload.h"

#include <cstdio>

namespace warden::bench {

void Fnv1a::Line(const std::string& line) {
  for (char c : line) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x01000193u;
  }
  h ^= static_cast<unsigned char>('\n');
  h *= 0x01000193u;
}

std::string Fnv1a::Hex() const {
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", h);
  return buffer;
}

namespace {

template <size_t N>
const char* Pick(Mulberry32& rng, const char* const (&list)[N]) {
  uint32_t draw = rng.next();
  return list[draw % N];
}

bool Chance(Mulberry32& rng, uint32_t percent) { return rng.next() % 100 < percent; }

std::string Bool(bool value) { return value ? "true" : "false"; }

const char* const kRoles[] = {"admin", "developer", "developer", "analyst", "analyst", "guest"};
const char* const kDepartments[] = {"engineering", "finance", "research", "sales"};
const char* const kTools[] = {"shell_execute", "eval_code",  "file_delete",
                              "network_scan",  "web_search", "calculator",
                              "sql_query",     "send_email", "code_review"};
const char* const kDataActions[] = {"data:read",  "data:read",   "data:read",   "data:list",
                                    "data:write", "data:delete", "data:export", "data:export"};
const char* const kCategories[] = {"eu_citizens", "phi", "public", "internal", "finance"};
const char* const kDatasets[] = {"customers", "claims", "telemetry", "payroll", "reports"};
const char* const kEnvironments[] = {"development", "staging", "production", "production"};
const char* const kRegions[] = {"eu-west-1", "eu-central-1", "eu-north-1",
                                "us-east-1", "us-west-2",    "ap-southeast-1"};

}  // namespace

const EnterpriseRule kEnterpriseRules[kEnterpriseRuleCount] = {
    {"R01_deny_suspended", "deny", "subject.suspended"},
    {"R02_deny_budget_exceeded", "deny", "context.monthly_budget_exceeded"},
    {"R03_deny_dangerous_tools", "deny",
     R"(action == "agent:tool_execute" && resource in ["tool://shell_execute", "tool://eval_code", "tool://file_delete", "tool://network_scan"])"},
    {"R04_deny_eu_export_outside_eu", "deny",
     R"(action == "data:export" && resource.startsWith("dataset://eu_citizens/") && !(context.destination_region in ["eu-west-1", "eu-central-1", "eu-north-1"]))"},
    {"R05_deny_high_risk", "deny", "context.risk_score >= 90"},
    {"R06_deny_prod_change_without_mfa", "deny",
     R"(context.environment == "production" && action in ["data:write", "data:delete", "data:export"] && !subject.mfa)"},
    {"R07_approval_phi_read", "require_approval",
     R"(action == "data:read" && resource.startsWith("dataset://phi/") && subject.role in ["admin", "developer", "analyst"])"},
    {"R08_approval_prod_delete", "require_approval",
     R"(action == "data:delete" && context.environment == "production" && subject.role == "admin")"},
    {"R09_approval_bulk_export", "require_approval",
     R"(action == "data:export" && context.record_count > 10000 && (subject.role == "admin" || (subject.role == "developer" && context.environment == "development")))"},
    {"R10_approval_risky_tool", "require_approval",
     R"(action == "agent:tool_execute" && context.risk_score >= 70 && subject.role in ["admin", "developer"])"},
    {"R11_allow_admin", "allow", R"(subject.role == "admin")"},
    {"R12_allow_dev_development", "allow",
     R"(subject.role == "developer" && context.environment == "development")"},
    {"R13_allow_dev_prod_readonly", "allow",
     R"(subject.role == "developer" && context.environment == "production" && action in ["data:read", "data:list"])"},
    {"R14_allow_dev_staging_internal", "allow",
     R"(subject.role == "developer" && context.environment == "staging" && action in ["data:read", "data:list", "data:write"] && resource.startsWith("dataset://internal/"))"},
    {"R15_allow_analyst_readonly", "allow",
     R"(subject.role == "analyst" && action in ["data:read", "data:list"] && resource.startsWith("dataset://"))"},
    {"R16_allow_finance_dept", "allow",
     R"(subject.department == "finance" && action in ["data:read", "data:list", "data:export"] && resource.startsWith("dataset://finance/"))"},
    {"R17_allow_safe_tools", "allow",
     R"(action == "agent:tool_execute" && resource in ["tool://web_search", "tool://calculator"])"},
    {"R18_allow_public_read", "allow",
     R"(action == "data:read" && resource.startsWith("dataset://public/"))"},
    {"R19_allow_analyst_sql_tool", "allow",
     R"(subject.role == "analyst" && action == "agent:tool_execute" && resource == "tool://sql_query")"},
};

const int kEnterpriseFirstMatchCounts[kEnterpriseRuleCount + 1] = {
    194, 491, 1206, 178, 867, 414, 360, 35,  147, 158,
    887, 452, 400,  70,  822, 78,  378, 118, 91,  2654};

std::vector<EnterpriseRequest> GenerateEnterpriseRequests(std::string& checksum) {
  std::vector<EnterpriseRequest> requests;
  Mulberry32 rng{20240601u};
  Fnv1a hash;
  for (int request_idx = 0; request_idx < 10000; ++request_idx) {
    EnterpriseRequest r;
    r.role = Pick(rng, kRoles);
    r.department = Pick(rng, kDepartments);
    char id[16];
    uint32_t user = rng.next() % 1000;
    std::snprintf(id, sizeof id, "user-%04u", user);
    r.id = id;
    r.suspended = Chance(rng, 2);
    r.mfa = Chance(rng, 70);
    if (Chance(rng, 30)) {
      r.action = "agent:tool_execute";
      r.resource = std::string("tool://") + Pick(rng, kTools);
    } else {
      r.action = Pick(rng, kDataActions);
      std::string category = Pick(rng, kCategories);
      std::string name = Pick(rng, kDatasets);
      r.resource = "dataset://" + category + "/" + name;
    }
    r.environment = Pick(rng, kEnvironments);
    r.region = Pick(rng, kRegions);
    r.budget_exceeded = Chance(rng, 5);
    r.risk_score = rng.next() % 100;
    r.record_count = rng.next() % 20001;
    hash.Line(r.id + "|" + r.role + "|" + r.department + "|" + Bool(r.suspended) + "|" +
              Bool(r.mfa) + "|" + r.action + "|" + r.resource + "|" + r.environment + "|" +
              r.region + "|" + Bool(r.budget_exceeded) + "|" + std::to_string(r.risk_score) + "|" +
              std::to_string(r.record_count));
    r.json = R"({"subject": {"id": ")" + r.id + R"(", "role": ")" + r.role +
             R"(", "department": ")" + r.department + R"(", "suspended": )" + Bool(r.suspended) +
             R"(, "mfa": )" + Bool(r.mfa) + R"(}, "action": ")" + r.action + R"(", "resource": ")" +
             r.resource + R"(", "context": {"environment": ")" + r.environment +
             R"(", "destination_region": ")" + r.region + R"(", "monthly_budget_exceeded": )" +
             Bool(r.budget_exceeded) + R"(, "risk_score": )" + std::to_string(r.risk_score) +
             R"(, "record_count": )" + std::to_string(r.record_count) + "}}";
    requests.push_back(std::move(r));
  }
  checksum = hash.Hex();
  return requests;
}

}  // namespace warden::bench
