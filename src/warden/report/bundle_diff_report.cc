// `warden diff` output (docs/cli.md, "warden diff").

#include "warden/report/bundle_diff_report.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "warden/report/json_out.h"
#include "warden/report/text.h"

namespace warden::report {
namespace {

using policy::BundleDiff;
using policy::ChangeKind;
using policy::ExceptionChange;
using policy::FieldChange;
using policy::PolicyChange;
using policy::RuleChange;

constexpr const char* kArrow = "\xE2\x86\x92";  // →

// "policies: 1 added, 2 changed; exceptions: 1 removed; settings: 1 changed", or
// "no differences". Counts of zero are left out.
std::string SummaryLine(const BundleDiff& diff) {
  auto group = [](const char* name, const std::vector<std::pair<const char*, size_t>>& counts) {
    std::string out;
    for (const auto& [what, count] : counts) {
      if (count == 0) continue;
      out += (out.empty() ? std::string(name) + ": " : std::string(", ")) + std::to_string(count) +
             " " + what;
    }
    return out;
  };
  std::vector<std::string> parts = {
      group("policies", {{"added", diff.CountPolicies(ChangeKind::kAdded)},
                         {"removed", diff.CountPolicies(ChangeKind::kRemoved)},
                         {"renamed", diff.CountPolicies(ChangeKind::kRenamed)},
                         {"changed", diff.CountPolicies(ChangeKind::kChanged)}}),
      group("exceptions", {{"added", diff.CountExceptions(ChangeKind::kAdded)},
                           {"removed", diff.CountExceptions(ChangeKind::kRemoved)},
                           {"changed", diff.CountExceptions(ChangeKind::kChanged)}}),
      group("settings", {{"changed", diff.settings.size()}}),
  };
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    out += (out.empty() ? "" : "; ") + part;
  }
  return out.empty() ? "no differences" : out;
}

// --- table ------------------------------------------------------------------------------

class TableWriter {
 public:
  explicit TableWriter(bool color) : color_(color) {}

  // `marker` is one of + - ~ →; `text` is already made safe for a terminal.
  void Line(size_t indent, const std::string& marker, const std::string& text) {
    out_.append(indent, ' ');
    out_ += Paint(marker) + " " + text + "\n";
  }

  // `  ~ field: old → new`, `  + field: new`, `  - field: old`, after `label` (a rule).
  void Field(size_t indent, const std::string& label, const FieldChange& change) {
    std::string text = label + TerminalText(change.field, 0) + ": ";
    if (change.old_value && change.new_value) {
      Line(indent, "~",
           text + Value(*change.old_value, change.text) + " " + kArrow + " " +
               Value(*change.new_value, change.text));
    } else if (change.new_value) {
      Line(indent, "+", text + Value(*change.new_value, change.text));
    } else if (change.old_value) {
      Line(indent, "-", text + Value(*change.old_value, change.text));
    }
  }

  void Raw(const std::string& text) { out_ += text; }
  std::string Take() { return std::move(out_); }

 private:
  std::string Paint(const std::string& marker) const {
    if (!color_) return marker;
    const char* code = marker == "+" ? "32" : marker == "-" ? "31" : marker == "~" ? "33" : "36";
    return std::string("\033[") + code + "m" + marker + "\033[0m";
  }

  // Free text is quoted with JSON escapes so that newlines and quotes stay visible on
  // one line; everything goes through TerminalText so no escape sequence gets through.
  static std::string Value(const std::string& value, bool text) {
    if (!text) return TerminalText(value, 0);
    std::string quoted;
    AppendJsonString(quoted, value);
    return TerminalText(quoted, 0);
  }

  bool color_;
  std::string out_;
};

const char* Marker(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "+";
    case ChangeKind::kRemoved:
      return "-";
    case ChangeKind::kRenamed:
      return kArrow;
    case ChangeKind::kChanged:
      break;
  }
  return "~";
}

void TableRule(TableWriter& table, const RuleChange& rule) {
  std::string id = TerminalText(rule.id, 0);
  switch (rule.kind) {
    case ChangeKind::kRenamed:
      table.Line(2, kArrow,
                 "renamed rule " + TerminalText(rule.old_id, 0) + " " + kArrow + " " + id);
      return;
    case ChangeKind::kAdded:
    case ChangeKind::kRemoved:
      table.Line(2, Marker(rule.kind), "rule " + id);
      return;
    case ChangeKind::kChanged:
      break;
  }
  for (const FieldChange& field : rule.fields) table.Field(2, "rule " + id + ": ", field);
}

}  // namespace

