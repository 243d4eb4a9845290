#include "warden/policy/builtin_library.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "warden/data/json_writer.h"
#include "warden/policy/bundle_loader.h"

namespace warden::policy {
namespace {

std::vector<std::string> Values(const std::optional<TextList>& list) {
  std::vector<std::string> values;
  if (list) {
    for (const Text& text : *list) values.push_back(text.value);
  }
  return values;
}

TemplatePolicy DescribePolicy(const ResolvedPolicy& resolved) {
  const PolicyDoc& doc = resolved.doc;
  TemplatePolicy policy;
  policy.name = doc.metadata.name.value;
  policy.title = doc.metadata.title ? doc.metadata.title->value : policy.name;
  policy.description = doc.metadata.description.value_or("");
  policy.type = PolicyTypeName(doc.metadata.type.value_or(PolicyType::kSecurity));
  Severity severity = doc.metadata.severity.value_or(Severity::kMedium);
  policy.severity = SeverityName(severity);
  policy.file = doc.file;
  policy.applies_to = Values(doc.match.kinds);
  if (policy.applies_to.empty()) policy.applies_to = Values(doc.match.actions);
  policy.controls = Values(doc.metadata.controls);
  for (const RuleDoc& rule_doc : doc.rules) {
    TemplateRule rule;
    rule.id = rule_doc.id.value;
    rule.title = rule_doc.title ? rule_doc.title->value : "";
    rule.effect = EffectName(rule_doc.effect.value_or(Effect::kDeny));
    rule.severity = SeverityName(rule_doc.severity.value_or(severity));
    rule.message = rule_doc.message ? rule_doc.message->value : "";
    rule.remediation = rule_doc.remediation ? rule_doc.remediation->value : "";
    rule.controls = rule_doc.controls ? Values(rule_doc.controls) : policy.controls;
    policy.rules.push_back(std::move(rule));
  }
  return policy;
}

void AddParams(const ResolvedPolicy& resolved, std::vector<TemplateParam>& params) {
  for (const ParamDecl& decl : resolved.doc.params) {
    auto it = std::find_if(params.begin(), params.end(), [&](const TemplateParam& param) {
      return param.name == decl.name.value;
    });
    if (it == params.end()) {
      TemplateParam param;
      param.name = decl.name.value;
      param.type = decl.type.value;
      if (decl.default_value != nullptr) param.default_json = data::ToJson(*decl.default_value);
      param.description = decl.description;
      params.push_back(std::move(param));
      it = params.end() - 1;
    }
    it->policies.push_back(resolved.doc.metadata.name.value);
  }
}

TemplateDescription DescribeTemplate(const library::TemplateInfo& info, Diagnostics& diagnostics) {
  TemplateDescription description;
  description.info = &info;
  BundleSource source =
      LoadPolicyPaths({std::string(library::kBuiltinPrefix) + info.name}, diagnostics);
  std::set<std::string> controls;
  for (const ResolvedPolicy& resolved : source.policies) {
    description.policies.push_back(DescribePolicy(resolved));
    AddParams(resolved, description.params);
    for (const TemplateRule& rule : description.policies.back().rules) {
      controls.insert(rule.controls.begin(), rule.controls.end());
    }
  }
  description.controls.assign(controls.begin(), controls.end());
  return description;
}

// Which rules support each control, over every template. A policy shared by several
// templates (pss-restricted holds the baseline policies) is credited to the first.
void MapControls(const library::Catalog& catalog, LibraryDescription& library) {
  // "framework:control" -> the rules naming it
  std::map<std::string, std::vector<ControlCoverageEntry>> by_control;
  std::set<std::string> seen_policies;
  for (const TemplateDescription& description : library.templates) {
    for (const TemplatePolicy& policy : description.policies) {
      if (!seen_policies.insert(policy.name).second) continue;
      for (const TemplateRule& rule : policy.rules) {
        for (const std::string& control : rule.controls) {
          by_control[control].push_back({description.info->name, policy.name, rule.id});
        }
      }
    }
  }
  for (const library::Framework& framework : catalog.frameworks) {
    FrameworkCoverage coverage;
    coverage.framework = &framework;
    for (const library::Control& control : framework.controls) {
      ControlCoverage entry;
      entry.control = &control;
      auto found = by_control.find(framework.id + ":" + control.id);
      if (found != by_control.end()) {
        entry.rules = found->second;
        by_control.erase(found);
      }
      coverage.controls.push_back(std::move(entry));
    }
    library.frameworks.push_back(std::move(coverage));
  }
  for (const auto& [control, entries] : by_control) {
    for (const ControlCoverageEntry& where : entries) {
      library.unknown_controls.push_back({control, where});
    }
  }
}

}  // namespace

size_t TemplateDescription::rule_count() const {
  size_t count = 0;
  for (const TemplatePolicy& policy : policies) count += policy.rules.size();
  return count;
}

size_t FrameworkCoverage::covered() const {
  return static_cast<size_t>(std::count_if(
      controls.begin(), controls.end(), [](const ControlCoverage& c) { return !c.rules.empty(); }));
}

const TemplateDescription* LibraryDescription::FindTemplate(std::string_view name) const {
  for (const TemplateDescription& description : templates) {
    if (description.info->name == name) return &description;
  }
  return nullptr;
}

const FrameworkCoverage* LibraryDescription::FindFramework(std::string_view id) const {
  for (const FrameworkCoverage& framework : frameworks) {
    if (framework.framework->id == id) return &framework;
  }
  return nullptr;
}

StatusOr<LibraryDescription> DescribeBuiltinLibrary() {
  const StatusOr<library::Catalog>& catalog = library::BuiltinCatalog();
  if (!catalog.ok()) return catalog.status();
  LibraryDescription library;
  for (const library::TemplateInfo& info : catalog->templates) {
    library.templates.push_back(DescribeTemplate(info, library.diagnostics));
  }
  MapControls(*catalog, library);
  return library;
}

}  // namespace warden::policy
