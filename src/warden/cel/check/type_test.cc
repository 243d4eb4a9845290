#include "warden/cel/check/type.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warden::cel {
namespace {

TEST(TypeTest, ToStringUsesCelNotation) {
  struct Case {
    Type type;
    std::string text;
  };
  const std::vector<Case> cases = {
      {Type::Dyn(), "dyn"},
      {Type::Error(), "error"},
      {Type::Null(), "null_type"},
      {Type::Int(), "int"},
      {Type::Uint(), "uint"},
      {Type::Timestamp(), "google.protobuf.Timestamp"},
      {Type::Duration(), "google.protobuf.Duration"},
      {Type::List(Type::Int()), "list(int)"},
      {Type::Map(Type::String(), Type::Dyn()), "map(string, dyn)"},
      {Type::Optional(Type::Int()), "optional_type(int)"},
      {Type::TypeType(), "type"},
      {Type::TypeOf(Type::Int()), "type(int)"},
      {Type::IP(), "net.IP"},
      {Type::Semver(), "Semver"},
      {Type::Param("T"), "T"},
      {Type::Opaque("tuple", {Type::Param("T"), Type::Int()}), "tuple(T, int)"},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.text);
    EXPECT_EQ(test_case.type.ToString(), test_case.text);
  }
}

TEST(TypeTest, ParseRoundTripsToString) {
  const std::vector<std::string> texts = {
      "bool",
      "bytes",
      "double",
      "string",
      "null_type",
      "dyn",
      "error",
      "list(list(int))",
      "map(string, map(int, list(uint)))",
      "type",
      "type(type(int))",
      "google.protobuf.Timestamp",
      "optional_type(list(string))",
      "net.CIDR",
      "tuple(T, U, V)",
      "list(list(list(list(list(dyn)))))",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    StatusOr<Type> parsed = Type::Parse(text);
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    EXPECT_EQ(parsed->ToString(), text);
  }
}

TEST(TypeTest, ParseRecognizesKindsAndParameters) {
  StatusOr<Type> map = Type::Parse(" map( string ,list(T) ) ");
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->kind(), TypeKind::kMap);
  EXPECT_EQ(map->param(0), Type::String());
  EXPECT_EQ(map->param(1), Type::List(Type::Param("T")));

  StatusOr<Type> optional = Type::Parse("optional_type(int)");
  ASSERT_TRUE(optional.ok());
  EXPECT_TRUE(optional->IsOptional());
  EXPECT_EQ(*optional, Type::Optional(Type::Int()));

  EXPECT_EQ(Type::Parse("list")->ToString(), "list(dyn)");
  EXPECT_EQ(Type::Parse("Semver")->kind(), TypeKind::kOpaque);
  EXPECT_EQ(Type::Parse("V2")->kind(), TypeKind::kTypeParam);
  const std::vector<std::string> params = {"Elem"};
  EXPECT_EQ(Type::Parse("list(Elem)", params)->param(0).kind(), TypeKind::kTypeParam);
}

TEST(TypeTest, ParseRejectsMalformedText) {
  const std::vector<std::string> texts = {
      "",           "list(",      "list(int",  "map(int)", "int(string)", "list(int, int)",
      "type(a, b)", "list(int))", "map(,int)", ".x",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    StatusOr<Type> parsed = Type::Parse(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(TypeTest, EqualityIsStructural) {
  EXPECT_EQ(Type::List(Type::Int()), Type::List(Type::Int()));
  EXPECT_NE(Type::List(Type::Int()), Type::List(Type::Uint()));
  EXPECT_NE(Type::TypeType(), Type::TypeOf(Type::Dyn()));
  EXPECT_EQ(Type(), Type::Dyn());
  EXPECT_NE(Type::Opaque("a"), Type::Opaque("b"));
  EXPECT_NE(Type::Param("A"), Type::Opaque("A"));
}

TEST(TypeTest, HasTypeParamsLooksInside) {
  EXPECT_FALSE(Type::Map(Type::String(), Type::Int()).HasTypeParams());
  EXPECT_TRUE(Type::Map(Type::String(), Type::Optional(Type::Param("V"))).HasTypeParams());
}

}  // namespace
}  // namespace warden::cel
