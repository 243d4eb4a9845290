#include "warden/cel/check/unify.h"

#include <utility>

namespace warden::cel::check_internal {

const Type* Substitutions::Find(const Type& param) const {
  if (!param.IsTypeParam()) return nullptr;
  auto it = bindings_.find(std::string(param.name()));
  return it == bindings_.end() ? nullptr : &it->second;
}

void Substitutions::Bind(const Type& param, Type type) {
  std::string name(param.name());
  auto it = bindings_.find(name);
  if (it == bindings_.end()) {
    trail_.push_back(Undo{name, false, Type()});
    bindings_.emplace(std::move(name), std::move(type));
    return;
  }
  trail_.push_back(Undo{std::move(name), true, it->second});
  it->second = std::move(type);
}

void Substitutions::Rollback(size_t mark) {
  while (trail_.size() > mark) {
    Undo& undo = trail_.back();
    if (undo.had_binding) {
      bindings_[undo.name] = std::move(undo.old_binding);
    } else {
      bindings_.erase(undo.name);
    }
    trail_.pop_back();
  }
}

namespace {

bool IsDynOrError(const Type& type) { return type.IsDyn() || type.IsError(); }

// Types `null` may stand for: the legacy nullability of cel-go's checker, which the
// conformance data relies on (`[optional.of(1), null][0]` is `optional_type(int)`).
bool IsNullable(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kNull:
    case TypeKind::kOpaque:
    case TypeKind::kTimestamp:
    case TypeKind::kDuration:
      return true;
    default:
      return false;
  }
}

bool NotReferencedIn(const Substitutions& subs, const Type& param, const Type& within) {
  if (param == within) return false;
  switch (within.kind()) {
    case TypeKind::kTypeParam: {
      const Type* binding = subs.Find(within);
      return binding == nullptr || NotReferencedIn(subs, param, *binding);
    }
    case TypeKind::kOpaque:
    case TypeKind::kList:
    case TypeKind::kMap:
    case TypeKind::kType:
      for (const Type& inner : within.params()) {
        if (!NotReferencedIn(subs, param, inner)) return false;
      }
      return true;
    default:
      return true;
  }
}

bool Unify(Substitutions& subs, const Type& first, const Type& second);

struct SubstitutionCheck {
  bool valid = false;
  bool had_binding = false;
};

// Whether the type parameter `param` (or its binding) can stand for `type`; binds or
// widens `param` when it can.
SubstitutionCheck CheckSubstitution(Substitutions& subs, const Type& type, const Type& param) {
  if (type == param) return {true, true};
  if (const Type* found = subs.Find(param)) {
    Type binding = *found;  // copied: Bind below may replace it
    if (type == binding) return {true, true};
    if (Unify(subs, type, binding)) {
      Type widened = MostGeneral(type, binding);
      if (NotReferencedIn(subs, param, widened)) subs.Bind(param, std::move(widened));
      return {true, true};
    }
    return {false, true};
  }
  if (NotReferencedIn(subs, param, type)) {
    subs.Bind(param, type);
    return {true, false};
  }
  return {false, false};
}

bool UnifyLists(Substitutions& subs, std::span<const Type> first, std::span<const Type> second) {
  if (first.size() != second.size()) return false;
  for (size_t param_idx = 0; param_idx < first.size(); ++param_idx) {
    if (!Unify(subs, first[param_idx], second[param_idx])) return false;
  }
  return true;
}

// cel-go's internalIsAssignable; partial bindings of a failed attempt are undone by the
// caller.
bool Unify(Substitutions& subs, const Type& first, const Type& second) {
  if (second.IsTypeParam()) {
    SubstitutionCheck check = CheckSubstitution(subs, first, second);
    if (check.valid) return true;
    if (check.had_binding) return false;
  }
  if (first.IsTypeParam()) return CheckSubstitution(subs, second, first).valid;
  if (IsDynOrError(first) || IsDynOrError(second)) return true;
  if (first.kind() == TypeKind::kNull) return IsNullable(second);
  if (second.kind() == TypeKind::kNull) return IsNullable(first);
  switch (first.kind()) {
    case TypeKind::kType:
      return second.kind() == TypeKind::kType;
    case TypeKind::kOpaque:
    case TypeKind::kList:
    case TypeKind::kMap:
      return first.kind() == second.kind() && first.name() == second.name() &&
             UnifyLists(subs, first.params(), second.params());
    default:
      return first.kind() == second.kind();
  }
}

}  // namespace

bool IsAssignable(Substitutions& subs, const Type& first, const Type& second) {
  size_t mark = subs.Mark();
  if (Unify(subs, first, second)) return true;
  subs.Rollback(mark);
  return false;
}

bool IsAssignableList(Substitutions& subs, const std::vector<Type>& first,
                      const std::vector<Type>& second) {
  size_t mark = subs.Mark();
  if (UnifyLists(subs, first, second)) return true;
  subs.Rollback(mark);
  return false;
}

bool IsEqualOrLessSpecific(const Type& first, const Type& second) {
  if (first.IsDyn() || first.IsTypeParam()) return true;
  if (second.IsDyn() || second.IsTypeParam()) return false;
  // A nullable type is more general than `null` itself.
  if (second.kind() == TypeKind::kNull) return IsNullable(first);
  if (first.kind() != second.kind()) return false;
  switch (first.kind()) {
    case TypeKind::kType:
      return true;
    case TypeKind::kOpaque:
    case TypeKind::kList:
    case TypeKind::kMap: {
      if (first.name() != second.name() || first.params().size() != second.params().size()) {
        return false;
      }
      for (size_t param_idx = 0; param_idx < first.params().size(); ++param_idx) {
        if (!IsEqualOrLessSpecific(first.param(param_idx), second.param(param_idx))) {
          return false;
        }
      }
      return true;
    }
    default:
      return first == second;
  }
}

Type MostGeneral(const Type& first, const Type& second) {
  return IsEqualOrLessSpecific(first, second) ? first : second;
}

Type Substitute(const Substitutions& subs, const Type& type, bool free_to_dyn) {
  if (!type.HasTypeParams()) return type;
  if (type.IsTypeParam()) {
    if (const Type* binding = subs.Find(type)) return Substitute(subs, *binding, free_to_dyn);
    return free_to_dyn ? Type::Dyn() : type;
  }
  std::vector<Type> params;
  params.reserve(type.params().size());
  for (const Type& param : type.params()) params.push_back(Substitute(subs, param, free_to_dyn));
  return WithParams(type, std::move(params));
}

Type WithParams(const Type& type, std::vector<Type> params) {
  switch (type.kind()) {
    case TypeKind::kList:
      return Type::List(std::move(params[0]));
    case TypeKind::kMap:
      return Type::Map(std::move(params[0]), std::move(params[1]));
    case TypeKind::kType:
      return params.empty() ? Type::TypeType() : Type::TypeOf(std::move(params[0]));
    case TypeKind::kOpaque:
      return Type::Opaque(std::string(type.name()), std::move(params));
    default:
      return type;
  }
}

}  // namespace warden::cel::check_internal
