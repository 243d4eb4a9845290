#include "warden/cel/eval/activation.h"

#include "warden/cel/eval/env.h"

namespace warden::cel {

Activation::Activation(const Env& env)
    : env_(&env), slots_(env.slot_count()), bound_(env.slot_count(), 0) {}

void Activation::Bind(std::string_view name, Value value) {
  if (std::optional<uint32_t> slot = env_->SlotOf(name); slot && *slot < slots_.size()) {
    slots_[*slot] = value;
    bound_[*slot] = 1;
    return;
  }
  for (auto& [bound_name, bound_value] : extra_) {
    if (bound_name == name) {
      bound_value = value;
      return;
    }
  }
  extra_.emplace_back(std::string(name), value);
}

const Value* Activation::Find(std::string_view name) const {
  if (std::optional<uint32_t> slot = env_->SlotOf(name)) return this->slot(*slot);
  for (const auto& [bound_name, bound_value] : extra_) {
    if (bound_name == name) return &bound_value;
  }
  return nullptr;
}

}  // namespace warden::cel
