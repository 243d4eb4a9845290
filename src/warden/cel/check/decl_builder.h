#pragma once
// DeclBuilder: the small helper the standard declaration tables are written with
// (internal to check/). Overloads of one function name may be added from several
// libraries; they are merged into one FunctionDecl. Each library contributes through one
// Add*Decls function, defined in its own file.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/cel/check/decls.h"

namespace warden::cel::check_internal {

class DeclBuilder {
 public:
  // Adds `function(params...) -> result`; type parameters are collected from the types.
  void Global(std::string_view function, std::string id, std::vector<Type> params, Type result);
  // Adds `params[0].function(params[1...]) -> result`.
  void Member(std::string_view function, std::string id, std::vector<Type> params, Type result);

  std::vector<FunctionDecl> Take() { return std::move(functions_); }

 private:
  void Add(std::string_view function, OverloadDecl overload);

  std::vector<FunctionDecl> functions_;
  std::unordered_map<std::string, size_t> index_;
};

// Shorthands for the tables.
inline Type TInt() { return Type::Int(); }
inline Type TUint() { return Type::Uint(); }
inline Type TDouble() { return Type::Double(); }
inline Type TBool() { return Type::Bool(); }
inline Type TString() { return Type::String(); }
inline Type TBytes() { return Type::Bytes(); }
inline Type TTimestamp() { return Type::Timestamp(); }
inline Type TDuration() { return Type::Duration(); }
inline Type TDyn() { return Type::Dyn(); }
inline Type TParam(const char* name) { return Type::Param(name); }

// cel-spec standard definitions: operators (logic, equality, arithmetic, ordering,
// indexing, `in`).
void AddOperatorDecls(DeclBuilder& builder);
// cel-spec standard definitions: size, conversions, string and time functions.
void AddFunctionDecls(DeclBuilder& builder);
// The strings, math and encoders extension libraries.
void AddExtensionDecls(DeclBuilder& builder);
// Optional values and the comprehension helpers macro expansions call.
void AddOptionalDecls(DeclBuilder& builder);
// Warden's functions: glob, network (ip, cidr) and semver.
void AddWardenDecls(DeclBuilder& builder);

}  // namespace warden::cel::check_internal