std::string RenderDiffTable(const BundleDiff& diff, const DiffRenderOptions& options) {
  TableWriter table(options.color);
  if (!diff.settings.empty()) {
    table.Line(0, "~", "bundle settings");
    for (const FieldChange& field : diff.settings) table.Field(2, "", field);
  }
  for (const PolicyChange& policy : diff.policies) {
    std::string name = TerminalText(policy.name, 0);
    if (policy.kind == ChangeKind::kRenamed) {
      table.Line(0, kArrow,
                 "renamed " + TerminalText(policy.old_name, 0) + " " + kArrow + " " + name);
      continue;
    }
    table.Line(0, Marker(policy.kind), "policy " + name);
    for (const FieldChange& field : policy.fields) table.Field(2, "", field);
    for (const RuleChange& rule : policy.rules) TableRule(table, rule);
  }
  for (const ExceptionChange& exception : diff.exceptions) {
    table.Line(0, Marker(exception.kind),
               "exception " + TerminalText(exception.name, 0) + " (policy " +
                   TerminalText(exception.policy, 0) + ")");
    for (const FieldChange& field : exception.fields) table.Field(2, "", field);
  }
  if (!diff.empty()) table.Raw("\n");
  table.Raw(SummaryLine(diff) + "\n");
  return table.Take();
}

// --- JSON -------------------------------------------------------------------------------

namespace {

// {field, old, new}; an absent value is null.
void JsonFieldChange(JsonOut& json, const FieldChange& field) {
  json.BeginObject();
  json.Field("field", field.field);
  json.Key("old");
  field.old_value ? json.String(*field.old_value) : json.Null();
  json.Key("new");
  field.new_value ? json.String(*field.new_value) : json.Null();
  json.EndObject();
}

void JsonFields(JsonOut& json, const std::vector<FieldChange>& fields) {
  json.Key("fields");
  json.BeginArray();
  for (const FieldChange& field : fields) JsonFieldChange(json, field);
  json.EndArray();
}

void JsonCounts(JsonOut& json, const char* key, const std::vector<ChangeKind>& kinds,
                const BundleDiff& diff, bool policies) {
  json.Key(key);
  json.BeginObject();
  for (ChangeKind kind : kinds) {
    json.FieldUint(policy::ChangeKindName(kind),
                   policies ? diff.CountPolicies(kind) : diff.CountExceptions(kind));
  }
  json.EndObject();
}

}  // namespace

