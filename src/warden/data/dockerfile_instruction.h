#pragma once
// Internal to the Dockerfile reader (not part of the data API): one instruction read
// from its joined text (continuation lines already joined) into a plain struct, before
// the reader turns it into nodes. Applies the per-instruction rules of BuildKit: the
// keyword, the flags, exec or shell form, ENV/LABEL/ARG pairs, HEALTHCHECK types, ONBUILD
// triggers and FROM's `image [AS name]`. Heredoc bodies are read by the reader (they are
// the lines that follow), into the `heredocs` of the instruction that CanHoldHeredocs.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "warden/data/dockerfile_lexer.h"
#include "warden/data/limits.h"

namespace warden::data::internal {

enum class DockerKeyword : uint8_t {
  kAdd,
  kArg,
  kCmd,
  kCopy,
  kEntrypoint,
  kEnv,
  kExpose,
  kFrom,
  kHealthcheck,
  kLabel,
  kMaintainer,
  kOnbuild,
  kRun,
  kShell,
  kStopsignal,
  kUser,
  kVolume,
  kWorkdir,
};

struct DockerKeywordName {
  std::string_view name;  // upper-case
  DockerKeyword keyword;
};

// Every known instruction, in a fixed order.
std::span<const DockerKeywordName> DockerKeywords();

// ASCII case-insensitive comparison with an upper-case `upper`.
bool EqualsIgnoringCase(std::string_view text, std::string_view upper);

// A `key=value` (or ARG `name`) pair.
struct DockerPair {
  size_t key_offset = 0;
  size_t value_offset = 0;  // the key's offset when there is no value
  std::string key;
  std::optional<std::string> value;  // nullopt: an ARG without a default
};

struct DockerHeredoc {
  size_t marker_offset = 0;  // offset of the `<<` word
  std::string name;
  std::string content;
  uint32_t content_line = 0;  // the first body line
};

enum class DockerForm : uint8_t { kNone, kExec, kShell };

// One instruction. Offsets are into the text given to ParseDockerInstruction.
struct DockerInstruction {
  const DockerKeywordName* keyword = nullptr;  // an element of DockerKeywords()
  size_t keyword_offset = 0;
  std::vector<DockerFlag> flags;
  size_t value_offset = 0;
  std::string_view value;               // the text after the flags, trimmed; a view of the text
  DockerForm form = DockerForm::kNone;  // RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD
  bool exec = false;                    // the arguments are the items of a JSON array
  std::vector<DockerWord> arguments;
  std::optional<std::string_view> health_type;  // HEALTHCHECK: "CMD" or "NONE"
  size_t health_type_offset = 0;
  bool has_pairs = false;  // ENV, LABEL, ARG
  std::vector<DockerPair> pairs;
  std::vector<DockerHeredoc> heredocs;
  std::unique_ptr<DockerInstruction> trigger;  // ONBUILD
};

// True for RUN, COPY and ADD in shell form: the instructions whose `<<` words are
// heredoc markers.
bool CanHoldHeredocs(const DockerInstruction& instruction);

// A syntax error at an offset of the instruction's text; `reason` in the readers' style.
struct DockerSyntaxError {
  size_t offset = 0;
  std::string reason;
};

// Reads the instruction that starts at or after `begin` of `text` into `out`; nullopt on
// success. `limits` bound the JSON check of a non-string exec form.
std::optional<DockerSyntaxError> ParseDockerInstruction(std::string_view text, size_t begin,
                                                        char escape, const ReadLimits& limits,
                                                        DockerInstruction& out);

}  // namespace warden::data::internal
