// Bundle loading, resolution (extends, parameters), compilation and lints: the
// stages after the loader, each asserted by diagnostic codes (never message text).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compile.h"
#include "warden/policy/loader.h"
#include "warden/policy/resolve.h"

namespace warden::policy {
namespace {

namespace fs = std::filesystem;

using test_support::TempDir;

struct Compiled {
  BundleSource source;
  std::shared_ptr<const CompiledBundle> bundle;
  Diagnostics diagnostics;
};

Compiled CompileDirectory(const std::string& directory, bool lint = true) {
  Compiled out;
  out.source = LoadBundleDirectory(directory, out.diagnostics);
  CompileOptions options;
  options.lint = lint;
  out.bundle = Compile(out.source, out.diagnostics, options);
  return out;
}

std::set<std::string> Codes(const Diagnostics& diagnostics) {
  std::set<std::string> codes;
  for (const Diagnostic& diagnostic : diagnostics.items()) codes.insert(diagnostic.code);
  return codes;
}

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    out += FormatDiagnostic(diagnostic) + "\n";
  }
  return out;
}

std::string Policy(const std::string& name, const std::string& spec, const std::string& top = "") {
  return "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: " + name + "}\n" + top + "spec:\n" +
         spec;
}

// A rule that lints clean: it has a message and a remediation.
constexpr char kCleanRule[] =
    "  rules:\n"
    "    - {id: r, condition: \"object.x == 1\", message: m, remediation: fix it}\n";

std::string Manifest(const std::string& spec) {
  return "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: b, version: 1.2.3}\nspec:\n" + spec;
}

const CompiledPolicy* FindPolicy(const CompiledBundle& bundle, const std::string& name) {
  for (const CompiledPolicy& policy : bundle.policies) {
    if (policy.name == name) return &policy;
  }
  return nullptr;
}

// --- bundle directories --------------------------------------------------------------------

TEST(BundleLoaderTest, ManifestSettingsAndPolicyGlobsAreApplied) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  policies: [\"policies/**.yaml\"]\n"
                                    "  combining: first-match\n"
                                    "  default: deny\n"
                                    "  environments:\n"
                                    "    dev: {enforcement: warn, policies: {a: audit}}\n"));
  dir.Write("policies/a.yaml", Policy("a", kCleanRule));
  dir.Write("other/b.yaml", Policy("b", kCleanRule));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  EXPECT_EQ(compiled.bundle->name, "b");
  EXPECT_EQ(compiled.bundle->version, "1.2.3");
  EXPECT_EQ(compiled.bundle->combining, Combining::kFirstMatch);
  EXPECT_EQ(compiled.bundle->default_effect, Effect::kDeny);
  ASSERT_EQ(compiled.bundle->policies.size(), 1u);
  EXPECT_EQ(compiled.bundle->policies[0].name, "a");
  ASSERT_EQ(compiled.bundle->environments.count("dev"), 1u);
  EXPECT_EQ(compiled.bundle->environments.at("dev").enforcement, Enforcement::kWarn);
  EXPECT_EQ(compiled.bundle->environments.at("dev").policies.at("a"), Enforcement::kAudit);
}

TEST(BundleLoaderTest, DirectoryWithoutManifestLoadsEveryYamlFileWithDefaults) {
  TempDir dir;
  dir.Write("a.yaml", Policy("a", kCleanRule));
  dir.Write("nested/deeper/b.yml", Policy("b", kCleanRule));
  dir.Write("notes.txt", "not yaml");
  dir.Write(".hidden/c.yaml", Policy("c", kCleanRule));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  EXPECT_EQ(compiled.bundle->combining, Combining::kDenyOverrides);
  EXPECT_EQ(compiled.bundle->default_effect, Effect::kAllow);
  ASSERT_EQ(compiled.bundle->policies.size(), 2u);
  EXPECT_EQ(compiled.bundle->policies[0].name, "a");
  EXPECT_EQ(compiled.bundle->policies[1].name, "b");
  EXPECT_EQ(compiled.bundle->name, fs::path(dir.path()).filename().string());
}

