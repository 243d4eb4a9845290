// Primaries of the CEL grammar: names and global calls, parenthesized expressions,
// list, map and message literals, and literal constants.

#include <utility>

#include "warden/cel/parse/grammar.h"
#include "warden/cel/parse/literals.h"

namespace warden::cel::parse_internal {

ExprPtr Grammar::ParsePrimary(QualifiedName& qualified) {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kIdent:
      return ParseIdentOrCall(qualified);
    case TokenKind::kDot:
      if (PeekAt(1).kind == TokenKind::kIdent) return ParseIdentOrCall(qualified);
      return Unexpected({}, "a leading `.` must be followed by a name, as in `.a.b`");
    case TokenKind::kLParen: {
      int32_t open = Take().offset;
      ExprPtr inner = ParseExpr();
      ExpectClosing(TokenKind::kRParen, "`)`", "`(`", open, nullptr);
      return inner;
    }
    case TokenKind::kLBracket:
      return ParseList();
    case TokenKind::kLBrace:
      return ParseMap();
    case TokenKind::kInt:
    case TokenKind::kUint:
    case TokenKind::kDouble:
      return ParseNumber(/*negative=*/false, token.offset);
    case TokenKind::kMinus:
      if (PeekAt(1).kind == TokenKind::kInt || PeekAt(1).kind == TokenKind::kDouble) {
        int32_t minus = Take().offset;
        return ParseNumber(/*negative=*/true, minus);
      }
      // A `-` after a run of `!`: the grammar has no `!-x`.
      return Unexpected({}, "combine `!` and `-` with parentheses, as in `!(-x)`");
    case TokenKind::kBang:
      return Unexpected({}, "combine `-` and `!` with parentheses, as in `-(!x)`");
    case TokenKind::kString:
    case TokenKind::kBytes: {
      Token literal = Take();
      Constant constant;
      constant.kind =
          literal.kind == TokenKind::kString ? ConstantKind::kString : ConstantKind::kBytes;
      constant.string_value = std::move(literal.value);
      return factory_.NewConstant(literal.offset, std::move(constant));
    }
    case TokenKind::kTrue:
    case TokenKind::kFalse: {
      bool value = token.kind == TokenKind::kTrue;
      return factory_.NewBool(Take().offset, value);
    }
    case TokenKind::kNull:
      return factory_.NewConstant(Take().offset, Constant{});
    case TokenKind::kQuotedIdent:
      return Unexpected({}, "a quoted name can only follow a `.` or name a message field");
    default:
      return Unexpected();
  }
}

// ["."] IDENT ["(" [ExprList] ")"]: an identifier or a global call.
ExprPtr Grammar::ParseIdentOrCall(QualifiedName& qualified) {
  int32_t start = Peek().offset;
  std::string name;
  if (Accept(TokenKind::kDot)) name = ".";
  Token ident = Take();
  std::string_view word =
      text_.substr(static_cast<size_t>(ident.offset), static_cast<size_t>(ident.length));
  if (IsReservedWord(word)) {
    diags_.Report(ident.offset, "reserved identifier `" + std::string(word) + "`",
                  "reserved words cannot name variables or functions; a field of that name "
                  "can be selected as in `a." +
                      std::string(word) + "`");
  }
  name += word;
  if (Peek().kind == TokenKind::kLParen) {
    int32_t open = Take().offset;
    std::vector<ExprPtr> args = ParseCallArgs(open);
    return FinishCall(start, std::move(name), nullptr, std::move(args));
  }
  qualified.valid = true;
  qualified.offset = start;
  qualified.name = name;
  return factory_.NewIdent(start, std::move(name));
}

std::vector<ExprPtr> Grammar::ParseCallArgs(int32_t open_offset) {
  std::vector<ExprPtr> args;
  if (Accept(TokenKind::kRParen)) return args;
  while (true) {
    args.push_back(ParseExpr());
    if (!Accept(TokenKind::kComma)) break;
    if (Peek().kind == TokenKind::kRParen) {
      FailHere({}, "a trailing `,` is not allowed in an argument list");
      return args;
    }
  }
  ExpectClosing(TokenKind::kRParen, "`)`", "argument list", open_offset,
                "separate arguments with `,`");
  return args;
}

// "[" [["?"] Expr {"," ["?"] Expr}] [","] "]"
ExprPtr Grammar::ParseList() {
  int32_t open = Take().offset;
  std::vector<ExprPtr> elements;
  std::vector<int32_t> optional_indices;
  while (Peek().kind != TokenKind::kRBracket && !diags_.stopped()) {
    if (Peek().kind == TokenKind::kQuestion) {
      CheckOptionalSyntax(Take().offset, "?");
      optional_indices.push_back(static_cast<int32_t>(elements.size()));
    }
    elements.push_back(ParseExpr());
    if (!Accept(TokenKind::kComma)) break;
  }
  ExpectClosing(TokenKind::kRBracket, "`]`", "list", open, "separate list elements with `,`");
  return factory_.NewList(open, std::move(elements), std::move(optional_indices));
}

