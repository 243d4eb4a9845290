#include "warden/cel/lib/standard.h"

namespace warden::cel {

void RegisterStandardFunctions(FunctionRegistry& registry) {
  RegisterArithmeticFunctions(registry);
  RegisterComparisonFunctions(registry);
  RegisterStringFunctions(registry);
  RegisterContainerFunctions(registry);
  RegisterConversionFunctions(registry);
  RegisterTimeFunctions(registry);
}

}  // namespace warden::cel
