#pragma once
// Internals of the loader (loader.h), shared by the per-kind files load_*.cc: mapping
// node positions back to the file text, validating a document against the language
// table (schema.h), and reading validated values into model.h types. Not a public API.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/data/node.h"
#include "warden/policy/model.h"
#include "warden/policy/schema.h"

namespace warden::policy::internal {

// A file's text with the line starts libyaml counts (`\n`, `\r\n`, `\r`, and U+0085,
// U+2028, U+2029), so that a node's line:column (columns in code points) can be turned
// back into a byte offset. `text` must outlive it.
class SourceText {
 public:
  explicit SourceText(std::string_view text);

  // Byte offset of `position`, or npos when it lies outside the text.
  size_t OffsetOf(SourcePosition position) const;
  // Line and column of a byte offset (clamped to the text).
  SourcePosition PositionOf(size_t offset) const;

  // Where the first character of the string scalar `value` whose node is at `position`
  // is: past any anchor and tag, after an opening quote, or for a block scalar (`|`, `>`)
  // on its first content line. `position` itself for plain scalars and whenever the
  // text does not look as expected (hand-made nodes, aliases resolved elsewhere).
  SourcePosition Origin(SourcePosition position, std::string_view value) const;

 private:
  // Byte offset where the line holding `offset` ends (before its line break).
  size_t LineEnd(size_t offset) const;
  // Byte offset of the start of the line after the one holding `offset`, or npos.
  size_t NextLineStart(size_t offset) const;
  SourcePosition BlockScalarOrigin(size_t header, SourcePosition fallback,
                                   std::string_view value) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// Reads one document of a file: validates it against the schema and converts nodes into
// model values. Validation reports diagnostics; the Get functions are quiet and skip
// values of the wrong shape (validation has reported them already).
class DocumentReader {
 public:
  DocumentReader(const std::string& file, const SourceText& source, Diagnostics& diagnostics)
      : file_(file), source_(source), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }
  SourceLocation At(SourcePosition position) const { return {file_, position}; }
  void Error(const char* code, SourcePosition position, std::string message, std::string help = {});
  // Errors reported through this reader so far (counting ones beyond the cap).
  size_t error_count() const { return errors_; }

  // Checks `node` (named `path` in messages, e.g. `spec.rules[0]`; empty for a document)
  // against `type`: E101 unknown fields, E102 types, E103 enum values, E104 required
  // fields, E106 name formats, E113 timestamps.
  void Validate(const data::Node& node, const schema::Type& type, const std::string& path);

  // A string node as a Text (position and origin filled in).
  Text MakeText(const data::Node& node) const;
  // The key of `entry`, one of the entries of `map`, as a Text.
  Text MakeKeyText(const data::Node& map, const data::MapEntry& entry) const;

  // Values of `map[key]`; nullopt (or empty) when absent or of the wrong shape.
  std::optional<Text> GetText(const data::Node& map, std::string_view key) const;
  std::optional<std::string> GetString(const data::Node& map, std::string_view key) const;
  // A list of strings; a single string gives a one-element list.
  std::optional<TextList> GetTextList(const data::Node& map, std::string_view key) const;
  std::optional<bool> GetBool(const data::Node& map, std::string_view key) const;
  std::optional<int64_t> GetInt(const data::Node& map, std::string_view key) const;
  std::map<std::string, std::string> GetStringMap(const data::Node& map,
                                                  std::string_view key) const;
  // A map node, or nullptr.
  const data::Node* GetMap(const data::Node& map, std::string_view key) const;

  template <typename Enum>
  std::optional<Enum> GetEnum(const data::Node& map, std::string_view key,
                              bool (*parse)(std::string_view, Enum&)) const {
    const data::Node* node = map.Find(key);
    Enum value{};
    if (node == nullptr || !node->is_string() || !parse(node->string_value(), value)) {
      return std::nullopt;
    }
    return value;
  }

  // The `metadata` section of a document (version only for bundles).
  Metadata GetMetadata(const data::Node& root) const;

 private:
  void ValidateObject(const data::Node& node, const schema::ObjectSchema& object,
                      const std::string& path);
  void ValidateString(const data::Node& node, const schema::Type& type, const std::string& path);
  void CheckFormat(std::string_view text, schema::TextFormat format, SourcePosition position,
                   const std::string& path, bool is_key);
  void TypeError(const data::Node& node, const schema::Type& type, const std::string& path);

  const std::string& file_;
  const SourceText& source_;
  Diagnostics& diagnostics_;
  size_t errors_ = 0;
};

// `path.key`, or `key` at the top.
std::string JoinPath(const std::string& path, std::string_view key);

// What a node is, for messages: `a map`, `a list`, `a string`, `an integer`, `null`...
const char* DescribeNode(const data::Node& node);

// Per-kind readers (load_policy.cc, load_bundle.cc, load_exception.cc,
// load_test_doc.cc). `root` has been validated; each appends its document to `set`.
void LoadPolicy(const data::Node& root, size_t document_index, DocumentReader& reader,
                PolicySet& set);
void LoadBundle(const data::Node& root, DocumentReader& reader, PolicySet& set);
void LoadException(const data::Node& root, size_t document_index, DocumentReader& reader,
                   PolicySet& set);
void LoadTestDoc(const data::Node& root, size_t document_index, DocumentReader& reader,
                 PolicySet& set);

}  // namespace warden::policy::internal
