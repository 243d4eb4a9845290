#include "warden/policy/bundle_diff.h"

#include <map>
#include <set>
#include <utility>

#include "warden/data/json_writer.h"

namespace warden::policy {
namespace {

// Each side is first flattened into ordered `field -> value` maps (one per policy, one
// per rule, one per exception, one for the settings); diffing is then a walk over the
// union of two maps' keys, and "identical content" for rename detection is map equality.

struct Value {
  std::string text;
  bool free_text = false;
  // Rules only: the severity is the policy's, not the rule's own. Two inherited
  // severities are equal whatever the policy's is: a change of the policy's severity is
  // the policy's change (reported once, there), and does not hide a rule's rename.
  bool inherited = false;

  bool operator==(const Value& other) const {
    if (inherited && other.inherited) return true;
    return text == other.text && free_text == other.free_text;
  }
};

// Fields sort by section (their place in the documents), then by name within a section
// (labels, params, lets and environments have one field per entry).
using FieldKey = std::pair<int, std::string>;
using FieldMap = std::map<FieldKey, Value>;

struct FlatPolicy {
  FieldMap fields;
  std::map<std::string, FieldMap> rules;  // by id

  bool operator==(const FlatPolicy& other) const {
    return fields == other.fields && rules == other.rules;
  }
};

// CEL and templates written as block scalars carry a trailing newline that a flow
// scalar lacks; surrounding whitespace never matters.
std::string Trim(const std::string& text) {
  const char* kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ", ";
    out += item;
  }
  return out + "]";
}

std::vector<std::string> Values(const TextList& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const Text& text : list) out.push_back(text.value);
  return out;
}

class Flattener {
 public:
  explicit Flattener(FieldMap& out) : out_(out) {}

  void Name(int section, const std::string& field, const std::string& value) {
    out_[{section, field}] = Value{.text = value, .free_text = false, .inherited = false};
  }
  void FreeText(int section, const std::string& field, const std::optional<Text>& text) {
    if (text) FreeText(section, field, text->value);
  }
  void FreeText(int section, const std::string& field, const std::string& text) {
    out_[{section, field}] = Value{.text = Trim(text), .free_text = true, .inherited = false};
  }
  // An unset list and an empty one mean the same (no restriction, no controls).
  void List(int section, const std::string& field, const std::vector<std::string>& items) {
    if (!items.empty()) Name(section, field, JoinList(items));
  }
  void List(int section, const std::string& field, const std::optional<TextList>& list) {
    if (list) List(section, field, Values(*list));
  }

 private:
  FieldMap& out_;
};

// Sections of a policy, in document order. Plain enums: they are sort ranks of FieldKey.
enum PolicySection : int {
  kTitle,
  kDescription,
  kType,
  kSeverity,
  kOwner,
  kControls,
  kLabels,
  kEnforcement,
  kOverridable,
  kOnError,
  kMatchKinds,
  kMatchNamespaces,
  kMatchActions,
  kMatchResources,
  kMatchSubjects,
  kMatchEnvironments,
  kMatchWhen,
  kParams,
  kLets,
};

// Sections of a rule.
enum RuleSection : int {
  kRuleTitle,
  kRuleEffect,
  kRulePriority,
  kRuleSeverity,
  kRuleForeach,
  kRuleCondition,
  kRuleMessage,
  kRulePath,
  kRuleRemediation,
  kRuleControls,
  kRuleApprovers,
};

