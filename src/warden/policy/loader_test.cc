#include "warden/policy/loader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace warden::policy {
namespace {

struct Loaded {
  PolicySet set;
  Diagnostics diagnostics;
};

Loaded Load(const std::string& text, const std::string& file = "p.yaml") {
  Loaded loaded;
  LoadText(text, file, loaded.set, loaded.diagnostics);
  return loaded;
}

// `code@line:column` of every diagnostic, for readable failures.
std::vector<std::string> Codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    out.push_back(diagnostic.code + "@" + std::to_string(diagnostic.location.position.line) + ":" +
                  std::to_string(diagnostic.location.position.column));
  }
  return out;
}

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.items())
    out += FormatDiagnostic(diagnostic) + "\n";
  return out;
}

std::string At(const SourcePosition& position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

constexpr char kPolicyHeader[] =
    "apiVersion: warden/v1\n"
    "kind: Policy\n"
    "metadata:\n"
    "  name: p\n";

constexpr char kFullPolicy[] = R"yaml(apiVersion: warden/v1
kind: Policy
metadata:
  name: privileged-containers
  title: Privileged containers are disallowed
  description: No container may run privileged.
  type: security
  severity: high
  owner: platform-security
  labels: {standard: pss-baseline}
  controls: ["pss:baseline", "cis-k8s:5.2.1"]
abstract: false
extends: [pod-controls-base]
spec:
  enforcement: warn
  overridable: true
  on_error: allow
  match:
    kinds: [Pod, Deployment]
    namespaces: [default]
    actions: ["data:read"]
    resources: ["dataset://phi/*"]
    subjects: ["role:analyst"]
    environments: [prod]
    when: "object.metadata.namespace != 'kube-system'"
  params:
    allowed_registries: {type: "list(string)", default: ["registry.example.com/"], description: where images may come from}
    max_replicas: {type: int}
  let:
    containers: "object.spec.containers"
  rules:
    - id: no-privileged
      title: Containers must not be privileged
      effect: require_approval
      priority: 10
      severity: critical
      foreach: "containers"
      condition: "item.?securityContext.?privileged.orValue(false)"
      message: "container {{item.name}} runs privileged"
      path: "spec.containers[{{index}}].securityContext.privileged"
      remediation: |
        Remove `privileged: true`.
      controls: ["cis-k8s:5.2.1"]
      approvers: [security-team]
    - id: second
)yaml";

