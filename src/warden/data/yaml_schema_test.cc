#include "warden/data/yaml_schema.h"

#include <cmath>
#include <limits>
#include <string>

#include "warden/base/arena.h"
#include "warden/data/test_util.h"

namespace warden::data::internal {
namespace {

constexpr std::string_view kStr = "tag:yaml.org,2002:str";

struct Case {
  const char* text;
  NodeKind kind;
  double number = 0;  // expected Int/Uint/Double value (NaN compares by isnan)
};

class YamlSchemaTest : public ::testing::Test {
 protected:
  StatusOr<Node> Resolve(std::string_view text, bool plain = true, YamlTag tag = YamlTag::kNone) {
    return ResolveYamlScalar(text, plain, tag, {1, 1}, builder_);
  }

  void ExpectResolves(const Case& test, YamlTag tag = YamlTag::kNone) {
    SCOPED_TRACE(test.text);
    StatusOr<Node> node = Resolve(test.text, /*plain=*/true, tag);
    ASSERT_TRUE(node.ok()) << node.status().message();
    EXPECT_EQ(node->kind(), test.kind) << NodeKindName(node->kind());
    switch (node->kind()) {
      case NodeKind::kInt:
        EXPECT_EQ(static_cast<double>(node->int_value()), test.number);
        break;
      case NodeKind::kUint:
        EXPECT_EQ(static_cast<double>(node->uint_value()), test.number);
        break;
      case NodeKind::kDouble:
        if (std::isnan(test.number)) {
          EXPECT_TRUE(std::isnan(node->double_value()));
        } else {
          EXPECT_EQ(node->double_value(), test.number);
        }
        break;
      case NodeKind::kBool:
        EXPECT_EQ(node->bool_value() ? 1.0 : 0.0, test.number);
        break;
      case NodeKind::kString:
        EXPECT_EQ(node->string_value(), test.text);
        break;
      default:
        break;
    }
  }

