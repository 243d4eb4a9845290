// The public embedding API (include/warden/) through its own headers only: loading and
// its errors, decisions, checks, the JSON shapes, and concurrent use.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/warden.h"

namespace warden {
namespace {

namespace fs = std::filesystem;

// 2026-01-01T00:00:00Z: a fixed evaluation time (no real clock in tests).
constexpr int64_t kNow = 1'767'225'600;

using test_support::TempDir;

// A decision's JSON without what differs between two evaluations of one request.
std::string StableJson(Decision decision) {
  decision.decision_id.clear();
  decision.duration_ns = 0;
  return decision.ToJson();
}

std::string Dump(const std::vector<LoadError>& errors) {
  std::string out;
  for (const LoadError& error : errors) out += error.ToString() + "\n";
  return out;
}

EvalContext At(int64_t now, std::string environment = {}) {
  EvalContext context;
  context.environment = std::move(environment);
  context.now_unix_seconds = now;
  return context;
}

constexpr const char* kManifest = R"yaml(apiVersion: warden/v1
kind: Bundle
metadata: {name: test-authz, version: 2.0.0}
spec:
  policies: ["policies/**.yaml"]
  exceptions: ["exceptions/**.yaml"]
  combining: first-match
  default: deny
)yaml";

constexpr const char* kAuthz = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: authz, type: access}
spec:
  match: {actions: ["*"]}  # requests only
  rules:
    - id: deny-suspended
      effect: deny
      condition: 'has(subject.suspended) && subject.suspended'
      message: "subject `{{subject.id}}` is suspended"
    - id: approve-delete
      effect: require_approval
      condition: 'action == "data:delete"'
      message: "deleting needs approval"
      approvers: [data-owner]
    - id: allow-readers
      effect: allow
      condition: 'action == "data:read" && subject.role in ["reader", "admin"]'
      message: "readers may read"
)yaml";

constexpr const char* kPods = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: no-privileged, severity: high}
spec:
  match: {kinds: [Pod]}
  rules:
    - id: privileged
      foreach: 'object.spec.containers'
      condition: 'has(item.securityContext) && item.securityContext.privileged == true'
      message: "container `{{item.name}}` is privileged"
      path: "spec.containers[{{index}}].securityContext.privileged"
)yaml";

// Waives `privileged` for the pod `agent` until 2027-01-01.
constexpr const char* kException = R"yaml(apiVersion: warden/v1
kind: Exception
metadata: {name: agent-needs-host}
spec:
  policy: no-privileged
  rules: [privileged]
  targets: {names: [agent]}
  justification: reads host metrics
  expires: 2027-01-01T00:00:00Z
)yaml";

constexpr const char* kPrivilegedPod = R"yaml(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
spec:
  containers:
    - name: app
      image: nginx:1.25
    - name: sidecar
      image: envoy:1.29
      securityContext:
        privileged: true
)yaml";

class EmbedApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("bundle.yaml", kManifest);
    dir_.Write("policies/authz.yaml", kAuthz);
    dir_.Write("policies/pods.yaml", kPods);
    dir_.Write("exceptions/agent.yaml", kException);
    std::vector<LoadError> errors;
    policies_ = Policies::LoadBundle(dir_.path(), &errors);
    ASSERT_NE(policies_, nullptr) << Dump(errors);
  }

  TempDir dir_;
  std::shared_ptr<const Policies> policies_;
};

// --- loading --------------------------------------------------------------------------------

TEST_F(EmbedApiTest, LoadsTheBundleWithItsMetadata) {
  EXPECT_EQ(policies_->name(), "test-authz");
  EXPECT_EQ(policies_->version(), "2.0.0");
  EXPECT_EQ(policies_->digest().size(), 64u);
  EXPECT_EQ(policies_->policy_count(), 2u);
}

