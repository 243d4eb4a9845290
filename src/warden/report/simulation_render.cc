// Rendering a Simulation (simulation.h): a table for people, JSON for tools, Markdown for
// a pull-request comment. Deterministic: input order and counts only.

#include <algorithm>
#include <cstdio>

#include "warden/report/json_out.h"
#include "warden/report/simulation.h"
#include "warden/report/text.h"

namespace warden::report {
namespace {

std::string Heading(const Simulation& simulation) {
  std::string out = "simulation of bundle `" + simulation.bundle_name + "`";
  if (!simulation.bundle_version.empty()) out += " " + simulation.bundle_version;
  if (!simulation.environment.empty()) out += " in environment `" + simulation.environment + "`";
  return out + " (dry run: nothing is enforced)";
}

std::string DocumentLine(const Simulation& simulation) {
  return Plural(simulation.documents, "document", "documents") + ": " +
         std::to_string(simulation.blocked_documents) + " would be blocked, " +
         std::to_string(simulation.warned_documents) + " only warned" +
         (simulation.input_errors > 0
              ? ", " + Plural(simulation.input_errors, "unreadable file", "unreadable files")
              : "");
}

std::string RequestLine(const Simulation& simulation) {
  return Plural(simulation.requests, "request", "requests") + ": " +
         std::to_string(simulation.allowed) + " allow, " + std::to_string(simulation.denied) +
         " deny, " + std::to_string(simulation.approval_required) + " require_approval (" +
         std::to_string(simulation.decided_by_default) + " by the default)" +
         (simulation.request_errors > 0
              ? ", " + Plural(simulation.request_errors, "unreadable line", "unreadable lines")
              : "");
}

std::string Pad(const std::string& text, size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

std::string Number(size_t value, size_t width) {
  std::string text = std::to_string(value);
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string ErrorText(const SimulationError& error) {
  std::string out = error.input.empty() ? "" : error.input + ": ";
  if (!error.policy.empty()) {
    out += error.policy + (error.rule.empty() ? "" : "/" + error.rule) + ": ";
  }
  return out + error.message;
}

std::string RenderTable(const Simulation& simulation) {
  std::string out = Heading(simulation) + "\n";
  if (simulation.documents > 0 || simulation.input_errors > 0) {
    out += DocumentLine(simulation) + "\n";
  }
  if (simulation.requests > 0 || simulation.request_errors > 0) {
    out += RequestLine(simulation) + "\n";
  }
  size_t width = 24;
  for (const PolicyTally& policy : simulation.policies) {
    width = std::max(width, policy.policy.size() + 2);
    for (const RuleTally& rule : policy.rules) width = std::max(width, rule.rule.size() + 4);
  }
  if (!simulation.policies.empty()) {
    out += "\n" + Pad("policy / rule", width) +
           "  pass  fail  warn error  skip | block  warn audit waived decided\n";
    for (const PolicyTally& policy : simulation.policies) {
      out += Pad(policy.policy, width) + Number(policy.passed, 6) + Number(policy.failed, 6) +
             Number(policy.warned, 6) + Number(policy.errored, 6) + Number(policy.skipped, 6) +
             " |\n";
      for (const RuleTally& rule : policy.rules) {
        out += Pad("  " + rule.rule, width) + std::string(30, ' ') + " |" +
               Number(rule.blocking, 6) + Number(rule.warned, 6) + Number(rule.audited, 6) +
               Number(rule.waived, 7) + Number(rule.decided, 8) + "\n";
      }
    }
  }
  if (!simulation.top_resources.empty()) {
    out += "\nresources with the most findings:\n";
    for (const ResourceTally& resource : simulation.top_resources) {
      out += Number(resource.blocking, 6) + " blocking " + Number(resource.warned, 4) +
             " warned  " + resource.resource + "\n";
    }
  }
  if (!simulation.errors.empty()) {
    out += "\nerrors:\n";
    for (const SimulationError& error : simulation.errors) out += "  " + ErrorText(error) + "\n";
    if (simulation.errors_dropped > 0) {
      out += "  ... and " + std::to_string(simulation.errors_dropped) + " more\n";
    }
  }
  return out;
}

std::string RenderJson(const Simulation& simulation) {
  JsonOut json(/*pretty=*/true);
  json.BeginObject();
  json.Key("bundle");
  json.BeginObject();
  json.Field("name", simulation.bundle_name);
  json.Field("version", simulation.bundle_version);
  json.EndObject();
  json.Field("environment", simulation.environment);
  json.Key("documents");
  json.BeginObject();
  json.FieldUint("total", simulation.documents);
  json.FieldUint("blocked", simulation.blocked_documents);
  json.FieldUint("warned", simulation.warned_documents);
  json.FieldUint("input_errors", simulation.input_errors);
  json.EndObject();
  json.Key("requests");
  json.BeginObject();
  json.FieldUint("total", simulation.requests);
  json.FieldUint("allow", simulation.allowed);
  json.FieldUint("deny", simulation.denied);
  json.FieldUint("require_approval", simulation.approval_required);
  json.FieldUint("by_default", simulation.decided_by_default);
  json.FieldUint("input_errors", simulation.request_errors);
  json.EndObject();
  json.Key("policies");
  json.BeginArray();
  for (const PolicyTally& policy : simulation.policies) {
    json.BeginObject();
    json.Field("policy", policy.policy);
    json.FieldUint("pass", policy.passed);
    json.FieldUint("fail", policy.failed);
    json.FieldUint("warn", policy.warned);
    json.FieldUint("error", policy.errored);
    json.FieldUint("skip", policy.skipped);
    json.Key("rules");
    json.BeginArray();
    for (const RuleTally& rule : policy.rules) {
      json.BeginObject();
      json.Field("rule", rule.rule);
      json.FieldUint("blocking", rule.blocking);
      json.FieldUint("warned", rule.warned);
      json.FieldUint("audited", rule.audited);
      json.FieldUint("waived", rule.waived);
      json.FieldUint("decided", rule.decided);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("top_resources");
  json.BeginArray();
  for (const ResourceTally& resource : simulation.top_resources) {
    json.BeginObject();
    json.Field("resource", resource.resource);
    json.FieldUint("blocking", resource.blocking);
    json.FieldUint("warned", resource.warned);
    json.EndObject();
  }
  json.EndArray();
  json.Key("errors");
  json.BeginArray();
  for (const SimulationError& error : simulation.errors) {
    json.BeginObject();
    json.Field("input", error.input);
    json.Field("policy", error.policy);
    json.Field("rule", error.rule);
    json.Field("message", error.message);
    json.EndObject();
  }
  json.EndArray();
  json.FieldUint("errors_dropped", simulation.errors_dropped);
  json.EndObject();
  return json.Take() + "\n";
}

std::string RenderMarkdown(const Simulation& simulation) {
  std::string out = "### Warden " + Heading(simulation) + "\n\n";
  if (simulation.documents > 0 || simulation.input_errors > 0) {
    out += "- " + DocumentLine(simulation) + "\n";
  }
  if (simulation.requests > 0 || simulation.request_errors > 0) {
    out += "- " + RequestLine(simulation) + "\n";
  }
  if (!simulation.policies.empty()) {
    out +=
        "\n| policy | rule | pass | fail | warn | error | blocking | warned | waived | decided |\n";
    out += "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const PolicyTally& policy : simulation.policies) {
      out += "| " + MarkdownCell(policy.policy) + " | | " + std::to_string(policy.passed) + " | " +
             std::to_string(policy.failed) + " | " + std::to_string(policy.warned) + " | " +
             std::to_string(policy.errored) + " | | | | |\n";
      for (const RuleTally& rule : policy.rules) {
        out += "| | " + MarkdownCell(rule.rule) + " | | | | | " + std::to_string(rule.blocking) +
               " | " + std::to_string(rule.warned) + " | " + std::to_string(rule.waived) + " | " +
               std::to_string(rule.decided) + " |\n";
      }
    }
  }
  if (!simulation.top_resources.empty()) {
    out += "\n**Resources with the most findings**\n\n";
    for (const ResourceTally& resource : simulation.top_resources) {
      out += "- " + MarkdownCell(resource.resource) + ": " + std::to_string(resource.blocking) +
             " blocking, " + std::to_string(resource.warned) + " warned\n";
    }
  }
  if (!simulation.errors.empty()) {
    out += "\n**Errors**\n\n";
    for (const SimulationError& error : simulation.errors) {
      out += "- " + MarkdownCell(ErrorText(error)) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string RenderSimulation(const Simulation& simulation, SummaryFormat format) {
  switch (format) {
    case SummaryFormat::kJson:
      return RenderJson(simulation);
    case SummaryFormat::kMarkdown:
      return RenderMarkdown(simulation);
    case SummaryFormat::kTable:
      break;
  }
  return RenderTable(simulation);
}

}  // namespace warden::report
