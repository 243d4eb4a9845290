#include "warden/service/decide_service.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace warden::service {
namespace {

// The text form of a version 4 UUID: 8-4-4-4-12 lowercase hex digits, version digit 4,
// variant digit 8, 9, a or b.
bool IsUuidV4(const std::string& text) {
  if (text.size() != 36) return false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    bool dash = idx == 8 || idx == 13 || idx == 18 || idx == 23;
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return text[14] == '4' && std::string("89ab").find(text[19]) != std::string::npos;
}

TEST(DecideServiceTest, UuidCheckerRejectsNearMisses) {
  EXPECT_TRUE(IsUuidV4("6f1c2b9e-0d4a-4c55-9e1f-2a3b4c5d6e7f"));
  EXPECT_FALSE(IsUuidV4("6f1c2b9e-0d4a-3c55-9e1f-2a3b4c5d6e7f"));  // version 3
  EXPECT_FALSE(IsUuidV4("6f1c2b9e-0d4a-4c55-7e1f-2a3b4c5d6e7f"));  // variant
  EXPECT_FALSE(IsUuidV4("6F1C2B9E-0d4a-4c55-9e1f-2a3b4c5d6e7f"));  // upper case
  EXPECT_FALSE(IsUuidV4("6f1c2b9e0d4a-4c55-9e1f-2a3b4c5d6e7f-"));
}

TEST(DecideServiceTest, DecisionIdsAreDistinctVersion4Uuids) {
  std::set<std::string> seen;
  for (int round = 0; round < 1000; ++round) {
    std::string id = NewDecisionId();
    ASSERT_TRUE(IsUuidV4(id)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace warden::service
