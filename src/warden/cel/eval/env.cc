#include "warden/cel/eval/env.h"

#include "warden/cel/check/checker.h"
#include "warden/cel/eval/planner.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/standard_registry.h"

namespace warden::cel {

std::string CompileResult::FormatIssues(const ExprOrigin& origin) const {
  return cel::FormatIssues(issues, source, origin);
}

std::shared_ptr<Env> Env::Create() { return std::shared_ptr<Env>(new Env()); }

uint32_t Env::DeclareVariable(std::string name, Type type) {
  if (auto it = slots_.find(name); it != slots_.end()) {
    variables_[it->second].type = std::move(type);
    return it->second;
  }
  auto slot = static_cast<uint32_t>(variables_.size());
  slots_.emplace(name, slot);
  variables_.push_back(VariableDecl{std::move(name), std::move(type)});
  return slot;
}

void Env::DeclareFunction(FunctionDecl decl) { functions_.push_back(std::move(decl)); }

std::optional<uint32_t> Env::SlotOf(std::string_view name) const {
  auto it = slots_.find(name);
  if (it == slots_.end()) return std::nullopt;
  return it->second;
}

const FunctionRegistry& Env::registry() const { return StandardRegistry(); }

CompileResult Env::Compile(std::string_view source, const CompileOptions& options) const {
  CompileResult result;
  ParseResult parsed = Parse(source, options.parse);
  if (!parsed.ok()) {
    result.source = parsed.parsed.source;
    result.issues = std::move(parsed.issues);
    return result;
  }
  return CompileParsed(std::move(parsed.parsed), options);
}

CompileResult Env::CompileParsed(ParsedExpr parsed, const CompileOptions& options) const {
  CompileResult result;
  result.source = parsed.source;
  if (options.check) {
    CheckEnv check_env;
    check_env.container = container_;
    check_env.variables = variables_;
    check_env.functions = functions_;
    CheckResult checked = Check(parsed, check_env);
    if (!checked.ok()) {
      result.issues = std::move(checked.issues);
      return result;
    }
    result.type = checked.result_type;
  }
  auto constants = std::make_unique<Arena>();
  Planner planner(*this, *constants);
  StepPtr root = planner.Plan(*parsed.expr);
  result.program =
      std::make_shared<Program>(shared_from_this(), std::move(constants), std::move(root),
                                planner.local_count(), options.limits, result.source);
  return result;
}

}  // namespace warden::cel
