#include "warden/cel/parse/parser.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "warden/base/utf8.h"
#include "warden/cel/parse/diagnostics.h"
#include "warden/cel/parse/expr_factory.h"
#include "warden/cel/parse/grammar.h"
#include "warden/cel/parse/lexer.h"

namespace warden::cel {
namespace {

using parse_internal::Diagnostics;

// Offsets are int32_t, so no source may reach 2^31 bytes whatever the options say.
constexpr size_t kHardMaxBytes = std::numeric_limits<int32_t>::max() - 1;

// Macro expansion may grow the tree to this many nodes (see parser.h).
int64_t NodeBudget(size_t source_bytes) { return 2 * static_cast<int64_t>(source_bytes) + 16'384; }

// At most `limit` bytes of `text`, cut at a character boundary.
std::string Prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return std::string(text.substr(0, limit));
}

}  // namespace

ParseResult Parse(std::string_view text, const ParseOptions& options) {
  ParseResult result;
  SourceInfo& source = result.parsed.source;
  source.description = options.description;
  size_t max_bytes = std::min<size_t>(options.max_expression_bytes, kHardMaxBytes);
  if (text.size() > max_bytes) {
    // Keep only what a message can show, so a huge input is not copied.
    source.text = Prefix(text, std::min<size_t>(max_bytes, 4096));
    result.issues.push_back(Issue{0,
                                  "expression is " + std::to_string(text.size()) +
                                      " bytes long, more than the limit of " +
                                      std::to_string(max_bytes) + " bytes",
                                  {}});
    return result;
  }
  source.text = std::string(text);
  size_t invalid = utf8::FindInvalid(text);
  if (invalid != std::string_view::npos) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    unsigned char byte = static_cast<unsigned char>(text[invalid]);
    result.issues.push_back(
        Issue{static_cast<int32_t>(invalid),
              std::string("invalid UTF-8 byte 0x") + kDigits[byte >> 4] + kDigits[byte & 0xF],
              "expressions must be UTF-8 text"});
    return result;
  }

  Diagnostics diags;
  std::vector<parse_internal::Token> tokens = parse_internal::Lex(text, diags);
  int32_t max_depth = static_cast<int32_t>(
      std::clamp<uint32_t>(options.max_nesting_depth, 1, kMaxNestingDepthLimit));
  parse_internal::ExprFactory factory(diags, max_depth, NodeBudget(text.size()));
  parse_internal::GrammarOptions grammar_options;
  grammar_options.max_depth = max_depth;
  grammar_options.enable_macros = options.enable_macros;
  grammar_options.enable_optional_syntax = options.enable_optional_syntax;
  parse_internal::Grammar grammar(text, std::move(tokens), grammar_options, factory, diags);
  result.parsed.expr = grammar.ParseAll();
  result.parsed.next_id = factory.next_id();
  result.issues = diags.TakeSorted();
  return result;
}

}  // namespace warden::cel
