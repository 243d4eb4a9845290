#include "warden/cel/eval/planner.h"

#include <algorithm>

#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/runtime/regex.h"

namespace warden::cel {

namespace {

bool IsCall(const Expr& expr, std::string_view name, size_t arity) {
  return expr.kind == ExprKind::kCall && expr.name == name && expr.args.size() == arity &&
         !expr.has_receiver();
}

bool IsIdent(const Expr& expr, std::string_view name) {
  return expr.kind == ExprKind::kIdent && expr.name == name;
}

// `accu + [element]`: the shape map/filter/transformList macros append with.
const Expr* AppendedElement(const Expr& step, std::string_view accu) {
  if (!IsCall(step, "_+_", 2) || !IsIdent(*step.args[0], accu)) return nullptr;
  const Expr& list = *step.args[1];
  if (list.kind != ExprKind::kList || list.args.size() != 1 || !list.optional_indices.empty()) {
    return nullptr;
  }
  return list.args[0].get();
}

// Names that evaluate to type values when no variable of that name exists.
std::string_view TypeNameValue(std::string_view name) {
  static constexpr std::string_view kTypeNames[] = {"int",
                                                    "uint",
                                                    "double",
                                                    "bool",
                                                    "string",
                                                    "bytes",
                                                    "list",
                                                    "map",
                                                    "null_type",
                                                    "type",
                                                    "optional_type",
                                                    "google.protobuf.Timestamp",
                                                    "google.protobuf.Duration"};
  for (std::string_view type_name : kTypeNames) {
    if (type_name == name) return type_name;
  }
  return {};
}

}  // namespace

Planner::Planner(const Env& env, Arena& constants) : env_(env), constants_(constants) {}

bool Planner::AllConstant(const std::vector<StepPtr>& steps) {
  return std::all_of(steps.begin(), steps.end(),
                     [](const StepPtr& step) { return step->constant() != nullptr; });
}

StepPtr Planner::FoldIfConstant(StepPtr step, bool children_constant) {
  if (!children_constant) return step;
  // Evaluate once with the program's arena; the value then lives as long as the program.
  Activation empty(env_);
  CallContext ctx(constants_, EvalLimits{}.cost_budget);
  Frame frame{empty, nullptr, ctx, EvalLimits{}.max_iterations};
  Value value = step->Eval(frame);
  if (ctx.cost_exceeded() || constants_.exhausted()) return step;
  return MakeConstStep(value);
}

Overloads Planner::FindOverloads(std::string_view name, bool receiver_style, size_t arity) const {
  return env_.registry().Find(name, receiver_style, arity);
}

int64_t Planner::FindLocal(std::string_view name) const {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return -1;
}

bool Planner::IsLocal(std::string_view name) const { return FindLocal(name) >= 0; }

std::vector<std::string> Planner::ContainerCandidates(std::string_view name) const {
  std::vector<std::string> candidates;
  if (!name.empty() && name[0] == '.') {
    candidates.emplace_back(name.substr(1));
    return candidates;
  }
  std::string container = env_.container();
  while (!container.empty()) {
    candidates.push_back(container + "." + std::string(name));
    size_t dot = container.rfind('.');
    container = dot == std::string::npos ? "" : container.substr(0, dot);
  }
  candidates.emplace_back(name);
  return candidates;
}

std::string Planner::QualifiedName(const Expr& expr) {
  if (expr.kind == ExprKind::kIdent) return expr.name;
  if (expr.kind == ExprKind::kSelect && !expr.test_only && !expr.optional_select &&
      expr.operand != nullptr) {
    std::string prefix = QualifiedName(*expr.operand);
    if (prefix.empty()) return prefix;
    return prefix + "." + expr.name;
  }
  return {};
}

StepPtr Planner::ResolveQualified(const Expr& expr) {
  // Collect the chain root.f1.f2...
  std::vector<const Expr*> chain;
  const Expr* node = &expr;
  while (node->kind == ExprKind::kSelect && !node->test_only && !node->optional_select &&
         node->operand != nullptr) {
    chain.push_back(node);
    node = node->operand.get();
  }
  if (node->kind != ExprKind::kIdent) return nullptr;
  std::reverse(chain.begin(), chain.end());  // chain[i] selects field i+1
  const std::string& root = node->name;

  // Selections from chain[from] on, fused into one step; `local` >= 0 reads that
  // comprehension variable directly instead of evaluating `base`.
  auto apply_selects = [&](StepPtr base, size_t from, int64_t local = -1) -> StepPtr {
    if (from >= chain.size())
      return local >= 0 ? MakeLocalStep(static_cast<uint32_t>(local)) : std::move(base);
    std::vector<std::string_view> fields;
    for (size_t select_idx = from; select_idx < chain.size(); ++select_idx) {
      fields.push_back(constants_.CopyString(chain[select_idx]->name));
    }
    bool constant = base != nullptr && base->constant() != nullptr;
    return FoldIfConstant(MakeSelectPathStep(std::move(base), local, std::move(fields), false),
                          constant);
  };

  // Comprehension variables shadow everything else.
  int64_t local = root.empty() || root[0] == '.' ? -1 : FindLocal(root);
  if (local >= 0) return apply_selects(nullptr, 0, local);

  // Longest qualified name first, each tried in every container candidate.
  std::string qualified = root;
  std::vector<std::string> prefixes{qualified};
  for (const Expr* select : chain) {
    qualified += "." + select->name;
    prefixes.push_back(qualified);
  }
  for (size_t length = prefixes.size(); length-- > 0;) {
    for (const std::string& candidate : ContainerCandidates(prefixes[length])) {
      if (std::optional<uint32_t> slot = env_.SlotOf(candidate)) {
        return apply_selects(MakeSlotStep(*slot, candidate), length);
      }
    }
  }
  // Type names used as values: `int`, `google.protobuf.Timestamp`, ...
  for (size_t length = prefixes.size(); length-- > 0;) {
    std::string_view name = prefixes[length];
    if (!name.empty() && name[0] == '.') name.remove_prefix(1);
    std::string_view type_name = TypeNameValue(name);
    if (!type_name.empty()) return apply_selects(MakeConstStep(Value::Type(type_name)), length);
  }
  std::string name = root[0] == '.' ? root.substr(1) : root;
  return apply_selects(MakeNameStep(name), 0);
}

StepPtr Planner::Plan(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kConstant:
      return PlanConstant(expr.constant);
    case ExprKind::kIdent:
      return ResolveQualified(expr);
    case ExprKind::kSelect:
      return PlanSelect(expr);
    case ExprKind::kCall:
      return PlanCall(expr);
    case ExprKind::kList:
      return PlanList(expr);
    case ExprKind::kMap:
      return PlanMap(expr);
    case ExprKind::kStruct: {
      ValueFactory factory(constants_);
      return MakeConstStep(factory.MakeError("unknown message type `" + expr.message_name + "`"));
    }
    case ExprKind::kComprehension:
      return PlanComprehension(expr);
  }
  return MakeConstStep(Value::Null());
}

