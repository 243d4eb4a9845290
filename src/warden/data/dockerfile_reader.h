#pragma once
// ReadDockerfile: parses a Dockerfile (BuildKit syntax) into a Document, so policies can
// check container builds with the same CEL they use for manifests.
//
// The document (every node carries the 1-based line and column where it starts):
//
//   {
//     "directives": {"syntax": "docker/dockerfile:1", "escape": "\\"},
//     "args": [<instruction>...],     // ARG instructions before the first FROM
//     "stages": [
//       {"index": 0, "name": "builder" or null,
//        "from": {"image": "golang", "tag": "1.22" or null, "digest": "sha256:..." or null,
//                 "platform": "linux/amd64" or null, "reference": "golang:1.22"},
//        "instructions": [<instruction>...]}   // starting with the stage's FROM
//     ],
//     "instructions": [<instruction>...]       // all of them, in file order
//   }
//
//   <instruction> = {
//     "instruction": "RUN",         // the keyword, upper-cased
//     "value": "...",               // the text after the flags, continuation lines joined
//     "arguments": ["..."],         // exec form: the JSON items; otherwise the words
//     "form": "exec" | "shell",     // RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD only
//     "type": "CMD" | "NONE",       // HEALTHCHECK only
//     "flags": {"mount": "...", "link": true},   // always present, maybe empty
//     "pairs": {"KEY": "value"},    // ENV, LABEL, ARG only; ARG without default: null
//     "heredocs": [{"name": "EOF", "content": "..."}],   // only when present
//     "trigger": <instruction>,     // ONBUILD only: the instruction it registers
//     "stage": 0 or null,           // null for the ARGs before the first FROM
//     "line": 3, "end_line": 5}     // first and last physical line (heredoc bodies count)
//
// Positions: an instruction map, and its keyword, `stage`, `line` and `end_line`, are at
// the keyword; `value` where the value starts; each argument, flag, pair key and value
// where it is written (a flag's value at its `--`); a heredoc at its `<<` marker and its
// content at the first body line. The lists and maps of an instruction start at their
// first element (at the keyword when empty). A stage and its `index` are at its FROM
// keyword, `from` and its fields at the image reference (`platform` at its flag). The
// same instruction node appears in `instructions` and in `args` or its stage (shared,
// not copied).
//
// Syntax follows BuildKit's parser:
// - Keywords are case-insensitive. `#` starts a comment only as the first non-blank
//   character of a line. Parser directives (`syntax`, `escape`, `check`; `# name=value`)
//   are recognised only before any other line, blank lines and comments included.
// - The escape character (`\`, or a backtick with `# escape=``) at the end of a line
//   continues the instruction; continuation lines are joined without a separator (the
//   marker removed, other whitespace kept); comment lines and blank lines inside a
//   continuation are skipped. `value` is the joined text, trimmed.
// - Flags are the leading `--name=value` or bare `--name` words (value `true`), in any
//   instruction; a repeated flag's value becomes a list.
// - The exec form is a JSON array of strings with nothing after it; anything that is not a
//   JSON array falls back to the shell form, as in Docker. Shell-form arguments are the
//   words of the value split at spaces, with quotes removed and escapes applied (no
//   variable expansion).
// - ENV and LABEL take `key=value` pairs or the legacy `ENV KEY value with spaces`; ARG
//   takes `name` or `name=default`. Quotes are removed from keys and values; a repeated
//   key keeps its first place and takes the last value.
// - Heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`, several per line) are read for RUN, COPY and
//   ADD in shell form, also as an ONBUILD trigger; `content` keeps the body lines with
//   their line ends (`<<-` removes leading tabs), without the terminator line.
// - FROM takes `[--platform=...] image [AS name]`; the stage name is kept as written.
//
// Errors (InvalidArgument, `file:line:column: reason`): invalid UTF-8; an unknown
// instruction; an instruction other than ARG before the first FROM; no FROM at all
// (`no FROM instruction`, at 1:1); FROM without an image or with words other than
// `AS name`; a JSON array holding something other than strings (Docker refuses it); ENV,
// LABEL or ARG without a pair, a legacy pair without a value, a pair without `=` or with
// an empty key; HEALTHCHECK without CMD or NONE, with another type, NONE with arguments
// or CMD without a command; ONBUILD without an instruction or triggering ONBUILD, FROM or
// MAINTAINER; an unterminated heredoc; a repeated or invalid parser directive.
//
// Limits (ResourceExhausted): limits.max_input_bytes for the text; max_scalar_bytes for
// one instruction's joined text and for one heredoc body; max_tree_bytes for the tree.
// The number of instructions is bounded by the input size and the tree memory; the
// work is linear in the input size. Thread-safe: each call is independent.

#include <string>
#include <string_view>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

// Parses `text` (named `file` in positions and messages). The Document owns its nodes
// and does not refer to `text` afterwards.
StatusOr<Document> ReadDockerfile(std::string_view text, std::string file,
                                  const ReadLimits& limits = {});

}  // namespace warden::data
