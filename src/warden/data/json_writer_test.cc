#include "warden/data/json_writer.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "warden/base/arena.h"
#include "warden/data/builder.h"
#include "warden/data/json_reader.h"
#include "warden/data/test_util.h"
#include "warden/data/yaml_reader.h"

namespace warden::data {
namespace {

class JsonWriterTest : public ::testing::Test {
 protected:
  Node String(std::string_view text) { return *builder_.String(text); }
  Node Bytes(std::string_view bytes) { return *builder_.Bytes(bytes); }
  Node List(std::vector<Node> items) { return *builder_.List(items); }
  Node Map(std::vector<KeyedNode> entries) { return *builder_.Map(entries); }

  Arena arena_;
  NodeBuilder builder_{arena_};
};

TEST_F(JsonWriterTest, WritesScalars) {
  struct Case {
    Node node;
    const char* json;
  };
  const Case kCases[] = {
      {Node::Null(), "null"},
      {Node::Bool(true), "true"},
      {Node::Bool(false), "false"},
      {Node::Int(-42), "-42"},
      {Node::Int(std::numeric_limits<int64_t>::min()), "-9223372036854775808"},
      {Node::Uint(18446744073709551615ULL), "18446744073709551615"},
      {Node::Double(1.0), "1.0"},
      {Node::Double(-0.0), "-0.0"},
      {Node::Double(0.1), "0.1"},
      {Node::Double(1.5e300), "1.5e+300"},
      {Node::Double(1e20), "1e+20"},
      {Node::Double(123456789.0), "123456789.0"},
      {Node::Double(5e-324), "5e-324"},
      {Node::Double(std::numeric_limits<double>::quiet_NaN()), "\"NaN\""},
      {Node::Double(std::numeric_limits<double>::infinity()), "\"Infinity\""},
      {Node::Double(-std::numeric_limits<double>::infinity()), "\"-Infinity\""},
      {String(""), "\"\""},
      {String("plain"), "\"plain\""},
      {String("q\"b\\s/"), "\"q\\\"b\\\\s/\""},
      {String("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\""},
      {String(std::string("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\""},
      {String("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80"),
       "\"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80\""},
      {String("bad\xFF\xC3"), "\"bad\\ufffd\\ufffd\""},
      {String("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\""},
      {Bytes(std::string("\x00\xFF", 2)), "\"AP8=\""},
      {Bytes(""), "\"\""},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.json);
    EXPECT_EQ(ToJson(test.node), test.json);
  }
}

TEST_F(JsonWriterTest, DoublesRoundTripThroughTheReader) {
  const double kValues[] = {0.1, 1.0 / 3, 2.5e-8, 1e21, 123.456, 9007199254740993.0, -7.0};
  for (double value : kValues) {
    SCOPED_TRACE(value);
    StatusOr<Document> document = ReadJson(ToJson(Node::Double(value)), "f.json");
    ASSERT_TRUE(document.ok());
    EXPECT_EQ(document->root->kind(), NodeKind::kDouble);
    EXPECT_EQ(document->root->double_value(), value);
  }
}

TEST_F(JsonWriterTest, WritesContainersCompactAndPretty) {
  Node inner = Map({{"k", {}, Node::Int(1)}, {"e\"", {}, List({})}});
  Node root = Map({{"list", {}, List({Node::Int(1), inner, Map({})})}, {"s", {}, String("x")}});
  EXPECT_EQ(ToJson(root), "{\"list\":[1,{\"k\":1,\"e\\\"\":[]},{}],\"s\":\"x\"}");
  EXPECT_EQ(ToJson(root, /*pretty=*/true),
            "{\n"
            "  \"list\": [\n"
            "    1,\n"
            "    {\n"
            "      \"k\": 1,\n"
            "      \"e\\\"\": []\n"
            "    },\n"
            "    {}\n"
            "  ],\n"
            "  \"s\": \"x\"\n"
            "}");
  EXPECT_EQ(ToJson(List({}), /*pretty=*/true), "[]");
}

TEST_F(JsonWriterTest, RoundTripsADocument) {
  const std::string json =
      "{\"a\":[1,-2,18446744073709551615,1.5,true,null,\"\xC3\xA9\\n\"],\"b\":{\"c\":{}}}";
  StatusOr<Document> document = ReadJson(json, "f.json");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(ToJson(*document->root), json);
}

TEST_F(JsonWriterTest, WritesSharedYamlNodesAtEveryUse) {
  StatusOr<std::vector<Document>> documents =
      ReadYaml("a: &x [1, {b: !!binary Zm9v}]\nc: *x\n", "f.yaml");
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  EXPECT_EQ(ToJson(*(*documents)[0].root),
            "{\"a\":[1,{\"b\":\"Zm9v\"}],\"c\":[1,{\"b\":\"Zm9v\"}]}");
}

TEST_F(JsonWriterTest, WritesVeryDeepTreesWithoutRecursion) {
  constexpr int kDepth = 100'000;
  ReadLimits limits;
  limits.max_depth = kDepth;
  std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  StatusOr<Document> document = ReadJson(text, "f.json", limits);
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(ToJson(*document->root), text);
  // Pretty output of that tree would hold 10^10 spaces of indentation: check a smaller one.
  StatusOr<Document> smaller =
      ReadJson(std::string(2000, '[') + std::string(2000, ']'), "f.json", limits);
  ASSERT_TRUE(smaller.ok());
  std::string pretty = ToJson(*smaller->root, /*pretty=*/true);
  EXPECT_EQ(pretty.substr(0, 6), "[\n  [\n");
  EXPECT_EQ(pretty.substr(pretty.size() - 5), "  ]\n]");
}

}  // namespace
}  // namespace warden::data
