#pragma once
// Grammar: the recursive-descent parser over the lexer's tokens (cel-spec langdef):
//
//   Expr           = ConditionalOr ["?" ConditionalOr ":" Expr]
//   ConditionalOr  = ConditionalAnd {"||" ConditionalAnd}
//   ConditionalAnd = Relation {"&&" Relation}
//   Relation       = Addition {Relop Addition}        Relop = < <= >= > == != in
//   Addition       = Multiplication {("+" | "-") Multiplication}
//   Multiplication = Unary {("*" | "/" | "%") Unary}
//   Unary          = Member | "!" {"!"} Member | "-" {"-"} Member
//   Member         = Primary {"." ["?"] SELECTOR ["(" [ExprList] ")"]
//                             | "[" ["?"] Expr "]" | "{" [FieldInits] [","] "}"}
//   Primary        = ["."] IDENT ["(" [ExprList] ")"] | "(" Expr ")"
//                  | "[" [ListElems] [","] "]" | "{" [MapInits] [","] "}" | LITERAL
//
// where a message literal's `{` may only follow a (leading-dot) qualified name. Left
// associative rules are loops; only nesting recurses, and the recursion depth is
// bounded by ParseOptions::max_nesting_depth. The first syntax error stops the parse
// (Diagnostics::Fail); semantic errors (reserved words, literal ranges, macro
// arguments) are reported and parsing goes on.
//
// Internal to warden/cel/parse.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/cel/parse/diagnostics.h"
#include "warden/cel/parse/expr_factory.h"
#include "warden/cel/parse/lexer.h"

namespace warden::cel::parse_internal {

struct GrammarOptions {
  int32_t max_depth = 250;
  bool enable_macros = true;
  bool enable_optional_syntax = true;
};

class Grammar {
 public:
  Grammar(std::string_view text, std::vector<Token> tokens, GrammarOptions options,
          ExprFactory& factory, Diagnostics& diags);

  // Parses the whole token stream as one expression.
  ExprPtr ParseAll();

 private:
  // A primary that is a plain (possibly leading-dot) dotted name so far, which a `{` may
  // turn into a message literal.
  struct QualifiedName {
    bool valid = false;
    int32_t offset = 0;
    std::string name;
  };

  // Expression levels (grammar.cc).
  ExprPtr ParseExpr();
  ExprPtr ParseOr();
  ExprPtr ParseAnd();
  ExprPtr Balance(const char* function, std::vector<ExprPtr>& terms,
                  const std::vector<int32_t>& ops, size_t lo, size_t hi);
  ExprPtr ParseRelation();
  ExprPtr ParseAddition();
  ExprPtr ParseMultiplication();
  ExprPtr ParseUnary();
  ExprPtr ParseMember();
  ExprPtr ParseMemberSuffixes(ExprPtr operand, QualifiedName qualified);
  ExprPtr ParseSelectOrMemberCall(ExprPtr operand, QualifiedName& qualified);

  // Primaries and literals (grammar_primary.cc).
  ExprPtr ParsePrimary(QualifiedName& qualified);
  ExprPtr ParseIdentOrCall(QualifiedName& qualified);
  ExprPtr ParseList();
  ExprPtr ParseMap();
  ExprPtr ParseStruct(const QualifiedName& qualified);
  ExprPtr ParseNumber(bool negative, int32_t offset);
  // After `(`: the arguments and the closing `)`.
  std::vector<ExprPtr> ParseCallArgs(int32_t open_offset);
  ExprPtr FinishCall(int32_t offset, std::string function, ExprPtr target,
                     std::vector<ExprPtr> args);

  // Token access. Once the Diagnostics stopped, Peek() is the end token.
  const Token& Peek() const { return PeekAt(0); }
  const Token& PeekAt(size_t ahead) const;
  Token Take();
  bool Accept(TokenKind kind);
  bool AtEnd() const { return Peek().kind == TokenKind::kEnd; }

  // Fails at the current token with `message`, or "unexpected <token>" when empty;
  // quietly when the token is a lexical error that was already reported.
  void FailHere(std::string message = {}, std::string help = {});
  // FailHere, then a placeholder node.
  ExprPtr Unexpected(std::string message = {}, std::string help = {});
  // Requires the closing token of a construct opened at `open_offset`, else fails with
  // "expected <closer> to close the <construct> opened at <line>:<column>".
  bool ExpectClosing(TokenKind kind, const char* closer, const char* construct, int32_t open_offset,
                     const char* separator_help);
  bool Expect(TokenKind kind, const char* message);
  // "line:column" of an offset (only computed for messages).
  std::string Position(int32_t offset) const;
  // Reports optional syntax when ParseOptions disabled it; parsing goes on.
  void CheckOptionalSyntax(int32_t offset, const char* syntax);
  ExprPtr Placeholder();

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  GrammarOptions options_;
  ExprFactory& factory_;
  Diagnostics& diags_;
  int32_t depth_ = 0;  // nested ParseExpr calls
  Token end_token_;
};

}  // namespace warden::cel::parse_internal
