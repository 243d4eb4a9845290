#pragma once
// The CEL abstract syntax tree, as the cel-spec defines it (syntax.proto's Expr), with a
// byte offset into the source on every node. The parser builds it with macros already
// expanded into Comprehension nodes; the checker annotates it; the planner compiles it.
//
// One struct for all kinds keeps the tree simple to walk; which fields are meaningful
// depends on `kind` (documented per field). Ids are unique within one parsed expression.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace warden::cel {

enum class ConstantKind : uint8_t { kNull, kBool, kInt, kUint, kDouble, kString, kBytes };

struct Constant {
  ConstantKind kind = ConstantKind::kNull;
  bool bool_value = false;
  int64_t int_value = 0;
  uint64_t uint_value = 0;
  double double_value = 0;
  std::string string_value;  // kString (UTF-8) and kBytes (raw bytes)
};

enum class ExprKind : uint8_t {
  kConstant,
  kIdent,
  kSelect,         // operand.name, or has(operand.name) when test_only
  kCall,           // [target.]name(args...); operators are calls named `_+_`, `!_`, ...
  kList,           // [args...]
  kMap,            // {entries...}
  kStruct,         // message_name{entries...} (no message types exist; the checker rejects it)
  kComprehension,  // the expansion of a macro
};

// Which macro produced a comprehension (or `has` select); kNone for hand-written ASTs.
enum class MacroKind : uint8_t {
  kNone,
  kHas,
  kAll,
  kExists,
  kExistsOne,
  kMap,        // map(x, f)
  kMapFilter,  // map(x, p, f)
  kFilter,
  kTransformList,  // transformList(i, v, f) / (i, v, p, f)
  kTransformMap,   // transformMap(k, v, f) / (k, v, p, f)
  kTransformMapEntry,
  kOptMap,      // optional.optMap(x, f)
  kOptFlatMap,  // optional.optFlatMap(x, f)
  kBind,        // cel.bind(v, init, expr)
  kBlock,       // cel.block([...], expr)
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct MapEntryExpr {
  int64_t id = 0;
  int32_t offset = 0;
  ExprPtr key;        // kMap
  std::string field;  // kStruct
  ExprPtr value;
  bool optional = false;  // `?key: value`
};

struct Expr {
  int64_t id = 0;
  int32_t offset = 0;  // byte offset of the node's first character in the source
  ExprKind kind = ExprKind::kConstant;

  Constant constant;  // kConstant

  // kIdent: the (possibly dotted, leading-dot) name; kSelect: the field;
  // kCall: the function name; kStruct: unused (see message_name).
  std::string name;

  ExprPtr operand;               // kSelect: the operand; kCall: the receiver (nullptr if none)
  bool test_only = false;        // kSelect produced by has()
  bool optional_select = false;  // kSelect written `a.?b` (also encoded as a call `_?._`)

  std::vector<ExprPtr> args;              // kCall arguments; kList elements
  std::vector<int32_t> optional_indices;  // kList: indices of `?elem` elements

  std::vector<MapEntryExpr> entries;  // kMap / kStruct
  std::string message_name;           // kStruct

  // kComprehension (cel-spec semantics; iter_var2 empty for one-variable forms).
  std::string iter_var;
  std::string iter_var2;
  std::string accu_var;
  ExprPtr iter_range;
  ExprPtr accu_init;
  ExprPtr loop_condition;
  ExprPtr loop_step;
  ExprPtr result;
  MacroKind macro = MacroKind::kNone;

  bool has_receiver() const { return operand != nullptr; }
};

// Operator function names as the cel-spec's standard declarations spell them.
namespace op {
inline constexpr const char* kConditional = "_?_:_";
inline constexpr const char* kLogicalAnd = "_&&_";
inline constexpr const char* kLogicalOr = "_||_";
inline constexpr const char* kLogicalNot = "!_";
inline constexpr const char* kEquals = "_==_";
inline constexpr const char* kNotEquals = "_!=_";
inline constexpr const char* kLess = "_<_";
inline constexpr const char* kLessEquals = "_<=_";
inline constexpr const char* kGreater = "_>_";
inline constexpr const char* kGreaterEquals = "_>=_";
inline constexpr const char* kAdd = "_+_";
inline constexpr const char* kSubtract = "_-_";
inline constexpr const char* kMultiply = "_*_";
inline constexpr const char* kDivide = "_/_";
inline constexpr const char* kModulo = "_%_";
inline constexpr const char* kNegate = "-_";
inline constexpr const char* kIndex = "_[_]";
inline constexpr const char* kOptIndex = "_[?_]";
inline constexpr const char* kOptSelect = "_?._";
inline constexpr const char* kIn = "@in";
inline constexpr const char* kNotStrictlyFalse = "@not_strictly_false";
}  // namespace op

// The parsed source: text and line starts, for turning offsets into positions.
struct SourceInfo {
  std::string description;  // file name or a label such as `<expr>`
  std::string text;
  // 1-based line and column (code points) of a byte offset.
  uint32_t LineOf(int32_t offset) const;
  uint32_t ColumnOf(int32_t offset) const;
};

struct ParsedExpr {
  ExprPtr expr;
  SourceInfo source;
  int64_t next_id = 1;  // ids in `expr` are below this
};

}  // namespace warden::cel
