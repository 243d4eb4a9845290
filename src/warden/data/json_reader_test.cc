#include "warden/data/json_reader.h"

#include <cmath>
#include <limits>
#include <string>

#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;
using testing::KeyPosition;
using testing::Pos;

TEST(JsonReaderTest, GivesEveryNodeAndKeyItsPosition) {
  const std::string text =
      "{\n"
      "  \"name\": \"web\",\n"
      "  \"list\": [1, {\"k\": true}],\n"
      "  \"\xC3\xA9\": \"\xC3\xBC\"\n"
      "}\n";
  StatusOr<Document> document = ReadJson(text, "f.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  const Node& root = *document->root;
  EXPECT_EQ(root.position(), Pos(1, 1));
  EXPECT_EQ(KeyPosition(root, "name"), Pos(2, 3));
  EXPECT_EQ(At(root, "name").position(), Pos(2, 11));
  const Node& list = At(root, "list");
  EXPECT_EQ(list.position(), Pos(3, 11));
  EXPECT_EQ(list.item(0).position(), Pos(3, 12));
  EXPECT_EQ(list.item(1).position(), Pos(3, 15));
  EXPECT_EQ(KeyPosition(list.item(1), "k"), Pos(3, 16));
  EXPECT_EQ(At(list.item(1), "k").position(), Pos(3, 21));
  // Columns count code points: the key `é` is one column wide.
  EXPECT_EQ(KeyPosition(root, "\xC3\xA9"), Pos(4, 3));
  EXPECT_EQ(At(root, "\xC3\xA9").position(), Pos(4, 8));
  EXPECT_EQ(document->file, "f.json");
  EXPECT_EQ(document->index, 0u);
}

TEST(JsonReaderTest, KeepsKeyOrderAndIndexesLargeMaps) {
  std::string text = "{";
  for (int key_idx = 0; key_idx < 50; ++key_idx) {
    if (key_idx > 0) text += ",";
    text += "\"k" + std::to_string(49 - key_idx) + "\":" + std::to_string(key_idx);
  }
  text += "}";
  StatusOr<Document> document = ReadJson(text, "f.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  const Node& root = *document->root;
  ASSERT_EQ(root.size(), 50u);
  EXPECT_EQ(root.entries()[0].key(), "k49");
  EXPECT_EQ(root.entries()[49].key(), "k0");
  EXPECT_EQ(At(root, "k7").int_value(), 42);
  EXPECT_EQ(root.Find("k50"), nullptr);
}

struct ScalarCase {
  const char* text;
  NodeKind kind;
  std::string expected;  // the value printed: integers, doubles via %g, strings raw
};

std::string Describe(const Node& node) {
  switch (node.kind()) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return node.bool_value() ? "true" : "false";
    case NodeKind::kInt:
      return std::to_string(node.int_value());
    case NodeKind::kUint:
      return std::to_string(node.uint_value());
    case NodeKind::kDouble: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.17g", node.double_value());
      return buffer;
    }
    case NodeKind::kString:
    case NodeKind::kBytes:
      return std::string(node.string_value());
    default:
      return "?";
  }
}

TEST(JsonReaderTest, SmallDocumentsTakeLessThanAPage) {
  // Requests are read one by one and kept in batches: each must take memory in
  // proportion to its text, or a batch spreads over a page per request.
  const std::string request =
      R"({"subject": {"id": "u1", "role": "analyst", "mfa": true}, "action": "data:read",)"
      R"( "resource": "dataset://public/a", "context": {"risk_score": 12}})";
  StatusOr<Document> small = ReadJson(request, "request.json");
  ASSERT_TRUE(small.ok()) << small.status().message();
  EXPECT_LT(small->storage->bytes_reserved(), 1024u);
  EXPECT_EQ(small->root->Find("subject")->Find("role")->string_value(), "analyst");

  // A document far larger than its first block still reads whole.
  std::string large = "[";
  for (int item = 0; item < 5000; ++item) {
    if (item > 0) large += ",";
    large += R"({"k": "value-)" + std::to_string(item) + R"("})";
  }
  large += "]";
  StatusOr<Document> read = ReadJson(large, "large.json");
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->root->size(), 5000u);
  EXPECT_EQ(read->root->item(4999).Find("k")->string_value(), "value-4999");
}

