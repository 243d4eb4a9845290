#pragma once
// Internal helpers shared by the document readers (not part of the data API): error
// messages in the `file:line:column: reason` form, input checks every reader makes, and
// the number conversions JSON and YAML share.
//
// Message style: lowercase reason, no final period, user values in backticks.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "warden/base/arena.h"
#include "warden/base/source_location.h"
#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data::internal {

// The arena for the documents of one file: bounded by limits.max_tree_bytes, with
// blocks that grow large enough for huge-page backing (see Arena). The first block is
// sized from the text, so a small input (one request) takes a few hundred bytes
// rather than a page: batches of parsed requests then sit close together in memory,
// which is what keeps deciding them cache-friendly (docs/performance.md).
std::shared_ptr<Arena> NewDocumentArena(const ReadLimits& limits, size_t text_size);

// `file:line:column: reason`, or `file: reason` when `pos` is unknown.
Status ErrorAt(StatusCode code, std::string_view file, SourcePosition pos, std::string_view reason);
inline Status SyntaxErrorAt(std::string_view file, SourcePosition pos, std::string_view reason) {
  return ErrorAt(StatusCode::kInvalidArgument, file, pos, reason);
}
inline Status LimitErrorAt(std::string_view file, SourcePosition pos, std::string_view reason) {
  return ErrorAt(StatusCode::kResourceExhausted, file, pos, reason);
}
// The same status with `file:line:column: ` put in front of its message.
Status WithPosition(const Status& status, std::string_view file, SourcePosition pos);

// A user value for a message: in backticks, control characters escaped as `\n`, `\t`
// or `\xNN`, cut after 40 code points with `...`.
std::string Quoted(std::string_view value);

// ResourceExhausted when `text` is larger than limits.max_input_bytes.
Status CheckInputSize(std::string_view text, std::string_view file, const ReadLimits& limits);
// InvalidArgument naming the position of the first byte that is not UTF-8.
Status CheckUtf8(std::string_view text, std::string_view file);
// ResourceExhausted when a scalar of `size` bytes exceeds limits.max_scalar_bytes.
Status CheckScalarSize(size_t size, std::string_view file, SourcePosition pos,
                       const ReadLimits& limits);
// The message for nesting deeper than `max_depth`.
Status DepthError(std::string_view file, SourcePosition pos, uint32_t max_depth);

// Index of the first entry whose key repeats an earlier entry's, or entries.size().
size_t FindDuplicateKey(std::span<const KeyedNode> entries);

// Number conversions. `text` has already been checked against the format's grammar.
//
// An integer literal (optional sign, decimal digits): Int when it fits int64, Uint when
// it is positive and fits uint64, otherwise the nearest Double; false when even a double
// cannot hold it (more than about 309 digits).
bool DecimalIntegerNode(std::string_view text, SourcePosition pos, Node* out);
// Unsigned digits in base 8 or 16: Int, Uint or Double as above.
bool RadixIntegerNode(std::string_view digits, int base, SourcePosition pos, Node* out);
// A decimal floating-point literal (optional sign, digits, `.`, exponent). Values too
// small for a double become zero; false when the value is too large for a double.
bool ParseDecimalDouble(std::string_view text, double* out);

}  // namespace warden::data::internal
