#include "warden/cel/parse/macros.h"

#include <optional>
#include <string>
#include <utility>

namespace warden::cel::parse_internal {
namespace {

enum class Receiver : uint8_t { kNone, kAny, kCelNamespace };

class Expander {
 public:
  Expander(CallParts& call, ExprFactory& factory, Diagnostics& diags)
      : call_(call), f_(factory), diags_(diags), at_(call.offset) {}

  // The call left as it was written, after an argument error.
  ExprPtr Unexpanded() {
    std::string name(call_.function);
    if (call_.target != nullptr) {
      return f_.NewMemberCall(at_, std::move(name), std::move(call_.target), std::move(call_.args));
    }
    return f_.NewCall(at_, std::move(name), std::move(call_.args));
  }

  ExprPtr Has() {
    Expr& arg = *call_.args[0];
    if (arg.kind != ExprKind::kSelect || arg.test_only) {
      diags_.Report(arg.offset, "invalid argument to has() macro",
                    "has() takes a field selection such as `has(a.b)`");
      return Unexpanded();
    }
    return f_.NewPresenceTest(at_, std::move(arg.operand), std::move(arg.name));
  }

  // all, exists, exists_one / existsOne with one or two iteration variables.
  ExprPtr Quantifier(MacroKind kind) {
    std::optional<IterVars> vars = ReadIterVars(call_.args.size() - 1);
    if (!vars) return Unexpanded();
    ExprPtr predicate = std::move(call_.args.back());
    ExprFactory::ComprehensionParts parts = Start(kind, std::move(*vars));
    switch (kind) {
      case MacroKind::kAll:
        parts.accu_init = f_.NewBool(at_, true);
        parts.loop_condition = f_.NewCall(at_, op::kNotStrictlyFalse, Args(Accu()));
        parts.loop_step = f_.NewCall(at_, op::kLogicalAnd, Args(Accu(), std::move(predicate)));
        parts.result = Accu();
        break;
      case MacroKind::kExists:
        parts.accu_init = f_.NewBool(at_, false);
        parts.loop_condition = f_.NewCall(at_, op::kNotStrictlyFalse,
                                          Args(f_.NewCall(at_, op::kLogicalNot, Args(Accu()))));
        parts.loop_step = f_.NewCall(at_, op::kLogicalOr, Args(Accu(), std::move(predicate)));
        parts.result = Accu();
        break;
      default:  // kExistsOne
        parts.accu_init = f_.NewInt(at_, 0);
        parts.loop_condition = f_.NewBool(at_, true);
        parts.loop_step =
            f_.NewCall(at_, op::kConditional,
                       Args(std::move(predicate),
                            f_.NewCall(at_, op::kAdd, Args(Accu(), f_.NewInt(at_, 1))), Accu()));
        parts.result = f_.NewCall(at_, op::kEquals, Args(Accu(), f_.NewInt(at_, 1)));
        break;
    }
    return f_.NewComprehension(at_, std::move(parts));
  }

  // map(x, f), map(x, p, f), filter(x, p), transformList(i, v, [p,] f),
  // transformMap(k, v, [p,] f), transformMapEntry(k, v, [p,] f).
  ExprPtr Transform(MacroKind kind) {
    size_t var_count =
        (kind == MacroKind::kMap || kind == MacroKind::kMapFilter || kind == MacroKind::kFilter)
            ? 1
            : 2;
    std::optional<IterVars> vars = ReadIterVars(var_count);
    if (!vars) return Unexpanded();
    std::vector<ExprPtr>& args = call_.args;
    bool filtered = kind == MacroKind::kFilter || args.size() == var_count + 2;
    ExprPtr filter = filtered ? std::move(args[var_count]) : nullptr;
    ExprPtr step;
    switch (kind) {
      case MacroKind::kFilter:  // the element itself: the iteration variable argument
        step = f_.NewCall(at_, op::kAdd, Args(Accu(), f_.NewList(at_, Args(std::move(args[0])))));
        break;
      case MacroKind::kTransformMap:
        step =
            f_.NewCall(at_, kMapInsert, Args(Accu(), std::move(args[0]), std::move(args.back())));
        break;
      case MacroKind::kTransformMapEntry:
        step = f_.NewCall(at_, kMapInsert, Args(Accu(), std::move(args.back())));
        break;
      default:  // kMap, kMapFilter, kTransformList
        step =
            f_.NewCall(at_, op::kAdd, Args(Accu(), f_.NewList(at_, Args(std::move(args.back())))));
        break;
    }
    if (filter != nullptr) {
      step = f_.NewCall(at_, op::kConditional, Args(std::move(filter), std::move(step), Accu()));
    }
    bool to_map = kind == MacroKind::kTransformMap || kind == MacroKind::kTransformMapEntry;
    ExprFactory::ComprehensionParts parts = Start(kind, std::move(*vars));
    parts.accu_init = to_map ? f_.NewMap(at_, {}) : f_.NewList(at_, {});
    parts.loop_condition = f_.NewBool(at_, true);
    parts.loop_step = std::move(step);
    parts.result = Accu();
    return f_.NewComprehension(at_, std::move(parts));
  }

