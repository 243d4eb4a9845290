#include "warden/base/base64.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace warden {
namespace {

struct Vector {
  std::string bytes;
  std::string encoded;
};

// RFC 4648 section 10 test vectors, plus bytes that use every bit position.
const Vector kVectors[] = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
    {std::string("\x00\xff\xfe", 3), "AP/+"},
    {std::string("\xfb\xff", 2), "+/8="},
};

TEST(Base64Test, EncodesRfcVectors) {
  for (const Vector& vector : kVectors) {
    SCOPED_TRACE(vector.encoded);
    EXPECT_EQ(Base64Encode(vector.bytes), vector.encoded);
  }
}

TEST(Base64Test, StrictDecodeInvertsEncode) {
  for (const Vector& vector : kVectors) {
    SCOPED_TRACE(vector.encoded);
    std::optional<std::string> decoded = Base64Decode(vector.encoded);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, vector.bytes);
  }
}

TEST(Base64Test, StrictDecodeRejectsMalformedInput) {
  const char* kBad[] = {
      "Zg",        // padding missing
      "Zg=",       // padding short
      "Zg===",     // padding long
      "Z===",      // too much padding
      "Zh==",      // unused bits set (not canonical)
      "Zm9v\n",    // whitespace
      "Zm 9v",     // whitespace inside
      "Zm9-",      // URL-safe alphabet
      "Zm9_",      // URL-safe alphabet
      "Zg==Zg==",  // padding in the middle
      "=Zg=",      // padding first
      "Z",         // a lone character holds no byte
      "Zm9vY",     // one character past a group
      "Zm9v*g==",  // character outside the alphabet
  };
  for (const char* text : kBad) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(Base64Decode(text).has_value());
  }
}

TEST(Base64Test, LenientDecodeAcceptsMissingPaddingAndLooseBits) {
  struct Case {
    const char* text;
    std::string bytes;
  };
  const Case kCases[] = {
      {"Zg", "f"}, {"Zm8", "fo"}, {"Zm9v", "foo"}, {"Zg==", "f"}, {"Zh", "f"}, {"", ""},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    std::optional<std::string> decoded = Base64DecodeLenient(test.text);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, test.bytes);
  }
}

TEST(Base64Test, LenientDecodeStillRejectsBadCharactersAndPadding) {
  const char* kBad[] = {"Z", "Zg=", "Zg===", "Zm9v\n", "Zm9-", "Zg==Zg=="};
  for (const char* text : kBad) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(Base64DecodeLenient(text).has_value());
  }
}

TEST(Base64Test, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int value = 0; value < 256; ++value) bytes += static_cast<char>(value);
  for (size_t length = 0; length <= bytes.size(); length += 37) {
    std::string prefix = bytes.substr(0, length);
    EXPECT_EQ(Base64Decode(Base64Encode(prefix)), prefix);
  }
}

}  // namespace
}  // namespace warden
