#include "warden/cel/lib/semver.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <vector>

namespace warden::cel::semver {

namespace {

bool IsDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsIdentifierChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

bool HasLeadingZero(std::string_view text) { return text.size() > 1 && text[0] == '0'; }

// Splits on `separator`; "a.b" -> {a, b}, "" -> {""}.
std::vector<std::string_view> SplitOn(std::string_view text, char separator,
                                      size_t max_parts = std::numeric_limits<size_t>::max()) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  parts.push_back(text);
  return parts;
}

bool ParseNumber(std::string_view text, std::string_view what, uint64_t& value,
                 std::string& error) {
  if (text.empty()) {
    error = std::string(what) + " number is empty";
    return false;
  }
  if (!IsDigits(text)) {
    error = "invalid character in " + std::string(what) + " number `" + std::string(text) + "`";
    return false;
  }
  if (HasLeadingZero(text)) {
    error = std::string(what) + " number `" + std::string(text) + "` has a leading zero";
    return false;
  }
  auto [end, parse_error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parse_error != std::errc()) {
    error = std::string(what) + " number `" + std::string(text) + "` is too large";
    return false;
  }
  return true;
}

bool ValidIdentifiers(std::string_view joined, bool prerelease, std::string& error) {
  const std::string_view what = prerelease ? "pre-release" : "build";
  for (std::string_view identifier : SplitOn(joined, '.')) {
    if (identifier.empty()) {
      error = "empty " + std::string(what) + " identifier";
      return false;
    }
    if (!std::all_of(identifier.begin(), identifier.end(), IsIdentifierChar)) {
      error = "invalid character in " + std::string(what) + " identifier `" +
              std::string(identifier) + "`";
      return false;
    }
    if (prerelease && IsDigits(identifier)) {
      uint64_t value = 0;
      if (!ParseNumber(identifier, "pre-release", value, error)) return false;
    }
  }
  return true;
}

// Compares two pre-release identifiers (validated: numeric ones have no leading zeros).
int CompareIdentifier(std::string_view left, std::string_view right) {
  const bool left_numeric = IsDigits(left);
  const bool right_numeric = IsDigits(right);
  if (left_numeric != right_numeric) return left_numeric ? -1 : 1;
  if (left_numeric && left.size() != right.size()) return left.size() < right.size() ? -1 : 1;
  const int order = left.compare(right);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

int CompareNumbers(uint64_t left, uint64_t right) {
  return left < right ? -1 : left > right ? 1 : 0;
}

}  // namespace

bool Parse(std::string_view text, Version& version, std::string& error) {
  if (text.empty()) {
    error = "version string is empty";
    return false;
  }
  std::vector<std::string_view> parts = SplitOn(text, '.', 3);
  if (parts.size() != 3) {
    error = "expected MAJOR.MINOR.PATCH";
    return false;
  }
  version = Version{};
  if (!ParseNumber(parts[0], "major", version.major, error) ||
      !ParseNumber(parts[1], "minor", version.minor, error)) {
    return false;
  }
  std::string_view patch = parts[2];
  if (size_t plus = patch.find('+'); plus != std::string_view::npos) {
    version.build = std::string(patch.substr(plus + 1));
    patch = patch.substr(0, plus);
    if (!ValidIdentifiers(version.build, false, error)) return false;
  }
  if (size_t dash = patch.find('-'); dash != std::string_view::npos) {
    version.prerelease = std::string(patch.substr(dash + 1));
    patch = patch.substr(0, dash);
    if (!ValidIdentifiers(version.prerelease, true, error)) return false;
  }
  return ParseNumber(patch, "patch", version.patch, error);
}

bool ParseNormalized(std::string_view text, Version& version, std::string& error) {
  if (!text.empty() && text[0] == 'v') text.remove_prefix(1);
  std::vector<std::string> parts;
  for (std::string_view part : SplitOn(text, '.', 3)) {
    std::string normalized(part);
    if (normalized.size() > 1) {
      normalized.erase(0, normalized.find_first_not_of('0'));
      if (normalized.empty() || normalized[0] < '0' || normalized[0] > '9') {
        normalized.insert(0, "0");
      }
    }
    parts.push_back(std::move(normalized));
  }
  if (parts.size() < 3) {
    if (parts.back().find_first_of("+-") != std::string::npos) {
      error = "a short version cannot carry pre-release or build metadata";
      return false;
    }
    parts.resize(3, "0");
  }
  return Parse(parts[0] + "." + parts[1] + "." + parts[2], version, error);
}

int Compare(const Version& left, const Version& right) {
  if (int order = CompareNumbers(left.major, right.major); order != 0) return order;
  if (int order = CompareNumbers(left.minor, right.minor); order != 0) return order;
  if (int order = CompareNumbers(left.patch, right.patch); order != 0) return order;
  if (left.prerelease.empty() || right.prerelease.empty()) {
    if (left.prerelease.empty() == right.prerelease.empty()) return 0;
    return left.prerelease.empty() ? 1 : -1;
  }
  std::vector<std::string_view> left_ids = SplitOn(left.prerelease, '.');
  std::vector<std::string_view> right_ids = SplitOn(right.prerelease, '.');
  const size_t common = std::min(left_ids.size(), right_ids.size());
  for (size_t id_idx = 0; id_idx < common; ++id_idx) {
    if (int order = CompareIdentifier(left_ids[id_idx], right_ids[id_idx]); order != 0) {
      return order;
    }
  }
  return CompareNumbers(left_ids.size(), right_ids.size());
}

std::string Canonical(const Version& version) {
  std::string text = std::to_string(version.major) + "." + std::to_string(version.minor) + "." +
                     std::to_string(version.patch);
  if (!version.prerelease.empty()) text += "-" + version.prerelease;
  return text;
}

}  // namespace warden::cel::semver