  // cel.bind(v, init, e)
  ExprPtr Bind() {
    std::optional<std::string> name = SimpleName(*call_.args[0], "variable of `cel.bind()`");
    if (!name) return Unexpanded();
    return Let(MacroKind::kBind, std::move(*name), std::move(call_.args[1]),
               std::move(call_.args[0]), std::move(call_.args[2]));
  }

  // x.optMap(v, f) and x.optFlatMap(v, f)
  ExprPtr OptionalMap(MacroKind kind) {
    const char* what =
        kind == MacroKind::kOptMap ? "variable of `optMap()`" : "variable of `optFlatMap()`";
    std::optional<std::string> name = SimpleName(*call_.args[0], what);
    if (!name) return Unexpanded();
    ExprPtr target_copy = f_.Copy(*call_.target);
    ExprPtr has_value = f_.NewMemberCall(at_, "hasValue", std::move(call_.target), {});
    ExprPtr value = f_.NewMemberCall(at_, "value", std::move(target_copy), {});
    ExprPtr mapped = Let(kind, std::move(*name), std::move(value), std::move(call_.args[0]),
                         std::move(call_.args[1]));
    if (kind == MacroKind::kOptMap) {
      mapped = f_.NewCall(at_, "optional.of", Args(std::move(mapped)));
    }
    ExprPtr out = f_.NewCall(
        at_, op::kConditional,
        Args(std::move(has_value), std::move(mapped), f_.NewCall(at_, "optional.none", {})));
    out->macro = kind;
    return out;
  }

  // cel.block([...], e)
  ExprPtr Block() {
    if (call_.args[0]->kind != ExprKind::kList) {
      diags_.Report(call_.args[0]->offset,
                    "first argument of `cel.block()` must be a list literal");
      return Unexpanded();
    }
    ExprPtr out = f_.NewCall(at_, kBlockFunction, std::move(call_.args));
    out->macro = MacroKind::kBlock;
    return out;
  }

  // cel.index(n), cel.iterVar(d, u), cel.accuVar(d, u)
  ExprPtr BlockVariable(std::string_view prefix, bool pair) {
    std::string name(prefix);
    for (size_t i = 0; i < call_.args.size(); ++i) {
      const Expr& arg = *call_.args[i];
      if (arg.kind != ExprKind::kConstant || arg.constant.kind != ConstantKind::kInt ||
          arg.constant.int_value < 0) {
        diags_.Report(arg.offset, "`cel." + std::string(call_.function) + "()` takes " +
                                      (pair ? "two non-negative int literals"
                                            : "one non-negative int literal"));
        return Unexpanded();
      }
      if (pair) name += ':';
      name += std::to_string(arg.constant.int_value);
    }
    return f_.NewIdent(at_, std::move(name));
  }

 private:
  struct IterVars {
    std::string first;
    std::string second;
  };

  ExprPtr Accu() { return f_.NewIdent(at_, kAccumulatorVar); }

  ExprFactory::ComprehensionParts Start(MacroKind kind, IterVars vars) {
    ExprFactory::ComprehensionParts parts;
    parts.macro = kind;
    parts.iter_var = std::move(vars.first);
    parts.iter_var2 = std::move(vars.second);
    parts.iter_range = std::move(call_.target);
    parts.accu_var = kAccumulatorVar;
    return parts;
  }

  // A comprehension that only binds `name` to `init` while evaluating `body`.
  ExprPtr Let(MacroKind kind, std::string name, ExprPtr init, ExprPtr name_ident, ExprPtr body) {
    ExprFactory::ComprehensionParts parts;
    parts.macro = kind;
    parts.iter_var = kUnusedIterVar;
    parts.iter_range = f_.NewList(at_, {});
    parts.accu_var = std::move(name);
    parts.accu_init = std::move(init);
    parts.loop_condition = f_.NewBool(at_, false);
    parts.loop_step = std::move(name_ident);
    parts.result = std::move(body);
    return f_.NewComprehension(at_, std::move(parts));
  }

  std::optional<IterVars> ReadIterVars(size_t count) {
    std::string what = "iteration variable of `" + std::string(call_.function) + "()`";
    IterVars vars;
    std::optional<std::string> first = SimpleName(*call_.args[0], what);
    std::optional<std::string> second;
    if (count == 2) second = SimpleName(*call_.args[1], what);
    if (!first || (count == 2 && !second)) return std::nullopt;
    if (count == 2 && *first == *second) {
      diags_.Report(call_.args[1]->offset, "duplicate iteration variable `" + *second + "` in `" +
                                               std::string(call_.function) + "()`");
      return std::nullopt;
    }
    vars.first = std::move(*first);
    if (second) vars.second = std::move(*second);
    return vars;
  }

