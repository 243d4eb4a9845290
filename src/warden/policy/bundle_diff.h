#pragma once
// A semantic diff of two policy bundles: what a reviewer needs to know about a change to
// a policy repository, instead of a line diff of its YAML (`warden diff`, docs/cli.md).
//
// The comparison runs on the resolved policies (bundle_loader.h): `extends` chains are
// merged and template parameters bound, so a change to an abstract parent shows up in
// every policy that inherits it, and moving a policy to another file, reordering keys
// or spelling out a default changes nothing. Defaults are applied before comparing
// (an unset `effect` is `deny`, an unset `priority` 100, ...), so only changes to what
// the bundle enforces are reported.
//
// Renames: a policy that exists only in the new bundle and whose content (everything but
// its name) is identical to one that exists only in the old bundle is reported as a
// rename, likewise a rule with a new id and otherwise identical content. A rename that
// also changes content is reported as a removal and an addition.
//
// Everything is sorted by name (policies, rules by id, exceptions), and fields come in a
// fixed order, so the result is deterministic. Pure data: no I/O, no printing.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "warden/policy/bundle_loader.h"

namespace warden::policy {

enum class ChangeKind { kAdded, kRemoved, kRenamed, kChanged };

// "added", "removed", "renamed", "changed".
const char* ChangeKindName(ChangeKind kind);

// One field whose value differs. `field` is its path in the YAML documents
// (`metadata.severity`, `match.kinds`, `condition`, `params.labels.value`,
// `environments.prod.policies.foo`). Values are display text: enum names as spelled in
// YAML (`deny`), numbers and booleans as literals, strings and CEL as they are, lists as
// `[a, b]`, parameter values as JSON. An absent value (a field that is not set, an
// environment that does not exist) is nullopt.
struct FieldChange {
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  // Whether the values are free text (CEL, messages, titles) that a renderer should
  // quote, as opposed to names, numbers and lists.
  bool text = false;
};

struct RuleChange {
  ChangeKind kind = ChangeKind::kChanged;
  std::string id;                   // the id in the new bundle (the old one for removals)
  std::string old_id;               // renames only
  std::vector<FieldChange> fields;  // changes only
};

struct PolicyChange {
  ChangeKind kind = ChangeKind::kChanged;
  std::string name;                 // the name in the new bundle (the old one for removals)
  std::string old_name;             // renames only
  std::vector<FieldChange> fields;  // changes only: policy-level fields
  std::vector<RuleChange> rules;    // changes only: rules added, removed, renamed, changed
};

struct ExceptionChange {
  ChangeKind kind = ChangeKind::kChanged;
  std::string name;
  std::string policy;               // the policy it waives (in the new bundle if present)
  std::vector<FieldChange> fields;  // changes only
};

struct BundleDiff {
  std::vector<FieldChange> settings;  // name, version, combining, default, environments
  std::vector<PolicyChange> policies;
  std::vector<ExceptionChange> exceptions;

  bool empty() const { return settings.empty() && policies.empty() && exceptions.empty(); }
  // How many policies (or exceptions) changed in the given way.
  size_t CountPolicies(ChangeKind kind) const;
  size_t CountExceptions(ChangeKind kind) const;
};

// Compares the bundle `before` with the bundle `after`. Both should have loaded without
// errors; policies or exceptions left out of a source because of errors are simply
// absent from it.
BundleDiff DiffBundles(const BundleSource& before, const BundleSource& after);

}  // namespace warden::policy
