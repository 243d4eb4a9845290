// The "enterprise" workload of shared/bench/SCENARIOS.md §1 on the CEL engine alone:
// 10,000 generated requests, 19 rules (first match decides, default deny). Before
// timing it checks the request checksum (03a97670), the decision checksum (69abb7e3)
// and the per-rule first-match counts; a run with any disagreement is an error.
// Requests are built as data::Documents once; the timed loop binds the four variables
// and evaluates rules in order until one matches.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"

namespace {

using warden::cel::Activation;
using warden::cel::Env;
using warden::cel::EvalState;
using warden::cel::Type;
using warden::cel::Value;

struct Mulberry32 {
  uint32_t a;
  uint32_t next() {
    a += 0x6D2B79F5u;
    uint32_t t = a;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
  }
};

struct Fnv1a {
  uint32_t h = 0x811c9dc5u;
  void Line(const std::string& line) {
    for (char c : line) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x01000193u;
    }
    h ^= static_cast<unsigned char>('\n');
    h *= 0x01000193u;
  }
  std::string Hex() const {
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", h);
    return buffer;
  }
};

template <size_t N>
const char* Pick(Mulberry32& rng, const char* const (&list)[N]) {
  uint32_t draw = rng.next();
  return list[draw % N];
}

bool Chance(Mulberry32& rng, uint32_t percent) { return rng.next() % 100 < percent; }

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

struct Rule {
  const char* id;
  const char* decision;
  const char* condition;
};

const Rule kRules[] = {
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
constexpr size_t kRuleCount = sizeof(kRules) / sizeof(kRules[0]);

struct Request {
  warden::data::Document
      document;  // {"subject": ..., "action": ..., "resource": ..., "context": ...}
};

struct Workload {
  std::shared_ptr<Env> env = Env::Create();
  std::vector<std::shared_ptr<const warden::cel::Program>> rules;
  std::vector<Request> requests;
  std::string request_checksum;
  std::string error;
};

std::string Bool(bool value) { return value ? "true" : "false"; }

Workload& GetWorkload() {
  static Workload* workload = [] {
    auto* built = new Workload();
    Mulberry32 rng{20240601u};
    Fnv1a checksum;
    for (int request_idx = 0; request_idx < 10000; ++request_idx) {
      std::string role = Pick(rng, kRoles);
      std::string department = Pick(rng, kDepartments);
      char id[16];
      uint32_t user = rng.next() % 1000;
      std::snprintf(id, sizeof id, "user-%04u", user);
      bool suspended = Chance(rng, 2);
      bool mfa = Chance(rng, 70);
      std::string action;
      std::string resource;
      if (Chance(rng, 30)) {
        action = "agent:tool_execute";
        resource = std::string("tool://") + Pick(rng, kTools);
      } else {
        action = Pick(rng, kDataActions);
        std::string category = Pick(rng, kCategories);
        std::string name = Pick(rng, kDatasets);
        resource = "dataset://" + category + "/" + name;
      }
      std::string environment = Pick(rng, kEnvironments);
      std::string region = Pick(rng, kRegions);
      bool budget_exceeded = Chance(rng, 5);
      uint32_t risk = rng.next() % 100;
      uint32_t records = rng.next() % 20001;
      checksum.Line(std::string(id) + "|" + role + "|" + department + "|" + Bool(suspended) + "|" +
                    Bool(mfa) + "|" + action + "|" + resource + "|" + environment + "|" + region +
                    "|" + Bool(budget_exceeded) + "|" + std::to_string(risk) + "|" +
                    std::to_string(records));
      std::string json =
          R"({"subject": {"id": ")" + std::string(id) + R"(", "role": ")" + role +
          R"(", "department": ")" + department + R"(", "suspended": )" + Bool(suspended) +
          R"(, "mfa": )" + Bool(mfa) + R"(}, "action": ")" + action + R"(", "resource": ")" +
          resource + R"(", "context": {"environment": ")" + environment +
          R"(", "destination_region": ")" + region + R"(", "monthly_budget_exceeded": )" +
          Bool(budget_exceeded) + R"(, "risk_score": )" + std::to_string(risk) +
          R"(, "record_count": )" + std::to_string(records) + "}}";
      auto document = warden::data::ReadJson(json, "request");
      if (!document.ok()) {
        built->error = document.status().message();
        return built;
      }
      built->requests.push_back({std::move(*document)});
    }
    built->request_checksum = checksum.Hex();
    for (const char* name : {"subject", "action", "resource", "context"}) {
      built->env->DeclareVariable(name, Type::Dyn());
    }
    for (const Rule& rule : kRules) {
      auto compiled = built->env->Compile(rule.condition);
      if (!compiled.ok()) {
        built->error = std::string(rule.id) + ": " + compiled.FormatIssues();
        return built;
      }
      built->rules.push_back(compiled.program);
    }
    return built;
  }();
  return *workload;
}