std::string RenderDiffJson(const BundleDiff& diff, const DiffRenderOptions& options) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Field("before", options.before_label);
  json.Field("after", options.after_label);
  json.Key("summary");
  json.BeginObject();
  json.FieldBool("differences", !diff.empty());
  JsonCounts(json, "policies",
             {ChangeKind::kAdded, ChangeKind::kRemoved, ChangeKind::kRenamed, ChangeKind::kChanged},
             diff, /*policies=*/true);
  JsonCounts(json, "exceptions", {ChangeKind::kAdded, ChangeKind::kRemoved, ChangeKind::kChanged},
             diff, /*policies=*/false);
  json.FieldUint("settings", diff.settings.size());
  json.EndObject();
  json.Key("settings");
  json.BeginArray();
  for (const FieldChange& field : diff.settings) JsonFieldChange(json, field);
  json.EndArray();
  json.Key("policies");
  json.BeginArray();
  for (const PolicyChange& policy : diff.policies) {
    json.BeginObject();
    json.Field("change", policy::ChangeKindName(policy.kind));
    json.Field("name", policy.name);
    if (policy.kind == ChangeKind::kRenamed) json.Field("old_name", policy.old_name);
    JsonFields(json, policy.fields);
    json.Key("rules");
    json.BeginArray();
    for (const RuleChange& rule : policy.rules) {
      json.BeginObject();
      json.Field("change", policy::ChangeKindName(rule.kind));
      json.Field("id", rule.id);
      if (rule.kind == ChangeKind::kRenamed) json.Field("old_id", rule.old_id);
      JsonFields(json, rule.fields);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("exceptions");
  json.BeginArray();
  for (const ExceptionChange& exception : diff.exceptions) {
    json.BeginObject();
    json.Field("change", policy::ChangeKindName(exception.kind));
    json.Field("name", exception.name);
    json.Field("policy", exception.policy);
    JsonFields(json, exception.fields);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take() + "\n";
}

// --- Markdown ---------------------------------------------------------------------------

namespace {

// Inline code that survives a GFM table cell: `|` escaped (GFM unescapes it even inside
// code), newlines as spaces, control characters dropped, and a delimiter longer than
// any run of backticks inside.
std::string Code(const std::string& text) {
  std::string body;
  size_t longest_run = 0;
  size_t run = 0;
  ForEachCodePoint(text, [&](std::string_view sequence, char32_t code_point) {
    run = code_point == '`' ? run + 1 : 0;
    longest_run = std::max(longest_run, run);
    if (code_point == '|') {
      body += "\\|";
    } else if (code_point == '\n' || code_point == '\t') {
      body += ' ';
    } else if (code_point >= 0x20 && code_point != 0x7F) {
      body += sequence;
    }
  });
  if (body.empty()) return "_(empty)_";
  std::string fence(longest_run + 1, '`');
  bool pad = longest_run > 0 || body.front() == '`' || body.back() == '`';
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string Cell(const std::optional<std::string>& value) {
  return value ? Code(*value) : "_(none)_";
}

std::string TableHeader() { return "| field | old | new |\n|---|---|---|\n"; }

std::string FieldRow(const std::string& label, const FieldChange& field) {
  return "| " + label + Code(field.field) + " | " + Cell(field.old_value) + " | " +
         Cell(field.new_value) + " |\n";
}

std::string RuleRows(const RuleChange& rule) {
  std::string label = "rule " + Code(rule.id);
  switch (rule.kind) {
    case ChangeKind::kAdded:
      return "| " + label + " | _(none)_ | _added_ |\n";
    case ChangeKind::kRemoved:
      return "| " + label + " | _removed_ | _(none)_ |\n";
    case ChangeKind::kRenamed:
      return "| rule id | " + Code(rule.old_id) + " | " + Code(rule.id) + " |\n";
    case ChangeKind::kChanged:
      break;
  }
  std::string out;
  for (const FieldChange& field : rule.fields) out += FieldRow(label + ": ", field);
  return out;
}

}  // namespace

std::string RenderDiffMarkdown(const BundleDiff& diff, const DiffRenderOptions& options) {
  std::string out = "### Policy changes: " + Code(options.before_label) + " " + kArrow + " " +
                    Code(options.after_label) + "\n\n";
  out += "**" + SummaryLine(diff) + "**\n";
  if (!diff.settings.empty()) {
    out += "\n#### Bundle settings\n\n" + TableHeader();
    for (const FieldChange& field : diff.settings) out += FieldRow("", field);
  }
  for (const PolicyChange& policy : diff.policies) {
    switch (policy.kind) {
      case ChangeKind::kAdded:
        out += "\n#### Added policy " + Code(policy.name) + "\n";
        continue;
      case ChangeKind::kRemoved:
        out += "\n#### Removed policy " + Code(policy.name) + "\n";
        continue;
      case ChangeKind::kRenamed:
        out += "\n#### Renamed policy " + Code(policy.old_name) + " " + kArrow + " " +
               Code(policy.name) + "\n";
        continue;
      case ChangeKind::kChanged:
        break;
    }
    out += "\n#### Changed policy " + Code(policy.name) + "\n\n" + TableHeader();
    for (const FieldChange& field : policy.fields) out += FieldRow("", field);
    for (const RuleChange& rule : policy.rules) out += RuleRows(rule);
  }
  if (!diff.exceptions.empty()) {
    out += "\n#### Exceptions\n\n" + TableHeader();
    for (const ExceptionChange& exception : diff.exceptions) {
      std::string label = "exception " + Code(exception.name);
      switch (exception.kind) {
        case ChangeKind::kAdded:
          out += "| " + label + " (policy " + Code(exception.policy) + ") | _(none)_ | _added_ |\n";
          break;
        case ChangeKind::kRemoved:
          out +=
              "| " + label + " (policy " + Code(exception.policy) + ") | _removed_ | _(none)_ |\n";
          break;
        case ChangeKind::kRenamed:
        case ChangeKind::kChanged:
          for (const FieldChange& field : exception.fields) out += FieldRow(label + ": ", field);
          break;
      }
    }
  }
  return out;
}

}  // namespace warden::report
