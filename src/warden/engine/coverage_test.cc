// Coverage counting (coverage.h): rules evaluated / fired / not fired, and the branches
// of conditions with logical operators, for requests (decided rule by rule, without
// plans) and documents (per foreach element). Decisions are unchanged by counting.

#include "warden/engine/coverage.h"

#include <gtest/gtest.h>

#include "warden/data/yaml_reader.h"
#include "warden/engine/engine_test_util.h"

namespace warden::engine {
namespace {

using test_util::BuildEngines;
using test_util::Request;

const CoverageRecorder::Rule& FindRule(const CoverageRecorder& recorder, const std::string& policy,
                                       const std::string& rule) {
  for (const CoverageRecorder::Policy& entry : recorder.policies()) {
    if (entry.name != policy) continue;
    for (const CoverageRecorder::Rule& candidate : entry.rules) {
      if (candidate.id == rule) return candidate;
    }
  }
  ADD_FAILURE() << "no rule " << policy << "/" << rule;
  static const CoverageRecorder::Rule kNone;
  return kNone;
}

constexpr const char* kBundle = R"(apiVersion: warden/v1
kind: Bundle
metadata: {name: coverage}
spec:
  combining: first-match
  default: deny
)";

constexpr const char* kAccess = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: access}
spec:
  rules:
    - id: approve-admin-deletes
      effect: require_approval
      condition: "action == 'data:delete' && (subject.role == 'admin' || !subject.mfa)"
    - id: reads
      effect: allow
      condition: "action == 'data:read'"
)yaml";

TEST(CoverageTest, LeafTextsKeepNamespacedMacrosWhole) {
  constexpr const char* kBind = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: bind}
spec:
  rules:
    - id: r
      condition: "action == 'x' && cel.bind(r, subject.role, r == 'a' || r == 'b')"
)yaml";
  auto engines = BuildEngines({{"bundle.yaml", kBundle}, {"bind.yaml", kBind}}, true);
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  EXPECT_EQ(engines.bundle->policies[0].rules[0].coverage.leaves,
            (std::vector<std::string>{"action == 'x'",
                                      "cel.bind(r, subject.role, r == 'a' || r == 'b')"}));
}

TEST(CoverageTest, RequestsCountRulesAndShortCircuitedBranches) {
  auto engines = BuildEngines({{"bundle.yaml", kBundle}, {"access.yaml", kAccess}}, true);
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  const policy::CompiledRule& rule = engines.bundle->policies[0].rules[0];
  EXPECT_EQ(rule.coverage.leaves,
            (std::vector<std::string>{"action == 'data:delete'", "subject.role == 'admin'",
                                      "subject.mfa"}));
  EXPECT_TRUE(engines.bundle->policies[0].rules[1].coverage.circuit.empty());  // one leaf

  CoverageRecorder recorder;
  recorder.Register(*engines.bundle);
  EvalOptions options;
  options.coverage = &recorder;
  auto decide = [&](const std::string& json) {
    RequestInput request = Request(json);
    RequestDecision counted = engines.indexed->Decide(request, options);
    RequestDecision plain = engines.indexed->Decide(request, {});
    EXPECT_EQ(counted.decision, plain.decision) << json;  // counting changes nothing
    return counted.decision;
  };
  EXPECT_EQ(decide(R"({"subject": {"role": "admin", "mfa": true}, "action": "data:delete"})"),
            Decision::kRequireApproval);
  EXPECT_EQ(decide(R"({"subject": {"role": "dev", "mfa": true}, "action": "data:read"})"),
            Decision::kAllow);

  const CoverageRecorder::Rule& approve = FindRule(recorder, "access", "approve-admin-deletes");
  EXPECT_EQ(approve.evaluated, 2u);
  EXPECT_EQ(approve.fired, 1u);
  EXPECT_EQ(approve.not_fired, 1u);
  ASSERT_EQ(approve.branches.size(), 3u);
  EXPECT_EQ(approve.branches[0].true_count, 1u);
  EXPECT_EQ(approve.branches[0].false_count, 1u);
  // `subject.role == 'admin'` ran once (true); `!subject.mfa` never: `||` stopped first.
  EXPECT_EQ(approve.branches[1].true_count, 1u);
  EXPECT_EQ(approve.branches[1].false_count, 0u);
  EXPECT_EQ(approve.branches[2].true_count + approve.branches[2].false_count, 0u);
  const CoverageRecorder::Rule& reads = FindRule(recorder, "access", "reads");
  EXPECT_EQ(reads.evaluated, 1u);  // first-match: the admin delete never reached it
  EXPECT_EQ(reads.fired, 1u);
}

TEST(CoverageTest, DocumentsCountEachForeachElementAndErrors) {
  constexpr const char* kPods = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: pods}
spec:
  match: {kinds: [Pod]}
  rules:
    - id: privileged
      foreach: "object.spec.containers"
      condition: "item.?securityContext.?privileged.orValue(false)"
      message: "privileged"
    - id: ratio
      condition: "object.spec.used / object.spec.parts > 1"
      message: "ratio"
)yaml";
  auto engines =
      BuildEngines({{"bundle.yaml", "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\n"},
                    {"pods.yaml", kPods}},
                   true);
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  StatusOr<std::vector<data::Document>> documents = data::ReadYaml(R"(kind: Pod
apiVersion: v1
metadata: {name: p}
spec:
  used: 1
  parts: 0
  containers:
    - {name: a, securityContext: {privileged: true}}
    - {name: b}
    - {name: c}
)",
                                                                   "pod.yaml");
  ASSERT_TRUE(documents.ok());
  DocumentInput input;
  input.file = "pod.yaml";
  input.object = (*documents)[0].root;
  input.document_root = input.object;
  input.kind = "Pod";
  input.api_version = "v1";
  CoverageRecorder recorder;
  EvalOptions options;
  options.coverage = &recorder;
  DocumentResult result = engines.indexed->Check(input, options);
  ASSERT_EQ(result.policies.size(), 1u);
  EXPECT_EQ(result.policies[0].violations.size(), 1u);
  const CoverageRecorder::Rule& privileged = FindRule(recorder, "pods", "privileged");
  EXPECT_EQ(privileged.evaluated, 3u);
  EXPECT_EQ(privileged.fired, 1u);
  EXPECT_EQ(privileged.not_fired, 2u);
  const CoverageRecorder::Rule& ratio = FindRule(recorder, "pods", "ratio");
  EXPECT_EQ(ratio.evaluated, 1u);
  EXPECT_EQ(ratio.errors, 1u);  // division by zero
  EXPECT_EQ(ratio.fired + ratio.not_fired, 0u);
}

TEST(CoverageTest, RegisteredRulesThatNoInputReachedStayAtZero) {
  auto engines = BuildEngines({{"bundle.yaml", kBundle}, {"access.yaml", kAccess}}, true);
  ASSERT_TRUE(engines.errors.empty()) << engines.errors;
  CoverageRecorder recorder;
  recorder.Register(*engines.bundle);
  recorder.Register(*engines.bundle);  // idempotent
  ASSERT_EQ(recorder.policies().size(), 1u);
  ASSERT_EQ(recorder.policies()[0].rules.size(), 2u);
  EXPECT_EQ(recorder.policies()[0].rules[1].evaluated, 0u);
  EXPECT_EQ(recorder.policies()[0].rules[0].branches.size(), 3u);
}

}  // namespace
}  // namespace warden::engine
