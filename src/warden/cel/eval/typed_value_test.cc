#include "warden/cel/eval/typed_value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "warden/base/arena.h"
#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

// Decodes typed JSON text; the document and the value's storage live in the fixture.
class TypedValueTest : public testing::Test {
 protected:
  StatusOr<Value> Decode(std::string_view json, const std::string& path = "value") {
    auto document = data::ReadJson(json, "<typed>");
    EXPECT_TRUE(document.ok()) << json << ": " << document.status().message();
    if (!document.ok()) return document.status();
    documents_.push_back(std::move(*document));
    return DecodeTypedValue(*documents_.back().root, factory_, path);
  }

  Arena arena_;
  ValueFactory factory_{arena_};
  std::vector<data::Document> documents_;
};

TEST_F(TypedValueTest, CanonicalEncodingsRoundTrip) {
  const char* kCanonical[] = {
      R"({"null":null})",
      R"({"bool":true})",
      R"({"bool":false})",
      R"({"int":"-5"})",
      R"({"int":"9223372036854775807"})",
      R"({"int":"-9223372036854775808"})",
      R"({"uint":"0"})",
      R"({"uint":"18446744073709551615"})",
      R"({"double":1.5})",
      R"({"double":0})",
      R"({"double":"-0"})",
      R"({"double":"NaN"})",
      R"({"double":"Infinity"})",
      R"({"double":"-Infinity"})",
      R"({"double":1e+300})",
      R"({"double":5e-324})",
      R"({"string":""})",
      R"({"string":"h\u00e9llo"})",
      R"({"string":"quote \" backslash \\ newline \n tab \t"})",
      R"({"string":"ctl \u0001"})",
      R"({"bytes":""})",
      R"({"bytes":"AP/+"})",
      R"({"list":[]})",
      R"({"list":[{"int":"1"},{"list":[{"string":"x"}]},{"null":null}]})",
      R"({"map":[]})",
      R"({"map":[[{"string":"k"},{"list":[{"bool":true}]}],[{"int":"1"},{"map":[]}]]})",
      R"({"map":[[{"uint":"2"},{"double":"NaN"}],[{"bool":false},{"bytes":"AA=="}]]})",
      R"({"timestamp":"2024-01-02T03:04:05Z"})",
      R"({"timestamp":"1970-01-01T00:00:00.123456789Z"})",
      R"({"duration":"1.5s"})",
      R"({"duration":"-3600s"})",
      R"({"duration":"0s"})",
      R"({"type":"int"})",
      R"({"type":"google.protobuf.Timestamp"})",
      R"({"optional":null})",
      R"({"optional":{"int":"1"}})",
      R"({"optional":{"optional":null}})",
      R"({"list":[{"optional":{"map":[[{"string":"a"},{"optional":null}]]}}]})",
  };
  for (const char* json : kCanonical) {
    SCOPED_TRACE(json);
    StatusOr<Value> value = Decode(json);
    ASSERT_TRUE(value.ok()) << value.status().message();
    std::string encoded = EncodeTypedValue(*value);
    // \u00e9 decodes to é, which the encoder writes as UTF-8.
    if (std::string_view(json).find("\\u00e9") != std::string_view::npos) {
      EXPECT_EQ(encoded, "{\"string\":\"h\xC3\xA9llo\"}");
    } else {
      EXPECT_EQ(encoded, json);
    }
  }
}

TEST_F(TypedValueTest, SpecialDoublesKeepTheirIdentity) {
  StatusOr<Value> nan = Decode(R"({"double":"NaN"})");
  ASSERT_TRUE(nan.ok());
  EXPECT_TRUE(std::isnan(nan->double_value()));
  StatusOr<Value> negative_zero = Decode(R"({"double":"-0"})");
  ASSERT_TRUE(negative_zero.ok());
  EXPECT_EQ(negative_zero->double_value(), 0.0);
  EXPECT_TRUE(std::signbit(negative_zero->double_value()));
  StatusOr<Value> infinity = Decode(R"({"double":"-Infinity"})");
  ASSERT_TRUE(infinity.ok());
  EXPECT_TRUE(std::isinf(infinity->double_value()));
  EXPECT_LT(infinity->double_value(), 0);
  // A JSON -0.0 number is a negative zero as well.
  StatusOr<Value> json_zero = Decode(R"({"double":-0.0})");
  ASSERT_TRUE(json_zero.ok());
  EXPECT_EQ(EncodeTypedValue(*json_zero), R"({"double":"-0"})");
}

TEST_F(TypedValueTest, LenientInputsDecodeToCanonicalValues) {
  struct Case {
    const char* input;
    const char* canonical;
  };
  const Case kCases[] = {
      {R"({"int":5})", R"({"int":"5"})"},
      {R"({"uint":5})", R"({"uint":"5"})"},
      {R"({"double":2})", R"({"double":2})"},
      {R"({"double":"1.25"})", R"({"double":1.25})"},
      {R"({"duration":"90m"})", R"({"duration":"5400s"})"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.input);
    StatusOr<Value> value = Decode(test.input);
    ASSERT_TRUE(value.ok()) << value.status().message();
    EXPECT_EQ(EncodeTypedValue(*value), test.canonical);
  }
}

TEST_F(TypedValueTest, DecodedStringsAndBytesHaveTheRightKinds) {
  StatusOr<Value> bytes = Decode(R"({"bytes":"AP/+"})");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->kind(), ValueKind::kBytes);
  EXPECT_EQ(bytes->string_view(), std::string_view("\x00\xff\xfe", 3));
  StatusOr<Value> type = Decode(R"({"type":"list"})");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(type->kind(), ValueKind::kType);
  EXPECT_EQ(type->string_view(), "list");
  StatusOr<Value> timestamp = Decode(R"({"timestamp":"1970-01-01T00:01:00.5Z"})");
  ASSERT_TRUE(timestamp.ok());
  EXPECT_EQ(timestamp->seconds(), 60);
  EXPECT_EQ(timestamp->nanos(), 500'000'000);
}