// The defaults below are the ones Compile applies (compile.cc), so that spelling out a
// default is not a change.
FieldMap FlattenRule(const RuleDoc& rule, Severity policy_severity) {
  FieldMap fields;
  Flattener flat(fields);
  flat.FreeText(kRuleTitle, "title", rule.title);
  flat.Name(kRuleEffect, "effect", EffectName(rule.effect.value_or(Effect::kDeny)));
  flat.Name(kRulePriority, "priority", std::to_string(rule.priority.value_or(100)));
  fields[{kRuleSeverity, "severity"}] =
      Value{.text = SeverityName(rule.severity.value_or(policy_severity)),
            .free_text = false,
            .inherited = !rule.severity.has_value()};
  flat.FreeText(kRuleForeach, "foreach", rule.foreach);
  flat.FreeText(kRuleCondition, "condition", rule.condition);
  flat.FreeText(kRuleMessage, "message", rule.message);
  flat.FreeText(kRulePath, "path", rule.path);
  flat.FreeText(kRuleRemediation, "remediation", rule.remediation);
  flat.List(kRuleControls, "controls", rule.controls);
  flat.List(kRuleApprovers, "approvers", rule.approvers);
  return fields;
}

FlatPolicy FlattenPolicy(const ResolvedPolicy& resolved) {
  const PolicyDoc& doc = resolved.doc;
  FlatPolicy policy;
  Flattener flat(policy.fields);
  const Metadata& metadata = doc.metadata;
  flat.FreeText(kTitle, "metadata.title", metadata.title);
  if (metadata.description)
    flat.FreeText(kDescription, "metadata.description", *metadata.description);
  flat.Name(kType, "metadata.type", PolicyTypeName(metadata.type.value_or(PolicyType::kSecurity)));
  Severity severity = metadata.severity.value_or(Severity::kMedium);
  flat.Name(kSeverity, "metadata.severity", SeverityName(severity));
  if (metadata.owner) flat.Name(kOwner, "metadata.owner", metadata.owner->value);
  flat.List(kControls, "metadata.controls", metadata.controls);
  for (const auto& [key, value] : metadata.labels) {
    flat.Name(kLabels, "metadata.labels." + key, value);
  }
  flat.Name(kEnforcement, "enforcement",
            EnforcementName(doc.enforcement.value_or(Enforcement::kEnforce)));
  flat.Name(kOverridable, "overridable", doc.overridable.value_or(true) ? "true" : "false");
  flat.Name(kOnError, "on_error", OnErrorName(doc.on_error.value_or(OnError::kDeny)));
  const MatchDoc& match = doc.match;
  flat.List(kMatchKinds, "match.kinds", match.kinds);
  flat.List(kMatchNamespaces, "match.namespaces", match.namespaces);
  flat.List(kMatchActions, "match.actions", match.actions);
  flat.List(kMatchResources, "match.resources", match.resources);
  flat.List(kMatchSubjects, "match.subjects", match.subjects);
  flat.List(kMatchEnvironments, "match.environments", match.environments);
  flat.FreeText(kMatchWhen, "match.when", match.when);
  for (const ParamDecl& param : doc.params) {
    std::string prefix = "params." + param.name.value;
    flat.Name(kParams, prefix + ".type", param.type.value);
    if (param.default_value != nullptr) {
      flat.Name(kParams, prefix + ".default", data::ToJson(*param.default_value));
    }
    if (!param.description.empty()) {
      flat.FreeText(kParams, prefix + ".description", param.description);
    }
  }
  // The bound values (the instance's, else the defaults): what the rules evaluate with.
  for (const auto& [name, value] : resolved.param_values) {
    if (value != nullptr) flat.Name(kParams, "params." + name + ".value", data::ToJson(*value));
  }
  for (const LetDecl& let : doc.lets)
    flat.FreeText(kLets, "let." + let.name.value, let.expression.value);
  for (const RuleDoc& rule : doc.rules) {
    policy.rules[rule.id.value] = FlattenRule(rule, severity);
  }
  return policy;
}

