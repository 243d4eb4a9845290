// DiffBundles: every kind of change between two bundles, renames, inheritance, and the
// things that must not count as changes (layout, spelled-out defaults, whitespace).

#include "warden/policy/bundle_diff.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compile.h"

namespace warden::policy {
namespace {

using test_support::TempDir;

// Files of one bundle version: relative path -> content.
using Files = std::map<std::string, std::string>;

std::string Policy(const std::string& name, const std::string& spec,
                   const std::string& metadata = "", const std::string& top = "") {
  return "apiVersion: warden/v1\nkind: Policy\nmetadata:\n  name: " + name + "\n" + metadata + top +
         "spec:\n" + spec;
}

std::string Manifest(const std::string& spec) {
  return "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b, version: 1.0.0}\nspec:\n" + spec;
}

std::string Exception(const std::string& name, const std::string& spec) {
  return "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: " + name + "}\nspec:\n" + spec;
}

constexpr char kRule[] = "  rules:\n    - {id: r, condition: \"object.x == 1\", message: m}\n";

// Loads both versions (each must be valid) and diffs them.
BundleDiff Diff(const Files& before, const Files& after) {
  TempDir old_dir;
  TempDir new_dir;
  for (const auto& [path, text] : before) old_dir.Write(path, text);
  for (const auto& [path, text] : after) new_dir.Write(path, text);
  Diagnostics diagnostics;
  BundleSource old_source = LoadBundleDirectory(old_dir.path(), diagnostics);
  BundleSource new_source = LoadBundleDirectory(new_dir.path(), diagnostics);
  CompileOptions options;
  options.lint = false;
  Compile(old_source, diagnostics, options);
  Compile(new_source, diagnostics, options);
  std::string messages;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    messages += FormatDiagnostic(diagnostic) + "\n";
  }
  EXPECT_FALSE(diagnostics.has_errors()) << messages;
  return DiffBundles(old_source, new_source);
}

const PolicyChange* FindPolicy(const BundleDiff& diff, const std::string& name) {
  for (const PolicyChange& change : diff.policies) {
    if (change.name == name) return &change;
  }
  return nullptr;
}

const FieldChange* FindField(const std::vector<FieldChange>& fields, const std::string& field) {
  for (const FieldChange& change : fields) {
    if (change.field == field) return &change;
  }
  return nullptr;
}

const RuleChange* FindRule(const PolicyChange& policy, const std::string& id) {
  for (const RuleChange& change : policy.rules) {
    if (change.id == id) return &change;
  }
  return nullptr;
}

std::vector<std::string> FieldNames(const std::vector<FieldChange>& fields) {
  std::vector<std::string> names;
  for (const FieldChange& change : fields) names.push_back(change.field);
  return names;
}

void ExpectField(const std::vector<FieldChange>& fields, const std::string& field,
                 const std::optional<std::string>& old_value,
                 const std::optional<std::string>& new_value) {
  SCOPED_TRACE(field);
  const FieldChange* change = FindField(fields, field);
  ASSERT_NE(change, nullptr) << "fields: " << testing::PrintToString(FieldNames(fields));
  EXPECT_EQ(change->old_value, old_value);
  EXPECT_EQ(change->new_value, new_value);
}

TEST(BundleDiffTest, IdenticalBundlesHaveNoDifferences) {
  Files files = {{"bundle.yaml", Manifest("  environments: {dev: {enforcement: warn}}\n")},
                 {"p.yaml", Policy("p", kRule)},
                 {"e.yaml", Exception("e",
                                      "  policy: p\n  justification: j\n"
                                      "  expires: 2099-01-01T00:00:00Z\n")}};
  BundleDiff diff = Diff(files, files);
  EXPECT_TRUE(diff.empty());
  EXPECT_TRUE(diff.settings.empty());
  EXPECT_TRUE(diff.policies.empty());
  EXPECT_TRUE(diff.exceptions.empty());
}

TEST(BundleDiffTest, LayoutDefaultsAndSurroundingWhitespaceAreNotChanges) {
  Files before = {{"p.yaml", Policy("p", kRule)}};
  Files after = {{"bundle.yaml", Manifest("  combining: deny-overrides\n  default: allow\n")},
                 {"nested/moved.yaml",
                  Policy("p",
                         "  enforcement: enforce\n  overridable: true\n  on_error: deny\n"
                         "  rules:\n    - id: r\n      effect: deny\n      priority: 100\n"
                         "      condition: |\n        object.x == 1\n      message: m\n",
                         "  type: security\n  severity: medium\n")}};
  BundleDiff diff = Diff(before, after);
  // The manifest brings a name and version; nothing else may differ.
  EXPECT_TRUE(diff.policies.empty());
  EXPECT_TRUE(diff.exceptions.empty());
  EXPECT_EQ(FieldNames(diff.settings),
            (std::vector<std::string>{"metadata.name", "metadata.version"}));
}

TEST(BundleDiffTest, SettingsChangesAreReportedFieldByField) {
  Files before = {{"bundle.yaml", Manifest("  combining: deny-overrides\n  default: allow\n"
                                           "  environments:\n"
                                           "    dev: {enforcement: warn}\n"
                                           "    prod: {enforcement: enforce, policies: {p: warn}}\n"
                                           "    old: {enforcement: audit}\n")},
                  {"p.yaml", Policy("p", kRule)}};
  Files after = {
      {"bundle.yaml", Manifest("  combining: first-match\n  default: deny\n"
                               "  environments:\n"
                               "    dev: {enforcement: audit}\n"
                               "    prod: {enforcement: enforce, policies: {p: audit}}\n"
                               "    new: {enforcement: warn, policies: {p: enforce}}\n")},
      {"p.yaml", Policy("p", kRule)}};
  BundleDiff diff = Diff(before, after);
  EXPECT_TRUE(diff.policies.empty());
  EXPECT_EQ(FieldNames(diff.settings),
            (std::vector<std::string>{"combining", "default", "environments.dev.enforcement",
                                      "environments.new", "environments.old",
                                      "environments.prod.policies.p"}));
  ExpectField(diff.settings, "combining", "deny-overrides", "first-match");
  ExpectField(diff.settings, "default", "allow", "deny");
  ExpectField(diff.settings, "environments.dev.enforcement", "warn", "audit");
  ExpectField(diff.settings, "environments.prod.policies.p", "warn", "audit");
  ExpectField(diff.settings, "environments.new", std::nullopt,
              "{enforcement: warn, policies: {p: enforce}}");
  ExpectField(diff.settings, "environments.old", "{enforcement: audit}", std::nullopt);
}

TEST(BundleDiffTest, PoliciesAddedAndRemovedAreSortedByName) {
  Files before = {{"a.yaml", Policy("zeta", kRule)}, {"b.yaml", Policy("keep", kRule)}};
  Files after = {{"a.yaml", Policy("alpha", "  rules:\n    - {id: other, condition: \"true\"}\n")},
                 {"b.yaml", Policy("keep", kRule)}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 2u);
  EXPECT_EQ(diff.policies[0].name, "alpha");
  EXPECT_EQ(diff.policies[0].kind, ChangeKind::kAdded);
  EXPECT_EQ(diff.policies[1].name, "zeta");
  EXPECT_EQ(diff.policies[1].kind, ChangeKind::kRemoved);
  EXPECT_EQ(diff.CountPolicies(ChangeKind::kAdded), 1u);
  EXPECT_EQ(diff.CountPolicies(ChangeKind::kRemoved), 1u);
}

TEST(BundleDiffTest, PolicyWithNewNameAndSameContentIsARename) {
  std::string spec = "  match: {kinds: [Pod]}\n" + std::string(kRule);
  Files before = {{"p.yaml", Policy("old-name", spec, "  severity: high\n")}};
  Files after = {{"q.yaml", Policy("new-name", spec, "  severity: high\n")}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 1u);
  EXPECT_EQ(diff.policies[0].kind, ChangeKind::kRenamed);
  EXPECT_EQ(diff.policies[0].name, "new-name");
  EXPECT_EQ(diff.policies[0].old_name, "old-name");
  EXPECT_EQ(diff.CountPolicies(ChangeKind::kRenamed), 1u);
}

TEST(BundleDiffTest, RenameWithChangedContentIsRemovalAndAddition) {
  Files before = {{"p.yaml", Policy("old-name", kRule, "  severity: high\n")}};
  Files after = {{"p.yaml", Policy("new-name", kRule, "  severity: low\n")}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 2u);
  EXPECT_EQ(diff.policies[0].kind, ChangeKind::kAdded);
  EXPECT_EQ(diff.policies[1].kind, ChangeKind::kRemoved);
}

TEST(BundleDiffTest, PolicyLevelFieldsReportOldAndNewValues) {
  Files before = {
      {"p.yaml", Policy("p",
                        "  enforcement: enforce\n"
                        "  match:\n    kinds: [Pod]\n    namespaces: [a]\n"
                        "    when: \"object.kind != 'x'\"\n"
                        "  let: {y: \"object.y\", gone: \"1\"}\n" +
                            std::string(kRule),
                        "  title: Old\n  type: security\n  severity: low\n  owner: team-a\n"
                        "  controls: [c1]\n  labels: {area: k8s, tier: one}\n")}};
  Files after = {
      {"p.yaml", Policy("p",
                        "  enforcement: warn\n  overridable: false\n  on_error: allow\n"
                        "  match:\n    kinds: [Pod, Deployment]\n"
                        "    when: \"object.kind != 'y'\"\n"
                        "  let: {y: \"object.z\", added: \"2\"}\n" +
                            std::string(kRule),
                        "  title: New\n  type: compliance\n  severity: high\n  owner: team-b\n"
                        "  controls: [c1, c2]\n  labels: {area: k8s, tier: two, new: x}\n")}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 1u);
  const PolicyChange& policy = diff.policies[0];
  EXPECT_EQ(policy.kind, ChangeKind::kChanged);
  EXPECT_TRUE(policy.rules.empty());
  EXPECT_EQ(FieldNames(policy.fields),
            (std::vector<std::string>{"metadata.title", "metadata.type", "metadata.severity",
                                      "metadata.owner", "metadata.controls", "metadata.labels.new",
                                      "metadata.labels.tier", "enforcement", "overridable",
                                      "on_error", "match.kinds", "match.namespaces", "match.when",
                                      "let.added", "let.gone", "let.y"}));
  ExpectField(policy.fields, "metadata.title", "Old", "New");
  ExpectField(policy.fields, "metadata.type", "security", "compliance");
  ExpectField(policy.fields, "metadata.severity", "low", "high");
  ExpectField(policy.fields, "metadata.owner", "team-a", "team-b");
  ExpectField(policy.fields, "metadata.controls", "[c1]", "[c1, c2]");
  ExpectField(policy.fields, "metadata.labels.new", std::nullopt, "x");
  ExpectField(policy.fields, "metadata.labels.tier", "one", "two");
  ExpectField(policy.fields, "enforcement", "enforce", "warn");
  ExpectField(policy.fields, "overridable", "true", "false");
  ExpectField(policy.fields, "on_error", "deny", "allow");
  ExpectField(policy.fields, "match.kinds", "[Pod]", "[Pod, Deployment]");
  ExpectField(policy.fields, "match.namespaces", "[a]", std::nullopt);
  ExpectField(policy.fields, "match.when", "object.kind != 'x'", "object.kind != 'y'");
  ExpectField(policy.fields, "let.y", "object.y", "object.z");
  ExpectField(policy.fields, "let.gone", "1", std::nullopt);
  ExpectField(policy.fields, "let.added", std::nullopt, "2");
  EXPECT_TRUE(FindField(policy.fields, "match.when")->text);
  EXPECT_FALSE(FindField(policy.fields, "match.kinds")->text);
}

TEST(BundleDiffTest, RequestMatchFieldsAreCompared) {
  Files before = {{"p.yaml", Policy("p",
                                    "  match: {actions: [read], resources: [\"doc:*\"], "
                                    "subjects: [\"role:a\"], environments: [prod]}\n" +
                                        std::string(kRule))}};
  Files after = {{"p.yaml", Policy("p",
                                   "  match: {actions: [read, write], resources: [\"doc:x\"], "
                                   "subjects: [\"role:b\"], environments: [dev]}\n" +
                                       std::string(kRule))}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 1u);
  EXPECT_EQ(FieldNames(diff.policies[0].fields),
            (std::vector<std::string>{"match.actions", "match.resources", "match.subjects",
                                      "match.environments"}));
  ExpectField(diff.policies[0].fields, "match.actions", "[read]", "[read, write]");
}

TEST(BundleDiffTest, ParameterDeclarationsAndBoundValuesAreCompared) {
  std::string spec_before =
      "  params:\n"
      "    limit: {type: int, default: 3, description: how many}\n"
      "    names: {type: list(string)}\n"
      "  rules:\n    - {id: r, condition: \"object.n > params.limit\", message: m}\n";
  std::string spec_after =
      "  params:\n"
      "    limit: {type: int, default: 5, description: how many at most}\n"
      "    names: {type: list(string)}\n"
      "  rules:\n    - {id: r, condition: \"object.n > params.limit\", message: m}\n";
  Files before = {{"bundle.yaml", Manifest("  params: {p: {names: [a]}}\n")},
                  {"p.yaml", Policy("p", spec_before)}};
  Files after = {{"bundle.yaml", Manifest("  params: {p: {names: [a, b]}}\n")},
                 {"p.yaml", Policy("p", spec_after)}};
  BundleDiff diff = Diff(before, after);
  ASSERT_EQ(diff.policies.size(), 1u);
  const std::vector<FieldChange>& fields = diff.policies[0].fields;
  EXPECT_EQ(FieldNames(fields),
            (std::vector<std::string>{"params.limit.default", "params.limit.description",
                                      "params.limit.value", "params.names.value"}));
  ExpectField(fields, "params.limit.default", "3", "5");
  ExpectField(fields, "params.limit.value", "3", "5");
  ExpectField(fields, "params.limit.description", "how many", "how many at most");
  ExpectField(fields, "params.names.value", "[\"a\"]", "[\"a\",\"b\"]");
}

TEST(BundleDiffTest, RulesAddedRemovedRenamedAndChanged) {
  std::string before_rules =
      "  rules:\n"
      "    - {id: kept, condition: \"object.a == 1\", message: m}\n"
      "    - {id: gone, condition: \"object.b == 1\", message: gone}\n"
      "    - {id: old-id, condition: \"object.c == 1\", message: renamed}\n"
      "    - id: edited\n"
      "      condition: \"object.d == 1\"\n"
      "      message: before\n";
  std::string after_rules =
      "  rules:\n"
      "    - {id: kept, condition: \"object.a == 1\", message: m}\n"
      "    - {id: new-id, condition: \"object.c == 1\", message: renamed}\n"
      "    - {id: fresh, condition: \"object.e == 1\", message: new}\n"
      "    - id: edited\n"
      "      title: Edited\n"
      "      effect: require_approval\n"
      "      approvers: [owner]\n"
      "      priority: 5\n"
      "      severity: critical\n"
      "      foreach: \"object.items\"\n"
      "      condition: \"item == 1\"\n"
      "      message: after\n"
      "      path: \"items[{{index}}]\"\n"
      "      remediation: fix it\n"
      "      controls: [c9]\n";
  BundleDiff diff =
      Diff({{"p.yaml", Policy("p", before_rules)}}, {{"p.yaml", Policy("p", after_rules)}});
  ASSERT_EQ(diff.policies.size(), 1u);
  const PolicyChange& policy = diff.policies[0];
  EXPECT_TRUE(policy.fields.empty());
  // By id: edited, fresh, gone, new-id (renamed from old-id); `kept` is unchanged.
  ASSERT_EQ(policy.rules.size(), 4u);
  EXPECT_EQ(policy.rules[0].id, "edited");
  EXPECT_EQ(policy.rules[1].id, "fresh");
  EXPECT_EQ(policy.rules[2].id, "gone");
  EXPECT_EQ(policy.rules[3].id, "new-id");
  EXPECT_EQ(FindRule(policy, "fresh")->kind, ChangeKind::kAdded);
  EXPECT_EQ(FindRule(policy, "gone")->kind, ChangeKind::kRemoved);
  EXPECT_EQ(FindRule(policy, "new-id")->kind, ChangeKind::kRenamed);
  EXPECT_EQ(FindRule(policy, "new-id")->old_id, "old-id");
  EXPECT_EQ(FindRule(policy, "kept"), nullptr);

  const RuleChange& edited = *FindRule(policy, "edited");
  EXPECT_EQ(edited.kind, ChangeKind::kChanged);
  EXPECT_EQ(
      FieldNames(edited.fields),
      (std::vector<std::string>{"title", "effect", "priority", "severity", "foreach", "condition",
                                "message", "path", "remediation", "controls", "approvers"}));
  ExpectField(edited.fields, "title", std::nullopt, "Edited");
  ExpectField(edited.fields, "effect", "deny", "require_approval");
  ExpectField(edited.fields, "priority", "100", "5");
  ExpectField(edited.fields, "severity", "medium", "critical");
  ExpectField(edited.fields, "foreach", std::nullopt, "object.items");
  ExpectField(edited.fields, "condition", "object.d == 1", "item == 1");
  ExpectField(edited.fields, "message", "before", "after");
  ExpectField(edited.fields, "path", std::nullopt, "items[{{index}}]");
  ExpectField(edited.fields, "remediation", std::nullopt, "fix it");
  ExpectField(edited.fields, "controls", std::nullopt, "[c9]");
  ExpectField(edited.fields, "approvers", std::nullopt, "[owner]");
}

TEST(BundleDiffTest, PolicySeverityChangeIsNotRepeatedOnRulesThatInheritIt) {
  std::string rules =
      "  rules:\n"
      "    - {id: inherits, condition: \"object.a == 1\"}\n"
      "    - {id: own, severity: low, condition: \"object.b == 1\"}\n";
  std::string rules_after =
      "  rules:\n"
      "    - {id: inherits, condition: \"object.a == 1\"}\n"
      "    - {id: own, condition: \"object.b == 1\"}\n";
  BundleDiff diff = Diff({{"p.yaml", Policy("p", rules, "  severity: medium\n")}},
                         {{"p.yaml", Policy("p", rules_after, "  severity: high\n")}});
  ASSERT_EQ(diff.policies.size(), 1u);
  const PolicyChange& policy = diff.policies[0];
  ExpectField(policy.fields, "metadata.severity", "medium", "high");
  // `inherits` follows the policy on both sides: not repeated. `own` dropped its own
  // severity and now inherits the policy's: its effective severity changed.
  ASSERT_EQ(policy.rules.size(), 1u);
  EXPECT_EQ(policy.rules[0].id, "own");
  ExpectField(policy.rules[0].fields, "severity", "low", "high");
}

TEST(BundleDiffTest, RuleRenameIsFoundWhenThePolicySeverityChangedToo) {
  BundleDiff diff =
      Diff({{"p.yaml", Policy("p", "  rules:\n    - {id: old-id, condition: \"object.a == 1\"}\n",
                              "  severity: low\n")}},
           {{"p.yaml", Policy("p", "  rules:\n    - {id: new-id, condition: \"object.a == 1\"}\n",
                              "  severity: high\n")}});
  ASSERT_EQ(diff.policies.size(), 1u);
  ASSERT_EQ(diff.policies[0].rules.size(), 1u);
  EXPECT_EQ(diff.policies[0].rules[0].kind, ChangeKind::kRenamed);
  EXPECT_EQ(diff.policies[0].rules[0].old_id, "old-id");
  ExpectField(diff.policies[0].fields, "metadata.severity", "low", "high");
}

TEST(BundleDiffTest, ChangeInAParentShowsInEveryChild) {
  std::string parent_before = Policy("base",
                                     "  match: {kinds: [Pod]}\n  rules:\n"
                                     "    - {id: shared, condition: \"object.x == 1\"}\n",
                                     "", "abstract: true\n");
  std::string parent_after = Policy("base",
                                    "  match: {kinds: [Pod, Job]}\n  rules:\n"
                                    "    - {id: shared, condition: \"object.x == 2\"}\n",
                                    "", "abstract: true\n");
  std::string child_one = Policy("child-one", kRule, "", "extends: [base]\n");
  std::string child_two = Policy("child-two", "  match: {kinds: [Pod]}\n" + std::string(kRule), "",
                                 "extends: [base]\n");
  BundleDiff diff =
      Diff({{"base.yaml", parent_before}, {"one.yaml", child_one}, {"two.yaml", child_two}},
           {{"base.yaml", parent_after}, {"one.yaml", child_one}, {"two.yaml", child_two}});
  // The abstract parent is not a policy of the bundle; child-two overrides `match.kinds`
  // itself, so only the inherited rule changes there.
  ASSERT_EQ(diff.policies.size(), 2u);
  const PolicyChange* one = FindPolicy(diff, "child-one");
  const PolicyChange* two = FindPolicy(diff, "child-two");
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);
  ExpectField(one->fields, "match.kinds", "[Pod]", "[Pod, Job]");
  for (const PolicyChange* child : {one, two}) {
    SCOPED_TRACE(child->name);
    const RuleChange* shared = FindRule(*child, "shared");
    ASSERT_NE(shared, nullptr);
    ExpectField(shared->fields, "condition", "object.x == 1", "object.x == 2");
  }
  EXPECT_TRUE(two->fields.empty());
}

