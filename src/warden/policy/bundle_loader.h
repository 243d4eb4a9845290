#pragma once
// Loading a policy repository: a bundle directory (with its `Bundle` manifest) or a list
// of policy files, into a BundleSource ready to compile. Reads files (policy/ is where
// Warden's own files are read); all problems are diagnostics, collected, never thrown.
//
// A bundle directory holds a manifest named `bundle.yaml`, `bundle.yml` or
// `warden.yaml`. Without one, every YAML file under the directory is loaded with the
// default settings (deny-overrides, default allow). `spec.policies` globs default to
// every `.yaml`/`.yml` file below the directory; files matched by `spec.tests` are loaded
// as tests. `include` entries add other bundles (`bundle: DIR`, relative to the manifest)
// and templates (`template: PATH` — a YAML file or a directory of them — whose policies
// are instantiated with `params`; each policy takes the values it declares). Built-in
// templates (`builtin:NAME`) come from the library compiled into the binary
// (library/catalog.h); their files are named `builtin:DIR/FILE.yaml`.

#include <memory>
#include <string>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/policy/model.h"
#include "warden/policy/resolve.h"

namespace warden::policy {

struct BundleSettings {
  std::string name;
  std::string version;
  Combining combining = Combining::kDenyOverrides;
  Effect default_effect = Effect::kAllow;
  std::vector<EnvironmentDoc> environments;
  std::string manifest_file;  // empty without a manifest
};

struct BundleSource {
  BundleSettings settings;
  std::vector<ResolvedPolicy> policies;  // in load order (files sorted by path)
  std::vector<ExceptionDoc> exceptions;
  std::vector<TestDoc> tests;
  std::vector<std::string> files;  // every file read, sorted, for the digest
  // The loaded documents; nodes referenced above live in their storage.
  std::shared_ptr<PolicySet> documents;
  std::string digest;  // sha256 (hex) over the files' names and contents
};

// Loads the bundle in `directory`. Never fails outright: what could not be loaded is
// in `diagnostics` and left out of the result.
BundleSource LoadBundleDirectory(const std::string& directory, Diagnostics& diagnostics);

// Loads policy files and directories (every YAML file below) as one bundle with default
// settings; Bundle documents among them are ignored with a warning (W230). A path
// `builtin:NAME` loads that built-in template with its parameters' defaults.
BundleSource LoadPolicyPaths(const std::vector<std::string>& paths, Diagnostics& diagnostics);

}  // namespace warden::policy
