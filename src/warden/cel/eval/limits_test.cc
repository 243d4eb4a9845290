// Evaluation limits (cost, iterations, memory) and parse limits: exceeding one is an
// error value or a compile issue, never a crash, and a limit error fails the whole
// evaluation even where `||` or `&&` would have absorbed an ordinary error.

#include "warden/cel/eval/limits.h"

#include <gtest/gtest.h>

#include <string>

#include "warden/cel/eval/eval_testing.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

using eval_testing::ExpectErrors;
using eval_testing::ExpectValues;
using eval_testing::Harness;
using eval_testing::kFalse;
using eval_testing::kTrue;

// `[1, 2, ..., count]`
std::string RangeLiteral(int count) {
  std::string out = "[";
  for (int value = 1; value <= count; ++value) {
    if (value > 1) out += ", ";
    out += std::to_string(value);
  }
  return out + "]";
}

// 100 x 100 iterations, each with a multiplication: about 20,000 cost units.
std::string NestedComprehension() {
  std::string range = RangeLiteral(100);
  return range + ".map(i, " + range + ".map(j, i * j)).size() > 0";
}

EvalLimits CostBudget(uint64_t units) {
  EvalLimits limits;
  limits.cost_budget = units;
  return limits;
}
EvalLimits MaxIterations(uint64_t iterations) {
  EvalLimits limits;
  limits.max_iterations = iterations;
  return limits;
}
EvalLimits MaxMemory(size_t bytes) {
  EvalLimits limits;
  limits.max_memory_bytes = bytes;
  return limits;
}

CompileOptions WithLimits(EvalLimits limits) {
  CompileOptions options;
  options.limits = limits;
  return options;
}

TEST(LimitsTest, CostBudgetExceededIsAnError) {
  Harness harness("{}", WithLimits(CostBudget(1000)));
  std::string result = harness.Eval(NestedComprehension());
  EXPECT_NE(result.find("cost budget"), std::string::npos) << result;
}

