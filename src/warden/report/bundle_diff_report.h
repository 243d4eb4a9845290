#pragma once
// Rendering a semantic bundle diff (policy/bundle_diff.h, `warden diff`): a table for
// people, JSON for tools, Markdown for a pull-request comment. Every format ends with a
// newline and is deterministic. The shapes are documented in docs/cli.md.

#include <string>

#include "warden/policy/bundle_diff.h"

namespace warden::report {

struct DiffRenderOptions {
  bool color = false;        // table only: ANSI colours for the change markers
  std::string before_label;  // what the old bundle is (`main:policies/`, a directory)
  std::string after_label;
};

// One line per change: `~ policy foo`, `+ policy bar`, `- policy baz`,
// `→ renamed a → b`, then indented field lines (`  ~ rule r1: condition: "old" → "new"`);
// a summary line last (`no differences` when the bundles are equivalent).
std::string RenderDiffTable(const policy::BundleDiff& diff, const DiffRenderOptions& options = {});

// {"before", "after", "summary": {...}, "settings": [FIELD], "policies": [{change, name,
// old_name?, fields: [FIELD], rules: [{change, id, old_id?, fields}]}], "exceptions":
// [{change, name, policy, fields}]} where FIELD is {field, old, new} (null when absent).
std::string RenderDiffJson(const policy::BundleDiff& diff, const DiffRenderOptions& options = {});

// A heading, a summary line with counts, then a section per changed policy (and one for
// the bundle settings and the exceptions) with a `field | old | new` table.
std::string RenderDiffMarkdown(const policy::BundleDiff& diff,
                               const DiffRenderOptions& options = {});

}  // namespace warden::report
