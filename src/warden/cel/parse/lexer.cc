#include "warden/cel/parse/lexer.h"

#include <algorithm>
#include <utility>

#include "warden/base/utf8.h"
#include "warden/cel/parse/literals.h"

namespace warden::cel::parse_internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
bool IsQuotedIdentChar(char c) {
  return IsIdentChar(c) || c == '.' || c == '-' || c == '/' || c == ' ';
}

// A character as it reads in a message: `x`; U+0007 for control characters; `é`
// (U+00E9) for other characters, whose glyph may be invisible (U+00A0).
std::string DescribeChar(std::string_view text, size_t pos) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x20 || byte == 0x7F) {
    return std::string("U+00") + kDigits[byte >> 4] + kDigits[byte & 0xF];
  }
  if (byte < 0x80) return "`" + std::string(1, text[pos]) + "`";
  size_t end = pos;
  char32_t code_point = utf8::Decode(text, end);
  std::string hex;
  for (int shift = code_point > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
    hex.push_back(kDigits[(code_point >> shift) & 0xF]);
  }
  return "`" + std::string(text.substr(pos, end - pos)) + "` (U+" + hex + ")";
}

class Lexer {
 public:
  Lexer(std::string_view text, Diagnostics& diags) : text_(text), diags_(diags) {}

  std::vector<Token> Run() {
    tokens_.reserve(text_.size() / 2 + 2);
    while (!diags_.stopped()) {
      SkipTrivia();
      if (pos_ >= text_.size()) break;
      LexToken();
    }
    Emit(TokenKind::kEnd, text_.size(), text_.size());
    return std::move(tokens_);
  }

