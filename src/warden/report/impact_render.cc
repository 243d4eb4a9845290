// Rendering an Impact (impact.h): a table for people, JSON for tools, Markdown for the
// pull-request comment that shows reviewers what a policy change would do.

#include "warden/report/impact.h"
#include "warden/report/json_out.h"
#include "warden/report/text.h"

namespace warden::report {
namespace {

std::string Transition(const std::string& from, const std::string& to) {
  return from == to ? from + " (other rules)" : from + " → " + to;
}

std::string RuleNote(const ImpactChange& change) {
  std::string out;
  auto add = [&](const char* sign, const std::string& rule) {
    if (!out.empty()) out += ", ";
    out += sign + rule;
  };
  for (const std::string& rule : change.rules_added) add("+", rule);
  for (const std::string& rule : change.rules_removed) add("-", rule);
  return out;
}

std::string SummaryLine(const Impact& impact) {
  return std::to_string(impact.newly_blocked) + " newly blocked, " +
         std::to_string(impact.newly_allowed) + " newly allowed, " +
         std::to_string(impact.newly_erroring) + " newly erroring; " +
         Plural(impact.changed_inputs, "input changes", "inputs change") + " of " +
         Plural(impact.documents, "document", "documents") + " and " +
         Plural(impact.requests, "request", "requests");
}

std::string RenderTable(const Impact& impact) {
  std::string out = "impact of `" + impact.head_label + "` against `" + impact.base_label + "`\n";
  out += SummaryLine(impact) + "\n";
  if (!impact.groups.empty()) {
    out += "\nby policy:\n";
    for (const ImpactGroup& group : impact.groups) {
      out += "  " + (group.policy.empty() ? std::string("(request decisions)") : group.policy) +
             ": " + Transition(group.from, group.to) + " ×" + std::to_string(group.count) + "\n";
    }
    out += "\nby rule:\n";
    for (const ImpactRuleGroup& group : impact.rule_groups) {
      out += "  " + group.policy + "/" + group.rule + ": started firing on " +
             std::to_string(group.started) + ", stopped on " + std::to_string(group.stopped) + "\n";
    }
    out += "\nchanges:\n";
    for (const ImpactChange& change : impact.changes) {
      out += "  " + change.input;
      if (!change.policy.empty()) out += "  " + change.policy;
      out += "  " + Transition(change.from, change.to);
      std::string rules = RuleNote(change);
      if (!rules.empty()) out += "  (" + rules + ")";
      out += "\n";
    }
  }
  if (!impact.newly_erroring_inputs.empty()) {
    out += "\nnewly erroring:\n";
    for (const std::string& input : impact.newly_erroring_inputs) out += "  " + input + "\n";
  }
  return out;
}

std::string RenderJson(const Impact& impact) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Field("base", impact.base_label);
  json.Field("head", impact.head_label);
  json.Key("summary");
  json.BeginObject();
  json.FieldUint("documents", impact.documents);
  json.FieldUint("requests", impact.requests);
  json.FieldUint("changed_inputs", impact.changed_inputs);
  json.FieldUint("newly_blocked", impact.newly_blocked);
  json.FieldUint("newly_allowed", impact.newly_allowed);
  json.FieldUint("newly_erroring", impact.newly_erroring);
  json.EndObject();
  json.Key("groups");
  json.BeginArray();
  for (const ImpactGroup& group : impact.groups) {
    json.BeginObject();
    json.Field("policy", group.policy);
    json.Field("from", group.from);
    json.Field("to", group.to);
    json.FieldUint("count", group.count);
    json.EndObject();
  }
  json.EndArray();
  json.Key("rules");
  json.BeginArray();
  for (const ImpactRuleGroup& group : impact.rule_groups) {
    json.BeginObject();
    json.Field("policy", group.policy);
    json.Field("rule", group.rule);
    json.FieldUint("started", group.started);
    json.FieldUint("stopped", group.stopped);
    json.EndObject();
  }
  json.EndArray();
  json.Key("changes");
  json.BeginArray();
  for (const ImpactChange& change : impact.changes) {
    json.BeginObject();
    json.Field("input", change.input);
    json.Field("policy", change.policy);
    json.Field("from", change.from);
    json.Field("to", change.to);
    json.StringArray("rules_added", change.rules_added);
    json.StringArray("rules_removed", change.rules_removed);
    json.EndObject();
  }
  json.EndArray();
  json.StringArray("newly_erroring", impact.newly_erroring_inputs);
  json.EndObject();
  return json.Take() + "\n";
}

std::string RenderMarkdown(const Impact& impact) {
  std::string out = "### Warden impact of `" + impact.head_label + "` against `" +
                    impact.base_label + "`\n\n" + SummaryLine(impact) + "\n";
  if (!impact.groups.empty()) {
    out += "\n| policy | change | inputs |\n|---|---|---:|\n";
    for (const ImpactGroup& group : impact.groups) {
      out += "| " + MarkdownCell(group.policy.empty() ? "(request decisions)" : group.policy) +
             " | " + MarkdownCell(Transition(group.from, group.to)) + " | " +
             std::to_string(group.count) + " |\n";
    }
    out += "\n| rule | started firing | stopped firing |\n|---|---:|---:|\n";
    for (const ImpactRuleGroup& group : impact.rule_groups) {
      out += "| " + MarkdownCell(group.policy + "/" + group.rule) + " | " +
             std::to_string(group.started) + " | " + std::to_string(group.stopped) + " |\n";
    }
    out +=
        "\n<details><summary>Every change</summary>\n\n| input | policy | change | rules |\n"
        "|---|---|---|---|\n";
    for (const ImpactChange& change : impact.changes) {
      out += "| " + MarkdownCell(change.input) + " | " + MarkdownCell(change.policy) + " | " +
             MarkdownCell(Transition(change.from, change.to)) + " | " +
             MarkdownCell(RuleNote(change)) + " |\n";
    }
    out += "\n</details>\n";
  }
  if (!impact.newly_erroring_inputs.empty()) {
    out += "\n**Newly erroring**\n\n";
    for (const std::string& input : impact.newly_erroring_inputs) {
      out += "- " + MarkdownCell(input) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string RenderImpact(const Impact& impact, SummaryFormat format) {
  switch (format) {
    case SummaryFormat::kJson:
      return RenderJson(impact);
    case SummaryFormat::kMarkdown:
      return RenderMarkdown(impact);
    case SummaryFormat::kTable:
      break;
  }
  return RenderTable(impact);
}

}  // namespace warden::report
