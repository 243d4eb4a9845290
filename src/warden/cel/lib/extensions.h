#pragma once
// CEL extension libraries: runtime implementations of functions beyond the cel-spec
// standard definitions, each library registered into a FunctionRegistry by one call.
//
// The libraries follow cel-go's extensions (strings, math, encoders) and Kubernetes'
// CEL libraries (IP/CIDR, semver) so that rules written for those ecosystems behave the
// same here; deliberate differences are listed under each library. `glob` is Warden's
// own. Registration happens once at start-up; the registered functions are stateless
// and may run on any number of threads at once, each call with its own CallContext.
//
// Conventions shared by every library:
//  * String positions and lengths are in Unicode code points, never bytes.
//  * Failures are CEL error values with a message in Warden's style, e.g.
//    "index out of range: 10"; an argument of the wrong kind (or the wrong opaque type)
//    yields the usual "no matching overload" error.
//  * Functions whose work grows with their input charge the evaluation's cost budget
//    (roughly one unit per byte read or produced), so hostile inputs end with
//    "evaluation cost budget exceeded" instead of running long. Results are built in
//    the evaluation's arena; substrings are returned as views of the receiver.

#include <cstddef>

namespace warden::cel {

class FunctionRegistry;

// The cel-go strings extension at its latest version. Receiver-style unless noted:
//
//   charAt(int) -> string          the code point at the index; "" at index == size
//   indexOf(string[, int]) -> int  first match at or after the start (default 0), -1 if
//                                  none; an empty search string returns the start
//   lastIndexOf(string[, int])     last match starting at or before the start (default
//                                  size), -1 if none; empty search string: the start
//   lowerAscii(), upperAscii()     ASCII letters only; other code points unchanged
//   replace(old, new[, int n])     at most n replacements (n < 0: all, 0: none); an
//                                  empty `old` matches before every code point and at
//                                  the end, as Go's strings.Replace does
//   split(sep[, int n]) -> list    at most n parts (n < 0: all, 0: []); the last part
//                                  holds the rest; an empty `sep` splits into code points
//   substring(start[, end])        code points [start, end)
//   trim()                         strips leading and trailing Unicode white space (Go's
//                                  unicode.IsSpace: \t \n \v \f \r, space, U+0085, U+00A0,
//                                  U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
//                                  U+205F, U+3000; not the zero-width spaces)
//   list(string).join([sep])       concatenation; an element that is not a string is an
//                                  error
//   reverse()                      code points in reverse order
//   format(list) -> string         printf-style; see ext_format.h for verbs and errors
//   strings.quote(string)          global; a double-quoted CEL string literal with
//                                  \a \b \f \n \r \t \v \\ \" escaped
//
// Index errors: a position outside [0, size] is "index out of range: N";
// substring(start, end) with start > end is "invalid substring range: start 4, end 3".
// Deliberate difference from cel-go: indexOf/lastIndexOf accept every start in
// [0, size] (cel-go rejects start == size for a non-empty search string and does not
// check the start of an empty search string at all).
void RegisterStringExtensions(FunctionRegistry& registry);

// The most arguments `math.greatest` and `math.least` accept when called with separate
// arguments (the registry has fixed arities); pass a list for more.
inline constexpr size_t kMathMaxArgs = 32;

// The cel-go math extension; every function is a global call with a dotted name:
//
//   math.greatest(x, ...), math.least(x, ...)   1..kMathMaxArgs numbers of any mix of
//       int, uint and double, or one list of numbers; compared by numeric value, the
//       winning argument is returned with its own kind, ties keep the earliest. An
//       empty list, a non-number element or a NaN is an error. The same functions are
//       also registered as cel-go's internal names math.@max and math.@min
//   math.ceil/floor/round/trunc(double) -> double   round: half away from zero
//   math.abs(int|uint|double)             abs of the minimum int is "integer overflow"
//   math.sign(int|uint|double)            -1, 0 or 1 of the same kind; NaN stays NaN
//   math.isNaN/isInf/isFinite(double) -> bool
//   math.bitAnd/bitOr/bitXor(int, int) -> int, (uint, uint) -> uint
//   math.bitNot(int) -> int, (uint) -> uint
//   math.bitShiftLeft/bitShiftRight(int|uint, int)  a negative shift is an error, a
//       shift of 64 or more gives 0, and the right shift of an int is logical (its sign
//       bit is not extended), as in cel-go
//   math.sqrt(int|uint|double) -> double  the square root of a negative number is NaN
void RegisterMathExtensions(FunctionRegistry& registry);

// The cel-go encoders extension:
//
//   base64.encode(bytes) -> string   standard alphabet, padded
//   base64.decode(string) -> bytes   standard alphabet, padded or not, unused bits of
//                                    the last character ignored; line breaks (\r, \n)
//                                    are ignored as Go does; anything else invalid is
//                                    the error "invalid base64 data"
//
// Both use the codec of warden/base/base64.h.
void RegisterEncoderExtensions(FunctionRegistry& registry);

// Kubernetes' IP and CIDR libraries. Values are opaque: "net.IP" holds the 4 or 16
// address bytes, "net.CIDR" the address bytes plus one byte of prefix length, so two
// values are equal exactly when address (and prefix length) are equal.
//
//   ip(string) -> net.IP, isIP(string) -> bool, ip.isCanonical(string) -> bool
//   cidr(string) -> net.CIDR, isCIDR(string) -> bool
//   <ip>.family() -> int (4 or 6), .isUnspecified(), .isLoopback(),
//       .isLinkLocalMulticast() (224.0.0.0/24, ffX2::/16), .isLinkLocalUnicast()
//       (169.254.0.0/16, fe80::/10), .isGlobalUnicast() (Go's net/netip definitions)
//   <cidr>.containsIP(net.IP | string), .containsCIDR(net.CIDR | string) -> bool
//   <cidr>.ip() -> net.IP, .masked() -> net.CIDR, .prefixLength() -> int
//   string(net.IP | net.CIDR) -> string   canonical text: IPv4 dotted decimal, IPv6 per
//       RFC 5952 (lower case, longest run of zero groups shortened to "::")
//
// Parsing follows Go's net/netip as Kubernetes uses it: IPv4 is exactly four decimal
// octets without leading zeros; IPv6 may embed a trailing dotted IPv4 part; zones
// ("fe80::1%eth0") and IPv4-mapped IPv6 addresses ("::ffff:1.2.3.4") are rejected. A
// CIDR's address need not be masked ("10.0.0.1/8" is valid; masked() clears the host
// bits). Deliberate difference from Kubernetes: containsCIDR is true whenever the
// argument's network lies inside the receiver's (Kubernetes also requires the
// argument's address to equal the receiver's network address).
void RegisterNetworkExtensions(FunctionRegistry& registry);

// Kubernetes' semver library. Values are opaque "Semver" values holding the canonical
// text without build metadata, so equality is SemVer precedence equality.
//
//   semver(string[, bool normalize]) -> Semver, isSemver(string[, bool]) -> bool
//   <semver>.major(), .minor(), .patch() -> int
//   <semver>.isGreaterThan(Semver), .isLessThan(Semver) -> bool
//   <semver>.compareTo(Semver) -> int (-1, 0, 1)
//
// Parsing is SemVer 2.0.0 (as blang/semver parses it): MAJOR.MINOR.PATCH without
// leading zeros, optional -prerelease (dot-separated [0-9A-Za-z-] identifiers, numeric
// ones without leading zeros) and +build. With normalize = true a leading "v" is
// dropped, missing minor/patch become 0 and leading zeros are removed first. Precedence
// ignores build metadata; a version with a pre-release sorts before the release.
void RegisterSemverExtensions(FunctionRegistry& registry);

// Warden's glob matching (semantics in glob.h):
//
//   <string>.glob(pattern) -> bool, glob(string, pattern) -> bool
//
// A malformed pattern (unclosed `[`, trailing `\`, reversed range) is an error value.
void RegisterGlobExtensions(FunctionRegistry& registry);

}  // namespace warden::cel