TEST(BundleDiffTest, ExceptionsAddedRemovedAndChanged) {
  std::string policy = Policy("p",
                              "  rules:\n    - {id: r, condition: \"object.x == 1\"}\n"
                              "    - {id: s, condition: \"object.y == 1\"}\n");
  Files before = {
      {"bundle.yaml", Manifest("  policies: [p.yaml]\n  exceptions: [\"exceptions/*\"]\n")},
      {"p.yaml", policy},
      {"exceptions/kept.yaml", Exception("kept",
                                         "  policy: p\n  rules: [r]\n"
                                         "  targets: {namespaces: [a]}\n"
                                         "  justification: j\n"
                                         "  expires: 2099-01-01T00:00:00Z\n")},
      {"exceptions/gone.yaml", Exception("gone",
                                         "  policy: p\n  justification: j\n"
                                         "  expires: 2099-01-01T00:00:00Z\n")}};
  Files after = {
      {"bundle.yaml", Manifest("  policies: [p.yaml]\n  exceptions: [\"exceptions/*\"]\n")},
      {"p.yaml", policy},
      {"exceptions/kept.yaml", Exception("kept",
                                         "  policy: p\n  rules: [r, s]\n"
                                         "  targets: {namespaces: [a, b], names: [n]}\n"
                                         "  environments: [prod]\n"
                                         "  justification: j2\n"
                                         "  expires: 2030-01-01T00:00:00Z\n")},
      {"exceptions/new.yaml", Exception("new",
                                        "  policy: p\n  justification: j\n"
                                        "  expires: 2099-01-01T00:00:00Z\n")}};
  BundleDiff diff = Diff(before, after);
  EXPECT_TRUE(diff.policies.empty());
  ASSERT_EQ(diff.exceptions.size(), 3u);
  EXPECT_EQ(diff.exceptions[0].name, "gone");
  EXPECT_EQ(diff.exceptions[0].kind, ChangeKind::kRemoved);
  EXPECT_EQ(diff.exceptions[1].name, "kept");
  EXPECT_EQ(diff.exceptions[1].kind, ChangeKind::kChanged);
  EXPECT_EQ(diff.exceptions[1].policy, "p");
  EXPECT_EQ(diff.exceptions[2].name, "new");
  EXPECT_EQ(diff.exceptions[2].kind, ChangeKind::kAdded);
  const std::vector<FieldChange>& fields = diff.exceptions[1].fields;
  EXPECT_EQ(FieldNames(fields),
            (std::vector<std::string>{"rules", "targets.namespaces", "targets.names",
                                      "environments", "expires", "justification"}));
  ExpectField(fields, "rules", "[r]", "[r, s]");
  ExpectField(fields, "targets.namespaces", "[a]", "[a, b]");
  ExpectField(fields, "targets.names", std::nullopt, "[n]");
  ExpectField(fields, "environments", std::nullopt, "[prod]");
  ExpectField(fields, "expires", "2099-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
  ExpectField(fields, "justification", "j", "j2");
  EXPECT_EQ(diff.CountExceptions(ChangeKind::kAdded), 1u);
  EXPECT_EQ(diff.CountExceptions(ChangeKind::kRemoved), 1u);
  EXPECT_EQ(diff.CountExceptions(ChangeKind::kChanged), 1u);
}

TEST(BundleDiffTest, ChangeKindNamesAreStable) {
  EXPECT_STREQ(ChangeKindName(ChangeKind::kAdded), "added");
  EXPECT_STREQ(ChangeKindName(ChangeKind::kRemoved), "removed");
  EXPECT_STREQ(ChangeKindName(ChangeKind::kRenamed), "renamed");
  EXPECT_STREQ(ChangeKindName(ChangeKind::kChanged), "changed");
}

}  // namespace
}  // namespace warden::policy
