#include "warden/policy/condition_plan.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>
#include <utility>

#include "warden/policy/compiled.h"

namespace warden::policy {
namespace {

// Slot of a shared variable that may root a plan path. `item`, `index`, `params` and
// `let` names are left to CEL: they change inside a policy or a foreach.
bool PathRoot(const std::string& name, uint32_t& slot) {
  static const SharedSlot kRoots[] = {
      SharedSlot::kObject,   SharedSlot::kInput,   SharedSlot::kSubject,     SharedSlot::kAction,
      SharedSlot::kResource, SharedSlot::kContext, SharedSlot::kEnvironment, SharedSlot::kEnv};
  for (SharedSlot root : kRoots) {
    if (SharedVariableNames()[static_cast<uint32_t>(root)] == name) {
      slot = static_cast<uint32_t>(root);
      return true;
    }
  }
  return false;
}

// `a.b.c` as root slot + fields; false for anything else (has(), optional selects).
bool AsPath(const cel::Expr& expr, PlanPath& path) {
  std::vector<std::string> reversed;
  const cel::Expr* node = &expr;
  while (node->kind == cel::ExprKind::kSelect) {
    if (node->test_only || node->optional_select || node->operand == nullptr) return false;
    reversed.push_back(node->name);
    node = node->operand.get();
  }
  if (node->kind != cel::ExprKind::kIdent || !PathRoot(node->name, path.slot)) return false;
  path.fields.assign(reversed.rbegin(), reversed.rend());
  return true;
}

bool IsString(const cel::Expr& expr) {
  return expr.kind == cel::ExprKind::kConstant && expr.constant.kind == cel::ConstantKind::kString;
}
bool IsInt(const cel::Expr& expr) {
  return expr.kind == cel::ExprKind::kConstant && expr.constant.kind == cel::ConstantKind::kInt;
}

bool IsOperator(const cel::Expr& expr, const char* name, size_t arity) {
  return expr.kind == cel::ExprKind::kCall && expr.operand == nullptr && expr.name == name &&
         expr.args.size() == arity;
}

// The comparison an operator name stands for; `mirrored` for `literal <op> path`.
bool AsCompare(const std::string& name, bool mirrored, PlanCompare& compare) {
  struct Entry {
    const char* name;
    PlanCompare compare;
    PlanCompare mirror;
  };
  static const Entry kEntries[] = {
      {cel::op::kEquals, PlanCompare::kEqual, PlanCompare::kEqual},
      {cel::op::kNotEquals, PlanCompare::kNotEqual, PlanCompare::kNotEqual},
      {cel::op::kLess, PlanCompare::kLess, PlanCompare::kGreater},
      {cel::op::kLessEquals, PlanCompare::kLessEqual, PlanCompare::kGreaterEqual},
      {cel::op::kGreater, PlanCompare::kGreater, PlanCompare::kLess},
      {cel::op::kGreaterEquals, PlanCompare::kGreaterEqual, PlanCompare::kLessEqual},
  };
  for (const Entry& entry : kEntries) {
    if (name == entry.name) {
      compare = mirrored ? entry.mirror : entry.compare;
      return true;
    }
  }
  return false;
}

// The native test one expression is, if it is one. `negated` is set for `path != "s"`,
// which the plan writes as `!(path == "s")`.
bool AsTest(const cel::Expr& expr, PlanTest& test, bool& negated) {
  negated = false;
  if (AsPath(expr, test.path)) {
    test.kind = PlanTestKind::kBool;
    return true;
  }
  if (expr.kind != cel::ExprKind::kCall) return false;
  if (expr.operand != nullptr) {
    // path.startsWith("s"), path.endsWith("s"), path.contains("s")
    if (expr.args.size() != 1 || !IsString(*expr.args[0])) return false;
    if (expr.name == "startsWith") {
      test.kind = PlanTestKind::kStartsWith;
    } else if (expr.name == "endsWith") {
      test.kind = PlanTestKind::kEndsWith;
    } else if (expr.name == "contains") {
      test.kind = PlanTestKind::kContains;
    } else {
      return false;
    }
    if (!AsPath(*expr.operand, test.path)) return false;
    test.strings.push_back(expr.args[0]->constant.string_value);
    return true;
  }
  if (expr.args.size() != 2) return false;
  if (expr.name == cel::op::kIn) {
    const cel::Expr& list = *expr.args[1];
    if (list.kind != cel::ExprKind::kList || !list.optional_indices.empty() ||
        !AsPath(*expr.args[0], test.path)) {
      return false;
    }
    for (const cel::ExprPtr& item : list.args) {
      if (!IsString(*item)) return false;
      test.strings.push_back(item->constant.string_value);
    }
    test.kind = PlanTestKind::kStringIn;
    return true;
  }
  const cel::Expr* path = expr.args[0].get();
  const cel::Expr* literal = expr.args[1].get();
  bool mirrored = false;
  if (IsString(*path) || IsInt(*path)) {
    std::swap(path, literal);
    mirrored = true;
  }
  PlanCompare compare;
  if (!AsCompare(expr.name, mirrored, compare) || !AsPath(*path, test.path)) return false;
  if (IsString(*literal)) {
    if (compare != PlanCompare::kEqual && compare != PlanCompare::kNotEqual) return false;
    test.kind = PlanTestKind::kStringEquals;
    test.strings.push_back(literal->constant.string_value);
    negated = compare == PlanCompare::kNotEqual;
    return true;
  }
  if (IsInt(*literal)) {
    test.kind = PlanTestKind::kIntCompare;
    test.compare = compare;
    test.number = literal->constant.int_value;
    return true;
  }
  return false;
}

// The operands of a chain of one logical operator (`a && b && c`), in source order.
void Operands(cel::ExprPtr expr, const char* name, std::vector<cel::ExprPtr>& out) {
  if (IsOperator(*expr, name, 2)) {
    for (cel::ExprPtr& arg : expr->args) Operands(std::move(arg), name, out);
    return;
  }
  out.push_back(std::move(expr));
}

// The smallest source offset in a sub-expression: where its text starts (an operator
// node's own offset is its operator's, after its left operand).
int32_t StartOffset(const cel::Expr& expr) {
  int32_t start = expr.offset;
  auto visit = [&](const cel::ExprPtr& child) {
    if (child != nullptr) start = std::min(start, StartOffset(*child));
  };
  visit(expr.operand);
  for (const cel::ExprPtr& arg : expr.args) visit(arg);
  for (const cel::MapEntryExpr& entry : expr.entries) {
    visit(entry.key);
    visit(entry.value);
  }
  visit(expr.iter_range);
  return start;
}

// Where the text of `expr` starts in `source`. A namespaced macro such as
// `cel.bind(x, ...)` leaves no node for its namespace (the expansion starts at `.bind`),
// so a start at a `.` moves back over the identifier chain before it.
int32_t SourceStart(const std::string& source, const cel::Expr& expr) {
  int32_t start = StartOffset(expr);
  if (start <= 0 || static_cast<size_t>(start) >= source.size() ||
      source[static_cast<size_t>(start)] != '.') {
    return start;
  }
  auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
  };
  while (start > 0 && is_name(source[static_cast<size_t>(start) - 1])) --start;
  return start;
}

// The source text of a leaf that starts at `begin` and ends before `end` (the next
// operand's start, or the end of the enclosing operand): trailing operators, spaces and
// unbalanced parentheses trimmed. For display only.
std::string LeafText(const std::string& source, int32_t begin, int32_t end) {
  auto b = static_cast<size_t>(std::max(begin, 0));
  auto e = std::min(static_cast<size_t>(std::max(end, begin)), source.size());
  std::string text = b < e ? source.substr(b, e - b) : std::string();
  auto count = [&](char c) { return std::count(text.begin(), text.end(), c); };
  auto ends_with = [&](std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Peel what belongs to the enclosing expression until nothing changes.
  for (bool changed = true; changed && !text.empty();) {
    changed = false;
    size_t first = text.find_first_not_of(" \t\r\n");
    size_t last = text.find_last_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    if (first > 0 || last + 1 < text.size()) {
      text = text.substr(first, last - first + 1);
      changed = true;
    }
    for (std::string_view suffix : {"&&", "||", "!", "("}) {
      if (ends_with(suffix)) {
        text.resize(text.size() - suffix.size());
        changed = true;
      }
    }
    if (!text.empty() && text.back() == ')' && count(')') > count('(')) {
      text.pop_back();
      changed = true;
    }
    if (!text.empty() && text.front() == '(' && count('(') > count(')')) {
      text.erase(0, 1);
      changed = true;
    }
  }
  return text;
}

class Planner {
 public:
  // `native`: turn simple tests into plan tests (condition plans); otherwise every leaf
  // is a program and its source text is kept (coverage circuits).
  Planner(const cel::ParsedExpr& parsed, const cel::Env& env, const cel::CompileOptions& options,
          bool native = true)
      : parsed_(parsed), env_(env), options_(options), native_(native) {}

  // `end`: the source offset where this operand's text ends (for leaf texts).
  void Emit(cel::ExprPtr expr, int32_t end = INT32_MAX) {
    for (const char* name : {cel::op::kLogicalAnd, cel::op::kLogicalOr}) {
      if (!IsOperator(*expr, name, 2)) continue;
      size_t at = Open(name == cel::op::kLogicalAnd ? PlanOp::kAnd : PlanOp::kOr, 0);
      std::vector<cel::ExprPtr> operands;
      Operands(std::move(expr), name, operands);
      for (size_t idx = 0; idx < operands.size(); ++idx) {
        int32_t operand_end =
            idx + 1 < operands.size() ? SourceStart(parsed_.source.text, *operands[idx + 1]) : end;
        Emit(std::move(operands[idx]), operand_end);
      }
      Close(at);
      return;
    }
    if (IsOperator(*expr, cel::op::kLogicalNot, 1)) {
      size_t at = Open(PlanOp::kNot, 0);
      Emit(std::move(expr->args[0]), end);
      Close(at);
      return;
    }
    PlanTest test;
    bool negated = false;
    if (native_ && AsTest(*expr, test, negated)) {
      size_t at = negated ? Open(PlanOp::kNot, 0) : 0;
      Close(Open(PlanOp::kTest, Intern(std::move(test))));
      if (negated) Close(at);
      return;
    }
    if (!native_) {
      leaves_.push_back(
          LeafText(parsed_.source.text, SourceStart(parsed_.source.text, *expr), end));
    }
    cel::ParsedExpr leaf;
    leaf.expr = std::move(expr);
    leaf.source = parsed_.source;
    leaf.next_id = parsed_.next_id;
    cel::CompileResult compiled = env_.CompileParsed(std::move(leaf), options_);
    if (!compiled.ok()) {
      failed_ = true;
      return;
    }
    plan_.programs.push_back(compiled.program);
    Close(Open(PlanOp::kProgram, static_cast<uint32_t>(plan_.programs.size() - 1)));
  }

  // The plan, or an empty one when it would not help or could not be made.
  ConditionPlan Take() {
    if (failed_ || plan_.tests.empty()) return {};
    return std::move(plan_);
  }

  // The coverage circuit, empty when the condition has no logical operator or a leaf
  // does not compile.
  CoverageCircuit TakeCircuit() {
    if (failed_ || plan_.programs.size() < 2) return {};
    return {std::move(plan_), std::move(leaves_)};
  }

 private:
  size_t Open(PlanOp op, uint32_t operand) {
    plan_.steps.push_back({op, operand, 0});
    return plan_.steps.size() - 1;
  }
  void Close(size_t at) { plan_.steps[at].end = static_cast<uint32_t>(plan_.steps.size()); }

  uint32_t Intern(PlanTest test) {
    for (uint32_t test_idx = 0; test_idx < plan_.tests.size(); ++test_idx) {
      if (plan_.tests[test_idx] == test) return test_idx;
    }
    plan_.tests.push_back(std::move(test));
    return static_cast<uint32_t>(plan_.tests.size() - 1);
  }

  const cel::ParsedExpr& parsed_;
  const cel::Env& env_;
  const cel::CompileOptions& options_;
  bool native_;
  ConditionPlan plan_;
  std::vector<std::string> leaves_;
  bool failed_ = false;
};

std::string QuoteString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string DescribeTest(const PlanTest& test) {
  std::string path = SharedVariableNames()[test.path.slot];
  for (const std::string& field : test.path.fields) path += "." + field;
  switch (test.kind) {
    case PlanTestKind::kStringEquals:
      return path + " == " + QuoteString(test.strings[0]);
    case PlanTestKind::kStringIn: {
      std::string out = path + " in [";
      for (size_t idx = 0; idx < test.strings.size(); ++idx) {
        out += (idx == 0 ? "" : ", ") + QuoteString(test.strings[idx]);
      }
      return out + "]";
    }
    case PlanTestKind::kStartsWith:
      return path + ".startsWith(" + QuoteString(test.strings[0]) + ")";
    case PlanTestKind::kEndsWith:
      return path + ".endsWith(" + QuoteString(test.strings[0]) + ")";
    case PlanTestKind::kContains:
      return path + ".contains(" + QuoteString(test.strings[0]) + ")";
    case PlanTestKind::kBool:
      return path;
    case PlanTestKind::kIntCompare: {
      static const char* const kNames[] = {"==", "!=", "<", "<=", ">", ">="};
      return path + " " + kNames[static_cast<int>(test.compare)] + " " +
             std::to_string(test.number);
    }
  }
  return path;
}

std::string DescribeSteps(const ConditionPlan& plan, uint32_t at) {
  const PlanStep& step = plan.steps[at];
  switch (step.op) {
    case PlanOp::kTest:
      return "test(" + DescribeTest(plan.tests[step.operand]) + ")";
    case PlanOp::kProgram:
      return "cel";
    case PlanOp::kAnd:
    case PlanOp::kOr:
    case PlanOp::kNot: {
      std::string out = step.op == PlanOp::kAnd ? "and(" : step.op == PlanOp::kOr ? "or(" : "not(";
      bool first = true;
      for (uint32_t child = at + 1; child < step.end; child = plan.steps[child].end) {
        out += (first ? "" : ", ") + DescribeSteps(plan, child);
        first = false;
      }
      return out + ")";
    }
  }
  return "";
}

}  // namespace

ConditionPlan PlanCondition(cel::ParsedExpr parsed, const cel::Env& env,
                            const cel::CompileOptions& options) {
  if (parsed.expr == nullptr) return {};
  Planner planner(parsed, env, options);
  planner.Emit(std::move(parsed.expr));
  return planner.Take();
}

CoverageCircuit CoverageCircuitOf(cel::ParsedExpr parsed, const cel::Env& env,
                                  const cel::CompileOptions& options) {
  if (parsed.expr == nullptr) return {};
  Planner planner(parsed, env, options, /*native=*/false);
  planner.Emit(std::move(parsed.expr));
  return planner.TakeCircuit();
}

std::string DescribePlan(const ConditionPlan& plan) {
  return plan.empty() ? "" : DescribeSteps(plan, 0);
}

}  // namespace warden::policy
