#include "warden/policy/guards.h"

#include "warden/cel/parse/parser.h"

namespace warden::policy {
namespace {

// Slot of a shared variable that may root a guard.
bool GuardRoot(const std::string& name, uint32_t& slot) {
  static const SharedSlot kRoots[] = {
      SharedSlot::kObject,   SharedSlot::kInput,   SharedSlot::kSubject,     SharedSlot::kAction,
      SharedSlot::kResource, SharedSlot::kContext, SharedSlot::kEnvironment, SharedSlot::kEnv};
  for (SharedSlot root : kRoots) {
    if (SharedVariableNames()[static_cast<uint32_t>(root)] == name) {
      slot = static_cast<uint32_t>(root);
      return true;
    }
  }
  return false;
}

// `a.b.c` as root slot + fields; false for anything else (has(), optional selects).
bool AsPath(const cel::Expr& expr, Guard& guard) {
  std::vector<std::string> reversed;
  const cel::Expr* node = &expr;
  while (node->kind == cel::ExprKind::kSelect) {
    if (node->test_only || node->optional_select || node->operand == nullptr) return false;
    reversed.push_back(node->name);
    node = node->operand.get();
  }
  if (node->kind != cel::ExprKind::kIdent || !GuardRoot(node->name, guard.slot)) return false;
  guard.fields.assign(reversed.rbegin(), reversed.rend());
  return true;
}

bool IsString(const cel::Expr& expr) {
  return expr.kind == cel::ExprKind::kConstant && expr.constant.kind == cel::ConstantKind::kString;
}

// The guard one conjunct expresses, if it is one.
bool AsGuard(const cel::Expr& expr, Guard& guard) {
  if (expr.kind != cel::ExprKind::kCall || expr.operand != nullptr || expr.args.size() != 2) {
    return false;
  }
  if (expr.name == cel::op::kEquals) {
    const cel::Expr* path = expr.args[0].get();
    const cel::Expr* literal = expr.args[1].get();
    if (IsString(*path)) std::swap(path, literal);
    if (!IsString(*literal) || !AsPath(*path, guard)) return false;
    guard.values.push_back(literal->constant.string_value);
    return true;
  }
  if (expr.name == cel::op::kIn) {
    const cel::Expr& list = *expr.args[1];
    if (list.kind != cel::ExprKind::kList || !list.optional_indices.empty() ||
        !AsPath(*expr.args[0], guard)) {
      return false;
    }
    for (const cel::ExprPtr& item : list.args) {
      if (!IsString(*item)) return false;
      guard.values.push_back(item->constant.string_value);
    }
    return true;
  }
  return false;
}

// The top-level conjuncts of `expr`, in source order (moved out of the tree).
void Conjuncts(cel::ExprPtr expr, std::vector<cel::ExprPtr>& out) {
  if (expr->kind == cel::ExprKind::kCall && expr->operand == nullptr &&
      expr->name == cel::op::kLogicalAnd) {
    for (cel::ExprPtr& arg : expr->args) Conjuncts(std::move(arg), out);
    return;
  }
  out.push_back(std::move(expr));
}

}  // namespace

GuardSplit SplitGuards(cel::ParsedExpr parsed) {
  GuardSplit split;
  std::vector<cel::ExprPtr> conjuncts;
  if (parsed.expr != nullptr) Conjuncts(std::move(parsed.expr), conjuncts);
  std::vector<cel::ExprPtr> rest;
  for (cel::ExprPtr& conjunct : conjuncts) {
    Guard guard;
    if (AsGuard(*conjunct, guard)) {
      split.guards.push_back(std::move(guard));
    } else {
      rest.push_back(std::move(conjunct));
    }
  }
  split.residual.source = std::move(parsed.source);
  split.residual.next_id = parsed.next_id;
  for (cel::ExprPtr& conjunct : rest) {
    if (split.residual.expr == nullptr) {
      split.residual.expr = std::move(conjunct);
      continue;
    }
    auto call = std::make_unique<cel::Expr>();
    call->id = split.residual.next_id++;
    call->offset = split.residual.expr->offset;
    call->kind = cel::ExprKind::kCall;
    call->name = cel::op::kLogicalAnd;
    call->args.push_back(std::move(split.residual.expr));
    call->args.push_back(std::move(conjunct));
    split.residual.expr = std::move(call);
  }
  return split;
}

std::vector<Guard> ExtractGuards(const std::string& condition) {
  cel::ParseResult parsed = cel::Parse(condition);
  if (!parsed.ok() || parsed.parsed.expr == nullptr) return {};
  return SplitGuards(std::move(parsed.parsed)).guards;
}

}  // namespace warden::policy