TEST(BundleLoaderTest, TestFilesAreLoadedAsTestsNotPolicies) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  tests: [\"tests/**\"]\n"));
  dir.Write("p.yaml", Policy("p", kCleanRule));
  dir.Write("tests/p.yaml",
            "apiVersion: warden/v1\nkind: Test\nmetadata: {name: t}\nspec:\n"
            "  cases:\n    - {name: one, document: {x: 1}, expect: {outcome: fail}}\n");
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  EXPECT_EQ(compiled.source.tests.size(), 1u);
  EXPECT_EQ(compiled.bundle->policies.size(), 1u);
}

TEST(BundleLoaderTest, IncludedBundleAddsItsPoliciesButNotItsSettings) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include: [{bundle: shared}]\n"));
  dir.Write("own.yaml", Policy("own", kCleanRule));
  dir.Write("shared/bundle.yaml",
            "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: shared}\n"
            "spec: {combining: allow-overrides}\n");
  dir.Write("shared/policy.yaml", Policy("shared-policy", kCleanRule));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  EXPECT_NE(FindPolicy(*compiled.bundle, "own"), nullptr);
  EXPECT_NE(FindPolicy(*compiled.bundle, "shared-policy"), nullptr);
  EXPECT_EQ(compiled.bundle->policies.size(), 2u);
  EXPECT_EQ(compiled.bundle->combining, Combining::kDenyOverrides);
  EXPECT_EQ(compiled.bundle->name, "b");
}

TEST(BundleLoaderTest, BundleIncludingItselfIsE129) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include: [{bundle: .}]\n"));
  dir.Write("p.yaml", Policy("p", kCleanRule));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics).count("E129"), 1u) << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, MissingIncludedBundleIsE129) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include: [{bundle: nowhere}]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E129"})
      << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, BundlesIncludingEachOtherAreE129) {
  TempDir dir;
  dir.Write("a/bundle.yaml", Manifest("  include: [{bundle: ../b}]\n"));
  dir.Write("b/bundle.yaml", Manifest("  include: [{bundle: ../a}]\n"));
  Compiled compiled = CompileDirectory(dir.path() + "/a");
  EXPECT_EQ(Codes(compiled.diagnostics).count("E129"), 1u) << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, UnknownBuiltinTemplateIsE122) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include: [{template: \"builtin:nope\"}]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E122"})
      << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, MissingTemplateFileIsE122) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include: [{template: templates/missing.yaml}]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E122"})
      << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, TemplateIsInstantiatedWithIncludeParamsAndNotLoadedTwice) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include:\n"
                                    "    - template: templates/t.yaml\n"
                                    "      params: {limit: 7}\n"));
  dir.Write("templates/t.yaml",
            Policy("t",
                   "  params: {limit: {type: int}}\n"
                   "  rules:\n"
                   "    - {id: r, condition: \"object.n > params.limit\", message: m, "
                   "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  ASSERT_EQ(compiled.bundle->policies.size(), 1u);
  const CompiledPolicy& policy = compiled.bundle->policies[0];
  EXPECT_EQ(policy.instantiated_from, "templates/t.yaml");
  const data::Node* limit = policy.params.Find("limit");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->int_value(), 7);
}

