#include "warden/data/reader.h"

#include <utility>

#include "warden/base/file.h"
#include "warden/data/json_reader.h"
#include "warden/data/jsonl_reader.h"
#include "warden/data/reader_support.h"
#include "warden/data/toml_reader.h"
#include "warden/data/yaml_reader.h"

namespace warden::data {

namespace {

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  std::string_view tail = text.substr(text.size() - suffix.size());
  for (size_t pos = 0; pos < suffix.size(); ++pos) {
    char c = tail[pos];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[pos]) return false;
  }
  return true;
}

StatusOr<std::vector<Document>> One(StatusOr<Document> document) {
  if (!document.ok()) return document.status();
  std::vector<Document> documents;
  documents.push_back(std::move(document).value());
  return documents;
}

}  // namespace

const char* FormatName(Format format) {
  switch (format) {
    case Format::kJson:
      return "json";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kYaml:
      return "yaml";
    case Format::kToml:
      return "toml";
  }
  return "unknown";
}

std::optional<Format> FormatFromPath(std::string_view path) {
  if (EndsWithIgnoringCase(path, ".json")) return Format::kJson;
  if (EndsWithIgnoringCase(path, ".jsonl") || EndsWithIgnoringCase(path, ".ndjson")) {
    return Format::kJsonLines;
  }
  if (EndsWithIgnoringCase(path, ".yaml") || EndsWithIgnoringCase(path, ".yml")) {
    return Format::kYaml;
  }
  if (EndsWithIgnoringCase(path, ".toml")) return Format::kToml;
  return std::nullopt;
}

StatusOr<std::vector<Document>> ReadDocuments(std::string_view text, std::string file,
                                              Format format, const ReadLimits& limits) {
  switch (format) {
    case Format::kJson:
      return One(ReadJson(text, std::move(file), limits));
    case Format::kJsonLines:
      return ReadJsonLines(text, std::move(file), limits);
    case Format::kYaml:
      return ReadYaml(text, std::move(file), limits);
    case Format::kToml:
      return One(ReadToml(text, std::move(file), limits));
  }
  return Internal("unknown document format");
}

StatusOr<std::vector<Document>> ReadDocumentsFromFile(const std::string& path,
                                                      const ReadLimits& limits) {
  if (path == "-") {
    return InvalidArgument("reading standard input needs an explicit format");
  }
  std::optional<Format> format = FormatFromPath(path);
  if (!format) {
    return InvalidArgument("cannot tell the format of " + internal::Quoted(path) +
                           " from its extension (expected .json, .jsonl, .ndjson, .yaml, "
                           ".yml or .toml)");
  }
  return ReadDocumentsFromFile(path, *format, limits);
}

StatusOr<std::vector<Document>> ReadDocumentsFromFile(const std::string& path, Format format,
                                                      const ReadLimits& limits) {
  StatusOr<std::string> text = ReadFile(path, limits.max_input_bytes);
  if (!text.ok()) return text.status();
  return ReadDocuments(*text, path == "-" ? "<stdin>" : path, format, limits);
}

}  // namespace warden::data
