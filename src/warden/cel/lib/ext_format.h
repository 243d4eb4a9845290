#pragma once
// `<string>.format(<list>)`: printf-style substitution as cel-go's strings extension
// defines it at its latest version (the "v2" formatter, which the cel-spec conformance
// data follows). Internal to cel/lib; RegisterStringExtensions registers it.
//
// Each `%` clause takes the next list item; `%%` is a literal percent sign. A clause is
// `%` [ `.` digits ] verb; the precision (default 6, at most kFormatMaxPrecision) is used
// by `f` and `e` and ignored by the other verbs. Verbs and the kinds they accept:
//
//   %s  any value below, as text: null, bool, int, uint, double (shortest round-trip
//       decimal without exponent; NaN, Infinity, -Infinity), string, bytes (as UTF-8,
//       ill-formed bytes become U+FFFD), type (its name), timestamp (RFC 3339 in UTC
//       with up to nine fractional digits, trailing zeros dropped), duration (exact
//       decimal seconds with an "s" suffix, e.g. "6347s", "1.5s"), list ("[a, 1]": items
//       as %s, strings unquoted), map ("{k: v}": entries sorted by the text of the key)
//   %d  int, uint; double as for %s
//   %f  int, uint, double in fixed point with the precision (rounded to nearest, ties to
//       even on the exact binary value, as C and Go do); NaN/Infinity/-Infinity as words
//   %e  like %f in scientific notation: "1.052033e+03"
//   %b  int, uint (binary, negative ints with a leading "-"), bool (1 or 0)
//   %o  int, uint in octal
//   %x  %X  int, uint in hexadecimal (lower/upper case letters); string and bytes as
//       two hex digits per byte
//
// Errors (messages in Warden's style, wording close to cel-go's):
//   "index 2 out of range"                      more clauses than list items
//   "could not parse formatting clause: unexpected end of string"     a final lone `%`
//   "could not parse formatting clause: unrecognized formatting clause `a`"
//   "could not parse formatting clause: could not find end of precision specifier"
//   "could not parse formatting clause: missing precision digits after `.`"
//   "could not parse formatting clause: precision 1001 exceeds maximum allowed
//    precision 1000"
//   "error during formatting: decimal clause can only be used on ints, uints, and
//    doubles, was given `string`" (and the like for every verb; %s names what it accepts)
// Items the list holds beyond those the clauses use are ignored at run time.

#include <string_view>

#include "warden/cel/common/value.h"
#include "warden/cel/runtime/call_context.h"

namespace warden::cel::ext {

inline constexpr int kFormatDefaultPrecision = 6;
inline constexpr int kFormatMaxPrecision = 1000;

// Formats `format` with the items of the list `args`. Returns a string value, or an error
// value as listed above (or the cost/memory limit errors: output is charged per byte).
Value FormatString(std::string_view format, const Value& args, CallContext& ctx);

}  // namespace warden::cel::ext
