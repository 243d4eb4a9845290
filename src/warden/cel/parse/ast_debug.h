#pragma once
// DebugString: a compact, deterministic S-expression rendering of an AST, for tests and
// debugging. Ids and offsets are not shown. The forms are:
//
//   constants    1  -7  1u  1.5  1e+100  -0.0  "text"  b"\x00\xff"  true  null
//                (doubles always show a `.` or an exponent; strings escape `"`, `\`
//                and control characters; bytes escape everything outside printable
//                ASCII as \xHH)
//   ident        a  .a                      (the name as stored)
//   select       a.b   (_+_ a b).c  a.`b-c` (operand, `.`, field; a field that is not
//                                           a plain identifier is quoted)
//   presence     has(a.b)                   (a test_only select)
//   global call  (_+_ a b)  (f)  (.f x)  (optional.none)
//                                           (function name, then arguments)
//   member call  (a:f x y)  ((f x):g)  (optional:none)
//                                           (receiver, `:`, function, then arguments;
//                                           `:` because global names may contain dots)
//   list         [1 2 ?3]                   (`?` marks an optional element)
//   map          {1:2 ?"k":v}
//   message      a.b.Msg{f:1 ?g:2}
//   comprehension
//     (fold:<macro> <vars> <range> <accu> <init> <condition> <step> <result>)
//     where <macro> names the MacroKind (all, exists, exists_one, map, map_filter,
//     filter, transform_list, transform_map, transform_map_entry, opt_map,
//     opt_flat_map, bind, block, has; `fold` alone for kNone) and <vars> is `x` or
//     `i,v`.
//
// A missing child (only possible in a partial tree after errors) prints as `<null>`.

#include <string>

#include "warden/cel/common/ast.h"

namespace warden::cel {

std::string DebugString(const Expr& expr);

}  // namespace warden::cel
