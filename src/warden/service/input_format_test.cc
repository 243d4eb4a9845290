#include "warden/service/input_format.h"

#include <gtest/gtest.h>

#include <string>

namespace warden::service {
namespace {

TEST(InputFormatTest, NamesRoundTrip) {
  for (InputFormat format :
       {InputFormat::kYaml, InputFormat::kJson, InputFormat::kJsonLines, InputFormat::kToml,
        InputFormat::kDockerfile, InputFormat::kTerraform}) {
    SCOPED_TRACE(InputFormatName(format));
    EXPECT_EQ(ParseInputFormat(InputFormatName(format)), format);
  }
}

TEST(InputFormatTest, AliasesAndUnknownNames) {
  EXPECT_EQ(ParseInputFormat("yml"), InputFormat::kYaml);
  EXPECT_EQ(ParseInputFormat("ndjson"), InputFormat::kJsonLines);
  EXPECT_EQ(ParseInputFormat("YAML"), std::nullopt);
  EXPECT_EQ(ParseInputFormat("hcl"), std::nullopt);
  EXPECT_EQ(ParseInputFormat(""), std::nullopt);
}

TEST(InputFormatTest, TerraformIsReadAsJson) {
  EXPECT_EQ(ReaderFormat(InputFormat::kTerraform), data::Format::kJson);
  EXPECT_EQ(ReaderFormat(InputFormat::kJson), data::Format::kJson);
  EXPECT_EQ(ReaderFormat(InputFormat::kJsonLines), data::Format::kJsonLines);
  EXPECT_EQ(ReaderFormat(InputFormat::kYaml), data::Format::kYaml);
  EXPECT_EQ(ReaderFormat(InputFormat::kToml), data::Format::kToml);
  EXPECT_EQ(ReaderFormat(InputFormat::kDockerfile), data::Format::kDockerfile);
}

TEST(GuessFormatTest, GuessesJsonJsonLinesOrYamlFromTheText) {
  struct Case {
    const char* text;
    data::Format expected;
  };
  const Case cases[] = {
      {"{}", data::Format::kJson},
      {"  \n\t[1, 2]\n", data::Format::kJson},
      {"\xEF\xBB\xBF{\"a\": 1}", data::Format::kJson},
      {"{\n  \"a\": 1\n}\n", data::Format::kJson},
      {"{\"a\": 1}\n{\"a\": 2}\n", data::Format::kJsonLines},
      {"[1]\r\n\r\n[2]", data::Format::kJsonLines},
      {"{\"a\": \"}\"}\n{}", data::Format::kJsonLines},
      {"{\"a\": \"\\\"}\"}\n{}", data::Format::kJsonLines},
      {"{\"a\": \"{\"}\n", data::Format::kJson},
      {"{} {}", data::Format::kJson},
      {"{\"a\":", data::Format::kJson},
      {"a: 1\n", data::Format::kYaml},
      {"---\n{}\n", data::Format::kYaml},
      {"# comment\n{}", data::Format::kYaml},
      {"- 1\n- 2\n", data::Format::kYaml},
      {"", data::Format::kYaml},
      {"  \n", data::Format::kYaml},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.text);
    EXPECT_EQ(GuessFormat(test_case.text), test_case.expected);
  }
}

}  // namespace
}  // namespace warden::service
