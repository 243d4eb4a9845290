#pragma once
// ExprFactory: builds the AST nodes of one parse. It hands out ids (unique, increasing in
// creation order; nodes are made from the leaves up, so a child's id is always below its
// parent's) and enforces the two structural limits that keep every later
// recursive walk (checker, planner, DebugString, destruction) safe:
//
//  * height: a node's height is 1 + its tallest child. A node taller than max_height
//    fails the parse ("expression nests too deeply").
//  * size: at most max_nodes nodes and entries. Only macro expansion can exceed a budget
//    proportional to the source (optMap/optFlatMap copy their target, and chaining them
//    doubles the tree each time), so this fails as "too large after macro expansion".
//
// After a failure the factory still returns well-formed nodes, so callers need no
// special cases; the Diagnostics is stopped and the parser unwinds.
//
// Internal to warden/cel/parse.

#include <cstdint>
#include <string>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/cel/parse/diagnostics.h"

namespace warden::cel::parse_internal {

// Builds an argument vector from move-only pointers: Args(std::move(a), std::move(b)).
template <typename... Ptrs>
std::vector<ExprPtr> Args(Ptrs&&... ptrs) {
  std::vector<ExprPtr> args;
  args.reserve(sizeof...(ptrs));
  (args.push_back(std::forward<Ptrs>(ptrs)), ...);
  return args;
}

class ExprFactory {
 public:
  ExprFactory(Diagnostics& diags, int32_t max_height, int64_t max_nodes)
      : diags_(diags), max_height_(max_height), max_nodes_(max_nodes) {}

  ExprPtr NewConstant(int32_t offset, Constant value);
  ExprPtr NewBool(int32_t offset, bool value);
  ExprPtr NewInt(int32_t offset, int64_t value);
  ExprPtr NewString(int32_t offset, std::string value);
  ExprPtr NewIdent(int32_t offset, std::string name);
  ExprPtr NewSelect(int32_t offset, ExprPtr operand, std::string field);
  ExprPtr NewPresenceTest(int32_t offset, ExprPtr operand, std::string field);
  ExprPtr NewCall(int32_t offset, std::string function, std::vector<ExprPtr> args);
  ExprPtr NewMemberCall(int32_t offset, std::string function, ExprPtr target,
                        std::vector<ExprPtr> args);
  ExprPtr NewList(int32_t offset, std::vector<ExprPtr> elements,
                  std::vector<int32_t> optional_indices = {});
  MapEntryExpr NewMapEntry(int32_t offset, ExprPtr key, ExprPtr value, bool optional);
  MapEntryExpr NewFieldEntry(int32_t offset, std::string field, ExprPtr value, bool optional);
  ExprPtr NewMap(int32_t offset, std::vector<MapEntryExpr> entries);
  ExprPtr NewStruct(int32_t offset, std::string message_name, std::vector<MapEntryExpr> fields);

  struct ComprehensionParts {
    MacroKind macro = MacroKind::kNone;
    std::string iter_var;
    std::string iter_var2;
    ExprPtr iter_range;
    std::string accu_var;
    ExprPtr accu_init;
    ExprPtr loop_condition;
    ExprPtr loop_step;
    ExprPtr result;
  };
  ExprPtr NewComprehension(int32_t offset, ComprehensionParts parts);

  // A deep copy of `expr` with fresh ids (same offsets and macro tags).
  ExprPtr Copy(const Expr& expr);

  // Height of a node made by this factory.
  int32_t HeightOf(const Expr& expr) const;
  // Ids handed out so far are below this.
  int64_t next_id() const { return next_id_; }

 private:
  ExprPtr New(int32_t offset, ExprKind kind);
  int64_t NextId(int32_t offset);
  // Records the height of `expr` from its children and enforces max_height.
  void Seal(Expr& expr);

  Diagnostics& diags_;
  int32_t max_height_;
  int64_t max_nodes_;
  int64_t next_id_ = 1;
  std::vector<int32_t> heights_{0};  // indexed by id; entries and id 0 have height 0
};

}  // namespace warden::cel::parse_internal