TEST(EmbedApiLoadTest, PolicyMistakesAreLoadErrorsWithCodesAndLocations) {
  const std::string header = "apiVersion: warden/v1\nkind: Policy\nmetadata:\n  name: p\n";
  struct Case {
    const char* name;
    std::string text;
    const char* code;
    uint32_t line;
    uint32_t column;
  } cases[] = {
      {"unknown field", header + "  sevrity: high\n", "E101", 5, 3},
      {"malformed YAML", "apiVersion: warden/v1\nkind: [Policy\n", "E100", 3, 1},
      {"bad effect", header + "spec:\n  rules:\n    - {id: r, effect: block}\n", "E103", 7, 23},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    TempDir dir;
    std::string file = dir.Write("p.yaml", test_case.text);
    std::vector<LoadError> errors;
    EXPECT_EQ(Policies::LoadFiles({file}, &errors), nullptr);
    const LoadError* found = nullptr;
    for (const LoadError& error : errors) {
      if (error.code == test_case.code && found == nullptr) found = &error;
    }
    ASSERT_NE(found, nullptr) << Dump(errors);
    const LoadError& error = *found;
    EXPECT_FALSE(error.warning);
    EXPECT_EQ(error.file, file);
    EXPECT_EQ(error.line, test_case.line);
    EXPECT_EQ(error.column, test_case.column);
    EXPECT_FALSE(error.message.empty());
    EXPECT_EQ(error.ToString().rfind(file + ":" + std::to_string(test_case.line) + ":", 0), 0u)
        << error.ToString();
  }
}

TEST(EmbedApiLoadTest, ACelErrorIsALoadErrorAtTheExpression) {
  TempDir dir;
  std::string file =
      dir.Write("p.yaml",
                "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: p}\n"
                "spec:\n  rules:\n    - id: r\n      condition: 'subject.role =='\n");
  std::vector<LoadError> errors;
  EXPECT_EQ(Policies::LoadFiles({file}, &errors), nullptr);
  ASSERT_FALSE(errors.empty());
  EXPECT_FALSE(errors.front().code.empty());
  EXPECT_EQ(errors.front().line, 7u) << Dump(errors);
}

TEST(EmbedApiLoadTest, AMissingDirectoryIsALoadError) {
  TempDir dir;
  std::vector<LoadError> errors;
  EXPECT_EQ(Policies::LoadBundle(dir.path() + "/no-such-bundle", &errors), nullptr);
  ASSERT_FALSE(errors.empty());
  EXPECT_FALSE(errors.front().code.empty());
  EXPECT_FALSE(errors.front().warning);
}

TEST(EmbedApiLoadTest, ErrorsMayBeIgnored) {
  TempDir dir;
  std::string file = dir.Write("p.yaml", "kind: [\n");
  EXPECT_EQ(Policies::LoadFiles({file}), nullptr);
}

// --- decisions ------------------------------------------------------------------------------

TEST_F(EmbedApiTest, DecidesAllowDenyAndRequireApproval) {
  struct Case {
    const char* request;
    Effect effect;
    const char* rule;  // "" when the default decided
  } cases[] = {
      {R"({"subject": {"id": "u1", "role": "reader"}, "action": "data:read"})", Effect::kAllow,
       "allow-readers"},
      {R"({"subject": {"id": "u2", "role": "reader", "suspended": true}, "action": "data:read"})",
       Effect::kDeny, "deny-suspended"},
      {R"({"subject": {"id": "u3", "role": "writer"}, "action": "data:delete"})",
       Effect::kRequireApproval, "approve-delete"},
      {R"({"subject": {"id": "u4", "role": "writer"}, "action": "data:write"})", Effect::kDeny, ""},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.request);
    Decision decision = policies_->Decide(test_case.request, At(kNow));
    EXPECT_TRUE(decision.error.empty()) << decision.error;
    EXPECT_EQ(decision.effect, test_case.effect) << decision.ToJson();
    EXPECT_EQ(decision.allowed(), test_case.effect == Effect::kAllow);
    if (test_case.rule[0] == '\0') {
      EXPECT_TRUE(decision.by_default);
      EXPECT_TRUE(decision.rules.empty());
    } else {
      ASSERT_EQ(decision.rules.size(), 1u);
      EXPECT_EQ(decision.rules[0].policy, "authz");
      EXPECT_EQ(decision.rules[0].rule, test_case.rule);
      EXPECT_FALSE(decision.by_default);
    }
    EXPECT_EQ(decision.bundle_name, "test-authz");
    EXPECT_EQ(decision.bundle_digest, policies_->digest());
  }
}

