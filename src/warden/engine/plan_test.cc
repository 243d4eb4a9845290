// Condition plans and chains (policy/condition_plan.h, engine/plan_runner.h) must decide
// exactly as the CEL programs they stand for. The indexed engine runs plans and chains;
// the linear engine evaluates every condition in full; they must agree on every decision,
// error and explain step, for inputs of every shape (missing fields, wrong types).

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "warden/cel/eval/env.h"
#include "warden/cel/parse/parser.h"
#include "warden/engine/engine.h"
#include "warden/engine/engine_test_util.h"
#include "warden/engine/plan_runner.h"
#include "warden/policy/compile.h"
#include "warden/policy/condition_plan.h"

namespace warden::engine {
namespace {

using namespace test_util;  // NOLINT(google-build-using-namespace): engine_test_util.h

// The plan of one condition (empty when it gets none, or does not parse).
policy::ConditionPlan Plan(const std::string& condition) {
  cel::ParseResult parsed = cel::Parse(condition);
  if (!parsed.ok()) return {};
  std::shared_ptr<cel::Env> env = cel::Env::Create();
  for (const std::string& name : policy::SharedVariableNames()) {
    env->DeclareVariable(name, cel::Type::Dyn());
  }
  return policy::PlanCondition(std::move(parsed.parsed), *env, {});
}

std::string PlanText(const std::string& condition) { return policy::DescribePlan(Plan(condition)); }

TEST(ConditionPlanTest, TestsOfOnePathBecomeNativeTests) {
  EXPECT_EQ(PlanText("action == 'read'"), "test(action == \"read\")");
  EXPECT_EQ(PlanText("'read' == action"), "test(action == \"read\")");
  EXPECT_EQ(PlanText("action != 'read'"), "not(test(action == \"read\"))");
  EXPECT_EQ(PlanText("subject.role in ['a', 'b']"), "test(subject.role in [\"a\", \"b\"])");
  EXPECT_EQ(PlanText("resource.startsWith('x://')"), "test(resource.startsWith(\"x://\"))");
  EXPECT_EQ(PlanText("resource.endsWith('/y')"), "test(resource.endsWith(\"/y\"))");
  EXPECT_EQ(PlanText("resource.contains('z')"), "test(resource.contains(\"z\"))");
  EXPECT_EQ(PlanText("subject.mfa"), "test(subject.mfa)");
  EXPECT_EQ(PlanText("context.risk >= 90"), "test(context.risk >= 90)");
  EXPECT_EQ(PlanText("90 > context.risk"), "test(context.risk < 90)");
  EXPECT_EQ(PlanText("environment == 'prod'"), "test(environment == \"prod\")");
}

TEST(ConditionPlanTest, LogicKeepsItsShapeAndOtherPartsStayCel) {
  EXPECT_EQ(PlanText("a.b == 'x' && (subject.x || !(context.n < 2))"), "");  // `a` is no root
  EXPECT_EQ(PlanText("action == 'a' && (subject.x || !(context.n < 2))"),
            "and(test(action == \"a\"), or(test(subject.x), not(test(context.n < 2))))");
  EXPECT_EQ(PlanText("action == 'a' && action == 'b' && action == 'c'"),
            "and(test(action == \"a\"), test(action == \"b\"), test(action == \"c\"))");
  EXPECT_EQ(PlanText("action == 'a' && size(subject.groups) > 1"),
            "and(test(action == \"a\"), cel)");
}

TEST(ConditionPlanTest, ConditionsWithoutNativeTestsHaveNoPlan) {
  for (const char* condition :
       {"true", "size(action) > 1", "subject.?role == 'admin'", "has(subject.role)",
        "subject['role'] == 'admin'", "action in ['a', 1]", "action in params.allowed",
        "item == 'x'", "index == 'x'", "params.x == 'y'", "action == other", "context.n > 1.5",
        "action.matches('a')", "subject.groups.exists(g, g == 'x')"}) {
    SCOPED_TRACE(condition);
    EXPECT_EQ(PlanText(condition), "");
  }
}

// A chain of three rules keyed by `action` (tested by all three): each copy decides the
// key's tests at build time and must walk to the same rule as the plain copy.
TEST(PlanTableTest, KeyedCopiesWalkLikeThePlainChain) {
  std::vector<policy::ConditionPlan> plans;
  plans.push_back(Plan("action == 'delete' && subject.admin"));
  plans.push_back(Plan("action in ['read', 'list'] && resource.startsWith('public/')"));
  plans.push_back(Plan("action.startsWith('re') || action == 'write'"));
  std::vector<const policy::ConditionPlan*> chain;
  for (const policy::ConditionPlan& plan : plans) {
    ASSERT_FALSE(plan.empty());
    chain.push_back(&plan);
  }
  internal::PlanTable table;
  table.ChooseKey(chain);
  uint32_t slot = table.AddChain(chain, 0);

  struct Case {
    const char* request;
    uint32_t variant;  // 0 plain, 1 another string, 2.. the literals in order of appearance
    internal::PlanResult result;
    uint32_t rule;
  } cases[] = {
      {R"({"action": "delete", "subject": {"admin": true}})", 2, internal::PlanResult::kTrue, 0},
      {R"({"action": "delete", "subject": {"admin": false}})", 2, internal::PlanResult::kFalse, 3},
      {R"({"action": "delete", "subject": {"admin": 1}})", 2, internal::PlanResult::kUnknown, 0},
      {R"({"action": "read", "resource": "public/x"})", 3, internal::PlanResult::kTrue, 1},
      {R"({"action": "read", "resource": "private/x"})", 3, internal::PlanResult::kTrue, 2},
      {R"({"action": "list", "resource": "private/x"})", 4, internal::PlanResult::kFalse, 3},
      {R"({"action": "write"})", 5, internal::PlanResult::kTrue, 2},
      {R"({"action": "rerun"})", 1, internal::PlanResult::kTrue, 2},
      {R"({"action": "stop"})", 1, internal::PlanResult::kFalse, 3},
      {R"({"action": 7})", 0, internal::PlanResult::kUnknown, 0},
      {R"({"subject": {}})", 0, internal::PlanResult::kUnknown, 0},
  };
  cel::Activation activation(*cel::Env::Create());
  cel::EvalState state;
  internal::PlanMemo memo;
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.request);
    RequestInput request = Request(test_case.request);
    internal::PlanRoots roots;
    roots.nodes[static_cast<size_t>(policy::SharedSlot::kSubject)] = request.subject;
    roots.nodes[static_cast<size_t>(policy::SharedSlot::kAction)] = request.action;
    roots.nodes[static_cast<size_t>(policy::SharedSlot::kResource)] = request.resource;
    memo.Begin(table.path_count(), table.field_count());
    uint32_t variant = table.Variant(roots, memo);
    EXPECT_EQ(variant, test_case.variant);
    internal::PlanTable::ChainExit keyed = table.Run(variant, slot, roots, memo, activation, state);
    internal::PlanTable::ChainExit plain = table.Run(0, slot, roots, memo, activation, state);
    EXPECT_EQ(keyed.result, test_case.result);
    EXPECT_EQ(keyed.rule, test_case.rule);
    EXPECT_EQ(plain.result, keyed.result);
    EXPECT_EQ(plain.rule, keyed.rule);
  }
}

