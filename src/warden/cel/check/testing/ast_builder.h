#pragma once
// AstBuilder: builds CEL ASTs by hand for checker tests that must not depend on the
// parser (header-only, test-only). Ids are assigned in creation order, and every node's
// offset is its id, so issues point at distinct, predictable nodes.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "warden/cel/common/ast.h"

namespace warden::cel::testing {

class AstBuilder {
 public:
  ExprPtr Int(int64_t value) {
    ExprPtr expr = New(ExprKind::kConstant);
    expr->constant.kind = ConstantKind::kInt;
    expr->constant.int_value = value;
    return expr;
  }
  ExprPtr Uint(uint64_t value) {
    ExprPtr expr = New(ExprKind::kConstant);
    expr->constant.kind = ConstantKind::kUint;
    expr->constant.uint_value = value;
    return expr;
  }
  ExprPtr Double(double value) {
    ExprPtr expr = New(ExprKind::kConstant);
    expr->constant.kind = ConstantKind::kDouble;
    expr->constant.double_value = value;
    return expr;
  }
  ExprPtr Bool(bool value) {
    ExprPtr expr = New(ExprKind::kConstant);
    expr->constant.kind = ConstantKind::kBool;
    expr->constant.bool_value = value;
    return expr;
  }
  ExprPtr String(std::string value) {
    ExprPtr expr = New(ExprKind::kConstant);
    expr->constant.kind = ConstantKind::kString;
    expr->constant.string_value = std::move(value);
    return expr;
  }
  ExprPtr Null() { return New(ExprKind::kConstant); }
  ExprPtr Ident(std::string name) {
    ExprPtr expr = New(ExprKind::kIdent);
    expr->name = std::move(name);
    return expr;
  }
  ExprPtr Select(ExprPtr operand, std::string field, bool test_only = false) {
    ExprPtr expr = New(ExprKind::kSelect);
    expr->operand = std::move(operand);
    expr->name = std::move(field);
    expr->test_only = test_only;
    return expr;
  }
  template <typename... Args>
  ExprPtr Call(std::string function, Args... args) {
    ExprPtr expr = New(ExprKind::kCall);
    expr->name = std::move(function);
    (expr->args.push_back(std::move(args)), ...);
    return expr;
  }
  template <typename... Args>
  ExprPtr Member(ExprPtr target, std::string function, Args... args) {
    ExprPtr expr = Call(std::move(function), std::move(args)...);
    expr->operand = std::move(target);
    return expr;
  }
  template <typename... Args>
  ExprPtr List(Args... elements) {
    ExprPtr expr = New(ExprKind::kList);
    (expr->args.push_back(std::move(elements)), ...);
    return expr;
  }
  // A map literal from alternating keys and values.
  template <typename... Args>
  ExprPtr Map(Args... keys_and_values) {
    ExprPtr expr = New(ExprKind::kMap);
    std::vector<ExprPtr> flat;
    (flat.push_back(std::move(keys_and_values)), ...);
    for (size_t entry_idx = 0; entry_idx + 1 < flat.size(); entry_idx += 2) {
      MapEntryExpr entry;
      entry.id = next_id_++;
      entry.key = std::move(flat[entry_idx]);
      entry.value = std::move(flat[entry_idx + 1]);
      expr->entries.push_back(std::move(entry));
    }
    return expr;
  }
  ExprPtr Struct(std::string message_name) {
    ExprPtr expr = New(ExprKind::kStruct);
    expr->message_name = std::move(message_name);
    return expr;
  }
  // `range.all(var, predicate)` expanded as the parser does.
  ExprPtr All(ExprPtr range, std::string var, ExprPtr predicate) {
    ExprPtr expr = New(ExprKind::kComprehension);
    expr->iter_var = std::move(var);
    expr->accu_var = "@result";
    expr->iter_range = std::move(range);
    expr->accu_init = Bool(true);
    expr->loop_condition = Call(op::kNotStrictlyFalse, Ident("@result"));
    expr->loop_step = Call(op::kLogicalAnd, Ident("@result"), std::move(predicate));
    expr->result = Ident("@result");
    expr->macro = MacroKind::kAll;
    return expr;
  }
  // `range.map(var, transform)` expanded as the parser does.
  ExprPtr MapMacro(ExprPtr range, std::string var, ExprPtr transform) {
    ExprPtr expr = New(ExprKind::kComprehension);
    expr->iter_var = std::move(var);
    expr->accu_var = "@result";
    expr->iter_range = std::move(range);
    expr->accu_init = List();
    expr->loop_condition = Bool(true);
    expr->loop_step = Call(op::kAdd, Ident("@result"), List(std::move(transform)));
    expr->result = Ident("@result");
    expr->macro = MacroKind::kMap;
    return expr;
  }

  // Wraps a finished tree.
  ParsedExpr Finish(ExprPtr root) {
    ParsedExpr parsed;
    parsed.expr = std::move(root);
    parsed.next_id = next_id_;
    return parsed;
  }

 private:
  ExprPtr New(ExprKind kind) {
    auto expr = std::make_unique<Expr>();
    expr->id = next_id_++;
    expr->offset = static_cast<int32_t>(expr->id);
    expr->kind = kind;
    return expr;
  }

  int64_t next_id_ = 1;
};

}  // namespace warden::cel::testing
