#include "warden/cel/check/resolver.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "warden/cel/check/standard_decls.h"

namespace warden::cel::check_internal {
namespace {

std::string_view WithoutLeadingDot(std::string_view name) {
  return !name.empty() && name[0] == '.' ? name.substr(1) : name;
}

void AddNamespaces(std::string_view name, std::unordered_set<std::string>& namespaces) {
  for (size_t pos = name.find('.'); pos != std::string_view::npos; pos = name.find('.', pos + 1)) {
    namespaces.emplace(name.substr(0, pos));
  }
}

// Whether a name is worth proposing: internal names (`@index0`, `_+_`, `#unused`) are not.
bool IsSuggestible(std::string_view name) {
  if (name.empty() || std::isalpha(static_cast<unsigned char>(name[0])) == 0) return false;
  return name.find_first_of("@#") == std::string_view::npos;
}

// Tracks the closest name seen so far.
class Suggestion {
 public:
  explicit Suggestion(std::string_view wanted) : wanted_(wanted) {}

  void Consider(std::string_view name) {
    if (!IsSuggestible(name) || name == wanted_) return;
    size_t longest = std::max(name.size(), wanted_.size());
    size_t length_gap =
        name.size() > wanted_.size() ? name.size() - wanted_.size() : wanted_.size() - name.size();
    if (length_gap > kMaxDistance) return;
    size_t distance = EditDistance(wanted_, name);
    if (distance > kMaxDistance || distance * 3 > longest) return;
    if (distance < best_distance_ || (distance == best_distance_ && name < best_)) {
      best_distance_ = distance;
      best_ = std::string(name);
    }
  }

  std::string Take() { return std::move(best_); }

 private:
  static constexpr size_t kMaxDistance = 2;

