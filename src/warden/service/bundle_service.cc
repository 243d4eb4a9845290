#include "warden/service/bundle_service.h"

#include "warden/policy/loader.h"

namespace warden::service {

LoadedBundle LoadBundle(const BundleSpec& spec, Diagnostics& diagnostics) {
  LoadedBundle loaded;
  loaded.source = spec.directory.empty() ? policy::LoadPolicyPaths(spec.policies, diagnostics)
                                         : policy::LoadBundleDirectory(spec.directory, diagnostics);
  for (const auto& [name, text] : spec.extra_exceptions) {
    size_t before = loaded.source.documents->exceptions.size();
    policy::LoadText(text, name, *loaded.source.documents, diagnostics);
    for (size_t index = before; index < loaded.source.documents->exceptions.size(); ++index) {
      loaded.source.exceptions.push_back(loaded.source.documents->exceptions[index]);
    }
  }
  loaded.compiled = policy::Compile(loaded.source, diagnostics, spec.compile);
  if (!diagnostics.has_errors()) {
    engine::EngineOptions options;
    options.use_index = spec.use_index;
    loaded.engine = engine::Engine::Build(loaded.compiled, options);
  }
  return loaded;
}

}  // namespace warden::service
