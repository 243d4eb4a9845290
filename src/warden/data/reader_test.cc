#include "warden/data/reader.h"

#include <fstream>
#include <string>

#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;

TEST(ReaderTest, TellsTheFormatFromTheExtension) {
  struct Case {
    const char* path;
    std::optional<Format> format;
  };
  const Case kCases[] = {
      {"a.json", Format::kJson},
      {"dir/a.JSON", Format::kJson},
      {"a.jsonl", Format::kJsonLines},
      {"a.ndjson", Format::kJsonLines},
      {"a.yaml", Format::kYaml},
      {"a.yml", Format::kYaml},
      {"A.YML", Format::kYaml},
      {"a.toml", Format::kToml},
      {"a.txt", std::nullopt},
      {"json", std::nullopt},
      {"a.json.bak", std::nullopt},
      {"", std::nullopt},
      {"-", std::nullopt},
      {"a.yaml/", std::nullopt},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.path);
    EXPECT_EQ(FormatFromPath(test.path), test.format);
  }
}

TEST(ReaderTest, ReadsTextInTheGivenFormat) {
  struct Case {
    Format format;
    const char* text;
    size_t documents;
  };
  const Case kCases[] = {
      {Format::kJson, "{\"a\": 1}", 1},
      {Format::kJsonLines, "{\"a\": 1}\n{\"a\": 2}\n", 2},
      {Format::kYaml, "a: 1\n---\na: 2\n---\na: 3\n", 3},
      {Format::kToml, "a = 1\n", 1},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(FormatName(test.format));
    StatusOr<std::vector<Document>> documents = ReadDocuments(test.text, "in", test.format);
    ASSERT_TRUE(documents.ok()) << documents.status().message();
    ASSERT_EQ(documents->size(), test.documents);
    EXPECT_EQ(At(*documents->back().root, "a").int_value(), static_cast<int64_t>(test.documents));
    EXPECT_EQ(documents->back().file, "in");
  }
}

class ReaderFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = ::testing::TempDir() + "warden_reader_test_" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(ReaderFileTest, ReadsFilesByExtension) {
  std::string path = Write("deploy.yml", "kind: Pod\n---\nkind: Service\n");
  StatusOr<std::vector<Document>> documents = ReadDocumentsFromFile(path);
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 2u);
  EXPECT_EQ((*documents)[1].file, path);
  EXPECT_EQ(At(*(*documents)[1].root, "kind").string_value(), "Service");

  // An explicit format overrides the extension.
  std::string other = Write("data.txt", "[1, 2]");
  StatusOr<std::vector<Document>> json = ReadDocumentsFromFile(other, Format::kJson);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ((*json)[0].root->size(), 2u);
}

TEST_F(ReaderFileTest, ErrorsNameTheFile) {
  std::string path = Write("bad.json", "{\n  \"a\": ]\n}");
  EXPECT_THAT(ReadDocumentsFromFile(path).status(),
              ErrorAt(path + ":2:8", StatusCode::kInvalidArgument, "expected a value"));
}

TEST_F(ReaderFileTest, RefusesUnknownExtensionsMissingFilesAndLargeFiles) {
  Status unknown = ReadDocumentsFromFile(Write("notes.txt", "a")).status();
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.message(), ::testing::HasSubstr("cannot tell the format"));

  EXPECT_EQ(ReadDocumentsFromFile(::testing::TempDir() + "warden_missing.json").status().code(),
            StatusCode::kNotFound);

  ReadLimits limits;
  limits.max_input_bytes = 4;
  EXPECT_EQ(ReadDocumentsFromFile(Write("big.json", "[1, 2, 3]"), limits).status().code(),
            StatusCode::kResourceExhausted);
}

TEST_F(ReaderFileTest, StandardInputNeedsAFormat) {
  Status status = ReadDocumentsFromFile("-").status();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("standard input needs an explicit format"));
}

}  // namespace
}  // namespace warden::data
