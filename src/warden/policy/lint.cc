#include "warden/policy/lint.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "warden/policy/cel_text.h"

namespace warden::policy {
namespace {

// Whitespace-insensitive form of an expression, for comparing conditions.
std::string Normalized(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// Every expression text of a policy, templates' `{{...}}` parts included.
std::vector<std::string> Expressions(const PolicyDoc& doc) {
  std::vector<std::string> out;
  if (doc.match.when) out.push_back(doc.match.when->value);
  for (const LetDecl& let : doc.lets) out.push_back(let.expression.value);
  auto add_template = [&](const std::optional<Text>& text) {
    if (!text) return;
    size_t cursor = 0;
    while ((cursor = text->value.find("{{", cursor)) != std::string::npos) {
      size_t close = text->value.find("}}", cursor + 2);
      if (close == std::string::npos) break;
      out.push_back(text->value.substr(cursor + 2, close - cursor - 2));
      cursor = close + 2;
    }
  };
  for (const RuleDoc& rule : doc.rules) {
    if (rule.foreach) out.push_back(rule.foreach->value);
    if (rule.condition) out.push_back(rule.condition->value);
    add_template(rule.message);
    add_template(rule.path);
    add_template(rule.remediation);
  }
  return out;
}

void LintUnused(const ResolvedPolicy& resolved, Diagnostics& diagnostics) {
  const PolicyDoc& doc = resolved.doc;
  std::set<std::string> used;
  for (const std::string& expression : Expressions(doc)) {
    for (std::string& name : ReferencedNames(expression)) used.insert(std::move(name));
  }
  // Declarations inherited from a parent are not the child's to use: an abstract parent
  // offers values that only some of its children read.
  for (const ParamDecl& param : doc.params) {
    if (param.origin_file.empty() && used.count("params." + param.name.value) == 0) {
      diagnostics.Warning("W201", {doc.file, param.name.position},
                          "parameter `" + param.name.value + "` of policy `" +
                              doc.metadata.name.value + "` is never used",
                          "read it as `params." + param.name.value + "` or remove it");
    }
  }
  for (const LetDecl& let : doc.lets) {
    if (let.origin_file.empty() && used.count(let.name.value) == 0) {
      diagnostics.Warning("W202", {doc.file, let.name.position},
                          "`let` value `" + let.name.value + "` of policy `" +
                              doc.metadata.name.value + "` is never used");
    }
  }
}

void LintReachability(const ResolvedPolicy& resolved, Diagnostics& diagnostics) {
  const PolicyDoc& doc = resolved.doc;
  std::vector<const RuleDoc*> rules;
  for (const RuleDoc& rule : doc.rules) rules.push_back(&rule);
  std::stable_sort(rules.begin(), rules.end(), [](const RuleDoc* a, const RuleDoc* b) {
    return a->priority.value_or(100) < b->priority.value_or(100);
  });
  const RuleDoc* always = nullptr;
  std::map<std::string, const RuleDoc*> seen;
  for (const RuleDoc* rule : rules) {
    if (!rule->condition) continue;
    std::string condition = Normalized(rule->condition->value);
    const RuleDoc* shadow = always;
    if (shadow == nullptr && !rule->foreach) {
      if (auto it = seen.find(condition); it != seen.end()) shadow = it->second;
    }
    if (shadow != nullptr) {
      diagnostics.Warning("W210", {doc.file, rule->id.position},
                          "rule `" + rule->id.value + "` is unreachable under first-match: rule `" +
                              shadow->id.value + "` always fires before it",
                          "give it a lower priority number or change its condition");
      continue;
    }
    if (rule->foreach) continue;
    seen.emplace(condition, rule);
    if (condition == "true") always = rule;
  }
}

bool Opposite(Effect a, Effect b) {
  auto permits = [](Effect effect) { return effect == Effect::kAllow; };
  auto forbids = [](Effect effect) {
    return effect == Effect::kDeny || effect == Effect::kRequireApproval;
  };
  return (permits(a) && forbids(b)) || (forbids(a) && permits(b));
}

std::string MatchKey(const PolicyDoc& doc) {
  std::string key;
  auto add = [&](const std::optional<TextList>& list) {
    key += '[';
    if (list) {
      std::vector<std::string> values;
      for (const Text& text : *list) values.push_back(text.value);
      std::sort(values.begin(), values.end());
      for (const std::string& value : values) key += value + ",";
    }
    key += ']';
  };
  add(doc.match.kinds);
  add(doc.match.namespaces);
  add(doc.match.actions);
  add(doc.match.resources);
  add(doc.match.subjects);
  add(doc.match.environments);
  key += doc.match.when ? Normalized(doc.match.when->value) : "";
  return key;
}

void LintConflicts(const BundleSource& source, Diagnostics& diagnostics) {
  struct Seen {
    const PolicyDoc* doc;
    const RuleDoc* rule;
  };
  std::map<std::tuple<std::string, std::string, int64_t>, std::vector<Seen>> groups;
  for (const ResolvedPolicy& resolved : source.policies) {
    for (const RuleDoc& rule : resolved.doc.rules) {
      if (!rule.condition || rule.foreach) continue;
      groups[{MatchKey(resolved.doc), Normalized(rule.condition->value),
              rule.priority.value_or(100)}]
          .push_back({&resolved.doc, &rule});
    }
  }
  for (const auto& [key, members] : groups) {
    for (size_t later = 1; later < members.size(); ++later) {
      for (size_t earlier = 0; earlier < later; ++earlier) {
        const Seen& a = members[earlier];
        const Seen& b = members[later];
        if (!Opposite(a.rule->effect.value_or(Effect::kDeny),
                      b.rule->effect.value_or(Effect::kDeny))) {
          continue;
        }
        diagnostics.Warning("W211", {b.doc->file, b.rule->id.position},
                            "rule `" + b.doc->metadata.name.value + "/" + b.rule->id.value +
                                "` conflicts with `" + a.doc->metadata.name.value + "/" +
                                a.rule->id.value +
                                "`: same match, condition and priority, opposite effects",
                            "give one of them a different priority so the order is explicit");
        break;
      }
    }
  }
}

void LintMessages(const ResolvedPolicy& resolved, Diagnostics& diagnostics) {
  const PolicyDoc& doc = resolved.doc;
  for (const RuleDoc& rule : doc.rules) {
    if (rule.effect.value_or(Effect::kDeny) != Effect::kDeny) continue;
    if (!rule.message || rule.message->empty()) {
      diagnostics.Warning("W220", {doc.file, rule.id.position},
                          "deny rule `" + rule.id.value + "` has no `message`",
                          "say what is wrong, e.g. \"container {{item.name}} runs privileged\"");
    }
    if (!rule.remediation || rule.remediation->empty()) {
      diagnostics.Warning("W221", {doc.file, rule.id.position},
                          "deny rule `" + rule.id.value + "` has no `remediation`",
                          "tell users how to fix the finding");
    }
  }
}

void LintNeverApplies(const ResolvedPolicy& resolved, Diagnostics& diagnostics) {
  const MatchDoc& match = resolved.doc.match;
  bool documents =
      (match.kinds && !match.kinds->empty()) || (match.namespaces && !match.namespaces->empty());
  bool requests = (match.actions && !match.actions->empty()) ||
                  (match.resources && !match.resources->empty()) ||
                  (match.subjects && !match.subjects->empty());
  if (documents && requests) {
    diagnostics.Warning("W212", {resolved.doc.file, match.position},
                        "policy `" + resolved.doc.metadata.name.value +
                            "` matches both documents and requests, so it never applies",
                        "use kinds/namespaces for documents or actions/resources/subjects for "
                        "requests, in separate policies");
  }
}

}  // namespace

void Lint(const BundleSource& source, const CompiledBundle& bundle, Diagnostics& diagnostics) {
  for (const ResolvedPolicy& resolved : source.policies) {
    LintUnused(resolved, diagnostics);
    LintMessages(resolved, diagnostics);
    LintNeverApplies(resolved, diagnostics);
    if (bundle.combining == Combining::kFirstMatch) LintReachability(resolved, diagnostics);
  }
  LintConflicts(source, diagnostics);
}

}  // namespace warden::policy