TEST_F(TypedValueTest, DecodeErrorsNameTheJsonPath) {
  struct Case {
    const char* input;
    const char* path;
  };
  const Case kCases[] = {
      {R"({"int":"1","uint":"2"})", "`bindings.x`"},
      {R"({})", "`bindings.x`"},
      {R"([1])", "`bindings.x`"},
      {R"({"bogus":1})", "`bindings.x`"},
      {R"({"int":"9223372036854775808"})", "`bindings.x.int`"},
      {R"({"int":"12abc"})", "`bindings.x.int`"},
      {R"({"int":1.5})", "`bindings.x.int`"},
      {R"({"uint":"-1"})", "`bindings.x.uint`"},
      {R"({"uint":-1})", "`bindings.x.uint`"},
      {R"({"bool":"true"})", "`bindings.x.bool`"},
      {R"({"double":"one"})", "`bindings.x.double`"},
      {R"({"string":1})", "`bindings.x.string`"},
      {R"({"bytes":"not base64!"})", "`bindings.x.bytes`"},
      {R"({"timestamp":"yesterday"})", "`bindings.x.timestamp`"},
      {R"({"timestamp":"10000-01-01T00:00:00Z"})", "`bindings.x.timestamp`"},
      {R"({"duration":"1 hour"})", "`bindings.x.duration`"},
      {R"({"type":1})", "`bindings.x.type`"},
      {R"({"list":{"int":"1"}})", "`bindings.x.list`"},
      {R"({"list":[{"int":"1"},{"int":"x"}]})", "`bindings.x.list[1].int`"},
      {R"({"list":[[]]})", "`bindings.x.list[0]`"},
      {R"({"map":[[{"string":"k"}]]})", "`bindings.x.map[0]`"},
      {R"({"map":[[{"string":"k"},{"bogus":1}]]})", "`bindings.x.map[0][1]`"},
      {R"({"map":[[{"bogus":1},{"int":"1"}]]})", "`bindings.x.map[0][0]`"},
      {R"({"map":[[{"int":"1"},{"null":null}],[{"uint":"1"},{"null":null}]]})",
       "`bindings.x.map`"},  // repeated key 1 == 1u
      {R"({"map":[[{"double":1.5},{"null":null}]]})", "`bindings.x.map`"},
      {R"({"optional":{"list":[{"int":true}]}})", "`bindings.x.optional.list[0].int`"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.input);
    StatusOr<Value> value = Decode(test.input, "bindings.x");
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(value.status().message().rfind(test.path, 0), 0u) << value.status().message();
  }
}

TEST_F(TypedValueTest, PlainJsonRendering) {
  struct Case {
    const char* typed;
    const char* plain;
  };
  const Case kCases[] = {
      {R"({"int":"-5"})", "-5"},
      {R"({"uint":"5"})", "5"},
      {R"({"double":"NaN"})", R"("NaN")"},
      {R"({"double":"-Infinity"})", R"("-Infinity")"},
      {R"({"bytes":"AP/+"})", R"("AP/+")"},
      {R"({"map":[[{"int":"1"},{"bool":true}],[{"string":"k"},{"null":null}]]})",
       R"({"1":true,"k":null})"},
      {R"({"optional":null})", "null"},
      {R"({"optional":{"list":[{"string":"a"}]}})", R"(["a"])"},
      {R"({"duration":"1.5s"})", R"("1.5s")"},
      {R"({"type":"int"})", R"("int")"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.typed);
    StatusOr<Value> value = Decode(test.typed);
    ASSERT_TRUE(value.ok()) << value.status().message();
    std::string out;
    EncodePlainJson(*value, out);
    EXPECT_EQ(out, test.plain);
  }
}

TEST_F(TypedValueTest, OpaqueValuesShowTheirTextWhenTheyHaveOne) {
  Value with_text = factory_.MakeOpaque(
      "Example", "raw", [](std::string_view data) { return "text of " + std::string(data); });
  Value without_text = factory_.MakeOpaque("Example", "raw");
  EXPECT_EQ(EncodeTypedValue(with_text), R"({"opaque":{"type":"Example","value":"text of raw"}})");
  EXPECT_EQ(EncodeTypedValue(without_text), R"({"opaque":{"type":"Example"}})");
  std::string plain;
  EncodePlainJson(with_text, plain);
  EXPECT_EQ(plain, R"("text of raw")");
  plain.clear();
  EncodePlainJson(without_text, plain);
  EXPECT_EQ(plain, R"("Example")");
}

TEST(ParseTimestampValueTest, AcceptsRfc3339AndRejectsOutOfRange) {
  std::optional<Value> epoch = ParseTimestampValue("1970-01-01T00:00:00Z");
  ASSERT_TRUE(epoch.has_value());
  EXPECT_EQ(epoch->kind(), ValueKind::kTimestamp);
  EXPECT_EQ(epoch->seconds(), 0);
  std::optional<Value> offset = ParseTimestampValue("1970-01-01T01:00:00+01:00");
  ASSERT_TRUE(offset.has_value());
  EXPECT_EQ(offset->seconds(), 0);
  EXPECT_FALSE(ParseTimestampValue("10000-01-01T00:00:00Z").has_value());
  EXPECT_FALSE(ParseTimestampValue("2024-13-01T00:00:00Z").has_value());
  EXPECT_FALSE(ParseTimestampValue("").has_value());
}

}  // namespace
}  // namespace warden::cel