TEST(BundleLoaderTest, TemplateParamsGoToEveryPolicyThatDeclaresThem) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include:\n"
                                    "    - template: templates\n"
                                    "      params: {limit: 7, label: team}\n"));
  dir.Write("templates/a.yaml",
            Policy("a",
                   "  params: {limit: {type: int}}\n"
                   "  rules:\n"
                   "    - {id: r, condition: \"object.n > params.limit\", message: m, "
                   "remediation: x}\n"));
  dir.Write(
      "templates/b.yaml",
      Policy("b",
             "  params: {label: {type: string, default: app}, limit: {type: int, default: 1}}\n"
             "  rules:\n"
             "    - {id: r, condition: \"params.label in object && object.n > params.limit\", "
             "message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
  const CompiledPolicy* a = FindPolicy(*compiled.bundle, "a");
  const CompiledPolicy* b = FindPolicy(*compiled.bundle, "b");
  ASSERT_TRUE(a != nullptr && b != nullptr);
  EXPECT_EQ(a->params.Find("limit")->int_value(), 7);
  EXPECT_EQ(a->params.Find("label"), nullptr);
  EXPECT_EQ(b->params.Find("limit")->int_value(), 7);
  EXPECT_EQ(b->params.Find("label")->string_value(), "team");
}

TEST(BundleLoaderTest, TemplateParamNoPolicyDeclaresIsE123) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include:\n"
                                    "    - template: templates\n"
                                    "      params: {limits: 7}\n"));
  dir.Write("templates/a.yaml",
            Policy("a",
                   "  params: {limit: {type: int, default: 1}}\n"
                   "  rules:\n"
                   "    - {id: r, condition: \"object.n > params.limit\", message: m, "
                   "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_EQ(compiled.diagnostics.items().size(), 1u) << Dump(compiled.diagnostics);
  const Diagnostic& diagnostic = compiled.diagnostics.items()[0];
  EXPECT_EQ(diagnostic.code, "E123");
  EXPECT_EQ(diagnostic.location.position.line, 7u);  // the `limits` key of the manifest
}

TEST(BundleLoaderTest, BuiltinTemplateIsLoadedFromTheLibraryWithItsParams) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  include:\n"
                                    "    - template: builtin:pss-baseline\n"
                                    "      params: {allowed_host_ports: [9100]}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
  const CompiledPolicy* ports = FindPolicy(*compiled.bundle, "host-ports");
  ASSERT_NE(ports, nullptr);
  EXPECT_EQ(ports->instantiated_from, "builtin:pss-baseline");
  EXPECT_EQ(ports->location.file, "builtin:pss-baseline/host-ports.yaml");
  EXPECT_EQ(ports->params.Find("allowed_host_ports")->item(0).int_value(), 9100);
  EXPECT_EQ(FindPolicy(*compiled.bundle, "pss-pod-spec"), nullptr);  // abstract
  EXPECT_EQ(compiled.bundle->policies.size(), 11u);
}

TEST(LoadPolicyPathsTest, BuiltinPathLoadsTheTemplateWithDefaults) {
  Diagnostics diagnostics;
  BundleSource source = LoadPolicyPaths({"builtin:pss-restricted"}, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << Dump(diagnostics);
  EXPECT_EQ(source.policies.size(), 17u);
  Diagnostics unknown;
  LoadPolicyPaths({"builtin:pss-restrictd"}, unknown);
  ASSERT_EQ(unknown.items().size(), 1u);
  EXPECT_EQ(unknown.items()[0].code, "E122");
  EXPECT_NE(unknown.items()[0].help.find("builtin:pss-restricted"), std::string::npos);
}

TEST(BundleLoaderTest, AbsoluteTemplatePathIsUsedAsIs) {
  TempDir dir;
  dir.Write("elsewhere/t.yaml", Policy("t", kCleanRule));
  dir.Write("b/bundle.yaml",
            Manifest("  include: [{template: \"" + dir.path() + "/elsewhere/t.yaml\"}]\n"));
  Compiled compiled = CompileDirectory(dir.path() + "/b");
  EXPECT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
  EXPECT_NE(FindPolicy(*compiled.bundle, "t"), nullptr);
}

TEST(BundleLoaderTest, InvalidGlobInManifestIsE128) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  policies: [\"policies/[abc\"]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E128"})
      << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, InvalidMatchOrTargetGlobIsE128) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", "  match: {kinds: [\"[Pod\"]}\n" + std::string(kCleanRule)));
  dir.Write("e.yaml",
            "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\nspec:\n"
            "  policy: p\n  targets: {names: [\"x\\\\\"]}\n  justification: j\n"
            "  expires: 2030-01-01T00:00:00Z\n");
  Compiled compiled = CompileDirectory(dir.path());
  size_t e128 = 0;
  for (const Diagnostic& diagnostic : compiled.diagnostics.items()) {
    if (diagnostic.code == "E128") ++e128;
  }
  EXPECT_EQ(e128, 2u) << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, DuplicatePolicyNamesAreE127) {
  TempDir dir;
  dir.Write("a.yaml", Policy("same", kCleanRule));
  dir.Write("b.yaml", Policy("same", kCleanRule));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E127"})
      << Dump(compiled.diagnostics);
}

