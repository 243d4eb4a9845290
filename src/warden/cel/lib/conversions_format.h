#pragma once
// Number and boolean text forms for CEL's conversion functions. They follow cel-go,
// which converts with Go's strconv and fmt packages, so that `string(x)`, `int(s)`,
// `double(s)` and `bool(s)` give the same results as the reference implementation:
//
//  * FormatDouble is Go's fmt "%g" (strconv.FormatFloat(d, 'g', -1, 64)): the shortest
//    decimal that reads back to the same double; see its comment for the notation.
//  * ParseInt64 / ParseUint64 are strconv.ParseInt / ParseUint in base 10.
//  * ParseDouble is strconv.ParseFloat(s, 64).
//  * ParseBool is strconv.ParseBool.
//
// All functions are pure and thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warden::cel {

// Go's "%g" of a double. The shortest round-trip digits d1 d2 ... dn with decimal
// exponent x (value = d1.d2...dn * 10^x) are written
//  * in scientific notation when x < -4 or x >= 6 (Go's rule for the shortest form):
//    "1e+06", "1.5e+100", "1e-05", "-2.5e-07" (at least two exponent digits);
//  * otherwise in plain notation: "123.456", "100000", "-0.0045", "0.0001".
// Zero is "0" or "-0"; the special values are "NaN", "+Inf" and "-Inf".
std::string FormatDouble(double value);

// Outcome of a text-to-number conversion.
enum class NumberParseStatus {
  kOk,
  kSyntax,  // not a number in the accepted syntax
  kRange,   // a number, but outside the target type's range
};

// Base-10 int64: an optional '+' or '-' then one or more ASCII digits, nothing else
// (no spaces, no underscores, no base prefix).
NumberParseStatus ParseInt64(std::string_view text, int64_t& out);

// Base-10 uint64: one or more ASCII digits; no sign at all.
NumberParseStatus ParseUint64(std::string_view text, uint64_t& out);

// A double as Go's strconv.ParseFloat reads it: optional sign; decimal digits with an
// optional '.' and optional exponent (e/E, optional sign, digits), e.g. "1e3", ".5",
// "-1.", "6.02214e23"; hexadecimal "0x1.8p3" (the p exponent is required); "inf",
// "infinity" (any case, optionally signed) and "nan" (any case, unsigned).
// Deliberate difference from Go: no '_' digit separators (Go allows them after 0x only).
// kRange when the magnitude exceeds the largest double; values too small for a double
// become zero (or a subnormal), as in Go.
NumberParseStatus ParseDouble(std::string_view text, double& out);

// "1", "t", "T", "TRUE", "true", "True" and "0", "f", "F", "FALSE", "false", "False".
std::optional<bool> ParseBool(std::string_view text);

}  // namespace warden::cel
