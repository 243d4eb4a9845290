// Optional values (cel-go's optional library) and the helper functions macro expansions
// call.

#include "warden/cel/check/decl_builder.h"
#include "warden/cel/common/ast.h"

namespace warden::cel::check_internal {

void AddOptionalDecls(DeclBuilder& builder) {
  const Type k = TParam("K");
  const Type v = TParam("V");
  const Type opt_v = Type::Optional(v);
  const Type list_v = Type::List(v);
  const Type map_kv = Type::Map(k, v);

  builder.Global("optional.of", "optional_of", {v}, opt_v);
  builder.Global("optional.ofNonZeroValue", "optional_ofNonZeroValue", {v}, opt_v);
  builder.Global("optional.none", "optional_none", {}, opt_v);
  builder.Member("value", "optional_value", {opt_v}, v);
  builder.Member("hasValue", "optional_hasValue", {opt_v}, TBool());
  builder.Member("or", "optional_or_optional", {opt_v, opt_v}, opt_v);
  builder.Member("orValue", "optional_orValue_value", {opt_v, v}, v);

  // `list[?i]`, `map[?key]`, and both on optional operands.
  builder.Global(op::kOptIndex, "list_optindex_optional_int", {list_v, TInt()}, opt_v);
  builder.Global(op::kOptIndex, "optional_list_optindex_optional_int",
                 {Type::Optional(list_v), TInt()}, opt_v);
  builder.Global(op::kOptIndex, "map_optindex_optional_value", {map_kv, k}, opt_v);
  builder.Global(op::kOptIndex, "optional_map_optindex_optional_value", {Type::Optional(map_kv), k},
                 opt_v);
  // Plain indexing of an optional list or map yields an optional.
  builder.Global(op::kIndex, "optional_list_index_int", {Type::Optional(list_v), TInt()}, opt_v);
  builder.Global(op::kIndex, "optional_map_index_value", {Type::Optional(map_kv), k}, opt_v);

  // cel.@mapInsert(map, key, value) and cel.@mapInsert(map, map): the accumulation step
  // of the `transformMap` / `transformMapEntry` expansions.
  builder.Global("cel.@mapInsert", "@mapInsert_map_key_value", {map_kv, k, v}, map_kv);
  builder.Global("cel.@mapInsert", "@mapInsert_map_map", {map_kv, map_kv}, map_kv);
}

}  // namespace warden::cel::check_internal
