#include "warden/service/input_classify.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/data/yaml_reader.h"
#include "warden/service/inputs.h"

namespace warden::service {
namespace {

std::vector<engine::DocumentInput> Read(std::string_view text, std::string file,
                                        std::optional<InputFormat> format = std::nullopt) {
  StatusOr<std::vector<engine::DocumentInput>> inputs =
      ReadInputsFromText(text, std::move(file), format);
  EXPECT_TRUE(inputs.ok()) << inputs.status().message();
  return inputs.ok() ? std::move(inputs).value() : std::vector<engine::DocumentInput>();
}

TEST(ClassifyTest, KubernetesObjectGetsItsIdentity) {
  std::vector<engine::DocumentInput> inputs = Read(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec: {}
)",
                                                   "deploy/web.yaml");
  ASSERT_EQ(inputs.size(), 1u);
  const engine::DocumentInput& input = inputs[0];
  EXPECT_EQ(input.file, "deploy/web.yaml");
  EXPECT_EQ(input.document_index, 0u);
  EXPECT_EQ(input.item_index, std::nullopt);
  EXPECT_EQ(input.api_version, "apps/v1");
  EXPECT_EQ(input.kind, "Deployment");
  EXPECT_EQ(input.name, "web");
  EXPECT_EQ(input.namespace_name, "shop");
  EXPECT_EQ(input.path_prefix, "");
  ASSERT_NE(input.object, nullptr);
  EXPECT_EQ(input.object, input.document_root);
  EXPECT_EQ(input.context_root, nullptr);
  EXPECT_NE(input.storage, nullptr);
}

TEST(ClassifyTest, NonStringIdentityFieldsStayEmpty) {
  std::vector<engine::DocumentInput> inputs =
      Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 5, namespace: [a]}\n", "cm.yaml");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "ConfigMap");
  EXPECT_EQ(inputs[0].name, "");
  EXPECT_EQ(inputs[0].namespace_name, "");
}

TEST(ClassifyTest, KindWithoutApiVersionIsNotKubernetes) {
  std::vector<engine::DocumentInput> inputs = Read("kind: Pod\nmetadata: {name: x}\n", "x.yaml");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "");
  EXPECT_EQ(inputs[0].name, "");
}

TEST(ClassifyTest, MultiDocumentStreamKeepsIndexesAndSkipsNullDocuments) {
  std::vector<engine::DocumentInput> inputs = Read(R"(---
apiVersion: v1
kind: Service
metadata: {name: a}
---
---
# only a comment
---
apiVersion: v1
kind: Pod
metadata: {name: b}
)",
                                                   "all.yaml");
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].kind, "Service");
  EXPECT_EQ(inputs[0].document_index, 0u);
  EXPECT_EQ(inputs[1].kind, "Pod");
  EXPECT_EQ(inputs[1].document_index, 3u);
}

TEST(ClassifyTest, KubernetesListExpandsIntoItems) {
  std::vector<engine::DocumentInput> inputs = Read(R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: ns}
  - null
  - {plain: map}
  - apiVersion: v1
    kind: Service
    metadata: {name: c}
)",
                                                   "list.yaml");
  ASSERT_EQ(inputs.size(), 3u);
  const data::Node& root = *inputs[0].document_root;
  const data::Node& items = *root.Find("items");
  const size_t expected_index[] = {0, 2, 3};
  for (size_t input_idx = 0; input_idx < inputs.size(); ++input_idx) {
    SCOPED_TRACE(input_idx);
    const engine::DocumentInput& input = inputs[input_idx];
    const size_t item_idx = expected_index[input_idx];
    EXPECT_EQ(input.item_index, item_idx);
    EXPECT_EQ(input.path_prefix, "items[" + std::to_string(item_idx) + "]");
    EXPECT_EQ(input.object, &items.item(item_idx));
    EXPECT_EQ(input.document_root, &root);
    EXPECT_EQ(input.document_index, 0u);
  }
  EXPECT_EQ(inputs[0].kind, "Pod");
  EXPECT_EQ(inputs[0].name, "a");
  EXPECT_EQ(inputs[0].namespace_name, "ns");
  EXPECT_EQ(inputs[1].kind, "");
  EXPECT_EQ(inputs[2].kind, "Service");
  EXPECT_EQ(inputs[2].name, "c");
}

