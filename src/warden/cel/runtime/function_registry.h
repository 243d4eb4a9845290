#pragma once
// FunctionRegistry: runtime implementations of CEL functions and operators, found by
// function name, call style (global `f(x)` or receiver `x.f()`) and the runtime kinds of
// the arguments.
//
// Implementations are plain functions over already-evaluated arguments. Arguments that
// are errors never reach an implementation: the evaluator propagates them first (except
// for the few non-strict functions the planner handles itself: `&&`, `||`, `?:`,
// `@not_strictly_false`, comprehensions and optional `or`/`orValue`).
//
// Operators use their cel-spec names: `_+_`, `_==_`, `_[_]`, `!_`, `-_`, `@in`, ...
// Registration happens once at start-up; afterwards the registry is read-only and may be
// shared by all threads.

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "warden/cel/common/value.h"
#include "warden/cel/runtime/call_context.h"

namespace warden::cel {

// A set of ValueKinds an argument may have.
using KindMask = uint16_t;
constexpr KindMask KindBit(ValueKind kind) {
  return static_cast<KindMask>(1u << static_cast<unsigned>(kind));
}
inline constexpr KindMask kAnyKind = 0xFFFF;

using FunctionImpl = Value (*)(std::span<const Value> args, CallContext& ctx);

struct RuntimeOverload {
  std::string name;
  bool receiver_style = false;      // x.f(...): args[0] is the receiver
  std::vector<KindMask> arg_kinds;  // one mask per argument (receiver included)
  FunctionImpl impl = nullptr;

  bool Accepts(std::span<const Value> args) const {
    if (args.size() != arg_kinds.size()) return false;
    for (size_t arg_idx = 0; arg_idx < args.size(); ++arg_idx) {
      if ((KindBit(args[arg_idx].kind()) & arg_kinds[arg_idx]) == 0) return false;
    }
    return true;
  }
};

class FunctionRegistry {
 public:
  // Adds an overload. Several overloads of one name may exist; the first whose kinds
  // accept the arguments runs, so register specific kinds before catch-alls.
  void Register(std::string name, bool receiver_style, std::initializer_list<KindMask> arg_kinds,
                FunctionImpl impl);

  // Overloads with this name, call style and arity, in registration order.
  std::vector<const RuntimeOverload*> Find(std::string_view name, bool receiver_style,
                                           size_t arity) const;

  // Whether any overload with this name exists (either call style).
  bool HasFunction(std::string_view name) const;

 private:
  // Keyed by name; stable addresses because overloads are never removed.
  std::unordered_map<std::string, std::vector<std::unique_ptr<RuntimeOverload>>> by_name_;
};

// The message of the error for a call no overload accepts, e.g.
// ``no matching overload for `_+_` applied to `(int, string)` ``.
std::string NoMatchingOverloadMessage(std::string_view name, std::span<const Value> args);

}  // namespace warden::cel
