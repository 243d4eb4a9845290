#pragma once
// ReadToml: parses a TOML 1.0 document (toml++) into a Document whose nodes carry their
// 1-based line and column.
//
// Mapping: tables and inline tables are maps (entries in source order), arrays are
// lists, strings, integers (Int), floats (Double, including inf and nan) and booleans
// map directly. Dates and times become strings in RFC 3339 form: offset date-times as
// `1979-05-27T07:32:00Z` / `1979-05-27T00:32:00.999-07:00` (a zero offset is written `Z`,
// a space separator becomes `T`, the fraction keeps its significant digits), local
// date-times without an offset, local dates as `1979-05-27`, local times as `07:32:00`.
//
// Limits: nesting is bounded before toml++ runs (see toml_depth.h; toml++ itself stops
// inline nesting at 256 levels, and Warden never lets it go deeper than 10,000),
// strings by max_scalar_bytes, memory by max_tree_bytes. Duplicate keys and table
// redefinitions are errors reported by toml++ at the position it detects them.
//
// Errors: InvalidArgument (malformed TOML, invalid UTF-8), ResourceExhausted (a limit),
// with the message `file:line:column: reason`. Thread-safe: each call is independent.

#include <string>
#include <string_view>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

StatusOr<Document> ReadToml(std::string_view text, std::string file, const ReadLimits& limits = {});

}  // namespace warden::data