TEST_F(EmbedApiTest, DecisionCarriesMessagesAndObligations) {
  Decision denied = policies_->Decide(
      R"({"subject": {"id": "u2", "suspended": true}, "action": "data:read"})", At(kNow));
  ASSERT_EQ(denied.rules.size(), 1u);
  EXPECT_EQ(denied.rules[0].effect, RuleEffect::kDeny);
  EXPECT_EQ(denied.rules[0].message, "subject `u2` is suspended");
  EXPECT_EQ(denied.reasons, std::vector<std::string>{"subject `u2` is suspended"});

  Decision approval =
      policies_->Decide(R"({"subject": {"id": "u3"}, "action": "data:delete"})", At(kNow));
  ASSERT_EQ(approval.obligations.size(), 1u);
  EXPECT_EQ(approval.obligations[0].type, "approval");
  EXPECT_EQ(approval.obligations[0].rule, "approve-delete");
  EXPECT_EQ(approval.obligations[0].approvers, std::vector<std::string>{"data-owner"});
}

TEST_F(EmbedApiTest, RequestStructDecidesLikeTheJsonObject) {
  Request request;
  request.subject = R"({"id": "u1", "role": "reader"})";
  std::string action = JsonString("data:read");
  request.action = action;
  request.resource = R"("dataset://public/prices")";
  Decision from_struct = policies_->Decide(request, At(kNow));
  Decision from_json = policies_->Decide(
      R"({"subject": {"id": "u1", "role": "reader"}, "action": "data:read",
          "resource": "dataset://public/prices"})",
      At(kNow));
  EXPECT_EQ(from_struct.effect, Effect::kAllow) << from_struct.ToJson();
  EXPECT_EQ(StableJson(from_struct), StableJson(from_json));
}

TEST_F(EmbedApiTest, MalformedRequestsFailClosedWithAnError) {
  struct Case {
    const char* request;
    const char* error_prefix;
  } cases[] = {
      {R"({"subject": )", "request:1:"},
      {R"({"subject": {}, "verb": "read"})", "request:1:17:"},
      {"[1, 2]", "request:"},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.request);
    Decision decision = policies_->Decide(test_case.request, At(kNow));
    EXPECT_EQ(decision.effect, Effect::kDeny);
    EXPECT_EQ(decision.error.rfind(test_case.error_prefix, 0), 0u) << decision.error;
    EXPECT_TRUE(decision.rules.empty());
    EXPECT_EQ(decision.bundle_name, "test-authz");
  }
  Request request;
  request.subject = R"({"id": )";
  Decision decision = policies_->Decide(request, At(kNow));
  EXPECT_EQ(decision.effect, Effect::kDeny);
  EXPECT_EQ(decision.error.rfind("subject:1:", 0), 0u) << decision.error;
}

TEST_F(EmbedApiTest, AnUnsetEvaluationTimeFailsClosed) {
  const char* request = R"({"subject": {"id": "u1", "role": "reader"}, "action": "data:read"})";
  Decision decision = policies_->Decide(request, EvalContext{});
  EXPECT_EQ(decision.effect, Effect::kDeny);
  EXPECT_NE(decision.error.find("now_unix_seconds"), std::string::npos) << decision.error;

  EvalContext bad_nanos = At(kNow);
  bad_nanos.now_nanos = 1'000'000'000;
  EXPECT_FALSE(policies_->Decide(request, bad_nanos).error.empty());

  CheckResult result = policies_->Check(kPrivilegedPod, "pod.yaml", EvalContext{});
  EXPECT_FALSE(result.error.empty());
  EXPECT_TRUE(result.blocked());
}

