#include "warden/policy/resolve.h"

#include <functional>
#include <set>
#include <utility>

namespace warden::policy {
namespace {

template <typename T>
void Overlay(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

// Entries keyed by name: a child's entry replaces the parent's in place, new ones are
// appended.
template <typename T, typename KeyOf>
void MergeByKey(std::vector<T>& into, const std::vector<T>& from, KeyOf key_of) {
  for (const T& entry : from) {
    bool replaced = false;
    for (T& existing : into) {
      if (key_of(existing) == key_of(entry)) {
        existing = entry;
        replaced = true;
        break;
      }
    }
    if (!replaced) into.push_back(entry);
  }
}

void OverlayMatch(MatchDoc& into, const MatchDoc& from) {
  Overlay(into.kinds, from.kinds);
  Overlay(into.namespaces, from.namespaces);
  Overlay(into.actions, from.actions);
  Overlay(into.resources, from.resources);
  Overlay(into.subjects, from.subjects);
  Overlay(into.environments, from.environments);
  Overlay(into.when, from.when);
  if (from.position.known()) into.position = from.position;
}

void OverlayRule(RuleDoc& into, const RuleDoc& from) {
  Overlay(into.title, from.title);
  if (from.effect) {
    into.effect = from.effect;
    into.effect_position = from.effect_position;
  }
  Overlay(into.priority, from.priority);
  Overlay(into.severity, from.severity);
  Overlay(into.foreach, from.foreach);
  Overlay(into.condition, from.condition);
  Overlay(into.message, from.message);
  Overlay(into.path, from.path);
  Overlay(into.remediation, from.remediation);
  Overlay(into.controls, from.controls);
  Overlay(into.approvers, from.approvers);
  into.position = from.position;
  if (from.condition) into.origin_file = from.origin_file;
}

// Marks what `parent` declares as inherited from its file, before a child overlays it.
PolicyDoc InheritedFrom(const PolicyDoc& parent) {
  PolicyDoc copy = parent;
  for (ParamDecl& param : copy.params) {
    if (param.origin_file.empty()) param.origin_file = parent.file;
  }
  for (LetDecl& let : copy.lets) {
    if (let.origin_file.empty()) let.origin_file = parent.file;
  }
  for (RuleDoc& rule : copy.rules) {
    if (rule.origin_file.empty()) rule.origin_file = parent.file;
  }
  return copy;
}

// Applies `child` on top of `base` (which holds the merged parents).
void OverlayPolicy(PolicyDoc& base, const PolicyDoc& child) {
  base.file = child.file;
  base.document_index = child.document_index;
  base.position = child.position;
  Metadata& meta = base.metadata;
  const Metadata& from = child.metadata;
  meta.name = from.name;
  meta.position = from.position;
  Overlay(meta.title, from.title);
  Overlay(meta.description, from.description);
  Overlay(meta.type, from.type);
  Overlay(meta.severity, from.severity);
  Overlay(meta.owner, from.owner);
  Overlay(meta.controls, from.controls);
  for (const auto& [key, value] : from.labels) meta.labels[key] = value;
  base.abstract = child.abstract;
  if (child.enforcement) {
    base.enforcement = child.enforcement;
    base.enforcement_position = child.enforcement_position;
  }
  Overlay(base.overridable, child.overridable);
  Overlay(base.on_error, child.on_error);
  OverlayMatch(base.match, child.match);
  MergeByKey(base.params, child.params, [](const ParamDecl& p) { return p.name.value; });
  MergeByKey(base.lets, child.lets, [](const LetDecl& l) { return l.name.value; });
  for (const RuleDoc& rule : child.rules) {
    bool merged = false;
    for (RuleDoc& existing : base.rules) {
      if (existing.id.value == rule.id.value) {
        OverlayRule(existing, rule);
        merged = true;
        break;
      }
    }
    if (!merged) base.rules.push_back(rule);
  }
}

}  // namespace

std::vector<PolicyDoc> MergeInheritance(const std::vector<PolicyDoc>& policies,
                                        Diagnostics& diagnostics) {
  std::map<std::string, const PolicyDoc*> by_name;
  for (const PolicyDoc& policy : policies) by_name.emplace(policy.metadata.name.value, &policy);

  // Memoised merge of each policy with its ancestors; `visiting` detects cycles.
  std::map<std::string, std::optional<PolicyDoc>> merged;
  std::set<std::string> visiting;
  std::function<const std::optional<PolicyDoc>&(const PolicyDoc&)> merge =
      [&](const PolicyDoc& policy) -> const std::optional<PolicyDoc>& {
    const std::string& name = policy.metadata.name.value;
    if (auto it = merged.find(name); it != merged.end()) return it->second;
    visiting.insert(name);
    std::optional<PolicyDoc> result = PolicyDoc{};
    for (const Text& parent_name : policy.extends) {
      SourceLocation where{policy.file, parent_name.position};
      auto parent = by_name.find(parent_name.value);
      if (parent == by_name.end()) {
        std::vector<std::string_view> names;
        for (const auto& [known, unused] : by_name) names.push_back(known);
        std::string hint = ClosestMatch(parent_name.value, names);
        diagnostics.Error("E120", where,
                          "undefined policy `" + parent_name.value + "` in `extends`",
                          hint.empty() ? "" : "did you mean `" + hint + "`?");
        result.reset();
        continue;
      }
      if (visiting.count(parent_name.value) > 0) {
        diagnostics.Error("E121", where,
                          "inheritance cycle: `" + name + "` extends `" + parent_name.value +
                              "`, which extends `" + name + "` again");
        result.reset();
        continue;
      }
      const std::optional<PolicyDoc>& parent_merged = merge(*parent->second);
      if (!parent_merged) {
        result.reset();
        continue;
      }
      if (result) OverlayPolicy(*result, InheritedFrom(*parent_merged));
    }
    if (result) OverlayPolicy(*result, policy);
    visiting.erase(name);
    return merged.emplace(name, std::move(result)).first->second;
  };

  std::vector<PolicyDoc> out;
  for (const PolicyDoc& policy : policies) {
    const std::optional<PolicyDoc>& result = merge(policy);
    if (!result || policy.abstract) continue;
    PolicyDoc flat = *result;
    flat.extends.clear();
    flat.abstract = false;
    out.push_back(std::move(flat));
  }
  return out;
}

namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Splits `list(T)` / `map(K, V)` arguments at the top-level comma.
bool SplitTypeArgs(std::string_view type, std::string_view name,
                   std::vector<std::string_view>& args) {
  if (type.size() < name.size() + 2 || type.substr(0, name.size()) != name ||
      type[name.size()] != '(' || type.back() != ')') {
    return false;
  }
  std::string_view inner = type.substr(name.size() + 1, type.size() - name.size() - 2);
  int depth = 0;
  size_t start = 0;
  for (size_t index = 0; index < inner.size(); ++index) {
    if (inner[index] == '(') ++depth;
    if (inner[index] == ')') --depth;
    if (inner[index] == ',' && depth == 0) {
      args.push_back(Trim(inner.substr(start, index - start)));
      start = index + 1;
    }
  }
  args.push_back(Trim(inner.substr(start)));
  return true;
}

bool IsScalarType(std::string_view type) {
  return type == "string" || type == "int" || type == "uint" || type == "double" ||
         type == "bool" || type == "bytes" || type == "dyn" || type == "timestamp" ||
         type == "duration" || type == "null";
}

}  // namespace

bool ValidParamType(std::string_view type) {
  type = Trim(type);
  if (IsScalarType(type)) return true;
  std::vector<std::string_view> args;
  if (SplitTypeArgs(type, "list", args)) return args.size() == 1 && ValidParamType(args[0]);
  args.clear();
  if (SplitTypeArgs(type, "map", args)) {
    return args.size() == 2 && ValidParamType(args[0]) && ValidParamType(args[1]);
  }
  return false;
}

bool NodeHasParamType(const data::Node& node, std::string_view type) {
  type = Trim(type);
  using data::NodeKind;
  if (type == "dyn") return true;
  if (type == "string" || type == "timestamp" || type == "duration") {
    return node.kind() == NodeKind::kString;
  }
  if (type == "int") {
    return node.kind() == NodeKind::kInt ||
           (node.kind() == NodeKind::kUint && node.uint_value() <= INT64_MAX);
  }
  if (type == "uint") {
    return node.kind() == NodeKind::kUint ||
           (node.kind() == NodeKind::kInt && node.int_value() >= 0);
  }
  if (type == "double") {
    return node.kind() == NodeKind::kDouble || node.kind() == NodeKind::kInt ||
           node.kind() == NodeKind::kUint;
  }
  if (type == "bool") return node.kind() == NodeKind::kBool;
  if (type == "bytes") return node.kind() == NodeKind::kBytes || node.kind() == NodeKind::kString;
  if (type == "null") return node.is_null();
  std::vector<std::string_view> args;
  if (SplitTypeArgs(type, "list", args) && args.size() == 1) {
    if (!node.is_list()) return false;
    for (const data::Node& item : node.items()) {
      if (!NodeHasParamType(item, args[0])) return false;
    }
    return true;
  }
  args.clear();
  if (SplitTypeArgs(type, "map", args) && args.size() == 2) {
    if (!node.is_map()) return false;
    for (const data::MapEntry& entry : node.entries()) {
      if (!NodeHasParamType(entry.value, args[1])) return false;
    }
    return true;
  }
  return false;
}

ResolvedPolicy BindParams(PolicyDoc merged, const data::Node* values,
                          const SourceLocation& values_location, Diagnostics& diagnostics,
                          bool skip_undeclared) {
  ResolvedPolicy resolved;
  const std::string& policy_name = merged.metadata.name.value;
  std::vector<std::string_view> declared;
  for (const ParamDecl& param : merged.params) {
    declared.push_back(param.name.value);
    if (!ValidParamType(param.type.value)) {
      diagnostics.Error("E126", {merged.file, param.type.position},
                        "unknown parameter type `" + param.type.value + "`",
                        "use string, int, uint, double, bool, bytes, dyn, timestamp, "
                        "duration, list(T) or map(string, T)");
    } else if (param.default_value != nullptr &&
               !NodeHasParamType(*param.default_value, param.type.value)) {
      diagnostics.Error(
          "E125", {merged.file, param.default_value->position()},
          "default of parameter `" + param.name.value + "` is not a `" + param.type.value + "`");
    }
    if (param.default_value != nullptr) {
      resolved.param_values[param.name.value] = param.default_value;
    }
  }
  if (values != nullptr && values->is_map()) {
    for (const data::MapEntry& entry : values->entries()) {
      std::string name(entry.key());
      const ParamDecl* decl = nullptr;
      for (const ParamDecl& param : merged.params) {
        if (param.name.value == name) decl = &param;
      }
      SourceLocation where{values_location.file, values->key_position(entry)};
      if (decl == nullptr && skip_undeclared) continue;
      if (decl == nullptr) {
        std::string hint = ClosestMatch(name, declared);
        diagnostics.Error("E123", where,
                          "policy `" + policy_name + "` has no parameter `" + name + "`",
                          hint.empty() ? "" : "did you mean `" + hint + "`?");
        continue;
      }
      if (ValidParamType(decl->type.value) && !NodeHasParamType(entry.value, decl->type.value)) {
        diagnostics.Error("E125", {values_location.file, entry.value.position()},
                          "parameter `" + name + "` of policy `" + policy_name + "` must be a `" +
                              decl->type.value + "`");
        continue;
      }
      resolved.param_values[name] = &entry.value;
    }
  }
  for (const ParamDecl& param : merged.params) {
    if (resolved.param_values.count(param.name.value) == 0) {
      SourceLocation where =
          values != nullptr ? values_location : SourceLocation{merged.file, param.position};
      diagnostics.Error(
          "E124", where,
          "missing required parameter `" + param.name.value + "` of policy `" + policy_name + "`",
          "give it a value in the bundle's `params` or the `include` entry, or "
          "declare a `default`");
    }
  }
  resolved.doc = std::move(merged);
  return resolved;
}

}  // namespace warden::policy
