#include "warden/base/file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace warden {
namespace {

class ReadFileTest : public testing::Test {
 protected:
  void SetUp() override {
    const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(testing::TempDir()) /
           ("warden_file_test_" + std::to_string(getpid()) + "_" + info->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Writes `content` to a file in the test's directory and returns its path.
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    out << content;
    EXPECT_TRUE(out.good());
    return path;
  }

  std::filesystem::path dir_;
};

std::string Pattern(size_t size) {
  std::string content(size, '\0');
  for (size_t byte_idx = 0; byte_idx < size; ++byte_idx) {
    content[byte_idx] = static_cast<char>((byte_idx * 31 + 7) % 256);
  }
  return content;
}

TEST_F(ReadFileTest, MissingFileIsNotFound) {
  StatusOr<std::string> content = ReadFile((dir_ / "absent.txt").string());
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.status().code(), StatusCode::kNotFound);
}

TEST_F(ReadFileTest, MissingDirectoryIsNotFound) {
  StatusOr<std::string> content = ReadFile((dir_ / "no" / "such" / "file").string());
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.status().code(), StatusCode::kNotFound);
}

TEST_F(ReadFileTest, ReadsContentExactly) {
  struct Case {
    const char* name;
    std::string content;
  };
  const Case kCases[] = {
      {"empty", ""},
      {"text", "hello\nworld\n"},
      {"binary", std::string("\0\xff\r\n\0", 5)},
      {"one buffer", Pattern(65536)},
      {"several buffers", Pattern(3 * 65536 + 17)},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.name);
    std::string path = Write(test.name, test.content);
    StatusOr<std::string> content = ReadFile(path);
    ASSERT_TRUE(content.ok()) << content.status().message();
    EXPECT_EQ(content->size(), test.content.size());
    EXPECT_TRUE(*content == test.content);
  }
}

TEST_F(ReadFileTest, FileLargerThanTheLimitIsResourceExhausted) {
  struct Case {
    size_t size;
    size_t limit;
    bool ok;
  };
  const Case kCases[] = {
      {100, 100, true},          {101, 100, false},        {100, 0, false},       {0, 0, true},
      {200'000, 150'000, false}, {200'000, 200'000, true}, {65536, 65535, false},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(testing::Message() << test.size << " bytes, limit " << test.limit);
    std::string path = Write("file", Pattern(test.size));
    StatusOr<std::string> content = ReadFile(path, test.limit);
    if (test.ok) {
      ASSERT_TRUE(content.ok()) << content.status().message();
      EXPECT_EQ(content->size(), test.size);
    } else {
      ASSERT_FALSE(content.ok());
      EXPECT_EQ(content.status().code(), StatusCode::kResourceExhausted);
    }
  }
}

TEST_F(ReadFileTest, DirectoryIsNotReadable) {
  StatusOr<std::string> content = ReadFile(dir_.string());
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace warden
