#pragma once
// Helpers for the service/ input tests only (no library code includes this): a fixture
// directory tree in a fresh temporary directory, removed when the test ends.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "warden/base/status.h"

namespace warden {

inline void PrintTo(const Status& status, std::ostream* out) {
  *out << StatusCodeName(status.code()) << ": " << status.message();
}

namespace service::testing {

class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "warden_inputs_" + std::to_string(getpid()) + "_" +
                       std::to_string(counter++) + "_" +
                       (info != nullptr ? std::string(info->name()) : std::string("tree"));
    root_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  // The root directory, without a trailing `/`.
  std::string root() const { return root_.string(); }
  // The absolute path of `relative`.
  std::string Path(const std::string& relative) const { return (root_ / relative).string(); }

  // Writes `content` to `relative` (creating its directories); returns its path.
  std::string Write(const std::string& relative, const std::string& content = "a: 1\n") const {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    EXPECT_TRUE(out.good()) << path;
    return path.string();
  }

  void MakeDirectory(const std::string& relative) const {
    std::filesystem::create_directories(root_ / relative);
  }

  // Makes `relative` a symbolic link to `target` (as written, relative to the link).
  void Symlink(const std::string& target, const std::string& relative) const {
    std::filesystem::create_directories((root_ / relative).parent_path());
    std::filesystem::create_symlink(target, root_ / relative);
  }

  // `paths` with the root and its `/` removed from the front of each.
  std::vector<std::string> Relative(const std::vector<std::string>& paths) const {
    const std::string prefix = root() + "/";
    std::vector<std::string> relative;
    for (const std::string& path : paths) {
      relative.push_back(path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : path);
    }
    return relative;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace service::testing
}  // namespace warden
