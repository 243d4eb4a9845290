#pragma once
// Activation: the variable bindings of one evaluation.
//
// Variables declared in the Env get a slot each, so binding resolves the name once and
// evaluation reads the slot directly; names the Env does not declare (expressions
// compiled without type checking) are kept in a small list searched by name. An
// activation holds Values, which are views: the documents and arenas they point into
// must outlive it. Bind everything before evaluating; the activation is then read-only
// and may be shared by threads evaluating concurrently.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "warden/cel/common/value.h"
#include "warden/data/node.h"

namespace warden::cel {

class Env;

class Activation {
 public:
  explicit Activation(const Env& env);

  // Binds `name` (declared or not); a later Bind of the same name replaces the value.
  void Bind(std::string_view name, Value value);
  // Binds a document's root node (zero-copy; `document` must outlive the activation).
  void Bind(std::string_view name, const data::Document& document) {
    Bind(name, Value::FromNode(*document.root));
  }

  // Binds a slot directly. Slot indices come from the Env the activation was made for,
  // or from any Env that declares the same variables in the same order and then more
  // (the policy engine gives each policy such an Env, with its `let` names after the
  // shared variables, and reuses one activation made from the largest).
  void BindSlot(uint32_t slot_index, Value value) {
    if (slot_index >= slots_.size()) {
      slots_.resize(slot_index + 1);
      bound_.resize(slot_index + 1, 0);
    }
    slots_[slot_index] = value;
    bound_[slot_index] = 1;
  }
  void UnbindSlot(uint32_t slot_index) {
    if (slot_index < bound_.size()) bound_[slot_index] = 0;
  }
  // Unbinds every slot (names bound outside the Env's slots stay).
  void UnbindAllSlots() { std::fill(bound_.begin(), bound_.end(), uint8_t{0}); }

  // The value in a declared variable's slot, or nullptr when unbound.
  const Value* slot(uint32_t slot_index) const {
    return slot_index < bound_.size() && bound_[slot_index] ? &slots_[slot_index] : nullptr;
  }
  // The value of any bound name, or nullptr.
  const Value* Find(std::string_view name) const;

  const Env& env() const { return *env_; }

 private:
  const Env* env_;
  std::vector<Value> slots_;
  std::vector<uint8_t> bound_;  // bytes, not vector<bool>: read on every variable access
  std::vector<std::pair<std::string, Value>> extra_;
};

}  // namespace warden::cel
