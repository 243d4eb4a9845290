#include "warden/cel/runtime/value_ops.h"

#include <cmath>
#include <cstring>

namespace warden::cel {

Ordering Reverse(Ordering ordering) {
  if (ordering == Ordering::kLess) return Ordering::kGreater;
  if (ordering == Ordering::kGreater) return Ordering::kLess;
  return ordering;
}

Ordering CompareInts(int64_t a, int64_t b) {
  return a < b ? Ordering::kLess : a > b ? Ordering::kGreater : Ordering::kEqual;
}

namespace {

Ordering CompareUints(uint64_t a, uint64_t b) {
  return a < b ? Ordering::kLess : a > b ? Ordering::kGreater : Ordering::kEqual;
}

template <typename T>
Ordering CompareBytesLike(const T& a, const T& b) {
  int result = a.compare(b);
  return result < 0 ? Ordering::kLess : result > 0 ? Ordering::kGreater : Ordering::kEqual;
}

Ordering CompareSecondsNanos(const Value& a, const Value& b) {
  Ordering by_seconds = CompareInts(a.seconds(), b.seconds());
  if (by_seconds != Ordering::kEqual) return by_seconds;
  return CompareInts(a.nanos(), b.nanos());
}

bool ListsEqual(const Value& a, const Value& b) {
  uint32_t size = a.list_size();
  if (size != b.list_size()) return false;
  for (uint32_t item_idx = 0; item_idx < size; ++item_idx) {
    if (!ValuesEqual(a.list_item(item_idx), b.list_item(item_idx))) return false;
  }
  return true;
}

bool MapsEqual(const Value& a, const Value& b) {
  uint32_t size = a.map_size();
  if (size != b.map_size()) return false;
  for (uint32_t entry_idx = 0; entry_idx < size; ++entry_idx) {
    Value other;
    if (!b.map_find(a.map_key(entry_idx), other)) return false;
    if (!ValuesEqual(a.map_value(entry_idx), other)) return false;
  }
  return true;
}

bool IsNumber(ValueKind kind) {
  return kind == ValueKind::kInt || kind == ValueKind::kUint || kind == ValueKind::kDouble;
}

Ordering CompareNumbers(const Value& a, const Value& b) {
  switch (a.kind()) {
    case ValueKind::kInt:
      if (b.kind() == ValueKind::kInt) return CompareInts(a.int_value(), b.int_value());
      if (b.kind() == ValueKind::kUint) return CompareIntUint(a.int_value(), b.uint_value());
      return CompareIntDouble(a.int_value(), b.double_value());
    case ValueKind::kUint:
      if (b.kind() == ValueKind::kUint) return CompareUints(a.uint_value(), b.uint_value());
      if (b.kind() == ValueKind::kInt)
        return Reverse(CompareIntUint(b.int_value(), a.uint_value()));
      return CompareUintDouble(a.uint_value(), b.double_value());
    default:
      if (b.kind() == ValueKind::kDouble) return CompareDoubles(a.double_value(), b.double_value());
      if (b.kind() == ValueKind::kInt)
        return Reverse(CompareIntDouble(b.int_value(), a.double_value()));
      return Reverse(CompareUintDouble(b.uint_value(), a.double_value()));
  }
}

}  // namespace

Ordering CompareIntUint(int64_t a, uint64_t b) {
  if (a < 0) return Ordering::kLess;
  return CompareUints(static_cast<uint64_t>(a), b);
}

Ordering CompareDoubles(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return Ordering::kUnordered;
  return a < b ? Ordering::kLess : a > b ? Ordering::kGreater : Ordering::kEqual;
}

// Integers are compared with doubles by converting the integer to double, as cel-go
// does and the cel-spec conformance cases require (so 2^63-1 equals 2^63.0).
Ordering CompareIntDouble(int64_t a, double b) { return CompareDoubles(static_cast<double>(a), b); }

Ordering CompareUintDouble(uint64_t a, double b) {
  return CompareDoubles(static_cast<double>(a), b);
}

bool ValuesEqual(const Value& a, const Value& b) {
  ValueKind kind = a.kind();
  if (kind != b.kind()) {
    if (IsNumber(kind) && IsNumber(b.kind())) return CompareNumbers(a, b) == Ordering::kEqual;
    return false;
  }
  switch (kind) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return a.bool_value() == b.bool_value();
    case ValueKind::kInt:
      return a.int_value() == b.int_value();
    case ValueKind::kUint:
      return a.uint_value() == b.uint_value();
    case ValueKind::kDouble:
      return a.double_value() == b.double_value();
    case ValueKind::kString:
    case ValueKind::kBytes:
    case ValueKind::kType:
      return a.string_view() == b.string_view();
    case ValueKind::kTimestamp:
    case ValueKind::kDuration:
      return a.seconds() == b.seconds() && a.nanos() == b.nanos();
    case ValueKind::kList:
      return ListsEqual(a, b);
    case ValueKind::kMap:
      return MapsEqual(a, b);
    case ValueKind::kOptional:
      if (a.has_value() != b.has_value()) return false;
      return !a.has_value() || ValuesEqual(a.optional_value(), b.optional_value());
    case ValueKind::kOpaque:
      return a.opaque().type_name == b.opaque().type_name && a.opaque().data == b.opaque().data;
    case ValueKind::kError:
      return false;
  }
  return false;
}

Ordering CompareValues(const Value& a, const Value& b) {
  if (IsNumber(a.kind()) && IsNumber(b.kind())) return CompareNumbers(a, b);
  if (a.kind() != b.kind()) return Ordering::kIncomparable;
  switch (a.kind()) {
    case ValueKind::kBool:
      return CompareInts(a.bool_value() ? 1 : 0, b.bool_value() ? 1 : 0);
    case ValueKind::kString:
    case ValueKind::kBytes:
      // UTF-8 byte order equals code point order, which is what CEL specifies.
      return CompareBytesLike(a.string_view(), b.string_view());
    case ValueKind::kTimestamp:
    case ValueKind::kDuration:
      return CompareSecondsNanos(a, b);
    default:
      return Ordering::kIncomparable;
  }
}

}  // namespace warden::cel