TEST(ClassifyTest, TypedListFromJsonExpandsIntoItems) {
  std::vector<engine::DocumentInput> inputs = Read(
      R"({"apiVersion": "v1", "kind": "PodList", "items": [{"apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "p"}}]})",
      "pods.json");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "Pod");
  EXPECT_EQ(inputs[0].item_index, 0u);
  EXPECT_EQ(inputs[0].path_prefix, "items[0]");
}

TEST(ClassifyTest, KindEndingInListWithoutItemsIsAnObject) {
  std::vector<engine::DocumentInput> inputs =
      Read("apiVersion: x/v1\nkind: AllowList\nmetadata: {name: ok}\nspec: {}\n", "a.yaml");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "AllowList");
  EXPECT_EQ(inputs[0].item_index, std::nullopt);
}

TEST(ClassifyTest, EmptyListGivesNoInputs) {
  EXPECT_TRUE(Read("apiVersion: v1\nkind: List\nitems: []\n", "a.yaml").empty());
}

constexpr const char* kPlan = R"({
  "format_version": "1.2",
  "terraform_version": "1.6.0",
  "planned_values": {"root_module": {}},
  "resource_changes": [
    {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs",
     "change": {"actions": ["create"], "after": {"bucket": "logs"}}},
    {"address": "module.net.aws_vpc.main", "type": "aws_vpc", "name": "main",
     "change": {"actions": ["update"]}}
  ]
})";

TEST(ClassifyTest, TerraformPlanExpandsIntoResourceChanges) {
  std::vector<engine::DocumentInput> inputs = Read(kPlan, "plan.json");
  ASSERT_EQ(inputs.size(), 3u);
  const data::Node* plan = inputs[0].document_root;
  ASSERT_NE(plan, nullptr);
  const data::Node& changes = *plan->Find("resource_changes");

  EXPECT_EQ(inputs[0].kind, "TerraformPlan");
  EXPECT_EQ(inputs[0].name, "");
  EXPECT_EQ(inputs[0].object, plan);
  EXPECT_EQ(inputs[0].context_root, plan);
  EXPECT_EQ(inputs[0].path_prefix, "");

  EXPECT_EQ(inputs[1].kind, "aws_s3_bucket");
  EXPECT_EQ(inputs[1].name, "aws_s3_bucket.logs");
  EXPECT_EQ(inputs[1].object, &changes.item(0));
  EXPECT_EQ(inputs[1].context_root, plan);
  EXPECT_EQ(inputs[1].document_root, plan);
  EXPECT_EQ(inputs[1].path_prefix, "resource_changes[0]");
  EXPECT_EQ(inputs[1].item_index, std::nullopt);

  EXPECT_EQ(inputs[2].kind, "aws_vpc");
  EXPECT_EQ(inputs[2].name, "module.net.aws_vpc.main");
  EXPECT_EQ(inputs[2].path_prefix, "resource_changes[1]");
  EXPECT_EQ(inputs[2].api_version, "");
}

TEST(ClassifyTest, TerraformPlanWithoutResourceChangesIsOneInput) {
  std::vector<engine::DocumentInput> inputs =
      Read(R"({"format_version": "1.0", "planned_values": {}})", "plan.json");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "TerraformPlan");
}