  std::string_view wanted_;
  std::string best_;
  size_t best_distance_ = kMaxDistance + 1;
};

// Namespaces of the standard functions and type identifiers (`math`, `google.protobuf`),
// computed once.
const std::unordered_set<std::string>& StandardFunctionNamespaces() {
  static const std::unordered_set<std::string> namespaces = [] {
    std::unordered_set<std::string> built;
    for (const FunctionDecl& function : StandardFunctions()) AddNamespaces(function.name, built);
    return built;
  }();
  return namespaces;
}

const std::unordered_set<std::string>& TypeIdentifierNamespaces() {
  static const std::unordered_set<std::string> namespaces = [] {
    std::unordered_set<std::string> built;
    for (const VariableDecl& type_name : StandardTypeIdentifiers()) {
      AddNamespaces(type_name.name, built);
    }
    return built;
  }();
  return namespaces;
}

}  // namespace

size_t EditDistance(std::string_view lhs, std::string_view rhs) {
  std::vector<size_t> row(rhs.size() + 1);
  for (size_t col = 0; col <= rhs.size(); ++col) row[col] = col;
  for (size_t lhs_idx = 1; lhs_idx <= lhs.size(); ++lhs_idx) {
    size_t diagonal = row[0];
    row[0] = lhs_idx;
    for (size_t rhs_idx = 1; rhs_idx <= rhs.size(); ++rhs_idx) {
      size_t above = row[rhs_idx];
      size_t substitution = diagonal + (lhs[lhs_idx - 1] == rhs[rhs_idx - 1] ? 0 : 1);
      row[rhs_idx] = std::min({above + 1, row[rhs_idx - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[rhs.size()];
}

Resolver::Resolver(const CheckEnv& env) : container_(WithoutLeadingDot(env.container)) {
  for (const VariableDecl& variable : env.variables) {
    std::string_view name = WithoutLeadingDot(variable.name);
    variables_.try_emplace(name, &variable);
    AddNamespaces(name, variable_namespaces_);
  }

  // Group the environment's functions by name; a name that is also standard, or declared
  // twice, gets one merged declaration.
  std::unordered_map<std::string_view, std::vector<const FunctionDecl*>> by_name;
  for (const FunctionDecl& function : env.functions) by_name[function.name].push_back(&function);
  for (const auto& [name, decls] : by_name) {
    const FunctionDecl* standard = FindStandardFunction(name);
    if (standard == nullptr && decls.size() == 1) {
      functions_.emplace(name, decls[0]);
      continue;
    }
    FunctionDecl& merged = merged_functions_.emplace_back(
        standard != nullptr ? *standard : FunctionDecl{std::string(name), {}});
    for (const FunctionDecl* decl : decls) {
      for (const OverloadDecl& overload : decl->overloads) {
        bool known = std::any_of(merged.overloads.begin(), merged.overloads.end(),
                                 [&](const OverloadDecl& have) { return have.id == overload.id; });
        if (!known) merged.overloads.push_back(overload);
      }
    }
    functions_.emplace(merged.name, &merged);
  }
  for (const FunctionDecl& function : env.functions) {
    AddNamespaces(function.name, function_namespaces_);
  }
}

std::vector<std::string> Resolver::Candidates(std::string_view name) const {
  if (!name.empty() && name[0] == '.') return {std::string(name.substr(1))};
  std::vector<std::string> candidates;
  std::string_view prefix = container_;
  while (!prefix.empty()) {
    candidates.push_back(std::string(prefix) + "." + std::string(name));
    size_t dot = prefix.rfind('.');
    prefix = dot == std::string_view::npos ? std::string_view() : prefix.substr(0, dot);
  }
  candidates.emplace_back(name);
  return candidates;
}

const VariableDecl* Resolver::FindGlobal(std::string_view qualified) const {
  auto it = variables_.find(qualified);
  if (it != variables_.end()) return it->second;
  return FindStandardTypeIdentifier(qualified);
}

bool Resolver::IsLocal(std::string_view name) const {
  return std::any_of(locals_.rbegin(), locals_.rend(),
                     [&](const auto& local) { return local.first == name; });
}

std::optional<ResolvedVariable> Resolver::FindVariable(std::string_view name) const {
  if (!name.empty() && name[0] != '.' && name.find('.') == std::string_view::npos) {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
      if (it->first == name) return ResolvedVariable{it->first, it->second};
    }
  }
  for (std::string& candidate : Candidates(name)) {
    if (const VariableDecl* decl = FindGlobal(candidate)) {
      return ResolvedVariable{std::move(candidate), decl->type};
    }
  }
  return std::nullopt;
}

const FunctionDecl* Resolver::FindFunction(std::string_view name) const {
  for (const std::string& candidate : Candidates(name)) {
    auto it = functions_.find(candidate);
    if (it != functions_.end()) return it->second;
    if (const FunctionDecl* standard = FindStandardFunction(candidate)) return standard;
  }
  return nullptr;
}

bool Resolver::IsFunctionNamespace(std::string_view prefix) const {
  for (const std::string& candidate : Candidates(prefix)) {
    if (function_namespaces_.count(candidate) > 0 ||
        StandardFunctionNamespaces().count(candidate) > 0) {
      return true;
    }
  }
  return false;
}

bool Resolver::IsVariableNamespace(std::string_view prefix) const {
  for (const std::string& candidate : Candidates(prefix)) {
    if (variable_namespaces_.count(candidate) > 0 ||
        TypeIdentifierNamespaces().count(candidate) > 0) {
      return true;
    }
  }
  return false;
}

void Resolver::PopScope() {
  locals_.resize(scope_marks_.back());
  scope_marks_.pop_back();
}

void Resolver::DeclareLocal(std::string name, Type type) {
  locals_.emplace_back(std::move(name), std::move(type));
}

std::string Resolver::SuggestVariable(std::string_view name) const {
  Suggestion suggestion(WithoutLeadingDot(name));
  for (const auto& local : locals_) suggestion.Consider(local.first);
  for (const auto& [variable_name, decl] : variables_) suggestion.Consider(variable_name);
  for (const std::string& prefix : variable_namespaces_) suggestion.Consider(prefix);
  for (const std::string& prefix : TypeIdentifierNamespaces()) suggestion.Consider(prefix);
  for (const VariableDecl& type_name : StandardTypeIdentifiers()) {
    suggestion.Consider(type_name.name);
  }
  return suggestion.Take();
}

std::string Resolver::SuggestFunction(std::string_view name) const {
  Suggestion suggestion(WithoutLeadingDot(name));
  for (const auto& [function_name, decl] : functions_) suggestion.Consider(function_name);
  for (const FunctionDecl& function : StandardFunctions()) suggestion.Consider(function.name);
  return suggestion.Take();
}

}  // namespace warden::cel::check_internal