TEST(LoaderTest, LoadsEveryFieldOfAPolicy) {
  Loaded loaded = Load(kFullPolicy);
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  const PolicyDoc& policy = loaded.set.policies[0];
  EXPECT_EQ(policy.file, "p.yaml");
  EXPECT_EQ(policy.document_index, 0u);
  EXPECT_EQ(At(policy.position), "1:1");
  const Metadata& meta = policy.metadata;
  EXPECT_EQ(meta.name.value, "privileged-containers");
  EXPECT_EQ(At(meta.name.position), "4:9");
  ASSERT_TRUE(meta.title.has_value());
  EXPECT_EQ(meta.title->value, "Privileged containers are disallowed");
  EXPECT_EQ(meta.description, "No container may run privileged.");
  EXPECT_EQ(meta.type, PolicyType::kSecurity);
  EXPECT_EQ(meta.severity, Severity::kHigh);
  ASSERT_TRUE(meta.owner.has_value());
  EXPECT_EQ(meta.owner->value, "platform-security");
  EXPECT_EQ(meta.labels, (std::map<std::string, std::string>{{"standard", "pss-baseline"}}));
  ASSERT_TRUE(meta.controls.has_value());
  ASSERT_EQ(meta.controls->size(), 2u);
  EXPECT_EQ((*meta.controls)[1].value, "cis-k8s:5.2.1");
  EXPECT_FALSE(meta.version.has_value());
  EXPECT_FALSE(policy.abstract);
  ASSERT_EQ(policy.extends.size(), 1u);
  EXPECT_EQ(policy.extends[0].value, "pod-controls-base");

  EXPECT_EQ(policy.enforcement, Enforcement::kWarn);
  EXPECT_EQ(At(policy.enforcement_position), "15:16");
  EXPECT_EQ(policy.overridable, true);
  EXPECT_EQ(policy.on_error, OnError::kAllow);
  const MatchDoc& match = policy.match;
  ASSERT_TRUE(match.kinds && match.namespaces && match.actions && match.resources &&
              match.subjects && match.environments && match.when);
  EXPECT_EQ(match.kinds->size(), 2u);
  EXPECT_EQ((*match.kinds)[1].value, "Deployment");
  EXPECT_EQ((*match.namespaces)[0].value, "default");
  EXPECT_EQ((*match.actions)[0].value, "data:read");
  EXPECT_EQ((*match.resources)[0].value, "dataset://phi/*");
  EXPECT_EQ((*match.subjects)[0].value, "role:analyst");
  EXPECT_EQ((*match.environments)[0].value, "prod");
  EXPECT_EQ(match.when->value, "object.metadata.namespace != 'kube-system'");
  EXPECT_EQ(At(match.when->origin), "25:12");
  EXPECT_EQ(At(match.position), "19:5");

  ASSERT_EQ(policy.params.size(), 2u);
  const ParamDecl& registries = policy.params[0];
  EXPECT_EQ(registries.name.value, "allowed_registries");
  EXPECT_EQ(At(registries.name.position), "27:5");
  EXPECT_EQ(registries.type.value, "list(string)");
  ASSERT_NE(registries.default_value, nullptr);
  EXPECT_TRUE(registries.default_value->is_list());
  EXPECT_EQ(registries.description, "where images may come from");
  EXPECT_EQ(policy.params[1].name.value, "max_replicas");
  EXPECT_EQ(policy.params[1].default_value, nullptr);

  ASSERT_EQ(policy.lets.size(), 1u);
  EXPECT_EQ(policy.lets[0].name.value, "containers");
  EXPECT_EQ(policy.lets[0].expression.value, "object.spec.containers");
  EXPECT_EQ(At(policy.lets[0].expression.origin), "30:18");

  ASSERT_EQ(policy.rules.size(), 2u);
  const RuleDoc& rule = policy.rules[0];
  EXPECT_EQ(rule.id.value, "no-privileged");
  EXPECT_EQ(At(rule.position), "32:7");
  ASSERT_TRUE(rule.title.has_value());
  EXPECT_EQ(rule.effect, Effect::kRequireApproval);
  EXPECT_EQ(At(rule.effect_position), "34:15");
  EXPECT_EQ(rule.priority, 10);
  EXPECT_EQ(rule.severity, Severity::kCritical);
  ASSERT_TRUE(rule.foreach && rule.condition && rule.message && rule.path && rule.remediation &&
              rule.controls && rule.approvers);
  EXPECT_EQ(rule.foreach->value, "containers");
  EXPECT_EQ(rule.condition->value, "item.?securityContext.?privileged.orValue(false)");
  EXPECT_EQ(At(rule.condition->position), "38:18");
  EXPECT_EQ(At(rule.condition->origin), "38:19");
  EXPECT_EQ(rule.message->value, "container {{item.name}} runs privileged");
  EXPECT_EQ(rule.path->value, "spec.containers[{{index}}].securityContext.privileged");
  EXPECT_EQ(rule.remediation->value, "Remove `privileged: true`.\n");
  EXPECT_EQ(At(rule.remediation->origin), "42:9");
  EXPECT_EQ(rule.controls->size(), 1u);
  EXPECT_EQ((*rule.approvers)[0].value, "security-team");

  // Fields a document leaves out stay unset, for inheritance.
  const RuleDoc& bare = policy.rules[1];
  EXPECT_EQ(bare.id.value, "second");
  EXPECT_FALSE(bare.effect || bare.priority || bare.severity || bare.condition || bare.title);
}

TEST(LoaderTest, KeepsTheSourceTextAndTheNodeStorage) {
  Loaded loaded = Load(kFullPolicy, "dir/p.yaml");
  ASSERT_EQ(loaded.set.sources.count("dir/p.yaml"), 1u);
  EXPECT_EQ(loaded.set.sources["dir/p.yaml"], kFullPolicy);
  EXPECT_EQ(loaded.set.storage.size(), 1u);
}

