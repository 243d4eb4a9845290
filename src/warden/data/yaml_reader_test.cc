#include "warden/data/yaml_reader.h"

#include <string>
#include <vector>

#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;
using testing::KeyPosition;
using testing::Pos;

// Reads a stream expected to hold exactly one document.
Document ReadOne(const std::string& text, const ReadLimits& limits = {}) {
  StatusOr<std::vector<Document>> documents = ReadYaml(text, "f.yaml", limits);
  EXPECT_TRUE(documents.ok()) << documents.status().message();
  if (!documents.ok() || documents->size() != 1) {
    ADD_FAILURE() << "expected one document";
    return {};
  }
  return (*documents)[0];
}

Status ReadError(const std::string& text, const ReadLimits& limits = {}) {
  return ReadYaml(text, "f.yaml", limits).status();
}

TEST(YamlReaderTest, GivesEveryNodeAndKeyItsPosition) {
  Document document = ReadOne(
      "kind: Deployment\n"
      "spec:\n"
      "  containers:\n"
      "    - name: web\n"
      "      ports: [80, {p: 443}]\n"
      "  \xC3\xA9t\xC3\xA9: \xC3\xBC\n");
  ASSERT_NE(document.root, nullptr);
  const Node& root = *document.root;
  EXPECT_EQ(root.position(), Pos(1, 1));
  EXPECT_EQ(KeyPosition(root, "kind"), Pos(1, 1));
  EXPECT_EQ(At(root, "kind").position(), Pos(1, 7));
  const Node& spec = At(root, "spec");
  EXPECT_EQ(spec.position(), Pos(3, 3));
  const Node& containers = At(spec, "containers");
  EXPECT_EQ(containers.position(), Pos(4, 5));
  const Node& container = containers.item(0);
  EXPECT_EQ(container.position(), Pos(4, 7));
  EXPECT_EQ(KeyPosition(container, "ports"), Pos(5, 7));
  const Node& ports = At(container, "ports");
  EXPECT_EQ(ports.position(), Pos(5, 14));
  EXPECT_EQ(ports.item(0).position(), Pos(5, 15));
  EXPECT_EQ(ports.item(1).position(), Pos(5, 19));
  EXPECT_EQ(At(ports.item(1), "p").position(), Pos(5, 23));
  // Columns count code points.
  EXPECT_EQ(KeyPosition(spec, "\xC3\xA9t\xC3\xA9"), Pos(6, 3));
  EXPECT_EQ(At(spec, "\xC3\xA9t\xC3\xA9").position(), Pos(6, 8));
}

TEST(YamlReaderTest, TypesScalarsByStyle) {
  Document document = ReadOne(
      "plain_int: 12\n"
      "quoted_int: \"12\"\n"
      "single: 'true'\n"
      "plain_bool: true\n"
      "empty:\n"
      "tilde: ~\n"
      "float: 1.5\n"
      "literal: |\n"
      "  line 1\n"
      "  line 2\n"
      "folded: >-\n"
      "  a\n"
      "  b\n"
      "version: 1.10\n"
      "octal_1_1: 0755\n"
      "yes_1_1: yes\n");
  const Node& root = *document.root;
  EXPECT_EQ(At(root, "plain_int").kind(), NodeKind::kInt);
  EXPECT_EQ(At(root, "quoted_int").string_value(), "12");
  EXPECT_EQ(At(root, "single").string_value(), "true");
  EXPECT_TRUE(At(root, "plain_bool").bool_value());
  EXPECT_TRUE(At(root, "empty").is_null());
  EXPECT_TRUE(At(root, "tilde").is_null());
  EXPECT_EQ(At(root, "float").double_value(), 1.5);
  EXPECT_EQ(At(root, "literal").string_value(), "line 1\nline 2\n");
  EXPECT_EQ(At(root, "folded").string_value(), "a b");
  EXPECT_EQ(At(root, "version").double_value(), 1.1);
  EXPECT_EQ(At(root, "octal_1_1").int_value(), 755);
  EXPECT_EQ(At(root, "yes_1_1").string_value(), "yes");
}

