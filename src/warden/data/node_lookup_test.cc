// Map lookups: Find (scan or index), FindAt (one guessed position) and FindAndHint (full
// lookup reporting the position), on small scanned maps and large indexed ones.

#include <gtest/gtest.h>

#include <string>

#include "warden/data/json_reader.h"
#include "warden/data/node.h"

namespace warden::data {
namespace {

Document Parse(const std::string& json) {
  auto document = ReadJson(json, "test.json");
  EXPECT_TRUE(document.ok()) << document.status().message();
  return document.ok() ? std::move(*document) : Document{};
}

std::string ObjectWithKeys(int count) {
  std::string json = "{";
  for (int key = 0; key < count; ++key) {
    if (key > 0) json += ",";
    json += "\"k" + std::to_string(key) + "\":" + std::to_string(key);
  }
  return json + "}";
}

TEST(NodeLookupTest, FindAtHitsOnlyTheRightPosition) {
  Document document = Parse(R"({"alpha": 1, "beta": 2, "a_key_longer_than_16": 3})");
  const Node& map = *document.root;
  const uint64_t beta = HashKey("beta");
  ASSERT_NE(map.FindAt(1, "beta", beta), nullptr);
  EXPECT_EQ(map.FindAt(1, "beta", beta)->int_value(), 2);
  EXPECT_EQ(map.FindAt(0, "beta", beta), nullptr);   // wrong position
  EXPECT_EQ(map.FindAt(3, "beta", beta), nullptr);   // past the end
  EXPECT_EQ(map.FindAt(99, "beta", beta), nullptr);  // far past the end
  EXPECT_EQ(map.FindAt(1, "betb", HashKey("betb")), nullptr);
  // Keys over 16 bytes hit too (compared in full), and only at their position.
  const std::string long_key = "a_key_longer_than_16";
  ASSERT_NE(map.FindAt(2, long_key, HashKey(long_key)), nullptr);
  EXPECT_EQ(map.FindAt(2, long_key, HashKey(long_key))->int_value(), 3);
  EXPECT_EQ(map.FindAt(1, long_key, HashKey(long_key)), nullptr);
  const std::string other_long_key = "a_key_longer_than_17";
  EXPECT_EQ(map.FindAt(2, other_long_key, HashKey(other_long_key)), nullptr);
  // Non-maps never match.
  EXPECT_EQ(map.Find("alpha")->FindAt(0, "beta", beta), nullptr);
}

TEST(NodeLookupTest, FindAndHintReportsThePosition) {
  for (int count : {3, 8, 9, 100}) {  // scanned and indexed maps
    Document document = Parse(ObjectWithKeys(count));
    const Node& map = *document.root;
    for (int key = 0; key < count; ++key) {
      const std::string name = "k" + std::to_string(key);
      uint32_t hint = 12345;
      const Node* found = map.FindAndHint(name, HashKey(name), hint);
      ASSERT_NE(found, nullptr) << name;
      EXPECT_EQ(found->int_value(), key);
      EXPECT_EQ(hint, static_cast<uint32_t>(key)) << count;
      EXPECT_EQ(map.FindAt(hint, name, HashKey(name)), found);
    }
    uint32_t hint = 7;
    EXPECT_EQ(map.FindAndHint("absent", HashKey("absent"), hint), nullptr);
    EXPECT_EQ(hint, 7u);  // unchanged on a miss
  }
}

// Key positions live beside the entries (and before a large map's index): each entry's
// must come back, and lookups through the index must still work after them.
TEST(NodeLookupTest, KeyPositionsSurviveBesideEntriesAndIndex) {
  for (int count : {1, 8, 9, 100}) {  // scanned and indexed maps
    std::string json = "{\n";
    for (int key = 0; key < count; ++key) {
      json += "  \"k" + std::to_string(key) + "\": " + std::to_string(key) +
              (key + 1 < count ? ",\n" : "\n");
    }
    json += "}";
    Document document = Parse(json);
    const Node& map = *document.root;
    ASSERT_EQ(map.size(), static_cast<size_t>(count));
    for (int key = 0; key < count; ++key) {
      const MapEntry& entry = map.entries()[static_cast<size_t>(key)];
      const SourcePosition expected{static_cast<uint32_t>(key + 2), 3};
      EXPECT_EQ(map.key_position(static_cast<size_t>(key)), expected) << count << " " << key;
      EXPECT_EQ(map.key_position(entry), expected);
      const std::string name = "k" + std::to_string(key);
      ASSERT_NE(map.Find(name), nullptr);
      EXPECT_EQ(map.Find(name)->int_value(), key);
    }
    EXPECT_EQ(map.key_position(static_cast<size_t>(count)), SourcePosition{});  // out of range
    EXPECT_EQ(map.Find("k0")->key_position(0), SourcePosition{});               // not a map
  }
}

}  // namespace
}  // namespace warden::data
