// cel-spec standard definitions: the operators.

#include <string>

#include "warden/cel/check/decl_builder.h"
#include "warden/cel/common/ast.h"

namespace warden::cel::check_internal {
namespace {

struct Named {
  const char* id = nullptr;  // overload id fragment, cel-go spelling
  Type type;
};

// The orderable pairs of cel-go: each type with itself, plus every cross-type numeric
// pair (`1 < 1.5`, `2u >= 1`).
void AddOrdering(DeclBuilder& builder, const char* function, const std::string& prefix) {
  const Named same[] = {{"bool", TBool()},           {"int64", TInt()},        {"uint64", TUint()},
                        {"double", TDouble()},       {"string", TString()},    {"bytes", TBytes()},
                        {"timestamp", TTimestamp()}, {"duration", TDuration()}};
  for (const Named& type : same) {
    builder.Global(function, prefix + "_" + type.id, {type.type, type.type}, TBool());
  }
  const Named numeric[] = {{"int64", TInt()}, {"uint64", TUint()}, {"double", TDouble()}};
  for (const Named& lhs : numeric) {
    for (const Named& rhs : numeric) {
      if (lhs.type == rhs.type) continue;
      builder.Global(function, prefix + "_" + lhs.id + "_" + rhs.id, {lhs.type, rhs.type}, TBool());
    }
  }
}

}  // namespace

void AddOperatorDecls(DeclBuilder& builder) {
  const Type a = TParam("A");
  const Type b = TParam("B");
  const Type list_a = Type::List(a);
  const Type map_ab = Type::Map(a, b);

  builder.Global(op::kConditional, "conditional", {TBool(), a, a}, a);
  builder.Global(op::kLogicalAnd, "logical_and", {TBool(), TBool()}, TBool());
  builder.Global(op::kLogicalOr, "logical_or", {TBool(), TBool()}, TBool());
  builder.Global(op::kLogicalNot, "logical_not", {TBool()}, TBool());
  builder.Global(op::kNotStrictlyFalse, "not_strictly_false", {TBool()}, TBool());

  builder.Global(op::kEquals, "equals", {a, a}, TBool());
  builder.Global(op::kNotEquals, "not_equals", {a, a}, TBool());

  builder.Global(op::kAdd, "add_bytes", {TBytes(), TBytes()}, TBytes());
  builder.Global(op::kAdd, "add_double", {TDouble(), TDouble()}, TDouble());
  builder.Global(op::kAdd, "add_duration_duration", {TDuration(), TDuration()}, TDuration());
  builder.Global(op::kAdd, "add_duration_timestamp", {TDuration(), TTimestamp()}, TTimestamp());
  builder.Global(op::kAdd, "add_timestamp_duration", {TTimestamp(), TDuration()}, TTimestamp());
  builder.Global(op::kAdd, "add_int64", {TInt(), TInt()}, TInt());
  builder.Global(op::kAdd, "add_list", {list_a, list_a}, list_a);
  builder.Global(op::kAdd, "add_string", {TString(), TString()}, TString());
  builder.Global(op::kAdd, "add_uint64", {TUint(), TUint()}, TUint());

  builder.Global(op::kSubtract, "subtract_double", {TDouble(), TDouble()}, TDouble());
  builder.Global(op::kSubtract, "subtract_duration_duration", {TDuration(), TDuration()},
                 TDuration());
  builder.Global(op::kSubtract, "subtract_int64", {TInt(), TInt()}, TInt());
  builder.Global(op::kSubtract, "subtract_timestamp_duration", {TTimestamp(), TDuration()},
                 TTimestamp());
  builder.Global(op::kSubtract, "subtract_timestamp_timestamp", {TTimestamp(), TTimestamp()},
                 TDuration());
  builder.Global(op::kSubtract, "subtract_uint64", {TUint(), TUint()}, TUint());

  builder.Global(op::kMultiply, "multiply_double", {TDouble(), TDouble()}, TDouble());
  builder.Global(op::kMultiply, "multiply_int64", {TInt(), TInt()}, TInt());
  builder.Global(op::kMultiply, "multiply_uint64", {TUint(), TUint()}, TUint());
  builder.Global(op::kDivide, "divide_double", {TDouble(), TDouble()}, TDouble());
  builder.Global(op::kDivide, "divide_int64", {TInt(), TInt()}, TInt());
  builder.Global(op::kDivide, "divide_uint64", {TUint(), TUint()}, TUint());
  builder.Global(op::kModulo, "modulo_int64", {TInt(), TInt()}, TInt());
  builder.Global(op::kModulo, "modulo_uint64", {TUint(), TUint()}, TUint());
  builder.Global(op::kNegate, "negate_double", {TDouble()}, TDouble());
  builder.Global(op::kNegate, "negate_int64", {TInt()}, TInt());

  AddOrdering(builder, op::kLess, "less");
  AddOrdering(builder, op::kLessEquals, "less_equals");
  AddOrdering(builder, op::kGreater, "greater");
  AddOrdering(builder, op::kGreaterEquals, "greater_equals");

  builder.Global(op::kIndex, "index_list", {list_a, TInt()}, a);
  builder.Global(op::kIndex, "index_map", {map_ab, a}, b);
  builder.Global(op::kIn, "in_list", {a, list_a}, TBool());
  builder.Global(op::kIn, "in_map", {a, map_ab}, TBool());
}

}  // namespace warden::cel::check_internal
