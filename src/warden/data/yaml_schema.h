#pragma once
// YAML scalar typing (internal to data/): the YAML 1.2 core schema for untagged plain
// scalars, and the standard tags that force a type. Independent of libyaml.
//
// Core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), plain scalars only:
//   null   ``, `~`, `null`, `Null`, `NULL`
//   bool   `true`, `True`, `TRUE`, `false`, `False`, `FALSE`
//   int    `[-+]?[0-9]+` (decimal, so `0755` is 755), `0o[0-7]+`, `0x[0-9a-fA-F]+`
//   float  `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`,
//          `\.(nan|NaN|NAN)`
//   anything else is a string (YAML 1.1 forms such as `yes`, `on`, `1_000` and `0755` as
//   octal are strings or decimals here).
// Integers follow the JSON reader: Int when they fit int64, Uint when positive and they
// fit uint64, otherwise the nearest Double; a number too large for a double is an error.
// Quoted and block scalars are strings.
//
// Tags: `!!str !!int !!float !!bool !!null` force the type (content that does not fit is
// an error; `!!float` also accepts integer forms), `!!binary` decodes base64 (whitespace
// ignored, padding optional) into Bytes, and the non-specific tag `!` makes a string.
// `!!map` and `!!seq` are accepted on mappings and sequences. Every other tag, including
// application tags such as CloudFormation's `!Ref`, is ignored: the node reads as if it
// were untagged.

#include <cstdint>
#include <string_view>

#include "warden/base/status.h"
#include "warden/data/builder.h"
#include "warden/data/node.h"

namespace warden::data::internal {

enum class YamlTag : uint8_t {
  kNone,         // no tag, or one Warden ignores
  kNonSpecific,  // `!`
  kStr,
  kInt,
  kFloat,
  kBool,
  kNull,
  kBinary,
  kMap,
  kSeq,
};

// Classifies a resolved tag as libyaml reports it (`tag:yaml.org,2002:str`, `!`, `!Ref`).
YamlTag ClassifyYamlTag(std::string_view tag);
// The short form for messages: `!!str`, `!`, ...
std::string_view YamlTagName(YamlTag tag);

// The node for a scalar. `plain` is true for unquoted flow scalars (the only ones the
// core schema types). Errors carry only the reason; the caller adds file and position:
// InvalidArgument for content that does not fit the tag or a number out of range,
// ResourceExhausted when the arena is full.
StatusOr<Node> ResolveYamlScalar(std::string_view text, bool plain, YamlTag tag, SourcePosition pos,
                                 NodeBuilder& builder);

}  // namespace warden::data::internal