TEST(BundleLoaderTest, DigestIsStableAndFollowsTheFileContents) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", kCleanRule));
  Diagnostics diagnostics;
  std::string first = LoadBundleDirectory(dir.path(), diagnostics).digest;
  std::string again = LoadBundleDirectory(dir.path(), diagnostics).digest;
  dir.Write("p.yaml", Policy("p", kCleanRule) + "# a comment\n");
  std::string changed = LoadBundleDirectory(dir.path(), diagnostics).digest;
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, changed);
}

TEST(BundleLoaderTest, BundleDocumentOutsideTheManifestIsW230) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  default: allow\n"));
  dir.Write("p.yaml", Policy("p", kCleanRule) + "---\n" +
                          "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: extra}\n");
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"W230"})
      << Dump(compiled.diagnostics);
}

TEST(LoadPolicyPathsTest, BundleDocumentAmongPolicyFilesIsIgnoredWithW230) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  default: deny\n  combining: first-match\n"));
  dir.Write("p.yaml", Policy("p", kCleanRule));
  Diagnostics diagnostics;
  BundleSource source =
      LoadPolicyPaths({dir.path() + "/bundle.yaml", dir.path() + "/p.yaml"}, diagnostics);
  EXPECT_EQ(Codes(diagnostics), std::set<std::string>{"W230"}) << Dump(diagnostics);
  EXPECT_EQ(source.settings.default_effect, Effect::kAllow);
  EXPECT_EQ(source.settings.combining, Combining::kDenyOverrides);
  EXPECT_EQ(source.policies.size(), 1u);
}

TEST(LoadPolicyPathsTest, UnreadableFileIsE100) {
  Diagnostics diagnostics;
  LoadPolicyPaths({"no/such/file.yaml"}, diagnostics);
  EXPECT_EQ(Codes(diagnostics), std::set<std::string>{"E100"}) << Dump(diagnostics);
}

// --- resolution ------------------------------------------------------------------------------

TEST(ResolveTest, UndefinedParentIsE120) {
  TempDir dir;
  dir.Write("p.yaml", Policy("child", kCleanRule, "extends: [prent]\n") + "---\n" +
                          Policy("parent", kCleanRule, "abstract: true\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E120"})
      << Dump(compiled.diagnostics);
  EXPECT_EQ(FindPolicy(*compiled.bundle, "child"), nullptr);
}

TEST(ResolveTest, PolicyExtendingItselfIsE121) {
  TempDir dir;
  dir.Write("p.yaml", Policy("loop", kCleanRule, "extends: [loop]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E121"})
      << Dump(compiled.diagnostics);
}

