#pragma once
// The CEL standard library: runtime implementations of the functions and operators of
// cel-spec's "Standard Definitions" (langdef.md), registered into a FunctionRegistry.
// Semantics follow cel-spec and its conformance suite; where the spec is silent they
// follow cel-go, the reference implementation. Registration happens once at start-up;
// every function is stateless (apart from the thread-safe regex and time-zone caches)
// and may run on any number of threads at once, each call with its own CallContext.
//
// Errors are CEL error values with messages in Warden's style (lowercase, user values
// in backticks): "integer overflow", "division by zero", "index out of range: 3",
// ``no such key: `name` ``, ``cannot convert `abc` to int``, "timestamp overflow", ...
// Functions whose work grows with their input (concatenation, `contains`, `in`,
// `matches`, conversions to text) charge the evaluation's cost budget, roughly one
// unit per byte or element, and fail with "evaluation cost budget exceeded".
//
// Operators and functions, by file:
//   std_arithmetic.cc   _+_ _-_ _*_ _/_ _%_ -_ on int, uint, double
//   std_comparisons.cc  _==_ _!=_ (any kinds, heterogeneous numeric equality),
//                       _<_ _<=_ _>_ _>=_ (numbers across kinds, string, bytes, bool,
//                       timestamp, duration; NaN compares false), !_
//   std_strings.cc      _+_ on string and bytes, size(string|bytes) in code points /
//                       bytes, contains, startsWith, endsWith, matches (RE2, partial)
//   std_containers.cc   _+_ on lists, size(list|map), _[_] on lists and maps, @in
//   conversions.cc      int, uint, double, string, bytes, bool, dyn, type
//   time_functions.cc   timestamp and duration arithmetic and conversions,
//                       getFullYear ... getMilliseconds (time_zone.h for zones)

namespace warden::cel {

class FunctionRegistry;

// Registers everything below.
void RegisterStandardFunctions(FunctionRegistry& registry);

void RegisterArithmeticFunctions(FunctionRegistry& registry);
void RegisterComparisonFunctions(FunctionRegistry& registry);
void RegisterStringFunctions(FunctionRegistry& registry);
void RegisterContainerFunctions(FunctionRegistry& registry);
void RegisterConversionFunctions(FunctionRegistry& registry);
void RegisterTimeFunctions(FunctionRegistry& registry);

}  // namespace warden::cel
