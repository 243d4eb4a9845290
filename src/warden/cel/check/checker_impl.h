#pragma once
// CheckerImpl: the state of one Check call (internal to check/). Walks the AST once,
// depth first, recording a type for every visited node; type parameters stay symbolic
// until the end, when every recorded type is substituted (free parameters become `dyn`).
//
// checker.cc holds the walk over literals, names, selects and comprehensions;
// checker_calls.cc holds calls: overload resolution and the specially typed forms.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/cel/check/checker.h"
#include "warden/cel/check/resolver.h"
#include "warden/cel/check/unify.h"

namespace warden::cel::check_internal {

class CheckerImpl {
 public:
  CheckerImpl(const ParsedExpr& parsed, const CheckEnv& env);

  CheckResult Run();

 private:
  static constexpr int kMaxDepth = 1500;  // see Check() in checker.h

  // --- checker.cc ---------------------------------------------------------------------
  void Visit(const Expr* expr);
  void VisitConstant(const Expr& expr);
  void VisitIdent(const Expr& expr);
  void VisitSelect(const Expr& expr);
  void VisitList(const Expr& expr);
  void VisitMap(const Expr& expr);
  void VisitStruct(const Expr& expr);
  void VisitComprehension(const Expr& expr);

  // Checks `operand` and types a field selected from it (optional_type(...) of it when
  // `optional`, as for `operand.?field`); reports operands without fields at `node`.
  Type SelectField(const Expr& node, const Expr& operand, bool optional);
  // The element type of a literal so far (`previous`, none for the first) joined with
  // the next element's: the more general of the two, or `dyn` when they differ.
  Type Join(const std::optional<Type>& previous, const Type& current);
  // The element type of an optional literal entry (`?x`): T for optional_type(T).
  Type UnwrapOptionalEntry(const Expr& entry);
  // Reports `expr` unless its type unifies with `expected`.
  void Expect(const Expr& expr, const Type& expected);

  // --- checker_calls.cc ---------------------------------------------------------------
  void VisitCall(const Expr& expr);
  void VisitOptionalSelectCall(const Expr& expr);
  void VisitBlock(const Expr& expr);
  // Reports an undeclared function, with a suggestion.
  void ReportUndeclaredFunction(const Expr& expr, const std::string& name);
  // Resolves `function` for the call `expr` whose argument types (receiver first when
  // `member`) are `arg_types`; records the type and reference (marked namespaced when
  // the receiver spelled part of the function name).
  void ResolveCall(const Expr& expr, const FunctionDecl& function, bool member,
                   const std::vector<Type>& arg_types, bool namespaced = false);
  void ReportNoMatchingOverload(const Expr& expr, std::string_view function, bool member,
                                const std::vector<Type>& arg_types);

  // --- helpers ------------------------------------------------------------------------
  // `a.b.c` for a chain of plain selects on an identifier; nullopt otherwise.
  static std::optional<std::string> QualifiedName(const Expr& expr);
  // Whether the first segment of a qualified name is a local variable.
  bool RootIsLocal(std::string_view qualified) const;
  Type TypeOf(const Expr& expr) const;
  void SetType(const Expr& expr, Type type);
  void SetReference(const Expr& expr, std::string name, std::vector<std::string> overloads = {});
  Type NewTypeVar();
  // The type as messages show it: bound parameters substituted, free ones as `dyn`.
  std::string Show(const Type& type) const;
  void Report(int32_t offset, std::string message, std::string help = {});

  const ParsedExpr& parsed_;
  Resolver resolver_;
  Substitutions subs_;
  CheckResult result_;
  int depth_ = 0;
  bool reported_depth_ = false;
  int64_t next_type_var_ = 0;
  // The qualified name an enclosing select chain failed to resolve, for the error on the
  // chain's root identifier.
  std::string unresolved_chain_;
};

}  // namespace warden::cel::check_internal
