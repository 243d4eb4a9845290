#pragma once
// Input formats as `warden check --input-format` names them. They extend the reader
// formats of data/reader.h with `terraform`: JSON that must be a Terraform plan (the
// output of `terraform show -json`), so a file that is not one is an error instead of an
// unclassified document that no Terraform policy applies to.

#include <optional>
#include <string_view>

#include "warden/data/reader.h"

namespace warden::service {

enum class InputFormat { kYaml, kJson, kJsonLines, kToml, kDockerfile, kTerraform };

// `yaml`, `json`, `jsonl`, `toml`, `dockerfile`, `terraform`.
const char* InputFormatName(InputFormat format);

// The format named `name` (one of the names above; `yml` and `ndjson` are accepted as
// aliases); nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// The reader format that reads `format` (`terraform` is read as JSON).
data::Format ReaderFormat(InputFormat format);

// The reader format for a text whose format nobody named (standard input): JSON when the
// first character after whitespace (and a byte order mark) is `{` or `[`, and JSON Lines
// when a second value follows the first on a later line; YAML otherwise. TOML is never
// guessed. Reads only as far as the end of the first JSON value's line.
data::Format GuessFormat(std::string_view text);

}  // namespace warden::service
