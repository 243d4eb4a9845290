#pragma once
// Loading a policy bundle for the shells: read (a bundle directory or policy files),
// compile, build the engine. One call, all diagnostics collected.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/engine/engine.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compile.h"

namespace warden::service {

struct BundleSpec {
  std::string directory;              // `-b DIR`
  std::vector<std::string> policies;  // `-p FILE_OR_DIR...` (used when directory is empty)
  bool use_index = true;
  policy::CompileOptions compile;
  // Exception documents from elsewhere (the store's approved exceptions), as (name,
  // YAML text): loaded after the bundle and checked like its own Exception files.
  std::vector<std::pair<std::string, std::string>> extra_exceptions;
};

struct LoadedBundle {
  policy::BundleSource source;
  std::shared_ptr<const policy::CompiledBundle> compiled;
  std::unique_ptr<engine::Engine> engine;  // null when there were errors
};

// Loads and compiles; the engine is built only when `diagnostics` has no errors.
LoadedBundle LoadBundle(const BundleSpec& spec, Diagnostics& diagnostics);

}  // namespace warden::service