 private:
  void SkipTrivia() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++pos_;
      } else if (c == '/' && Peek(1) == '/') {
        while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      } else {
        return;
      }
    }
  }

  char Peek(size_t ahead) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  void LexToken() {
    char c = text_[pos_];
    if (IsIdentStart(c)) return LexWord();
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return LexNumber();
    if (c == '"' || c == '\'') return LexString(pos_, pos_, /*raw=*/false, /*bytes=*/false);
    if (c == '`') return LexQuotedIdent();
    LexPunctuation();
  }

  void LexWord() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
    std::string_view word = text_.substr(start, pos_ - start);
    char next = pos_ < text_.size() ? text_[pos_] : '\0';
    if ((next == '"' || next == '\'') && word.size() <= 2) {
      bool raw = false;
      bool bytes = false;
      bool prefix = true;
      for (char p : word) {
        if ((p == 'r' || p == 'R') && !raw) {
          raw = true;
        } else if ((p == 'b' || p == 'B') && !bytes) {
          bytes = true;
        } else {
          prefix = false;
        }
      }
      if (prefix) {
        if (word.size() == 2 && (word[0] == 'r' || word[0] == 'R')) {
          diags_.Report(static_cast<int32_t>(start),
                        "invalid string prefix `" + std::string(word) + "`",
                        "a raw bytes literal is written with the `b` first: `b" +
                            std::string(1, word[0]) + "'...'`");
        }
        return LexString(start, pos_, raw, bytes);
      }
    }
    TokenKind kind = TokenKind::kIdent;
    if (word == "true") {
      kind = TokenKind::kTrue;
    } else if (word == "false") {
      kind = TokenKind::kFalse;
    } else if (word == "null") {
      kind = TokenKind::kNull;
    } else if (word == "in") {
      kind = TokenKind::kIn;
    }
    Emit(kind, start, pos_);
  }

  void LexNumber() {
    size_t start = pos_;
    TokenKind kind = TokenKind::kInt;
    if (text_[pos_] == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
      pos_ += 2;
      size_t digits = pos_;
      while (pos_ < text_.size() && IsHexDigit(text_[pos_])) ++pos_;
      if (pos_ == digits || text_[start + 1] == 'X') return BadNumber(start);
    } else {
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      if (Peek(0) == '.' && IsDigit(Peek(1))) {
        kind = TokenKind::kDouble;
        ++pos_;
        while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      }
      if (Peek(0) == 'e' || Peek(0) == 'E') {
        size_t sign = (Peek(1) == '+' || Peek(1) == '-') ? size_t{1} : size_t{0};
        if (IsDigit(Peek(1 + sign))) {
          kind = TokenKind::kDouble;
          pos_ += 1 + sign;
          while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
        }
      }
    }
    if (kind == TokenKind::kInt && (Peek(0) == 'u' || Peek(0) == 'U')) {
      kind = TokenKind::kUint;
      ++pos_;
    }
    if (pos_ < text_.size() && IsIdentChar(text_[pos_])) return BadNumber(start);
    Emit(kind, start, pos_);
  }

  // A number run into letters (`12ab`, `0x`, `1e`, `0X1F`): one error for the whole run.
  void BadNumber(size_t start) {
    while (pos_ < text_.size() && (IsIdentChar(text_[pos_]) || text_[pos_] == '.')) ++pos_;
    std::string lexeme(text_.substr(start, pos_ - start));
    std::string help;
    if (lexeme.size() > 1 && lexeme[1] == 'X') help = "hex literals use a lowercase `0x` prefix";
    diags_.Report(static_cast<int32_t>(start), "invalid number literal `" + lexeme + "`",
                  std::move(help));
    Emit(TokenKind::kError, start, pos_);
  }

  // `start` is the first character of the literal (its prefix, if any), `quote` the
  // opening quote.
  void LexString(size_t start, size_t quote, bool raw, bool bytes) {
    char q = text_[quote];
    bool triple = quote + 2 < text_.size() && text_[quote + 1] == q && text_[quote + 2] == q;
    size_t body_start = quote + (triple ? 3 : 1);
    size_t pos = body_start;
    size_t close = std::string_view::npos;
    bool hit_newline = false;
    while (pos < text_.size()) {
      char c = text_[pos];
      if (!triple && (c == '\n' || c == '\r')) {
        hit_newline = true;
        break;
      }
      if (c == '\\' && !raw) {
        // An escape never ends the literal; the decoder validates it.
        char next = pos + 1 < text_.size() ? text_[pos + 1] : '\0';
        pos += (!triple && (next == '\n' || next == '\r')) ? size_t{1} : size_t{2};
        continue;
      }
      if (c == q &&
          (!triple || (pos + 2 < text_.size() && text_[pos + 1] == q && text_[pos + 2] == q))) {
        close = pos;
        break;
      }
      ++pos;
    }
    if (close == std::string_view::npos) {
      pos = std::min(pos, text_.size());
      diags_.Report(static_cast<int32_t>(start), "unterminated string literal",
                    hit_newline ? "a quoted string ends at the end of its line; use triple "
                                  "quotes (''' or \"\"\") for text with line breaks"
                                : "");
      pos_ = pos;
      Emit(TokenKind::kError, start, pos_);
      return;
    }
    std::string value = DecodeQuotedBody(text_.substr(body_start, close - body_start),
                                         static_cast<int32_t>(body_start), raw, bytes, diags_);
    pos_ = close + (triple ? 3 : 1);
    Emit(bytes ? TokenKind::kBytes : TokenKind::kString, start, pos_, std::move(value));
  }

  void LexQuotedIdent() {
    size_t start = pos_;
    size_t pos = start + 1;
    while (pos < text_.size() && text_[pos] != '`' && text_[pos] != '\n' && text_[pos] != '\r') {
      ++pos;
    }
    if (pos >= text_.size() || text_[pos] != '`') {
      diags_.Report(static_cast<int32_t>(start), "unterminated quoted identifier");
      pos_ = pos;
      Emit(TokenKind::kError, start, pos_);
      return;
    }
    std::string_view name = text_.substr(start + 1, pos - start - 1);
    pos_ = pos + 1;
    if (name.empty()) {
      diags_.Report(static_cast<int32_t>(start), "empty quoted identifier");
    }
    for (size_t i = 0; i < name.size(); ++i) {
      if (!IsQuotedIdentChar(name[i])) {
        diags_.Report(static_cast<int32_t>(start + 1 + i),
                      "invalid character " + DescribeChar(name, i) + " in quoted identifier",
                      "quoted identifiers may contain letters, digits, spaces and `_` `.` `-` `/`");
        break;
      }
    }
    Emit(TokenKind::kQuotedIdent, start, pos_, std::string(name));
  }

  void LexPunctuation() {
    size_t start = pos_;
    char c = text_[pos_];
    char next = Peek(1);
    auto two = [&](char second, TokenKind pair, TokenKind single) {
      if (next == second) {
        pos_ += 2;
        Emit(pair, start, pos_);
      } else {
        pos_ += 1;
        Emit(single, start, pos_);
      }
    };
    // Single characters that only exist as part of a pair are reported, then read as
    // the pair so parsing can go on and find further issues.
    auto pair_only = [&](char second, TokenKind pair, const char* help) {
      if (next == second) {
        pos_ += 2;
      } else {
        diags_.Report(static_cast<int32_t>(start), "unexpected " + DescribeChar(text_, start),
                      help);
        pos_ += 1;
      }
      Emit(pair, start, pos_);
    };
    switch (c) {
      case '(':
        return Single(TokenKind::kLParen);
      case ')':
        return Single(TokenKind::kRParen);
      case '[':
        return Single(TokenKind::kLBracket);
      case ']':
        return Single(TokenKind::kRBracket);
      case '{':
        return Single(TokenKind::kLBrace);
      case '}':
        return Single(TokenKind::kRBrace);
      case '.':
        return Single(TokenKind::kDot);
      case ',':
        return Single(TokenKind::kComma);
      case ':':
        return Single(TokenKind::kColon);
      case '?':
        return Single(TokenKind::kQuestion);
      case '+':
        return Single(TokenKind::kPlus);
      case '-':
        return Single(TokenKind::kMinus);
      case '*':
        return Single(TokenKind::kStar);
      case '/':
        return Single(TokenKind::kSlash);
      case '%':
        return Single(TokenKind::kPercent);
      case '!':
        return two('=', TokenKind::kNotEqual, TokenKind::kBang);
      case '<':
        return two('=', TokenKind::kLessEqual, TokenKind::kLess);
      case '>':
        return two('=', TokenKind::kGreaterEqual, TokenKind::kGreater);
      case '=':
        return pair_only('=', TokenKind::kEqual, "use `==` to compare values");
      case '&':
        return pair_only('&', TokenKind::kAnd, "use `&&` for logical and");
      case '|':
        return pair_only('|', TokenKind::kOr, "use `||` for logical or");
      default:
        break;
    }
    size_t end = pos_ + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    diags_.Report(static_cast<int32_t>(start),
                  "unexpected character " + DescribeChar(text_, start));
    pos_ = end;
    Emit(TokenKind::kError, start, pos_);
  }

  void Single(TokenKind kind) {
    ++pos_;
    Emit(kind, pos_ - 1, pos_);
  }

  void Emit(TokenKind kind, size_t start, size_t end, std::string value = {}) {
    tokens_.push_back(Token{kind, static_cast<int32_t>(start), static_cast<int32_t>(end - start),
                            std::move(value)});
  }

  std::string_view text_;
  Diagnostics& diags_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Lex(std::string_view text, Diagnostics& diags) {
  return Lexer(text, diags).Run();
}

std::string DescribeToken(const Token& token, std::string_view text) {
  if (token.kind == TokenKind::kEnd) return "end of expression";
  if (token.kind == TokenKind::kQuotedIdent) return "quoted name `" + token.value + "`";
  constexpr size_t kMaxShown = 32;
  std::string_view lexeme =
      text.substr(static_cast<size_t>(token.offset), static_cast<size_t>(token.length));
  size_t cut = std::min({lexeme.size(), kMaxShown, lexeme.find_first_of("\r\n")});
  bool shortened = cut < lexeme.size();
  // Never cut inside a multi-byte character.
  while (cut > 0 && cut < lexeme.size() &&
         (static_cast<unsigned char>(lexeme[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return "`" + std::string(lexeme.substr(0, cut)) + (shortened ? "...`" : "`");
}

bool IsReservedWord(std::string_view word) {
  static constexpr std::string_view kReserved[] = {
      "as",  "break", "const",   "continue",  "else",   "for", "function", "if",   "import",
      "let", "loop",  "package", "namespace", "return", "var", "void",     "while"};
  for (std::string_view reserved : kReserved) {
    if (reserved == word) return true;
  }
  return false;
}

}  // namespace warden::cel::parse_internal
