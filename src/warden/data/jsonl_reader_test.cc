#include "warden/data/jsonl_reader.h"

#include <string>
#include <vector>

#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;
using testing::Pos;

TEST(JsonLinesReaderTest, ReadsOneDocumentPerNonBlankLine) {
  const std::string text = "{\"a\": 1}\n\n   \n[2,\n3\n\"x\"";
  // Line 4 holds an unfinished array: each line must be a complete value.
  EXPECT_THAT(ReadJsonLines(text, "f.jsonl").status(),
              ErrorAt("f.jsonl:4:4", StatusCode::kInvalidArgument, "expected a value"));

  StatusOr<std::vector<Document>> documents =
      ReadJsonLines("{\"a\": 1}\n\n \t \n  [2, 3]\r\n\"x\"", "f.jsonl");
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 3u);
  for (size_t doc_idx = 0; doc_idx < documents->size(); ++doc_idx) {
    EXPECT_EQ((*documents)[doc_idx].index, doc_idx);
    EXPECT_EQ((*documents)[doc_idx].file, "f.jsonl");
  }
  EXPECT_EQ(At(*(*documents)[0].root, "a").position(), Pos(1, 7));
  // Positions are real file lines, not document numbers.
  EXPECT_EQ((*documents)[1].root->position(), Pos(4, 3));
  EXPECT_EQ((*documents)[1].root->item(1).position(), Pos(4, 7));
  EXPECT_EQ((*documents)[2].root->position(), Pos(5, 1));
  EXPECT_EQ((*documents)[2].root->string_value(), "x");
}

TEST(JsonLinesReaderTest, DocumentsShareOneArena) {
  StatusOr<std::vector<Document>> documents = ReadJsonLines("1\n2\n", "f.jsonl");
  ASSERT_TRUE(documents.ok());
  ASSERT_EQ(documents->size(), 2u);
  EXPECT_EQ((*documents)[0].storage, (*documents)[1].storage);
  EXPECT_NE((*documents)[0].storage, nullptr);
}

TEST(JsonLinesReaderTest, RecordsShareOneCopyOfEachKey) {
  const std::string text =
      "{\"subject\": {\"role\": \"admin\"}, \"action\": \"read\"}\n"
      "{\"subject\": {\"role\": \"analyst\"}, \"action\": \"write\"}\n"
      "{\"subj\\u0065ct\": 1}\n";
  StatusOr<std::vector<Document>> read = ReadJsonLines(text, "requests.jsonl");
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 3u);
  auto key_of = [&](size_t document, size_t entry) {
    return (*read)[document].root->entries()[entry].key();
  };
  EXPECT_EQ(key_of(0, 0).data(), key_of(1, 0).data());
  EXPECT_EQ(key_of(0, 1).data(), key_of(1, 1).data());
  const Node* first_role = (*read)[0].root->Find("subject");
  const Node* second_role = (*read)[1].root->Find("subject");
  EXPECT_EQ(first_role->entries()[0].key().data(), second_role->entries()[0].key().data());
  // An escaped key is interned by its text, not its spelling; values are never shared.
  EXPECT_EQ(key_of(2, 0), "subject");
  EXPECT_EQ(key_of(2, 0).data(), key_of(0, 0).data());
  EXPECT_EQ(first_role->Find("role")->string_value(), "admin");
  EXPECT_EQ(second_role->Find("role")->string_value(), "analyst");
}

TEST(JsonLinesReaderTest, ManyDistinctKeysStillRead) {
  // More distinct keys than the intern cache holds: they evict each other, and every
  // lookup still finds its own key.
  std::string text = "{";
  for (int key = 0; key < 5000; ++key) {
    text += (key == 0 ? "\"k" : ", \"k") + std::to_string(key) + "\": " + std::to_string(key);
  }
  text += "}\n{\"k4999\": \"again\", \"k0\": \"first\"}\n";
  StatusOr<std::vector<Document>> read = ReadJsonLines(text, "wide.jsonl");
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].root->size(), 5000u);
  EXPECT_EQ((*read)[0].root->Find("k4999")->int_value(), 4999);
  EXPECT_EQ((*read)[1].root->Find("k4999")->string_value(), "again");
  EXPECT_EQ((*read)[1].root->Find("k0")->string_value(), "first");
}

TEST(JsonLinesReaderTest, EmptyAndBlankInputsHoldNoDocuments) {
  for (const char* text : {"", "\n", "  \n\t\n\r\n"}) {
    SCOPED_TRACE(text);
    StatusOr<std::vector<Document>> documents = ReadJsonLines(text, "f.jsonl");
    ASSERT_TRUE(documents.ok());
    EXPECT_TRUE(documents->empty());
  }
}

TEST(JsonLinesReaderTest, NamesTheLineOfAMalformedDocument) {
  struct Case {
    const char* text;
    const char* location;
    const char* fragment;
  };
  const Case kCases[] = {
      {"{}\n{\"a\":}\n", "f.jsonl:2:6", "expected a value"},
      {"{}\n{} {}\n", "f.jsonl:2:4", "after the JSON value"},
      {"1\n2\n\"unterminated\n", "f.jsonl:3:1", "unterminated string"},
      {"{\"a\":1,\"a\":2}", "f.jsonl:1:8", "duplicate key `a`"},
      {"1\n\xFF\n", "f.jsonl:2:1", "invalid UTF-8"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    EXPECT_THAT(ReadJsonLines(test.text, "f.jsonl").status(),
                ErrorAt(test.location, StatusCode::kInvalidArgument, test.fragment));
  }
}

TEST(JsonLinesReaderTest, EnforcesTheDocumentLimit) {
  ReadLimits limits;
  limits.max_documents = 2;
  EXPECT_TRUE(ReadJsonLines("1\n2\n", "f.jsonl", limits).ok());
  EXPECT_THAT(ReadJsonLines("1\n\n2\n3\n", "f.jsonl", limits).status(),
              ErrorAt("f.jsonl:4:1", StatusCode::kResourceExhausted, "more than 2 documents"));
}

}  // namespace
}  // namespace warden::data
