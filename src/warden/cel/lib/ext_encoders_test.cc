// Tests of the encoders extension. Cases marked "conformance" mirror cel-spec's
// encoders_ext conformance file.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsBytes;
using testing::IsError;
using testing::IsString;

class EncoderExtensionsTest : public ::testing::Test {
 protected:
  ExtTester tester{RegisterEncoderExtensions};
};

TEST_F(EncoderExtensionsTest, EncodeUsesTheStandardPaddedAlphabet) {
  struct Case {
    std::string bytes;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"hello", "aGVsbG8="},  // conformance
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {std::string("\xfb\xff\xbf", 3), "+/+/"},
      {std::string("\0\0", 2), "AAA="},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.expected);
    EXPECT_TRUE(
        IsString(tester.Global("base64.encode", {tester.Bytes(test.bytes)}), test.expected));
  }
}

TEST_F(EncoderExtensionsTest, DecodeAcceptsPaddedAndUnpaddedInput) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"aGVsbG8=", "hello"},  // conformance
      {"aGVsbG8", "hello"},   // conformance: without padding
      {"", ""},
      {"Zg==", "f"},
      {"Zg", "f"},
      {"Zm8=", "fo"},
      {"Zm9v", "foo"},
      {"+/+/", std::string("\xfb\xff\xbf", 3)},
      {"Zm9v\nYmFy\r\n", "foobar"},  // line breaks are ignored, as in Go
      {"Zh==", "f"},                 // non-zero trailing bits are tolerated, as in Go
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(IsBytes(tester.Global("base64.decode", {tester.Str(test.text)}), test.expected));
  }
}

TEST_F(EncoderExtensionsTest, RoundTripRestoresTheBytes) {
  // conformance: round_trip
  Value encoded = tester.Global("base64.encode", {tester.Bytes("Hello World!")});
  ASSERT_TRUE(IsString(encoded, "SGVsbG8gV29ybGQh"));
  EXPECT_TRUE(IsBytes(tester.Global("base64.decode", {encoded}), "Hello World!"));
  std::string all_bytes;
  for (int byte = 0; byte < 256; ++byte) all_bytes.push_back(static_cast<char>(byte));
  Value all = tester.Global("base64.encode", {tester.Bytes(all_bytes)});
  EXPECT_TRUE(IsBytes(tester.Global("base64.decode", {all}), all_bytes));
}

TEST_F(EncoderExtensionsTest, DecodeRejectsInvalidInput) {
  const std::vector<std::string> cases = {
      "aGV sbG8=",                      // spaces are not ignored, only line breaks
      "aGVsbG8==",                      // too much padding
      "aGVsbA=",                        // too little padding
      "a",                              // a single character holds no byte
      "aGVsb",     "====", "Zg==Zg==",  // padding only at the very end
      "Zm9v=",     "Zm-v",              // the URL alphabet is not accepted
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(IsError(tester.Global("base64.decode", {tester.Str(text)}), "invalid base64 data"));
  }
}

TEST_F(EncoderExtensionsTest, WrongArgumentKindsMatchNoOverload) {
  EXPECT_FALSE(tester.Accepts("base64.encode", false, {tester.Str("hello")}));
  EXPECT_FALSE(tester.Accepts("base64.decode", false, {tester.Bytes("aGVsbG8=")}));
  EXPECT_FALSE(tester.Accepts("base64.encode", true, {tester.Bytes("hello")}));
}

}  // namespace
}  // namespace warden::cel
