#include "warden/report/text.h"

#include <algorithm>

namespace warden::report {

namespace {

constexpr char kHexUpper[] = "0123456789ABCDEF";

// Characters XML 1.0 allows (the Char production), restricted to what valid UTF-8 can
// encode (no surrogates).
bool IsXmlChar(char32_t code_point) {
  if (code_point < 0x20) return code_point == '\t' || code_point == '\n' || code_point == '\r';
  return code_point != 0xFFFE && code_point != 0xFFFF;
}

std::string Xml(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&out, attribute](std::string_view sequence, char32_t code_point) {
    switch (code_point) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '\r':
        out += "&#13;";
        return;
      default:
        break;
    }
    if (attribute) {
      switch (code_point) {
        case '"':
          out += "&quot;";
          return;
        case '\'':
          out += "&apos;";
          return;
        case '\n':
          out += "&#10;";
          return;
        case '\t':
          out += "&#9;";
          return;
        default:
          break;
      }
    }
    if (!IsXmlChar(code_point)) {
      out += kReplacementCharacter;
      return;
    }
    out += sequence;
  });
  return out;
}

std::string Github(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
        break;
    }
  }
  return out;
}

}  // namespace

std::string XmlText(std::string_view text) { return Xml(text, false); }
std::string XmlAttribute(std::string_view text) { return Xml(text, true); }

std::string GithubData(std::string_view text) { return Github(text, false); }
std::string GithubProperty(std::string_view text) { return Github(text, true); }

std::string MarkdownCell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&out](std::string_view sequence, char32_t code_point) {
    switch (code_point) {
      case '|':
        out += "\\|";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '&':
        out += "&amp;";
        return;
      case '\n':
        out += "<br>";
        return;
      default:
        break;
    }
    if (code_point < 0x20 || code_point == 0x7F) return;
    out += sequence;
  });
  return out;
}

std::string TerminalText(std::string_view text, size_t indent) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&out, indent](std::string_view sequence, char32_t code_point) {
    if (code_point == '\n') {
      out += '\n';
      out.append(indent, ' ');
      return;
    }
    // C0 controls, DEL and the C1 controls (U+0080..U+009F, which include the 8-bit CSI).
    // Tabs are harmless and kept.
    if ((code_point < 0x20 && code_point != '\t') || code_point == 0x7F ||
        (code_point >= 0x80 && code_point < 0xA0)) {
      out += code_point < 0x80 ? "\\x" : "\\u00";
      out += kHexUpper[(code_point >> 4) & 15];
      out += kHexUpper[code_point & 15];
      return;
    }
    out += sequence;
  });
  return out;
}

std::string Plural(size_t count, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(count);
  out += ' ';
  out += count == 1 ? singular : plural;
  return out;
}

std::string AlignColumns(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], utf8::CodePointCount(row[column]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t column = 0; column < row.size(); ++column) {
      line += TerminalText(row[column], 0);
      if (column + 1 < row.size()) {
        line += std::string(widths[column] - utf8::CodePointCount(row[column]) + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace warden::report
