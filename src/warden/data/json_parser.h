#pragma once
// JsonParser (internal to data/): the strict RFC 8259 JSON parser behind ReadJson and
// ReadJsonLines.
//
// Hand-written rather than simdjson (the measured reasons are in docs/data-readers.md):
// it reports every error at its exact line and column, assigns every node its position
// in the same pass, and needs no padded copy of the input. It is iterative (an explicit
// stack bounded by ReadLimits::max_depth), so no input can exhaust the call stack.
//
// Numbers: integers that fit int64 are Int, larger positive ones that fit uint64 are
// Uint, other integers and every literal with a fraction or exponent (`1.0`, `1e3`) are
// Double; a literal too large for a double is an error, one too small becomes zero.
// Duplicate keys, unpaired UTF-16 surrogates in `\u` escapes and raw control characters
// in strings are errors. A UTF-8 byte order mark at the start is skipped.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/builder.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data::internal {

class JsonParser {
 public:
  // `text` is the whole file (positions count from its start); it must be valid UTF-8
  // (callers check with CheckUtf8) and outlive the parser. Nodes go into `builder`.
  JsonParser(std::string_view text, std::string_view file, const ReadLimits& limits,
             NodeBuilder& builder);

  // Parses the one JSON value in text[begin, end); only whitespace may surround it.
  // text[begin] starts line `first_line` of the text.
  StatusOr<Node> Parse(size_t begin, size_t end, uint32_t first_line = 1);

 private:
  struct Frame {
    bool is_map;
    SourcePosition position;
    uint32_t first;        // index of the frame's first item in items_ or entry in entries_
    std::string_view key;  // map frames: the key whose value is being parsed
    SourcePosition key_position;
  };

  // Parses `"key" :` at cur_ into the top frame and skips the whitespace after it.
  Status ParseKey();
  // Parses the string starting at the quote at cur_; the result is in the arena. Keys
  // are interned: the documents of one parser (JSON Lines: every line) share one copy of
  // each key, so a corpus of like records keeps its keys once, in cache, rather than in
  // every record.
  StatusOr<std::string_view> ParseString(bool is_key = false);
  Status ParseNumber(Node* out);
  Status ParseLiteral(Node* out);
  StatusOr<Node> FinishList();
  StatusOr<Node> FinishMap();

  // Skips whitespace, counting lines: in JSON, line feeds occur only in whitespace.
  void SkipWhitespace();
  // The position of `at`, which must lie on the current line.
  SourcePosition PositionOf(const char* at);
  Status ErrorAt(const char* at, std::string_view reason);
  // The character at `at` for a message: `x` in backticks, or "the end of the input".
  std::string Describe(const char* at) const;

  std::string_view text_;
  std::string_view file_;
  const ReadLimits& limits_;
  NodeBuilder& builder_;
  const char* cur_ = nullptr;
  const char* end_ = nullptr;
  // Position tracking: the current line, where it starts, and a point of it whose
  // column is known (columns are counted forward from there).
  uint32_t line_ = 1;
  const char* line_start_ = nullptr;
  const char* column_anchor_ = nullptr;
  uint32_t anchor_column_ = 1;
  // Scratch space reused across values: open containers and their pending children.
  std::vector<Frame> stack_;
  std::vector<Node> items_;
  std::vector<KeyedNode> entries_;
  std::string unescaped_;
  // Interned keys: a direct-mapped cache of arena copies by a cheap hash of the text.
  // Fixed size, so hostile input cannot grow it; a collision only costs a copy.
  static constexpr size_t kKeyCacheSlots = 512;
  static constexpr size_t kMaxInternedKeyBytes = 64;
  std::array<std::string_view, kKeyCacheSlots> key_cache_{};
};

}  // namespace warden::data::internal
