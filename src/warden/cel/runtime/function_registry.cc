#include "warden/cel/runtime/function_registry.h"

#include <memory>

namespace warden::cel {

void FunctionRegistry::Register(std::string name, bool receiver_style,
                                std::initializer_list<KindMask> arg_kinds, FunctionImpl impl) {
  auto overload = std::make_unique<RuntimeOverload>();
  overload->name = name;
  overload->receiver_style = receiver_style;
  overload->arg_kinds.assign(arg_kinds.begin(), arg_kinds.end());
  overload->impl = impl;
  by_name_[std::move(name)].push_back(std::move(overload));
}

std::vector<const RuntimeOverload*> FunctionRegistry::Find(std::string_view name,
                                                           bool receiver_style,
                                                           size_t arity) const {
  std::vector<const RuntimeOverload*> found;
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return found;
  for (const auto& overload : it->second) {
    if (overload->receiver_style == receiver_style && overload->arg_kinds.size() == arity) {
      found.push_back(overload.get());
    }
  }
  return found;
}

bool FunctionRegistry::HasFunction(std::string_view name) const {
  return by_name_.find(std::string(name)) != by_name_.end();
}

std::string NoMatchingOverloadMessage(std::string_view name, std::span<const Value> args) {
  std::string message = "no matching overload for `" + std::string(name) + "` applied to `(";
  for (size_t arg_idx = 0; arg_idx < args.size(); ++arg_idx) {
    if (arg_idx > 0) message += ", ";
    message += ValueKindTypeName(args[arg_idx].kind());
  }
  return message + ")`";
}

}  // namespace warden::cel
