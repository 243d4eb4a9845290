#include "warden/data/dockerfile_lexer.h"

#include <utility>

#include "warden/base/utf8.h"
#include "warden/data/json_reader.h"

namespace warden::data::internal {

namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t SkipJsonSpace(std::string_view text, size_t pos) {
  while (pos < text.size() && IsJsonSpace(text[pos])) ++pos;
  return pos;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at `pos`, or -1.
int32_t Hex4(std::string_view text, size_t pos) {
  if (pos + 4 > text.size()) return -1;
  int32_t value = 0;
  for (size_t digit_idx = 0; digit_idx < 4; ++digit_idx) {
    int digit = HexValue(text[pos + digit_idx]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Decodes the JSON string whose opening quote is at `pos`; moves `pos` past the closing
// quote. False when the string is malformed or unterminated.
bool ParseJsonString(std::string_view text, size_t& pos, std::string& out) {
  out.clear();
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '"') {
      ++pos;
      return true;
    }
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c != '\\') {
      out += c;
      ++pos;
      continue;
    }
    if (pos + 1 >= text.size()) return false;
    const char escaped = text[pos + 1];
    pos += 2;
    switch (escaped) {
      case '"':
      case '\\':
      case '/':
        out += escaped;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        int32_t unit = Hex4(text, pos);
        if (unit < 0) return false;
        pos += 4;
        auto code_point = static_cast<char32_t>(unit);
        if (code_point >= 0xD800 && code_point <= 0xDBFF && pos + 1 < text.size() &&
            text[pos] == '\\' && text[pos + 1] == 'u') {
          int32_t low = Hex4(text, pos + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code_point =
                0x10000 + ((code_point - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
            pos += 6;
          }
        }
        if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = kReplacementCharacter;
        utf8::Append(out, code_point);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

// True when `text` is one well-formed JSON array (any item types).
bool IsJsonArray(std::string_view text, const ReadLimits& limits) {
  StatusOr<Document> document = ReadJson(text, "exec", limits);
  return document.ok() && document->root->is_list();
}

// The shared scanner of NextDockerWord and UnquoteDocker: appends the unquoted text from
// `pos` to `out`, stopping at an unquoted space when `split` is set.
void ScanQuoted(std::string_view text, size_t& pos, char escape, bool split, std::string& out) {
  char quote = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (quote == 0) {
      if (split && IsDockerSpace(c)) return;
      if (c == '\'' || c == '"') {
        quote = c;
        ++pos;
      } else if (c == escape) {
        if (pos + 1 < text.size()) out += text[pos + 1];
        pos += 2;
      } else {
        out += c;
        ++pos;
      }
    } else if (c == quote) {
      quote = 0;
      ++pos;
    } else if (quote == '"' && c == escape && pos + 1 < text.size() &&
               (text[pos + 1] == '"' || text[pos + 1] == '$' || text[pos + 1] == escape)) {
      out += text[pos + 1];
      pos += 2;
    } else {
      out += c;
      ++pos;
    }
  }
  if (pos > text.size()) pos = text.size();
}

}  // namespace

bool IsDockerSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

size_t SkipDockerSpace(std::string_view text, size_t pos) {
  while (pos < text.size() && IsDockerSpace(text[pos])) ++pos;
  return pos;
}

bool NextDockerWord(std::string_view text, size_t& pos, char escape, DockerWord& word) {
  pos = SkipDockerSpace(text, pos);
  if (pos >= text.size()) return false;
  word.begin = pos;
  word.text.clear();
  ScanQuoted(text, pos, escape, /*split=*/true, word.text);
  word.end = pos;
  return true;
}

std::vector<DockerWord> SplitDockerWords(std::string_view text, char escape) {
  std::vector<DockerWord> words;
  size_t pos = 0;
  DockerWord word;
  while (NextDockerWord(text, pos, escape, word)) words.push_back(std::move(word));
  return words;
}

std::string UnquoteDocker(std::string_view text, char escape) {
  std::string out;
  size_t pos = 0;
  ScanQuoted(text, pos, escape, /*split=*/false, out);
  return out;
}

std::vector<DockerFlag> ExtractDockerFlags(std::string_view text, char escape, size_t& rest) {
  std::vector<DockerFlag> flags;
  size_t pos = 0;
  DockerWord word;
  while (true) {
    const size_t start = SkipDockerSpace(text, pos);
    if (start + 1 >= text.size() || text[start] != '-' || text[start + 1] != '-') {
      rest = start;
      return flags;
    }
    NextDockerWord(text, pos, escape, word);
    if (word.text == "--") {
      rest = SkipDockerSpace(text, pos);
      return flags;
    }
    DockerFlag flag;
    flag.begin = word.begin;
    std::string_view body = std::string_view(word.text).substr(2);
    size_t equals = body.find('=');
    flag.name = body.substr(0, equals);
    if (equals != std::string_view::npos) flag.value = std::string(body.substr(equals + 1));
    flags.push_back(std::move(flag));
  }
}

ExecForm ParseExecForm(std::string_view text, const ReadLimits& limits,
                       std::vector<DockerWord>& items) {
  items.clear();
  size_t pos = SkipJsonSpace(text, 0);
  if (pos >= text.size() || text[pos] != '[') return ExecForm::kNotJson;
  pos = SkipJsonSpace(text, pos + 1);
  if (pos < text.size() && text[pos] == ']') {
    ++pos;
  } else {
    while (true) {
      if (pos >= text.size()) return ExecForm::kNotJson;
      if (text[pos] != '"') {
        return IsJsonArray(text, limits) ? ExecForm::kNotStrings : ExecForm::kNotJson;
      }
      DockerWord item;
      item.begin = pos;
      if (!ParseJsonString(text, pos, item.text)) return ExecForm::kNotJson;
      item.end = pos;
      items.push_back(std::move(item));
      pos = SkipJsonSpace(text, pos);
      if (pos < text.size() && text[pos] == ',') {
        pos = SkipJsonSpace(text, pos + 1);
        continue;
      }
      if (pos < text.size() && text[pos] == ']') {
        ++pos;
        break;
      }
      return ExecForm::kNotJson;
    }
  }
  if (SkipJsonSpace(text, pos) != text.size()) {
    items.clear();
    return ExecForm::kNotJson;
  }
  return ExecForm::kStrings;
}

std::optional<HeredocMarker> ParseHeredocMarker(std::string_view raw_word, char escape) {
  size_t pos = 0;
  while (pos < raw_word.size() && raw_word[pos] >= '0' && raw_word[pos] <= '9') ++pos;
  if (raw_word.substr(pos, 2) != "<<") return std::nullopt;
  pos += 2;
  HeredocMarker marker;
  if (pos < raw_word.size() && raw_word[pos] == '-') {
    marker.strip_tabs = true;
    ++pos;
  }
  std::string_view rest = raw_word.substr(pos);
  if (rest.empty() || rest.find('<') != std::string_view::npos) return std::nullopt;
  size_t word_pos = 0;
  DockerWord word;
  if (!NextDockerWord(rest, word_pos, escape, word) || word_pos != rest.size() || word.begin != 0 ||
      word.text.empty()) {
    return std::nullopt;
  }
  marker.name = std::move(word.text);
  return marker;
}

ImageReference SplitImageReference(std::string_view reference) {
  size_t last_slash = std::string_view::npos;
  size_t last_colon = std::string_view::npos;
  size_t at = std::string_view::npos;
  int brace_depth = 0;
  for (size_t pos = 0; pos < reference.size(); ++pos) {
    const char c = reference[pos];
    if (c == '$' && pos + 1 < reference.size() && reference[pos + 1] == '{') {
      ++brace_depth;
      ++pos;
    } else if (c == '}' && brace_depth > 0) {
      --brace_depth;
    } else if (brace_depth > 0) {
      continue;
    } else if (c == '@') {
      at = pos;
      break;
    } else if (c == '/') {
      last_slash = pos;
    } else if (c == ':') {
      last_colon = pos;
    }
  }
  ImageReference split;
  std::string_view name = reference.substr(0, at);
  if (at != std::string_view::npos) split.digest = reference.substr(at + 1);
  if (last_colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || last_colon > last_slash)) {
    split.tag = name.substr(last_colon + 1);
    name = name.substr(0, last_colon);
  }
  split.image = name;
  return split;
}

bool StripContinuation(std::string_view& line, char escape) {
  size_t end = line.size();
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (end == 0 || line[end - 1] != escape) return false;
  // BuildKit: an escape character preceded by another one is not a continuation.
  if (end >= 2 && line[end - 2] == escape) return false;
  line = line.substr(0, end - 1);
  return true;
}

}  // namespace warden::data::internal