TEST(YamlReaderTest, ReadsMultiDocumentStreams) {
  StatusOr<std::vector<Document>> documents =
      ReadYaml("a: 1\n---\nb: 2\n...\n---\n- x\n", "f.yaml");
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 3u);
  for (size_t doc_idx = 0; doc_idx < 3; ++doc_idx) EXPECT_EQ((*documents)[doc_idx].index, doc_idx);
  EXPECT_EQ(At(*(*documents)[1].root, "b").position(), Pos(3, 4));
  EXPECT_TRUE((*documents)[2].root->is_list());
  EXPECT_EQ((*documents)[0].storage, (*documents)[2].storage);
}

TEST(YamlReaderTest, EmptyStreamsHoldNoDocumentsAndEmptyDocumentsAreNull) {
  struct Case {
    const char* text;
    size_t documents;
  };
  const Case kCases[] = {{"", 0},      {"# only a comment\n", 0}, {"\n\n", 0},
                         {"---\n", 1}, {"---\n---\n", 2},         {"--- # c\n...\n", 1}};
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    StatusOr<std::vector<Document>> documents = ReadYaml(test.text, "f.yaml");
    ASSERT_TRUE(documents.ok()) << documents.status().message();
    ASSERT_EQ(documents->size(), test.documents);
    for (const Document& document : *documents) EXPECT_TRUE(document.root->is_null());
  }
}

TEST(YamlReaderTest, AliasesShareTheAnchoredNode) {
  Document document = ReadOne(
      "base: &base\n"
      "  image: nginx\n"
      "  ports: [80]\n"
      "copy: *base\n"
      "name: &n web\n"
      "again: *n\n"
      "*n : keyed\n");
  const Node& root = *document.root;
  const Node& base = At(root, "base");
  const Node& copy = At(root, "copy");
  ASSERT_TRUE(copy.is_map());
  EXPECT_EQ(copy.entries().data(), base.entries().data());  // shared, not copied
  EXPECT_EQ(copy.position(), base.position());
  EXPECT_EQ(At(root, "again").string_value(), "web");
  EXPECT_EQ(At(root, "web").string_value(), "keyed");
  EXPECT_EQ(KeyPosition(root, "web"), Pos(7, 1));
}

TEST(YamlReaderTest, AnchoredKeysAndNonStringAnchorsServeAsValuesAndKeys) {
  Document document = ReadOne("&k name: 1\nvalue: *k\nport: &p 8080\n*p : open\n");
  const Node& root = *document.root;
  EXPECT_EQ(At(root, "value").string_value(), "name");
  EXPECT_EQ(At(root, "port").int_value(), 8080);
  EXPECT_EQ(At(root, "8080").string_value(), "open");
}

TEST(YamlReaderTest, AnchorsDoNotCrossDocumentsAndMayBeRedefined) {
  EXPECT_THAT(ReadError("a: &x 1\n---\nb: *x\n"),
              ErrorAt("f.yaml:3:4", StatusCode::kInvalidArgument, "unknown alias `x`"));
  Document document = ReadOne("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
  EXPECT_EQ(At(*document.root, "b").int_value(), 1);
  EXPECT_EQ(At(*document.root, "d").int_value(), 2);
}

TEST(YamlReaderTest, RejectsRecursiveAliases) {
  EXPECT_THAT(ReadError("a: &x\n  b: *x\n"),
              ErrorAt("f.yaml:2:6", StatusCode::kInvalidArgument,
                      "alias `x` refers to a node that contains it"));
}

TEST(YamlReaderTest, StopsBillionLaughs) {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const char previous = static_cast<char>(level - 1);
    text += std::string(1, level) + ": &" + level + " [";
    for (int copy = 0; copy < 9; ++copy) text += std::string(copy ? ", *" : "*") + previous;
    text += "]\n";
  }
  Status status = ReadError(text);
  EXPECT_EQ(status.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("billion laughs"));
  EXPECT_THAT(status.message(), ::testing::StartsWith("f.yaml:"));

  // The same shape within the budget is fine, and counted exactly: the root, `a` and
  // its 3 items, `b`, and 3 uses of `a` at 4 nodes each (keys are not nodes).
  const std::string small = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n";
  ReadLimits limits;
  limits.max_expanded_nodes = 18;
  EXPECT_TRUE(ReadYaml(small, "f.yaml", limits).ok());
  limits.max_expanded_nodes = 17;
  EXPECT_THAT(ReadYaml(small, "f.yaml", limits).status(),
              ErrorAt("f.yaml:2:13", StatusCode::kResourceExhausted, "alias `a` expands"));
}