TEST(LimitsTest, CostBudgetLargeEnoughSucceeds) {
  Harness harness("{}", WithLimits(CostBudget(100'000)));
  EXPECT_EQ(harness.Eval(NestedComprehension()), kTrue);
}

TEST(LimitsTest, StringTestsChargeTheirWork) {
  // startsWith/endsWith/contains with a constant argument take a fast path; it must
  // charge what the registered functions charge (per byte of the strings).
  const std::string bindings = R"({"s": ")" + std::string(5000, 'a') + R"("})";
  const std::string long_prefix = "s.startsWith('" + std::string(2000, 'a') + "')";
  const std::string long_suffix = "s.endsWith('" + std::string(2000, 'a') + "')";
  const std::string long_needle = "s.contains('" + std::string(100, 'a') + "b')";
  Harness tight(bindings, WithLimits(CostBudget(1000)));
  ExpectErrors(tight, {
                          {"s.contains('b')", "cost budget"},
                          {long_needle, "cost budget"},
                          {long_prefix, "cost budget"},
                          {long_suffix, "cost budget"},
                      });
  ExpectValues(tight, {
                          {"s.startsWith('aa')", kTrue},
                          {"s.endsWith('ab')", kFalse},
                          {"'ab'.contains(s)", kFalse},  // a needle longer than the text
                      });
  Harness generous(bindings);
  ExpectValues(generous, {
                             {"s.contains('b')", kFalse},
                             {long_needle, kFalse},  // the linear-time search
                             {"s.contains('" + std::string(100, 'a') + "')", kTrue},
                             {long_prefix, kTrue},
                             {long_suffix, kTrue},
                         });
}

TEST(LimitsTest, IterationLimitIsAnError) {
  Harness harness(R"({"l": )" + RangeLiteral(100) + "}", WithLimits(MaxIterations(50)));
  ExpectErrors(harness,
               {
                   {"l.all(i, i > 0)", "iteration limit"},
                   {"l.map(i, i)", "iteration limit"},
                   {"l.transformList(i, v, v)", "iteration limit"},
                   // Iterations of all comprehensions count together.
                   {"l.filter(i, i <= 30).size() + l.filter(i, i <= 30).size()", "iteration limit"},
               });
  ExpectValues(harness, {
                            {"l.exists(i, i == 10)", kTrue},  // stops after 10 iterations
                            {"l.all(i, i < 5)", kFalse},
                        });
}

TEST(LimitsTest, LoopsThatStopEarlyReturnTheirUnusedIterations) {
  // Each loop reserves its whole range (40) up front and returns what it did not use:
  // 1 + 1 + 30 iterations fit in 50 although 40 + 40 + 40 would not.
  Harness harness(R"({"l": )" + RangeLiteral(40) + "}", WithLimits(MaxIterations(50)));
  ExpectValues(harness, {
                            {"l.exists(i, i == 1) && l.exists(i, i == 1) && "
                             "l.filter(i, i <= 30).size() == 30",
                             kTrue},
                            // The inner loop cannot reserve its range while the outer
                            // holds 40 of 50; it counts element by element instead.
                            {"l.exists(i, l.exists(j, j == 2))", kTrue},
                        });
  ExpectErrors(harness, {
                            // 40 + 40 iterations actually run.
                            {"l.all(i, i > 0) && l.all(i, i > 0)", "iteration limit"},
                        });
}

TEST(LimitsTest, ReservedCostIsRefundedToo) {
  // 40 elements: a loop stopping after one element is charged one unit, not forty.
  Harness harness(R"({"l": )" + RangeLiteral(40) + "}", WithLimits(CostBudget(60)));
  // Three loops of one iteration each leave 57 units: enough for 30 more iterations.
  ExpectValues(harness, {{"l.exists(i, i == 1) && l.exists(i, i == 1) && "
                          "l.exists(i, i == 1) && l.filter(i, i <= 30).size() == 30",
                          kTrue}});
  ExpectErrors(harness, {{"l.all(i, i > 0) && l.all(i, i > 0)", "cost budget exceeded"}});
}

TEST(LimitsTest, MemoryLimitIsAnError) {
  Harness harness(R"({"l": )" + RangeLiteral(100) + "}", WithLimits(MaxMemory(64 * 1024)));
  ExpectErrors(harness, {
                            {"l.map(i, l.map(j, 'abcdefgh' + string(i) + string(j))).size() > 0",
                             "memory limit exceeded"},
                            {"l.map(i, l.map(j, j)).size() > 0", "memory limit exceeded"},
                        });
  EXPECT_EQ(harness.Eval("l.map(i, i * 2).size()"), R"({"int":"100"})");
}

TEST(LimitsTest, TheProgramsMemoryLimitAppliesToAnyEvalState) {
  // The state is shared by programs with different limits: each evaluation uses its own.
  Harness harness(R"({"l": )" + RangeLiteral(100) + "}");
  CompileResult compiled = harness.env().Compile(
      "l.map(i, l.map(j, string(i) + '-' + string(j))).size()", WithLimits(MaxMemory(16 * 1024)));
  CompileResult generous =
      harness.env().Compile("l.map(i, l.map(j, string(i) + '-' + string(j))).size()");
  ASSERT_TRUE(generous.ok());
  ASSERT_TRUE(compiled.ok());
  auto document = data::ReadJson(RangeLiteral(100), "l.json");
  ASSERT_TRUE(document.ok());
  Activation activation(harness.env());
  activation.Bind("l", *document);
  EvalState state;
  Value result = compiled.program->Evaluate(activation, state);
  ASSERT_TRUE(result.is_error());
  EXPECT_EQ(result.error().message, "memory limit exceeded");
  EXPECT_EQ(EncodeTypedValue(generous.program->Evaluate(activation, state)), R"({"int":"100"})");
  EXPECT_TRUE(compiled.program->Evaluate(activation, state).is_error());
}

TEST(LimitsTest, ArrayLargerThanTheWholeArenaIsNotAbsorbed) {
  // 5,000 list items need 80 KB at once, more than the program's whole memory limit: the
  // allocation is refused up front, and that must still fail the evaluation.
  auto document = data::ReadJson(RangeLiteral(5000), "l.json");
  ASSERT_TRUE(document.ok());
  Harness harness(R"({"l": []})");
  CompileResult compiled =
      harness.env().Compile("l.map(i, i).size() > 0 || true", WithLimits(MaxMemory(64 * 1024)));
  ASSERT_TRUE(compiled.ok());
  Activation activation(harness.env());
  activation.Bind("l", *document);
  EvalState state;
  Value result = compiled.program->Evaluate(activation, state);
  ASSERT_TRUE(result.is_error()) << EncodeTypedValue(result);
  EXPECT_EQ(result.error().message, "memory limit exceeded");
}

TEST(LimitsTest, LimitErrorsAreNotAbsorbedByLogicalOperators) {
  std::string huge = NestedComprehension();
  struct Case {
    std::string expr;
    EvalLimits limits;
    const char* error;
  };
  const Case kCases[] = {
      {"(" + huge + ") || true", CostBudget(1000), "cost budget"},
      {"(" + huge + ") && false", CostBudget(1000), "cost budget"},
      {"false || (" + huge + ") || true", CostBudget(1000), "cost budget"},
      {RangeLiteral(100) + ".exists(i, (" + huge + ") || i == 1)", CostBudget(1000), "cost budget"},
      {"(" + huge + ") || true", MaxIterations(100), "iteration limit"},
      {"(" + huge + ") && false", MaxIterations(100), "iteration limit"},
      {"(" + huge + ") || true", MaxMemory(16 * 1024), "memory limit exceeded"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.expr.substr(0, 40) + " " + test.error);
    Harness harness("{}", WithLimits(test.limits));
    std::string result = harness.Eval(test.expr);
    EXPECT_NE(result.find(test.error), std::string::npos) << result;
  }
}

TEST(LimitsTest, ShortCircuitBeforeTheExpensivePartIsNotALimitError) {
  std::string huge = NestedComprehension();
  EvalLimits limits = CostBudget(1000);
  limits.max_iterations = 100;
  Harness harness("{}", WithLimits(limits));
  ExpectValues(harness, {
                            {"true || (" + huge + ")", kTrue},
                            {"false && (" + huge + ")", kFalse},
                            {"true ? 1 : (" + huge + " ? 2 : 3)", R"({"int":"1"})"},
                        });
}

TEST(LimitsTest, DeepExpressionsAreIssuesNotCrashes) {
  auto env = Env::Create();
  env->DeclareVariable("x", Type::Int());
  const int kDepth = 5000;
  std::string parens = std::string(kDepth, '(') + "x" + std::string(kDepth, ')');
  std::string sums = "x";
  std::string negations = std::string(kDepth, '!') + "true";
  std::string lists = std::string(kDepth, '[') + std::string(kDepth, ']');
  std::string selects = "x";
  std::string calls = "x";
  for (int level = 0; level < kDepth; ++level) {
    sums += " + x";
    selects += ".f";
    calls = "int(" + calls + ")";
  }
  std::string oversized = std::string(200'000, ' ') + "x";
  const std::string* kExprs[] = {&parens, &sums, &negations, &lists, &selects, &calls, &oversized};
  for (const std::string* expr : kExprs) {
    SCOPED_TRACE(expr->substr(0, 20));
    CompileResult compiled = env->Compile(*expr);
    EXPECT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.program, nullptr);
    ASSERT_FALSE(compiled.issues.empty());
    EXPECT_FALSE(compiled.FormatIssues().empty());
  }
}

TEST(LimitsTest, ExpressionsWithinTheDepthLimitEvaluate) {
  Harness harness(R"({"x": 1})");
  std::string sums = "x";
  for (int level = 0; level < 199; ++level) sums += " + x";
  EXPECT_EQ(harness.Eval(sums), R"({"int":"200"})");
  std::string parens = std::string(200, '(') + "x" + std::string(200, ')');
  EXPECT_EQ(harness.Eval(parens), R"({"int":"1"})");
}

TEST(LimitsTest, EvalStateReuseGivesIndependentResults) {
  Harness harness(R"({"l": [1, 2, 3], "s": "ab"})", WithLimits(CostBudget(500)));
  std::shared_ptr<const Program> strings = harness.Compile("l.map(i, s + string(i))");
  std::shared_ptr<const Program> sum = harness.Compile("l.map(i, i * 10)[2] + size(s)");
  std::shared_ptr<const Program> failing = harness.Compile("l.map(i, i / (i - 2))");
  ASSERT_NE(strings, nullptr);
  ASSERT_NE(sum, nullptr);
  ASSERT_NE(failing, nullptr);
  const std::string kStrings = R"({"list":[{"string":"ab1"},{"string":"ab2"},{"string":"ab3"}]})";
  // The same state across programs and repetitions, errors in between: every run sees a
  // fresh cost budget and iteration count and an empty arena.
  for (int round = 0; round < 50; ++round) {
    SCOPED_TRACE(round);
    ASSERT_EQ(harness.Run(*strings), kStrings);
    ASSERT_NE(harness.Run(*failing).find("division by zero"), std::string::npos);
    ASSERT_EQ(harness.Run(*sum), R"({"int":"32"})");
  }
}

TEST(LimitsTest, EvalStateRecoversAfterAMemoryLimit) {
  Harness harness(R"({"l": )" + RangeLiteral(100) + "}", WithLimits(MaxMemory(32 * 1024)));
  std::shared_ptr<const Program> big = harness.Compile("l.map(i, l.map(j, j)).size()");
  std::shared_ptr<const Program> small = harness.Compile("l.map(i, i + 1)[99]");
  ASSERT_NE(big, nullptr);
  ASSERT_NE(small, nullptr);
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    EXPECT_NE(harness.Run(*big).find("memory limit exceeded"), std::string::npos);
    EXPECT_EQ(harness.Run(*small), R"({"int":"101"})");
  }
}

}  // namespace
}  // namespace warden::cel