TEST(ResolveTest, ChildRuleOverridesParentRuleInPlaceAndNewRulesAreAppended) {
  TempDir dir;
  dir.Write("p.yaml", Policy("parent",
                             "  rules:\n"
                             "    - {id: a, condition: \"true\", message: pa, remediation: x}\n"
                             "    - {id: b, condition: \"true\", message: pb, remediation: x}\n",
                             "abstract: true\n") +
                          "---\n" +
                          Policy("child",
                                 "  rules:\n"
                                 "    - {id: c, condition: \"false\", message: c, remediation: x}\n"
                                 "    - {id: a, message: child-a}\n",
                                 "extends: parent\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  const CompiledPolicy* child = FindPolicy(*compiled.bundle, "child");
  ASSERT_NE(child, nullptr);
  ASSERT_EQ(child->rules.size(), 3u);
  EXPECT_EQ(child->rules[0].id, "a");
  EXPECT_EQ(child->rules[0].message.source, "child-a");
  EXPECT_NE(child->rules[0].condition, nullptr);  // inherited
  EXPECT_EQ(child->rules[1].id, "b");
  EXPECT_EQ(child->rules[2].id, "c");
}

TEST(ResolveTest, AbstractPoliciesAreNotCompiled) {
  TempDir dir;
  dir.Write("p.yaml", Policy("base", kCleanRule, "abstract: true\n") + "---\n" +
                          Policy("leaf", "  enforcement: warn\n", "extends: [base]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  ASSERT_EQ(compiled.bundle->policies.size(), 1u);
  EXPECT_EQ(compiled.bundle->policies[0].name, "leaf");
  EXPECT_EQ(compiled.bundle->policies[0].enforcement, Enforcement::kWarn);
  EXPECT_EQ(compiled.bundle->policies[0].rules.size(), 1u);
}

TEST(ResolveTest, UnknownParameterValueIsE123) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  params: {p: {limt: 1}}\n"));
  dir.Write("p.yaml", Policy("p",
                             "  params: {limit: {type: int, default: 0}}\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"object.n > params.limit\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E123"})
      << Dump(compiled.diagnostics);
}

TEST(ResolveTest, MissingRequiredParameterIsE124) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  params: {limit: {type: int}}\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"object.n > params.limit\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E124"})
      << Dump(compiled.diagnostics);
}

TEST(ResolveTest, ParameterValueOfWrongTypeIsE125) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  params: {p: {names: [a, 1]}}\n"));
  dir.Write("p.yaml", Policy("p",
                             "  params: {names: {type: \"list(string)\", default: []}}\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"object.n in params.names\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E125"})
      << Dump(compiled.diagnostics);
}

TEST(ResolveTest, UnknownParameterTypeIsE126) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  params: {names: {type: \"vector(string)\", default: []}}\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"object.n in params.names\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E126"})
      << Dump(compiled.diagnostics);
}

TEST(ResolveTest, ParamTypesAcceptTheirValues) {
  struct Case {
    const char* type;
    const char* yaml;
    bool ok;
  };
  const Case cases[] = {
      {"string", "a", true},
      {"string", "1", false},
      {"int", "-3", true},
      {"int", "1.5", false},
      {"uint", "3", true},
      {"uint", "-3", false},
      {"double", "2", true},
      {"bool", "true", true},
      {"bool", "yes", false},
      {"list(string)", "[a, b]", true},
      {"list(string)", "[a, 1]", false},
      {"map(string, int)", "{a: 1}", true},
      {"map(string, int)", "{a: x}", false},
      {"dyn", "{a: [1]}", true},
      {"list(list(int))", "[[1], []]", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.type) + " <- " + c.yaml);
    PolicySet set;
    Diagnostics diagnostics;
    LoadText(Policy("p", std::string("  params: {v: {type: \"") + c.type +
                             "\", default: " + c.yaml + "}}\n"),
             "p.yaml", set, diagnostics);
    ASSERT_EQ(set.policies.size(), 1u) << Dump(diagnostics);
    ASSERT_EQ(set.policies[0].params.size(), 1u);
    ASSERT_NE(set.policies[0].params[0].default_value, nullptr);
    EXPECT_TRUE(ValidParamType(c.type));
    EXPECT_EQ(NodeHasParamType(*set.policies[0].params[0].default_value, c.type), c.ok);
  }
  EXPECT_FALSE(ValidParamType("list(string"));
  EXPECT_FALSE(ValidParamType("map(string)"));
  EXPECT_FALSE(ValidParamType("set(int)"));
}

// --- compilation -----------------------------------------------------------------------------

TEST(CompileTest, CelSyntaxErrorIsE130) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n    - {id: r, condition: \"object.x ==\", "
                             "message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E130"})
      << Dump(compiled.diagnostics);
  EXPECT_TRUE(compiled.bundle->policies.empty());
}

TEST(CompileTest, CelTypeErrorIsE131) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n    - {id: r, condition: \"1 + 'a' == 2\", "
                             "message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E131"})
      << Dump(compiled.diagnostics);
}

