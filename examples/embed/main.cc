// Embedding Warden in a service (docs/embedding.md): load policies once, decide requests
// and check documents from any thread. Uses only the public API (<warden/...>).
//
//   warden_embed_example AUTHZ_BUNDLE_DIR [POLICIES_DIR]
//
// AUTHZ_BUNDLE_DIR is examples/authz (the enterprise governance bundle); POLICIES_DIR
// (optional) is a directory of configuration policies, such as examples/policies, that
// a small Kubernetes manifest is checked against; the check is skipped when it is
// missing. Exits 0 when every result is the expected one, 1 otherwise, 2 on bad usage.

#include <warden/warden.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

// A fixed evaluation time keeps the output reproducible; a service passes
// warden::UnixNow() instead.
constexpr int64_t kNow = 1'767'225'600;  // 2026-01-01T00:00:00Z

struct Case {
  const char* name;
  const char* request;
  warden::Effect expected;
  const char* expected_rule;
};

const Case kCases[] = {
    {"export EU data outside the EU",
     R"({"subject": {"id": "user-0042", "role": "developer", "mfa": true, "suspended": false},
         "action": "data:export", "resource": "dataset://eu_citizens/customers",
         "context": {"environment": "production", "destination_region": "us-east-1",
                     "record_count": 12000, "risk_score": 10,
                     "monthly_budget_exceeded": false}})",
     warden::Effect::kDeny, "R04_deny_eu_export_outside_eu"},
    {"analyst reads PHI",
     R"({"subject": {"id": "user-0007", "role": "analyst", "mfa": true, "suspended": false},
         "action": "data:read", "resource": "dataset://phi/visits",
         "context": {"environment": "production", "risk_score": 20,
                     "monthly_budget_exceeded": false}})",
     warden::Effect::kRequireApproval, "R07_approval_phi_read"},
    {"developer reads in production",
     R"({"subject": {"id": "user-0101", "role": "developer", "mfa": true, "suspended": false},
         "action": "data:read", "resource": "dataset://internal/metrics",
         "context": {"environment": "production", "risk_score": 5,
                     "monthly_budget_exceeded": false}})",
     warden::Effect::kAllow, "R13_allow_dev_prod_readonly"},
};

// A pod that breaks the usual rules: privileged, a `latest` image, no limits.
constexpr const char* kManifest = R"yaml(apiVersion: v1
kind: Pod
metadata:
  name: debug-shell
  namespace: default
spec:
  hostNetwork: true
  containers:
    - name: shell
      image: busybox:latest
      securityContext:
        privileged: true
        runAsUser: 0
)yaml";

std::string RuleOf(const warden::Decision& decision) {
  if (decision.rules.empty()) return decision.by_default ? "(bundle default)" : "(none)";
  return decision.rules[0].policy + "/" + decision.rules[0].rule;
}

void PrintLoadErrors(const std::vector<warden::LoadError>& errors) {
  for (const warden::LoadError& error : errors) {
    std::fprintf(stderr, "%s\n", error.ToString().c_str());
  }
}

// Decides the cases; false when one is not the expected decision.
bool DecideCases(const warden::Policies& policies, const warden::EvalContext& context) {
  bool ok = true;
  for (const Case& test_case : kCases) {
    warden::Decision decision = policies.Decide(test_case.request, context);
    bool expected = decision.error.empty() && decision.effect == test_case.expected &&
                    !decision.rules.empty() && decision.rules[0].rule == test_case.expected_rule;
    std::printf("decide: %s: %s by %s%s\n", test_case.name, warden::Name(decision.effect),
                RuleOf(decision).c_str(), expected ? "" : "  <-- UNEXPECTED");
    for (const warden::Obligation& obligation : decision.obligations) {
      for (const std::string& approver : obligation.approvers) {
        std::printf("  obligation: %s from %s\n", obligation.type.c_str(), approver.c_str());
      }
    }
    if (!decision.error.empty()) std::printf("  error: %s\n", decision.error.c_str());
    ok = ok && expected;
  }
  return ok;
}