TEST(ClassifyTest, DockerfileIsNamedAfterTheFile) {
  // The Dockerfile reader's tree is classified by format alone; any tree will do here.
  StatusOr<std::vector<data::Document>> documents =
      data::ReadYaml("instructions: []\n", "images/api/Dockerfile");
  ASSERT_TRUE(documents.ok());
  std::vector<engine::DocumentInput> inputs;
  ClassifyDocument(documents->front(), data::Format::kDockerfile, inputs);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "Dockerfile");
  EXPECT_EQ(inputs[0].name, "Dockerfile");
  EXPECT_EQ(inputs[0].file, "images/api/Dockerfile");
}

TEST(ClassifyTest, GitHubWorkflowByPathUsesItsName) {
  std::vector<engine::DocumentInput> inputs =
      Read("name: CI\non: push\njobs: {}\n", "repo/.github/workflows/ci.yml");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "GitHubWorkflow");
  EXPECT_EQ(inputs[0].name, "CI");
}

TEST(ClassifyTest, GitHubWorkflowWithoutNameUsesTheBaseName) {
  std::vector<engine::DocumentInput> inputs =
      Read("jobs:\n  build: {runs-on: ubuntu-latest}\n", ".github/workflows/build.yaml");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].kind, "GitHubWorkflow");
  EXPECT_EQ(inputs[0].name, "build.yaml");
}

TEST(ClassifyTest, GitHubWorkflowByOnAndJobsKeys) {
  // YAML 1.2: the plain scalar `on` is the string "on", not true.
  std::vector<engine::DocumentInput> yaml =
      Read("on:\n  push: {}\njobs:\n  test: {}\n", "ci/workflow.yaml");
  ASSERT_EQ(yaml.size(), 1u);
  EXPECT_EQ(yaml[0].kind, "GitHubWorkflow");
  EXPECT_EQ(yaml[0].name, "workflow.yaml");

  std::vector<engine::DocumentInput> json =
      Read(R"({"name": "w", "on": ["push"], "jobs": {}})", "w.json");
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0].kind, "GitHubWorkflow");
  EXPECT_EQ(json[0].name, "w");

  std::vector<engine::DocumentInput> only_jobs = Read("jobs: {}\n", "ci/other.yaml");
  ASSERT_EQ(only_jobs.size(), 1u);
  EXPECT_EQ(only_jobs[0].kind, "");
}

TEST(ClassifyTest, GitLabCiByFileName) {
  for (const char* file : {".gitlab-ci.yml", "sub/.gitlab-ci.yaml"}) {
    SCOPED_TRACE(file);
    std::vector<engine::DocumentInput> inputs = Read("stages: [test]\n", file);
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].kind, "GitLabCI");
    EXPECT_EQ(inputs[0].name, BaseName(file));
  }
}

TEST(ClassifyTest, AnythingElseHasAnEmptyKind) {
  for (const char* text : {"a: 1\n", "[1, 2]\n", "42\n", "\"text\"\n"}) {
    SCOPED_TRACE(text);
    std::vector<engine::DocumentInput> inputs = Read(text, "values.yaml");
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].kind, "");
    EXPECT_EQ(inputs[0].name, "");
    EXPECT_NE(inputs[0].object, nullptr);
  }
}

TEST(ClassifyTest, GitHubWorkflowPaths) {
  struct Case {
    const char* path;
    bool expected;
  };
  const Case cases[] = {
      {".github/workflows/ci.yml", true},
      {"repo/.github/workflows/ci.yml", true},
      {"/abs/repo/.github/workflows/sub/ci.yml", true},
      {"x.github/workflows/ci.yml", false},
      {".github/workflowsx/ci.yml", false},
      {".github/ci.yml", false},
      {"<stdin>", false},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.path);
    EXPECT_EQ(IsGitHubWorkflowPath(test_case.path), test_case.expected);
  }
}

TEST(ClassifyTest, BaseNames) {
  EXPECT_EQ(BaseName("a/b/c.yaml"), "c.yaml");
  EXPECT_EQ(BaseName("c.yaml"), "c.yaml");
  EXPECT_EQ(BaseName("dir/"), "");
}

}  // namespace
}  // namespace warden::service