TEST(LoaderTest, LoadsEveryFieldOfABundle) {
  Loaded loaded = Load(R"yaml(apiVersion: warden/v1
kind: Bundle
metadata: {name: acme-platform, version: 1.4.0, title: Acme, description: d, owner: o, labels: {a: b}}
spec:
  policies: ["policies/**/*.yaml"]
  tests: ["tests/**/*.yaml"]
  exceptions: ["exceptions/*.yaml"]
  include:
    - template: builtin:pss-restricted
    - template: builtin:terraform-aws
      params: {allowed_regions: [eu-west-1]}
    - bundle: ../shared
  params:
    costly-instances: {max: 3}
  combining: first-match
  default: deny
  environments:
    dev:  {enforcement: warn}
    test: {enforcement: enforce, policies: {costly-instances: warn}}
)yaml",
                       "repo/bundle.yaml");
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.bundles.size(), 1u);
  const BundleDoc& bundle = loaded.set.bundles[0];
  EXPECT_EQ(bundle.file, "repo/bundle.yaml");
  EXPECT_EQ(bundle.directory, "repo");
  EXPECT_EQ(bundle.metadata.name.value, "acme-platform");
  ASSERT_TRUE(bundle.metadata.version.has_value());
  EXPECT_EQ(bundle.metadata.version->value, "1.4.0");
  EXPECT_EQ(bundle.metadata.labels.at("a"), "b");
  ASSERT_EQ(bundle.policies.size(), 1u);
  EXPECT_EQ(bundle.policies[0].value, "policies/**/*.yaml");
  EXPECT_EQ(bundle.tests.size(), 1u);
  EXPECT_EQ(bundle.exceptions.size(), 1u);
  ASSERT_EQ(bundle.includes.size(), 3u);
  ASSERT_TRUE(bundle.includes[0].template_name.has_value());
  EXPECT_EQ(bundle.includes[0].template_name->value, "builtin:pss-restricted");
  EXPECT_EQ(bundle.includes[0].params, nullptr);
  ASSERT_NE(bundle.includes[1].params, nullptr);
  EXPECT_NE(bundle.includes[1].params->Find("allowed_regions"), nullptr);
  EXPECT_EQ(At(bundle.includes[1].position), "10:7");
  ASSERT_TRUE(bundle.includes[2].bundle.has_value());
  EXPECT_FALSE(bundle.includes[2].template_name.has_value());
  EXPECT_EQ(bundle.includes[2].bundle->value, "../shared");
  ASSERT_NE(bundle.params, nullptr);
  EXPECT_NE(bundle.params->Find("costly-instances"), nullptr);
  EXPECT_EQ(bundle.combining, Combining::kFirstMatch);
  EXPECT_EQ(bundle.default_effect, Effect::kDeny);
  ASSERT_EQ(bundle.environments.size(), 2u);
  EXPECT_EQ(bundle.environments[0].name.value, "dev");
  EXPECT_EQ(bundle.environments[0].enforcement, Enforcement::kWarn);
  EXPECT_TRUE(bundle.environments[0].policies.empty());
  EXPECT_EQ(bundle.environments[1].name.value, "test");
  EXPECT_EQ(bundle.environments[1].policies.at("costly-instances"), Enforcement::kWarn);
  EXPECT_EQ(At(bundle.environments[1].position), "19:5");
}

TEST(LoaderTest, BundleDirectoryIsTheManifestDirectory) {
  struct Case {
    const char* file;
    const char* directory;
  };
  for (const Case& test : {Case{"bundle.yaml", "."}, Case{"a/b/bundle.yaml", "a/b"},
                           Case{"/abs/bundle.yaml", "/abs"}}) {
    SCOPED_TRACE(test.file);
    Loaded loaded = Load("apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\n", test.file);
    ASSERT_EQ(loaded.set.bundles.size(), 1u) << Dump(loaded.diagnostics);
    EXPECT_EQ(loaded.set.bundles[0].directory, test.directory);
  }
}

TEST(LoaderTest, LoadsEveryFieldOfAnException) {
  Loaded loaded = Load(R"yaml(apiVersion: warden/v1
kind: Exception
metadata: {name: legacy-agent-privileged, owner: sre}
spec:
  policy: privileged-containers
  rules: [no-privileged]
  targets:
    kinds: [DaemonSet]
    namespaces: [monitoring]
    names: [node-exporter]
    files: ["deploy/*.yaml"]
    subjects: ["user:bob"]
    resources: ["db://x"]
    actions: ["read"]
  justification: needs host metrics
  requested_by: alice
  approved_by: [carol, dave]
  expires: 2027-01-31T00:00:00Z
  environments: [prod]
)yaml");
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.exceptions.size(), 1u);
  const ExceptionDoc& exception = loaded.set.exceptions[0];
  EXPECT_EQ(exception.metadata.name.value, "legacy-agent-privileged");
  EXPECT_EQ(exception.policy.value, "privileged-containers");
  ASSERT_EQ(exception.rules.size(), 1u);
  EXPECT_EQ(exception.rules[0].value, "no-privileged");
  EXPECT_EQ(exception.targets.kinds[0].value, "DaemonSet");
  EXPECT_EQ(exception.targets.namespaces[0].value, "monitoring");
  EXPECT_EQ(exception.targets.names[0].value, "node-exporter");
  EXPECT_EQ(exception.targets.files[0].value, "deploy/*.yaml");
  EXPECT_EQ(exception.targets.subjects[0].value, "user:bob");
  EXPECT_EQ(exception.targets.resources[0].value, "db://x");
  EXPECT_EQ(exception.targets.actions[0].value, "read");
  EXPECT_EQ(exception.justification.value, "needs host metrics");
  ASSERT_TRUE(exception.requested_by.has_value());
  EXPECT_EQ(exception.requested_by->value, "alice");
  ASSERT_EQ(exception.approved_by.size(), 2u);
  ASSERT_TRUE(exception.expires.has_value());
  EXPECT_EQ(exception.expires->value, "2027-01-31T00:00:00Z");
  EXPECT_EQ(exception.expires_seconds, 1801353600);
  ASSERT_EQ(exception.environments.size(), 1u);
}