// Random bundles of plan-friendly conditions against requests of every shape.
class PlanGenerator {
 public:
  explicit PlanGenerator(uint32_t seed) : random_(seed) {}

  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  const std::string& Pick(const std::vector<std::string>& values) {
    return values[Below(values.size())];
  }

  std::string Atom() {
    static const std::vector<std::string> kAtoms = {
        "subject.role == \"admin\"",
        "\"dev\" == subject.role",
        "subject.role != \"guest\"",
        "subject.role in [\"admin\", \"dev\"]",
        "action == \"data:read\"",
        "action in [\"data:write\", \"data:delete\"]",
        "action.startsWith(\"data:\")",
        "action.endsWith(\":read\")",
        "resource.contains(\"phi\")",
        "resource.startsWith(\"dataset://\")",
        "subject.mfa",
        "context.level >= 3",
        "2 < context.level",
        "context.level == 4",
        "context.level != 1",
        "environment == \"prod\"",
        "env == \"\"",
        "context.missing.x == 1",
        "size(subject.groups) > 1",
        "subject.groups.exists(g, g == \"ops\")",
        "has(subject.role)",
        "context.level + 1 > 3",
        "subject.role in params.roles",
        "is_admin",
    };
    return Pick(kAtoms);
  }

  std::string Condition(int depth) {
    if (depth == 0 || Chance(35)) return Chance(15) ? "!(" + Atom() + ")" : Atom();
    std::string op = Chance(50) ? " && " : " || ";
    std::string out = "(" + Condition(depth - 1);
    size_t operands = 1 + Below(3);
    for (size_t idx = 0; idx < operands; ++idx) out += op + Condition(depth - 1);
    out += ")";
    return Chance(10) ? "!" + out : out;
  }