TEST(CompileTest, UndeclaredVariableIsE131) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n    - {id: r, condition: \"objet.x == 1\", "
                             "message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E131"})
      << Dump(compiled.diagnostics);
}

TEST(CompileTest, UnclosedOrEmptyTemplateIsE132) {
  for (const char* message : {"\"value {{object.x\"", "\"value {{ }}\""}) {
    SCOPED_TRACE(message);
    TempDir dir;
    dir.Write("p.yaml", Policy("p", std::string("  rules:\n    - {id: r, condition: \"true\", "
                                                "remediation: x, message: ") +
                                        message + "}\n"));
    Compiled compiled = CompileDirectory(dir.path());
    EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E132"})
        << Dump(compiled.diagnostics);
  }
}

TEST(CompileTest, TemplateExpressionErrorIsACelDiagnostic) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n    - {id: r, condition: \"true\", "
                             "remediation: x, message: \"{{object.}}\"}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E130"})
      << Dump(compiled.diagnostics);
}

// The loader already refuses such names (E112); compile guards its own invariant for
// policies built by other means.
TEST(CompileTest, LetHidingABuiltinVariableIsE133) {
  PolicySet set;
  Diagnostics diagnostics;
  LoadText(Policy("p", "  let: {pods: \"object.items\"}\n" + std::string(kCleanRule)), "p.yaml",
           set, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << Dump(diagnostics);
  ASSERT_EQ(set.policies.size(), 1u);
  ASSERT_EQ(set.policies[0].lets.size(), 1u);
  set.policies[0].lets[0].name.value = "object";
  BundleSource source;
  std::vector<PolicyDoc> merged = MergeInheritance(set.policies, diagnostics);
  ASSERT_EQ(merged.size(), 1u);
  source.policies.push_back(BindParams(merged[0], nullptr, {}, diagnostics));
  Compile(source, diagnostics);
  EXPECT_EQ(Codes(diagnostics).count("E133"), 1u) << Dump(diagnostics);
}

TEST(CompileTest, RuleWithoutConditionIsE134) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", "  rules:\n    - {id: r, message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E134"})
      << Dump(compiled.diagnostics);
}

TEST(CompileTest, ExceptionForNonOverridablePolicyIsE140) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", "  overridable: false\n" + std::string(kCleanRule)));
  dir.Write("e.yaml",
            "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\nspec:\n"
            "  policy: p\n  justification: j\n  expires: 2030-01-01T00:00:00Z\n");
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E140"})
      << Dump(compiled.diagnostics);
  EXPECT_TRUE(compiled.bundle->exceptions.empty());
}

TEST(CompileTest, ExceptionForUnknownPolicyOrRuleIsE141) {
  for (const char* target : {"policy: q\n", "policy: p\n  rules: [nope]\n"}) {
    SCOPED_TRACE(target);
    TempDir dir;
    dir.Write("p.yaml", Policy("p", kCleanRule));
    dir.Write("e.yaml", std::string("apiVersion: warden/v1\nkind: Exception\nmetadata: "
                                    "{name: e}\nspec:\n  ") +
                            target + "  justification: j\n  expires: 2030-01-01T00:00:00Z\n");
    Compiled compiled = CompileDirectory(dir.path());
    EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"E141"})
        << Dump(compiled.diagnostics);
    EXPECT_TRUE(compiled.bundle->exceptions.empty());
  }
}

