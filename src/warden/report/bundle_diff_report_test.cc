// The `warden diff` formats on a hand-made BundleDiff: exact table lines, the JSON shape,
// Markdown tables that survive hostile text, colours only when asked.

#include "warden/report/bundle_diff_report.h"

#include <gtest/gtest.h>

#include <string>

namespace warden::report {
namespace {

using policy::BundleDiff;
using policy::ChangeKind;
using policy::ExceptionChange;
using policy::FieldChange;
using policy::PolicyChange;
using policy::RuleChange;

FieldChange Field(const std::string& field, std::optional<std::string> old_value,
                  std::optional<std::string> new_value, bool text = false) {
  return FieldChange{.field = field,
                     .old_value = std::move(old_value),
                     .new_value = std::move(new_value),
                     .text = text};
}

BundleDiff SampleDiff() {
  BundleDiff diff;
  diff.settings.push_back(Field("combining", "deny-overrides", "first-match"));
  diff.settings.push_back(Field("environments.staging", std::nullopt, "{enforcement: warn}"));
  PolicyChange added{
      .kind = ChangeKind::kAdded, .name = "bar", .old_name = "", .fields = {}, .rules = {}};
  PolicyChange renamed{
      .kind = ChangeKind::kRenamed, .name = "b", .old_name = "a", .fields = {}, .rules = {}};
  PolicyChange removed{
      .kind = ChangeKind::kRemoved, .name = "baz", .old_name = "", .fields = {}, .rules = {}};
  PolicyChange changed{.kind = ChangeKind::kChanged,
                       .name = "foo",
                       .old_name = "",
                       .fields = {Field("metadata.severity", "medium", "high"),
                                  Field("metadata.owner", "team-a", std::nullopt)},
                       .rules = {}};
  changed.rules.push_back(RuleChange{
      .kind = ChangeKind::kChanged,
      .id = "r1",
      .old_id = "",
      .fields = {Field("condition", "object.x == \"a\"", "object.x == \"b\"", /*text=*/true)}});
  changed.rules.push_back(
      RuleChange{.kind = ChangeKind::kAdded, .id = "r2", .old_id = "", .fields = {}});
  changed.rules.push_back(
      RuleChange{.kind = ChangeKind::kRenamed, .id = "r4", .old_id = "r3", .fields = {}});
  diff.policies = {renamed, added, removed, changed};
  diff.exceptions.push_back(ExceptionChange{.kind = ChangeKind::kChanged,
                                            .name = "e1",
                                            .policy = "foo",
                                            .fields = {Field("expires", "2099", "2030")}});
  return diff;
}

TEST(BundleDiffReportTest, TableHasOneLinePerChangeAndASummary) {
  EXPECT_EQ(RenderDiffTable(SampleDiff()),
            "~ bundle settings\n"
            "  ~ combining: deny-overrides \u2192 first-match\n"
            "  + environments.staging: {enforcement: warn}\n"
            "\u2192 renamed a \u2192 b\n"
            "+ policy bar\n"
            "- policy baz\n"
            "~ policy foo\n"
            "  ~ metadata.severity: medium \u2192 high\n"
            "  - metadata.owner: team-a\n"
            "  ~ rule r1: condition: \"object.x == \\\"a\\\"\" \u2192 \"object.x == \\\"b\\\"\"\n"
            "  + rule r2\n"
            "  \u2192 renamed rule r3 \u2192 r4\n"
            "~ exception e1 (policy foo)\n"
            "  ~ expires: 2099 \u2192 2030\n"
            "\n"
            "policies: 1 added, 1 removed, 1 renamed, 1 changed; exceptions: 1 changed; "
            "settings: 2 changed\n");
}

TEST(BundleDiffReportTest, EmptyDiffSaysSo) {
  EXPECT_EQ(RenderDiffTable(BundleDiff()), "no differences\n");
  EXPECT_NE(RenderDiffMarkdown(BundleDiff()).find("**no differences**"), std::string::npos);
}

TEST(BundleDiffReportTest, TableIsColouredOnlyWhenAsked) {
  EXPECT_EQ(RenderDiffTable(SampleDiff()).find('\033'), std::string::npos);
  DiffRenderOptions options;
  options.color = true;
  EXPECT_NE(RenderDiffTable(SampleDiff(), options).find("\033[32m+\033[0m policy bar"),
            std::string::npos);
}

TEST(BundleDiffReportTest, TableNeutralisesTerminalEscapes) {
  BundleDiff diff;
  diff.policies.push_back(PolicyChange{.kind = ChangeKind::kAdded,
                                       .name = "evil\033[2J",
                                       .old_name = "",
                                       .fields = {},
                                       .rules = {}});
  std::string table = RenderDiffTable(diff);
  EXPECT_EQ(table.find('\033'), std::string::npos);
  EXPECT_NE(table.find("+ policy evil\\x1B[2J"), std::string::npos);
}

TEST(BundleDiffReportTest, JsonHasTheDocumentedShape) {
  DiffRenderOptions options;
  options.before_label = "main:policies/";
  options.after_label = "HEAD:policies/";
  std::string json = RenderDiffJson(SampleDiff(), options);
  for (const char* fragment : {
           "\"before\": \"main:policies/\"",
           "\"after\": \"HEAD:policies/\"",
           "\"differences\": true",
           "\"renamed\": 1",
           "\"settings\": 2",
           "\"field\": \"environments.staging\",\n      \"old\": null,\n      \"new\": "
           "\"{enforcement: warn}\"",
           "\"change\": \"renamed\",\n      \"name\": \"b\",\n      \"old_name\": \"a\"",
           "\"change\": \"renamed\",\n          \"id\": \"r4\",\n          \"old_id\": \"r3\"",
           "\"old\": \"object.x == \\\"a\\\"\"",
           "\"policy\": \"foo\"",
       }) {
    EXPECT_NE(json.find(fragment), std::string::npos) << fragment << "\n" << json;
  }
  EXPECT_EQ(json.back(), '\n');
}

TEST(BundleDiffReportTest, MarkdownHasSummaryAndATablePerPolicy) {
  DiffRenderOptions options;
  options.before_label = "v1";
  options.after_label = "v2";
  std::string markdown = RenderDiffMarkdown(SampleDiff(), options);
  for (const char* fragment : {
           "### Policy changes: `v1` \u2192 `v2`\n",
           "**policies: 1 added, 1 removed, 1 renamed, 1 changed; exceptions: 1 changed; "
           "settings: 2 changed**\n",
           "#### Bundle settings\n\n| field | old | new |\n|---|---|---|\n"
           "| `combining` | `deny-overrides` | `first-match` |\n",
           "| `environments.staging` | _(none)_ | `{enforcement: warn}` |\n",
           "#### Renamed policy `a` \u2192 `b`\n",
           "#### Added policy `bar`\n",
           "#### Removed policy `baz`\n",
           "#### Changed policy `foo`\n",
           "| rule `r1`: `condition` | `object.x == \"a\"` | `object.x == \"b\"` |\n",
           "| rule `r2` | _(none)_ | _added_ |\n",
           "| rule id | `r3` | `r4` |\n",
           "| exception `e1`: `expires` | `2099` | `2030` |\n",
       }) {
    EXPECT_NE(markdown.find(fragment), std::string::npos) << fragment << "\n" << markdown;
  }
}

TEST(BundleDiffReportTest, MarkdownCellsSurvivePipesBackticksAndNewlines) {
  BundleDiff diff;
  PolicyChange changed{.kind = ChangeKind::kChanged,
                       .name = "p",
                       .old_name = "",
                       .fields = {Field("match.when", "a || b", "`x`\nc", /*text=*/true)},
                       .rules = {}};
  diff.policies.push_back(changed);
  std::string markdown = RenderDiffMarkdown(diff);
  EXPECT_NE(markdown.find("| `match.when` | `a \\|\\| b` | `` `x` c `` |\n"), std::string::npos)
      << markdown;
}

}  // namespace
}  // namespace warden::report