TEST(JsonReaderTest, ReadsEveryScalarForm) {
  const ScalarCase kCases[] = {
      {"0", NodeKind::kInt, "0"},
      {"-0", NodeKind::kInt, "0"},
      {"42", NodeKind::kInt, "42"},
      {"-17", NodeKind::kInt, "-17"},
      {"999999999999999999", NodeKind::kInt, "999999999999999999"},
      {"9223372036854775807", NodeKind::kInt, "9223372036854775807"},
      {"-9223372036854775808", NodeKind::kInt, "-9223372036854775808"},
      {"9223372036854775808", NodeKind::kUint, "9223372036854775808"},
      {"18446744073709551615", NodeKind::kUint, "18446744073709551615"},
      {"18446744073709551616", NodeKind::kDouble, "1.8446744073709552e+19"},
      {"-9223372036854775809", NodeKind::kDouble, "-9.2233720368547758e+18"},
      {"1.0", NodeKind::kDouble, "1"},
      {"1e3", NodeKind::kDouble, "1000"},
      {"-2.5E-3", NodeKind::kDouble, "-0.0025000000000000001"},
      {"0.1", NodeKind::kDouble, "0.10000000000000001"},
      {"1e-400", NodeKind::kDouble, "0"},
      {"1.7976931348623157e308", NodeKind::kDouble, "1.7976931348623157e+308"},
      {"true", NodeKind::kBool, "true"},
      {"false", NodeKind::kBool, "false"},
      {"null", NodeKind::kNull, "null"},
      {"\"\"", NodeKind::kString, ""},
      {"\"plain\"", NodeKind::kString, "plain"},
      {"\"a\\\"b\\\\c\\/d\"", NodeKind::kString, "a\"b\\c/d"},
      {"\"\\b\\f\\n\\r\\t\"", NodeKind::kString, "\b\f\n\r\t"},
      {"\"\\u00e9\\u4e2d\"", NodeKind::kString, "\xC3\xA9\xE4\xB8\xAD"},
      {"\"\\ud83d\\ude00\"", NodeKind::kString, "\xF0\x9F\x98\x80"},
      {"\"\\u0000\"", NodeKind::kString, std::string(1, '\0')},
      {"\"caf\xC3\xA9\"", NodeKind::kString, "caf\xC3\xA9"},
  };
  for (const ScalarCase& test : kCases) {
    SCOPED_TRACE(test.text);
    StatusOr<Document> document = ReadJson(test.text, "f.json");
    ASSERT_TRUE(document.ok()) << document.status().message();
    EXPECT_EQ(document->root->kind(), test.kind);
    EXPECT_EQ(Describe(*document->root), test.expected);
    EXPECT_EQ(document->root->position(), Pos(1, 1));
  }
}

struct ErrorCase {
  std::string text;
  const char* location;
  const char* fragment;
};

TEST(JsonReaderTest, ReportsSyntaxErrorsAtTheirPosition) {
  const ErrorCase kCases[] = {
      {"", "f.json:1:1", "expected a JSON value, found the end of the input"},
      {"  \n  ", "f.json:2:3", "expected a JSON value"},
      {"[1, 2", "f.json:1:6", "expected `,` or `]`"},
      {"{\"a\": 1", "f.json:1:8", "expected `,` or `}`"},
      {"{\"a\": ", "f.json:1:7", "expected a value, found the end of the input"},
      {"{\"a\": 1,}", "f.json:1:9", "expected a string key, found `}`"},
      {"{a: 1}", "f.json:1:2", "expected a string key, found `a`"},
      {"[1,]", "f.json:1:4", "expected a value, found `]`"},
      {"[1 2]", "f.json:1:4", "expected `,` or `]` after an array element, found `2`"},
      {"{\"a\" 1}", "f.json:1:6", "expected `:` after the key"},
      {"[01]", "f.json:1:2", "leading zeros"},
      {"[1.]", "f.json:1:2", "invalid number `1.`"},
      {"[-]", "f.json:1:2", "invalid number `-`"},
      {"[1e+]", "f.json:1:2", "invalid number"},
      {"[.5]", "f.json:1:2", "expected a value, found `.`"},
      {"[tru]", "f.json:1:2", "expected a value, found `t`"},
      {"[NaN]", "f.json:1:2", "expected a value, found `N`"},
      {"\"abc", "f.json:1:1", "unterminated string"},
      {"[\"abc\\", "f.json:1:2", "unterminated string"},
      {"[\"a\x01\"]", "f.json:1:4", "control character `\\x01` must be escaped"},
      {"[\"a\nb\"]", "f.json:1:4", "control character `\\n`"},
      {"[\"\\q\"]", "f.json:1:3", "invalid escape `\\q`"},
      {"[\"\\u12G4\"]", "f.json:1:3", "invalid unicode escape"},
      {"[\"\\ud800\"]", "f.json:1:3", "unpaired surrogate"},
      {"[\"\\ud800\\u0041\"]", "f.json:1:3", "unpaired surrogate"},
      {"[\"\\udc00\"]", "f.json:1:3", "unpaired surrogate"},
      {"[1] 2", "f.json:1:5", "unexpected `2` after the JSON value"},
      {"[1]]", "f.json:1:4", "after the JSON value"},
      {"[1}", "f.json:1:3", "expected `,` or `]`"},
      {"// comment\n1", "f.json:1:1", "expected a value, found `/`"},
      {"{\n  \"a\": [\n    1,\n    x\n  ]\n}", "f.json:4:5", "found `x`"},
      {"[\"\xC3\xA9\", \xC3\xA9]", "f.json:1:7", "found `\xC3\xA9`"},
  };
  for (const ErrorCase& test : kCases) {
    SCOPED_TRACE(test.text);
    StatusOr<Document> document = ReadJson(test.text, "f.json");
    EXPECT_THAT(document.status(),
                ErrorAt(test.location, StatusCode::kInvalidArgument, test.fragment));
  }
}

