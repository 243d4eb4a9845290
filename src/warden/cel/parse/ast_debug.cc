#include "warden/cel/parse/ast_debug.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace warden::cel {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendHexByte(std::string& out, unsigned char byte) {
  out += "\\x";
  out.push_back(kHexDigits[byte >> 4]);
  out.push_back(kHexDigits[byte & 0xF]);
}

void AppendQuoted(std::string& out, std::string_view value, bool bytes) {
  if (bytes) out.push_back('b');
  out.push_back('"');
  for (char c : value) {
    unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      default:
        break;
    }
    if (byte < 0x20 || byte == 0x7F || (bytes && byte >= 0x80)) {
      AppendHexByte(out, byte);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void AppendDouble(std::string& out, double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  out += text;
  if (text.find_first_of(".ein") == std::string_view::npos) out += ".0";
}

void AppendConstant(std::string& out, const Constant& constant) {
  switch (constant.kind) {
    case ConstantKind::kNull:
      out += "null";
      return;
    case ConstantKind::kBool:
      out += constant.bool_value ? "true" : "false";
      return;
    case ConstantKind::kInt:
      out += std::to_string(constant.int_value);
      return;
    case ConstantKind::kUint:
      out += std::to_string(constant.uint_value) + "u";
      return;
    case ConstantKind::kDouble:
      AppendDouble(out, constant.double_value);
      return;
    case ConstantKind::kString:
      AppendQuoted(out, constant.string_value, false);
      return;
    case ConstantKind::kBytes:
      AppendQuoted(out, constant.string_value, true);
      return;
  }
}

// Field names that are not plain identifiers (from a.`b-c`) print quoted.
void AppendField(std::string& out, std::string_view field) {
  bool plain = !field.empty() && !(field[0] >= '0' && field[0] <= '9');
  for (char c : field) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_');
  }
  if (!plain) out.push_back('`');
  out += field;
  if (!plain) out.push_back('`');
}

const char* MacroName(MacroKind macro) {
  switch (macro) {
    case MacroKind::kNone:
      return "";
    case MacroKind::kHas:
      return "has";
    case MacroKind::kAll:
      return "all";
    case MacroKind::kExists:
      return "exists";
    case MacroKind::kExistsOne:
      return "exists_one";
    case MacroKind::kMap:
      return "map";
    case MacroKind::kMapFilter:
      return "map_filter";
    case MacroKind::kFilter:
      return "filter";
    case MacroKind::kTransformList:
      return "transform_list";
    case MacroKind::kTransformMap:
      return "transform_map";
    case MacroKind::kTransformMapEntry:
      return "transform_map_entry";
    case MacroKind::kOptMap:
      return "opt_map";
    case MacroKind::kOptFlatMap:
      return "opt_flat_map";
    case MacroKind::kBind:
      return "bind";
    case MacroKind::kBlock:
      return "block";
  }
  return "";
}

class Printer {
 public:
  std::string Take() { return std::move(out_); }

  void Print(const ExprPtr& expr) {
    if (expr == nullptr) {
      out_ += "<null>";
      return;
    }
    Print(*expr);
  }

  void Print(const Expr& expr) {
    switch (expr.kind) {
      case ExprKind::kConstant:
        AppendConstant(out_, expr.constant);
        return;
      case ExprKind::kIdent:
        out_ += expr.name;
        return;
      case ExprKind::kSelect:
        if (expr.test_only) out_ += "has(";
        Print(expr.operand);
        out_ += '.';
        AppendField(out_, expr.name);
        if (expr.test_only) out_ += ')';
        return;
      case ExprKind::kCall:
        out_ += '(';
        if (expr.operand != nullptr) {
          Print(expr.operand);
          out_ += ':';
        }
        out_ += expr.name;
        for (const ExprPtr& arg : expr.args) {
          out_ += ' ';
          Print(arg);
        }
        out_ += ')';
        return;
      case ExprKind::kList: {
        std::vector<bool> optional(expr.args.size(), false);
        for (int32_t index : expr.optional_indices) {
          if (index >= 0 && static_cast<size_t>(index) < optional.size()) {
            optional[static_cast<size_t>(index)] = true;
          }
        }
        out_ += '[';
        for (size_t i = 0; i < expr.args.size(); ++i) {
          if (i > 0) out_ += ' ';
          if (optional[i]) out_ += '?';
          Print(expr.args[i]);
        }
        out_ += ']';
        return;
      }
      case ExprKind::kMap:
      case ExprKind::kStruct:
        if (expr.kind == ExprKind::kStruct) out_ += expr.message_name;
        out_ += '{';
        for (size_t i = 0; i < expr.entries.size(); ++i) {
          const MapEntryExpr& entry = expr.entries[i];
          if (i > 0) out_ += ' ';
          if (entry.optional) out_ += '?';
          if (expr.kind == ExprKind::kStruct) {
            AppendField(out_, entry.field);
          } else {
            Print(entry.key);
          }
          out_ += ':';
          Print(entry.value);
        }
        out_ += '}';
        return;
      case ExprKind::kComprehension:
        out_ += "(fold";
        if (expr.macro != MacroKind::kNone) {
          out_ += ':';
          out_ += MacroName(expr.macro);
        }
        out_ += ' ';
        out_ += expr.iter_var;
        if (!expr.iter_var2.empty()) {
          out_ += ',';
          out_ += expr.iter_var2;
        }
        out_ += ' ';
        Print(expr.iter_range);
        out_ += ' ';
        out_ += expr.accu_var;
        for (const ExprPtr* part :
             {&expr.accu_init, &expr.loop_condition, &expr.loop_step, &expr.result}) {
          out_ += ' ';
          Print(*part);
        }
        out_ += ')';
        return;
    }
  }

 private:
  std::string out_;
};

}  // namespace

std::string DebugString(const Expr& expr) {
  Printer printer;
  printer.Print(expr);
  return printer.Take();
}

}  // namespace warden::cel