// Appends the fields whose values differ between `before` and `after`, in key order.
void CompareFields(const FieldMap& before, const FieldMap& after, const std::string& prefix,
                   std::vector<FieldChange>& out) {
  std::set<FieldKey> keys;
  for (const auto& [key, value] : before) keys.insert(key);
  for (const auto& [key, value] : after) keys.insert(key);
  for (const FieldKey& key : keys) {
    auto old_it = before.find(key);
    auto new_it = after.find(key);
    const Value* old_value = old_it == before.end() ? nullptr : &old_it->second;
    const Value* new_value = new_it == after.end() ? nullptr : &new_it->second;
    if (old_value != nullptr && new_value != nullptr && *old_value == *new_value) continue;
    FieldChange change;
    change.field = prefix + key.second;
    if (old_value != nullptr) change.old_value = old_value->text;
    if (new_value != nullptr) change.new_value = new_value->text;
    change.text = (old_value != nullptr && old_value->free_text) ||
                  (new_value != nullptr && new_value->free_text);
    out.push_back(std::move(change));
  }
}

// Pairs entries present only on one side whose content is identical: each entry only
// in `after` (in name order) takes the first unpaired entry only in `before` with equal
// content. Returns {new name -> old name}.
template <typename T>
std::map<std::string, std::string> FindRenames(const std::map<std::string, T>& before,
                                               const std::map<std::string, T>& after) {
  std::map<std::string, std::string> renames;
  std::set<std::string> taken;
  for (const auto& [new_name, new_content] : after) {
    if (before.count(new_name) > 0) continue;
    for (const auto& [old_name, old_content] : before) {
      if (after.count(old_name) > 0 || taken.count(old_name) > 0) continue;
      if (old_content == new_content) {
        renames[new_name] = old_name;
        taken.insert(old_name);
        break;
      }
    }
  }
  return renames;
}

// Walks the union of names of `before` and `after` in order, calling
// visit(kind, name, old_name, old_content, new_content); content pointers are null on the
// side where the entry does not exist. Renamed entries are visited once, under their new
// name; a removal paired with a rename is not visited.
template <typename T, typename Visit>
void WalkNamed(const std::map<std::string, T>& before, const std::map<std::string, T>& after,
               bool detect_renames, Visit&& visit) {
  std::map<std::string, std::string> renames;
  if (detect_renames) renames = FindRenames(before, after);
  std::set<std::string> renamed_from;
  for (const auto& [new_name, old_name] : renames) renamed_from.insert(old_name);
  std::set<std::string> names;
  for (const auto& [name, content] : before) {
    if (renamed_from.count(name) == 0) names.insert(name);
  }
  for (const auto& [name, content] : after) names.insert(name);
  for (const std::string& name : names) {
    auto old_it = before.find(name);
    auto new_it = after.find(name);
    if (auto rename = renames.find(name); rename != renames.end()) {
      visit(ChangeKind::kRenamed, name, rename->second, &before.at(rename->second),
            &new_it->second);
    } else if (new_it == after.end()) {
      visit(ChangeKind::kRemoved, name, std::string(), &old_it->second, nullptr);
    } else if (old_it == before.end()) {
      visit(ChangeKind::kAdded, name, std::string(), nullptr, &new_it->second);
    } else {
      visit(ChangeKind::kChanged, name, std::string(), &old_it->second, &new_it->second);
    }
  }
}

std::vector<RuleChange> CompareRules(const std::map<std::string, FieldMap>& before,
                                     const std::map<std::string, FieldMap>& after) {
  std::vector<RuleChange> changes;
  WalkNamed(before, after, /*detect_renames=*/true,
            [&](ChangeKind kind, const std::string& id, const std::string& old_id,
                const FieldMap* old_rule, const FieldMap* new_rule) {
              RuleChange change;
              change.kind = kind;
              change.id = id;
              change.old_id = old_id;
              if (kind == ChangeKind::kChanged) {
                CompareFields(*old_rule, *new_rule, "", change.fields);
                if (change.fields.empty()) return;
              }
              changes.push_back(std::move(change));
            });
  return changes;
}

// --- exceptions and settings ---------------------------------------------------------------

struct FlatException {
  std::string policy;
  FieldMap fields;

  bool operator==(const FlatException& other) const { return fields == other.fields; }
};