  std::optional<std::string> SimpleName(const Expr& arg, std::string_view what) {
    if (arg.kind != ExprKind::kIdent || arg.name.empty() || arg.name[0] == '.') {
      diags_.Report(arg.offset, "the " + std::string(what) + " must be a simple name",
                    "write a name such as `x`");
      return std::nullopt;
    }
    if (arg.name == kAccumulatorVar) {
      diags_.Report(arg.offset, "the " + std::string(what) + " may not be named `@result`");
      return std::nullopt;
    }
    return arg.name;
  }

  CallParts& call_;
  ExprFactory& f_;
  Diagnostics& diags_;
  int32_t at_;
};

enum class MacroId : uint8_t {
  kHas,
  kAll,
  kExists,
  kExistsOne,
  kMap,
  kFilter,
  kTransformList,
  kTransformMap,
  kTransformMapEntry,
  kOptMap,
  kOptFlatMap,
  kBind,
  kBlock,
  kIndex,
  kIterVar,
  kAccuVar,
};

struct MacroSpec {
  std::string_view function;
  size_t min_args;
  size_t max_args;
  Receiver receiver;
  MacroId id;
};

constexpr MacroSpec kMacros[] = {
    {"has", 1, 1, Receiver::kNone, MacroId::kHas},
    {"all", 2, 3, Receiver::kAny, MacroId::kAll},
    {"exists", 2, 3, Receiver::kAny, MacroId::kExists},
    {"exists_one", 2, 3, Receiver::kAny, MacroId::kExistsOne},
    {"existsOne", 2, 3, Receiver::kAny, MacroId::kExistsOne},
    {"map", 2, 3, Receiver::kAny, MacroId::kMap},
    {"filter", 2, 2, Receiver::kAny, MacroId::kFilter},
    {"transformList", 3, 4, Receiver::kAny, MacroId::kTransformList},
    {"transformMap", 3, 4, Receiver::kAny, MacroId::kTransformMap},
    {"transformMapEntry", 3, 4, Receiver::kAny, MacroId::kTransformMapEntry},
    {"optMap", 2, 2, Receiver::kAny, MacroId::kOptMap},
    {"optFlatMap", 2, 2, Receiver::kAny, MacroId::kOptFlatMap},
    {"bind", 3, 3, Receiver::kCelNamespace, MacroId::kBind},
    {"block", 2, 2, Receiver::kCelNamespace, MacroId::kBlock},
    {"index", 1, 1, Receiver::kCelNamespace, MacroId::kIndex},
    {"iterVar", 2, 2, Receiver::kCelNamespace, MacroId::kIterVar},
    {"accuVar", 2, 2, Receiver::kCelNamespace, MacroId::kAccuVar},
};

const MacroSpec* FindMacro(const CallParts& call) {
  for (const MacroSpec& spec : kMacros) {
    if (spec.function != call.function || call.args.size() < spec.min_args ||
        call.args.size() > spec.max_args) {
      continue;
    }
    switch (spec.receiver) {
      case Receiver::kNone:
        return call.target == nullptr ? &spec : nullptr;
      case Receiver::kAny:
        return call.target != nullptr ? &spec : nullptr;
      case Receiver::kCelNamespace:
        return call.target != nullptr && call.target->kind == ExprKind::kIdent &&
                       call.target->name == "cel"
                   ? &spec
                   : nullptr;
    }
  }
  return nullptr;
}

}  // namespace

ExprPtr ExpandMacro(CallParts& call, ExprFactory& factory, Diagnostics& diags) {
  const MacroSpec* spec = FindMacro(call);
  if (spec == nullptr) return nullptr;
  Expander expander(call, factory, diags);
  switch (spec->id) {
    case MacroId::kHas:
      return expander.Has();
    case MacroId::kAll:
      return expander.Quantifier(MacroKind::kAll);
    case MacroId::kExists:
      return expander.Quantifier(MacroKind::kExists);
    case MacroId::kExistsOne:
      return expander.Quantifier(MacroKind::kExistsOne);
    case MacroId::kMap:
      return expander.Transform(call.args.size() == 2 ? MacroKind::kMap : MacroKind::kMapFilter);
    case MacroId::kFilter:
      return expander.Transform(MacroKind::kFilter);
    case MacroId::kTransformList:
      return expander.Transform(MacroKind::kTransformList);
    case MacroId::kTransformMap:
      return expander.Transform(MacroKind::kTransformMap);
    case MacroId::kTransformMapEntry:
      return expander.Transform(MacroKind::kTransformMapEntry);
    case MacroId::kOptMap:
      return expander.OptionalMap(MacroKind::kOptMap);
    case MacroId::kOptFlatMap:
      return expander.OptionalMap(MacroKind::kOptFlatMap);
    case MacroId::kBind:
      return expander.Bind();
    case MacroId::kBlock:
      return expander.Block();
    case MacroId::kIndex:
      return expander.BlockVariable("@index", false);
    case MacroId::kIterVar:
      return expander.BlockVariable("@it", true);
    case MacroId::kAccuVar:
      return expander.BlockVariable("@ac", true);
  }
  return nullptr;
}

}  // namespace warden::cel::parse_internal