TEST(YamlReaderTest, AliasesCountTheirHeightAgainstTheDepthLimit) {
  ReadLimits limits;
  limits.max_depth = 4;
  // `deep` is 3 levels high; used at depth 1 it reaches 4, at depth 2 it would reach 5.
  const std::string anchor = "deep: &d [[[1]]]\n";
  EXPECT_TRUE(ReadYaml(anchor + "use: *d\n", "f.yaml", limits).ok());
  EXPECT_THAT(ReadYaml(anchor + "use: [*d]\n", "f.yaml", limits).status(),
              ErrorAt("f.yaml:2:7", StatusCode::kResourceExhausted,
                      "alias `d` nests deeper than the depth limit of 4"));
}

TEST(YamlReaderTest, MergesMappingsWithExplicitKeysWinning) {
  Document document = ReadOne(
      "base: &base {image: nginx, port: 80, replicas: 1}\n"
      "extra: &extra {port: 8080, debug: true, tier: x}\n"
      "single:\n"
      "  replicas: 3\n"
      "  <<: *base\n"
      "  name: web\n"
      "list:\n"
      "  <<: [*extra, *base]\n"
      "  tier: y\n"
      "inline:\n"
      "  <<: {a: 1}\n");
  const Node& root = *document.root;
  const Node& single = At(root, "single");
  ASSERT_EQ(single.size(), 4u);
  // Merged entries take the place of `<<`; an explicit key (even an earlier one) wins.
  EXPECT_EQ(single.entries()[0].key(), "replicas");
  EXPECT_EQ(single.entries()[1].key(), "image");
  EXPECT_EQ(single.entries()[2].key(), "port");
  EXPECT_EQ(single.entries()[3].key(), "name");
  EXPECT_EQ(At(single, "replicas").int_value(), 3);
  EXPECT_EQ(At(single, "image").string_value(), "nginx");
  // Earlier mappings in the list win over later ones.
  const Node& list = At(root, "list");
  EXPECT_EQ(At(list, "port").int_value(), 8080);
  EXPECT_TRUE(At(list, "debug").bool_value());
  EXPECT_EQ(At(list, "image").string_value(), "nginx");
  EXPECT_EQ(At(list, "replicas").int_value(), 1);
  EXPECT_EQ(At(list, "tier").string_value(), "y");
  EXPECT_EQ(list.size(), 5u);
  EXPECT_EQ(At(At(root, "inline"), "a").int_value(), 1);
  EXPECT_EQ(At(root, "inline").Find("<<"), nullptr);
}

TEST(YamlReaderTest, QuotedMergeKeyIsAnOrdinaryKey) {
  Document document = ReadOne("m:\n  \"<<\": 1\n");
  EXPECT_EQ(At(At(*document.root, "m"), "<<").int_value(), 1);
}

TEST(YamlReaderTest, RejectsBadMergeValues) {
  EXPECT_THAT(ReadError("m:\n  <<: 1\n"),
              ErrorAt("f.yaml:2:3", StatusCode::kInvalidArgument,
                      "merge key `<<` needs a mapping or a list of mappings"));
  EXPECT_THAT(ReadError("m:\n  <<: [{a: 1}, 2]\n"),
              ErrorAt("f.yaml:2:3", StatusCode::kInvalidArgument, "merge key `<<` needs"));
  EXPECT_THAT(ReadError("m:\n  <<: {a: 1}\n  <<: {b: 1}\n"),
              ErrorAt("f.yaml:3:3", StatusCode::kInvalidArgument, "duplicate key `<<`"));
  EXPECT_THAT(ReadError("m:\n  a: 1\n  <<: {b: 1}\n  a: 2\n"),
              ErrorAt("f.yaml:4:3", StatusCode::kInvalidArgument, "duplicate key `a`"));
}