TEST(LoaderTest, AnExceptionWithAnyErrorIsLeftOut) {
  const char* cases[] = {
      // missing expires
      "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
      "spec: {policy: p, justification: j}\n",
      // bad expires
      "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
      "spec: {policy: p, justification: j, expires: tomorrow}\n",
      // unknown field in targets
      "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
      "spec: {policy: p, justification: j, expires: 2027-01-31T00:00:00Z, targets: {kind: [A]}}\n",
      // no spec
      "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n",
  };
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    Loaded loaded = Load(text);
    EXPECT_TRUE(loaded.diagnostics.has_errors());
    EXPECT_TRUE(loaded.set.exceptions.empty());
  }
}

TEST(LoaderTest, LoadsATestDocumentKeepingEachCaseNode) {
  Loaded loaded = Load(R"yaml(apiVersion: warden/v1
kind: Test
metadata: {name: privileged-containers}
spec:
  cases:
    - name: privileged pod is denied
      input: {file: fixtures/privileged-pod.yaml}
      environment: prod
      expect:
        outcome: fail
        violations: [{policy: privileged-containers, rule: no-privileged, count: 1}]
    - name: a request
      description: d
      request: {subject: {id: u}, action: read}
      params: {p: {x: 1}}
      now: "2026-01-01T00:00:00Z"
      exceptions: []
      expect_error: true
    - name: inline
      document: {kind: Pod}
)yaml");
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.tests.size(), 1u);
  const TestDoc& test = loaded.set.tests[0];
  EXPECT_EQ(test.metadata.name.value, "privileged-containers");
  ASSERT_EQ(test.cases.size(), 3u);
  EXPECT_EQ(test.cases[0].name.value, "privileged pod is denied");
  EXPECT_EQ(At(test.cases[0].position), "6:7");
  ASSERT_NE(test.cases[0].node, nullptr);
  ASSERT_NE(test.cases[0].node->Find("expect"), nullptr);
  EXPECT_NE(test.cases[0].node->Find("expect")->Find("violations"), nullptr);
  EXPECT_NE(test.cases[1].node->Find("request"), nullptr);
  EXPECT_EQ(test.cases[2].name.value, "inline");
}

TEST(LoaderTest, TestCasesMustBeMapsWithAName) {
  Loaded loaded = Load(
      "apiVersion: warden/v1\nkind: Test\nmetadata: {name: t}\n"
      "spec:\n"
      "  cases:\n"
      "    - {input: {file: x}}\n"
      "    - just text\n"
      "    - {name: ok, expcet: {outcome: pass}}\n");
  EXPECT_EQ(Codes(loaded.diagnostics),
            (std::vector<std::string>{"E104@6:7", "E102@7:7", "E101@8:18"}));
  ASSERT_EQ(loaded.set.tests.size(), 1u);
  ASSERT_EQ(loaded.set.tests[0].cases.size(), 1u);
  EXPECT_EQ(loaded.set.tests[0].cases[0].name.value, "ok");
}

struct CodeCase {
  const char* name;
  std::string text;
  const char* code;
  uint32_t line;
  uint32_t column;
};

