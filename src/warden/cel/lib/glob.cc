#include "warden/cel/lib/glob.h"

#include "warden/cel/lib/ext_strings_util.h"

namespace warden::cel {

namespace {

constexpr char32_t kSlash = '/';
// Ill-formed bytes decode above the Unicode range so that they only equal themselves.
constexpr char32_t kIllFormedBase = 0x110000;

char32_t DecodeUnit(std::string_view text, size_t& pos) {
  const size_t start = pos;
  const char32_t code_point = ext::DecodeLenient(text, pos);
  if (code_point == ext::kReplacementChar && pos == start + 1) {
    return kIllFormedBase + static_cast<unsigned char>(text[start]);
  }
  return code_point;
}

}  // namespace

bool GlobPattern::Compile(std::string_view pattern, GlobPattern& out, std::string& error) {
  out.tokens_.clear();
  out.ranges_.clear();
  size_t pos = 0;
  // A class member: one code point, `\` escaping the next.
  auto member = [&](char32_t& code_point) {
    code_point = DecodeUnit(pattern, pos);
    if (code_point != '\\') return true;
    if (pos >= pattern.size()) {
      error = "trailing `\\`";
      return false;
    }
    code_point = DecodeUnit(pattern, pos);
    return true;
  };
  while (pos < pattern.size()) {
    const char32_t code_point = DecodeUnit(pattern, pos);
    Token token;
    switch (code_point) {
      case '*': {
        size_t run = 1;
        while (pos < pattern.size() && pattern[pos] == '*') {
          ++pos;
          ++run;
        }
        token.kind = run >= 2 ? TokenKind::kDoubleStar : TokenKind::kStar;
        break;
      }
      case '?':
        token.kind = TokenKind::kAnyChar;
        break;
      case '\\':
        if (pos >= pattern.size()) {
          error = "trailing `\\`";
          return false;
        }
        token.literal = DecodeUnit(pattern, pos);
        break;
      case '[': {
        token.kind = TokenKind::kClass;
        if (pos < pattern.size() && (pattern[pos] == '!' || pattern[pos] == '^')) {
          token.negated = true;
          ++pos;
        }
        token.ranges_begin = static_cast<uint32_t>(out.ranges_.size());
        bool first = true;
        while (true) {
          if (pos >= pattern.size()) {
            error = "unclosed `[`";
            return false;
          }
          if (pattern[pos] == ']' && !first) {
            ++pos;
            break;
          }
          first = false;
          char32_t low = 0;
          if (!member(low)) return false;
          char32_t high = low;
          if (pos + 1 < pattern.size() && pattern[pos] == '-' && pattern[pos + 1] != ']') {
            ++pos;
            if (!member(high)) return false;
            if (high < low) {
              error = "range out of order in `[`";
              return false;
            }
          }
          out.ranges_.emplace_back(low, high);
        }
        token.ranges_end = static_cast<uint32_t>(out.ranges_.size());
        break;
      }
      default:
        token.literal = code_point;
    }
    out.tokens_.push_back(token);
  }
  return true;
}

bool GlobPattern::StepMatches(const Token& token, char32_t code_point) const {
  switch (token.kind) {
    case TokenKind::kLiteral:
      return code_point == token.literal;
    case TokenKind::kAnyChar:
      return code_point != kSlash;
    case TokenKind::kClass: {
      if (code_point == kSlash) return false;
      bool member = false;
      for (uint32_t range_idx = token.ranges_begin; range_idx < token.ranges_end; ++range_idx) {
        const auto& [low, high] = ranges_[range_idx];
        if (code_point >= low && code_point <= high) {
          member = true;
          break;
        }
      }
      return member != token.negated;
    }
    case TokenKind::kStar:
    case TokenKind::kDoubleStar:
      return false;  // stars loop in place; handled by the caller
  }
  return false;
}

bool GlobPattern::Matches(std::string_view text) const {
  const size_t final_state = tokens_.size();
  // State s means "the first s tokens have matched the text so far". Each state list
  // holds distinct states (marked with the list's generation) closed under skipping stars.
  std::vector<uint64_t> seen(final_state + 1, 0);
  uint64_t generation = 1;
  std::vector<size_t> current;
  std::vector<size_t> next;
  auto add = [&](std::vector<size_t>& states, size_t state) {
    while (seen[state] != generation) {
      seen[state] = generation;
      states.push_back(state);
      if (state == final_state) return;
      const TokenKind kind = tokens_[state].kind;
      if (kind != TokenKind::kStar && kind != TokenKind::kDoubleStar) return;
      ++state;  // a star may match nothing
    }
  };
  add(current, 0);
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t code_point = DecodeUnit(text, pos);
    ++generation;
    next.clear();
    for (size_t state : current) {
      if (state == final_state) continue;
      const Token& token = tokens_[state];
      if (token.kind == TokenKind::kDoubleStar ||
          (token.kind == TokenKind::kStar && code_point != kSlash)) {
        add(next, state);
      } else if (StepMatches(token, code_point)) {
        add(next, state + 1);
      }
    }
    if (next.empty()) return false;
    current.swap(next);
  }
  return seen[final_state] == generation;
}

bool GlobMatch(std::string_view pattern, std::string_view text, bool& malformed) {
  GlobPattern compiled;
  std::string error;
  malformed = !GlobPattern::Compile(pattern, compiled, error);
  return !malformed && compiled.Matches(text);
}

}  // namespace warden::cel
