#include "warden/service/bundle_service.h"

namespace warden::service {

LoadedBundle LoadBundle(const BundleSpec& spec, Diagnostics& diagnostics) {
  LoadedBundle loaded;
  loaded.source = spec.directory.empty() ? policy::LoadPolicyPaths(spec.policies, diagnostics)
                                         : policy::LoadBundleDirectory(spec.directory, diagnostics);
  loaded.compiled = policy::Compile(loaded.source, diagnostics, spec.compile);
  if (!diagnostics.has_errors()) {
    engine::EngineOptions options;
    options.use_index = spec.use_index;
    loaded.engine = engine::Engine::Build(loaded.compiled, options);
  }
  return loaded;
}

}  // namespace warden::service