// "{" [["?"] Expr ":" Expr {"," ["?"] Expr ":" Expr}] [","] "}"
ExprPtr Grammar::ParseMap() {
  int32_t open = Take().offset;
  std::vector<MapEntryExpr> entries;
  while (Peek().kind != TokenKind::kRBrace && !diags_.stopped()) {
    int32_t entry_offset = Peek().offset;
    bool optional = false;
    if (Peek().kind == TokenKind::kQuestion) {
      CheckOptionalSyntax(Take().offset, "?");
      optional = true;
    }
    ExprPtr key = ParseExpr();
    if (!Expect(TokenKind::kColon, "expected `:` after the map key")) break;
    ExprPtr value = ParseExpr();
    entries.push_back(
        factory_.NewMapEntry(entry_offset, std::move(key), std::move(value), optional));
    if (!Accept(TokenKind::kComma)) break;
  }
  ExpectClosing(TokenKind::kRBrace, "`}`", "map", open, "separate map entries with `,`");
  return factory_.NewMap(open, std::move(entries));
}

// At the `{` after a qualified name: "{" [["?"] FIELD ":" Expr {"," ...}] [","] "}"
ExprPtr Grammar::ParseStruct(const QualifiedName& qualified) {
  int32_t open = Take().offset;
  std::vector<MapEntryExpr> fields;
  while (Peek().kind != TokenKind::kRBrace && !diags_.stopped()) {
    int32_t entry_offset = Peek().offset;
    bool optional = false;
    if (Peek().kind == TokenKind::kQuestion) {
      CheckOptionalSyntax(Take().offset, "?");
      optional = true;
    }
    const Token& name_token = Peek();
    std::string field;
    if (name_token.kind == TokenKind::kIdent) {
      field = std::string(text_.substr(static_cast<size_t>(name_token.offset),
                                       static_cast<size_t>(name_token.length)));
    } else if (name_token.kind == TokenKind::kQuotedIdent) {
      field = name_token.value;
    } else {
      FailHere("expected a field name in the message literal, found " +
               DescribeToken(name_token, text_));
      break;
    }
    Take();
    if (!Expect(TokenKind::kColon, "expected `:` after the field name")) break;
    ExprPtr value = ParseExpr();
    fields.push_back(
        factory_.NewFieldEntry(entry_offset, std::move(field), std::move(value), optional));
    if (!Accept(TokenKind::kComma)) break;
  }
  ExpectClosing(TokenKind::kRBrace, "`}`", "message literal", open, "separate fields with `,`");
  return factory_.NewStruct(qualified.offset, qualified.name, std::move(fields));
}

// An int, uint or double token, negated when a `-` was folded into it. Out-of-range
// values are reported; the node then holds zero.
ExprPtr Grammar::ParseNumber(bool negative, int32_t offset) {
  Token token = Take();
  std::string_view lexeme =
      text_.substr(static_cast<size_t>(token.offset), static_cast<size_t>(token.length));
  std::string shown = (negative ? "-" : "") + std::string(lexeme);
  Constant constant;
  switch (token.kind) {
    case TokenKind::kInt: {
      constant.kind = ConstantKind::kInt;
      if (std::optional<int64_t> value = ParseIntLiteral(lexeme, negative)) {
        constant.int_value = *value;
      } else {
        std::string help;
        if (!negative && ParseUintLiteral(lexeme)) help = "add a `u` suffix for a uint literal";
        diags_.Report(offset, "integer literal `" + shown + "` overflows int64", std::move(help));
      }
      break;
    }
    case TokenKind::kUint: {
      constant.kind = ConstantKind::kUint;
      if (std::optional<uint64_t> value = ParseUintLiteral(lexeme.substr(0, lexeme.size() - 1))) {
        constant.uint_value = *value;
      } else {
        diags_.Report(offset, "unsigned integer literal `" + shown + "` overflows uint64");
      }
      break;
    }
    default: {
      constant.kind = ConstantKind::kDouble;
      if (std::optional<double> value = ParseDoubleLiteral(lexeme, negative)) {
        constant.double_value = *value;
      } else {
        diags_.Report(offset, "double literal `" + shown + "` is out of range");
      }
      break;
    }
  }
  return factory_.NewConstant(offset, std::move(constant));
}

}  // namespace warden::cel::parse_internal