TEST(CompileTest, ValidExceptionIsCompiledWithItsScope) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", kCleanRule));
  dir.Write("e.yaml",
            "apiVersion: warden/v1\nkind: Exception\nmetadata: {name: e}\nspec:\n"
            "  policy: p\n  rules: [r]\n  environments: [dev]\n  targets: {kinds: [Pod]}\n"
            "  justification: j\n  expires: 2030-01-01T00:00:00Z\n");
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  ASSERT_EQ(compiled.bundle->exceptions.size(), 1u);
  const CompiledException& exception = compiled.bundle->exceptions[0];
  EXPECT_EQ(exception.policy, "p");
  EXPECT_EQ(exception.rules, std::vector<std::string>{"r"});
  EXPECT_EQ(exception.environments, std::vector<std::string>{"dev"});
  EXPECT_EQ(exception.expires_seconds, 1893456000);
}

TEST(CompileTest, DefaultsFillUnsetFields) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p", "  rules:\n    - {id: r, condition: \"true\"}\n"));
  Compiled compiled = CompileDirectory(dir.path(), /*lint=*/false);
  ASSERT_FALSE(compiled.diagnostics.has_errors()) << Dump(compiled.diagnostics);
  const CompiledPolicy& policy = compiled.bundle->policies.at(0);
  EXPECT_EQ(policy.title, "p");
  EXPECT_EQ(policy.severity, Severity::kMedium);
  EXPECT_EQ(policy.type, PolicyType::kSecurity);
  EXPECT_EQ(policy.enforcement, Enforcement::kEnforce);
  EXPECT_TRUE(policy.overridable);
  EXPECT_EQ(policy.on_error, OnError::kDeny);
  EXPECT_EQ(policy.rules.at(0).effect, Effect::kDeny);
  EXPECT_EQ(policy.rules.at(0).priority, 100);
  EXPECT_EQ(policy.rules.at(0).severity, Severity::kMedium);
}

TEST(CompileTest, CompilingWithoutLintsReportsNoWarnings) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  params: {unused: {type: int, default: 1}}\n"
                             "  rules:\n    - {id: r, condition: \"true\"}\n"));
  Compiled compiled = CompileDirectory(dir.path(), /*lint=*/false);
  EXPECT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
}

// --- lints -----------------------------------------------------------------------------------

TEST(LintTest, UnusedParameterIsW201AndUnusedLetIsW202) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  params:\n"
                             "    used: {type: int, default: 1}\n"
                             "    unused: {type: int, default: 1}\n"
                             "  let:\n"
                             "    seen: \"object.a\"\n"
                             "    ignored: \"object.b\"\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"seen == params.used\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), (std::set<std::string>{"W201", "W202"}))
      << Dump(compiled.diagnostics);
}

