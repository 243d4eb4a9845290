#pragma once
// What the built-in library holds, described for people: each template's policies, rules,
// parameters and controls, and per compliance framework which built-in rules support
// each control (`warden templates`, `warden frameworks`, docs/library/). Built from the
// catalogue (library/catalog.h) and the templates' policies as the loader resolves them,
// so the description is exactly what `include: [{template: builtin:NAME}]` loads.

#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/base/status.h"
#include "warden/library/catalog.h"

namespace warden::policy {

struct TemplateRule {
  std::string id;
  std::string title;
  std::string effect;
  std::string severity;
  std::string message;                // the template text, `{{...}}` unrendered
  std::string remediation;            // likewise
  std::vector<std::string> controls;  // the rule's, else the policy's
};

struct TemplatePolicy {
  std::string name;
  std::string title;
  std::string description;
  std::string type;
  std::string severity;
  std::string file;                     // builtin:DIR/FILE.yaml
  std::vector<std::string> applies_to;  // match kinds, or actions for request policies
  std::vector<std::string> controls;    // the policy's own list
  std::vector<TemplateRule> rules;
};

struct TemplateParam {
  std::string name;
  std::string type;
  std::string default_json;  // empty when required
  std::string description;
  std::vector<std::string> policies;  // the policies that declare it
};

struct TemplateDescription {
  const library::TemplateInfo* info = nullptr;
  std::vector<TemplatePolicy> policies;  // load order, abstract parents left out
  std::vector<TemplateParam> params;     // by first declaration
  std::vector<std::string> controls;     // every control of every rule, sorted, unique
  size_t rule_count() const;
};

// One built-in rule supporting a control.
struct ControlCoverageEntry {
  std::string template_name;
  std::string policy;
  std::string rule;
};

struct ControlCoverage {
  const library::Control* control = nullptr;
  std::vector<ControlCoverageEntry> rules;  // empty: no built-in coverage
};

struct FrameworkCoverage {
  const library::Framework* framework = nullptr;
  std::vector<ControlCoverage> controls;  // catalogue order
  size_t covered() const;
};

// A control written by a built-in rule that the catalogue does not define.
struct UnknownControl {
  std::string control;  // as written, `framework:id`
  ControlCoverageEntry where;
};

struct LibraryDescription {
  std::vector<TemplateDescription> templates;  // index order
  std::vector<FrameworkCoverage> frameworks;   // by framework id
  std::vector<UnknownControl> unknown_controls;
  // Problems loading the templates' policies (none in a correct build).
  Diagnostics diagnostics;

  const TemplateDescription* FindTemplate(std::string_view name) const;
  const FrameworkCoverage* FindFramework(std::string_view id) const;
};

// Describes the built-in library of this binary; an error when its catalogue is
// unreadable. Loads every template once (a few milliseconds).
StatusOr<LibraryDescription> DescribeBuiltinLibrary();

}  // namespace warden::policy
