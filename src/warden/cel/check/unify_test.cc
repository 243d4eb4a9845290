#include "warden/cel/check/unify.h"

#include <gtest/gtest.h>

#include "warden/cel/check/resolver.h"

namespace warden::cel::check_internal {
namespace {

TEST(UnifyTest, FreeParameterBindsToTheOtherType) {
  Substitutions subs;
  Type param = Type::Param("A");
  ASSERT_TRUE(IsAssignable(subs, Type::List(Type::Int()), Type::List(param)));
  EXPECT_EQ(Substitute(subs, param, false), Type::Int());
}

TEST(UnifyTest, BoundParameterWidensToDyn) {
  Substitutions subs;
  Type param = Type::Param("A");
  ASSERT_TRUE(IsAssignable(subs, Type::Int(), param));
  ASSERT_TRUE(IsAssignable(subs, Type::Dyn(), param));
  EXPECT_EQ(Substitute(subs, param, false), Type::Dyn());
}

TEST(UnifyTest, BoundParameterRejectsAnotherType) {
  Substitutions subs;
  Type param = Type::Param("A");
  ASSERT_TRUE(IsAssignable(subs, Type::Int(), param));
  EXPECT_FALSE(IsAssignable(subs, Type::String(), param));
  EXPECT_EQ(Substitute(subs, param, false), Type::Int());
}

TEST(UnifyTest, FailedAttemptsLeaveNoBindings) {
  Substitutions subs;
  Type a = Type::Param("A");
  Type b = Type::Param("B");
  // A binds to int, then the map values fail: both bindings must be undone.
  EXPECT_FALSE(IsAssignableList(subs, {Type::Int(), Type::String()}, {a, Type::Int()}));
  EXPECT_EQ(subs.Find(a), nullptr);
  EXPECT_FALSE(IsAssignable(subs, Type::Map(Type::Int(), Type::String()), Type::Map(b, b)));
  EXPECT_EQ(subs.Find(b), nullptr);
}

TEST(UnifyTest, OccursCheckPreventsCyclicBindings) {
  Substitutions subs;
  Type param = Type::Param("A");
  EXPECT_FALSE(IsAssignable(subs, param, Type::List(param)));
  EXPECT_EQ(subs.Find(param), nullptr);
}

TEST(UnifyTest, DynAndErrorUnifyWithEverything) {
  Substitutions subs;
  EXPECT_TRUE(IsAssignable(subs, Type::Dyn(), Type::Map(Type::Int(), Type::Bytes())));
  EXPECT_TRUE(IsAssignable(subs, Type::IP(), Type::Error()));
  EXPECT_TRUE(IsAssignable(subs, Type::List(Type::Dyn()), Type::List(Type::String())));
  EXPECT_FALSE(IsAssignable(subs, Type::List(Type::Int()), Type::Map(Type::Int(), Type::Int())));
}

TEST(UnifyTest, NullUnifiesOnlyWithNullableTypes) {
  Substitutions subs;
  EXPECT_TRUE(IsAssignable(subs, Type::Null(), Type::Timestamp()));
  EXPECT_TRUE(IsAssignable(subs, Type::Optional(Type::Int()), Type::Null()));
  EXPECT_TRUE(IsAssignable(subs, Type::Null(), Type::Null()));
  EXPECT_FALSE(IsAssignable(subs, Type::Null(), Type::Int()));
  EXPECT_FALSE(IsAssignable(subs, Type::String(), Type::Null()));
}

TEST(UnifyTest, AllTypeValuesUnify) {
  Substitutions subs;
  EXPECT_TRUE(IsAssignable(subs, Type::TypeOf(Type::Int()), Type::TypeOf(Type::String())));
  EXPECT_TRUE(IsAssignable(subs, Type::TypeType(), Type::TypeOf(Type::String())));
}

TEST(UnifyTest, OpaqueTypesUnifyByNameAndParameters) {
  Substitutions subs;
  EXPECT_TRUE(IsAssignable(subs, Type::IP(), Type::IP()));
  EXPECT_FALSE(IsAssignable(subs, Type::IP(), Type::CIDR()));
  EXPECT_FALSE(IsAssignable(subs, Type::Optional(Type::Int()), Type::Optional(Type::String())));
}

TEST(UnifyTest, MostGeneralPrefersDynAndNullableTypes) {
  EXPECT_EQ(MostGeneral(Type::Int(), Type::Dyn()), Type::Dyn());
  EXPECT_EQ(MostGeneral(Type::Optional(Type::Dyn()), Type::Optional(Type::Int())),
            Type::Optional(Type::Dyn()));
  EXPECT_EQ(MostGeneral(Type::Null(), Type::Optional(Type::Int())), Type::Optional(Type::Int()));
  EXPECT_EQ(MostGeneral(Type::Optional(Type::Int()), Type::Null()), Type::Optional(Type::Int()));
  EXPECT_EQ(MostGeneral(Type::List(Type::Param("A")), Type::List(Type::Int())),
            Type::List(Type::Param("A")));
}

TEST(UnifyTest, SubstituteFollowsChainsAndDefaultsToDyn) {
  Substitutions subs;
  Type a = Type::Param("A");
  Type b = Type::Param("B");
  subs.Bind(a, Type::List(b));
  EXPECT_EQ(Substitute(subs, Type::Map(Type::String(), a), false).ToString(),
            "map(string, list(B))");
  EXPECT_EQ(Substitute(subs, Type::Map(Type::String(), a), true).ToString(),
            "map(string, list(dyn))");
  size_t mark = subs.Mark();
  subs.Bind(b, Type::Int());
  EXPECT_EQ(Substitute(subs, a, true).ToString(), "list(int)");
  subs.Rollback(mark);
  EXPECT_EQ(subs.Find(b), nullptr);
}

TEST(EditDistanceTest, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("size", "size"), 0u);
  EXPECT_EQ(EditDistance("sise", "size"), 1u);
  EXPECT_EQ(EditDistance("severity", "sevrity"), 1u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace warden::cel::check_internal
