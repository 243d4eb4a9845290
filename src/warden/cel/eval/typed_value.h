#pragma once
// The typed JSON encoding of CEL values (shared/conformance/cel-spec/FORMAT.md, "Typed
// values"): every value is an object with one key naming its type, e.g.
// {"int": "-5"}, {"double": "NaN"}, {"list": [...]}, {"map": [[K, V], ...]}.
// It is the value format of `warden expr --batch` and of the conformance cases.
//
// Extensions beyond FORMAT.md for values it cannot express: an optional is
// {"optional": V} or {"optional": null} (empty); an extension value such as net.IP is
// {"opaque": {"type": "net.IP", "value": "10.0.0.1"}} ("value" only when the type has a
// text form; plain JSON output shows that text, or the type name).

#include <optional>
#include <string>
#include <string_view>

#include "warden/base/status.h"
#include "warden/cel/common/value.h"
#include "warden/data/node.h"

namespace warden::cel {

// Parses an RFC 3339 timestamp; nullopt when malformed or outside the CEL range.
std::optional<Value> ParseTimestampValue(std::string_view text);

// Decodes `node` into a Value whose storage lives in `factory`'s arena. `path` names
// the node in error messages (e.g. `bindings.x.list[2]`).
StatusOr<Value> DecodeTypedValue(const data::Node& node, ValueFactory& factory,
                                 const std::string& path);

// Renders a value as plain JSON for people and pipelines: numbers as numbers (NaN and
// infinities as strings), bytes as base64 strings, map keys as strings, timestamps and
// durations in their RFC 3339 / "1.5s" text, types by name, an optional as its value or
// null, an extension value by its type name.
void EncodePlainJson(const Value& value, std::string& out);

// Encodes a non-error value; appends to `out`.
void EncodeTypedValue(const Value& value, std::string& out);
std::string EncodeTypedValue(const Value& value);

}  // namespace warden::cel
