#include "warden/service/input_format.h"

#include <cstddef>

namespace warden::service {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The index just past the JSON value that starts with the bracket at `start`, or npos
// when the text ends first. Only brackets and strings matter: the reader reports any
// other mistake later.
size_t EndOfFirstValue(std::string_view text, size_t start) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t pos = start; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (in_string) {
      if (c == '\\') {
        ++pos;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return pos + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kYaml:
      return "yaml";
    case InputFormat::kJson:
      return "json";
    case InputFormat::kJsonLines:
      return "jsonl";
    case InputFormat::kToml:
      return "toml";
    case InputFormat::kDockerfile:
      return "dockerfile";
    case InputFormat::kTerraform:
      return "terraform";
  }
  return "unknown";
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "yaml" || name == "yml") return InputFormat::kYaml;
  if (name == "json") return InputFormat::kJson;
  if (name == "jsonl" || name == "ndjson") return InputFormat::kJsonLines;
  if (name == "toml") return InputFormat::kToml;
  if (name == "dockerfile") return InputFormat::kDockerfile;
  if (name == "terraform") return InputFormat::kTerraform;
  return std::nullopt;
}

data::Format ReaderFormat(InputFormat format) {
  switch (format) {
    case InputFormat::kYaml:
      return data::Format::kYaml;
    case InputFormat::kJson:
    case InputFormat::kTerraform:
      return data::Format::kJson;
    case InputFormat::kJsonLines:
      return data::Format::kJsonLines;
    case InputFormat::kToml:
      return data::Format::kToml;
    case InputFormat::kDockerfile:
      return data::Format::kDockerfile;
  }
  return data::Format::kYaml;
}

data::Format GuessFormat(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t pos = 0;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  if (pos >= text.size() || (text[pos] != '{' && text[pos] != '[')) return data::Format::kYaml;
  size_t end = EndOfFirstValue(text, pos);
  if (end == std::string_view::npos) return data::Format::kJson;
  // The rest of the first value's line must be blank for a second value to start a line.
  while (end < text.size() && text[end] != '\n') {
    if (!IsSpace(text[end])) return data::Format::kJson;
    ++end;
  }
  while (end < text.size()) {
    if (!IsSpace(text[end])) return data::Format::kJsonLines;
    ++end;
  }
  return data::Format::kJson;
}

}  // namespace warden::service
