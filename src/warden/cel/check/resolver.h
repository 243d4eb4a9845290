#pragma once
// Resolver: the names visible to one Check call (internal to check/) — global variables
// (the environment's plus the standard type identifiers), functions (standard merged
// with the environment's), and the stack of local scopes that comprehensions,
// `cel.bind` and `cel.block` open. Resolves names against the container the way
// cel-spec's "Name Resolution" describes, and proposes near-miss names for error help.
//
// Borrows the CheckEnv and the standard tables; lives for one Check call.

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "warden/cel/check/checker.h"

namespace warden::cel::check_internal {

// A resolved variable.
struct ResolvedVariable {
  std::string name;  // fully qualified (globals) or plain (locals)
  Type type;
};

class Resolver {
 public:
  explicit Resolver(const CheckEnv& env);
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  const std::string& container() const { return container_; }

  // A variable named `name` (possibly dotted, possibly with a leading dot): a local when
  // `name` is a plain name bound in a scope, else the first declared global among the
  // container candidates.
  std::optional<ResolvedVariable> FindVariable(std::string_view name) const;
  // Whether `name` is a plain name bound in a local scope.
  bool IsLocal(std::string_view name) const;
  // The function named `name`, resolved against the container like variables.
  const FunctionDecl* FindFunction(std::string_view name) const;
  // Whether some function's name starts with `prefix` followed by a dot (`math`).
  bool IsFunctionNamespace(std::string_view prefix) const;
  // Whether some global variable's name starts with `prefix` followed by a dot.
  bool IsVariableNamespace(std::string_view prefix) const;

  void PushScope() { scope_marks_.push_back(locals_.size()); }
  void PopScope();
  void DeclareLocal(std::string name, Type type);

  // The declared name closest to `name` within a small edit distance, or "".
  std::string SuggestVariable(std::string_view name) const;
  std::string SuggestFunction(std::string_view name) const;

 private:
  // Names to try for `name` in the container, most qualified first.
  std::vector<std::string> Candidates(std::string_view name) const;
  const VariableDecl* FindGlobal(std::string_view qualified) const;

  std::string container_;
  std::unordered_map<std::string_view, const VariableDecl*> variables_;
  std::unordered_map<std::string_view, const FunctionDecl*> functions_;
  std::deque<FunctionDecl> merged_functions_;  // standard or repeated names with extras
  // Namespaces of the environment's names (the standard ones are shared statics).
  std::unordered_set<std::string> function_namespaces_;
  std::unordered_set<std::string> variable_namespaces_;
  std::vector<std::pair<std::string, Type>> locals_;
  std::vector<size_t> scope_marks_;
};

// Levenshtein distance between two byte strings (for suggestions).
size_t EditDistance(std::string_view lhs, std::string_view rhs);

}  // namespace warden::cel::check_internal
