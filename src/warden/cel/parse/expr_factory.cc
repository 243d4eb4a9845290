#include "warden/cel/parse/expr_factory.h"

#include <algorithm>
#include <utility>

namespace warden::cel::parse_internal {

int64_t ExprFactory::NextId(int32_t offset) {
  if (next_id_ > max_nodes_) {
    diags_.Fail(offset, "expression is too large after macro expansion",
                "chained optMap()/optFlatMap() calls copy their target; bind it once with "
                "cel.bind()");
  }
  heights_.push_back(1);
  return next_id_++;
}

ExprPtr ExprFactory::New(int32_t offset, ExprKind kind) {
  auto expr = std::make_unique<Expr>();
  expr->id = NextId(offset);
  expr->offset = offset;
  expr->kind = kind;
  return expr;
}

int32_t ExprFactory::HeightOf(const Expr& expr) const {
  size_t index = static_cast<size_t>(expr.id);
  return index < heights_.size() ? heights_[index] : 1;
}

void ExprFactory::Seal(Expr& expr) {
  int32_t tallest = 0;
  auto visit = [&](const ExprPtr& child) {
    if (child != nullptr) tallest = std::max(tallest, HeightOf(*child));
  };
  visit(expr.operand);
  for (const ExprPtr& arg : expr.args) visit(arg);
  for (const MapEntryExpr& entry : expr.entries) {
    visit(entry.key);
    visit(entry.value);
  }
  visit(expr.iter_range);
  visit(expr.accu_init);
  visit(expr.loop_condition);
  visit(expr.loop_step);
  visit(expr.result);
  int32_t height = tallest + 1;
  heights_[static_cast<size_t>(expr.id)] = height;
  if (height > max_height_) {
    diags_.Fail(expr.offset,
                "expression nests too deeply: more than " + std::to_string(max_height_) + " levels",
                "split it up, for example with cel.bind()");
  }
}

ExprPtr ExprFactory::NewConstant(int32_t offset, Constant value) {
  ExprPtr expr = New(offset, ExprKind::kConstant);
  expr->constant = std::move(value);
  return expr;
}

ExprPtr ExprFactory::NewBool(int32_t offset, bool value) {
  Constant constant;
  constant.kind = ConstantKind::kBool;
  constant.bool_value = value;
  return NewConstant(offset, std::move(constant));
}

ExprPtr ExprFactory::NewInt(int32_t offset, int64_t value) {
  Constant constant;
  constant.kind = ConstantKind::kInt;
  constant.int_value = value;
  return NewConstant(offset, std::move(constant));
}

ExprPtr ExprFactory::NewString(int32_t offset, std::string value) {
  Constant constant;
  constant.kind = ConstantKind::kString;
  constant.string_value = std::move(value);
  return NewConstant(offset, std::move(constant));
}

ExprPtr ExprFactory::NewIdent(int32_t offset, std::string name) {
  ExprPtr expr = New(offset, ExprKind::kIdent);
  expr->name = std::move(name);
  return expr;
}

ExprPtr ExprFactory::NewSelect(int32_t offset, ExprPtr operand, std::string field) {
  ExprPtr expr = New(offset, ExprKind::kSelect);
  expr->operand = std::move(operand);
  expr->name = std::move(field);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::NewPresenceTest(int32_t offset, ExprPtr operand, std::string field) {
  ExprPtr expr = NewSelect(offset, std::move(operand), std::move(field));
  expr->test_only = true;
  expr->macro = MacroKind::kHas;
  return expr;
}

ExprPtr ExprFactory::NewCall(int32_t offset, std::string function, std::vector<ExprPtr> args) {
  ExprPtr expr = New(offset, ExprKind::kCall);
  expr->name = std::move(function);
  expr->args = std::move(args);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::NewMemberCall(int32_t offset, std::string function, ExprPtr target,
                                   std::vector<ExprPtr> args) {
  ExprPtr expr = New(offset, ExprKind::kCall);
  expr->name = std::move(function);
  expr->operand = std::move(target);
  expr->args = std::move(args);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::NewList(int32_t offset, std::vector<ExprPtr> elements,
                             std::vector<int32_t> optional_indices) {
  ExprPtr expr = New(offset, ExprKind::kList);
  expr->args = std::move(elements);
  expr->optional_indices = std::move(optional_indices);
  Seal(*expr);
  return expr;
}

MapEntryExpr ExprFactory::NewMapEntry(int32_t offset, ExprPtr key, ExprPtr value, bool optional) {
  MapEntryExpr entry;
  entry.id = NextId(offset);
  entry.offset = offset;
  entry.key = std::move(key);
  entry.value = std::move(value);
  entry.optional = optional;
  return entry;
}

MapEntryExpr ExprFactory::NewFieldEntry(int32_t offset, std::string field, ExprPtr value,
                                        bool optional) {
  MapEntryExpr entry;
  entry.id = NextId(offset);
  entry.offset = offset;
  entry.field = std::move(field);
  entry.value = std::move(value);
  entry.optional = optional;
  return entry;
}

ExprPtr ExprFactory::NewMap(int32_t offset, std::vector<MapEntryExpr> entries) {
  ExprPtr expr = New(offset, ExprKind::kMap);
  expr->entries = std::move(entries);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::NewStruct(int32_t offset, std::string message_name,
                               std::vector<MapEntryExpr> fields) {
  ExprPtr expr = New(offset, ExprKind::kStruct);
  expr->message_name = std::move(message_name);
  expr->entries = std::move(fields);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::NewComprehension(int32_t offset, ComprehensionParts parts) {
  ExprPtr expr = New(offset, ExprKind::kComprehension);
  expr->macro = parts.macro;
  expr->iter_var = std::move(parts.iter_var);
  expr->iter_var2 = std::move(parts.iter_var2);
  expr->iter_range = std::move(parts.iter_range);
  expr->accu_var = std::move(parts.accu_var);
  expr->accu_init = std::move(parts.accu_init);
  expr->loop_condition = std::move(parts.loop_condition);
  expr->loop_step = std::move(parts.loop_step);
  expr->result = std::move(parts.result);
  Seal(*expr);
  return expr;
}

ExprPtr ExprFactory::Copy(const Expr& expr) {
  // Children first, so that ids grow from the leaves up as in a parsed tree. The source
  // tree was sealed, so its height bounds this recursion.
  auto copy_child = [this](const ExprPtr& child) -> ExprPtr {
    return child == nullptr || diags_.stopped() ? nullptr : Copy(*child);
  };
  ExprPtr operand = copy_child(expr.operand);
  std::vector<ExprPtr> args;
  args.reserve(expr.args.size());
  for (const ExprPtr& arg : expr.args) args.push_back(copy_child(arg));
  std::vector<MapEntryExpr> entries;
  entries.reserve(expr.entries.size());
  for (const MapEntryExpr& entry : expr.entries) {
    MapEntryExpr copy;
    copy.key = copy_child(entry.key);
    copy.value = copy_child(entry.value);
    copy.id = NextId(entry.offset);
    copy.offset = entry.offset;
    copy.field = entry.field;
    copy.optional = entry.optional;
    entries.push_back(std::move(copy));
  }
  ExprPtr iter_range = copy_child(expr.iter_range);
  ExprPtr accu_init = copy_child(expr.accu_init);
  ExprPtr loop_condition = copy_child(expr.loop_condition);
  ExprPtr loop_step = copy_child(expr.loop_step);
  ExprPtr result = copy_child(expr.result);

  ExprPtr out = New(expr.offset, expr.kind);
  out->constant = expr.constant;
  out->name = expr.name;
  out->operand = std::move(operand);
  out->test_only = expr.test_only;
  out->optional_select = expr.optional_select;
  out->args = std::move(args);
  out->optional_indices = expr.optional_indices;
  out->entries = std::move(entries);
  out->message_name = expr.message_name;
  out->iter_var = expr.iter_var;
  out->iter_var2 = expr.iter_var2;
  out->accu_var = expr.accu_var;
  out->iter_range = std::move(iter_range);
  out->accu_init = std::move(accu_init);
  out->loop_condition = std::move(loop_condition);
  out->loop_step = std::move(loop_step);
  out->result = std::move(result);
  out->macro = expr.macro;
  Seal(*out);
  return out;
}

}  // namespace warden::cel::parse_internal
