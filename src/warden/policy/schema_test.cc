#include "warden/policy/schema.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "warden/policy/model.h"

namespace warden::policy::schema {
namespace {

const Field& FieldAt(const ObjectSchema& object, std::vector<std::string_view> path) {
  const ObjectSchema* current = &object;
  const Field* field = nullptr;
  for (std::string_view name : path) {
    EXPECT_NE(current, nullptr) << name;
    field = FindField(*current, name);
    EXPECT_NE(field, nullptr) << name;
    if (field == nullptr) std::abort();
    const Type* type = field->type;
    while (type->shape == Shape::kList || type->shape == Shape::kMap) type = type->element;
    current = type->object;
  }
  return *field;
}

std::vector<std::string> Values(const Type& type) {
  return std::vector<std::string>(type.values.begin(), type.values.end());
}

template <typename Enum>
std::vector<std::string> ModelNames(int count, const char* (*name)(Enum)) {
  std::vector<std::string> names;
  for (int index = 0; index < count; ++index) names.push_back(name(static_cast<Enum>(index)));
  return names;
}

TEST(SchemaTest, NamesTheFourKinds) {
  std::vector<std::string> kinds;
  for (const KindSchema& kind : Kinds()) {
    kinds.emplace_back(kind.kind);
    EXPECT_EQ(FindKind(kind.kind), &kind);
    ASSERT_NE(kind.document, nullptr);
    const Field& field = FieldAt(*kind.document, {"kind"});
    EXPECT_EQ(Values(*field.type), std::vector<std::string>{std::string(kind.kind)});
    EXPECT_EQ(Values(*FieldAt(*kind.document, {"apiVersion"}).type),
              std::vector<std::string>{"warden/v1"});
    EXPECT_TRUE(FieldAt(*kind.document, {"metadata", "name"}).required);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"Policy", "Bundle", "Exception", "Test"}));
  EXPECT_EQ(FindKind("Pod"), nullptr);
}

TEST(SchemaTest, EnumValuesAreTheModelSpellings) {
  const ObjectSchema& policy = *FindKind("Policy")->document;
  const ObjectSchema& bundle = *FindKind("Bundle")->document;
  EXPECT_EQ(Values(*FieldAt(policy, {"metadata", "type"}).type), ModelNames(5, PolicyTypeName));
  EXPECT_EQ(Values(*FieldAt(policy, {"metadata", "severity"}).type), ModelNames(5, SeverityName));
  EXPECT_EQ(Values(*FieldAt(policy, {"spec", "rules", "severity"}).type),
            ModelNames(5, SeverityName));
  EXPECT_EQ(Values(*FieldAt(policy, {"spec", "enforcement"}).type), ModelNames(4, EnforcementName));
  EXPECT_EQ(Values(*FieldAt(policy, {"spec", "rules", "effect"}).type), ModelNames(5, EffectName));
  EXPECT_EQ(Values(*FieldAt(policy, {"spec", "on_error"}).type), ModelNames(2, OnErrorName));
  EXPECT_EQ(Values(*FieldAt(bundle, {"spec", "combining"}).type), ModelNames(3, CombiningName));
  for (const std::string& effect : Values(*FieldAt(bundle, {"spec", "default"}).type)) {
    Effect parsed{};
    EXPECT_TRUE(ParseEffect(effect, parsed)) << effect;
  }
}

