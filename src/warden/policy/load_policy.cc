// `kind: Policy` documents → PolicyDoc.

#include <algorithm>
#include <map>
#include <utility>

#include "warden/policy/load_support.h"

namespace warden::policy::internal {
namespace {

MatchDoc ReadMatch(const data::Node& match, const DocumentReader& reader) {
  MatchDoc doc;
  doc.kinds = reader.GetTextList(match, "kinds");
  doc.namespaces = reader.GetTextList(match, "namespaces");
  doc.actions = reader.GetTextList(match, "actions");
  doc.resources = reader.GetTextList(match, "resources");
  doc.subjects = reader.GetTextList(match, "subjects");
  doc.environments = reader.GetTextList(match, "environments");
  doc.when = reader.GetText(match, "when");
  doc.position = match.position();
  return doc;
}

// Declarations without a `type` (E104) are left out.
std::vector<ParamDecl> ReadParams(const data::Node& params, const DocumentReader& reader) {
  std::vector<ParamDecl> out;
  for (const data::MapEntry& entry : params.entries()) {
    if (!entry.value.is_map()) continue;
    std::optional<Text> type = reader.GetText(entry.value, "type");
    if (!type) continue;
    ParamDecl param;
    param.name = reader.MakeKeyText(params, entry);
    param.type = std::move(*type);
    param.default_value = entry.value.Find("default");
    param.description = reader.GetString(entry.value, "description").value_or("");
    param.position = params.key_position(entry);
    out.push_back(std::move(param));
  }
  return out;
}

// A `let` named like a variable Warden binds would hide it: E112, and left out.
std::vector<LetDecl> ReadLets(const data::Node& lets, DocumentReader& reader) {
  const auto builtins = schema::BuiltinVariables();
  std::vector<LetDecl> out;
  for (const data::MapEntry& entry : lets.entries()) {
    if (!entry.value.is_string()) continue;
    if (std::find(builtins.begin(), builtins.end(), entry.key()) != builtins.end()) {
      reader.Error(
          "E112", lets.key_position(entry),
          "`let` name `" + std::string(entry.key()) + "` duplicates a variable Warden binds",
          "choose another name; `" + std::string(entry.key()) + "` is bound for every condition");
      continue;
    }
    out.push_back(LetDecl{reader.MakeKeyText(lets, entry), reader.MakeText(entry.value), ""});
  }
  return out;
}

RuleDoc ReadRule(const data::Node& rule, Text id, const DocumentReader& reader) {
  RuleDoc doc;
  doc.id = std::move(id);
  doc.title = reader.GetText(rule, "title");
  doc.effect = reader.GetEnum(rule, "effect", ParseEffect);
  if (doc.effect) doc.effect_position = rule.Find("effect")->position();
  doc.priority = reader.GetInt(rule, "priority");
  doc.severity = reader.GetEnum(rule, "severity", ParseSeverity);
  doc.foreach = reader.GetText(rule, "foreach");
  doc.condition = reader.GetText(rule, "condition");
  doc.message = reader.GetText(rule, "message");
  doc.path = reader.GetText(rule, "path");
  doc.remediation = reader.GetText(rule, "remediation");
  doc.controls = reader.GetTextList(rule, "controls");
  doc.approvers = reader.GetTextList(rule, "approvers");
  doc.position = rule.position();
  return doc;
}

// Rules without an id (E104) are left out, and so are repeated ids (E111): the first
// rule with an id wins.
std::vector<RuleDoc> ReadRules(const data::Node& rules, DocumentReader& reader) {
  std::vector<RuleDoc> out;
  std::map<std::string, SourcePosition, std::less<>> seen;
  for (const data::Node& rule : rules.items()) {
    if (!rule.is_map()) continue;
    std::optional<Text> id = reader.GetText(rule, "id");
    if (!id) continue;
    auto [first, inserted] = seen.emplace(id->value, id->position);
    if (!inserted) {
      reader.Error("E111", id->position, "duplicate rule id `" + id->value + "`",
                   "the first rule with this id is at line " + std::to_string(first->second.line) +
                       "; rule ids are unique in a policy");
      continue;
    }
    out.push_back(ReadRule(rule, std::move(*id), reader));
  }
  return out;
}

}  // namespace

void LoadPolicy(const data::Node& root, size_t document_index, DocumentReader& reader,
                PolicySet& set) {
  PolicyDoc policy;
  policy.file = reader.file();
  policy.document_index = document_index;
  policy.position = root.position();
  policy.metadata = reader.GetMetadata(root);
  policy.abstract = reader.GetBool(root, "abstract").value_or(false);
  if (std::optional<TextList> extends = reader.GetTextList(root, "extends")) {
    policy.extends = std::move(*extends);
  }
  if (const data::Node* spec = reader.GetMap(root, "spec")) {
    policy.enforcement = reader.GetEnum(*spec, "enforcement", ParseEnforcement);
    if (policy.enforcement) policy.enforcement_position = spec->Find("enforcement")->position();
    policy.overridable = reader.GetBool(*spec, "overridable");
    policy.on_error = reader.GetEnum(*spec, "on_error", ParseOnError);
    if (const data::Node* match = reader.GetMap(*spec, "match")) {
      policy.match = ReadMatch(*match, reader);
    }
    if (const data::Node* params = reader.GetMap(*spec, "params")) {
      policy.params = ReadParams(*params, reader);
    }
    if (const data::Node* lets = reader.GetMap(*spec, "let")) {
      policy.lets = ReadLets(*lets, reader);
    }
    if (const data::Node* rules = spec->Find("rules"); rules != nullptr && rules->is_list()) {
      policy.rules = ReadRules(*rules, reader);
    }
  }
  set.policies.push_back(std::move(policy));
}

}  // namespace warden::policy::internal
