#pragma once
// Condition plans: a rule's condition as a small boolean circuit the engine runs without
// the CEL interpreter.
//
// Request conditions are mostly `&&`, `||` and `!` over simple tests of one variable
// path: `action == "data:read"`, `subject.role in ["admin", "dev"]`,
// `resource.startsWith("dataset://")`, `subject.mfa`, `context.risk_score >= 90`. The
// compiler turns those tests into plan tests the engine checks natively (reading each
// path once per input and remembering each test's result), and every other sub-expression
// into its own CEL program (a plan leaf).
//
// A plan is exact by construction: every test is only answered when the value has the
// type the test is written for (a string for string tests, a bool for `subject.mfa`, an
// int for integer comparisons) and the path exists; otherwise the test is "unknown". A
// program leaf is unknown when it gives an error or a non-bool. `&&` is false when any
// operand is false and true when all are true (`||` the mirror), which is CEL's own rule
// for errors in logical operators; when the plan ends unknown, the engine evaluates the
// full condition, which gives the exact error or value.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "warden/cel/common/ast.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"

namespace warden::policy {

// A path below a shared variable (compiled.h, SharedSlot): `subject.role`.
struct PlanPath {
  uint32_t slot = 0;
  std::vector<std::string> fields;

  bool operator==(const PlanPath&) const = default;
};

enum class PlanTestKind : uint8_t {
  kStringEquals,  // path == strings[0]
  kStringIn,      // path in strings
  kStartsWith,    // path.startsWith(strings[0])
  kEndsWith,      // path.endsWith(strings[0])
  kContains,      // path.contains(strings[0])
  kBool,          // path (a bool)
  kIntCompare,    // path <op> number
};

enum class PlanCompare : uint8_t { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

struct PlanTest {
  PlanTestKind kind = PlanTestKind::kBool;
  PlanPath path;
  std::vector<std::string> strings;
  PlanCompare compare = PlanCompare::kEqual;
  int64_t number = 0;

  bool operator==(const PlanTest&) const = default;
};

enum class PlanOp : uint8_t { kTest, kProgram, kAnd, kOr, kNot };

// One step of a plan in prefix order: an operator's operands are the steps after it up to
// `end` (the index after its last step), one operand starting where the previous ends.
struct PlanStep {
  PlanOp op = PlanOp::kTest;
  uint32_t operand = 0;  // kTest: index into tests; kProgram: index into programs
  uint32_t end = 0;
};

struct ConditionPlan {
  std::vector<PlanStep> steps;  // empty: no plan (the condition is evaluated in full)
  std::vector<PlanTest> tests;
  std::vector<std::shared_ptr<const cel::Program>> programs;

  bool empty() const { return steps.empty(); }
};

// The plan of a parsed condition, compiling its leaves in `env`. No plan (empty) when the
// condition has no native test at all, or a leaf does not compile. `parsed` is consumed.
ConditionPlan PlanCondition(cel::ParsedExpr parsed, const cel::Env& env,
                            const cel::CompileOptions& options);

// A condition's `&&` / `||` / `!` structure with every other sub-expression compiled as
// its own program (no native tests), for branch coverage (`warden test --coverage`): the
// engine evaluates it beside the condition and records what each leaf gave. `leaves`
// holds each program leaf's source text, in program order.
struct CoverageCircuit {
  ConditionPlan circuit;  // empty: no logical operator, so nothing beyond the rule itself
  std::vector<std::string> leaves;
};
CoverageCircuit CoverageCircuitOf(cel::ParsedExpr parsed, const cel::Env& env,
                                  const cel::CompileOptions& options);

// The plan as text, for tests and `--explain`: `and(test(action == "a"), not(...))`.
std::string DescribePlan(const ConditionPlan& plan);

}  // namespace warden::policy
