#pragma once
// ToJson: renders a Node as JSON text (RFC 8259), compact or pretty-printed.
//
// - Map entries keep their order; strings are escaped (`"`, `\`, control characters as
//   `\n`-style or `\u00XX` escapes), valid UTF-8 passes through unchanged and each byte
//   of an invalid sequence becomes `\ufffd`.
// - Int and Uint print exactly; a Double prints in the shortest form that reads back to
//   the same value, with `.0` added when that form looks like an integer (`1.0`, not
//   `1`), so ReadJson gives back a Double. JSON has no NaN or infinities: they are
//   written as the strings "NaN", "Infinity" and "-Infinity".
// - Bytes are written as a base64 string (standard alphabet, padded).
// - Pretty output indents by two spaces and puts one member or element per line.
//
// Iterative (no recursion), so any tree a reader produced can be written. Aliased
// (shared) YAML nodes are written at every use. Thread-safe.

#include <string>

#include "warden/data/node.h"

namespace warden::data {

std::string ToJson(const Node& node, bool pretty = false);

}  // namespace warden::data
