#include "warden/cel/parse/grammar.h"

#include <algorithm>
#include <utility>

#include "warden/cel/parse/macros.h"

namespace warden::cel::parse_internal {
namespace {

const char* RelationFunction(TokenKind kind) {
  switch (kind) {
    case TokenKind::kLess:
      return op::kLess;
    case TokenKind::kLessEqual:
      return op::kLessEquals;
    case TokenKind::kGreater:
      return op::kGreater;
    case TokenKind::kGreaterEqual:
      return op::kGreaterEquals;
    case TokenKind::kEqual:
      return op::kEquals;
    case TokenKind::kNotEqual:
      return op::kNotEquals;
    case TokenKind::kIn:
      return op::kIn;
    default:
      return nullptr;
  }
}

bool IsNumber(TokenKind kind) { return kind == TokenKind::kInt || kind == TokenKind::kDouble; }

std::string NestingMessage(int32_t max_depth) {
  return "expression nests too deeply: more than " + std::to_string(max_depth) + " levels";
}

}  // namespace

Grammar::Grammar(std::string_view text, std::vector<Token> tokens, GrammarOptions options,
                 ExprFactory& factory, Diagnostics& diags)
    : text_(text), tokens_(std::move(tokens)), options_(options), factory_(factory), diags_(diags) {
  end_token_.kind = TokenKind::kEnd;
  end_token_.offset = static_cast<int32_t>(text.size());
  if (tokens_.empty()) tokens_.push_back(end_token_);
}

ExprPtr Grammar::ParseAll() {
  ExprPtr expr = ParseExpr();
  if (!AtEnd()) FailHere();
  return expr;
}

// Expr = ConditionalOr ["?" ConditionalOr ":" Expr]. Every nested expression comes
// through here, so this is where the recursion depth is bounded.
ExprPtr Grammar::ParseExpr() {
  if (depth_ >= options_.max_depth) {
    diags_.Fail(Peek().offset, NestingMessage(options_.max_depth),
                "split it up, for example with cel.bind()");
    return Placeholder();
  }
  ++depth_;
  ExprPtr condition = ParseOr();
  if (Peek().kind == TokenKind::kQuestion) {
    int32_t question = Take().offset;
    ExprPtr if_true = ParseOr();
    if (!Accept(TokenKind::kColon)) {
      FailHere("expected `:` after the `?` at " + Position(question));
    }
    ExprPtr if_false = ParseExpr();
    condition =
        factory_.NewCall(question, op::kConditional,
                         Args(std::move(condition), std::move(if_true), std::move(if_false)));
  }
  --depth_;
  return condition;
}

// `||` and `&&` chains become balanced trees, as cel-go builds them.
ExprPtr Grammar::ParseOr() {
  ExprPtr first = ParseAnd();
  if (Peek().kind != TokenKind::kOr) return first;
  std::vector<ExprPtr> terms;
  std::vector<int32_t> ops;
  terms.push_back(std::move(first));
  while (Peek().kind == TokenKind::kOr) {
    ops.push_back(Take().offset);
    terms.push_back(ParseAnd());
  }
  return Balance(op::kLogicalOr, terms, ops, 0, ops.size() - 1);
}

ExprPtr Grammar::ParseAnd() {
  ExprPtr first = ParseRelation();
  if (Peek().kind != TokenKind::kAnd) return first;
  std::vector<ExprPtr> terms;
  std::vector<int32_t> ops;
  terms.push_back(std::move(first));
  while (Peek().kind == TokenKind::kAnd) {
    ops.push_back(Take().offset);
    terms.push_back(ParseRelation());
  }
  return Balance(op::kLogicalAnd, terms, ops, 0, ops.size() - 1);
}

// Joins terms[lo..hi+1] with ops[lo..hi]; recursion depth is log2 of the chain length.
ExprPtr Grammar::Balance(const char* function, std::vector<ExprPtr>& terms,
                         const std::vector<int32_t>& ops, size_t lo, size_t hi) {
  size_t mid = (lo + hi + 1) / 2;
  ExprPtr left = mid == lo ? std::move(terms[mid]) : Balance(function, terms, ops, lo, mid - 1);
  ExprPtr right =
      mid == hi ? std::move(terms[mid + 1]) : Balance(function, terms, ops, mid + 1, hi);
  return factory_.NewCall(ops[mid], function, Args(std::move(left), std::move(right)));
}

ExprPtr Grammar::ParseRelation() {
  ExprPtr lhs = ParseAddition();
  while (const char* function = RelationFunction(Peek().kind)) {
    int32_t at = Take().offset;
    ExprPtr rhs = ParseAddition();
    lhs = factory_.NewCall(at, function, Args(std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Grammar::ParseAddition() {
  ExprPtr lhs = ParseMultiplication();
  while (Peek().kind == TokenKind::kPlus || Peek().kind == TokenKind::kMinus) {
    const char* function = Peek().kind == TokenKind::kPlus ? op::kAdd : op::kSubtract;
    int32_t at = Take().offset;
    ExprPtr rhs = ParseMultiplication();
    lhs = factory_.NewCall(at, function, Args(std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Grammar::ParseMultiplication() {
  ExprPtr lhs = ParseUnary();
  while (true) {
    const char* function = nullptr;
    switch (Peek().kind) {
      case TokenKind::kStar:
        function = op::kMultiply;
        break;
      case TokenKind::kSlash:
        function = op::kDivide;
        break;
      case TokenKind::kPercent:
        function = op::kModulo;
        break;
      default:
        return lhs;
    }
    int32_t at = Take().offset;
    ExprPtr rhs = ParseUnary();
    lhs = factory_.NewCall(at, function, Args(std::move(lhs), std::move(rhs)));
  }
}

// Unary = Member | "!" {"!"} Member | "-" {"-"} Member. A run collapses by parity; a
// single `-` before a number is the number's sign (parsed by ParsePrimary).
ExprPtr Grammar::ParseUnary() {
  TokenKind kind = Peek().kind;
  if (kind != TokenKind::kBang && kind != TokenKind::kMinus) return ParseMember();
  if (kind == TokenKind::kMinus && IsNumber(PeekAt(1).kind)) return ParseMember();
  int32_t first = Peek().offset;
  int32_t count = 0;
  while (Peek().kind == kind) {
    if (++count > options_.max_depth) {
      diags_.Fail(Peek().offset, NestingMessage(options_.max_depth),
                  "a run of unary operators collapses by parity: `!!x` is `x`");
      return Placeholder();
    }
    Take();
  }
  ExprPtr operand = ParseMember();
  if (count % 2 == 0) return operand;
  return factory_.NewCall(first, kind == TokenKind::kBang ? op::kLogicalNot : op::kNegate,
                          Args(std::move(operand)));
}

ExprPtr Grammar::ParseMember() {
  QualifiedName qualified;
  ExprPtr primary = ParsePrimary(qualified);
  return ParseMemberSuffixes(std::move(primary), std::move(qualified));
}

// Member suffixes are a loop, so `a.b.c...` and `a[0][0]...` chains do not recurse.
ExprPtr Grammar::ParseMemberSuffixes(ExprPtr operand, QualifiedName qualified) {
  while (true) {
    switch (Peek().kind) {
      case TokenKind::kDot:
        operand = ParseSelectOrMemberCall(std::move(operand), qualified);
        break;
      case TokenKind::kLBracket: {
        int32_t open = Take().offset;
        bool optional = false;
        if (Peek().kind == TokenKind::kQuestion) {
          CheckOptionalSyntax(Take().offset, "[?");
          optional = true;
        }
        ExprPtr index = ParseExpr();
        ExpectClosing(TokenKind::kRBracket, "`]`", "index", open, nullptr);
        operand = factory_.NewCall(open, optional ? op::kOptIndex : op::kIndex,
                                   Args(std::move(operand), std::move(index)));
        qualified.valid = false;
        break;
      }
      case TokenKind::kLBrace:
        // Only a dotted name can start a message literal; any other `{` is not ours.
        if (!qualified.valid) return operand;
        operand = ParseStruct(qualified);
        qualified.valid = false;
        break;
      default:
        return operand;
    }
  }
}

// At `.`: a field selection `.f`, a quoted selection .`f-g`, an optional selection `.?f`
// or a receiver call `.f(...)`.
ExprPtr Grammar::ParseSelectOrMemberCall(ExprPtr operand, QualifiedName& qualified) {
  int32_t dot = Take().offset;
  bool optional = false;
  if (Peek().kind == TokenKind::kQuestion) {
    CheckOptionalSyntax(Take().offset, ".?");
    optional = true;
  }
  const Token& name_token = Peek();
  std::string field;
  bool quoted = false;
  if (name_token.kind == TokenKind::kIdent) {
    field = std::string(text_.substr(static_cast<size_t>(name_token.offset),
                                     static_cast<size_t>(name_token.length)));
  } else if (name_token.kind == TokenKind::kQuotedIdent) {
    field = name_token.value;
    quoted = true;
  } else {
    std::string help;
    if (name_token.kind == TokenKind::kIn || name_token.kind == TokenKind::kTrue ||
        name_token.kind == TokenKind::kFalse || name_token.kind == TokenKind::kNull) {
      help = "quote a field named like a keyword: a.`" +
             std::string(text_.substr(static_cast<size_t>(name_token.offset),
                                      static_cast<size_t>(name_token.length))) +
             "`";
    }
    FailHere("expected a field name after `.`, found " + DescribeToken(name_token, text_),
             std::move(help));
    return operand;
  }
  int32_t name_offset = Take().offset;
  if (optional) {
    qualified.valid = false;
    ExprPtr call = factory_.NewCall(
        dot, op::kOptSelect, Args(std::move(operand), factory_.NewString(name_offset, field)));
    call->optional_select = true;
    return call;
  }
  if (Peek().kind == TokenKind::kLParen) {
    qualified.valid = false;
    if (quoted) {
      FailHere({}, "a quoted name selects a field; it cannot name a function");
      return operand;
    }
    int32_t open = Take().offset;
    std::vector<ExprPtr> args = ParseCallArgs(open);
    return FinishCall(dot, std::move(field), std::move(operand), std::move(args));
  }
  if (quoted) {
    qualified.valid = false;
  } else if (qualified.valid) {
    qualified.name += '.';
    qualified.name += field;
  }
  return factory_.NewSelect(dot, std::move(operand), std::move(field));
}

ExprPtr Grammar::FinishCall(int32_t offset, std::string function, ExprPtr target,
                            std::vector<ExprPtr> args) {
  if (options_.enable_macros && !diags_.stopped()) {
    CallParts call{offset, function, std::move(target), std::move(args)};
    if (ExprPtr expanded = ExpandMacro(call, factory_, diags_)) return expanded;
    target = std::move(call.target);
    args = std::move(call.args);
  }
  if (target != nullptr) {
    return factory_.NewMemberCall(offset, std::move(function), std::move(target), std::move(args));
  }
  return factory_.NewCall(offset, std::move(function), std::move(args));
}

// ---- token access and error reporting

const Token& Grammar::PeekAt(size_t ahead) const {
  if (diags_.stopped()) return end_token_;
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

Token Grammar::Take() {
  if (diags_.stopped() || tokens_[pos_].kind == TokenKind::kEnd) return Peek();
  return std::move(tokens_[pos_++]);
}

bool Grammar::Accept(TokenKind kind) {
  if (Peek().kind != kind) return false;
  Take();
  return true;
}

void Grammar::FailHere(std::string message, std::string help) {
  if (diags_.stopped()) return;
  const Token& token = Peek();
  if (token.kind == TokenKind::kError) {
    diags_.Stop();
    return;
  }
  if (message.empty()) {
    message = "unexpected " + DescribeToken(token, text_);
    if (help.empty() && token.kind == TokenKind::kIdent) {
      std::string_view word =
          text_.substr(static_cast<size_t>(token.offset), static_cast<size_t>(token.length));
      if (word == "and") help = "use `&&` for logical and";
      if (word == "or") help = "use `||` for logical or";
      if (word == "not") help = "use `!` for logical not";
    }
  }
  diags_.Fail(token.offset, std::move(message), std::move(help));
}

ExprPtr Grammar::Unexpected(std::string message, std::string help) {
  FailHere(std::move(message), std::move(help));
  return Placeholder();
}

bool Grammar::ExpectClosing(TokenKind kind, const char* closer, const char* construct,
                            int32_t open_offset, const char* separator_help) {
  if (Accept(kind)) return true;
  if (diags_.stopped()) return false;
  std::string help;
  switch (Peek().kind) {
    case TokenKind::kIdent:
    case TokenKind::kQuotedIdent:
    case TokenKind::kInt:
    case TokenKind::kUint:
    case TokenKind::kDouble:
    case TokenKind::kString:
    case TokenKind::kBytes:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNull:
    case TokenKind::kLParen:
    case TokenKind::kLBracket:
    case TokenKind::kLBrace:
    case TokenKind::kBang:
      if (separator_help != nullptr) help = separator_help;
      break;
    default:
      break;
  }
  FailHere("expected " + std::string(closer) + " to close the " + construct + " opened at " +
               Position(open_offset),
           std::move(help));
  return false;
}

bool Grammar::Expect(TokenKind kind, const char* message) {
  if (Accept(kind)) return true;
  FailHere(message);
  return false;
}

std::string Grammar::Position(int32_t offset) const {
  uint32_t line = 1;
  uint32_t column = 1;
  size_t end = std::min(static_cast<size_t>(offset), text_.size());
  for (size_t pos = 0; pos < end; ++pos) {
    unsigned char byte = static_cast<unsigned char>(text_[pos]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

void Grammar::CheckOptionalSyntax(int32_t offset, const char* syntax) {
  if (options_.enable_optional_syntax) return;
  diags_.Report(offset, "unsupported syntax `" + std::string(syntax) + "`",
                "optional syntax is not enabled for this expression");
}

ExprPtr Grammar::Placeholder() {
  Constant null_value;
  return factory_.NewConstant(Peek().offset, std::move(null_value));
}

}  // namespace warden::cel::parse_internal