TEST(SchemaTest, RequiredFieldsAreTheLoadTimeOnes) {
  const ObjectSchema& policy = *FindKind("Policy")->document;
  EXPECT_TRUE(FieldAt(policy, {"spec", "rules", "id"}).required);
  // `extends` may supply the condition; the resolver checks it.
  EXPECT_FALSE(FieldAt(policy, {"spec", "rules", "condition"}).required);
  const ObjectSchema& exception = *FindKind("Exception")->document;
  for (std::string_view name : {"policy", "justification", "expires"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(FieldAt(exception, {"spec", name}).required);
  }
  EXPECT_TRUE(FieldAt(*FindKind("Test")->document, {"spec", "cases", "name"}).required);
}

// Every object, visited once.
void CollectObjects(const Type& type, std::set<const ObjectSchema*>& seen) {
  if (type.element != nullptr) CollectObjects(*type.element, seen);
  if (type.object == nullptr || !seen.insert(type.object).second) return;
  for (const Field& field : type.object->fields) CollectObjects(*field.type, seen);
}

TEST(SchemaTest, EveryFieldHasADescriptionAndAUniqueName) {
  std::set<const ObjectSchema*> objects;
  for (const KindSchema& kind : Kinds()) {
    CollectObjects(Type{.shape = Shape::kObject, .object = kind.document}, objects);
  }
  EXPECT_GT(objects.size(), 15u);
  for (const ObjectSchema* object : objects) {
    EXPECT_FALSE(object->description.empty());
    std::set<std::string_view> names;
    for (const Field& field : object->fields) {
      SCOPED_TRACE(field.name);
      EXPECT_TRUE(names.insert(field.name).second);
      EXPECT_FALSE(field.description.empty());
      EXPECT_NE(field.description.back(), '.');
      ASSERT_NE(field.type, nullptr);
      if (field.type->shape == Shape::kEnum) {
        EXPECT_FALSE(field.type->values.empty());
      }
    }
    for (std::string_view choice : object->exactly_one_of) {
      EXPECT_NE(FindField(*object, choice), nullptr) << choice;
    }
  }
}

TEST(SchemaTest, NameFormats) {
  struct Case {
    std::string text;
    TextFormat format;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"privileged-containers", TextFormat::kName, true},
      {"a", TextFormat::kName, true},
      {"0-9", TextFormat::kName, true},
      {std::string(63, 'a'), TextFormat::kName, true},
      {std::string(64, 'a'), TextFormat::kName, false},
      {"", TextFormat::kName, false},
      {"-a", TextFormat::kName, false},
      {"a-", TextFormat::kName, false},
      {"Upper", TextFormat::kName, false},
      {"under_score", TextFormat::kName, false},
      {"no-privileged", TextFormat::kRuleId, true},
      {"CKV_AWS_20", TextFormat::kRuleId, true},
      {"has space", TextFormat::kRuleId, false},
      {"", TextFormat::kRuleId, false},
      {std::string(64, 'R'), TextFormat::kRuleId, false},
      {"containers", TextFormat::kIdentifier, true},
      {"_x9", TextFormat::kIdentifier, true},
      {"9x", TextFormat::kIdentifier, false},
      {"my-let", TextFormat::kIdentifier, false},
      {"in", TextFormat::kIdentifier, false},
      {"null", TextFormat::kIdentifier, false},
      {"", TextFormat::kIdentifier, false},
      {"", TextFormat::kNonEmpty, false},
      {" ", TextFormat::kNonEmpty, true},
      {"", TextFormat::kAny, true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text + " / " + std::to_string(static_cast<int>(test.format)));
    EXPECT_EQ(MatchesFormat(test.text, test.format), test.valid);
  }
}

TEST(SchemaTest, DescribesTypesForMessages) {
  const ObjectSchema& policy = *FindKind("Policy")->document;
  EXPECT_EQ(Describe(*FieldAt(policy, {"spec", "match", "kinds"}).type),
            "a string or a list of strings");
  EXPECT_EQ(Describe(*FieldAt(policy, {"metadata", "controls"}).type), "a list of strings");
  EXPECT_EQ(Describe(*FieldAt(policy, {"metadata", "labels"}).type), "a map of strings");
  EXPECT_EQ(Describe(*FieldAt(policy, {"spec", "rules"}).type), "a list of maps");
  EXPECT_EQ(Describe(*FieldAt(policy, {"spec"}).type), "a map");
  EXPECT_EQ(Describe(*FieldAt(policy, {"abstract"}).type), "a boolean");
  EXPECT_EQ(Describe(*FieldAt(policy, {"spec", "rules", "priority"}).type), "an integer");
}

TEST(SchemaTest, BuiltinVariablesAreIdentifiers) {
  for (std::string_view name : BuiltinVariables()) {
    EXPECT_TRUE(MatchesFormat(name, TextFormat::kIdentifier)) << name;
  }
}

}  // namespace
}  // namespace warden::policy::schema
