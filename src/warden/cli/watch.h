#pragma once
// Watching files for `--watch`: a fingerprint (modification time and size) of every file
// below some paths, compared by polling. Polling needs no platform API and is cheap for a
// policy repository (hundreds of files).

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace warden::cli {

using FileFingerprint = std::map<std::string, std::pair<int64_t, uintmax_t>>;

// Every regular file at or below `paths` (missing paths are skipped).
FileFingerprint Fingerprint(const std::vector<std::string>& paths);

// Polls every `interval` until the fingerprint of `paths` differs from `last`; returns
// the new one.
FileFingerprint WaitForChange(const std::vector<std::string>& paths, const FileFingerprint& last,
                              std::chrono::milliseconds interval);

}  // namespace warden::cli
