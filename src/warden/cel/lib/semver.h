#pragma once
// Semantic versions (SemVer 2.0.0) parsed and ordered as Kubernetes' CEL semver library
// does through blang/semver. Internal to cel/lib: the semver extension (semver.cc)
// registers the CEL functions described in extensions.h.
//
// Grammar: MAJOR.MINOR.PATCH, each a decimal number without leading zeros that fits in
// 64 bits; then optionally `-` and dot-separated pre-release identifiers ([0-9A-Za-z-]+,
// a purely numeric one without leading zeros), then optionally `+` and dot-separated
// build identifiers ([0-9A-Za-z-]+). Nothing else: no "v" prefix, no spaces.

#include <cstdint>
#include <string>
#include <string_view>

namespace warden::cel::semver {

struct Version {
  uint64_t major = 0;
  uint64_t minor = 0;
  uint64_t patch = 0;
  std::string prerelease;  // identifiers joined by '.', empty when there are none
  std::string build;       // likewise; never affects ordering or equality
};

// Parses `text` strictly. On failure returns false and sets `error` to the reason.
bool Parse(std::string_view text, Version& version, std::string& error);

// Normalizes, then parses: drops one leading "v", removes leading zeros from each of
// the first three dot-separated parts, and fills a missing minor or patch with 0 (a
// short version may not carry pre-release or build data).
bool ParseNormalized(std::string_view text, Version& version, std::string& error);

// SemVer precedence: -1, 0 or 1. Numbers compare numerically; a version with a
// pre-release is lower than the same version without; pre-release identifiers compare
// numerically when both are numeric, numeric below alphanumeric, else byte-wise, and a
// longer list of equal leading identifiers is higher. Build metadata is ignored.
int Compare(const Version& left, const Version& right);

// MAJOR.MINOR.PATCH[-PRERELEASE]: the text without build metadata. Two versions have
// equal precedence exactly when their canonical texts are equal.
std::string Canonical(const Version& version);

}  // namespace warden::cel::semver