enum ExceptionSection : int {
  kExceptionPolicy,
  kExceptionRules,
  kExceptionKinds,
  kExceptionNamespaces,
  kExceptionNames,
  kExceptionFiles,
  kExceptionSubjects,
  kExceptionResources,
  kExceptionActions,
  kExceptionEnvironments,
  kExceptionExpires,
  kExceptionJustification,
  kExceptionRequestedBy,
  kExceptionApprovedBy,
};

FlatException FlattenException(const ExceptionDoc& doc) {
  FlatException exception;
  exception.policy = doc.policy.value;
  Flattener flat(exception.fields);
  flat.Name(kExceptionPolicy, "policy", doc.policy.value);
  flat.List(kExceptionRules, "rules", Values(doc.rules));
  const ExceptionTargets& targets = doc.targets;
  flat.List(kExceptionKinds, "targets.kinds", Values(targets.kinds));
  flat.List(kExceptionNamespaces, "targets.namespaces", Values(targets.namespaces));
  flat.List(kExceptionNames, "targets.names", Values(targets.names));
  flat.List(kExceptionFiles, "targets.files", Values(targets.files));
  flat.List(kExceptionSubjects, "targets.subjects", Values(targets.subjects));
  flat.List(kExceptionResources, "targets.resources", Values(targets.resources));
  flat.List(kExceptionActions, "targets.actions", Values(targets.actions));
  flat.List(kExceptionEnvironments, "environments", Values(doc.environments));
  if (doc.expires) flat.Name(kExceptionExpires, "expires", Trim(doc.expires->value));
  flat.FreeText(kExceptionJustification, "justification", doc.justification.value);
  if (doc.requested_by) flat.Name(kExceptionRequestedBy, "requested_by", doc.requested_by->value);
  flat.List(kExceptionApprovedBy, "approved_by", Values(doc.approved_by));
  return exception;
}

std::string EnvironmentSummary(const EnvironmentDoc& environment) {
  std::string out = "{";
  if (environment.enforcement) {
    out += std::string("enforcement: ") + EnforcementName(*environment.enforcement);
  }
  if (!environment.policies.empty()) {
    if (out.size() > 1) out += ", ";
    out += "policies: {";
    bool first = true;
    for (const auto& [policy, enforcement] : environment.policies) {
      out += (first ? "" : ", ") + policy + ": " + EnforcementName(enforcement);
      first = false;
    }
    out += "}";
  }
  return out + "}";
}

enum SettingsSection : int { kBundleName, kBundleVersion, kCombining, kDefault, kEnvironments };

void CompareSettings(const BundleSettings& before, const BundleSettings& after,
                     std::vector<FieldChange>& out) {
  FieldMap old_fields;
  FieldMap new_fields;
  for (auto [settings, fields] :
       {std::pair{&before, &old_fields}, std::pair{&after, &new_fields}}) {
    Flattener flat(*fields);
    // Without a manifest the name is the directory's, which says nothing about the
    // bundle (a checkout and an extracted revision differ).
    if (!settings->manifest_file.empty() && !settings->name.empty()) {
      flat.Name(kBundleName, "metadata.name", settings->name);
    }
    if (!settings->version.empty())
      flat.Name(kBundleVersion, "metadata.version", settings->version);
    flat.Name(kCombining, "combining", CombiningName(settings->combining));
    flat.Name(kDefault, "default", EffectName(settings->default_effect));
  }
  CompareFields(old_fields, new_fields, "", out);

  // An environment on both sides is compared setting by setting; one on a single side
  // is reported whole.
  std::map<std::string, const EnvironmentDoc*> old_environments;
  std::map<std::string, const EnvironmentDoc*> new_environments;
  for (const EnvironmentDoc& environment : before.environments) {
    old_environments[environment.name.value] = &environment;
  }
  for (const EnvironmentDoc& environment : after.environments) {
    new_environments[environment.name.value] = &environment;
  }
  WalkNamed(old_environments, new_environments, /*detect_renames=*/false,
            [&](ChangeKind kind, const std::string& name, const std::string&,
                const EnvironmentDoc* const* old_environment,
                const EnvironmentDoc* const* new_environment) {
              std::string prefix = "environments." + name;
              if (kind != ChangeKind::kChanged) {
                FieldChange change;
                change.field = prefix;
                if (old_environment) change.old_value = EnvironmentSummary(**old_environment);
                if (new_environment) change.new_value = EnvironmentSummary(**new_environment);
                out.push_back(std::move(change));
                return;
              }
              FieldMap old_fields_env;
              FieldMap new_fields_env;
              for (auto [environment, fields] : {std::pair{*old_environment, &old_fields_env},
                                                 std::pair{*new_environment, &new_fields_env}}) {
                Flattener flat(*fields);
                if (environment->enforcement) {
                  flat.Name(0, "enforcement", EnforcementName(*environment->enforcement));
                }
                for (const auto& [policy, enforcement] : environment->policies) {
                  flat.Name(1, "policies." + policy, EnforcementName(enforcement));
                }
              }
              CompareFields(old_fields_env, new_fields_env, prefix + ".", out);
            });
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kRenamed:
      return "renamed";
    case ChangeKind::kChanged:
      break;
  }
  return "changed";
}

