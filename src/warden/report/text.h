#pragma once
// Text escaping for the report formats (internal to report/). Each format has its own
// rules for what must not appear raw; these functions apply them to user-controlled text
// (messages, paths, names), which may contain anything a document or policy held.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/utf8.h"

namespace warden::report {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Calls fn(sequence, code_point) for each code point of `text`; each byte of an invalid
// UTF-8 sequence is reported as U+FFFD (sequence kReplacementCharacter).
template <typename Fn>
void ForEachCodePoint(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      fn(text.substr(pos, 1), static_cast<char32_t>(lead));
      ++pos;
      continue;
    }
    size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
    }
    if (length != 0 && pos + length <= text.size() && utf8::IsValid(text.substr(pos, length))) {
      size_t next = pos;
      const char32_t code_point = utf8::Decode(text, next);
      fn(text.substr(pos, length), code_point);
      pos += length;
    } else {
      fn(kReplacementCharacter, char32_t{0xFFFD});
      ++pos;
    }
  }
}

// XML 1.0 character data: `&`, `<`, `>` as entities, `\r` as `&#13;` (so it survives
// line-end normalisation); characters XML 1.0 cannot hold (C0 controls other than tab
// and newline, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD.
std::string XmlText(std::string_view text);
// An XML attribute value (for double quotes): as XmlText plus `"` and `'` as entities
// and tab and newline as character references, which attribute normalisation would
// otherwise turn into spaces.
std::string XmlAttribute(std::string_view text);

// GitHub workflow command data (the message after `::`): `%`, `\r`, `\n` percent-encoded.
std::string GithubData(std::string_view text);
// A GitHub workflow command property value: as GithubData plus `:` and `,`.
std::string GithubProperty(std::string_view text);

// A Markdown table cell: `|` escaped, newlines as `<br>`, `<`, `>` and `&` as entities
// (GitHub renders inline HTML), other control characters dropped.
std::string MarkdownCell(std::string_view text);

// Text for a terminal: control characters (including ESC and the C1 controls, so a
// document cannot emit terminal escape sequences) are shown as `\x1B` or `\u009B`; tabs
// are kept; a newline continues on a new line indented by `indent` spaces.
std::string TerminalText(std::string_view text, size_t indent);

// Rows as left-aligned columns two spaces apart, each cell through TerminalText, without
// trailing spaces; one line per row.
std::string AlignColumns(const std::vector<std::vector<std::string>>& rows);

// "1 document", "3 documents".
std::string Plural(size_t count, std::string_view singular, std::string_view plural);

}  // namespace warden::report
