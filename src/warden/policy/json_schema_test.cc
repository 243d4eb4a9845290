#include "warden/policy/json_schema.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "warden/data/json_reader.h"

namespace warden::policy {
namespace {

data::Document ParseSchema() {
  StatusOr<data::Document> document = data::ReadJson(RenderJsonSchema(), "schema.json");
  EXPECT_TRUE(document.ok()) << document.status().message();
  if (!document.ok()) std::abort();
  return std::move(*document);
}

std::vector<std::string> Strings(const data::Node* list) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  for (const data::Node& item : list->items()) out.emplace_back(item.string_value());
  return out;
}

// Every node of the tree, depth first.
void Walk(const data::Node& node, const std::function<void(const data::Node&)>& visit) {
  visit(node);
  for (const data::Node& item : node.items()) Walk(item, visit);
  for (const data::MapEntry& entry : node.entries()) Walk(entry.value, visit);
}

const data::Node* Branch(const data::Node& root, std::string_view kind) {
  for (const data::Node& branch : root.Find("oneOf")->items()) {
    if (Strings(branch.Find("properties")->Find("kind")->Find("enum")) ==
        std::vector<std::string>{std::string(kind)}) {
      return &branch;
    }
  }
  return nullptr;
}

TEST(JsonSchemaTest, IsOneOfTheFourKindsDiscriminatedByKind) {
  data::Document document = ParseSchema();
  const data::Node& root = *document.root;
  ASSERT_NE(root.Find("$schema"), nullptr);
  EXPECT_EQ(root.Find("$schema")->string_value(), "http://json-schema.org/draft-07/schema#");
  const data::Node* one_of = root.Find("oneOf");
  ASSERT_NE(one_of, nullptr);
  ASSERT_EQ(one_of->size(), 4u);
  for (std::string_view kind : {"Policy", "Bundle", "Exception", "Test"}) {
    SCOPED_TRACE(kind);
    const data::Node* branch = Branch(root, kind);
    ASSERT_NE(branch, nullptr);
    EXPECT_EQ(branch->Find("title")->string_value(), kind);
    EXPECT_FALSE(branch->Find("description")->string_value().empty());
    EXPECT_FALSE(branch->Find("additionalProperties")->bool_value());
    std::vector<std::string> required = Strings(branch->Find("required"));
    EXPECT_EQ(std::set<std::string>(required.begin(), required.end()).count("apiVersion"), 1u);
    EXPECT_EQ(Strings(branch->Find("properties")->Find("apiVersion")->Find("enum")),
              std::vector<std::string>{"warden/v1"});
  }
}

TEST(JsonSchemaTest, ListsEnumValuesAndDescriptions) {
  data::Document document = ParseSchema();
  const data::Node* policy = Branch(*document.root, "Policy");
  ASSERT_NE(policy, nullptr);
  const data::Node* metadata = policy->Find("properties")->Find("metadata");
  EXPECT_EQ(Strings(metadata->Find("properties")->Find("severity")->Find("enum")),
            (std::vector<std::string>{"info", "low", "medium", "high", "critical"}));
  EXPECT_EQ(Strings(metadata->Find("required")), std::vector<std::string>{"name"});
  EXPECT_NE(metadata->Find("properties")->Find("name")->Find("pattern"), nullptr);
  const data::Node* rule =
      policy->Find("properties")->Find("spec")->Find("properties")->Find("rules")->Find("items");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(Strings(rule->Find("properties")->Find("effect")->Find("enum")),
            (std::vector<std::string>{"deny", "allow", "require_approval", "warn", "audit"}));
  EXPECT_FALSE(
      rule->Find("properties")->Find("condition")->Find("description")->string_value().empty());
  const data::Node* bundle = Branch(*document.root, "Bundle");
  const data::Node* combining =
      bundle->Find("properties")->Find("spec")->Find("properties")->Find("combining");
  EXPECT_EQ(Strings(combining->Find("enum")),
            (std::vector<std::string>{"deny-overrides", "first-match", "allow-overrides"}));
  const data::Node* exception = Branch(*document.root, "Exception");
  const data::Node* spec = exception->Find("properties")->Find("spec");
  EXPECT_EQ(Strings(spec->Find("required")),
            (std::vector<std::string>{"policy", "justification", "expires"}));
  EXPECT_EQ(spec->Find("properties")->Find("expires")->Find("format")->string_value(), "date-time");
}

TEST(JsonSchemaTest, EveryObjectForbidsAdditionalProperties) {
  data::Document document = ParseSchema();
  size_t objects = 0;
  Walk(*document.root, [&](const data::Node& node) {
    if (node.Find("properties") == nullptr || !node.Find("properties")->is_map()) return;
    // `properties` maps field names to schemas; a schema with them is a closed object.
    const data::Node* type = node.Find("type");
    if (type == nullptr || type->string_value() != "object") return;
    ++objects;
    const data::Node* additional = node.Find("additionalProperties");
    ASSERT_NE(additional, nullptr);
    EXPECT_EQ(additional->kind(), data::NodeKind::kBool);
    EXPECT_FALSE(additional->bool_value());
  });
  EXPECT_GT(objects, 15u);
}

TEST(JsonSchemaTest, SingleStringMatchListsAndIncludeChoicesAreExpressed) {
  data::Document document = ParseSchema();
  const data::Node* policy = Branch(*document.root, "Policy");
  const data::Node* kinds = policy->Find("properties")
                                ->Find("spec")
                                ->Find("properties")
                                ->Find("match")
                                ->Find("properties")
                                ->Find("kinds");
  ASSERT_NE(kinds, nullptr);
  ASSERT_NE(kinds->Find("anyOf"), nullptr);
  EXPECT_EQ(kinds->Find("anyOf")->size(), 2u);
  const data::Node* include = Branch(*document.root, "Bundle")
                                  ->Find("properties")
                                  ->Find("spec")
                                  ->Find("properties")
                                  ->Find("include")
                                  ->Find("items");
  ASSERT_NE(include, nullptr);
  ASSERT_NE(include->Find("oneOf"), nullptr);
  EXPECT_EQ(include->Find("oneOf")->size(), 2u);
}

TEST(JsonSchemaTest, IsDeterministic) { EXPECT_EQ(RenderJsonSchema(), RenderJsonSchema()); }

}  // namespace
}  // namespace warden::policy