// A decision as JSON without what differs between two evaluations of the same request
// (its id and duration).
std::string Outcome(warden::Decision decision) {
  decision.decision_id.clear();
  decision.duration_ns = 0;
  return decision.ToJson();
}

// Two threads decide every case many times with the same Policies; every decision must
// equal the single-threaded one.
bool DecideConcurrently(const warden::Policies& policies, const warden::EvalContext& context) {
  std::vector<std::string> expected;
  for (const Case& test_case : kCases) {
    expected.push_back(Outcome(policies.Decide(test_case.request, context)));
  }
  constexpr int kRounds = 500;
  std::atomic<int> decisions{0};
  std::atomic<int> mismatches{0};
  auto work = [&] {
    for (int round = 0; round < kRounds; ++round) {
      for (size_t case_idx = 0; case_idx < expected.size(); ++case_idx) {
        if (Outcome(policies.Decide(kCases[case_idx].request, context)) != expected[case_idx]) {
          ++mismatches;
        }
        ++decisions;
      }
    }
  };
  std::thread first(work);
  std::thread second(work);
  first.join();
  second.join();
  std::printf("concurrent: %d decisions on 2 threads, %d mismatches\n", decisions.load(),
              mismatches.load());
  return mismatches.load() == 0;
}

// Checks the manifest against the policies in `directory`; false when loading fails,
// the check cannot run, or nothing is found.
bool CheckManifest(const std::string& directory, const warden::EvalContext& context) {
  std::vector<warden::LoadError> errors;
  std::shared_ptr<const warden::Policies> policies =
      warden::Policies::LoadBundle(directory, &errors);
  if (policies == nullptr) {
    std::printf("check: cannot load `%s`\n", directory.c_str());
    PrintLoadErrors(errors);
    return false;
  }
  warden::CheckResult result = policies->Check(kManifest, "debug-shell.yaml", context);
  if (!result.error.empty()) {
    std::printf("check: error: %s\n", result.error.c_str());
    return false;
  }
  size_t violations = 0;
  for (const warden::DocumentOutcome& document : result.documents) {
    for (const warden::PolicyOutcome& policy : document.policies) {
      for (const warden::Violation& violation : policy.violations) {
        ++violations;
        std::printf("  %s:%u:%u: %s %s/%s: %s\n", violation.file.c_str(), violation.line,
                    violation.column, warden::Name(violation.severity), violation.policy.c_str(),
                    violation.rule.c_str(), violation.message.c_str());
      }
    }
  }
  std::printf("check: %zu violations, %s\n", violations,
              result.blocked() ? "blocked" : "not blocked");
  return violations > 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s AUTHZ_BUNDLE_DIR [POLICIES_DIR]\n", argv[0]);
    return 2;
  }
  std::printf("warden %s\n", warden::LibraryVersion());

  std::vector<warden::LoadError> errors;
  std::shared_ptr<const warden::Policies> authz = warden::Policies::LoadBundle(argv[1], &errors);
  if (authz == nullptr) {
    std::printf("load: cannot load `%s`\n", argv[1]);
    PrintLoadErrors(errors);
    return 1;
  }
  std::printf("load: %s %s (%zu policies, sha256 %.12s)\n", authz->name().c_str(),
              authz->version().c_str(), authz->policy_count(), authz->digest().c_str());

  warden::EvalContext context;
  context.now_unix_seconds = kNow;

  bool ok = DecideCases(*authz, context);
  ok = DecideConcurrently(*authz, context) && ok;

  std::string policies_dir = argc == 3 ? argv[2] : "";
  std::error_code error;
  if (policies_dir.empty() || !std::filesystem::is_directory(policies_dir, error)) {
    std::printf("check: skipped (no policies directory%s%s)\n", policies_dir.empty() ? "" : " ",
                policies_dir.c_str());
  } else {
    ok = CheckManifest(policies_dir, context) && ok;
  }

  std::printf("%s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
