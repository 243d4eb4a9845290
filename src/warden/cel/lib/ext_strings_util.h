#pragma once
// Text helpers for the string extension functions: substring search in linear time
// (hostile inputs such as "aaaa…ab" never make a search quadratic), lenient UTF-8
// decoding, and the Unicode white-space set of Go's unicode.IsSpace. Internal to cel/lib.

#include <cstddef>
#include <string>
#include <string_view>

namespace warden::cel::ext {

// Byte offset of the first occurrence of `needle` in `text` starting at or after byte
// `from`, or npos. An empty needle is found at `from` (when from <= text.size()).
// Worst case O(text.size() + needle.size()).
size_t FindText(std::string_view text, std::string_view needle, size_t from);

// Byte offset of the last occurrence of `needle` in `text` starting at or before byte
// `last_start`, or npos. An empty needle is found at min(last_start, text.size()).
// Worst case O(text.size() + needle.size()).
size_t RFindText(std::string_view text, std::string_view needle, size_t last_start);

// The code point starting at byte `pos`, advancing `pos` past it. Ill-formed UTF-8
// (which CEL strings never hold, but bytes and raw inputs may) decodes as U+FFFD and
// advances one byte, as Go's range over a string does.
char32_t DecodeLenient(std::string_view text, size_t& pos);

// The replacement character returned by DecodeLenient for ill-formed input.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// Whether `code_point` is white space by Go's unicode.IsSpace (Unicode White_Space
// minus nothing, plus U+0085): \t \n \v \f \r, space, U+0085, U+00A0, U+1680,
// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool IsUnicodeSpace(char32_t code_point);

// Appends `text` with every ill-formed UTF-8 byte replaced by U+FFFD.
void AppendSanitizedUtf8(std::string& out, std::string_view text);

}  // namespace warden::cel::ext