TEST(JsonReaderTest, RejectsNumbersBeyondDoubleRange) {
  for (const char* text : {"1e400", "-1e400", "[1.5e99999999999999999999]"}) {
    SCOPED_TRACE(text);
    EXPECT_THAT(ReadJson(text, "f.json").status(),
                ErrorAt(text[0] == '[' ? "f.json:1:2" : "f.json:1:1", StatusCode::kInvalidArgument,
                        "is out of range"));
  }
  std::string huge_integer(400, '9');
  EXPECT_THAT(ReadJson(huge_integer, "f.json").status(),
              ErrorAt("f.json:1:1", StatusCode::kInvalidArgument, "is out of range"));
}

TEST(JsonReaderTest, RejectsDuplicateKeysAtTheSecondKey) {
  EXPECT_THAT(ReadJson("{\"a\": 1,\n \"a\": 2}", "f.json").status(),
              ErrorAt("f.json:2:2", StatusCode::kInvalidArgument, "duplicate key `a`"));
  // Large maps detect duplicates through their hash index.
  std::string text = "{";
  for (int key_idx = 0; key_idx < 20; ++key_idx) text += "\"k" + std::to_string(key_idx) + "\":0,";
  text += "\"k3\":1}";
  EXPECT_THAT(ReadJson(text, "f.json").status(),
              ErrorAt("f.json:1:" + std::to_string(text.size() - 6), StatusCode::kInvalidArgument,
                      "duplicate key `k3`"));
  // Keys that differ only after unescaping are the same key.
  EXPECT_THAT(ReadJson("{\"a\":1,\"\\u0061\":2}", "f.json").status(),
              ErrorAt("f.json:1:8", StatusCode::kInvalidArgument, "duplicate key `a`"));
}

TEST(JsonReaderTest, ReportsInvalidUtf8WithItsPosition) {
  EXPECT_THAT(ReadJson("{\"a\":\n  \"b\xFF\"}", "f.json").status(),
              ErrorAt("f.json:2:5", StatusCode::kInvalidArgument, "invalid UTF-8 (byte 0xFF)"));
  // An overlong encoding and an encoded surrogate are invalid too.
  EXPECT_THAT(ReadJson("\"\xC0\xAF\"", "f.json").status(),
              ErrorAt("f.json:1:2", StatusCode::kInvalidArgument, "invalid UTF-8"));
  EXPECT_THAT(ReadJson("\"\xED\xA0\x80\"", "f.json").status(),
              ErrorAt("f.json:1:2", StatusCode::kInvalidArgument, "invalid UTF-8"));
}

TEST(JsonReaderTest, SkipsAByteOrderMark) {
  StatusOr<Document> document = ReadJson("\xEF\xBB\xBF{\"a\": 1}", "f.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(At(*document->root, "a").int_value(), 1);
}

TEST(JsonReaderTest, EnforcesTheDepthLimitExactly) {
  ReadLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(ReadJson("[[{\"a\": 1}]]", "f.json", limits).ok());
  EXPECT_THAT(ReadJson("[[{\"a\": []}]]", "f.json", limits).status(),
              ErrorAt("f.json:1:9", StatusCode::kResourceExhausted, "depth limit of 3"));
}

TEST(JsonReaderTest, EnforcesTheScalarInputAndMemoryLimits) {
  ReadLimits limits;
  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(ReadJson("[\"abcd\"]", "f.json", limits).ok());
  EXPECT_THAT(
      ReadJson("[\"abcde\"]", "f.json", limits).status(),
      ErrorAt("f.json:1:2", StatusCode::kResourceExhausted, "exceeds the limit of 4 bytes"));
  EXPECT_THAT(ReadJson("[\"a\\n\\n\\n\\n\"]", "f.json", limits).status(),
              ErrorAt("f.json:1:2", StatusCode::kResourceExhausted, "scalar of 5 bytes"));

  ReadLimits input_limits;
  input_limits.max_input_bytes = 3;
  EXPECT_THAT(ReadJson("[1, 2]", "f.json", input_limits).status(),
              ErrorAt("f.json", StatusCode::kResourceExhausted, "input of 6 bytes exceeds"));

  ReadLimits memory_limits;
  memory_limits.max_tree_bytes = 64 * 1024;
  std::string big = "[";
  for (int item_idx = 0; item_idx < 10000; ++item_idx) big += "\"abcdefgh\",";
  big += "1]";
  Status status = ReadJson(big, "f.json", memory_limits).status();
  EXPECT_EQ(status.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("memory limit"));
}

}  // namespace
}  // namespace warden::data
