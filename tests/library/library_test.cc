// The built-in library as shipped: every template loads and lints clean, maps only to
// catalogued controls, has tests that pass with every rule seen firing and not firing,
// and docs/library/ is what `warden templates docs` generates. (The e2e cases run some
// of the same tests through the `warden` binary.)

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "warden/library/catalog.h"
#include "warden/policy/builtin_library.h"
#include "warden/report/library_report.h"
#include "warden/service/bundle_service.h"
#include "warden/service/test_service.h"

namespace warden {
namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = WARDEN_SOURCE_DIR;

std::string DiagnosticsText(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.items())
    out += FormatDiagnostic(diagnostic) + "\n";
  return out;
}

const policy::LibraryDescription& Library() {
  static const policy::LibraryDescription* library = [] {
    StatusOr<policy::LibraryDescription> described = policy::DescribeBuiltinLibrary();
    EXPECT_TRUE(described.ok()) << described.status().message();
    auto* out = new policy::LibraryDescription();
    if (described.ok()) *out = std::move(*described);
    return out;
  }();
  return *library;
}

TEST(BuiltinLibraryTest, CatalogueListsEveryTemplateOfTheIssue) {
  const StatusOr<library::Catalog>& catalog = library::BuiltinCatalog();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  std::vector<std::string> expected = {
      "pss-baseline",   "pss-restricted",  "k8s-best-practices",    "dockerfile",
      "github-actions", "terraform-aws",   "enterprise-governance", "tenant-isolation",
      "budgets",        "access-security", "data-protection"};
  EXPECT_EQ(catalog->TemplateNames(), expected);
  std::vector<std::string> frameworks;
  for (const library::Framework& framework : catalog->frameworks)
    frameworks.push_back(framework.id);
  EXPECT_EQ(frameworks, (std::vector<std::string>{"cis-k8s", "gdpr", "hipaa", "iso27001", "pci-dss",
                                                  "pss", "soc2"}));
}

TEST(BuiltinLibraryTest, PodSecurityPoliciesAreNamedExactlyPerControl) {
  auto names = [](const char* name) {
    std::set<std::string> out;
    for (const policy::TemplatePolicy& policy : Library().FindTemplate(name)->policies) {
      out.insert(policy.name);
    }
    return out;
  };
  std::set<std::string> baseline = {"host-process", "host-namespaces",  "privileged-containers",
                                    "capabilities", "hostpath-volumes", "host-ports",
                                    "apparmor",     "selinux",          "proc-mount-type",
                                    "seccomp",      "sysctls"};
  EXPECT_EQ(names("pss-baseline"), baseline);
  std::set<std::string> restricted = baseline;
  restricted.insert({"volume-types", "privilege-escalation", "running-as-non-root",
                     "running-as-non-root-user", "seccomp-strict", "capabilities-strict"});
  EXPECT_EQ(names("pss-restricted"), restricted);
}

