#include "warden/engine/locate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/data/yaml_reader.h"

namespace warden::engine {
namespace {

constexpr const char* kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    "say \"hi\"": quoted
    "0": zero
spec:
  containers:
    - name: app
      image: nginx:1.25
    - name: sidecar
      image: envoy
      securityContext:
        privileged: true
)";

class LocatePathTest : public testing::Test {
 protected:
  void SetUp() override {
    StatusOr<std::vector<data::Document>> documents = data::ReadYaml(kPod, "pod.yaml");
    ASSERT_TRUE(documents.ok()) << documents.status().message();
    documents_ = std::move(documents).value();
    root_ = documents_.front().root;
  }

  std::vector<data::Document> documents_;
  const data::Node* root_ = nullptr;
};

TEST_F(LocatePathTest, ExactPathPointsAtTheKeyOfTheLastField) {
  LocateResult result = LocatePath(*root_, "spec.containers[0].image");
  EXPECT_TRUE(result.exact);
  ASSERT_TRUE(result.node->is_string());
  EXPECT_EQ(result.node->string_value(), "nginx:1.25");
  EXPECT_EQ(result.position, (SourcePosition{12, 7}));
  EXPECT_EQ(result.resolved, "spec.containers[0].image");
}

TEST_F(LocatePathTest, BlockMappingValuePointsAtTheLineOfItsKey) {
  LocateResult result = LocatePath(*root_, "metadata.labels");
  EXPECT_TRUE(result.exact);
  EXPECT_TRUE(result.node->is_map());
  EXPECT_EQ(result.position, (SourcePosition{5, 3}));
}

TEST_F(LocatePathTest, ListItemPointsAtTheItem) {
  LocateResult result = LocatePath(*root_, "spec.containers[1]");
  EXPECT_TRUE(result.exact);
  EXPECT_TRUE(result.node->is_map());
  EXPECT_EQ(result.position.line, 13u);
}

TEST_F(LocatePathTest, MissingFieldResolvesToNearestExistingAncestor) {
  LocateResult result = LocatePath(*root_, "spec.containers[0].securityContext.privileged");
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.resolved, "spec.containers[0]");
  ASSERT_TRUE(result.node->is_map());
  EXPECT_NE(result.node->Find("image"), nullptr);
  EXPECT_EQ(result.position.line, 11u);
}

TEST_F(LocatePathTest, IndexOutOfRangeResolvesToTheList) {
  LocateResult result = LocatePath(*root_, "spec.containers[7].image");
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.resolved, "spec.containers");
  EXPECT_TRUE(result.node->is_list());
  EXPECT_EQ(result.position, (SourcePosition{10, 3}));
}

TEST_F(LocatePathTest, DeepExactPath) {
  LocateResult result = LocatePath(*root_, "spec.containers[1].securityContext.privileged");
  EXPECT_TRUE(result.exact);
  EXPECT_EQ(result.position, (SourcePosition{16, 9}));
}

TEST_F(LocatePathTest, QuotedKeysMayContainDotsAndSlashes) {
  for (const char* path : {R"(metadata.labels["app.kubernetes.io/name"])",
                           R"(metadata.labels['app.kubernetes.io/name'])"}) {
    SCOPED_TRACE(path);
    LocateResult result = LocatePath(*root_, path);
    EXPECT_TRUE(result.exact);
    ASSERT_TRUE(result.node->is_string());
    EXPECT_EQ(result.node->string_value(), "web");
    EXPECT_EQ(result.position, (SourcePosition{6, 5}));
  }
}

TEST_F(LocatePathTest, QuotedKeyEscapesAreUnescaped) {
  LocateResult result = LocatePath(*root_, R"(metadata.labels["say \"hi\""])");
  EXPECT_TRUE(result.exact);
  ASSERT_TRUE(result.node->is_string());
  EXPECT_EQ(result.node->string_value(), "quoted");
}

TEST_F(LocatePathTest, MissingQuotedKeyResolvesToTheMap) {
  LocateResult result = LocatePath(*root_, R"(metadata.labels["team"])");
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.resolved, "metadata.labels");
}

TEST_F(LocatePathTest, DigitIndexOnMapLooksUpTheKey) {
  LocateResult result = LocatePath(*root_, "metadata.labels[0]");
  EXPECT_TRUE(result.exact);
  ASSERT_TRUE(result.node->is_string());
  EXPECT_EQ(result.node->string_value(), "zero");
}

TEST_F(LocatePathTest, EmptyPathIsTheRoot) {
  LocateResult result = LocatePath(*root_, "");
  EXPECT_TRUE(result.exact);
  EXPECT_EQ(result.node, root_);
  EXPECT_EQ(result.position, root_->position());
  EXPECT_TRUE(result.resolved.empty());
}

TEST_F(LocatePathTest, FieldOfAScalarIsNotFound) {
  LocateResult result = LocatePath(*root_, "metadata.name.first");
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.resolved, "metadata.name");
  EXPECT_EQ(result.position, (SourcePosition{4, 3}));
}

TEST_F(LocatePathTest, MalformedPathResolvesAsFarAsItParses) {
  struct Case {
    const char* path;
    const char* resolved;
  };
  const Case cases[] = {
      {"spec..containers", "spec"},
      {"spec.", "spec"},
      {".spec", ""},
      {"spec.containers[", "spec.containers"},
      {"spec.containers[]", "spec.containers"},
      {"spec.containers[0", "spec.containers"},
      {R"(metadata.labels["app)", "metadata.labels"},
      {R"(metadata.labels["app"x])", "metadata.labels"},
      {"spec.containers[0]image", "spec.containers[0]"},
      {"spec.containers[99999999999999999999999]", "spec.containers"},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.path);
    LocateResult result = LocatePath(*root_, test_case.path);
    EXPECT_FALSE(result.exact);
    EXPECT_EQ(result.resolved, test_case.resolved);
    EXPECT_NE(result.node, nullptr);
  }
}

TEST(LocatePathListRootTest, PathMayStartWithAnIndex) {
  StatusOr<std::vector<data::Document>> documents =
      data::ReadYaml("- name: a\n- name: b\n", "list.yaml");
  ASSERT_TRUE(documents.ok());
  const data::Node& root = *documents->front().root;
  LocateResult result = LocatePath(root, "[1].name");
  EXPECT_TRUE(result.exact);
  EXPECT_EQ(result.node->string_value(), "b");
  EXPECT_EQ(result.position, (SourcePosition{2, 3}));
}

TEST(LocatePathListRootTest, KubernetesListItemPrefix) {
  StatusOr<std::vector<data::Document>> documents = data::ReadYaml(
      "apiVersion: v1\nkind: List\nitems:\n  - kind: Pod\n  - kind: Service\n    spec: {}\n",
      "list.yaml");
  ASSERT_TRUE(documents.ok());
  const data::Node& root = *documents->front().root;
  LocateResult result = LocatePath(root, "items[1].spec.ports");
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.resolved, "items[1].spec");
  EXPECT_EQ(result.position, (SourcePosition{6, 5}));
}

}  // namespace
}  // namespace warden::engine