StepPtr Planner::PlanConstant(const Constant& constant) {
  switch (constant.kind) {
    case ConstantKind::kNull:
      return MakeConstStep(Value::Null());
    case ConstantKind::kBool:
      return MakeConstStep(Value::Bool(constant.bool_value));
    case ConstantKind::kInt:
      return MakeConstStep(Value::Int(constant.int_value));
    case ConstantKind::kUint:
      return MakeConstStep(Value::Uint(constant.uint_value));
    case ConstantKind::kDouble:
      return MakeConstStep(Value::Double(constant.double_value));
    case ConstantKind::kString:
      return MakeConstStep(Value::String(constants_.CopyString(constant.string_value)));
    case ConstantKind::kBytes:
      return MakeConstStep(Value::Bytes(constants_.CopyString(constant.string_value)));
  }
  return MakeConstStep(Value::Null());
}

StepPtr Planner::PlanSelect(const Expr& expr) {
  if (!expr.test_only && !expr.optional_select) {
    if (StepPtr resolved = ResolveQualified(expr)) return resolved;
  }
  if (expr.test_only) {
    // has(x.a.b): one path step that tests presence of the last field.
    StepPtr operand = Plan(*expr.operand);
    bool constant = operand->constant() != nullptr;
    return FoldIfConstant(
        ExtendSelectPath(std::move(operand), constants_.CopyString(expr.name), true), constant);
  }
  StepPtr operand = Plan(*expr.operand);
  bool constant = operand->constant() != nullptr;
  std::string_view field = constants_.CopyString(expr.name);
  StepPtr step = expr.optional_select ? MakeOptSelectStep(std::move(operand), field)
                                      : MakeSelectStep(std::move(operand), field, expr.test_only);
  return FoldIfConstant(std::move(step), constant);
}

