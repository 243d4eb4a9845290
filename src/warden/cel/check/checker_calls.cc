// CheckerImpl: calls — overload resolution and the forms typed specially.

#include <string>
#include <unordered_map>
#include <utility>

#include "warden/cel/check/checker_impl.h"

namespace warden::cel::check_internal {
namespace {

constexpr std::string_view kBlockFunction = "cel.@block";

// Functions whose calls with three or more arguments are typed like a call with the
// list of the arguments (`math.greatest(a, b, c)` ~ `math.greatest([a, b, c])`).
bool IsVariadicOverList(std::string_view function) {
  return function == "math.greatest" || function == "math.least" || function == "math.@max" ||
         function == "math.@min";
}

bool IsLogicalOperator(std::string_view function) {
  return function == op::kLogicalAnd || function == op::kLogicalOr;
}

// The type parameters of a signature, to be replaced by fresh checker variables.
void CollectParams(const Type& type, std::unordered_map<std::string, Type>& fresh) {
  if (type.IsTypeParam()) {
    fresh.try_emplace(std::string(type.name()), Type::Dyn());
    return;
  }
  for (const Type& param : type.params()) CollectParams(param, fresh);
}

// `type` with its type parameters replaced as `fresh` says.
Type Rename(const Type& type, const std::unordered_map<std::string, Type>& fresh) {
  if (!type.HasTypeParams()) return type;
  if (type.IsTypeParam()) {
    auto it = fresh.find(std::string(type.name()));
    return it == fresh.end() ? type : it->second;
  }
  std::vector<Type> params;
  for (const Type& param : type.params()) params.push_back(Rename(param, fresh));
  return WithParams(type, std::move(params));
}

}  // namespace

void CheckerImpl::VisitCall(const Expr& expr) {
  if (expr.name == op::kOptSelect && !expr.has_receiver()) {
    VisitOptionalSelectCall(expr);
    return;
  }
  if (expr.name == kBlockFunction && !expr.has_receiver()) {
    VisitBlock(expr);
    return;
  }
  std::vector<Type> arg_types;
  for (const ExprPtr& arg : expr.args) {
    Visit(arg.get());
    arg_types.push_back(arg ? TypeOf(*arg) : Type::Error());
  }

  if (!expr.has_receiver()) {
    const FunctionDecl* function = resolver_.FindFunction(expr.name);
    if (function == nullptr) {
      ReportUndeclaredFunction(expr, expr.name);
      return;
    }
    ResolveCall(expr, *function, false, arg_types);
    return;
  }

  // `a.b.f(x)` is either the function `a.b.f` called with x, or `f` called on the value
  // `a.b`; a declared function name wins, unless `a` is a local variable.
  std::optional<std::string> qualified = QualifiedName(*expr.operand);
  if (qualified.has_value() && !RootIsLocal(*qualified)) {
    std::string function_name = *qualified + "." + expr.name;
    if (const FunctionDecl* function = resolver_.FindFunction(function_name)) {
      ResolveCall(expr, *function, false, arg_types, /*namespaced=*/true);
      return;
    }
    // A misspelt namespaced function (`math.greates(x)`): say so rather than reporting
    // `math` as an undeclared variable.
    if (resolver_.IsFunctionNamespace(*qualified) && !resolver_.FindVariable(*qualified) &&
        !resolver_.IsVariableNamespace(*qualified)) {
      std::string root = qualified->substr(0, qualified->find('.', 1));
      if (!resolver_.FindVariable(root)) {
        ReportUndeclaredFunction(expr, function_name);
        return;
      }
    }
  }
  Visit(expr.operand.get());
  arg_types.insert(arg_types.begin(), TypeOf(*expr.operand));
  const FunctionDecl* function = resolver_.FindFunction(expr.name);
  if (function == nullptr) {
    ReportUndeclaredFunction(expr, expr.name);
    return;
  }
  ResolveCall(expr, *function, true, arg_types);
}

void CheckerImpl::ReportUndeclaredFunction(const Expr& expr, const std::string& name) {
  SetType(expr, Type::Error());
  std::string message = "undeclared reference to `" + name + "`";
  if (!resolver_.container().empty()) {
    message += " (in container `" + resolver_.container() + "`)";
  }
  std::string suggestion = resolver_.SuggestFunction(name);
  Report(expr.offset, std::move(message),
         suggestion.empty() ? std::string() : "did you mean `" + suggestion + "`?");
}

void CheckerImpl::ResolveCall(const Expr& expr, const FunctionDecl& function, bool member,
                              const std::vector<Type>& arg_types, bool namespaced) {
  if (IsLogicalOperator(function.name) && !member && arg_types.size() >= 2) {
    // Also covers a flattened `a && b && c`.
    for (const Type& arg_type : arg_types) {
      if (!IsAssignable(subs_, arg_type, Type::Bool())) {
        ReportNoMatchingOverload(expr, function.name, member, arg_types);
        return;
      }
    }
    SetType(expr, Type::Bool());
    SetReference(expr, function.name, {function.overloads.front().id});
    return;
  }
  std::vector<Type> unified_args = arg_types;
  if (IsVariadicOverList(function.name) && !member && arg_types.size() >= 3) {
    std::optional<Type> elem;
    for (const Type& arg_type : arg_types) elem = Join(elem, arg_type);
    unified_args = {Type::List(*elem)};
  }

  std::optional<Type> result;
  std::vector<std::string> overload_ids;
  for (const OverloadDecl& overload : function.overloads) {
    if (overload.member != member || overload.params.size() != unified_args.size()) continue;
    std::unordered_map<std::string, Type> fresh;
    for (const std::string& name : overload.type_params) fresh.try_emplace(name, Type::Dyn());
    for (const Type& param : overload.params) CollectParams(param, fresh);
    CollectParams(overload.result, fresh);
    for (auto& [name, var] : fresh) var = NewTypeVar();
    std::vector<Type> params;
    params.reserve(overload.params.size());
    for (const Type& param : overload.params) params.push_back(Rename(param, fresh));
    if (!IsAssignableList(subs_, unified_args, params)) continue;
    overload_ids.push_back(overload.id);
    Type overload_result = Substitute(subs_, Rename(overload.result, fresh), false);
    if (!result.has_value()) {
      result = std::move(overload_result);
    } else if (!result->IsDyn() && overload_result != *result) {
      result = Type::Dyn();
    }
  }
  if (!result.has_value()) {
    ReportNoMatchingOverload(expr, function.name, member, arg_types);
    return;
  }
  SetType(expr, std::move(*result));
  SetReference(expr, function.name, std::move(overload_ids));
  result_.references[expr.id].namespaced_call = namespaced;
}

void CheckerImpl::ReportNoMatchingOverload(const Expr& expr, std::string_view function, bool member,
                                           const std::vector<Type>& arg_types) {
  SetType(expr, Type::Error());
  // Arguments that failed to check were reported already.
  for (const Type& arg_type : arg_types) {
    if (Substitute(subs_, arg_type, true).IsError()) return;
  }
  std::string signature;
  size_t first_arg = 0;
  if (member && !arg_types.empty()) {
    signature = Show(arg_types[0]) + ".";
    first_arg = 1;
  }
  signature += "(";
  for (size_t arg_idx = first_arg; arg_idx < arg_types.size(); ++arg_idx) {
    if (arg_idx > first_arg) signature += ", ";
    signature += Show(arg_types[arg_idx]);
  }
  signature += ")";
  Report(expr.offset, "found no matching overload for `" + std::string(function) +
                          "` applied to `" + signature + "`");
}

void CheckerImpl::VisitOptionalSelectCall(const Expr& expr) {
  const Expr* field = expr.args.size() == 2 ? expr.args[1].get() : nullptr;
  if (expr.args.size() != 2 || expr.args[0] == nullptr || field == nullptr ||
      field->kind != ExprKind::kConstant || field->constant.kind != ConstantKind::kString) {
    for (const ExprPtr& arg : expr.args) Visit(arg.get());
    Report(expr.offset, "invalid optional field selection",
           "`_?._` takes an operand and a field name");
    SetType(expr, Type::Error());
    return;
  }
  Visit(field);
  Type result = SelectField(expr, *expr.args[0], true);
  SetType(expr, Substitute(subs_, result, false));
  SetReference(expr, op::kOptSelect, {"select_optional_field"});
}

void CheckerImpl::VisitBlock(const Expr& expr) {
  const Expr* bindings = expr.args.size() == 2 ? expr.args[0].get() : nullptr;
  if (bindings == nullptr || bindings->kind != ExprKind::kList || expr.args[1] == nullptr) {
    for (const ExprPtr& arg : expr.args) Visit(arg.get());
    Report(expr.offset, "invalid `cel.block`",
           "`cel.block` takes a list literal of bindings and an expression");
    SetType(expr, Type::Error());
    return;
  }
  // Each binding sees the ones before it as `@index0`, `@index1`, ...
  resolver_.PushScope();
  std::optional<Type> elem;
  for (size_t binding_idx = 0; binding_idx < bindings->args.size(); ++binding_idx) {
    const Expr* binding = bindings->args[binding_idx].get();
    Visit(binding);
    Type binding_type = binding ? TypeOf(*binding) : Type::Error();
    elem = Join(elem, binding_type);
    resolver_.DeclareLocal("@index" + std::to_string(binding_idx), std::move(binding_type));
  }
  SetType(*bindings, Type::List(elem.has_value() ? *elem : Type::Dyn()));
  Visit(expr.args[1].get());
  resolver_.PopScope();
  SetType(expr, TypeOf(*expr.args[1]));
  SetReference(expr, std::string(kBlockFunction), {"cel_block_list"});
}

}  // namespace warden::cel::check_internal
