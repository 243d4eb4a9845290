#include "warden/base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace warden {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr && file != stdin) std::fclose(file);
  }
};

}  // namespace

StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::unique_ptr<std::FILE, FileCloser> file(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (file == nullptr) {
    int error = errno;
    std::string reason = std::strerror(error);
    if (error == ENOENT) return NotFound("cannot open `" + path + "`: " + reason);
    return Unavailable("cannot open `" + path + "`: " + reason);
  }
  std::string content;
  char buffer[65536];
  while (true) {
    size_t read = std::fread(buffer, 1, sizeof buffer, file.get());
    if (read > 0) {
      if (content.size() + read > max_bytes) {
        return ResourceExhausted("`" + path + "` is larger than the limit of " +
                                 std::to_string(max_bytes) + " bytes");
      }
      content.append(buffer, read);
    }
    if (read < sizeof buffer) {
      if (std::ferror(file.get())) return Unavailable("cannot read `" + path + "`");
      break;
    }
  }
  return content;
}

}  // namespace warden
