#pragma once
// UTF-8 helpers shared by the readers and the CEL string functions.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace warden::utf8 {

// Offset of the first byte that is not well-formed UTF-8 (overlong forms, surrogates
// and code points above U+10FFFF are rejected), or npos when `text` is valid.
size_t FindInvalid(std::string_view text);
inline bool IsValid(std::string_view text) { return FindInvalid(text) == std::string_view::npos; }

// Number of code points; `text` must be valid UTF-8.
size_t CodePointCount(std::string_view text);

// Decodes the code point starting at `pos` (valid UTF-8), advancing `pos` past it.
char32_t Decode(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `code_point` (must be a valid scalar value).
void Append(std::string& out, char32_t code_point);

// Byte offset of code point number `index` (0-based); text.size() when index equals the
// count; npos when beyond it.
size_t OffsetOfCodePoint(std::string_view text, size_t index);

}  // namespace warden::utf8
