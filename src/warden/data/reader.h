#pragma once
// The reader facade: one entry point for every document format Warden reads, chosen by
// file extension or given explicitly.
//
//   auto documents = ReadDocumentsFromFile("deploy/app.yaml", limits);
//
// Every function returns the documents of one input (one for JSON and TOML; any number
// for YAML streams and JSON Lines), sharing one Arena. Errors are those of the format's
// reader (`file:line:column: reason`) plus the file errors of base/file.h. Thread-safe:
// calls are independent.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

enum class Format { kJson, kJsonLines, kYaml, kToml, kDockerfile };

// `json`, `jsonl`, `yaml`, `toml`, `dockerfile`.
const char* FormatName(Format format);

// The format named by `path`: .json, .jsonl or .ndjson, .yaml or .yml, .toml, or a
// Dockerfile name (`Dockerfile`, `Containerfile`, `Dockerfile.*`, `*.dockerfile`); letter
// case ignored; nullopt for anything else.
std::optional<Format> FormatFromPath(std::string_view path);

// Reads `text` in `format`; `file` names it in positions and messages.
StatusOr<std::vector<Document>> ReadDocuments(std::string_view text, std::string file,
                                              Format format, const ReadLimits& limits = {});

// Reads the file at `path` (at most limits.max_input_bytes) in the format of its
// extension. InvalidArgument when the extension names no format, or when `path` is `-`
// (standard input has no extension: use the overload taking a Format).
StatusOr<std::vector<Document>> ReadDocumentsFromFile(const std::string& path,
                                                      const ReadLimits& limits = {});
// Reads `path` in `format`; `-` reads standard input, named `<stdin>` in positions.
StatusOr<std::vector<Document>> ReadDocumentsFromFile(const std::string& path, Format format,
                                                      const ReadLimits& limits = {});

}  // namespace warden::data
