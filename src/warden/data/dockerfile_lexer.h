#pragma once
// Internal to the Dockerfile reader (not part of the data API): the word-level rules of
// one Dockerfile instruction, as BuildKit applies them. Every function works on the text
// of one instruction with its continuation lines already joined; offsets are byte offsets
// into that text. `escape` is the escape character chosen by the `escape` parser
// directive (a backslash or a backtick).
//
// Quoting (a simplified POSIX shell, without expansion): outside quotes the escape
// character makes the next character literal; inside '...' everything is literal; inside
// "..." the escape character makes a following `"`, `$` or escape character literal and
// is kept before anything else. An unterminated quote runs to the end of the text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/data/limits.h"

namespace warden::data::internal {

// Space, tab, vertical tab, form feed and carriage return separate words.
bool IsDockerSpace(char c);

// The offset of the first character at or after `pos` that is not a space.
size_t SkipDockerSpace(std::string_view text, size_t pos);

// One word of an instruction, or one item of a JSON array.
struct DockerWord {
  size_t begin = 0;  // offset of the word's first byte (the opening quote of a JSON string)
  size_t end = 0;    // offset past its last byte
  std::string text;  // quotes removed and escapes applied (JSON: the decoded string)
};

// Reads the word that starts at or after `pos` into `word` and moves `pos` past it;
// false (with `pos` at the end) when only spaces remain.
bool NextDockerWord(std::string_view text, size_t& pos, char escape, DockerWord& word);

// Every word of `text`, split at unquoted spaces.
std::vector<DockerWord> SplitDockerWords(std::string_view text, char escape);

// `text` with quotes removed and escapes applied, spaces kept.
std::string UnquoteDocker(std::string_view text, char escape);

// A builder flag: `--name=value`, or a bare `--name`.
struct DockerFlag {
  size_t begin = 0;  // offset of the `--`
  std::string name;
  std::optional<std::string> value;  // nullopt for a bare flag
};

// The leading flags of `text` (the words that start with `--`; a lone `--` ends them).
// `rest` receives the offset where the text after the flags begins.
std::vector<DockerFlag> ExtractDockerFlags(std::string_view text, char escape, size_t& rest);

// How `text` reads as the exec (JSON array) form of an instruction.
enum class ExecForm {
  kNotJson,     // not a JSON array (BuildKit then uses the shell form)
  kStrings,     // a JSON array of strings and nothing else: `items` holds them
  kNotStrings,  // a well-formed JSON array holding something other than strings
};
// JSON follows Go's encoding/json, which BuildKit uses: an unpaired `\u` surrogate
// becomes U+FFFD. `limits` bound the full JSON check made for kNotStrings.
ExecForm ParseExecForm(std::string_view text, const ReadLimits& limits,
                       std::vector<DockerWord>& items);

// A heredoc marker word such as `<<EOF`, `<<-EOF`, `2<<"EOF"`.
struct HeredocMarker {
  std::string name;         // quotes removed
  bool strip_tabs = false;  // `<<-`: leading tabs are removed from the body lines
};
// The marker that `raw_word` (a word as written, quotes kept) is, or nullopt.
std::optional<HeredocMarker> ParseHeredocMarker(std::string_view raw_word, char escape);

// An image reference split as `image[:tag][@digest]`. The tag is the text after the last
// `:` that follows the last `/` (so a registry port is part of the image). Characters
// inside `${...}` never split.
struct ImageReference {
  std::string_view image;
  std::optional<std::string_view> tag;
  std::optional<std::string_view> digest;
};
ImageReference SplitImageReference(std::string_view reference);

// Removes a trailing continuation marker from one physical line (the escape character
// followed only by spaces or tabs, not itself escaped); true when there was one.
bool StripContinuation(std::string_view& line, char escape);

}  // namespace warden::data::internal
