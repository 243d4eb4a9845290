#pragma once
// The policy language as a table (docs/language.md): for each document kind, every
// section and field with its type, its allowed values, whether it is required, and a
// one-line description. It is the one source of truth for the shape of documents: the
// loader validates against it (unknown fields, types, enum values, required fields, name
// formats, timestamps) and json_schema.h renders it for editors, so they cannot disagree.
//
// What the table does not say is checked by the loader itself: duplicate rule ids and
// `let` names that clash with Warden's variables.
//
// Everything here is constant data with static storage; safe to read from any thread.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace warden::policy::schema {

// The only apiVersion Warden reads.
inline constexpr std::string_view kApiVersion = "warden/v1";

// The JSON-like shape a value must have.
enum class Shape : uint8_t {
  kString,
  kBool,
  kInt,
  kEnum,       // a string from Type::values
  kTimestamp,  // an RFC 3339 string (`2027-01-31T00:00:00Z`)
  kAny,        // any value; interpreted by a later stage (parameter values, test inputs)
  kList,       // a list of Type::element
  kMap,        // a map from names (checked by Type::format) to Type::element
  kObject,     // a map with the fixed fields of Type::object
};

// A constraint on the text of a string, or on the keys of a kMap.
enum class TextFormat : uint8_t {
  kAny,
  kNonEmpty,    // at least one character
  kName,        // policy, bundle, exception and test names: [a-z0-9]([a-z0-9-]*[a-z0-9])?,
                // at most 63 characters
  kRuleId,      // [A-Za-z0-9_-]+, at most 63 characters
  kIdentifier,  // a CEL identifier that is not a reserved word: `let` and parameter names
};

struct ObjectSchema;

struct Type {
  Shape shape = Shape::kAny;
  TextFormat format = TextFormat::kAny;           // kString: the text; kMap: the keys
  const Type* element = nullptr;                  // kList items, kMap values
  const ObjectSchema* object = nullptr;           // kObject
  std::span<const std::string_view> values = {};  // kEnum
  bool single_as_list = false;  // kList: one item alone is accepted as a one-element list
};

struct Field {
  std::string_view name;
  const Type* type = nullptr;
  bool required = false;
  std::string_view description;
};

// A map with fixed fields; fields not listed are errors.
struct ObjectSchema {
  std::span<const Field> fields;
  // When not empty, exactly one of these fields must be present (`include` entries:
  // `template` or `bundle`).
  std::span<const std::string_view> exactly_one_of = {};
  std::string_view description;
};

// One document kind: the whole document (apiVersion, kind, metadata, spec, ...).
struct KindSchema {
  std::string_view kind;  // `Policy`, `Bundle`, `Exception`, `Test`
  const ObjectSchema* document = nullptr;
  std::string_view description;
};

// The four kinds, in the order above.
std::span<const KindSchema> Kinds();
// The kind named `kind`, or nullptr.
const KindSchema* FindKind(std::string_view kind);
// The field of `object` named `name`, or nullptr.
const Field* FindField(const ObjectSchema& object, std::string_view name);

// What a value of `type` is, for messages: `a string`, `a list of strings`, `a map`,
// `a string or a list of strings`.
std::string Describe(const Type& type);

// Whether `text` satisfies `format`.
bool MatchesFormat(std::string_view text, TextFormat format);
// The rule of `format` in words, for `help` lines; empty for kAny.
std::string_view FormatRule(TextFormat format);
// A regular expression (ECMA 262, for JSON Schema `pattern`) equivalent to `format`
// except for length and reserved words; empty for kAny and kNonEmpty.
std::string_view FormatPattern(TextFormat format);
// Most characters a kName or kRuleId may have.
inline constexpr size_t kMaxNameLength = 63;

// CEL reserved words, which cannot be `let` or parameter names.
std::span<const std::string_view> ReservedWords();
// Variables Warden binds for every condition (docs/language.md): a `let` of the same
// name would hide one, so the loader reports it (E112).
std::span<const std::string_view> BuiltinVariables();

}  // namespace warden::policy::schema