TEST_F(EmbedApiTest, AnInputLimitIsAnError) {
  Options options;
  options.max_input_bytes = 16;
  std::vector<LoadError> errors;
  std::shared_ptr<const Policies> small = Policies::LoadBundle(dir_.path(), &errors, options);
  ASSERT_NE(small, nullptr) << Dump(errors);
  Decision decision = small->Decide(
      R"({"subject": {"id": "u1", "role": "reader"}, "action": "data:read"})", At(kNow));
  EXPECT_EQ(decision.effect, Effect::kDeny);
  EXPECT_FALSE(decision.error.empty());
}

TEST_F(EmbedApiTest, DecisionJsonIsTheCliLine) {
  Decision decision =
      policies_->Decide(R"({"subject": {"id": "u3"}, "action": "data:delete"})", At(kNow));
  std::string json = decision.ToJson();
  EXPECT_EQ(json.rfind(R"({"decision": "require_approval", "rules": [{"policy": "authz")", 0), 0u)
      << json;
  EXPECT_NE(json.find(R"("approvers": ["data-owner"])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("bundle": {"name": "test-authz", "version": "2.0.0")"), std::string::npos)
      << json;
  EXPECT_EQ(json.find("\n"), std::string::npos);
  EXPECT_EQ(json.find("\"error\""), std::string::npos);

  // Every decision gets its own id; the evaluation time is the context's.
  // (The id's format is checked in decide_service_test.cc.)
  EXPECT_EQ(decision.decision_id.size(), 36u) << decision.decision_id;
  EXPECT_NE(json.find("\"decision_id\": \"" + decision.decision_id + "\""), std::string::npos);
  EXPECT_NE(json.find(R"("evaluated_at": "2026-01-01T00:00:00Z")"), std::string::npos) << json;
  EXPECT_EQ(decision.evaluated_at_seconds, kNow);
  EXPECT_NE(json.find(R"("duration_ns": )" + std::to_string(decision.duration_ns)),
            std::string::npos);

  Decision failed = policies_->Decide("{", At(kNow));
  EXPECT_EQ(failed.decision_id.size(), 36u);
  EXPECT_NE(failed.decision_id, decision.decision_id);
  std::string failed_json = failed.ToJson();
  EXPECT_EQ(failed_json.rfind(R"({"decision": "deny")", 0), 0u) << failed_json;
  EXPECT_NE(failed_json.find(R"(, "error": "request:1:)"), std::string::npos) << failed_json;
  EXPECT_EQ(failed_json.back(), '}');
}

// --- checks ---------------------------------------------------------------------------------

TEST_F(EmbedApiTest, CheckReportsViolationsAtTheirLines) {
  CheckResult result = policies_->Check(kPrivilegedPod, "deploy/pod.yaml", At(kNow, "prod"));
  ASSERT_TRUE(result.error.empty()) << result.error;
  ASSERT_EQ(result.documents.size(), 1u);
  const DocumentOutcome& document = result.documents[0];
  EXPECT_EQ(document.file, "deploy/pod.yaml");
  EXPECT_EQ(document.kind, "Pod");
  EXPECT_EQ(document.name, "web");
  EXPECT_EQ(document.namespace_name, "prod");
  ASSERT_EQ(document.policies.size(), 1u);  // the request policy does not apply
  const PolicyOutcome& policy = document.policies[0];
  EXPECT_EQ(policy.policy, "no-privileged");
  EXPECT_EQ(policy.outcome, Outcome::kFail);
  EXPECT_EQ(policy.severity, Severity::kHigh);
  ASSERT_EQ(policy.violations.size(), 1u);
  const Violation& violation = policy.violations[0];
  EXPECT_EQ(violation.rule, "privileged");
  EXPECT_EQ(violation.message, "container `sidecar` is privileged");
  EXPECT_EQ(violation.path, "spec.containers[1].securityContext.privileged");
  EXPECT_EQ(violation.file, "deploy/pod.yaml");
  EXPECT_EQ(violation.line, 13u);
  EXPECT_EQ(violation.column, 9u);  // the key `privileged:`
  EXPECT_TRUE(violation.blocking());
  EXPECT_TRUE(policy.blocking());
  EXPECT_TRUE(document.blocking());
  EXPECT_TRUE(result.blocked());
  EXPECT_TRUE(result.blocked(Severity::kHigh));
  EXPECT_FALSE(result.blocked(Severity::kCritical));
  EXPECT_EQ(result.environment, "prod");
  EXPECT_EQ(result.bundle_name, "test-authz");
}

TEST_F(EmbedApiTest, ExceptionsExpireAtTheEvaluationTime) {
  std::string agent = kPrivilegedPod;
  agent.replace(agent.find("name: web"), 9, "name: agent");
  // 2026: the exception (until 2027) waives the finding; 2028: it has expired.
  CheckResult waived = policies_->Check(agent, "agent.yaml", At(kNow));
  ASSERT_EQ(waived.documents.size(), 1u);
  ASSERT_EQ(waived.documents[0].policies.size(), 1u);
  ASSERT_EQ(waived.documents[0].policies[0].violations.size(), 1u);
  EXPECT_EQ(waived.documents[0].policies[0].violations[0].waived_by, "agent-needs-host");
  EXPECT_FALSE(waived.blocked());

  CheckResult expired = policies_->Check(agent, "agent.yaml", At(kNow + 2 * 366 * 86400));
  EXPECT_TRUE(expired.blocked()) << expired.ToJson();
}

TEST_F(EmbedApiTest, CheckTakesTheFormatFromTheNameOrAsGiven) {
  std::string json = R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},
    "spec": {"containers": [{"name": "c", "securityContext": {"privileged": true}}]}})";
  for (const auto& [name, format] :
       std::vector<std::pair<std::string, DocumentFormat>>{{"pod.json", DocumentFormat::kFromName},
                                                           {"pod.txt", DocumentFormat::kJson},
                                                           {"", DocumentFormat::kFromName}}) {
    SCOPED_TRACE(name);
    CheckResult result = policies_->Check(json, name, At(kNow), format);
    ASSERT_TRUE(result.error.empty()) << result.error;
    ASSERT_EQ(result.documents.size(), 1u);
    ASSERT_EQ(result.documents[0].policies.size(), 1u);
    ASSERT_EQ(result.documents[0].policies[0].violations.size(), 1u);
    EXPECT_EQ(result.documents[0].policies[0].violations[0].line, 2u);
  }
}