TEST(YamlReaderTest, AppliesTags) {
  Document document = ReadOne(
      "str: !!str 123\n"
      "int: !!int \"42\"\n"
      "float: !!float 1\n"
      "bool: !!bool false\n"
      "null: !!null ''\n"
      "bytes: !!binary |\n"
      "  R0lGODlh\n"
      "ref: !Ref MyBucket\n"
      "getatt: !GetAtt [Bucket, Arn]\n"
      "sub: !Sub 12\n"
      "bang: ! 12\n"
      "map: !!map {a: 1}\n"
      "seq: !!seq [1]\n"
      "stamp: !!timestamp 2001-12-14\n");
  const Node& root = *document.root;
  EXPECT_EQ(At(root, "str").string_value(), "123");
  EXPECT_EQ(At(root, "int").int_value(), 42);
  EXPECT_EQ(At(root, "float").kind(), NodeKind::kDouble);
  EXPECT_FALSE(At(root, "bool").bool_value());
  EXPECT_TRUE(At(root, "null").is_null());
  EXPECT_EQ(At(root, "bytes").kind(), NodeKind::kBytes);
  EXPECT_EQ(At(root, "bytes").string_value(), "GIF89a");
  // Unknown tags are ignored: the node reads as if untagged.
  EXPECT_EQ(At(root, "ref").string_value(), "MyBucket");
  EXPECT_EQ(At(root, "getatt").size(), 2u);
  EXPECT_EQ(At(root, "sub").int_value(), 12);
  EXPECT_EQ(At(root, "bang").string_value(), "12");
  EXPECT_TRUE(At(root, "map").is_map());
  EXPECT_TRUE(At(root, "seq").is_list());
  EXPECT_EQ(At(root, "stamp").string_value(), "2001-12-14");
}

