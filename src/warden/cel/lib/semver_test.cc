// Tests of the semver extension (Kubernetes' semver library) and of the parser and
// ordering behind it. Cases marked "kubernetes" mirror Kubernetes' semver_test.go.

#include "warden/cel/lib/semver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsBool;
using testing::IsError;
using testing::IsInt;

class SemverExtensionsTest : public ::testing::Test {
 protected:
  Value S(std::string_view text) { return tester.Str(text); }
  Value Semver(std::string_view text) { return tester.Global("semver", {S(text)}); }
  Value SemverNormalized(std::string_view text) {
    return tester.Global("semver", {S(text), Value::True()});
  }

  ExtTester tester{RegisterSemverExtensions};
};

TEST_F(SemverExtensionsTest, IsSemverAcceptsOnlyStrictSemver) {
  struct Case {
    std::string text;
    bool strict;
    bool normalized;
  };
  const std::vector<Case> cases = {
      // kubernetes
      {"1.2.3", true, true},
      {"1.2.3-beta.1+build.1", true, true},
      {"", false, false},
      {"v1.0.0", false, true},
      {" 1.0.0", false, false},
      {"1. 0.0", false, false},
      {"1.0.0 ", false, false},
      {"01.01.01", false, true},
      {"1", false, true},
      {"1.1", false, true},
      // more
      {"0.0.0", true, true},
      {"1.2.3-alpha", true, true},
      {"1.2.3-alpha.0.x-y", true, true},
      {"1.2.3+build.007", true, true},  // build identifiers may have leading zeros
      {"1.2.3-01", false, false},       // numeric pre-release identifiers may not
      {"1.2.3-", false, false},
      {"1.2.3+", false, false},
      {"1.2.3-a..b", false, false},
      {"1.2.3-a_b", false, false},
      {"1.2.3.4", false, false},
      {"1.2.-3", false, true},  // normalization reads the patch "-3" as "0-3"
      {"18446744073709551615.0.0", true, true},
      {"18446744073709551616.0.0", false, false},
      {"1-beta", false, false},  // short versions cannot carry pre-release data
      {"vv1.0.0", false, false},
      {"1.02.3-rc.1", false, true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(IsBool(tester.Global("isSemver", {S(test.text)}), test.strict));
    EXPECT_TRUE(IsBool(tester.Global("isSemver", {S(test.text), Value::False()}), test.strict));
    EXPECT_TRUE(IsBool(tester.Global("isSemver", {S(test.text), Value::True()}), test.normalized));
    Value parsed = Semver(test.text);
    if (test.strict) {
      ASSERT_EQ(parsed.kind(), ValueKind::kOpaque) << parsed.error().message;
      EXPECT_EQ(parsed.opaque().type_name, "Semver");
    } else {
      EXPECT_TRUE(IsError(parsed, "invalid semantic version `" + test.text + "`"));
    }
  }
}

TEST_F(SemverExtensionsTest, ParseErrorsExplainTheProblem) {
  EXPECT_TRUE(IsError(Semver("v1.0"), "expected MAJOR.MINOR.PATCH"));
  EXPECT_TRUE(IsError(Semver("01.1.1"), "major number `01` has a leading zero"));
  EXPECT_TRUE(IsError(Semver("1.x.1"), "invalid character in minor number `x`"));
  EXPECT_TRUE(IsError(Semver("1.1."), "patch number is empty"));
  EXPECT_TRUE(IsError(Semver("1.1.1-a..b"), "empty pre-release identifier"));
  EXPECT_TRUE(IsError(Semver("1.1.1+a$"), "invalid character in build identifier `a$`"));
  EXPECT_TRUE(IsError(Semver("99999999999999999999.1.1"), "is too large"));
  EXPECT_TRUE(IsError(SemverNormalized("1.0-rc"),
                      "a short version cannot carry pre-release or build metadata"));
}

TEST_F(SemverExtensionsTest, ComponentsAreInts) {
  // kubernetes
  Value version = Semver("1.2.3");
  EXPECT_TRUE(IsInt(tester.Member("major", {version}), 1));
  EXPECT_TRUE(IsInt(tester.Member("minor", {version}), 2));
  EXPECT_TRUE(IsInt(tester.Member("patch", {version}), 3));
  // more
  Value normalized = SemverNormalized("v01.020");
  EXPECT_TRUE(IsInt(tester.Member("major", {normalized}), 1));
  EXPECT_TRUE(IsInt(tester.Member("minor", {normalized}), 20));
  EXPECT_TRUE(IsInt(tester.Member("patch", {normalized}), 0));
  EXPECT_TRUE(
      IsError(tester.Member("major", {Semver("18446744073709551615.0.0")}), "overflows int"));
}

TEST_F(SemverExtensionsTest, ComparisonsFollowSemverPrecedence) {
  // Each version is lower than the next (the SemVer 2.0.0 specification's example, plus
  // numeric and build cases).
  const std::vector<std::string> ordered = {
      "0.9.9",
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.2.0",
      "1.10.0",
      "2.0.0",
      "10.0.0",
      "18446744073709551615.0.0",
  };
  for (size_t left_idx = 0; left_idx < ordered.size(); ++left_idx) {
    for (size_t right_idx = 0; right_idx < ordered.size(); ++right_idx) {
      SCOPED_TRACE(ordered[left_idx] + " vs " + ordered[right_idx]);
      Value left = Semver(ordered[left_idx]);
      Value right = Semver(ordered[right_idx]);
      const int64_t expected = left_idx < right_idx ? -1 : left_idx > right_idx ? 1 : 0;
      EXPECT_TRUE(IsInt(tester.Member("compareTo", {left, right}), expected));
      EXPECT_TRUE(IsBool(tester.Member("isLessThan", {left, right}), expected < 0));
      EXPECT_TRUE(IsBool(tester.Member("isGreaterThan", {left, right}), expected > 0));
      EXPECT_EQ(left.opaque().data == right.opaque().data, expected == 0);
    }
  }
}

TEST_F(SemverExtensionsTest, BuildMetadataDoesNotAffectOrderOrEquality) {
  Value plain = Semver("1.2.3");
  Value built = Semver("1.2.3+build.5");
  EXPECT_TRUE(IsInt(tester.Member("compareTo", {plain, built}), 0));
  EXPECT_EQ(plain.opaque().data, built.opaque().data);  // so `==` holds
  // kubernetes: equality after normalization
  EXPECT_EQ(SemverNormalized("v01.01").opaque().data, Semver("1.1.0").opaque().data);
  EXPECT_NE(Semver("1.2.3").opaque().data, Semver("1.0.0").opaque().data);
}

TEST_F(SemverExtensionsTest, OtherOpaqueTypesAndKindsMatchNoOverload) {
  Value ip = tester.ctx().values().MakeOpaque("net.IP", std::string("\x01\x02\x03\x04", 4));
  Value version = Semver("1.0.0");
  EXPECT_TRUE(IsError(tester.Member("major", {ip}), "no matching overload for `major`"));
  EXPECT_TRUE(IsError(tester.Member("compareTo", {version, ip}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("isLessThan", {ip, version}), "no matching overload"));
  EXPECT_FALSE(tester.Accepts("isSemver", false, {tester.List({Value::Int(1)})}));
  EXPECT_FALSE(tester.Accepts("semver", false, {S("1.0.0"), Value::Int(1)}));
  EXPECT_FALSE(tester.Accepts("compareTo", true, {version, S("1.0.0")}));
}

TEST(SemverTest, NormalizationDropsLeadingZerosAndFillsMissingParts) {
  struct Case {
    std::string text;
    std::string canonical;
  };
  const std::vector<Case> cases = {
      {"v1.0.0", "1.0.0"}, {"01.01.01", "1.1.1"},         {"1", "1.0.0"},
      {"1.1", "1.1.0"},    {"v01.01", "1.1.0"},           {"0.0.0", "0.0.0"},
      {"1.0.00", "1.0.0"}, {"1.0.01-rc.1", "1.0.1-rc.1"}, {"1.2.0-alpha", "1.2.0-alpha"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    semver::Version version;
    std::string error;
    ASSERT_TRUE(semver::ParseNormalized(test.text, version, error)) << error;
    EXPECT_EQ(semver::Canonical(version), test.canonical);
  }
}

}  // namespace
}  // namespace warden::cel
