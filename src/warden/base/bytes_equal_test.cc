#include "warden/base/bytes_equal.h"

#include <gtest/gtest.h>

#include <string>

namespace warden {
namespace {

TEST(BytesEqualTest, EverySizeClass) {
  // Sizes 0..40 cover the byte loop, both overlapping-word paths and memcmp; a
  // difference at every single position must be seen.
  for (size_t size = 0; size <= 40; ++size) {
    std::string a(size, 'k');
    for (size_t index = 0; index < size; ++index) a[index] = static_cast<char>('a' + index % 26);
    std::string b = a;
    EXPECT_TRUE(BytesEqual(a, b)) << size;
    if (size <= 16) {
      EXPECT_TRUE(ShortBytesEqual(a.data(), b.data(), size)) << size;
    }
    for (size_t index = 0; index < size; ++index) {
      std::string changed = a;
      changed[index] = '#';
      EXPECT_FALSE(BytesEqual(a, changed)) << size << " at " << index;
      if (size <= 16) {
        EXPECT_FALSE(ShortBytesEqual(a.data(), changed.data(), size));
      }
    }
  }
}

TEST(BytesEqualTest, DifferentSizesAndEmbeddedZeros) {
  EXPECT_FALSE(BytesEqual("abc", "abcd"));
  EXPECT_FALSE(BytesEqual("", "a"));
  EXPECT_TRUE(BytesEqual(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(BytesEqual(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(BytesEqualTest, PrefixAndSuffix) {
  const std::string uri = "dataset://eu_citizens/records-2024";
  for (size_t length = 0; length <= uri.size(); ++length) {
    EXPECT_TRUE(BytesStartWith(uri, uri.substr(0, length))) << length;
    EXPECT_TRUE(BytesEndWith(uri, uri.substr(uri.size() - length))) << length;
    if (length == 0) continue;
    std::string prefix = uri.substr(0, length);
    prefix.back() = '#';
    EXPECT_FALSE(BytesStartWith(uri, prefix)) << length;
    std::string suffix = uri.substr(uri.size() - length);
    suffix.front() = '#';
    EXPECT_FALSE(BytesEndWith(uri, suffix)) << length;
  }
  EXPECT_FALSE(BytesStartWith("data", "dataset://"));
  EXPECT_FALSE(BytesEndWith("set", "dataset"));
}

}  // namespace
}  // namespace warden
