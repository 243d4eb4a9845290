#include "warden/service/inputs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/service/input_testing.h"

namespace warden::service {
namespace {

constexpr const char* kPlan =
    R"({"format_version": "1.2", "resource_changes": [{"address": "a.b", "type": "a"}]})";

class ReadInputsTest : public ::testing::Test {
 protected:
  testing::TempTree tree_;
};

TEST_F(ReadInputsTest, ReadsAFileInTheFormatOfItsName) {
  const std::string path = tree_.Write("deploy/pod.yaml", "apiVersion: v1\nkind: Pod\n");
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 1u);
  EXPECT_EQ((*inputs)[0].file, path);
  EXPECT_EQ((*inputs)[0].kind, "Pod");
}

TEST_F(ReadInputsTest, ForcedFormatOverridesTheName) {
  const std::string path = tree_.Write("config.txt", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}");
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, InputFormat::kJson});
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 1u);
  EXPECT_EQ((*inputs)[0].kind, "Pod");
}

TEST_F(ReadInputsTest, UnknownNameWithoutFormatIsInvalidArgument) {
  const std::string path = tree_.Write("config.txt");
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
  ASSERT_FALSE(inputs.ok());
  EXPECT_EQ(inputs.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ReadInputsTest, MissingFileIsNotFound) {
  StatusOr<std::vector<engine::DocumentInput>> inputs =
      ReadInputs({tree_.Path("absent.yaml"), std::nullopt});
  ASSERT_FALSE(inputs.ok());
  EXPECT_EQ(inputs.status().code(), StatusCode::kNotFound);
}

TEST_F(ReadInputsTest, MalformedFileReportsTheReadersPosition) {
  const std::string path = tree_.Write("bad.json", "{\"a\": }");
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
  ASSERT_FALSE(inputs.ok());
  EXPECT_EQ(inputs.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(inputs.status().message().rfind(path + ":1:", 0), 0u) << inputs.status().message();
}

TEST_F(ReadInputsTest, TerraformFormatAcceptsAPlan) {
  const std::string path = tree_.Write("plan.out", kPlan);
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, InputFormat::kTerraform});
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 2u);
  EXPECT_EQ((*inputs)[0].kind, "TerraformPlan");
  EXPECT_EQ((*inputs)[1].kind, "a");
  EXPECT_EQ((*inputs)[1].name, "a.b");
}

TEST_F(ReadInputsTest, TerraformFormatRejectsWhatIsNotAPlan) {
  for (const char* text :
       {R"({"apiVersion": "v1", "kind": "Pod"})", "null", "[1]", R"({"format_version": "1.0"})"}) {
    SCOPED_TRACE(text);
    const std::string path = tree_.Write("not-a-plan.json", text);
    StatusOr<std::vector<engine::DocumentInput>> inputs =
        ReadInputs({path, InputFormat::kTerraform});
    ASSERT_FALSE(inputs.ok());
    EXPECT_EQ(inputs.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(inputs.status().message().rfind(path, 0), 0u) << inputs.status().message();
  }
}

TEST_F(ReadInputsTest, PlanIsRecognisedWithoutTheTerraformFormat) {
  const std::string path = tree_.Write("plan.json", kPlan);
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 2u);
  EXPECT_EQ((*inputs)[0].kind, "TerraformPlan");
}

TEST_F(ReadInputsTest, InputsKeepTheirDocumentsAlive) {
  const std::string path =
      tree_.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {k: v}\n");
  engine::DocumentInput kept;
  {
    StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
    ASSERT_TRUE(inputs.ok()) << inputs.status().message();
    kept = (*inputs)[0];
  }
  const data::Node* data = kept.object->Find("data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->Find("k")->string_value(), "v");
}

TEST(ReadInputsFromTextTest, GuessesTheFormatWhenTheNameTellsNone) {
  StatusOr<std::vector<engine::DocumentInput>> json =
      ReadInputsFromText(R"({"apiVersion": "v1", "kind": "Pod"})", "<stdin>", std::nullopt);
  ASSERT_TRUE(json.ok()) << json.status().message();
  ASSERT_EQ(json->size(), 1u);
  EXPECT_EQ((*json)[0].kind, "Pod");
  EXPECT_EQ((*json)[0].file, "<stdin>");

  StatusOr<std::vector<engine::DocumentInput>> lines =
      ReadInputsFromText("{\"kind\": \"a\"}\n{\"kind\": \"b\"}\n", "<stdin>", std::nullopt);
  ASSERT_TRUE(lines.ok()) << lines.status().message();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].document_index, 1u);

  StatusOr<std::vector<engine::DocumentInput>> yaml =
      ReadInputsFromText("apiVersion: v1\nkind: Pod\n---\nkind: x\n", "<stdin>", std::nullopt);
  ASSERT_TRUE(yaml.ok()) << yaml.status().message();
  EXPECT_EQ(yaml->size(), 2u);
}

TEST(ReadInputsFromTextTest, NameTellsTheFormatBeforeGuessing) {
  // `{a: 1}` is a YAML flow mapping, not JSON: the name decides.
  StatusOr<std::vector<engine::DocumentInput>> inputs =
      ReadInputsFromText("{a: 1}", "flow.yaml", std::nullopt);
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  EXPECT_EQ(inputs->size(), 1u);
}

TEST(ReadInputsFromTextTest, ForcedTerraformOnStandardInput) {
  StatusOr<std::vector<engine::DocumentInput>> inputs =
      ReadInputsFromText(kPlan, "<stdin>", InputFormat::kTerraform);
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  EXPECT_EQ(inputs->size(), 2u);

  inputs = ReadInputsFromText("{}", "<stdin>", InputFormat::kTerraform);
  ASSERT_FALSE(inputs.ok());
  EXPECT_EQ(inputs.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(inputs.status().message().rfind("<stdin>:1:1: not a Terraform plan", 0), 0u)
      << inputs.status().message();
}

TEST_F(ReadInputsTest, DockerfileIsReadByNameAndNamedAfterTheFile) {
  const std::string path = tree_.Write("images/api/Dockerfile", "FROM alpine:3.19\nUSER app\n");
  StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs({path, std::nullopt});
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 1u);
  EXPECT_EQ((*inputs)[0].kind, "Dockerfile");
  EXPECT_EQ((*inputs)[0].name, "Dockerfile");
  EXPECT_EQ((*inputs)[0].file, path);
  ASSERT_NE((*inputs)[0].object, nullptr);
  EXPECT_NE((*inputs)[0].object->Find("stages"), nullptr);
}

TEST(ReadInputsFromTextTest, ForcedDockerfileOnStandardInput) {
  StatusOr<std::vector<engine::DocumentInput>> inputs =
      ReadInputsFromText("FROM alpine:3.19\n", "<stdin>", InputFormat::kDockerfile);
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(inputs->size(), 1u);
  EXPECT_EQ((*inputs)[0].kind, "Dockerfile");
  EXPECT_EQ((*inputs)[0].name, "<stdin>");
}

}  // namespace
}  // namespace warden::service
