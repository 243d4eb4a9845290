#pragma once
// The built-in library's catalogue: the templates (library/templates.yaml) with their
// policy files, and the compliance frameworks (library/frameworks/*.yaml) with their
// controls. Read once from the embedded files (embedded_files.h) and immutable after.
//
// Policy files are named `builtin:TEMPLATE_DIR/FILE.yaml` (e.g.
// `builtin:pss-baseline/seccomp.yaml`): the name findings and diagnostics carry.

#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"

namespace warden::library {

// The prefix of a built-in template's name in `include` entries and `-p`.
inline constexpr std::string_view kBuiltinPrefix = "builtin:";

struct PolicyFile {
  std::string name;  // builtin:DIR/FILE.yaml
  std::string_view text;
};

struct TemplateInfo {
  std::string name;
  std::string title;
  std::string description;
  std::string input;  // kubernetes, dockerfile, github-actions, terraform-plan, requests
  std::vector<std::string> directories;  // under library/templates/, in load order
  std::vector<PolicyFile> files;         // the policies of every directory, in order
};

struct Control {
  std::string id;  // within the framework: `CC6.1`, `Art.32`, `baseline/seccomp`
  std::string title;
  std::string description;
};

struct Framework {
  std::string id;  // `soc2`: controls are written `soc2:CC6.1`
  std::string title;
  std::string version;
  std::string description;
  std::string url;
  std::vector<Control> controls;  // in catalogue order

  const Control* FindControl(std::string_view control_id) const;
};

struct Catalog {
  std::vector<TemplateInfo> templates;  // in index order
  std::vector<Framework> frameworks;    // sorted by id

  const TemplateInfo* FindTemplate(std::string_view name) const;
  const Framework* FindFramework(std::string_view id) const;
  std::vector<std::string> TemplateNames() const;
};

// The catalogue of this binary. An error means the embedded library is malformed (a bug
// the library's tests catch), never user input.
const StatusOr<Catalog>& BuiltinCatalog();

// Reads a catalogue from files (path relative to library/, text): what BuiltinCatalog
// does with the embedded files; exposed for tests.
struct SourceFile {
  std::string_view path;
  std::string_view text;
};
StatusOr<Catalog> ReadCatalog(const std::vector<SourceFile>& files);

}  // namespace warden::library