TEST_F(EmbedApiTest, AStreamGivesOneOutcomePerDocument) {
  std::string stream = std::string(kPrivilegedPod) + "---\n" +
                       "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n"
                       "  containers: [{name: c, image: x}]\n";
  CheckResult result = policies_->Check(stream, "pods.yaml", At(kNow));
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0].document_index, 0u);
  EXPECT_EQ(result.documents[1].document_index, 1u);
  EXPECT_TRUE(result.documents[0].blocking());
  EXPECT_FALSE(result.documents[1].blocking());
  EXPECT_EQ(result.documents[1].policies[0].outcome, Outcome::kPass);
}

TEST_F(EmbedApiTest, UnreadableDocumentIsABlockingErrorWithItsLocation) {
  CheckResult result = policies_->Check("a: [1,\nb: 2\n", "bad.yaml", At(kNow));
  EXPECT_TRUE(result.documents.empty());
  EXPECT_EQ(result.error.rfind("bad.yaml:", 0), 0u) << result.error;
  EXPECT_TRUE(result.blocked());
  std::string json = result.ToJson();
  EXPECT_NE(json.find(R"("file": "bad.yaml")"), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("line": 0)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("blocked": true)"), std::string::npos) << json;
}

TEST_F(EmbedApiTest, CheckJsonIsTheCliReport) {
  CheckResult result = policies_->Check(kPrivilegedPod, "pod.yaml", At(kNow, "prod"));
  std::string json = result.ToJson();
  EXPECT_EQ(json.rfind("{\n  \"summary\": {", 0), 0u) << json;
  EXPECT_NE(json.find(R"("policy": "no-privileged")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("line": 13)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("environment": "prod")"), std::string::npos) << json;
  EXPECT_NE(json.find(std::string(R"("version": ")") + LibraryVersion() + "\""), std::string::npos)
      << json;
  EXPECT_EQ(json.back(), '\n');
}

// --- concurrency and the index --------------------------------------------------------------

std::vector<std::string> Requests() {
  return {
      R"({"subject": {"id": "u1", "role": "reader"}, "action": "data:read"})",
      R"({"subject": {"id": "u2", "role": "reader", "suspended": true}, "action": "data:read"})",
      R"({"subject": {"id": "u3", "role": "writer"}, "action": "data:delete"})",
      R"({"subject": {"id": "u4", "role": "writer"}, "action": "data:write"})",
      R"({"subject": "not an object", "action": 7})",
  };
}

TEST_F(EmbedApiTest, ThreadsDecidingTheSameRequestsGetIdenticalResults) {
  std::vector<std::string> requests = Requests();
  std::vector<std::string> expected;
  for (const std::string& request : requests) {
    expected.push_back(StableJson(policies_->Decide(request, At(kNow))));
  }
  std::string expected_check = policies_->Check(kPrivilegedPod, "pod.yaml", At(kNow)).ToJson();

  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int round = 0; round < kRounds; ++round) {
        for (size_t request_idx = 0; request_idx < requests.size(); ++request_idx) {
          if (StableJson(policies_->Decide(requests[request_idx], At(kNow))) !=
              expected[request_idx]) {
            ++mismatches[static_cast<size_t>(thread_idx)];
          }
        }
        if (round % 20 == 0 &&
            policies_->Check(kPrivilegedPod, "pod.yaml", At(kNow)).ToJson() != expected_check) {
          ++mismatches[static_cast<size_t>(thread_idx)];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

TEST_F(EmbedApiTest, TheIndexNeverChangesAResult) {
  Options linear;
  linear.use_index = false;
  std::vector<LoadError> errors;
  std::shared_ptr<const Policies> scan = Policies::LoadBundle(dir_.path(), &errors, linear);
  ASSERT_NE(scan, nullptr) << Dump(errors);
  for (const std::string& request : Requests()) {
    SCOPED_TRACE(request);
    EXPECT_EQ(StableJson(scan->Decide(request, At(kNow))),
              StableJson(policies_->Decide(request, At(kNow))));
  }
  EXPECT_EQ(scan->Check(kPrivilegedPod, "pod.yaml", At(kNow)).ToJson(),
            policies_->Check(kPrivilegedPod, "pod.yaml", At(kNow)).ToJson());
}

TEST_F(EmbedApiTest, ResultsOutliveThePolicies) {
  Decision decision =
      policies_->Decide(R"({"subject": {"id": "u3"}, "action": "data:delete"})", At(kNow));
  CheckResult result = policies_->Check(kPrivilegedPod, "pod.yaml", At(kNow));
  policies_.reset();
  EXPECT_EQ(decision.rules.at(0).rule, "approve-delete");
  EXPECT_EQ(result.documents.at(0).policies.at(0).violations.at(0).line, 13u);
}

// --- vocabulary -----------------------------------------------------------------------------

TEST(EmbedApiVocabularyTest, NamesAreThePolicyLanguageSpellings) {
  EXPECT_STREQ(Name(Effect::kRequireApproval), "require_approval");
  EXPECT_STREQ(Name(Effect::kAllow), "allow");
  EXPECT_STREQ(Name(RuleEffect::kAudit), "audit");
  EXPECT_STREQ(Name(Severity::kCritical), "critical");
  EXPECT_STREQ(Name(Enforcement::kDisabled), "disabled");
  EXPECT_STREQ(Name(Outcome::kSkip), "skip");
}

TEST(EmbedApiVocabularyTest, JsonStringQuotesAndEscapes) {
  EXPECT_EQ(JsonString("data:read"), R"("data:read")");
  EXPECT_EQ(JsonString("a\"b\\c\n"), R"("a\"b\\c\n")");
  EXPECT_EQ(JsonString(""), R"("")");
}

}  // namespace
}  // namespace warden
