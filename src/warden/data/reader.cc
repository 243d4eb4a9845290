#include "warden/data/reader.h"

#include <utility>

#include "warden/base/file.h"
#include "warden/data/dockerfile_reader.h"
#include "warden/data/json_reader.h"
#include "warden/data/jsonl_reader.h"
#include "warden/data/reader_support.h"
#include "warden/data/toml_reader.h"
#include "warden/data/yaml_reader.h"

namespace warden::data {

namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `lower_prefix` is lower-case.
bool StartsWithIgnoringCase(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (size_t pos = 0; pos < lower_prefix.size(); ++pos) {
    if (AsciiLower(text[pos]) != lower_prefix[pos]) return false;
  }
  return true;
}

// `lower_suffix` is lower-case.
bool EndsWithIgnoringCase(std::string_view text, std::string_view lower_suffix) {
  return text.size() >= lower_suffix.size() &&
         StartsWithIgnoringCase(text.substr(text.size() - lower_suffix.size()), lower_suffix);
}

// `Dockerfile`, `Containerfile`, `Dockerfile.<anything>`, `<anything>.dockerfile`.
bool IsDockerfileName(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  constexpr std::string_view kDockerfile = "dockerfile";
  constexpr std::string_view kContainerfile = "containerfile";
  if (base.size() == kDockerfile.size() && StartsWithIgnoringCase(base, kDockerfile)) return true;
  if (base.size() == kContainerfile.size() && StartsWithIgnoringCase(base, kContainerfile)) {
    return true;
  }
  if (base.size() > kDockerfile.size() + 1 && StartsWithIgnoringCase(base, "dockerfile.")) {
    return true;
  }
  return base.size() > kDockerfile.size() + 1 && EndsWithIgnoringCase(base, ".dockerfile");
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
    case Format::kDockerfile:
      return "dockerfile";
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
  // After the extensions above, so that `Dockerfile.json` stays JSON.
  if (IsDockerfileName(path)) return Format::kDockerfile;
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
    case Format::kDockerfile:
      return One(ReadDockerfile(text, std::move(file), limits));
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
                           " from its name (expected .json, .jsonl, .ndjson, .yaml, .yml, "
                           ".toml, or a Dockerfile: `Dockerfile`, `Dockerfile.*`, "
                           "`*.dockerfile` or `Containerfile`)");
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
