#pragma once
// Glob patterns: shell-style wildcards for names and paths. The CEL functions
// `<string>.glob(pattern)` and `glob(string, pattern)` (extensions.h) use them, and so
// can the policy engine through GlobPattern or GlobMatch.
//
// A pattern matches the whole text. Text and pattern are UTF-8 and are matched per code
// point (an ill-formed byte counts as one unit that only an identical byte or a
// wildcard matches). Syntax:
//
//   *        any run of code points, possibly empty, except `/`
//   **       any run of code points, possibly empty, including `/`; a run of two or more
//            `*` is one `**`. Nothing more: "a/**/b" matches "a/x/b" and "a//b" but not
//            "a/b" (write "a/**b" for that)
//   ?        exactly one code point except `/`
//   [...]    exactly one code point from a class, never `/`: members are code points
//            ("[abc]") and inclusive ranges by code point value ("[a-z0-9]"); a leading
//            `!` or `^` negates ("[!a]"); `]` right after `[` (or after the negation) and
//            `-` first or last are members; `\` escapes the next code point
//   \c       the code point c itself, whatever it is ("\*", "\[", "\\")
//   other    itself
//
// Malformed patterns: a `[` without its closing `]`, a `\` at the very end, a range
// whose start is above its end ("[z-a]").
//
// Cost: matching simulates the pattern's automaton over the text, keeping the set of
// pattern positions reachable so far; it never backtracks. Time is
// O(text code points × pattern tokens) in the worst case (e.g. "*a*a*a*a*b" against
// "aaaa…"), memory O(pattern tokens). A GlobPattern is immutable after Compile and may be
// used by any number of threads at once.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warden::cel {

class GlobPattern {
 public:
  GlobPattern() = default;  // matches only the empty text

  // Compiles `pattern`. On a malformed pattern returns false and sets `error` to the
  // reason (e.g. "unclosed `[`"); `out` is then unspecified.
  static bool Compile(std::string_view pattern, GlobPattern& out, std::string& error);

  // Whether the pattern matches all of `text`.
  bool Matches(std::string_view text) const;

  // Number of pattern tokens (literals, wildcards, classes): the per-code-point cost
  // bound of Matches.
  size_t token_count() const { return tokens_.size(); }

 private:
  enum class TokenKind : uint8_t { kLiteral, kAnyChar, kStar, kDoubleStar, kClass };
  struct Token {
    TokenKind kind = TokenKind::kLiteral;
    bool negated = false;       // classes
    char32_t literal = 0;       // literals
    uint32_t ranges_begin = 0;  // classes: [ranges_begin, ranges_end) in ranges_
    uint32_t ranges_end = 0;
  };

  bool StepMatches(const Token& token, char32_t code_point) const;

  std::vector<Token> tokens_;
  std::vector<std::pair<char32_t, char32_t>> ranges_;  // inclusive class ranges
};

// Compiles `pattern` and matches it against `text`. A malformed pattern sets
// `malformed` to true and returns false; otherwise `malformed` is set to false.
bool GlobMatch(std::string_view pattern, std::string_view text, bool& malformed);

}  // namespace warden::cel
