#include "warden/policy/model.h"

#include <gtest/gtest.h>

#include <string>

namespace warden::policy {
namespace {

template <typename Enum>
void ExpectRoundTrip(int count, const char* (*name)(Enum), bool (*parse)(std::string_view, Enum&)) {
  for (int index = 0; index < count; ++index) {
    auto value = static_cast<Enum>(index);
    SCOPED_TRACE(name(value));
    Enum parsed{};
    ASSERT_TRUE(parse(name(value), parsed));
    EXPECT_EQ(parsed, value);
  }
  Enum unused{};
  EXPECT_FALSE(parse("", unused));
  EXPECT_FALSE(parse("nonsense", unused));
}

TEST(ModelTest, EveryEnumNameParsesBack) {
  ExpectRoundTrip(5, PolicyTypeName, ParsePolicyType);
  ExpectRoundTrip(5, SeverityName, ParseSeverity);
  ExpectRoundTrip(4, EnforcementName, ParseEnforcement);
  ExpectRoundTrip(5, EffectName, ParseEffect);
  ExpectRoundTrip(3, CombiningName, ParseCombining);
  ExpectRoundTrip(2, OnErrorName, ParseOnError);
}

TEST(ModelTest, NamesAreTheYamlSpellings) {
  EXPECT_STREQ(EffectName(Effect::kRequireApproval), "require_approval");
  EXPECT_STREQ(CombiningName(Combining::kDenyOverrides), "deny-overrides");
  EXPECT_STREQ(SeverityName(Severity::kCritical), "critical");
  EXPECT_STREQ(EnforcementName(Enforcement::kDisabled), "disabled");
  EXPECT_STREQ(PolicyTypeName(PolicyType::kAccess), "access");
  EXPECT_STREQ(OnErrorName(OnError::kDeny), "deny");
}

TEST(ModelTest, ParsingIsCaseSensitive) {
  Severity severity{};
  EXPECT_FALSE(ParseSeverity("High", severity));
  EXPECT_FALSE(ParseSeverity("high ", severity));
}

}  // namespace
}  // namespace warden::policy