std::vector<StepPtr> Planner::PlanArgs(const std::vector<ExprPtr>& args) {
  std::vector<StepPtr> steps;
  steps.reserve(args.size());
  for (const ExprPtr& arg : args) steps.push_back(Plan(*arg));
  return steps;
}

StepPtr Planner::PlanCall(const Expr& expr) {
  const std::string& name = expr.name;
  const size_t arity = expr.args.size();
  if (!expr.has_receiver()) {
    if ((name == op::kLogicalAnd || name == op::kLogicalOr) && arity == 2) {
      // Flatten chains of the same operator into one n-ary step.
      std::vector<StepPtr> operands;
      std::vector<const Expr*> pending{expr.args[1].get(), expr.args[0].get()};
      while (!pending.empty()) {
        const Expr* operand = pending.back();
        pending.pop_back();
        if (IsCall(*operand, name, 2)) {
          pending.push_back(operand->args[1].get());
          pending.push_back(operand->args[0].get());
        } else {
          operands.push_back(Plan(*operand));
        }
      }
      bool constant = AllConstant(operands);
      StepPtr step = name == op::kLogicalAnd ? MakeAndStep(std::move(operands))
                                             : MakeOrStep(std::move(operands));
      return FoldIfConstant(std::move(step), constant);
    }
    if (name == op::kConditional && arity == 3) {
      std::vector<StepPtr> args = PlanArgs(expr.args);
      bool constant = AllConstant(args);
      StepPtr step = MakeTernaryStep(std::move(args[0]), std::move(args[1]), std::move(args[2]));
      return FoldIfConstant(std::move(step), constant);
    }
    if (name == op::kLogicalNot && arity == 1) {
      StepPtr operand = Plan(*expr.args[0]);
      bool constant = operand->constant() != nullptr;
      return FoldIfConstant(MakeNotStep(std::move(operand)), constant);
    }
    if (name == op::kNotStrictlyFalse && arity == 1) {
      return MakeNotStrictlyFalseStep(Plan(*expr.args[0]));
    }
    if ((name == op::kEquals || name == op::kNotEquals) && arity == 2) {
      std::vector<StepPtr> args = PlanArgs(expr.args);
      bool constant = AllConstant(args);
      StepPtr step = MakeEqualsStep(std::move(args[0]), std::move(args[1]), name == op::kNotEquals);
      return FoldIfConstant(std::move(step), constant);
    }
    static const std::pair<std::string_view, CompareOp> kCompares[] = {
        {op::kLess, CompareOp::kLess},
        {op::kLessEquals, CompareOp::kLessEquals},
        {op::kGreater, CompareOp::kGreater},
        {op::kGreaterEquals, CompareOp::kGreaterEquals}};
    for (const auto& [op_name, compare] : kCompares) {
      if (name == op_name && arity == 2) {
        std::vector<StepPtr> args = PlanArgs(expr.args);
        bool constant = AllConstant(args);
        StepPtr step = MakeCompareStep(compare, std::move(args[0]), std::move(args[1]),
                                       FindOverloads(name, false, 2));
        return FoldIfConstant(std::move(step), constant);
      }
    }
    static const std::pair<std::string_view, ArithOp> kArithmetic[] = {
        {op::kAdd, ArithOp::kAdd},
        {op::kSubtract, ArithOp::kSubtract},
        {op::kMultiply, ArithOp::kMultiply},
        {op::kDivide, ArithOp::kDivide},
        {op::kModulo, ArithOp::kModulo}};
    for (const auto& [op_name, arith] : kArithmetic) {
      if (name == op_name && arity == 2) {
        std::vector<StepPtr> args = PlanArgs(expr.args);
        bool constant = AllConstant(args);
        StepPtr step = MakeArithmeticStep(arith, std::move(args[0]), std::move(args[1]),
                                          FindOverloads(name, false, 2));
        return FoldIfConstant(std::move(step), constant);
      }
    }
    if ((name == op::kIndex || name == op::kOptIndex) && arity == 2) {
      std::vector<StepPtr> args = PlanArgs(expr.args);
      bool constant = AllConstant(args);
      StepPtr step = name == op::kIndex ? MakeIndexStep(std::move(args[0]), std::move(args[1]))
                                        : MakeOptIndexStep(std::move(args[0]), std::move(args[1]));
      return FoldIfConstant(std::move(step), constant);
    }
    if (name == op::kOptSelect && arity == 2 && expr.args[1]->kind == ExprKind::kConstant) {
      StepPtr operand = Plan(*expr.args[0]);
      bool constant = operand->constant() != nullptr;
      std::string_view field = constants_.CopyString(expr.args[1]->constant.string_value);
      return FoldIfConstant(MakeOptSelectStep(std::move(operand), field), constant);
    }
    if (name == op::kIn && arity == 2) {
      std::vector<StepPtr> args = PlanArgs(expr.args);
      const Value* list = args[1]->constant();
      if (list != nullptr && list->kind() == ValueKind::kList && args[0]->constant() == nullptr) {
        std::vector<Value> elements;
        for (uint32_t item_idx = 0; item_idx < list->list_size(); ++item_idx) {
          elements.push_back(list->list_item(item_idx));
        }
        return MakeInConstListStep(std::move(args[0]), std::move(elements));
      }
      bool constant = AllConstant(args);
      return FoldIfConstant(MakeCallStep(name, std::move(args), FindOverloads(name, false, 2)),
                            constant);
    }
  }
  return PlanFunction(expr);
}