// Index of the first matching rule, or kRuleCount for the default deny; -1 on an error.
int Decide(const Workload& workload, const Request& request, EvalState& state,
           Activation& activation) {
  const warden::data::Node& root = *request.document.root;
  activation.Bind("subject", Value::FromNode(root.entries()[0].value));
  activation.Bind("action", Value::FromNode(root.entries()[1].value));
  activation.Bind("resource", Value::FromNode(root.entries()[2].value));
  activation.Bind("context", Value::FromNode(root.entries()[3].value));
  for (size_t rule_idx = 0; rule_idx < workload.rules.size(); ++rule_idx) {
    Value result = workload.rules[rule_idx]->Evaluate(activation, state);
    if (result.is_error()) return -1;
    if (result.is_true()) return static_cast<int>(rule_idx);
  }
  return static_cast<int>(kRuleCount);
}

void BM_EnterpriseFirstMatch(benchmark::State& state) {
  Workload& workload = GetWorkload();
  if (!workload.error.empty()) {
    state.SkipWithError(workload.error.c_str());
    return;
  }
  if (workload.request_checksum != "03a97670") {
    state.SkipWithError(("request checksum " + workload.request_checksum + " != 03a97670").c_str());
    return;
  }
  EvalState eval_state;
  Activation activation(*workload.env);
  // Verify decisions before timing.
  Fnv1a decisions;
  std::vector<int> first_match(kRuleCount + 1, 0);
  for (const Request& request : workload.requests) {
    int rule = Decide(workload, request, eval_state, activation);
    if (rule < 0) {
      state.SkipWithError("evaluation error");
      return;
    }
    ++first_match[static_cast<size_t>(rule)];
    decisions.Line(rule == static_cast<int>(kRuleCount) ? "deny" : kRules[rule].decision);
  }
  const int kExpected[] = {194, 491, 1206, 178, 867, 414, 360, 35,  147, 158,
                           887, 452, 400,  70,  822, 78,  378, 118, 91,  2654};
  for (size_t rule_idx = 0; rule_idx <= kRuleCount; ++rule_idx) {
    if (first_match[rule_idx] != kExpected[rule_idx]) {
      state.SkipWithError(
          ("first-match count differs for rule " + std::to_string(rule_idx + 1)).c_str());
      return;
    }
  }
  if (decisions.Hex() != "69abb7e3") {
    state.SkipWithError(("decision checksum " + decisions.Hex() + " != 69abb7e3").c_str());
    return;
  }
  size_t request_idx = 0;
  for (auto _ : state) {
    int rule = Decide(workload, workload.requests[request_idx], eval_state, activation);
    benchmark::DoNotOptimize(rule);
    if (++request_idx == workload.requests.size()) request_idx = 0;
  }
  state.SetLabel("ns per request decision (first match over 19 rules)");
}

BENCHMARK(BM_EnterpriseFirstMatch);

}  // namespace

BENCHMARK_MAIN();
