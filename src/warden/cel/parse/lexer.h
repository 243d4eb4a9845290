#pragma once
// The CEL lexer (cel-spec langdef, lexis): turns source text into tokens, skipping
// whitespace ([\t\n\f\r ]) and `//` comments. String and bytes literals are decoded here
// (see literals.h); numbers keep their text for the parser, which folds a leading minus
// sign into int and double literals before range-checking them.
//
// Lexical errors (an unexpected character, an unterminated string, an invalid escape,
// a malformed number) are reported to the Diagnostics. An unusable lexeme becomes a
// kError token; the parser stops at it without reporting a second issue.
//
// Internal to warden/cel/parse.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/parse/diagnostics.h"

namespace warden::cel::parse_internal {

enum class TokenKind : uint8_t {
  kEnd,          // end of input; always the last token
  kError,        // a lexeme already reported as an issue
  kIdent,        // [_a-zA-Z][_a-zA-Z0-9]*, including reserved words such as `while`
  kQuotedIdent,  // `a-b.c`: value holds the name between the backticks
  kInt,          // 123, 0x1F
  kUint,         // 123u, 0x1FU
  kDouble,       // 1.5, .5, 1e10
  kString,       // value holds the decoded UTF-8 text
  kBytes,        // value holds the decoded octets
  kTrue,
  kFalse,
  kNull,
  kIn,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kDot,
  kComma,
  kColon,
  kQuestion,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kBang,
  kEqual,         // ==
  kNotEqual,      // !=
  kLess,          // <
  kLessEqual,     // <=
  kGreater,       // >
  kGreaterEqual,  // >=
  kAnd,           // &&
  kOr,            // ||
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  int32_t offset = 0;  // byte offset of the first character
  int32_t length = 0;  // bytes of source text
  std::string value;   // decoded contents of kString, kBytes and kQuotedIdent
};

// Tokenizes `text` (valid UTF-8, shorter than 2^31 bytes). The result always ends with
// one kEnd token at offset text.size(). Stops early, with kEnd, once `diags` stopped.
std::vector<Token> Lex(std::string_view text, Diagnostics& diags);

// How a token reads in a message: `)`, `foo`, `123`, or "end of expression". Long
// lexemes are shortened.
std::string DescribeToken(const Token& token, std::string_view text);

// The reserved words of the langdef that may not be used as identifiers (besides the
// keywords true, false, null and in, which are tokens of their own).
bool IsReservedWord(std::string_view word);

}  // namespace warden::cel::parse_internal