TEST(LoaderTest, ReportsEachDiagnosticCodeAtItsPosition) {
  const std::string header = kPolicyHeader;
  const std::vector<CodeCase> cases = {
      {"duplicate YAML key", "a: 1\na: 2\n", "E100", 2, 1},
      {"malformed YAML", "apiVersion: warden/v1\nkind: [Policy\n", "E100", 3, 1},
      {"unknown field", header + "  sevrity: high\n", "E101", 5, 3},
      {"unknown top-level field", header + "rules: []\n", "E101", 5, 1},
      {"wrong type", header + "spec:\n  match:\n    kinds: {a: b}\n", "E102", 7, 12},
      {"string expected", header + "  title: 12\n", "E102", 5, 10},
      {"list of strings expected", header + "  controls: [a, [b]]\n", "E102", 5, 17},
      {"empty control id", header + "  controls: [\"\"]\n", "E102", 5, 14},
      {"non-map document", "- a\n- b\n", "E102", 1, 1},
      {"scalar document", "just text\n", "E102", 1, 1},
      {"integer out of range",
       header + "spec:\n  rules:\n    - id: r\n      priority: 99999999999999999999\n", "E102", 8,
       17},
      {"both template and bundle",
       "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\n"
       "spec:\n  include:\n    - {template: t, bundle: b}\n",
       "E102", 6, 21},
      {"bad enum value", header + "  severity: critcal\n", "E103", 5, 13},
      {"bad effect", header + "spec:\n  rules:\n    - {id: r, effect: block}\n", "E103", 7, 23},
      {"bad default effect",
       "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\nspec:\n  default: warn\n", "E103",
       5, 12},
      {"missing metadata.name", "apiVersion: warden/v1\nkind: Policy\nmetadata:\n  title: t\n",
       "E104", 4, 3},
      {"missing metadata", "apiVersion: warden/v1\nkind: Policy\n", "E104", 1, 1},
      {"missing rule id", header + "spec:\n  rules:\n    - condition: 'true'\n", "E104", 7, 7},
      {"missing param type", header + "spec:\n  params:\n    x: {default: 1}\n", "E104", 7, 8},
      {"missing exception policy",
       "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
       "spec:\n  justification: j\n  expires: 2027-01-31T00:00:00Z\n",
       "E104", 5, 3},
      {"missing include target",
       "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\n"
       "spec:\n  include:\n    - params: {}\n",
       "E104", 6, 7},
      {"missing apiVersion", "kind: Policy\nmetadata: {name: p}\n", "E105", 1, 1},
      {"wrong apiVersion", "apiVersion: v1\nkind: Pod\n", "E105", 1, 13},
      {"missing kind", "apiVersion: warden/v1\nmetadata: {name: p}\n", "E105", 1, 1},
      {"unknown kind", "apiVersion: warden/v1\nkind: Polcy\n", "E105", 2, 7},
      {"bad policy name", "apiVersion: warden/v1\nkind: Policy\nmetadata:\n  name: Bad_Name\n",
       "E106", 4, 9},
      {"name too long",
       "apiVersion: warden/v1\nkind: Policy\nmetadata:\n  name: " + std::string(64, 'a') + "\n",
       "E106", 4, 9},
      {"bad rule id", header + "spec:\n  rules:\n    - id: no privileged\n", "E106", 7, 11},
      {"bad let name", header + "spec:\n  let:\n    my-let: '1'\n", "E106", 7, 5},
      {"reserved let name", header + "spec:\n  let:\n    in: '1'\n", "E106", 7, 5},
      {"bad param name", header + "spec:\n  params:\n    9x: {type: int}\n", "E106", 7, 5},
      {"bad extends name", header + "extends: Parent\n", "E106", 5, 10},
      {"duplicate rule id", header + "spec:\n  rules:\n    - id: r\n    - id: s\n    - id: r\n",
       "E111", 9, 11},
      {"let hides a variable", header + "spec:\n  let:\n    object: '1'\n", "E112", 7, 5},
      {"invalid expires",
       "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
       "spec:\n  policy: p\n  justification: j\n  expires: 2027-01-31\n",
       "E113", 7, 12},
      {"expires out of range",
       "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\n"
       "spec:\n  policy: p\n  justification: j\n  expires: 0000-01-01T00:00:00Z\n",
       "E113", 7, 12},
  };
  for (const CodeCase& test : cases) {
    SCOPED_TRACE(test.name);
    Loaded loaded = Load(test.text);
    ASSERT_EQ(loaded.diagnostics.items().size(), 1u) << Dump(loaded.diagnostics);
    const Diagnostic& diagnostic = loaded.diagnostics.items()[0];
    EXPECT_EQ(diagnostic.code, test.code) << Dump(loaded.diagnostics);
    EXPECT_EQ(diagnostic.severity, DiagnosticSeverity::kError);
    EXPECT_EQ(diagnostic.location.file, "p.yaml");
    EXPECT_EQ(At(diagnostic.location.position),
              std::to_string(test.line) + ":" + std::to_string(test.column))
        << Dump(loaded.diagnostics);
    EXPECT_FALSE(diagnostic.message.empty());
  }
}

TEST(LoaderTest, UnknownFieldSuggestsTheClosestName) {
  Loaded loaded = Load(std::string(kPolicyHeader) + "  sevrity: high\n");
  ASSERT_EQ(loaded.diagnostics.items().size(), 1u);
  EXPECT_EQ(loaded.diagnostics.items()[0].code, "E101");
  EXPECT_NE(loaded.diagnostics.items()[0].help.find("`severity`"), std::string::npos);
}

TEST(LoaderTest, FieldWrittenAboveItsSectionPointsToIt) {
  Loaded loaded = Load(std::string(kPolicyHeader) + "rules: []\n");
  ASSERT_EQ(loaded.diagnostics.items().size(), 1u);
  EXPECT_NE(loaded.diagnostics.items()[0].help.find("`spec`"), std::string::npos);
}

TEST(LoaderTest, BadEnumValueSuggestsOrListsTheAllowedValues) {
  struct Case {
    const char* value;
    const char* expected_in_help;
  };
  for (const Case& test : {Case{"critcal", "`critical`"}, Case{"urgent", "`info`"}}) {
    SCOPED_TRACE(test.value);
    Loaded loaded = Load(std::string(kPolicyHeader) + "  severity: " + test.value + "\n");
    ASSERT_EQ(loaded.diagnostics.items().size(), 1u);
    EXPECT_EQ(loaded.diagnostics.items()[0].code, "E103");
    EXPECT_NE(loaded.diagnostics.items()[0].help.find(test.expected_in_help), std::string::npos);
  }
}

