#pragma once
// Literal decoding for the CEL lexer and parser (cel-spec langdef, "String and Bytes
// Values" and "Numeric Values"):
//
//  * string and bytes bodies: escape sequences \a \b \f \n \r \t \v \\ \? \" \' \`,
//    \xHH and \XHH, \uHHHH, \UHHHHHHHH and octal \[0-3][0-7][0-7]. In strings every
//    escape denotes a code point (surrogates and values above U+10FFFF are errors, except
//    that a \u high surrogate directly followed by a \u low surrogate denotes the one
//    code point of the pair, as the spec allows); in bytes \x and octal escapes denote
//    raw octets and \u / \U are errors. Raw literals (r"...") keep backslashes. Line
//    breaks written in the source (\r\n, \r) are normalized to \n, as cel-go does.
//  * integer, unsigned and double literals, with the range checks of int64, uint64 and
//    IEEE double (overflow is an error; underflow rounds to zero or a subnormal).
//
// Internal to warden/cel/parse.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "warden/cel/parse/diagnostics.h"

namespace warden::cel::parse_internal {

// Decodes the text between the quotes of a string (or bytes) literal. `body_offset` is
// the byte offset of `body` in the source, used for the offsets of reported issues.
// Invalid escapes are reported to `diags` and decoding goes on past them.
std::string DecodeQuotedBody(std::string_view body, int32_t body_offset, bool raw, bool bytes,
                             Diagnostics& diags);

// Decimal digits or `0x` followed by hex digits, without sign or suffix. `negative`
// applies a leading minus sign (so -9223372036854775808 is representable). nullopt when
// the value does not fit in int64.
std::optional<int64_t> ParseIntLiteral(std::string_view digits, bool negative);

// Decimal or `0x` hex digits without the `u` suffix; nullopt when above uint64.
std::optional<uint64_t> ParseUintLiteral(std::string_view digits);

// A FLOAT_LIT (`1.5`, `.5`, `1e10`, `1.5e-3`), optionally negated; nullopt when the
// magnitude is beyond the largest double.
std::optional<double> ParseDoubleLiteral(std::string_view text, bool negative);

}  // namespace warden::cel::parse_internal
