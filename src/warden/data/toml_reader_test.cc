#include "warden/data/toml_reader.h"

#include <cmath>
#include <string>

#include "warden/data/test_util.h"
#include "warden/data/toml_depth.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;
using testing::KeyPosition;
using testing::Pos;

Document Read(const std::string& text, const ReadLimits& limits = {}) {
  StatusOr<Document> document = ReadToml(text, "f.toml", limits);
  EXPECT_TRUE(document.ok()) << document.status().message();
  return document.ok() ? *document : Document{};
}

TEST(TomlReaderTest, GivesNodesAndKeysTheirPositions) {
  Document valid = Read(
      "title = \"demo\"\n"
      "\n"
      "[server]\n"
      "host = \"h\"\n"
      "ports = [80, 443]\n"
      "limits = { cpu = 2 }\n"
      "\"\xC3\xA9t\xC3\xA9\" = \"\xC3\xBC\"\n");
  ASSERT_NE(valid.root, nullptr);
  const Node& root = *valid.root;
  EXPECT_EQ(KeyPosition(root, "title"), Pos(1, 1));
  EXPECT_EQ(At(root, "title").position(), Pos(1, 9));
  const Node& server = At(root, "server");
  EXPECT_EQ(KeyPosition(root, "server"), Pos(3, 2));
  EXPECT_EQ(KeyPosition(server, "host"), Pos(4, 1));
  EXPECT_EQ(At(server, "host").position(), Pos(4, 8));
  const Node& ports = At(server, "ports");
  EXPECT_EQ(ports.position(), Pos(5, 9));
  EXPECT_EQ(ports.item(1).position(), Pos(5, 14));
  EXPECT_EQ(At(At(server, "limits"), "cpu").position(), Pos(6, 18));
  // Columns count code points.
  EXPECT_EQ(At(server, "\xC3\xA9t\xC3\xA9").position(), Pos(7, 9));
}

TEST(TomlReaderTest, KeepsSourceOrder) {
  Document document = Read("zebra = 1\napple = 2\nmango = 3\n[b]\n[a]\n");
  const Node& root = *document.root;
  ASSERT_EQ(root.size(), 5u);
  const char* kOrder[] = {"zebra", "apple", "mango", "b", "a"};
  for (size_t entry_idx = 0; entry_idx < 5; ++entry_idx) {
    EXPECT_EQ(root.entries()[entry_idx].key(), kOrder[entry_idx]);
  }
}

TEST(TomlReaderTest, MapsEveryValueType) {
  Document document = Read(
      "int = -42\n"
      "hex = 0xff\n"
      "float = 6.5e-1\n"
      "inf = -inf\n"
      "nan = nan\n"
      "yes = true\n"
      "str = \"a\\tb\"\n"
      "literal = 'C:\\path'\n"
      "multi = \"\"\"\nline\"\"\"\n"
      "odt = 1979-05-27T07:32:00Z\n"
      "odt_offset = 1979-05-27 00:32:00.999-07:00\n"
      "ldt = 1979-05-27T07:32:00.5\n"
      "ld = 1979-05-27\n"
      "lt = 07:32:00\n"
      "tables = [{a = 1}, {a = 2}]\n"
      "[[fruit]]\n"
      "name = \"apple\"\n"
      "[[fruit]]\n"
      "name = \"pear\"\n"
      "[a.b.c]\n"
      "d = 1\n");
  const Node& root = *document.root;
  EXPECT_EQ(At(root, "int").int_value(), -42);
  EXPECT_EQ(At(root, "hex").int_value(), 255);
  EXPECT_DOUBLE_EQ(At(root, "float").double_value(), 0.65);
  EXPECT_TRUE(std::isinf(At(root, "inf").double_value()));
  EXPECT_LT(At(root, "inf").double_value(), 0);
  EXPECT_TRUE(std::isnan(At(root, "nan").double_value()));
  EXPECT_TRUE(At(root, "yes").bool_value());
  EXPECT_EQ(At(root, "str").string_value(), "a\tb");
  EXPECT_EQ(At(root, "literal").string_value(), "C:\\path");
  EXPECT_EQ(At(root, "multi").string_value(), "line");
  EXPECT_EQ(At(root, "odt").string_value(), "1979-05-27T07:32:00Z");
  EXPECT_EQ(At(root, "odt_offset").string_value(), "1979-05-27T00:32:00.999-07:00");
  EXPECT_EQ(At(root, "ldt").string_value(), "1979-05-27T07:32:00.5");
  EXPECT_EQ(At(root, "ld").string_value(), "1979-05-27");
  EXPECT_EQ(At(root, "lt").string_value(), "07:32:00");
  EXPECT_EQ(At(At(root, "tables").item(1), "a").int_value(), 2);
  const Node& fruit = At(root, "fruit");
  ASSERT_EQ(fruit.size(), 2u);
  EXPECT_EQ(At(fruit.item(1), "name").string_value(), "pear");
  EXPECT_EQ(At(At(At(At(root, "a"), "b"), "c"), "d").int_value(), 1);
}

