#include "warden/cel/check/checker.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "warden/cel/check/checker_impl.h"

namespace warden::cel {

CheckResult Check(const ParsedExpr& parsed, const CheckEnv& env) {
  return check_internal::CheckerImpl(parsed, env).Run();
}

namespace check_internal {

CheckerImpl::CheckerImpl(const ParsedExpr& parsed, const CheckEnv& env)
    : parsed_(parsed), resolver_(env) {}

CheckResult CheckerImpl::Run() {
  if (parsed_.expr == nullptr) {
    Report(0, "no expression to check");
    return std::move(result_);
  }
  Visit(parsed_.expr.get());
  for (auto& [id, type] : result_.types) type = Substitute(subs_, type, true);
  result_.result_type = TypeOf(*parsed_.expr);
  std::stable_sort(result_.issues.begin(), result_.issues.end(),
                   [](const Issue& lhs, const Issue& rhs) { return lhs.offset < rhs.offset; });
  return std::move(result_);
}

void CheckerImpl::Visit(const Expr* expr) {
  if (expr == nullptr) return;
  if (depth_ >= kMaxDepth) {
    if (!reported_depth_) {
      reported_depth_ = true;
      Report(expr->offset, "expression is nested too deeply to check");
    }
    SetType(*expr, Type::Error());
    return;
  }
  ++depth_;
  switch (expr->kind) {
    case ExprKind::kConstant:
      VisitConstant(*expr);
      break;
    case ExprKind::kIdent:
      VisitIdent(*expr);
      break;
    case ExprKind::kSelect:
      VisitSelect(*expr);
      break;
    case ExprKind::kCall:
      VisitCall(*expr);
      break;
    case ExprKind::kList:
      VisitList(*expr);
      break;
    case ExprKind::kMap:
      VisitMap(*expr);
      break;
    case ExprKind::kStruct:
      VisitStruct(*expr);
      break;
    case ExprKind::kComprehension:
      VisitComprehension(*expr);
      break;
  }
  --depth_;
}

void CheckerImpl::VisitConstant(const Expr& expr) {
  switch (expr.constant.kind) {
    case ConstantKind::kNull:
      SetType(expr, Type::Null());
      return;
    case ConstantKind::kBool:
      SetType(expr, Type::Bool());
      return;
    case ConstantKind::kInt:
      SetType(expr, Type::Int());
      return;
    case ConstantKind::kUint:
      SetType(expr, Type::Uint());
      return;
    case ConstantKind::kDouble:
      SetType(expr, Type::Double());
      return;
    case ConstantKind::kString:
      SetType(expr, Type::String());
      return;
    case ConstantKind::kBytes:
      SetType(expr, Type::Bytes());
      return;
  }
}

void CheckerImpl::VisitIdent(const Expr& expr) {
  std::string chain = std::move(unresolved_chain_);
  unresolved_chain_.clear();
  if (std::optional<ResolvedVariable> variable = resolver_.FindVariable(expr.name)) {
    SetType(expr, variable->type);
    SetReference(expr, std::move(variable->name));
    return;
  }
  SetType(expr, Type::Error());
  // When the identifier is the root of a dotted name such as `request.auht` and variables
  // live under that root, the dotted name is what the author meant to name: report the
  // longest prefix with a near-miss declared name, or else the whole name.
  std::string_view name = expr.name;
  std::string suggestion;
  if (!chain.empty() && resolver_.IsVariableNamespace(expr.name)) {
    name = chain;
    for (std::string_view prefix = chain; prefix.size() > expr.name.size();) {
      suggestion = resolver_.SuggestVariable(prefix);
      if (!suggestion.empty()) {
        name = prefix;
        break;
      }
      prefix = prefix.substr(0, prefix.rfind('.'));
    }
  }
  if (suggestion.empty()) suggestion = resolver_.SuggestVariable(expr.name);
  std::string message = "undeclared reference to `" + std::string(name) + "`";
  if (!resolver_.container().empty()) {
    message += " (in container `" + resolver_.container() + "`)";
  }
  Report(expr.offset, std::move(message),
         suggestion.empty() ? std::string() : "did you mean `" + suggestion + "`?");
}

void CheckerImpl::VisitSelect(const Expr& expr) {
  if (!expr.test_only && !expr.optional_select) {
    std::optional<std::string> qualified = QualifiedName(expr);
    if (qualified.has_value() && !RootIsLocal(*qualified)) {
      if (std::optional<ResolvedVariable> variable = resolver_.FindVariable(*qualified)) {
        SetType(expr, variable->type);
        SetReference(expr, std::move(variable->name));
        return;
      }
      if (unresolved_chain_.empty()) unresolved_chain_ = *qualified;
    }
  }
  if (expr.operand == nullptr) {
    SetType(expr, Type::Error());
    return;
  }
  Type result = SelectField(expr, *expr.operand, expr.optional_select);
  if (expr.test_only) result = Type::Bool();
  SetType(expr, Substitute(subs_, result, false));
}

Type CheckerImpl::SelectField(const Expr& node, const Expr& operand, bool optional) {
  Visit(&operand);
  unresolved_chain_.clear();
  Type operand_type = Substitute(subs_, TypeOf(operand), false);
  bool operand_optional = operand_type.IsOptional();
  Type target = operand_optional ? operand_type.param(0) : operand_type;
  Type result = Type::Dyn();
  switch (target.kind()) {
    case TypeKind::kMap:
      result = target.param(1);
      break;
    case TypeKind::kTypeParam:
      // Pin the parameter to dyn so that no later use narrows it to a type without fields.
      IsAssignable(subs_, Type::Dyn(), target);
      break;
    case TypeKind::kDyn:
    case TypeKind::kError:
      break;
    default:
      Report(node.offset, "type `" + Show(target) + "` does not support field selection");
      break;
  }
  return operand_optional || optional ? Type::Optional(result) : result;
}

void CheckerImpl::VisitList(const Expr& expr) {
  std::unordered_set<int32_t> optional_indices(expr.optional_indices.begin(),
                                               expr.optional_indices.end());
  std::optional<Type> elem;
  for (size_t elem_idx = 0; elem_idx < expr.args.size(); ++elem_idx) {
    const Expr* element = expr.args[elem_idx].get();
    if (element == nullptr) continue;
    Visit(element);
    bool is_optional = optional_indices.count(static_cast<int32_t>(elem_idx)) > 0;
    elem = Join(elem, is_optional ? UnwrapOptionalEntry(*element) : TypeOf(*element));
  }
  SetType(expr, Type::List(elem.has_value() ? *elem : NewTypeVar()));
}

void CheckerImpl::VisitMap(const Expr& expr) {
  std::optional<Type> key;
  std::optional<Type> value;
  for (const MapEntryExpr& entry : expr.entries) {
    if (entry.key == nullptr || entry.value == nullptr) continue;
    Visit(entry.key.get());
    key = Join(key, TypeOf(*entry.key));
    Visit(entry.value.get());
    value = Join(value, entry.optional ? UnwrapOptionalEntry(*entry.value) : TypeOf(*entry.value));
  }
  if (!key.has_value()) {
    SetType(expr, Type::Map(NewTypeVar(), NewTypeVar()));
    return;
  }
  SetType(expr, Type::Map(*key, *value));
}

void CheckerImpl::VisitStruct(const Expr& expr) {
  Report(expr.offset, "unknown message type `" + expr.message_name + "`",
         "Warden has no message types; use a map literal");
  for (const MapEntryExpr& entry : expr.entries) Visit(entry.value.get());
  SetType(expr, Type::Error());
}

void CheckerImpl::VisitComprehension(const Expr& expr) {
  Visit(expr.iter_range.get());
  Visit(expr.accu_init.get());
  Type range = expr.iter_range ? Substitute(subs_, TypeOf(*expr.iter_range), false) : Type::Dyn();
  Type accu = expr.accu_init ? TypeOf(*expr.accu_init) : Type::Dyn();
  bool two_vars = !expr.iter_var2.empty();

  Type first_var = Type::Error();
  Type second_var = Type::Error();
  switch (range.kind()) {
    case TypeKind::kList:
      first_var = two_vars ? Type::Int() : range.param(0);
      second_var = range.param(0);
      break;
    case TypeKind::kMap:
      first_var = range.param(0);
      second_var = range.param(1);
      break;
    case TypeKind::kDyn:
    case TypeKind::kError:
    case TypeKind::kTypeParam:
      IsAssignable(subs_, Type::Dyn(), range);
      first_var = Type::Dyn();
      second_var = Type::Dyn();
      break;
    default:
      Report(expr.iter_range->offset, "expression of type `" + Show(range) +
                                          "` cannot be the range of a comprehension (must be "
                                          "list, map, or dynamic)");
      break;
  }

  resolver_.PushScope();
  resolver_.DeclareLocal(expr.accu_var, accu);
  resolver_.PushScope();
  resolver_.DeclareLocal(expr.iter_var, first_var);
  if (two_vars) resolver_.DeclareLocal(expr.iter_var2, second_var);
  Visit(expr.loop_condition.get());
  if (expr.loop_condition) Expect(*expr.loop_condition, Type::Bool());
  Visit(expr.loop_step.get());
  if (expr.loop_step) Expect(*expr.loop_step, accu);
  resolver_.PopScope();
  Visit(expr.result.get());
  resolver_.PopScope();
  SetType(expr, expr.result ? Substitute(subs_, TypeOf(*expr.result), false) : Type::Error());
}

Type CheckerImpl::Join(const std::optional<Type>& previous, const Type& current) {
  if (!previous.has_value()) return current;
  if (IsAssignable(subs_, *previous, current)) return MostGeneral(*previous, current);
  return Type::Dyn();
}

Type CheckerImpl::UnwrapOptionalEntry(const Expr& entry) {
  Type type = Substitute(subs_, TypeOf(entry), false);
  if (type.IsOptional()) return type.param(0);
  if (!type.IsDyn() && !type.IsError()) {
    Report(entry.offset,
           "expected type `" + Show(Type::Optional(type)) + "` but found `" + Show(type) + "`",
           "an optional entry (`?x`) needs an optional value");
  }
  return type;
}

void CheckerImpl::Expect(const Expr& expr, const Type& expected) {
  Type actual = TypeOf(expr);
  if (IsAssignable(subs_, expected, actual)) return;
  Report(expr.offset, "expected type `" + Show(expected) + "` but found `" + Show(actual) + "`");
}

std::optional<std::string> CheckerImpl::QualifiedName(const Expr& expr) {
  if (expr.kind == ExprKind::kIdent) return expr.name;
  if (expr.kind != ExprKind::kSelect || expr.test_only || expr.optional_select ||
      expr.operand == nullptr) {
    return std::nullopt;
  }
  std::optional<std::string> prefix = QualifiedName(*expr.operand);
  if (!prefix.has_value()) return std::nullopt;
  return *prefix + "." + expr.name;
}

bool CheckerImpl::RootIsLocal(std::string_view qualified) const {
  if (qualified.empty() || qualified[0] == '.') return false;
  return resolver_.IsLocal(qualified.substr(0, qualified.find('.')));
}

Type CheckerImpl::TypeOf(const Expr& expr) const {
  auto it = result_.types.find(expr.id);
  return it == result_.types.end() ? Type::Error() : it->second;
}

void CheckerImpl::SetType(const Expr& expr, Type type) { result_.types[expr.id] = std::move(type); }

void CheckerImpl::SetReference(const Expr& expr, std::string name,
                               std::vector<std::string> overloads) {
  result_.references[expr.id] = Reference{std::move(name), std::move(overloads), false};
}

Type CheckerImpl::NewTypeVar() { return Type::Param("_var" + std::to_string(next_type_var_++)); }

std::string CheckerImpl::Show(const Type& type) const {
  return Substitute(subs_, type, true).ToString();
}

void CheckerImpl::Report(int32_t offset, std::string message, std::string help) {
  result_.issues.push_back(Issue{offset, std::move(message), std::move(help)});
}

}  // namespace check_internal
}  // namespace warden::cel