TEST(LintTest, ValuesInheritedFromAParentAreNotReportedUnused) {
  TempDir dir;
  dir.Write("parent.yaml",
            "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: parent}\nabstract: true\n"
            "spec:\n"
            "  params: {offered: {type: int, default: 1}}\n"
            "  let: {shared: \"object.a\", other: \"object.b\"}\n");
  dir.Write("child.yaml", Policy("child",
                                 "  let: {own: \"object.c\"}\n"
                                 "  rules:\n"
                                 "    - {id: r, condition: \"shared == 1\", message: m, "
                                 "remediation: x}\n",
                                 "extends: [parent]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_EQ(compiled.diagnostics.items().size(), 1u) << Dump(compiled.diagnostics);
  EXPECT_EQ(compiled.diagnostics.items()[0].code, "W202");  // `own`, not `other`
  EXPECT_NE(compiled.diagnostics.items()[0].message.find("`own`"), std::string::npos);
}

TEST(CompileTest, ErrorInAnInheritedLetIsLocatedInTheParentsFile) {
  TempDir dir;
  dir.Write("parent.yaml",
            "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: parent}\nabstract: true\n"
            "spec:\n"
            "  let: {broken: \"object.a +\"}\n");
  dir.Write("child.yaml", Policy("child",
                                 "  rules:\n"
                                 "    - {id: r, condition: \"broken == 1\", message: m, "
                                 "remediation: x}\n",
                                 "extends: [parent]\n"));
  Compiled compiled = CompileDirectory(dir.path());
  ASSERT_TRUE(Codes(compiled.diagnostics).count("E130")) << Dump(compiled.diagnostics);
  for (const Diagnostic& diagnostic : compiled.diagnostics.items()) {
    if (diagnostic.code != "E130") continue;
    EXPECT_EQ(fs::path(diagnostic.location.file).filename(), "parent.yaml");
    EXPECT_EQ(diagnostic.location.position.line, 6u);
  }
}

TEST(LintTest, ParameterReadOnlyInAMessageTemplateIsUsed) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  params: {team: {type: string, default: a}}\n"
                             "  rules:\n"
                             "    - {id: r, condition: \"true\", message: \"ask {{params.team}}\", "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
}

TEST(LintTest, RuleShadowedUnderFirstMatchIsW210) {
  TempDir dir;
  dir.Write("bundle.yaml", Manifest("  combining: first-match\n"));
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n"
                             "    - {id: a, priority: 1, condition: \"object.x == 1\", message: m, "
                             "remediation: x}\n"
                             "    - {id: b, priority: 2, condition: \"object.x==1\", message: m, "
                             "remediation: x}\n"
                             "    - {id: c, priority: 5, condition: \"true\", message: m, "
                             "remediation: x}\n"
                             "    - {id: d, priority: 9, condition: \"object.y\", message: m, "
                             "remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  size_t w210 = 0;
  for (const Diagnostic& diagnostic : compiled.diagnostics.items()) {
    if (diagnostic.code == "W210") ++w210;
  }
  EXPECT_EQ(w210, 2u) << Dump(compiled.diagnostics);  // b (same as a) and d (after c)
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"W210"});
}

TEST(LintTest, ShadowingIsNotReportedUnderDenyOverrides) {
  TempDir dir;
  dir.Write("p.yaml",
            Policy("p",
                   "  rules:\n"
                   "    - {id: a, condition: \"true\", message: m, remediation: x}\n"
                   "    - {id: b, condition: \"object.y\", message: m, remediation: x}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_TRUE(compiled.diagnostics.empty()) << Dump(compiled.diagnostics);
}

TEST(LintTest, SameConditionWithOppositeEffectsIsW211) {
  TempDir dir;
  dir.Write("p.yaml",
            Policy("a",
                   "  match: {actions: [read]}\n  rules:\n"
                   "    - {id: r, condition: \"subject == 'x'\", message: m, remediation: x}\n") +
                "---\n" +
                Policy("b",
                       "  match: {actions: [read]}\n  rules:\n"
                       "    - {id: r, effect: allow, condition: \"subject == 'x'\"}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), std::set<std::string>{"W211"})
      << Dump(compiled.diagnostics);
}

TEST(LintTest, DenyRuleWithoutMessageIsW220AndWithoutRemediationW221) {
  TempDir dir;
  dir.Write("p.yaml", Policy("p",
                             "  rules:\n"
                             "    - {id: a, condition: \"true\", remediation: x}\n"
                             "    - {id: b, condition: \"true\", message: m}\n"
                             "    - {id: c, effect: allow, condition: \"false\"}\n"));
  Compiled compiled = CompileDirectory(dir.path());
  EXPECT_EQ(Codes(compiled.diagnostics), (std::set<std::string>{"W220", "W221"}))
      << Dump(compiled.diagnostics);
  EXPECT_EQ(compiled.diagnostics.warning_count(), 2u);
}

}  // namespace
}  // namespace warden::policy
