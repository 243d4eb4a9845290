#pragma once
// Resolution: from loaded documents (model.h) to the flat set of policies a bundle
// enforces. It merges `extends` chains (child wins), instantiates templates with their
// parameter values, checks parameter values against declared types, and reports every
// problem as a diagnostic (codes E120–E139, docs/diagnostics.md).
//
// Merge rules for `extends` (parents first, in list order, then the child): metadata
// scalars and spec scalars are taken from the nearest document that sets them; labels
// merge by key; match fields are replaced field by field; params and lets merge by name
// and rules by id, a child's entry replacing its parent's in place and new ones appended.

#include <map>
#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/data/node.h"
#include "warden/policy/model.h"

namespace warden::policy {

// A policy ready to compile: every inherited field merged in, with the parameter values
// of this instance.
struct ResolvedPolicy {
  PolicyDoc doc;  // merged; `extends` cleared, `abstract` false
  // Parameter values by name: the instance's value, or the declaration's default.
  std::map<std::string, const data::Node*> param_values;
  // Where the instance came from (`include` entry of a bundle), for messages.
  std::string instantiated_from;
};

// Merges the `extends` chain of every non-abstract policy in `policies`; abstract ones
// are only parents. Reports undefined parents (E120) and cycles (E121). Policies whose
// chain is broken are left out of the result.
std::vector<PolicyDoc> MergeInheritance(const std::vector<PolicyDoc>& policies,
                                        Diagnostics& diagnostics);

// Binds parameter values to a merged policy: `values` is a map node (or nullptr) from an
// include or the bundle's `params`; `values_location` points at it for messages. Unknown
// names are E123, missing required ones E124, type mismatches E125. With
// `skip_undeclared`, names the policy does not declare are skipped instead (the values of
// a template's `include` go to every policy of the template that declares them; the
// loader reports names that no policy declares).
ResolvedPolicy BindParams(PolicyDoc merged, const data::Node* values,
                          const SourceLocation& values_location, Diagnostics& diagnostics,
                          bool skip_undeclared = false);

// Whether `node` has the CEL type spelled `type` (`string`, `list(string)`,
// `map(string, int)`, `dyn`, ...). `type` must be well formed (see ValidParamType).
bool NodeHasParamType(const data::Node& node, std::string_view type);
// Whether `type` is a parameter type spelling Warden knows.
bool ValidParamType(std::string_view type);

}  // namespace warden::policy