TEST(LoaderTest, CollectsEveryProblemInsteadOfStoppingAtTheFirst) {
  Loaded loaded = Load(std::string(kPolicyHeader) +
                       "  sevrity: high\n"
                       "  type: securty\n"
                       "spec:\n"
                       "  enforcement: block\n"
                       "  rules:\n"
                       "    - {id: a, priority: high}\n"
                       "    - {id: a}\n");
  EXPECT_EQ(
      Codes(loaded.diagnostics),
      (std::vector<std::string>{"E101@5:3", "E103@6:9", "E103@8:16", "E102@10:25", "E111@11:12"}));
  // The document is still loaded with its valid parts.
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  EXPECT_EQ(loaded.set.policies[0].rules.size(), 1u);
  EXPECT_FALSE(loaded.set.policies[0].enforcement.has_value());
}

TEST(LoaderTest, DuplicateRuleIdKeepsTheFirstRule) {
  Loaded loaded =
      Load(std::string(kPolicyHeader) +
           "spec:\n  rules:\n    - {id: r, condition: a}\n    - {id: r, condition: b}\n");
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  ASSERT_EQ(loaded.set.policies[0].rules.size(), 1u);
  EXPECT_EQ(loaded.set.policies[0].rules[0].condition->value, "a");
}

TEST(LoaderTest, ConditionIsNotRequiredAtLoadTime) {
  Loaded loaded =
      Load(std::string(kPolicyHeader) + "extends: base\nspec:\n  rules:\n    - id: r\n");
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  EXPECT_FALSE(loaded.set.policies[0].rules[0].condition.has_value());
}

TEST(LoaderTest, MatchListsAcceptASingleString) {
  Loaded loaded = Load(std::string(kPolicyHeader) +
                       "spec:\n  match:\n    kinds: Pod\n    actions: \"data:*\"\n"
                       "    namespaces: [a, b]\n");
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  const MatchDoc& match = loaded.set.policies[0].match;
  ASSERT_TRUE(match.kinds.has_value());
  ASSERT_EQ(match.kinds->size(), 1u);
  EXPECT_EQ((*match.kinds)[0].value, "Pod");
  EXPECT_EQ(At((*match.kinds)[0].position), "7:12");
  ASSERT_EQ(match.actions->size(), 1u);
  EXPECT_EQ((*match.actions)[0].value, "data:*");
  EXPECT_EQ(At((*match.actions)[0].origin), "8:15");
  EXPECT_EQ(match.namespaces->size(), 2u);
  EXPECT_FALSE(match.subjects.has_value());
}

TEST(LoaderTest, OtherListsDoNotAcceptASingleString) {
  Loaded loaded = Load(std::string(kPolicyHeader) + "  controls: soc2:CC6.1\n");
  EXPECT_EQ(Codes(loaded.diagnostics), (std::vector<std::string>{"E102@5:13"}));
}

TEST(LoaderTest, ExtendsTakesAStringOrAList) {
  struct Case {
    const char* extends;
    std::vector<std::string> parents;
  };
  for (const Case& test : {Case{"base", {"base"}}, Case{"[a, b]", {"a", "b"}},
                           Case{"\n  - a\n  - b", {"a", "b"}}, Case{"[]", {}}}) {
    SCOPED_TRACE(test.extends);
    Loaded loaded = Load(std::string(kPolicyHeader) + "extends: " + test.extends + "\n");
    EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
    ASSERT_EQ(loaded.set.policies.size(), 1u);
    std::vector<std::string> parents;
    for (const Text& parent : loaded.set.policies[0].extends) parents.push_back(parent.value);
    EXPECT_EQ(parents, test.parents);
  }
}

TEST(LoaderTest, AbstractPolicies) {
  Loaded loaded = Load(std::string(kPolicyHeader) + "abstract: true\n");
  ASSERT_EQ(loaded.set.policies.size(), 1u);
  EXPECT_TRUE(loaded.set.policies[0].abstract);
}

struct OriginCase {
  const char* name;
  std::string yaml;  // the value of `when:`, starting on the line of the key
  std::string value;
  const char* position;
  const char* origin;
};