StepPtr Planner::PlanBlock(const Expr& expr) {
  // cel.@block([b0, b1, ...], body): slot n is visible as `@index<n>` to later slots and
  // to the body.
  const Expr& slots = *expr.args[0];
  const size_t outer_scopes = scopes_.size();
  std::vector<uint32_t> locals;
  std::vector<StepPtr> bindings;
  for (size_t slot_idx = 0; slot_idx < slots.args.size(); ++slot_idx) {
    bindings.push_back(Plan(*slots.args[slot_idx]));
    locals.push_back(next_local_++);
    scopes_.emplace_back("@index" + std::to_string(slot_idx), locals.back());
  }
  StepPtr body = Plan(*expr.args[1]);
  scopes_.resize(outer_scopes);
  return MakeBlockStep(std::move(locals), std::move(bindings), std::move(body));
}

StepPtr Planner::PlanFunction(const Expr& expr) {
  const std::string& name = expr.name;
  if (name == "cel.@block" && !expr.has_receiver() && expr.args.size() == 2 &&
      expr.args[0]->kind == ExprKind::kList) {
    return PlanBlock(expr);
  }
  if (expr.has_receiver()) {
    // `math.greatest(...)`: a receiver that is a qualified name but no variable may be
    // the namespace of a global function.
    std::string qualifier = QualifiedName(*expr.operand);
    if (!qualifier.empty() && !IsLocal(qualifier.substr(0, qualifier.find('.')))) {
      bool is_variable = false;
      for (const std::string& candidate : ContainerCandidates(qualifier)) {
        if (env_.SlotOf(candidate)) is_variable = true;
      }
      std::string global = (qualifier[0] == '.' ? qualifier.substr(1) : qualifier) + "." + name;
      if (!is_variable && env_.registry().HasFunction(global)) {
        std::vector<StepPtr> args = PlanArgs(expr.args);
        bool constant = AllConstant(args);
        Overloads overloads = FindOverloads(global, false, args.size());
        return FoldIfConstant(MakeCallStep(global, std::move(args), std::move(overloads)),
                              constant);
      }
    }
    if ((name == "or" || name == "orValue") && expr.args.size() == 1) {
      return MakeOptionalOrStep(Plan(*expr.operand), Plan(*expr.args[0]), name == "orValue");
    }
    StepPtr receiver = Plan(*expr.operand);
    if (expr.args.size() == 1 && expr.args[0]->kind == ExprKind::kConstant &&
        expr.args[0]->constant.kind == ConstantKind::kString && receiver->constant() == nullptr) {
      const std::string& arg = expr.args[0]->constant.string_value;
      static const std::pair<std::string_view, StringTest> kTests[] = {
          {"startsWith", StringTest::kStartsWith},
          {"endsWith", StringTest::kEndsWith},
          {"contains", StringTest::kContains}};
      for (const auto& [test_name, test] : kTests) {
        if (name == test_name) {
          return MakeStringTestStep(test, std::move(receiver),
                                    Value::String(constants_.CopyString(arg)),
                                    FindOverloads(name, true, 2));
        }
      }
      if (name == "matches") {
        auto regex = Regex::Compile(arg, kDefaultMaxRegexProgramSize);
        if (regex.ok()) {
          return MakeMatchesStep(std::move(receiver),
                                 std::shared_ptr<const Regex>(std::move(*regex)));
        }
      }
    }
    std::vector<StepPtr> args;
    args.push_back(std::move(receiver));
    for (const ExprPtr& arg : expr.args) args.push_back(Plan(*arg));
    bool constant = AllConstant(args);
    Overloads overloads = FindOverloads(name, true, args.size());
    return FoldIfConstant(MakeCallStep(name, std::move(args), std::move(overloads)), constant);
  }
  std::vector<StepPtr> args = PlanArgs(expr.args);
  if (name == "matches" && args.size() == 2 && expr.args[1]->kind == ExprKind::kConstant &&
      expr.args[1]->constant.kind == ConstantKind::kString && args[0]->constant() == nullptr) {
    auto regex = Regex::Compile(expr.args[1]->constant.string_value, kDefaultMaxRegexProgramSize);
    if (regex.ok()) {
      return MakeMatchesStep(std::move(args[0]), std::shared_ptr<const Regex>(std::move(*regex)));
    }
  }
  bool constant = AllConstant(args);
  Overloads overloads = FindOverloads(name, false, args.size());
  return FoldIfConstant(MakeCallStep(name, std::move(args), std::move(overloads)), constant);
}

