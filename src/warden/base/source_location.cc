#include "warden/base/source_location.h"

namespace warden {

std::string SourceLocation::ToString() const {
  if (!position.known()) return file;
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

namespace {

// Reads a decimal number (at most 9 digits, so it fits uint32) followed by `:`.
bool TakeNumberAndColon(std::string_view& text, uint32_t& out) {
  size_t digits = 0;
  uint32_t value = 0;
  while (digits < text.size() && digits < 9 && text[digits] >= '0' && text[digits] <= '9') {
    value = value * 10 + static_cast<uint32_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0 || digits >= text.size() || text[digits] != ':') return false;
  text.remove_prefix(digits + 1);
  out = value;
  return true;
}

// `line:column:` at the start of `rest`, then the reason.
bool TakePosition(std::string_view rest, LocatedMessage& out) {
  SourcePosition position;
  if (!TakeNumberAndColon(rest, position.line) || !TakeNumberAndColon(rest, position.column)) {
    return false;
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  out.location.position = position;
  out.reason = std::string(rest);
  return true;
}

}  // namespace

LocatedMessage SplitLocatedMessage(std::string_view message, std::string_view file) {
  LocatedMessage out;
  out.location.file = std::string(file);
  out.reason = std::string(message);
  if (!file.empty()) {
    if (message.size() <= file.size() || message.substr(0, file.size()) != file ||
        message[file.size()] != ':') {
      return out;
    }
    std::string_view rest = message.substr(file.size() + 1);
    if (!TakePosition(rest, out)) {
      // `file: reason` without a position.
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      out.reason = std::string(rest);
    }
    return out;
  }
  for (size_t colon = message.find(':'); colon != std::string_view::npos;
       colon = message.find(':', colon + 1)) {
    if (TakePosition(message.substr(colon + 1), out)) {
      out.location.file = std::string(message.substr(0, colon));
      return out;
    }
  }
  return out;
}

}  // namespace warden
