#pragma once
// Env and Program: the embedding API of the CEL engine.
//
//   auto env = cel::Env::Create();                 // standard library + extensions
//   env->DeclareVariable("object", cel::Type::Dyn());
//   cel::CompileResult compiled = env->Compile("object.spec.replicas > 1");
//   if (!compiled.ok()) print(compiled.FormatIssues({"policy.yaml", 12, 18}));
//   cel::Activation activation(*env);
//   activation.Bind("object", document);
//   cel::EvalState state;                          // one per thread, reused
//   cel::Value result = compiled.program->Evaluate(activation, state);
//
// Compile once, evaluate many: a Program is immutable and may be evaluated from many
// threads at once, each with its own EvalState. An Env is configured first (declare
// variables, set the container) and then only read; Programs keep their Env alive.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/cel/check/decls.h"
#include "warden/cel/check/type.h"
#include "warden/cel/common/ast.h"
#include "warden/cel/common/issue.h"
#include "warden/cel/eval/limits.h"
#include "warden/cel/parse/parser.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

class Program;

struct CompileOptions {
  ParseOptions parse;
  // Run the type checker (undeclared names, overload mismatches are compile errors).
  // Without it, such problems surface as error values at evaluation.
  bool check = true;
  EvalLimits limits;
};

struct CompileResult {
  std::shared_ptr<const Program> program;  // set when issues is empty
  std::vector<Issue> issues;
  SourceInfo source;
  Type type;  // the checked result type (dyn when unchecked)

  bool ok() const { return issues.empty() && program != nullptr; }
  // All issues rendered like a compiler: file:line:column, source line, caret.
  std::string FormatIssues(const ExprOrigin& origin = {}) const;
};

class Env : public std::enable_shared_from_this<Env> {
 public:
  // An environment with the standard library, the strings/math/encoders/optional
  // extensions and Warden's functions (glob, ip/cidr, semver).
  static std::shared_ptr<Env> Create();

  // Declares a variable (qualified names like `a.b.c` are allowed); re-declaring
  // changes its type and keeps its slot. Returns the slot.
  uint32_t DeclareVariable(std::string name, Type type);
  // Declares a function for the checker only (no runtime implementation).
  void DeclareFunction(FunctionDecl decl);
  void set_container(std::string container) { container_ = std::move(container); }
  const std::string& container() const { return container_; }

  std::optional<uint32_t> SlotOf(std::string_view name) const;
  uint32_t slot_count() const { return static_cast<uint32_t>(variables_.size()); }
  const std::vector<VariableDecl>& variables() const { return variables_; }
  const std::vector<FunctionDecl>& extra_functions() const { return functions_; }
  const FunctionRegistry& registry() const;

  CompileResult Compile(std::string_view source, const CompileOptions& options = {}) const;
  // Checks and plans an already parsed expression (e.g. a part of a larger one, with its
  // offsets into the same source text). `options.parse` is unused.
  CompileResult CompileParsed(ParsedExpr parsed, const CompileOptions& options = {}) const;

 private:
  Env() = default;

  std::string container_;
  std::vector<VariableDecl> variables_;
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
  };
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> slots_;
  std::vector<FunctionDecl> functions_;
};

}  // namespace warden::cel