TEST(LoaderTest, OriginIsTheFirstCharacterOfTheString) {
  // `when:` is on line 7; the value starts at column 11.
  const std::vector<OriginCase> cases = {
      {"plain", "a == b", "a == b", "7:11", "7:11"},
      {"double-quoted", "\"a == b\"", "a == b", "7:11", "7:12"},
      {"double-quoted with escapes", "\"\\t\\\"x\"", "\t\"x", "7:11", "7:12"},
      {"single-quoted", "'a == ''b'''", "a == 'b'", "7:11", "7:12"},
      {"literal", "|\n      a == b\n      && c\n", "a == b\n&& c\n", "7:11", "8:7"},
      {"literal strip", "|-\n      a == b\n", "a == b", "7:11", "8:7"},
      {"literal keep with comment", "|+ # note\n      a\n", "a\n", "7:11", "8:7"},
      {"folded", ">\n      a ==\n      b\n", "a == b\n", "7:11", "8:7"},
      {"folded with indentation indicator", ">2\n        a\n", "  a\n", "7:11", "8:7"},
      {"literal after blank lines", "|\n\n      a\n", "\na\n", "7:11", "8:1"},
      {"tagged double-quoted", "!!str \"x\"", "x", "7:11", "7:18"},
      {"anchored single-quoted", "&w 'x'", "x", "7:11", "7:15"},
      {"tag then block on the next line", "!!str\n      |\n        x\n", "x\n", "7:11", "9:9"},
      {"non-ASCII before", "'\xC3\xA9t\xC3\xA9'", "\xC3\xA9t\xC3\xA9", "7:11", "7:12"},
  };
  for (const OriginCase& test : cases) {
    SCOPED_TRACE(test.name);
    Loaded loaded = Load(std::string(kPolicyHeader) + "spec:\n  match:\n    when: " + test.yaml +
                         (test.yaml.back() == '\n' ? "" : "\n"));
    ASSERT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
    ASSERT_EQ(loaded.set.policies.size(), 1u);
    const std::optional<Text>& when = loaded.set.policies[0].match.when;
    ASSERT_TRUE(when.has_value());
    EXPECT_EQ(when->value, test.value);
    EXPECT_EQ(At(when->position), test.position);
    EXPECT_EQ(At(when->origin), test.origin);
  }
}

TEST(LoaderTest, OriginFollowsLineBreaksAsTheYamlReaderCountsThem) {
  struct Case {
    const char* name;
    std::string text;
    const char* position;
    const char* origin;
  };
  const std::string body = "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: p}\n";
  const std::vector<Case> cases = {
      {"LF", body + "spec: {match: {when: \"x\"}}\n", "4:22", "4:23"},
      {"CRLF",
       "apiVersion: warden/v1\r\nkind: Policy\r\nmetadata: {name: p}\r\n"
       "spec: {match: {when: \"x\"}}\r\n",
       "4:22", "4:23"},
      {"CR",
       "apiVersion: warden/v1\rkind: Policy\rmetadata: {name: p}\r"
       "spec: {match: {when: \"x\"}}\r",
       "4:22", "4:23"},
      // libyaml also breaks lines at U+0085 and U+2028.
      {"NEL and LS in a comment and a string",
       "apiVersion: warden/v1 # a\xC2\x85"
       "kind: Policy\n"
       "metadata: {name: p, title: \"a\xE2\x80\xA8"
       "b\"}\n"
       "spec: {match: {when: \"x\"}}\n",
       "5:22", "5:23"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    Loaded loaded = Load(test.text);
    ASSERT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
    ASSERT_EQ(loaded.set.policies.size(), 1u);
    const std::optional<Text>& when = loaded.set.policies[0].match.when;
    ASSERT_TRUE(when.has_value());
    EXPECT_EQ(At(when->position), test.position);
    EXPECT_EQ(At(when->origin), test.origin);
  }
}

TEST(LoaderTest, LoadsEveryDocumentOfAStreamAndSkipsEmptyOnes) {
  Loaded loaded = Load(std::string(kPolicyHeader) +
                       "---\n"
                       "---\n"
                       "apiVersion: warden/v1\nkind: Test\nmetadata: {name: t}\nspec: {cases: []}\n"
                       "---\n" +
                       kPolicyHeader);
  EXPECT_TRUE(loaded.diagnostics.empty()) << Dump(loaded.diagnostics);
  ASSERT_EQ(loaded.set.policies.size(), 2u);
  EXPECT_EQ(loaded.set.policies[0].document_index, 0u);
  EXPECT_EQ(loaded.set.policies[1].document_index, 3u);
  ASSERT_EQ(loaded.set.tests.size(), 1u);
  EXPECT_EQ(loaded.set.tests[0].document_index, 2u);
  EXPECT_EQ(loaded.set.storage.size(), 1u);
}

TEST(LoaderTest, LeavesOutDocumentsOfOtherKinds) {
  Loaded loaded = Load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n---\n"
      "apiVersion: warden/v2\nkind: Policy\nmetadata: {name: p}\n---\n" +
      std::string(kPolicyHeader));
  EXPECT_EQ(Codes(loaded.diagnostics), (std::vector<std::string>{"E105@1:13", "E105@5:13"}));
  EXPECT_EQ(loaded.set.policies.size(), 1u);
}

