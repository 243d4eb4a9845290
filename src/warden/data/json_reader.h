#pragma once
// ReadJson: parses one JSON text (RFC 8259) into a Document whose nodes carry their
// 1-based line and column (columns count code points).
//
// Typing: integers that fit int64 are Int, larger positive integers that fit uint64 are
// Uint, every other number is Double (`1.0` and `1e3` stay Double). Strict JSON: no
// comments, no trailing commas, no NaN/Infinity literals, no duplicate keys, valid UTF-8
// only (a leading byte order mark is skipped). Limits (ReadLimits) are enforced while
// parsing, so hostile input fails with an error instead of exhausting the stack or memory.
//
// Errors: InvalidArgument for malformed input, ResourceExhausted for a limit, both with
// the message `file:line:column: reason`. Thread-safe: each call is independent.

#include <string>
#include <string_view>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

// Parses `text` (named `file` in positions and messages). The Document owns its nodes
// and does not refer to `text` afterwards.
StatusOr<Document> ReadJson(std::string_view text, std::string file, const ReadLimits& limits = {});

}  // namespace warden::data