TEST(TomlReaderTest, EmptyInputIsAnEmptyTable) {
  for (const char* text : {"", "\n", "# comment\n"}) {
    SCOPED_TRACE(text);
    Document document = Read(text);
    ASSERT_NE(document.root, nullptr);
    EXPECT_TRUE(document.root->is_map());
    EXPECT_EQ(document.root->size(), 0u);
  }
}

TEST(TomlReaderTest, ReportsErrorsWithPositions) {
  struct Case {
    const char* text;
    const char* location;
    const char* fragment;
  };
  const Case kCases[] = {
      {"a = 1\nb = 2\na = 3\n", "f.toml:3:", "cannot redefine existing integer `a`"},
      {"[t]\nx = 1\n[t]\n", "f.toml:3:", "redefin"},
      {"a = \"abc\n", "f.toml:1:", "string"},
      {"a = [1, 2\n", "f.toml:1:11", "encountered end-of-file"},
      {"a = \n", "f.toml:1:", "value"},
      {"\xC3\xA9 = 1\n", "f.toml:1:1", "expected keys"},
      {"a = 1 b = 2\n", "f.toml:1:", "expected"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    Status status = ReadToml(test.text, "f.toml").status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), ::testing::StartsWith(test.location));
    EXPECT_THAT(status.message(), ::testing::HasSubstr(test.fragment));
    // Messages start lowercase after the position and use backticks.
    std::string reason = status.message().substr(status.message().find(": ") + 2);
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(reason[0]))) << reason;
    EXPECT_EQ(reason.find('\''), std::string::npos) << reason;
  }
}

TEST(TomlReaderTest, ReportsInvalidUtf8WithItsPosition) {
  EXPECT_THAT(ReadToml("a = 1\nb = \"x\xFE\"\n", "f.toml").status(),
              ErrorAt("f.toml:2:7", StatusCode::kInvalidArgument, "invalid UTF-8"));
}

TEST(TomlReaderTest, EnforcesScalarAndDepthLimits) {
  ReadLimits limits;
  limits.max_scalar_bytes = 3;
  EXPECT_TRUE(ReadToml("a = \"abc\"\n", "f.toml", limits).ok());
  EXPECT_THAT(ReadToml("a = \"abcd\"\n", "f.toml", limits).status(),
              ErrorAt("f.toml:1:5", StatusCode::kResourceExhausted, "scalar of 4 bytes"));
  EXPECT_THAT(ReadToml("x = 1\nabcd = 1\n", "f.toml", limits).status(),
              ErrorAt("f.toml:2:1", StatusCode::kResourceExhausted, "scalar of 4 bytes"));

  ReadLimits depth;
  depth.max_depth = 3;
  EXPECT_TRUE(ReadToml("a = [[1]]\n", "f.toml", depth).ok());
  EXPECT_THAT(ReadToml("a = [[[1]]]\n", "f.toml", depth).status(),
              ErrorAt("f.toml:1:7", StatusCode::kResourceExhausted, "depth limit of 3"));
  EXPECT_THAT(ReadToml("a.b.c.d = 1\n", "f.toml", depth).status(),
              ErrorAt("f.toml:1:1", StatusCode::kResourceExhausted, "depth limit of 3"));
}

// The depth pre-scan bounds what toml++ may build.
TEST(TomlDepthScanTest, BoundsHeadersDottedKeysAndInlineValues) {
  using internal::FindTomlDepthExcess;
  struct Case {
    const char* text;
    uint32_t max_depth;
    bool exceeds;
  };
  const Case kCases[] = {
      {"a = 1\n", 1, false},
      {"a = []\n", 1, true},
      {"a = []\n", 2, false},
      {"a.b = 1\n", 1, true},
      {"a.b = 1\n", 2, false},
      {"a . \"b.c\" . 'd' = 1\n", 3, false},
      {"a . \"b.c\" . 'd' = 1\n", 2, true},
      {"[a]\nx = 1\n", 3, false},  // headers count two levels per component
      {"[a]\nx = 1\n", 2, true},
      {"[[a]]\nx = []\n", 4, false},
      {"[[a]]\nx = []\n", 3, true},
      {"x = {a = {b = 1}}\n", 3, false},
      {"x = {a = {b = []}}\n", 3, true},
      {"x = {a.b = []}\n", 3, true},
      {"x = [1.5, 2.5, 3.5, 4.5]\n", 2, false},  // float dots are not key dots
      {"x = \"[[[[{{{{\"\n", 1, false},          // brackets in strings do not count
      {"x = '''\n[[[[\n'''\n", 1, false},
      {"x = \"\"\"\n\\\"\"\" [[[[\"\"\"\n", 1, false},
      {"# [[[[[[\nx = 1\n", 1, false},
      {"x = [\n  [1],\n  [2],\n]\ny = 1\n", 3, false},
      {"x = [\n  [1],\n  [[2]],\n]\n", 3, true},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    EXPECT_EQ(FindTomlDepthExcess(test.text, test.max_depth).has_value(), test.exceeds);
  }
}

}  // namespace
}  // namespace warden::data