TEST(YamlReaderTest, RejectsBadTaggedContentAtItsPosition) {
  struct Case {
    const char* text;
    const char* location;
    const char* fragment;
  };
  const Case kCases[] = {
      {"a: 1\nb: !!int abc\n", "f.yaml:2:4", "`abc` is not a valid `!!int` value"},
      {"b: !!bool yes\n", "f.yaml:1:4", "not a valid `!!bool`"},
      {"b: !!binary '***'\n", "f.yaml:1:4", "invalid base64"},
      {"b: !!map [1]\n", "f.yaml:1:4", "tag `!!map` cannot be used on a sequence"},
      {"b: !!str {a: 1}\n", "f.yaml:1:4", "tag `!!str` cannot be used on a mapping"},
      {"b: !!seq x\n", "f.yaml:1:4", "cannot be used on a scalar"},
      {"b: 1e400\n", "f.yaml:1:4", "number `1e400` is out of range"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    EXPECT_THAT(ReadError(test.text),
                ErrorAt(test.location, StatusCode::kInvalidArgument, test.fragment));
  }
}

TEST(YamlReaderTest, KeysAreScalarSourceText) {
  Document document = ReadOne("1: one\n~: tilde\nnull: n\ntrue: t\n1.50: f\n\"q\": s\n? x\n: y\n");
  const Node& root = *document.root;
  EXPECT_EQ(At(root, "1").string_value(), "one");
  EXPECT_EQ(At(root, "~").string_value(), "tilde");
  EXPECT_EQ(At(root, "null").string_value(), "n");
  EXPECT_EQ(At(root, "true").string_value(), "t");
  EXPECT_EQ(At(root, "1.50").string_value(), "f");
  EXPECT_EQ(At(root, "q").string_value(), "s");
  EXPECT_EQ(At(root, "x").string_value(), "y");
}

TEST(YamlReaderTest, RejectsCollectionKeys) {
  EXPECT_THAT(ReadError("{[1, 2]: x}\n"),
              ErrorAt("f.yaml:1:2", StatusCode::kInvalidArgument,
                      "a mapping key must be a scalar, found a sequence"));
  EXPECT_THAT(ReadError("? {a: 1}\n: x\n"),
              ErrorAt("f.yaml:1:3", StatusCode::kInvalidArgument, "found a mapping"));
  EXPECT_THAT(ReadError("a: &m {b: 1}\n*m : x\n"),
              ErrorAt("f.yaml:2:1", StatusCode::kInvalidArgument, "alias `m` is a mapping"));
}

TEST(YamlReaderTest, RejectsDuplicateKeysAtTheSecondKey) {
  EXPECT_THAT(ReadError("a: 1\nb: 2\na: 3\n"),
              ErrorAt("f.yaml:3:1", StatusCode::kInvalidArgument, "duplicate key `a`"));
  EXPECT_THAT(ReadError("m: {x: 1,  x: 2}\n"),
              ErrorAt("f.yaml:1:12", StatusCode::kInvalidArgument, "duplicate key `x`"));
  // Keys compare as text: `1` and `01` differ, `1` and "1" do not.
  EXPECT_TRUE(ReadYaml("1: a\n01: b\n", "f.yaml").ok());
  EXPECT_THAT(ReadError("1: a\n\"1\": b\n"),
              ErrorAt("f.yaml:2:1", StatusCode::kInvalidArgument, "duplicate key `1`"));
}

TEST(YamlReaderTest, ReportsSyntaxErrorsWithOneBasedPositions) {
  struct Case {
    const char* text;
    const char* location;
    const char* fragment;
  };
  const Case kCases[] = {
      {"a: \"abc\n", "f.yaml:2:1", "found unexpected end of stream"},
      {"a: [1, 2\n", "f.yaml:2:1", "did not find expected `,` or `]`"},
      {"a: b: c\n", "f.yaml:1:5", "mapping values are not allowed in this context"},
      {"a:\n\t- 1\n", "f.yaml:2:1", "found character that cannot start any token"},
      {"- a\nb: 1\n", "f.yaml:2:1", "did not find expected"},
      {"a: *\n", "f.yaml:1:5", "did not find expected alphabetic or numeric character"},
      {"a: 1\n  b: 2\n", "f.yaml:2:4", "mapping values are not allowed"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    EXPECT_THAT(ReadError(test.text),
                ErrorAt(test.location, StatusCode::kInvalidArgument, test.fragment));
  }
}

TEST(YamlReaderTest, ReportsInvalidUtf8AndControlCharactersWithPositions) {
  EXPECT_THAT(ReadError("a: 1\nb: \"x\xFF\"\n"),
              ErrorAt("f.yaml:2:6", StatusCode::kInvalidArgument, "invalid UTF-8"));
  EXPECT_THAT(ReadError("a: 1\nb: x\x01y\n"),
              ErrorAt("f.yaml:2:5", StatusCode::kInvalidArgument,
                      "control characters are not allowed (U+0001)"));
  // UTF-16 input is not accepted.
  EXPECT_THAT(ReadError(std::string("\xFF\xFE"
                                    "a\0:\0",
                                    6)),
              ErrorAt("f.yaml:1:1", StatusCode::kInvalidArgument, "invalid UTF-8"));
}

TEST(YamlReaderTest, EnforcesScalarAndDocumentLimits) {
  ReadLimits limits;
  limits.max_scalar_bytes = 3;
  EXPECT_TRUE(ReadYaml("abc: xyz\n", "f.yaml", limits).ok());
  EXPECT_THAT(ReadYaml("a: 1\nb: wxyz\n", "f.yaml", limits).status(),
              ErrorAt("f.yaml:2:4", StatusCode::kResourceExhausted, "scalar of 4 bytes"));
  EXPECT_THAT(ReadYaml("abcd: 1\n", "f.yaml", limits).status(),
              ErrorAt("f.yaml:1:1", StatusCode::kResourceExhausted, "exceeds the limit of 3"));

  ReadLimits document_limits;
  document_limits.max_documents = 2;
  EXPECT_TRUE(ReadYaml("1\n---\n2\n", "f.yaml", document_limits).ok());
  EXPECT_THAT(ReadYaml("1\n---\n2\n---\n3\n", "f.yaml", document_limits).status(),
              ErrorAt("f.yaml:4:1", StatusCode::kResourceExhausted, "more than 2 documents"));
}

TEST(YamlReaderTest, EnforcesTheDepthLimitExactly) {
  ReadLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(ReadYaml("a:\n  b:\n    - 1\n", "f.yaml", limits).ok());
  EXPECT_THAT(ReadYaml("a:\n  b:\n    - [1]\n", "f.yaml", limits).status(),
              ErrorAt("f.yaml:3:7", StatusCode::kResourceExhausted, "depth limit of 3"));
}

}  // namespace
}  // namespace warden::data
