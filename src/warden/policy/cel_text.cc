#include "warden/policy/cel_text.h"

#include <functional>
#include <set>

#include "warden/base/line_index.h"
#include "warden/cel/parse/parser.h"

namespace warden::policy {

cel::ExprOrigin OriginOf(const Text& text, const std::string& file) {
  SourcePosition where = text.origin.known() ? text.origin : text.position;
  cel::ExprOrigin origin;
  origin.file = file;
  origin.line = where.known() ? where.line : 1;
  origin.column = where.known() && where.column > 0 ? where.column : 1;
  return origin;
}

namespace {

Diagnostic IssueDiagnostic(const char* code, cel::Issue issue, const cel::SourceInfo& source,
                           const cel::ExprOrigin& origin) {
  LineIndex index(source.text);
  SourcePosition pos = index.PositionOf(static_cast<size_t>(issue.offset < 0 ? 0 : issue.offset));
  Diagnostic diagnostic;
  diagnostic.code = code;
  diagnostic.location.file = origin.file;
  diagnostic.location.position.line = origin.line + pos.line - 1;
  diagnostic.location.position.column = pos.line == 1 ? origin.column + pos.column - 1 : pos.column;
  diagnostic.message = issue.message;
  diagnostic.help = issue.help;
  issue.help.clear();
  std::string formatted = cel::FormatIssue(issue, source, origin);
  size_t first_newline = formatted.find('\n');
  diagnostic.snippet =
      first_newline == std::string::npos ? "" : formatted.substr(first_newline + 1);
  return diagnostic;
}

}  // namespace

std::shared_ptr<const cel::Program> CompileCel(const cel::Env& env, const Text& text,
                                               const std::string& file,
                                               const cel::CompileOptions& options,
                                               Diagnostics& diagnostics) {
  cel::ExprOrigin origin = OriginOf(text, file);
  cel::ParseResult parsed = cel::Parse(text.value, options.parse);
  if (!parsed.ok()) {
    for (const cel::Issue& issue : parsed.issues) {
      diagnostics.Add(IssueDiagnostic("E130", issue, parsed.parsed.source, origin));
    }
    return nullptr;
  }
  cel::CompileResult compiled = env.Compile(text.value, options);
  if (!compiled.ok()) {
    for (const cel::Issue& issue : compiled.issues) {
      diagnostics.Add(IssueDiagnostic("E131", issue, compiled.source, origin));
    }
    return nullptr;
  }
  return compiled.program;
}

std::vector<std::string> ReferencedNames(const std::string& expression) {
  cel::ParseResult parsed = cel::Parse(expression);
  std::set<std::string> names;
  if (!parsed.ok() || parsed.parsed.expr == nullptr) return {};
  // Iterative walk: expressions are depth-limited by the parser, but keep it flat anyway.
  std::vector<const cel::Expr*> stack{parsed.parsed.expr.get()};
  while (!stack.empty()) {
    const cel::Expr* expr = stack.back();
    stack.pop_back();
    if (expr == nullptr) continue;
    if (expr->kind == cel::ExprKind::kIdent) names.insert(expr->name);
    if (expr->kind == cel::ExprKind::kSelect && expr->operand != nullptr &&
        expr->operand->kind == cel::ExprKind::kIdent && expr->operand->name == "params") {
      names.insert("params." + expr->name);
    }
    // `params[?"x"]`, `params["x"]`: index calls with a constant key.
    if (expr->kind == cel::ExprKind::kCall && expr->args.size() == 2 &&
        (expr->name == cel::op::kIndex || expr->name == cel::op::kOptIndex ||
         expr->name == cel::op::kOptSelect) &&
        expr->args[0]->kind == cel::ExprKind::kIdent && expr->args[0]->name == "params" &&
        expr->args[1]->kind == cel::ExprKind::kConstant &&
        expr->args[1]->constant.kind == cel::ConstantKind::kString) {
      names.insert("params." + expr->args[1]->constant.string_value);
    }
    stack.push_back(expr->operand.get());
    for (const cel::ExprPtr& arg : expr->args) stack.push_back(arg.get());
    for (const cel::MapEntryExpr& entry : expr->entries) {
      stack.push_back(entry.key.get());
      stack.push_back(entry.value.get());
    }
    stack.push_back(expr->iter_range.get());
    stack.push_back(expr->accu_init.get());
    stack.push_back(expr->loop_condition.get());
    stack.push_back(expr->loop_step.get());
    stack.push_back(expr->result.get());
  }
  return {names.begin(), names.end()};
}

}  // namespace warden::policy