TEST(BuiltinLibraryTest, EveryTemplateLoadsCompilesAndLintsClean) {
  EXPECT_TRUE(Library().diagnostics.empty()) << DiagnosticsText(Library().diagnostics);
  for (const std::string& name : library::BuiltinCatalog()->TemplateNames()) {
    Diagnostics diagnostics;
    service::BundleSpec spec;
    spec.policies = {"builtin:" + name};
    service::LoadedBundle loaded = service::LoadBundle(spec, diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << name << ":\n" << DiagnosticsText(diagnostics);
    EXPECT_NE(loaded.engine, nullptr) << name;
  }
}

TEST(BuiltinLibraryTest, EveryRuleHasTitleMessageRemediationAndCatalogedControls) {
  for (const policy::TemplateDescription& description : Library().templates) {
    EXPECT_FALSE(description.policies.empty()) << description.info->name;
    for (const policy::TemplatePolicy& policy : description.policies) {
      EXPECT_FALSE(policy.description.empty()) << policy.name;
      for (const policy::TemplateRule& rule : policy.rules) {
        std::string where = description.info->name + " " + policy.name + "/" + rule.id;
        EXPECT_FALSE(rule.title.empty()) << where;
        EXPECT_FALSE(rule.remediation.empty()) << where;
        EXPECT_FALSE(rule.controls.empty()) << where;
        if (rule.effect != "allow") {
          EXPECT_FALSE(rule.message.empty()) << where;
        }
      }
    }
  }
  for (const policy::UnknownControl& unknown : Library().unknown_controls) {
    ADD_FAILURE() << unknown.where.policy << "/" << unknown.where.rule << " maps to `"
                  << unknown.control << "`, which no framework of library/frameworks defines";
  }
}

TEST(BuiltinLibraryTest, PolicyNamesAreUniqueAcrossTemplates) {
  // A name may repeat only where a template includes another's directory (the same file).
  std::map<std::string, std::string> file_of;
  for (const policy::TemplateDescription& description : Library().templates) {
    for (const policy::TemplatePolicy& policy : description.policies) {
      auto [it, inserted] = file_of.emplace(policy.name, policy.file);
      EXPECT_TRUE(inserted || it->second == policy.file)
          << policy.name << " is defined by " << it->second << " and " << policy.file;
    }
  }
}

// Runs the tests of every directory of the template against it, as `warden test -p
// builtin:NAME library/templates/DIR/tests... --rule-coverage-threshold 100` does.
TEST(BuiltinLibraryTest, EveryTemplatesTestsPassWithFullRuleCoverage) {
  for (const library::TemplateInfo& info : library::BuiltinCatalog()->templates) {
    SCOPED_TRACE(info.name);
    Diagnostics diagnostics;
    service::BundleSpec spec;
    spec.policies = {"builtin:" + info.name};
    spec.compile.coverage = true;
    service::LoadedBundle bundle = service::LoadBundle(spec, diagnostics);
    ASSERT_NE(bundle.engine, nullptr) << DiagnosticsText(diagnostics);
    std::vector<std::string> paths;
    for (const std::string& directory : info.directories) {
      paths.push_back(kSourceDir + "/library/templates/" + directory + "/tests");
    }
    std::shared_ptr<policy::PolicySet> storage;
    std::vector<policy::TestDoc> tests = service::CollectTests(bundle, paths, storage, diagnostics);
    service::TestOptions options;
    options.coverage = true;
    options.defaults.now_seconds = 1796083200;  // 2026-12-01T00:00:00Z
    StatusOr<tester::TestRun> run = service::RunTests(bundle, tests, options, diagnostics);
    ASSERT_TRUE(run.ok()) << run.status().message();
    EXPECT_TRUE(diagnostics.empty()) << DiagnosticsText(diagnostics);
    EXPECT_GE(run->cases.size(), 10u);
    for (const tester::CaseResult& result : run->cases) {
      EXPECT_TRUE(result.passed) << result.FullName() << " at " << result.location.ToString()
                                 << (result.error.empty() ? "" : ": " + result.error);
    }
    ASSERT_TRUE(run->coverage.has_value());
    for (const tester::FileCoverage& file : run->coverage->files) {
      for (const tester::PolicyCoverage& policy : file.policies) {
        for (const engine::CoverageRecorder::Rule& rule : policy.policy.rules) {
          EXPECT_TRUE(rule.fired > 0 && rule.not_fired > 0)
              << policy.policy.name << "/" << rule.id << ": fired " << rule.fired << ", not fired "
              << rule.not_fired;
        }
      }
    }
    EXPECT_EQ(run->coverage->rule_totals.covered, run->coverage->rule_totals.total);
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(BuiltinLibraryTest, DocsLibraryIsWhatTemplatesDocsGenerates) {
  fs::path docs = fs::path(kSourceDir) / "docs" / "library";
  std::set<std::string> generated;
  for (const auto& [relative, text] : report::RenderLibraryDocs(Library())) {
    generated.insert(relative);
    EXPECT_EQ(ReadFile(docs / relative), text)
        << "docs/library/" << relative
        << " is stale: run `warden templates docs --format markdown` at the repository root";
  }
  for (const auto& entry : fs::recursive_directory_iterator(docs)) {
    if (!entry.is_regular_file()) continue;
    std::string relative = fs::relative(entry.path(), docs).generic_string();
    EXPECT_TRUE(generated.count(relative) > 0)
        << "docs/library/" << relative << " is not generated by `warden templates docs`";
  }
}

}  // namespace
}  // namespace warden