  Arena arena_;
  NodeBuilder builder_{arena_};
};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

TEST_F(YamlSchemaTest, TypesPlainScalarsByTheCoreSchema) {
  const Case kCases[] = {
      // null
      {"", NodeKind::kNull},
      {"~", NodeKind::kNull},
      {"null", NodeKind::kNull},
      {"Null", NodeKind::kNull},
      {"NULL", NodeKind::kNull},
      {"nULL", NodeKind::kString},
      {"none", NodeKind::kString},
      // bool
      {"true", NodeKind::kBool, 1},
      {"True", NodeKind::kBool, 1},
      {"TRUE", NodeKind::kBool, 1},
      {"false", NodeKind::kBool, 0},
      {"False", NodeKind::kBool, 0},
      {"FALSE", NodeKind::kBool, 0},
      {"tRUE", NodeKind::kString},
      {"yes", NodeKind::kString},
      {"no", NodeKind::kString},
      {"on", NodeKind::kString},
      {"off", NodeKind::kString},
      {"y", NodeKind::kString},
      // int
      {"0", NodeKind::kInt, 0},
      {"-0", NodeKind::kInt, 0},
      {"+12", NodeKind::kInt, 12},
      {"-12", NodeKind::kInt, -12},
      {"0755", NodeKind::kInt, 755},
      {"0o17", NodeKind::kInt, 15},
      {"0x1F", NodeKind::kInt, 31},
      {"0xff", NodeKind::kInt, 255},
      {"9223372036854775807", NodeKind::kInt, 9223372036854775807.0},
      {"-9223372036854775808", NodeKind::kInt, -9223372036854775808.0},
      {"9223372036854775808", NodeKind::kUint, 9223372036854775808.0},
      {"0xFFFFFFFFFFFFFFFF", NodeKind::kUint, 18446744073709551615.0},
      {"18446744073709551616", NodeKind::kDouble, 18446744073709551616.0},
      {"0x10000000000000000", NodeKind::kDouble, 18446744073709551616.0},
      {"-9223372036854775809", NodeKind::kDouble, -9223372036854775809.0},
      {"0o", NodeKind::kString},
      {"0x", NodeKind::kString},
      {"0xG", NodeKind::kString},
      {"0o8", NodeKind::kString},
      {"-0x1", NodeKind::kString},
      {"0b101", NodeKind::kString},
      {"1_000", NodeKind::kString},
      {"1,000", NodeKind::kString},
      {"12:30", NodeKind::kString},
      // float
      {"1.5", NodeKind::kDouble, 1.5},
      {"-1.5", NodeKind::kDouble, -1.5},
      {"+1.5", NodeKind::kDouble, 1.5},
      {"1.", NodeKind::kDouble, 1},
      {".5", NodeKind::kDouble, 0.5},
      {"1e3", NodeKind::kDouble, 1000},
      {"1E-2", NodeKind::kDouble, 0.01},
      {"1.5e+2", NodeKind::kDouble, 150},
      {"1e-400", NodeKind::kDouble, 0},
      {".inf", NodeKind::kDouble, kInf},
      {".Inf", NodeKind::kDouble, kInf},
      {"+.INF", NodeKind::kDouble, kInf},
      {"-.inf", NodeKind::kDouble, -kInf},
      {"-.Inf", NodeKind::kDouble, -kInf},
      {".nan", NodeKind::kDouble, kNan},
      {".NaN", NodeKind::kDouble, kNan},
      {".NAN", NodeKind::kDouble, kNan},
      {"-.nan", NodeKind::kString},
      {".iNf", NodeKind::kString},
      {"inf", NodeKind::kString},
      {"nan", NodeKind::kString},
      {".", NodeKind::kString},
      {"1e", NodeKind::kString},
      {"e3", NodeKind::kString},
      {".e3", NodeKind::kString},
      {"1.2.3", NodeKind::kString},
      {"+", NodeKind::kString},
      {"-", NodeKind::kString},
      // strings
      {"hello", NodeKind::kString},
      {"v1.2", NodeKind::kString},
      {"2001-12-14", NodeKind::kString},
      {"<<", NodeKind::kString},
  };
  for (const Case& test : kCases) ExpectResolves(test);
}

TEST_F(YamlSchemaTest, QuotedAndBlockScalarsAreStrings) {
  for (const char* text : {"", "~", "null", "true", "12", "1.5", ".inf"}) {
    SCOPED_TRACE(text);
    StatusOr<Node> node = Resolve(text, /*plain=*/false);
    ASSERT_TRUE(node.ok());
    EXPECT_EQ(node->kind(), NodeKind::kString);
    EXPECT_EQ(node->string_value(), text);
  }
}

TEST_F(YamlSchemaTest, RejectsNumbersTooLargeForADouble) {
  std::string huge(400, '9');
  StatusOr<Node> node = Resolve(huge);
  EXPECT_EQ(node.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(node.status().message(), ::testing::HasSubstr("is out of range"));
  EXPECT_FALSE(Resolve("1e400").ok());
}

TEST_F(YamlSchemaTest, StandardTagsForceTheirType) {
  ExpectResolves({"123", NodeKind::kString}, YamlTag::kStr);
  ExpectResolves({"true", NodeKind::kString}, YamlTag::kNonSpecific);
  ExpectResolves({"12", NodeKind::kInt, 12}, YamlTag::kInt);
  ExpectResolves({"0x10", NodeKind::kInt, 16}, YamlTag::kInt);
  ExpectResolves({"1", NodeKind::kDouble, 1}, YamlTag::kFloat);
  ExpectResolves({"2.5", NodeKind::kDouble, 2.5}, YamlTag::kFloat);
  ExpectResolves({"-.inf", NodeKind::kDouble, -kInf}, YamlTag::kFloat);
  ExpectResolves({"True", NodeKind::kBool, 1}, YamlTag::kBool);
  ExpectResolves({"", NodeKind::kNull}, YamlTag::kNull);
  ExpectResolves({"~", NodeKind::kNull}, YamlTag::kNull);
  // A tag applies to quoted content too.
  StatusOr<Node> quoted = Resolve("42", /*plain=*/false, YamlTag::kInt);
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(quoted->int_value(), 42);
}

TEST_F(YamlSchemaTest, RejectsContentThatDoesNotFitItsTag) {
  struct BadCase {
    const char* text;
    YamlTag tag;
    const char* fragment;
  };
  const BadCase kCases[] = {
      {"abc", YamlTag::kInt, "`abc` is not a valid `!!int` value"},
      {"1.5", YamlTag::kInt, "not a valid `!!int`"},
      {"99999999999999999999", YamlTag::kInt, "out of range"},
      {"0x10", YamlTag::kFloat, "not a valid `!!float`"},
      {"yes", YamlTag::kBool, "not a valid `!!bool`"},
      {"0", YamlTag::kNull, "not a valid `!!null`"},
      {"a", YamlTag::kMap, "tag `!!map` cannot be used on a scalar"},
      {"a", YamlTag::kSeq, "tag `!!seq` cannot be used on a scalar"},
      {"not base64!", YamlTag::kBinary, "invalid base64"},
  };
  for (const BadCase& test : kCases) {
    SCOPED_TRACE(test.text);
    StatusOr<Node> node = Resolve(test.text, /*plain=*/true, test.tag);
    EXPECT_EQ(node.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(node.status().message(), ::testing::HasSubstr(test.fragment));
  }
}

TEST_F(YamlSchemaTest, BinaryDecodesBase64IgnoringWhitespace) {
  StatusOr<Node> node = Resolve("R0lG\n ODlh\n", /*plain=*/false, YamlTag::kBinary);
  ASSERT_TRUE(node.ok()) << node.status().message();
  EXPECT_EQ(node->kind(), NodeKind::kBytes);
  EXPECT_EQ(node->string_value(), "GIF89a");
  StatusOr<Node> unpadded = Resolve("Zm8", /*plain=*/true, YamlTag::kBinary);
  ASSERT_TRUE(unpadded.ok());
  EXPECT_EQ(unpadded->string_value(), "fo");
}

TEST_F(YamlSchemaTest, ClassifiesTags) {
  EXPECT_EQ(ClassifyYamlTag(kStr), YamlTag::kStr);
  EXPECT_EQ(ClassifyYamlTag("tag:yaml.org,2002:binary"), YamlTag::kBinary);
  EXPECT_EQ(ClassifyYamlTag("tag:yaml.org,2002:map"), YamlTag::kMap);
  EXPECT_EQ(ClassifyYamlTag("!"), YamlTag::kNonSpecific);
  EXPECT_EQ(ClassifyYamlTag("!Ref"), YamlTag::kNone);
  EXPECT_EQ(ClassifyYamlTag("tag:yaml.org,2002:timestamp"), YamlTag::kNone);
  EXPECT_EQ(ClassifyYamlTag(""), YamlTag::kNone);
}

}  // namespace
}  // namespace warden::data::internal