  std::string PolicyText(size_t number) {
    static const std::vector<std::string> kEffects = {"deny", "deny", "allow", "require_approval",
                                                      "warn", "audit"};
    std::string name = "p" + std::to_string(number);
    std::string spec = "  params:\n    roles: {type: list(string), default: [\"dev\", \"ops\"]}\n";
    spec += "  let:\n    is_admin: 'has(subject.role) && subject.role == \"admin\"'\n";
    if (Chance(15)) spec += "  on_error: allow\n";
    if (Chance(10)) spec += "  enforcement: warn\n";
    if (Chance(10)) spec += "  match: {when: 'has(context.level)'}\n";
    spec += "  rules:\n";
    size_t rules = 2 + Below(7);
    for (size_t rule = 0; rule < rules; ++rule) {
      std::string condition = Condition(2);
      for (char& c : condition) {
        if (c == '\'') c = '"';
      }
      spec += "    - id: r" + std::to_string(rule) + "\n";
      spec += "      effect: " + Pick(kEffects) + "\n";
      spec += "      condition: '" + condition + "'\n";
      spec += "      message: \"" + name + " r" + std::to_string(rule) + " {{action}}\"\n";
    }
    return Policy(name, spec);
  }

  std::string RequestJson() {
    static const std::vector<std::string> kRoles = {R"("admin")", R"("dev")", R"("guest")",
                                                    R"(3)",       R"(null)",  R"(["admin"])"};
    static const std::vector<std::string> kMfa = {"true", "false", R"("yes")", "1"};
    static const std::vector<std::string> kLevels = {"0", "1",   "2",      "3", "4",
                                                     "5", "2.5", R"("3")", "-1"};
    static const std::vector<std::string> kActions = {
        R"("data:read")", R"("data:write")",         R"("data:delete")", R"("job:read")", R"("")",
        R"(7)",           R"({"name": "data:read"})"};
    static const std::vector<std::string> kResources = {
        R"("dataset://phi/a")", R"("dataset://public/x")", R"("bucket://phi")", R"(false)"};
    static const std::vector<std::string> kEnvironments = {"", "prod", "dev"};
    std::string out = "{";
    auto member = [&](std::string& into, const std::string& key, const std::string& value) {
      if (into.size() > 1) into += ", ";
      into += "\"" + key + "\": " + value;
    };
    if (Chance(95)) {
      if (Chance(5)) {
        member(out, "subject", R"("alice")");
      } else {
        std::string subject = "{";
        if (Chance(90)) member(subject, "role", Pick(kRoles));
        if (Chance(90)) member(subject, "mfa", Pick(kMfa));
        if (Chance(70)) member(subject, "groups", Chance(50) ? R"(["ops", "x"])" : R"(["x"])");
        member(out, "subject", subject + "}");
      }
    }
    if (Chance(95)) member(out, "action", Pick(kActions));
    if (Chance(95)) member(out, "resource", Pick(kResources));
    if (Chance(90)) {
      std::string context = "{";
      if (Chance(90)) member(context, "level", Pick(kLevels));
      member(out, "context", context + "}");
    }
    std::string environment = Pick(kEnvironments);
    if (!environment.empty()) member(out, "environment", "\"" + environment + "\"");
    return out + "}";
  }

 private:
  std::mt19937 random_;
};

std::string ExplainText(const std::vector<ExplainStep>& steps) {
  std::string out;
  for (const ExplainStep& step : steps) {
    out += step.policy + "/" + step.rule + " " + step.result + " " + step.note + "\n";
  }
  return out;
}

TEST(PlanDifferentialTest, PlansAndChainsDecideExactlyAsFullConditions) {
  PlanGenerator generator(7);
  std::string policies;
  for (size_t number = 0; number < 12; ++number) {
    if (number > 0) policies += "---\n";
    policies += generator.PolicyText(number);
  }
  std::vector<std::string> requests;
  for (int request = 0; request < 1500; ++request) requests.push_back(generator.RequestJson());

  for (const char* combining : {"first-match", "deny-overrides", "allow-overrides"}) {
    SCOPED_TRACE(combining);
    Engines engines =
        BuildEngines({{"bundle.yaml", std::string(kBundle) +
                                          "spec: {default: deny, combining: " + combining + "}\n"},
                      {"policies.yaml", policies}});
    ASSERT_TRUE(engines.errors.empty()) << engines.errors;
    size_t planned_rules = 0;
    for (const policy::CompiledPolicy& policy : engines.bundle->policies) {
      for (const policy::CompiledRule& rule : policy.rules) planned_rules += !rule.plan.empty();
    }
    // Most generated conditions must get a plan, or the test checks nothing.
    EXPECT_GT(planned_rules, 30u);
    size_t errors = 0, by_rules = 0;
    for (const std::string& json : requests) {
      SCOPED_TRACE(json);
      RequestInput request = Request(json);
      RequestDecision planned = engines.indexed->Decide(request, kOptions);
      RequestDecision full = engines.linear->Decide(request, kOptions);
      ASSERT_EQ(Text(planned), Text(full));
      CompactDecision compact = engines.indexed->DecideCompact(request, kOptions);
      CompactDecision compact_full = engines.linear->DecideCompact(request, kOptions);
      ASSERT_EQ(compact.decision, compact_full.decision);
      ASSERT_EQ(compact.policy, compact_full.policy);
      ASSERT_EQ(compact.rule, compact_full.rule);
      // The compact answer is the full one's.
      ASSERT_EQ(compact.decision, planned.decision);
      ASSERT_EQ(compact.by_default, planned.by_default);
      if (!planned.by_default && !planned.rules.empty()) {
        const policy::CompiledPolicy& deciding = engines.bundle->policies[compact.policy];
        ASSERT_EQ(deciding.name, planned.rules[0].policy);
        ASSERT_EQ(deciding.rules[compact.rule].id, planned.rules[0].rule);
      }
      std::vector<ExplainStep> planned_steps, full_steps;
      engines.indexed->Decide(request, kOptions, &planned_steps);
      engines.linear->Decide(request, kOptions, &full_steps);
      ASSERT_EQ(ExplainText(planned_steps), ExplainText(full_steps));
      errors += full.errors.size();
      by_rules += !full.by_default;
    }
    // The inputs must reach both rules that decide and rules that fail.
    EXPECT_GT(by_rules, requests.size() / 2);
    EXPECT_GT(errors, 50u);
  }
}

}  // namespace
}  // namespace warden::engine