StepPtr Planner::PlanList(const Expr& expr) {
  std::vector<StepPtr> elements = PlanArgs(expr.args);
  std::vector<bool> optional(elements.size(), false);
  for (int32_t index : expr.optional_indices) {
    if (index >= 0 && static_cast<size_t>(index) < optional.size())
      optional[static_cast<size_t>(index)] = true;
  }
  bool constant = AllConstant(elements);
  return FoldIfConstant(MakeListStep(std::move(elements), std::move(optional)), constant);
}

StepPtr Planner::PlanMap(const Expr& expr) {
  std::vector<StepPtr> keys;
  std::vector<StepPtr> values;
  std::vector<bool> optional;
  bool constant = true;
  for (const MapEntryExpr& entry : expr.entries) {
    keys.push_back(Plan(*entry.key));
    values.push_back(Plan(*entry.value));
    optional.push_back(entry.optional);
    constant =
        constant && keys.back()->constant() != nullptr && values.back()->constant() != nullptr;
  }
  return FoldIfConstant(MakeMapStep(std::move(keys), std::move(values), std::move(optional)),
                        constant);
}

StepPtr Planner::PlanComprehension(const Expr& expr) {
  StepPtr range = Plan(*expr.iter_range);
  const uint32_t iter_local = next_local_++;
  const int32_t iter2_local = expr.iter_var2.empty() ? -1 : static_cast<int32_t>(next_local_++);
  const uint32_t accu_local = next_local_++;

  if (expr.macro == MacroKind::kBind || expr.macro == MacroKind::kOptMap ||
      expr.macro == MacroKind::kOptFlatMap) {
    // cel.bind(name, init, body): the initialiser does not see the bound name.
    StepPtr init = Plan(*expr.accu_init);
    scopes_.emplace_back(expr.accu_var, accu_local);
    StepPtr body = Plan(*expr.result);
    scopes_.pop_back();
    return MakeBindStep(accu_local, std::move(init), std::move(body));
  }

  StepPtr accu_init = Plan(*expr.accu_init);
  const size_t outer_scopes = scopes_.size();
  scopes_.emplace_back(expr.accu_var, accu_local);
  scopes_.emplace_back(expr.iter_var, iter_local);
  if (iter2_local >= 0) scopes_.emplace_back(expr.iter_var2, static_cast<uint32_t>(iter2_local));

  StepPtr macro = PlanMacroComprehension(expr, range, iter_local, iter2_local, accu_local);
  if (macro != nullptr) {
    scopes_.resize(outer_scopes);
    return macro;
  }
  ComprehensionPlan plan;
  plan.iter_local = iter_local;
  plan.iter2_local = iter2_local;
  plan.accu_local = accu_local;
  plan.accu_init = std::move(accu_init);
  plan.loop_condition = Plan(*expr.loop_condition);
  plan.loop_step = Plan(*expr.loop_step);
  scopes_.resize(outer_scopes + 1);  // the result sees only the accumulator
  plan.result = Plan(*expr.result);
  scopes_.resize(outer_scopes);
  plan.range = std::move(range);
  return MakeComprehensionStep(std::move(plan));
}

