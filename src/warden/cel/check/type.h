#pragma once
// Type: a CEL type as the type checker sees it.
//
// CEL's types are the primitives (`bool`, `int`, `uint`, `double`, `string`, `bytes`),
// `null_type`, the well-known `google.protobuf.Timestamp` and `google.protobuf.Duration`,
// the parameterized `list(E)` and `map(K, V)`, type values (`type`, `type(T)`), opaque
// (abstract) types with optional parameters such as `optional_type(T)`, `net.IP`,
// `net.CIDR` and `Semver`, and two checker-only types: `dyn` (any value, checked at run
// time) and `error` (the type of an expression that failed to check). Type parameters
// (`A`, `T`, ...) appear in overload signatures and are bound during overload resolution.
//
// A Type is an immutable value: scalar types are stored inline, parameterized ones share
// an immutable representation, so copies are cheap and Types may be shared by threads.
// ToString() and Parse() use CEL's notation, the one the conformance data uses
// (FORMAT.md, "Types (T)"): `list(int)`, `map(string, dyn)`, `optional_type(int)`,
// `type(int)`, `google.protobuf.Timestamp`, `T`.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"

namespace warden::cel {

enum class TypeKind : uint8_t {
  kDyn,
  kError,
  kNull,  // null_type
  kBool,
  kInt,
  kUint,
  kDouble,
  kString,
  kBytes,
  kTimestamp,  // google.protobuf.Timestamp
  kDuration,   // google.protobuf.Duration
  kList,       // list(E)
  kMap,        // map(K, V)
  kType,       // type, or type(T) when the described type is known
  kOpaque,     // name(P1, ...): optional_type(T), net.IP, net.CIDR, Semver, ...
  kTypeParam,  // a type parameter such as `A` or a checker variable such as `_var3`
};

class Type {
 public:
  // `dyn`.
  Type() = default;

  // --- construction -------------------------------------------------------------------
  static Type Dyn() { return Type(TypeKind::kDyn); }
  static Type Error() { return Type(TypeKind::kError); }
  static Type Null() { return Type(TypeKind::kNull); }
  static Type Bool() { return Type(TypeKind::kBool); }
  static Type Int() { return Type(TypeKind::kInt); }
  static Type Uint() { return Type(TypeKind::kUint); }
  static Type Double() { return Type(TypeKind::kDouble); }
  static Type String() { return Type(TypeKind::kString); }
  static Type Bytes() { return Type(TypeKind::kBytes); }
  static Type Timestamp() { return Type(TypeKind::kTimestamp); }
  static Type Duration() { return Type(TypeKind::kDuration); }
  static Type List(Type elem);
  static Type Map(Type key, Type value);
  // Plain `type`: the type of a type value whose described type is unknown.
  static Type TypeType() { return Type(TypeKind::kType); }
  // `type(T)`: the type of the type value T (e.g. of the identifier `int`).
  static Type TypeOf(Type described);
  // An opaque type `name` or `name(P1, ...)`.
  static Type Opaque(std::string name, std::vector<Type> params = {});
  // `optional_type(T)`.
  static Type Optional(Type value);
  static Type Param(std::string name);
  // The network and version types of Warden's Kubernetes-compatible libraries.
  static Type IP() { return Opaque(std::string(kIPName)); }
  static Type CIDR() { return Opaque(std::string(kCIDRName)); }
  static Type Semver() { return Opaque(std::string(kSemverName)); }

  static constexpr std::string_view kOptionalName = "optional_type";
  static constexpr std::string_view kIPName = "net.IP";
  static constexpr std::string_view kCIDRName = "net.CIDR";
  static constexpr std::string_view kSemverName = "Semver";

  // --- inspection ---------------------------------------------------------------------
  TypeKind kind() const { return kind_; }
  // The type's name: the name of an opaque type or type parameter, else the CEL name
  // of the kind (`int`, `list`, `map`, `type`, `google.protobuf.Timestamp`, ...).
  std::string_view name() const;
  // Type arguments: [elem] for lists, [key, value] for maps, [] or [described] for
  // type values, the parameters of opaque types, [] for everything else.
  std::span<const Type> params() const;
  // The i-th parameter; requires i < params().size().
  const Type& param(size_t index) const { return params()[index]; }

  bool IsDyn() const { return kind_ == TypeKind::kDyn; }
  bool IsError() const { return kind_ == TypeKind::kError; }
  bool IsTypeParam() const { return kind_ == TypeKind::kTypeParam; }
  bool IsOptional() const;
  // Whether a type parameter occurs anywhere inside this type.
  bool HasTypeParams() const;

  // CEL notation, e.g. `map(string, list(int))`.
  std::string ToString() const;

  // Parses CEL notation. Bare names are primitives and well-known types as spelled by
  // ToString(); `list` and `map` without arguments mean `list(dyn)` and `map(dyn, dyn)`;
  // a bare name listed in `type_params`, or one made of an uppercase letter and optional
  // digits (`T`, `K`, `V2`), is a type parameter; any other name is an opaque type
  // (`net.IP`, `tuple(T, U)`). Errors: InvalidArgument on malformed text or a wrong
  // number of arguments for `list`, `map`, `type` or a primitive.
  static StatusOr<Type> Parse(std::string_view text);
  static StatusOr<Type> Parse(std::string_view text, std::span<const std::string> type_params);

  friend bool operator==(const Type& lhs, const Type& rhs);
  friend bool operator!=(const Type& lhs, const Type& rhs) { return !(lhs == rhs); }

 private:
  struct Rep;

  explicit Type(TypeKind kind) : kind_(kind) {}
  Type(TypeKind kind, std::string name, std::vector<Type> params);

  TypeKind kind_ = TypeKind::kDyn;
  // Set for kinds with a name or parameters (list, map, type(T), opaque, type param).
  std::shared_ptr<const Rep> rep_;
};

// Writes ToString() (for test failure messages and logs).
std::ostream& operator<<(std::ostream& out, const Type& type);

}  // namespace warden::cel