size_t BundleDiff::CountPolicies(ChangeKind kind) const {
  size_t count = 0;
  for (const PolicyChange& change : policies) count += change.kind == kind ? 1 : 0;
  return count;
}

size_t BundleDiff::CountExceptions(ChangeKind kind) const {
  size_t count = 0;
  for (const ExceptionChange& change : exceptions) count += change.kind == kind ? 1 : 0;
  return count;
}

BundleDiff DiffBundles(const BundleSource& before, const BundleSource& after) {
  BundleDiff diff;
  CompareSettings(before.settings, after.settings, diff.settings);

  std::map<std::string, FlatPolicy> old_policies;
  std::map<std::string, FlatPolicy> new_policies;
  for (const ResolvedPolicy& policy : before.policies) {
    old_policies[policy.doc.metadata.name.value] = FlattenPolicy(policy);
  }
  for (const ResolvedPolicy& policy : after.policies) {
    new_policies[policy.doc.metadata.name.value] = FlattenPolicy(policy);
  }
  WalkNamed(old_policies, new_policies, /*detect_renames=*/true,
            [&](ChangeKind kind, const std::string& name, const std::string& old_name,
                const FlatPolicy* old_policy, const FlatPolicy* new_policy) {
              PolicyChange change;
              change.kind = kind;
              change.name = name;
              change.old_name = old_name;
              if (kind == ChangeKind::kChanged) {
                CompareFields(old_policy->fields, new_policy->fields, "", change.fields);
                change.rules = CompareRules(old_policy->rules, new_policy->rules);
                if (change.fields.empty() && change.rules.empty()) return;
              }
              diff.policies.push_back(std::move(change));
            });

  // Exception names are not checked for uniqueness by the loader; a later document with
  // the same name replaces an earlier one here, as the last word of the repository.
  std::map<std::string, FlatException> old_exceptions;
  std::map<std::string, FlatException> new_exceptions;
  for (const ExceptionDoc& doc : before.exceptions) {
    old_exceptions[doc.metadata.name.value] = FlattenException(doc);
  }
  for (const ExceptionDoc& doc : after.exceptions) {
    new_exceptions[doc.metadata.name.value] = FlattenException(doc);
  }
  WalkNamed(old_exceptions, new_exceptions, /*detect_renames=*/false,
            [&](ChangeKind kind, const std::string& name, const std::string&,
                const FlatException* old_exception, const FlatException* new_exception) {
              ExceptionChange change;
              change.kind = kind;
              change.name = name;
              change.policy =
                  new_exception != nullptr ? new_exception->policy : old_exception->policy;
              if (kind == ChangeKind::kChanged) {
                CompareFields(old_exception->fields, new_exception->fields, "", change.fields);
                if (change.fields.empty()) return;
              }
              diff.exceptions.push_back(std::move(change));
            });
  return diff;
}

}  // namespace warden::policy
