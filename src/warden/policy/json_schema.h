#pragma once
// The policy language table (schema.h) as a JSON Schema (draft-07, which editors such as
// VS Code's YAML extension understand), printed by `warden schema`:
//
//   # yaml-language-server: $schema=warden.schema.json
//
// The schema is a `oneOf` over the four kinds, each branch fixed by its `kind` value;
// every object lists its `properties` with descriptions, its `required` fields and
// `additionalProperties: false`; enums list their values; name formats are `pattern`s.
// It is generated from the same table the loader validates with, so an editor flags
// what `warden` would. Checks beyond the table (duplicate rule ids, CEL) are not in it.

#include <string>

namespace warden::policy {

// The JSON Schema text, pretty-printed with two-space indentation and a final newline.
// Deterministic; thread-safe.
std::string RenderJsonSchema();

}  // namespace warden::policy
