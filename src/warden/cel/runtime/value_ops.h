#pragma once
// Equality and ordering of CEL values, as the cel-spec defines them: numbers compare by
// mathematical value across int, uint and double; lists and maps compare deeply; values
// of different kinds are simply unequal (heterogeneous equality).

#include <cstdint>

#include "warden/cel/common/value.h"

namespace warden::cel {

// CEL `==` for two non-error values. NaN is unequal to everything, itself included.
bool ValuesEqual(const Value& a, const Value& b);

enum class Ordering : uint8_t {
  kLess,
  kEqual,
  kGreater,
  kUnordered,     // a NaN is involved: every comparison is false
  kIncomparable,  // no ordering overload exists for these kinds
};

// CEL ordering for `<`, `<=`, `>`, `>=` between two non-error values.
Ordering CompareValues(const Value& a, const Value& b);

// Numeric comparisons used by both equality and ordering. int and uint compare exactly;
// an int or uint compares with a double after conversion to double (cel-go semantics).
Ordering CompareInts(int64_t a, int64_t b);
Ordering CompareIntUint(int64_t a, uint64_t b);
Ordering CompareIntDouble(int64_t a, double b);
Ordering CompareUintDouble(uint64_t a, double b);
Ordering CompareDoubles(double a, double b);

// Reverses kLess and kGreater.
Ordering Reverse(Ordering ordering);

}  // namespace warden::cel
