// The engine end to end from compiled bundles: document checks, request decisions,
// the rule index, thread safety, and a randomized differential test that the index never
// changes a result (STYLE.md 11).

#include "warden/engine/engine.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "warden/data/json_reader.h"
#include "warden/data/yaml_reader.h"
#include "warden/engine/engine_test_util.h"
#include "warden/engine/rule_index.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compile.h"

namespace warden::engine {
namespace {

namespace fs = std::filesystem;
using namespace test_util;  // NOLINT(google-build-using-namespace): engine_test_util.h
using test_util::Text;      // overloaded below for document results

// --- helpers ---------------------------------------------------------------------------------

// A document input the way the service classifies a Kubernetes object.
DocumentInput Document(const std::string& yaml, const std::string& file = "doc.yaml") {
  StatusOr<std::vector<data::Document>> documents = data::ReadYaml(yaml, file);
  EXPECT_TRUE(documents.ok()) << documents.status().message();
  DocumentInput input;
  if (!documents.ok() || documents->empty()) return input;
  const data::Document& document = documents->front();
  input.file = file;
  input.object = document.root;
  input.document_root = document.root;
  input.storage = document.storage;
  input.api_version = StringField(document.root, "apiVersion");
  input.kind = StringField(document.root, "kind");
  const data::Node* metadata = document.root->Find("metadata");
  input.name = StringField(metadata, "name");
  input.namespace_name = StringField(metadata, "namespace");
  return input;
}

std::string Text(const DocumentResult& result) {
  std::string out =
      result.file + "#" + std::to_string(result.document_index) + " " + result.resource.kind + "\n";
  for (const PolicyResult& policy : result.policies) {
    out += "  " + policy.policy + " " + OutcomeName(policy.outcome) + " " +
           policy::EnforcementName(policy.enforcement) + "\n";
    for (const Violation& violation : policy.violations) {
      out += "    " + violation.rule + " " + policy::EnforcementName(violation.enforcement) + " " +
             violation.path + " " + std::to_string(violation.line) + ":" +
             std::to_string(violation.column) + " " + violation.message +
             " waived=" + violation.waived_by + "\n";
    }
    for (const EvaluationError& error : policy.errors) {
      out += "    error " + error.rule + " " + error.message + "\n";
    }
  }
  return out;
}

// --- rule index ------------------------------------------------------------------------------

// A bundle of policies that only have match lists, for the index.
struct MatchLists {
  std::vector<std::string> kinds, namespaces, actions, resources, subjects;
};

policy::CompiledBundle IndexBundle(const std::vector<MatchLists>& matches) {
  policy::CompiledBundle bundle;
  for (const MatchLists& lists : matches) {
    policy::CompiledPolicy policy;
    policy.match.kinds = lists.kinds;
    policy.match.namespaces = lists.namespaces;
    policy.match.actions = lists.actions;
    policy.match.resources = lists.resources;
    policy.match.subjects = lists.subjects;
    bundle.policies.push_back(std::move(policy));
  }
  return bundle;
}

TEST(RuleIndexTest, DocumentCandidatesComeFromLiteralPrefixAndAlwaysEntries) {
  policy::CompiledBundle bundle = IndexBundle({
      {{"Pod"}, {}, {}, {}, {}},                 // 0: literal
      {{"apps/v1/Deployment"}, {}, {}, {}, {}},  // 1: literal, qualified
      {{"Dep*"}, {}, {}, {}, {}},                // 2: prefix
      {{"*Set"}, {}, {}, {}, {}},                // 3: always checked
      {{}, {}, {}, {}, {}},                      // 4: unrestricted
      {{}, {}, {"read"}, {}, {}},                // 5: requests only
      {{}, {"prod"}, {}, {}, {}},                // 6: documents, no kinds
  });
  RuleIndex index(bundle);
  std::vector<uint32_t> out;
  index.DocumentCandidates("v1", "Pod", out);
  EXPECT_EQ(out, (std::vector<uint32_t>{0, 3, 4, 6}));
  index.DocumentCandidates("apps/v1", "Deployment", out);
  EXPECT_EQ(out, (std::vector<uint32_t>{1, 2, 3, 4, 6}));
  index.DocumentCandidates("", "", out);
  EXPECT_EQ(out, (std::vector<uint32_t>{3, 4, 6}));
}

TEST(RuleIndexTest, RequestCandidatesComeFromActionsElseResources) {
  policy::CompiledBundle bundle = IndexBundle({
      {{}, {}, {"data:read"}, {}, {}},           // 0
      {{}, {}, {"data:*"}, {}, {}},              // 1
      {{}, {}, {"*:read"}, {}, {}},              // 2: always checked
      {{}, {}, {}, {"bucket://logs/*"}, {}},     // 3
      {{}, {}, {}, {}, {"role:admin"}},          // 4: always (not indexed)
      {{"Pod"}, {}, {}, {}, {}},                 // 5: documents only
      {{}, {}, {"x"}, {"bucket://logs/*"}, {}},  // 6: filed by action
  });
  RuleIndex index(bundle);
  std::vector<uint32_t> out;
  EXPECT_EQ(index.RequestCandidates("data:read", "bucket://logs/a", out),
            (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(index.RequestCandidates("x", "other", out), (std::vector<uint32_t>{2, 4, 6}));
  EXPECT_EQ(index.RequestCandidates("", "", out), (std::vector<uint32_t>{2, 4}));
  // Without action or resource patterns every request policy is a candidate.
  policy::CompiledBundle open = IndexBundle(
      {{{}, {}, {}, {}, {}}, {{"Pod"}, {}, {}, {}, {}}, {{}, {}, {}, {}, {"role:admin"}}});
  RuleIndex open_index(open);
  EXPECT_EQ(open_index.RequestCandidates("any", "thing", out), (std::vector<uint32_t>{0, 2}));
}

// --- documents -------------------------------------------------------------------------------

constexpr char kPod[] = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
spec:
  containers:
    - name: app
      image: nginx:latest
    - name: side
      image: envoy:1.0
)";

TEST(EngineTest, CheckListsApplicablePoliciesInBundleOrder) {
  Engines engines = BuildEngines(
      {{"bundle.yaml", kBundle},
       {"a.yaml",
        Policy("pods", "  match: {kinds: [Pod]}\n  rules: [{id: r, condition: \"true\"}]\n")},
       {"b.yaml",
        Policy("deployments",
               "  match: {kinds: [Deployment]}\n  rules: [{id: r, condition: \"true\"}]\n")},
       {"c.yaml", Policy("all", "  rules: [{id: r, condition: \"false\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentResult result = engines.indexed->Check(Document(kPod), kOptions);
  ASSERT_EQ(result.policies.size(), 2u);
  EXPECT_EQ(result.policies[0].policy, "pods");
  EXPECT_EQ(result.policies[0].outcome, Outcome::kFail);
  EXPECT_EQ(result.policies[1].policy, "all");
  EXPECT_EQ(result.policies[1].outcome, Outcome::kPass);
  EXPECT_EQ(result.resource.kind, "Pod");
  EXPECT_EQ(result.resource.namespace_name, "prod");
}

TEST(EngineTest, ForeachViolationsCarryRenderedMessageAndLocatedPath) {
  Engines engines =
      BuildEngines({{"p.yaml", Policy("images",
                                      "  rules:\n"
                                      "    - id: latest\n"
                                      "      foreach: \"object.spec.containers\"\n"
                                      "      condition: \"item.image.endsWith(':latest')\"\n"
                                      "      message: \"{{item.name}} at {{index}}\"\n"
                                      "      path: \"spec.containers[{{index}}].image\"\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentResult result = engines.indexed->Check(Document(kPod, "pod.yaml"), kOptions);
  ASSERT_EQ(result.policies.size(), 1u);
  ASSERT_EQ(result.policies[0].violations.size(), 1u);
  const Violation& violation = result.policies[0].violations[0];
  EXPECT_EQ(violation.message, "app at 0");
  EXPECT_EQ(violation.path, "spec.containers[0].image");
  EXPECT_EQ(violation.file, "pod.yaml");
  EXPECT_EQ(violation.line, 9u);
  EXPECT_EQ(violation.column, 7u);
}

TEST(EngineTest, DisabledPolicyIsSkippedWithoutEvaluatingItsRules) {
  Engines engines = BuildEngines(
      {{"p.yaml", Policy("off",
                         "  enforcement: disabled\n"
                         "  rules: [{id: r, condition: \"object.no.such.field\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentResult result = engines.indexed->Check(Document(kPod), kOptions);
  ASSERT_EQ(result.policies.size(), 1u);
  EXPECT_EQ(result.policies[0].outcome, Outcome::kSkip);
  EXPECT_TRUE(result.policies[0].errors.empty());
}

TEST(EngineTest, FailingConditionIsAnErrorOutcomeUnlessOnErrorAllows) {
  Engines engines = BuildEngines(
      {{"p.yaml", Policy("strict", "  rules: [{id: r, condition: \"object.spec.missing > 1\"}]\n") +
                      "---\n" +
                      Policy("lenient",
                             "  on_error: allow\n"
                             "  rules: [{id: r, condition: \"object.spec.missing > 1\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentResult result = engines.indexed->Check(Document(kPod), kOptions);
  ASSERT_EQ(result.policies.size(), 2u);
  EXPECT_EQ(result.policies[0].outcome, Outcome::kError);
  ASSERT_EQ(result.policies[0].errors.size(), 1u);
  EXPECT_EQ(result.policies[0].errors[0].rule, "r");
  EXPECT_EQ(result.policies[0].errors[0].line, 5u);
  EXPECT_EQ(result.policies[1].outcome, Outcome::kPass);
  EXPECT_EQ(result.policies[1].errors.size(), 1u);
}

TEST(EngineTest, ExceptionWaivesFindingsOnlyUntilItExpires) {
  Engines engines = BuildEngines(
      {{"p.yaml", Policy("p", "  rules: [{id: r, condition: \"true\"}]\n")},
       {"e.yaml",
        "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\nspec:\n  policy: p\n"
        "  targets: {namespaces: [prod]}\n  justification: j\n"
        "  expires: 2026-01-01T00:00:10Z\n"}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  EvalOptions before = kOptions;
  before.now_seconds = 1767225609;
  DocumentResult waived = engines.indexed->Check(Document(kPod), before);
  ASSERT_EQ(waived.policies.size(), 1u);
  EXPECT_EQ(waived.policies[0].outcome, Outcome::kPass);
  EXPECT_EQ(waived.policies[0].waived_by, std::vector<std::string>{"e"});
  EvalOptions at = kOptions;
  at.now_seconds = 1767225610;
  DocumentResult expired = engines.indexed->Check(Document(kPod), at);
  EXPECT_EQ(expired.policies[0].outcome, Outcome::kFail);
  EXPECT_TRUE(expired.policies[0].waived_by.empty());
}

TEST(EngineTest, InputWithoutObjectHasNoResults) {
  Engines engines =
      BuildEngines({{"p.yaml", Policy("p", "  rules: [{id: r, condition: \"true\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentInput empty;
  empty.file = "empty.yaml";
  DocumentResult result = engines.indexed->Check(empty, kOptions);
  EXPECT_EQ(result.file, "empty.yaml");
  EXPECT_TRUE(result.policies.empty());
}

// --- requests --------------------------------------------------------------------------------

TEST(EngineTest, DecisionCarriesBundleIdentityAndDefault) {
  Engines engines = BuildEngines(
      {{"bundle.yaml", std::string(kBundle) + "spec: {default: deny}\n"},
       {"p.yaml",
        Policy("p", "  rules: [{id: r, effect: allow, condition: \"action == 'read'\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestDecision allowed = engines.indexed->Decide(Request(R"({"action": "read"})"), kOptions);
  EXPECT_EQ(allowed.decision, Decision::kAllow);
  EXPECT_FALSE(allowed.by_default);
  EXPECT_EQ(allowed.bundle_name, "t");
  EXPECT_EQ(allowed.bundle_version, "2.0.0");
  EXPECT_EQ(allowed.bundle_digest, engines.bundle->digest);
  EXPECT_EQ(allowed.bundle_digest.size(), 64u);
  RequestDecision denied = engines.indexed->Decide(Request(R"({"action": "write"})"), kOptions);
  EXPECT_EQ(denied.decision, Decision::kDeny);
  EXPECT_TRUE(denied.by_default);
  EXPECT_TRUE(denied.rules.empty());
  EXPECT_EQ(denied.reasons.size(), 1u);
}

TEST(EngineTest, ExplainRecordsEveryEvaluatedRuleWithItsResult) {
  Engines engines = BuildEngines(
      {{"p.yaml", Policy("p",
                         "  rules:\n"
                         "    - {id: fires, condition: \"context.n > 1\", message: m}\n"
                         "    - {id: quiet, condition: \"context.n > 100\"}\n"
                         "    - {id: guarded, condition: \"action == 'other'\"}\n"
                         "    - {id: broken, condition: \"context.missing > 1\"}\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  std::vector<ExplainStep> steps;
  RequestDecision decision = engines.indexed->Decide(
      Request(R"({"action": "read", "context": {"n": 5}})"), kOptions, &steps);
  EXPECT_EQ(decision.decision, Decision::kDeny);
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].rule, "fires");
  EXPECT_EQ(steps[0].result, "true");
  EXPECT_EQ(steps[1].rule, "quiet");
  EXPECT_EQ(steps[1].result, "false");
  EXPECT_EQ(steps[2].rule, "guarded");
  EXPECT_EQ(steps[2].result, "false");
  EXPECT_EQ(steps[3].rule, "broken");
  EXPECT_EQ(steps[3].result, "error");
}

TEST(EngineTest, SubjectIdentifiersCoverIdUserRolesAndGroups) {
  EXPECT_EQ(SubjectIds(nullptr), std::vector<std::string>{});
  RequestInput request = Request(
      R"({"subject": {"id": "ann", "role": "lead", "roles": ["dev", 3], "groups": ["ops"]}})");
  EXPECT_EQ(SubjectIds(request.subject),
            (std::vector<std::string>{"ann", "user:ann", "role:lead", "role:dev", "group:ops"}));
  RequestInput plain = Request(R"({"subject": "bob", "resource": {"uri": "u", "name": "n"}})");
  EXPECT_EQ(SubjectIds(plain.subject), (std::vector<std::string>{"bob", "user:bob"}));
  EXPECT_EQ(ResourceString(plain.resource), "u");
}

TEST(EngineTest, ConcurrentChecksAndDecisionsAgreeWithSequentialOnes) {
  Engines engines = BuildEngines(
      {{"p.yaml",
        Policy("images",
               "  match: {kinds: [Pod]}\n"
               "  let: {containers: \"object.spec.containers\"}\n"
               "  rules:\n"
               "    - {id: r, foreach: containers, condition: \"item.image.endsWith(':latest')\","
               " message: \"{{item.name}}\", path: \"spec.containers[{{index}}].image\"}\n") +
            "---\n" +
            Policy("authz",
                   "  match: {actions: [\"data:*\"]}\n"
                   "  params: {limit: {type: int, default: 3}}\n"
                   "  rules:\n"
                   "    - {id: r, condition: \"context.n > params.limit\", message: "
                   "\"{{context.n}}\"}\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentInput pod = Document(kPod);
  std::vector<RequestInput> requests;
  for (int n = 0; n < 8; ++n) {
    requests.push_back(
        Request(R"({"action": "data:read", "context": {"n": )" + std::to_string(n) + "}}"));
  }
  std::string want_document = Text(engines.indexed->Check(pod, kOptions));
  std::vector<std::string> want_decisions;
  for (const RequestInput& request : requests) {
    want_decisions.push_back(Text(engines.indexed->Decide(request, kOptions)));
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t thread_idx = 0; thread_idx < 4; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (size_t round = 0; round < 50; ++round) {
        if (Text(engines.indexed->Check(pod, kOptions)) != want_document) ++mismatches[thread_idx];
        size_t pick = (round + thread_idx) % requests.size();
        if (Text(engines.indexed->Decide(requests[pick], kOptions)) != want_decisions[pick]) {
          ++mismatches[thread_idx];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, (std::vector<int>{0, 0, 0, 0}));
}

TEST(EngineTest, EnginesOfDifferentBundlesCanAlternateOnOneThread) {
  Engines first =
      BuildEngines({{"p.yaml", Policy("p",
                                      "  let: {a: \"1\", b: \"2\"}\n"
                                      "  rules: [{id: r, condition: \"a + b == 3\"}]\n")}});
  Engines second =
      BuildEngines({{"q.yaml", Policy("q", "  rules: [{id: r, condition: \"true\"}]\n")}});
  ASSERT_TRUE(first.errors.empty()) << first.errors;
  ASSERT_TRUE(second.errors.empty()) << second.errors;
  DocumentInput pod = Document(kPod);
  for (int round = 0; round < 3; ++round) {
    DocumentResult a = first.indexed->Check(pod, kOptions);
    DocumentResult b = second.indexed->Check(pod, kOptions);
    ASSERT_EQ(a.policies.size(), 1u);
    ASSERT_EQ(b.policies.size(), 1u);
    EXPECT_EQ(a.policies[0].outcome, Outcome::kFail);
    EXPECT_EQ(b.policies[0].outcome, Outcome::kFail);
  }
}

// A rule must be evaluated with its own policy's parameters, whatever other policies'
// `match.when` evaluated in between (rules run in priority order across policies).
TEST(EngineTest, RequestRuleSeesItsOwnParamsAfterAnotherPolicysWhen) {
  Engines engines = BuildEngines(
      {{"a.yaml",
        Policy("a",
               "  params: {owner: {type: string, default: team-a}}\n"
               "  rules:\n"
               "    - {id: first, priority: 1, condition: \"false\"}\n"
               "    - {id: third, priority: 3, condition: \"params.owner == 'team-a'\"}\n")},
       {"b.yaml", Policy("b",
                         "  params: {owner: {type: string, default: team-b}}\n"
                         "  match: {when: \"params.owner == 'nobody'\"}\n"
                         "  rules: [{id: second, priority: 2, condition: \"true\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestDecision decision = engines.indexed->Decide(Request(R"({"action": "x"})"), kOptions);
  EXPECT_EQ(decision.decision, Decision::kDeny) << Text(decision);
  EXPECT_EQ(RuleNames(decision), std::vector<std::string>{"a/third"});
}

// Skipping a rule for a failing equality guard must not skip its policy's failing
// `match.when` (the same rule without the guard fails closed).
TEST(EngineTest, GuardedRuleDoesNotHideAFailingWhen) {
  for (const char* condition : {"action == 'delete'", "!(action != 'delete')"}) {
    SCOPED_TRACE(condition);
    Engines engines = BuildEngines(
        {{"p.yaml", Policy("p", std::string("  match: {when: \"context.tenant.active\"}\n"
                                            "  rules: [{id: r, condition: \"") +
                                    condition + "\"}]\n")}});
    ASSERT_TRUE(engines.errors.empty()) << engines.errors;
    RequestDecision decision =
        engines.indexed->Decide(Request(R"({"action": "read", "context": {}})"), kOptions);
    EXPECT_EQ(decision.decision, Decision::kDeny) << Text(decision);
    EXPECT_EQ(decision.errors.size(), 1u);
  }
}

// `on_error: allow` ignores a failing rule; the policy's other rules still decide, as
// they do for documents (corpus errors/on_error_allow.yaml).
TEST(EngineTest, OnErrorAllowRequestRuleErrorDoesNotSkipTheOtherRules) {
  Engines engines =
      BuildEngines({{"p.yaml", Policy("p",
                                      "  on_error: allow\n"
                                      "  rules:\n"
                                      "    - {id: broken, condition: \"context.missing.x == 1\"}\n"
                                      "    - {id: works, condition: \"context.flag\"}\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestDecision decision =
      engines.indexed->Decide(Request(R"({"action": "a", "context": {"flag": true}})"), kOptions);
  EXPECT_EQ(decision.decision, Decision::kDeny) << Text(decision);
  EXPECT_EQ(RuleNames(decision), std::vector<std::string>{"p/works"});
  EXPECT_EQ(decision.errors.size(), 1u);
}

// foreach accepts a map for documents (item = value, index = key); requests must too.
TEST(EngineTest, RequestForeachOverAMapIteratesItsEntries) {
  Engines engines = BuildEngines(
      {{"bundle.yaml", std::string(kBundle) + "spec: {default: deny}\n"},
       {"p.yaml", Policy("p",
                         "  rules:\n"
                         "    - {id: r, effect: allow, foreach: \"context.labels\","
                         " condition: \"item == 'open' && index == 'visibility'\"}\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestDecision decision = engines.indexed->Decide(
      Request(R"({"action": "read", "context": {"labels": {"visibility": "open"}}})"), kOptions);
  EXPECT_EQ(decision.decision, Decision::kAllow) << Text(decision);
  EXPECT_TRUE(decision.errors.empty());
}

// A foreach condition that is not a bool is an evaluation error for documents; it must be
// one for requests too (fail closed), not a silent `false`.
TEST(EngineTest, RequestForeachConditionThatIsNotABoolFailsClosed) {
  Engines engines = BuildEngines(
      {{"p.yaml",
        Policy("p", "  rules: [{id: r, foreach: \"context.tags\", condition: \"item\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestDecision decision = engines.indexed->Decide(
      Request(R"({"action": "read", "context": {"tags": ["a"]}})"), kOptions);
  EXPECT_EQ(decision.decision, Decision::kDeny) << Text(decision);
  EXPECT_EQ(decision.errors.size(), 1u);
}

// `--explain` lists the rules that were considered; a policy whose match excludes the
// request is not among them, with or without the index.
TEST(EngineTest, ExplainIsTheSameWithAndWithoutTheIndex) {
  Engines engines = BuildEngines(
      {{"p.yaml", Policy("data",
                         "  match: {actions: [\"data:*\"]}\n"
                         "  rules: [{id: r, condition: \"action == 'data:read'\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  RequestInput request = Request(R"({"action": "other:x"})");
  std::vector<ExplainStep> indexed, linear;
  engines.indexed->Decide(request, kOptions, &indexed);
  engines.linear->Decide(request, kOptions, &linear);
  EXPECT_TRUE(indexed.empty());
  ASSERT_EQ(indexed.size(), linear.size());
}

// Kind patterns are matched against `kind` and `apiVersion/kind`; the index must find
// every policy the exact match accepts, also for inputs without an apiVersion.
TEST(EngineTest, IndexAndLinearScanAgreeOnKindPatternsForInputsWithoutApiVersion) {
  Engines engines =
      BuildEngines({{"p.yaml", Policy("slash-literal",
                                      "  match: {kinds: [\"/aws_s3_bucket\"]}\n"
                                      "  rules: [{id: r, condition: \"true\"}]\n") +
                                   "---\n" +
                                   Policy("slash-prefix",
                                          "  match: {kinds: [\"/aws*\"]}\n"
                                          "  rules: [{id: r, condition: \"true\"}]\n")}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentInput change = Document("type: aws_s3_bucket\n", "plan.json");
  change.kind = "aws_s3_bucket";
  EXPECT_EQ(Text(engines.indexed->Check(change, kOptions)),
            Text(engines.linear->Check(change, kOptions)));
}

// --- randomized differential -----------------------------------------------------------------

// YAML double-quoted scalar.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

class Generator {
 public:
  explicit Generator(uint32_t seed) : random_(seed) {}

  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& values) {
    return values[Below(values.size())];
  }

  std::string List(const std::vector<std::string>& patterns) {
    size_t count = 1 + Below(3);
    std::string out = "[";
    for (size_t index = 0; index < count; ++index) {
      if (index > 0) out += ", ";
      out += Quote(Pick(patterns));
    }
    return out + "]";
  }

  std::string PolicyText(size_t number) {
    static const std::vector<std::string> kActions = {
        "data:read", "data:write", "data:delete", "admin:users:list", "svc/a/b",
        "job:start", "data:*",     "admin:**",    "svc/**",           "job:*",
        "*:read",    "data:[rw]*", "?ob:st*",     "lit:\\*",          "*",
        "**",        "x"};
    static const std::vector<std::string> kResources = {
        "dataset://phi/a", "bucket://logs/1", "file-7",        "dataset://phi/*", "dataset://**",
        "bucket://logs/*", "file-?",          "*://public/**", "[bd]*",           "*"};
    static const std::vector<std::string> kSubjects = {"role:admin", "user:alice", "group:ops",
                                                       "role:*",     "user:b*",    "*"};
    static const std::vector<std::string> kKinds = {
        "Pod",  "Deployment", "apps/v1/Deployment", "v1/Pod", "Dep*",
        "*Set", "Po?",        "apps/*/StatefulSet", "[PD]*",  "apps/v1/*",
        "*",    "**",         "ConfigMap"};
    static const std::vector<std::string> kNamespaces = {"default", "team-*", "kube-system", "*"};
    static const std::vector<std::string> kEnvironments = {"prod", "dev", "stag*"};
    static const std::vector<std::string> kConditions = {
        "true",
        "false",
        "action == \"data:read\"",
        "\"data:write\" == action && context.level > 2",
        "subject.role in [\"admin\", \"dev\"]",
        "subject.role == \"admin\" && action == \"job:start\"",
        "context.level > 3",
        "resource == \"file-7\"",
        "context.missing.x == 1",
        "object.metadata.name == \"web\"",
        "has(object.spec) && object.kind == \"Pod\"",
        "context.level > 1 || action == \"x\"",
    };
    static const std::vector<std::string> kEffects = {"deny", "deny", "allow", "require_approval",
                                                      "warn", "audit"};
    std::string name = "p" + std::to_string(number);
    std::string match;
    switch (Below(4)) {
      case 0:  // documents
        if (Chance(80)) match += "    kinds: " + List(kKinds) + "\n";
        if (Chance(30)) match += "    namespaces: " + List(kNamespaces) + "\n";
        break;
      case 1:  // requests
      case 2:
        if (Chance(60)) match += "    actions: " + List(kActions) + "\n";
        if (Chance(40)) match += "    resources: " + List(kResources) + "\n";
        if (Chance(30)) match += "    subjects: " + List(kSubjects) + "\n";
        break;
      default:  // unrestricted
        break;
    }
    if (Chance(20)) match += "    environments: " + List(kEnvironments) + "\n";
    if (Chance(10)) match += "    when: 'has(context.level) || has(object.kind)'\n";
    std::string spec;
    if (Chance(10))
      spec += "  enforcement: " + Pick<std::string>({"warn", "audit", "disabled"}) + "\n";
    if (Chance(10)) spec += "  on_error: allow\n";
    if (!match.empty()) spec += "  match:\n" + match;
    spec += "  rules:\n";
    size_t rules = 1 + Below(3);
    for (size_t rule = 0; rule < rules; ++rule) {
      std::string condition = Pick(kConditions);
      if (Chance(20)) condition += " && " + Pick(kConditions);
      spec += "    - id: r" + std::to_string(rule) + "\n";
      spec += "      effect: " + Pick(kEffects) + "\n";
      spec += "      priority: " + std::to_string(1 + Below(5)) + "\n";
      spec += "      condition: '" + condition + "'\n";
      spec += "      message: \"" + name + " r" + std::to_string(rule) + "\"\n";
      if (Chance(10)) spec += "      approvers: [lead]\n";
    }
    return Policy(name, spec);
  }

  std::string RequestJson() {
    static const std::vector<std::string> kSubjects = {
        R"("alice")",
        R"({"id": "bob", "role": "admin"})",
        R"({"id": "carl", "roles": ["dev"]})",
        R"({"id": "dana", "groups": ["ops"], "role": 3})",
        R"({"id": "eve"})",
        R"(7)"};
    static const std::vector<std::string> kActions = {R"("data:read")",
                                                      R"("data:write")",
                                                      R"("data:delete")",
                                                      R"("admin:users:list")",
                                                      R"("svc/a/b")",
                                                      R"("job:start")",
                                                      R"("job:stop")",
                                                      R"("lit:*")",
                                                      R"("x")",
                                                      R"("")",
                                                      R"(5)"};
    static const std::vector<std::string> kResources = {R"("dataset://phi/a")",
                                                        R"("dataset://public/x/y")",
                                                        R"("bucket://logs/1")",
                                                        R"("file-7")",
                                                        R"({"id": "dataset://phi/b"})",
                                                        R"({"name": "file-8"})",
                                                        R"("")"};
    static const std::vector<std::string> kEnvironments = {"", "prod", "dev", "staging"};
    std::string out = "{";
    auto member = [&](const std::string& key, const std::string& value) {
      if (out.size() > 1) out += ", ";
      out += "\"" + key + "\": " + value;
    };
    if (Chance(95)) member("subject", Pick(kSubjects));
    if (Chance(95)) member("action", Pick(kActions));
    if (Chance(95)) member("resource", Pick(kResources));
    if (Chance(80)) member("context", "{\"level\": " + std::to_string(Below(6)) + "}");
    std::string environment = Pick(kEnvironments);
    if (!environment.empty()) member("environment", "\"" + environment + "\"");
    return out + "}";
  }

  std::string DocumentYaml() {
    static const std::vector<std::string> kTypes = {"apiVersion: v1\nkind: Pod\n",
                                                    "apiVersion: apps/v1\nkind: Deployment\n",
                                                    "apiVersion: apps/v1\nkind: StatefulSet\n",
                                                    "apiVersion: apps/v1\nkind: DaemonSet\n",
                                                    "apiVersion: v1\nkind: ConfigMap\n",
                                                    "apiVersion: batch/v1\nkind: Job\n",
                                                    ""};
    static const std::vector<std::string> kNames = {"web", "api"};
    static const std::vector<std::string> kNamespaces = {"", "default", "team-a", "kube-system"};
    std::string out = Pick(kTypes);
    std::string namespace_name = Pick(kNamespaces);
    out += "metadata:\n  name: " + Pick(kNames) + "\n";
    if (!namespace_name.empty()) out += "  namespace: " + namespace_name + "\n";
    if (Chance(70)) out += "spec: {replicas: " + std::to_string(Below(4)) + "}\n";
    return out;
  }

 private:
  std::mt19937 random_;
};

TEST(EngineDifferentialTest, RandomPoliciesDecideIdenticallyWithAndWithoutTheIndex) {
  Generator generator(20240601);
  std::string policies;
  for (size_t number = 0; number < 200; ++number) {
    if (number > 0) policies += "---\n";
    policies += generator.PolicyText(number);
  }
  std::vector<std::string> requests;
  for (int request = 0; request < 300; ++request) requests.push_back(generator.RequestJson());
  std::vector<std::string> documents;
  for (int document = 0; document < 100; ++document) documents.push_back(generator.DocumentYaml());
  static const std::vector<std::string> kEnvironments = {"", "prod", "dev", "staging"};

  for (const char* combining : {"deny-overrides", "first-match", "allow-overrides"}) {
    SCOPED_TRACE(combining);
    Engines engines = BuildEngines(
        {{"bundle.yaml", std::string(kBundle) + "spec: {default: deny, combining: " + combining +
                             ", environments: {dev: {enforcement: warn}}}\n"},
         {"policies.yaml", policies}});
    ASSERT_TRUE(engines.errors.empty()) << engines.errors;
    ASSERT_EQ(engines.bundle->policies.size(), 200u);
    size_t decided_by_rules = 0;
    for (size_t index = 0; index < requests.size(); ++index) {
      SCOPED_TRACE(requests[index]);
      RequestInput request = Request(requests[index]);
      RequestDecision indexed = engines.indexed->Decide(request, kOptions);
      EXPECT_EQ(Text(indexed), Text(engines.linear->Decide(request, kOptions)));
      // The allocation-free path decides alike, with and without the index.
      CompactDecision compact = engines.indexed->DecideCompact(request, kOptions);
      CompactDecision compact_linear = engines.linear->DecideCompact(request, kOptions);
      EXPECT_EQ(compact.decision, indexed.decision);
      EXPECT_EQ(compact.by_default, indexed.by_default);
      EXPECT_EQ(compact.decision, compact_linear.decision);
      EXPECT_EQ(compact.policy, compact_linear.policy);
      EXPECT_EQ(compact.rule, compact_linear.rule);
      if (!indexed.by_default) ++decided_by_rules;
    }
    size_t failed = 0;
    for (size_t index = 0; index < documents.size(); ++index) {
      SCOPED_TRACE(documents[index]);
      DocumentInput document = Document(documents[index]);
      EvalOptions options = kOptions;
      options.environment = kEnvironments[index % kEnvironments.size()];
      DocumentResult indexed = engines.indexed->Check(document, options);
      EXPECT_EQ(Text(indexed), Text(engines.linear->Check(document, options)));
      for (const PolicyResult& result : indexed.policies) {
        if (result.outcome == Outcome::kFail) ++failed;
      }
    }
    // The generated inputs must exercise the rules, not only the defaults.
    EXPECT_GT(decided_by_rules, requests.size() / 4);
    EXPECT_GT(failed, documents.size());
  }
}

TEST(EngineTest, BlockScalarRemediationLosesItsTrailingNewline) {
  Engines engines = BuildEngines({{"p.yaml", R"(apiVersion: warden/v1
kind: Policy
metadata: {name: p}
spec:
  rules:
    - id: r
      condition: "true"
      message: fired
      remediation: |
        Fix it.
)"}});
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  DocumentResult result =
      engines.indexed->Check(Document("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"), {});
  ASSERT_EQ(result.policies.size(), 1u);
  ASSERT_EQ(result.policies[0].violations.size(), 1u);
  EXPECT_EQ(result.policies[0].violations[0].remediation, "Fix it.");
}

}  // namespace
}  // namespace warden::engine
