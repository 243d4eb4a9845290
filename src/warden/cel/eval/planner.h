#pragma once
// Planner: compiles a parsed (and usually checked) expression into a Step tree.
//
// It resolves names once (comprehension variables, declared variables with container
// and qualified-name resolution, type names, qualified function names such as
// `math.greatest`), pre-hashes field names, chooses fast-path steps for common
// operators, compiles constant regular expressions and folds constant subexpressions
// into values stored in the program's arena. Internal to eval/.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "warden/base/arena.h"
#include "warden/cel/common/ast.h"
#include "warden/cel/eval/step.h"

namespace warden::cel {

class Env;

class Planner {
 public:
  // `constants` receives folded values and literal strings; it must live as long as the
  // planned steps (the Program owns both).
  Planner(const Env& env, Arena& constants);

  StepPtr Plan(const Expr& expr);
  // Number of comprehension-variable slots the planned steps use.
  uint32_t local_count() const { return next_local_; }

 private:
  StepPtr PlanConstant(const Constant& constant);
  StepPtr PlanName(const Expr& expr);
  StepPtr PlanSelect(const Expr& expr);
  StepPtr PlanCall(const Expr& expr);
  StepPtr PlanFunction(const Expr& expr);
  StepPtr PlanBlock(const Expr& expr);
  StepPtr PlanList(const Expr& expr);
  StepPtr PlanMap(const Expr& expr);
  StepPtr PlanComprehension(const Expr& expr);
  // A specialised loop for a macro's comprehension, or nullptr (leaving `range`) when
  // the expansion does not have the expected shape.
  StepPtr PlanMacroComprehension(const Expr& expr, StepPtr& range, uint32_t iter_local,
                                 int32_t iter2_local, uint32_t accu_local);
  std::vector<StepPtr> PlanArgs(const std::vector<ExprPtr>& args);

  // Resolves an identifier or a chain of field selections that may name a qualified
  // variable; nullptr when `expr` is not such a chain.
  StepPtr ResolveQualified(const Expr& expr);
  // The dotted name of an Ident/Select chain (`a.b.c`), or empty when it is not one.
  static std::string QualifiedName(const Expr& expr);
  bool IsLocal(std::string_view name) const;
  int64_t FindLocal(std::string_view name) const;
  std::vector<std::string> ContainerCandidates(std::string_view name) const;

  // Replaces `step` by a constant when all of `children` are constant.
  StepPtr FoldIfConstant(StepPtr step, bool children_constant);
  static bool AllConstant(const std::vector<StepPtr>& steps);

  Overloads FindOverloads(std::string_view name, bool receiver_style, size_t arity) const;

  const Env& env_;
  Arena& constants_;
  uint32_t next_local_ = 0;
  std::vector<std::pair<std::string, uint32_t>> scopes_;
};

}  // namespace warden::cel
