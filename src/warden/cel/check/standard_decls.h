#pragma once
// The declarations every Warden expression is checked against: the cel-spec standard
// definitions (operators, conversions, string and time functions) plus the libraries
// LANGUAGE.md §4 enables — the strings, math and encoders extensions, optional values,
// `cel.@mapInsert` (used by the expansion of `transformMap`), and Warden's own functions
// (`glob`, the Kubernetes-compatible `ip`/`cidr` network helpers and `semver`).
//
// Overload ids follow cel-go's where cel-go has the overload, so references in a
// CheckResult read the same as cel-go's checked ASTs.
//
// Functions whose behaviour the checker types specially, and which are therefore not
// declared here: `_?._` (optional field selection) and `cel.@block`. `math.greatest`
// and `math.least` (also declared under cel-go's internal names `math.@max` and
// `math.@min`) have overloads for one and two numbers and for lists; the checker types
// calls with three or more arguments like the list form (cel-go's macro does the same
// rewrite), so an evaluator must accept any number of numeric arguments for them.
//
// The tables are built once, on first use (thread-safe); the accessors return
// references valid for the life of the program.

#include <string_view>
#include <vector>

#include "warden/cel/check/decls.h"

namespace warden::cel {

// Every standard function, one FunctionDecl per name, in no particular order.
const std::vector<FunctionDecl>& StandardFunctions();

// The standard function named `name`, or nullptr.
const FunctionDecl* FindStandardFunction(std::string_view name);

// The identifiers that denote types, declared as variables of type `type(T)`: `bool`,
// `bytes`, `double`, `int`, `uint`, `string`, `null_type`, `type`, `list`, `map`,
// `google.protobuf.Timestamp`, `google.protobuf.Duration`, `optional_type`, `net.IP`,
// `net.CIDR` and `Semver`. `dyn` is not one (cel-spec: `dyn` is only a function).
const std::vector<VariableDecl>& StandardTypeIdentifiers();

// The type identifier named `name`, or nullptr.
const VariableDecl* FindStandardTypeIdentifier(std::string_view name);

}  // namespace warden::cel
