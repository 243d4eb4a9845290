#include "warden/cel/check/standard_decls.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "warden/cel/check/decl_builder.h"

namespace warden::cel {
namespace check_internal {
namespace {

void CollectTypeParams(const Type& type, std::vector<std::string>& names) {
  if (type.IsTypeParam()) {
    std::string name(type.name());
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    return;
  }
  for (const Type& param : type.params()) CollectTypeParams(param, names);
}

OverloadDecl MakeOverload(std::string id, std::vector<Type> params, Type result, bool member) {
  OverloadDecl overload;
  overload.id = std::move(id);
  overload.params = std::move(params);
  overload.result = std::move(result);
  overload.member = member;
  for (const Type& param : overload.params) CollectTypeParams(param, overload.type_params);
  CollectTypeParams(overload.result, overload.type_params);
  return overload;
}

}  // namespace

void DeclBuilder::Global(std::string_view function, std::string id, std::vector<Type> params,
                         Type result) {
  Add(function, MakeOverload(std::move(id), std::move(params), std::move(result), false));
}

void DeclBuilder::Member(std::string_view function, std::string id, std::vector<Type> params,
                         Type result) {
  Add(function, MakeOverload(std::move(id), std::move(params), std::move(result), true));
}

void DeclBuilder::Add(std::string_view function, OverloadDecl overload) {
  auto [it, inserted] = index_.try_emplace(std::string(function), functions_.size());
  if (inserted) functions_.push_back(FunctionDecl{std::string(function), {}});
  functions_[it->second].overloads.push_back(std::move(overload));
}

}  // namespace check_internal

namespace {

// Built in place (the name index points into `functions`), once, on first use.
struct FunctionTable {
  FunctionTable() {
    check_internal::DeclBuilder builder;
    check_internal::AddOperatorDecls(builder);
    check_internal::AddFunctionDecls(builder);
    check_internal::AddExtensionDecls(builder);
    check_internal::AddOptionalDecls(builder);
    check_internal::AddWardenDecls(builder);
    functions = builder.Take();
    for (const FunctionDecl& function : functions) by_name.emplace(function.name, &function);
  }

  std::vector<FunctionDecl> functions;
  std::unordered_map<std::string_view, const FunctionDecl*> by_name;
};

const FunctionTable& Table() {
  static const FunctionTable table;
  return table;
}

struct TypeIdentifierTable {
  TypeIdentifierTable() {
    const Type described[] = {
        Type::Bool(),
        Type::Bytes(),
        Type::Double(),
        Type::Int(),
        Type::Uint(),
        Type::String(),
        Type::Null(),
        Type::TypeType(),
        Type::List(Type::Dyn()),
        Type::Map(Type::Dyn(), Type::Dyn()),
        Type::Timestamp(),
        Type::Duration(),
        Type::Optional(Type::Dyn()),
        Type::IP(),
        Type::CIDR(),
        Type::Semver(),
    };
    for (const Type& type : described) {
      identifiers.push_back(VariableDecl{std::string(type.name()), Type::TypeOf(type)});
    }
    for (const VariableDecl& decl : identifiers) by_name.emplace(decl.name, &decl);
  }

  std::vector<VariableDecl> identifiers;
  std::unordered_map<std::string_view, const VariableDecl*> by_name;
};

const TypeIdentifierTable& TypeIdentifiers() {
  static const TypeIdentifierTable table;
  return table;
}

}  // namespace

const std::vector<FunctionDecl>& StandardFunctions() { return Table().functions; }

const FunctionDecl* FindStandardFunction(std::string_view name) {
  const auto& by_name = Table().by_name;
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

const std::vector<VariableDecl>& StandardTypeIdentifiers() { return TypeIdentifiers().identifiers; }

const VariableDecl* FindStandardTypeIdentifier(std::string_view name) {
  const auto& by_name = TypeIdentifiers().by_name;
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

}  // namespace warden::cel