StepPtr Planner::PlanMacroComprehension(const Expr& expr, StepPtr& range, uint32_t iter_local,
                                        int32_t iter2_local, uint32_t accu_local) {
  const Expr& step = *expr.loop_step;
  const std::string& accu = expr.accu_var;
  auto quantifier = [&](QuantifierKind kind, const Expr& predicate) {
    return MakeQuantifierStep(kind, std::move(range), iter_local, iter2_local, Plan(predicate));
  };
  switch (expr.macro) {
    case MacroKind::kAll:
      if (IsCall(step, op::kLogicalAnd, 2) && IsIdent(*step.args[0], accu)) {
        return quantifier(QuantifierKind::kAll, *step.args[1]);
      }
      return nullptr;
    case MacroKind::kExists:
      if (IsCall(step, op::kLogicalOr, 2) && IsIdent(*step.args[0], accu)) {
        return quantifier(QuantifierKind::kExists, *step.args[1]);
      }
      return nullptr;
    case MacroKind::kExistsOne:
      if (IsCall(step, op::kConditional, 3) && IsIdent(*step.args[2], accu)) {
        return quantifier(QuantifierKind::kExistsOne, *step.args[0]);
      }
      return nullptr;
    case MacroKind::kMap:
    case MacroKind::kMapFilter:
    case MacroKind::kFilter:
    case MacroKind::kTransformList: {
      if (const Expr* element = AppendedElement(step, accu)) {
        return MakeMapFilterStep(std::move(range), iter_local, iter2_local, nullptr,
                                 Plan(*element));
      }
      if (IsCall(step, op::kConditional, 3) && IsIdent(*step.args[2], accu)) {
        if (const Expr* element = AppendedElement(*step.args[1], accu)) {
          StepPtr predicate = Plan(*step.args[0]);
          return MakeMapFilterStep(std::move(range), iter_local, iter2_local, std::move(predicate),
                                   Plan(*element));
        }
      }
      return nullptr;
    }
    default:
      (void)accu_local;
      return nullptr;
  }
}

}  // namespace warden::cel
