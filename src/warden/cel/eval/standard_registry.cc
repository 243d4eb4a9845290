#include "warden/cel/eval/standard_registry.h"

#include "warden/cel/lib/extensions.h"
#include "warden/cel/lib/map_insert.h"
#include "warden/cel/lib/optional.h"
#include "warden/cel/lib/standard.h"

namespace warden::cel {

const FunctionRegistry& StandardRegistry() {
  static const FunctionRegistry* const registry = [] {
    auto* built = new FunctionRegistry();  // never destroyed: used until exit
    RegisterStandardFunctions(*built);
    RegisterOptionalFunctions(*built);
    RegisterMapInsert(*built);
    RegisterStringExtensions(*built);
    RegisterMathExtensions(*built);
    RegisterEncoderExtensions(*built);
    RegisterNetworkExtensions(*built);
    RegisterSemverExtensions(*built);
    RegisterGlobExtensions(*built);
    return built;
  }();
  return *registry;
}

}  // namespace warden::cel
