#pragma once
// Reading whole files with a size limit, so a huge or endless input (a FIFO, /dev/zero)
// is refused instead of exhausting memory.

#include <cstddef>
#include <string>

#include "warden/base/status.h"

namespace warden {

inline constexpr size_t kDefaultMaxFileBytes = size_t{256} << 20;  // 256 MiB

// Reads `path` completely. Errors: NotFound, Unavailable (I/O), ResourceExhausted (the
// file is larger than `max_bytes`). "-" reads standard input.
StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes = kDefaultMaxFileBytes);

}  // namespace warden
