#include "warden/cli/watch.h"

#include <filesystem>
#include <thread>

namespace warden::cli {
namespace {

namespace fs = std::filesystem;

void AddFile(const fs::path& path, FileFingerprint& out) {
  std::error_code error;
  auto modified = fs::last_write_time(path, error);
  if (error) return;
  uintmax_t size = fs::file_size(path, error);
  if (error) return;
  out[path.generic_string()] = {static_cast<int64_t>(modified.time_since_epoch().count()), size};
}

}  // namespace

FileFingerprint Fingerprint(const std::vector<std::string>& paths) {
  FileFingerprint out;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      if (fs::is_regular_file(path, error)) AddFile(path, out);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(path, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error)) AddFile(it->path(), out);
    }
  }
  return out;
}

FileFingerprint WaitForChange(const std::vector<std::string>& paths, const FileFingerprint& last,
                              std::chrono::milliseconds interval) {
  for (;;) {
    std::this_thread::sleep_for(interval);
    FileFingerprint now = Fingerprint(paths);
    if (now != last) return now;
  }
}

}  // namespace warden::cli