TEST(LoaderTest, IncludeEntriesNeedExactlyOneOfTemplateOrBundle) {
  Loaded loaded = Load(
      "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b}\n"
      "spec:\n  include:\n"
      "    - {template: t, bundle: b}\n"
      "    - {params: {}}\n"
      "    - {template: ok}\n");
  EXPECT_EQ(Codes(loaded.diagnostics), (std::vector<std::string>{"E102@6:21", "E104@7:7"}));
  ASSERT_EQ(loaded.set.bundles.size(), 1u);
  ASSERT_EQ(loaded.set.bundles[0].includes.size(), 1u);
  EXPECT_EQ(loaded.set.bundles[0].includes[0].template_name->value, "ok");
}

TEST(LoaderTest, MissingFileIsE100AtTheFile) {
  PolicySet set;
  Diagnostics diagnostics;
  LoadFile("/nonexistent/warden/policy.yaml", set, diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].code, "E100");
  EXPECT_EQ(diagnostics.items()[0].location.file, "/nonexistent/warden/policy.yaml");
  EXPECT_TRUE(set.policies.empty());
}

TEST(LoaderTest, LoadFileReadsTheFile) {
  const char* source_dir = std::getenv("WARDEN_SOURCE_DIR");
  if (source_dir == nullptr) GTEST_SKIP() << "WARDEN_SOURCE_DIR is not set";
  const std::string path = std::string(source_dir) + "/fuzz/corpus/policy_loader_fuzz/policy.yaml";
  PolicySet set;
  Diagnostics diagnostics;
  LoadFile(path, set, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << Dump(diagnostics);
  EXPECT_EQ(set.policies.size(), 1u);
  EXPECT_EQ(set.sources.count(path), 1u);
}

TEST(LoaderTest, ReaderLimitsBoundHostileInput) {
  LoadOptions options;
  options.limits.max_depth = 50;
  options.limits.max_expanded_nodes = 10'000;
  struct Case {
    const char* name;
    std::string text;
  };
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    std::string previous(1, static_cast<char>(level - 1));
    laughs += std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous + ", *" +
              previous + ", *" + previous + ", *" + previous + ", *" + previous + "]\n";
  }
  for (const Case& test : {Case{"deep flow", std::string(10'000, '[')},
                           Case{"deep block",
                                [] {
                                  std::string text;
                                  for (int depth = 0; depth < 200; ++depth) {
                                    text +=
                                        std::string(static_cast<size_t>(depth) * 2, ' ') + "k:\n";
                                  }
                                  return text;
                                }()},
                           Case{"billion laughs", laughs}}) {
    SCOPED_TRACE(test.name);
    PolicySet set;
    Diagnostics diagnostics;
    LoadText(test.text, "h.yaml", set, diagnostics, options);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "E100");
    EXPECT_TRUE(diagnostics.items()[0].location.position.known());
  }
}

TEST(LoaderTest, ManyBadValuesStayWithinTheDiagnosticCap) {
  std::string text = std::string(kPolicyHeader) + "spec:\n  rules:\n";
  for (int rule_idx = 0; rule_idx < 3000; ++rule_idx) text += "    - {id: r, severity: x}\n";
  PolicySet set;
  Diagnostics diagnostics(100);
  LoadText(text, "p.yaml", set, diagnostics);
  EXPECT_EQ(diagnostics.items().size(), 100u);
  EXPECT_GT(diagnostics.dropped(), 0u);
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    EXPECT_TRUE(diagnostic.location.position.known()) << FormatDiagnostic(diagnostic);
  }
}

TEST(LoaderTest, EveryDiagnosticHasAFileLineAndColumn) {
  // A document with many kinds of mistakes at once.
  Loaded loaded = Load(R"yaml(apiVersion: warden/v1
kind: Policy
metadata:
  name: Bad
  labels: {a: 1}
  controls: x
abstract: maybe
extends: {a: b}
spec:
  overridable: "yes"
  on_error: ignore
  match: []
  params: {x: 1, y: {type: [int]}}
  let: {ok: 1}
  rules:
    - 1
    - {id: [x]}
    - {id: r, foreach: {}, approvers: a}
---
[1, 2]
---
apiVersion: warden/v1
kind: Exception
metadata: {}
spec: []
)yaml");
  EXPECT_GE(loaded.diagnostics.items().size(), 15u) << Dump(loaded.diagnostics);
  for (const Diagnostic& diagnostic : loaded.diagnostics.items()) {
    EXPECT_EQ(diagnostic.location.file, "p.yaml");
    EXPECT_TRUE(diagnostic.location.position.known()) << FormatDiagnostic(diagnostic);
    EXPECT_FALSE(diagnostic.message.empty());
    EXPECT_NE(diagnostic.message.back(), '.');
  }
}

}  // namespace
}  // namespace warden::policy
