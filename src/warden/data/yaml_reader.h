#pragma once
// ReadYaml: parses a YAML stream (one or more documents) into Documents whose nodes
// carry their 1-based line and column (columns count code points).
//
// Built on libyaml's event parser with Warden's own tree builder; the rules, in short
// (details in yaml_schema.h and yaml_builder.h):
// - YAML 1.2 core schema for plain scalars; quoted and block scalars are strings;
//   `!!str !!int !!float !!bool !!null !!binary` force a type, unknown tags (`!Ref`)
//   are ignored; `%YAML 1.1` directives do not switch to YAML 1.1 typing.
// - Anchors and aliases share nodes; alias expansion counts against
//   ReadLimits::max_expanded_nodes ("billion laughs") and max_depth.
// - Merge keys `<<`; keys must be scalars; duplicate keys are errors.
// - Each document of the stream is one Document (Document::index counts from 0); an
//   empty stream gives no documents, an empty document (`---` alone) a null root. All
//   documents share one Arena.
// - Input must be UTF-8 (UTF-16/32 streams are rejected as invalid UTF-8).
// - Nesting deeper than max_depth stops the parser at once.
//
// Errors: InvalidArgument (malformed YAML, bad tagged content, duplicate or non-scalar
// keys, unknown aliases), ResourceExhausted (a ReadLimits limit), each with the message
// `file:line:column: reason`. Thread-safe: each call is independent.

#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

StatusOr<std::vector<Document>> ReadYaml(std::string_view text, std::string file,
                                         const ReadLimits& limits = {});

}  // namespace warden::data
