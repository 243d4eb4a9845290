#include "warden/data/yaml_schema.h"

#include <limits>
#include <optional>
#include <string>

#include "warden/base/base64.h"
#include "warden/data/reader_support.h"

namespace warden::data::internal {

namespace {

constexpr std::string_view kTagPrefix = "tag:yaml.org,2002:";

enum class NumberForm : uint8_t { kNone, kDecimal, kOctal, kHex, kFloat, kInfinity, kNan };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsOctalDigit(char c) { return c >= '0' && c <= '7'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool IsNullForm(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> BoolForm(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

template <typename Predicate>
bool AllOf(std::string_view text, Predicate predicate) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!predicate(c)) return false;
  }
  return true;
}

NumberForm ClassifyNumber(std::string_view text) {
  if (text.size() > 2 && text[0] == '0' && text[1] == 'o' && AllOf(text.substr(2), IsOctalDigit)) {
    return NumberForm::kOctal;
  }
  if (text.size() > 2 && text[0] == '0' && text[1] == 'x' && AllOf(text.substr(2), IsHexDigit)) {
    return NumberForm::kHex;
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return NumberForm::kNan;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (body == ".inf" || body == ".Inf" || body == ".INF") return NumberForm::kInfinity;
  if (AllOf(body, IsDigit)) return NumberForm::kDecimal;
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  size_t pos = 0;
  size_t integer_digits = 0;
  while (pos < body.size() && IsDigit(body[pos])) ++pos, ++integer_digits;
  if (pos < body.size() && body[pos] == '.') {
    ++pos;
    size_t fraction_digits = 0;
    while (pos < body.size() && IsDigit(body[pos])) ++pos, ++fraction_digits;
    if (integer_digits == 0 && fraction_digits == 0) return NumberForm::kNone;
  } else if (integer_digits == 0) {
    return NumberForm::kNone;
  }
  if (pos < body.size() && (body[pos] == 'e' || body[pos] == 'E')) {
    ++pos;
    if (pos < body.size() && (body[pos] == '-' || body[pos] == '+')) ++pos;
    size_t exponent_digits = 0;
    while (pos < body.size() && IsDigit(body[pos])) ++pos, ++exponent_digits;
    if (exponent_digits == 0) return NumberForm::kNone;
  }
  return pos == body.size() ? NumberForm::kFloat : NumberForm::kNone;
}

// The node for a number of a known form; false when it is out of range.
bool NumberNode(NumberForm form, std::string_view text, bool as_double, SourcePosition pos,
                Node* out) {
  switch (form) {
    case NumberForm::kDecimal:
      if (!as_double) return DecimalIntegerNode(text, pos, out);
      [[fallthrough]];
    case NumberForm::kFloat: {
      double value = 0;
      if (!ParseDecimalDouble(text, &value)) return false;
      *out = Node::Double(value, pos);
      return true;
    }
    case NumberForm::kOctal:
      return RadixIntegerNode(text.substr(2), 8, pos, out);
    case NumberForm::kHex:
      return RadixIntegerNode(text.substr(2), 16, pos, out);
    case NumberForm::kInfinity: {
      constexpr double kInfinity = std::numeric_limits<double>::infinity();
      *out = Node::Double(text[0] == '-' ? -kInfinity : kInfinity, pos);
      return true;
    }
    case NumberForm::kNan:
      *out = Node::Double(std::numeric_limits<double>::quiet_NaN(), pos);
      return true;
    case NumberForm::kNone:
      break;
  }
  return false;
}

Status NotValid(std::string_view text, YamlTag tag) {
  return InvalidArgument(Quoted(text) + " is not a valid `" + std::string(YamlTagName(tag)) +
                         "` value");
}

Status OutOfRange(std::string_view text) {
  return InvalidArgument("number " + Quoted(text) + " is out of range");
}

StatusOr<Node> ResolvePlain(std::string_view text, SourcePosition pos, NodeBuilder& builder) {
  if (text.empty()) return Node::Null(pos);
  switch (text[0]) {
    case '~':
    case 'n':
    case 'N':
      if (IsNullForm(text)) return Node::Null(pos);
      break;
    case 't':
    case 'T':
    case 'f':
    case 'F':
      if (std::optional<bool> value = BoolForm(text)) return Node::Bool(*value, pos);
      break;
    case '.':
    case '+':
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
      NumberForm form = ClassifyNumber(text);
      if (form == NumberForm::kNone) break;
      Node node;
      if (!NumberNode(form, text, /*as_double=*/false, pos, &node)) return OutOfRange(text);
      return node;
    }
    default:
      break;
  }
  return builder.String(text, pos);
}

StatusOr<Node> ResolveBinary(std::string_view text, SourcePosition pos, NodeBuilder& builder) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact += c;
  }
  std::optional<std::string> bytes = Base64DecodeLenient(compact);
  if (!bytes) return InvalidArgument("invalid base64 in a `!!binary` value");
  return builder.Bytes(*bytes, pos);
}

}  // namespace

YamlTag ClassifyYamlTag(std::string_view tag) {
  if (tag == "!") return YamlTag::kNonSpecific;
  if (tag.substr(0, kTagPrefix.size()) != kTagPrefix) return YamlTag::kNone;
  std::string_view name = tag.substr(kTagPrefix.size());
  if (name == "str") return YamlTag::kStr;
  if (name == "int") return YamlTag::kInt;
  if (name == "float") return YamlTag::kFloat;
  if (name == "bool") return YamlTag::kBool;
  if (name == "null") return YamlTag::kNull;
  if (name == "binary") return YamlTag::kBinary;
  if (name == "map") return YamlTag::kMap;
  if (name == "seq") return YamlTag::kSeq;
  return YamlTag::kNone;
}

std::string_view YamlTagName(YamlTag tag) {
  switch (tag) {
    case YamlTag::kNone:
      return "";
    case YamlTag::kNonSpecific:
      return "!";
    case YamlTag::kStr:
      return "!!str";
    case YamlTag::kInt:
      return "!!int";
    case YamlTag::kFloat:
      return "!!float";
    case YamlTag::kBool:
      return "!!bool";
    case YamlTag::kNull:
      return "!!null";
    case YamlTag::kBinary:
      return "!!binary";
    case YamlTag::kMap:
      return "!!map";
    case YamlTag::kSeq:
      return "!!seq";
  }
  return "";
}

StatusOr<Node> ResolveYamlScalar(std::string_view text, bool plain, YamlTag tag, SourcePosition pos,
                                 NodeBuilder& builder) {
  switch (tag) {
    case YamlTag::kNone:
      return plain ? ResolvePlain(text, pos, builder) : builder.String(text, pos);
    case YamlTag::kNonSpecific:
    case YamlTag::kStr:
      return builder.String(text, pos);
    case YamlTag::kNull:
      if (IsNullForm(text)) return Node::Null(pos);
      return NotValid(text, tag);
    case YamlTag::kBool:
      if (std::optional<bool> value = BoolForm(text)) return Node::Bool(*value, pos);
      return NotValid(text, tag);
    case YamlTag::kInt:
    case YamlTag::kFloat: {
      NumberForm form = ClassifyNumber(text);
      const bool is_int =
          form == NumberForm::kDecimal || form == NumberForm::kOctal || form == NumberForm::kHex;
      const bool fits = tag == YamlTag::kInt
                            ? is_int
                            : form == NumberForm::kDecimal || form == NumberForm::kFloat ||
                                  form == NumberForm::kInfinity || form == NumberForm::kNan;
      if (!fits) return NotValid(text, tag);
      Node node;
      if (!NumberNode(form, text, /*as_double=*/tag == YamlTag::kFloat, pos, &node)) {
        return OutOfRange(text);
      }
      // `!!int` promises an integer: one beyond uint64 does not become a double.
      if (tag == YamlTag::kInt && node.kind() == NodeKind::kDouble) return OutOfRange(text);
      return node;
    }
    case YamlTag::kBinary:
      return ResolveBinary(text, pos, builder);
    case YamlTag::kMap:
    case YamlTag::kSeq:
      return InvalidArgument("tag `" + std::string(YamlTagName(tag)) +
                             "` cannot be used on a scalar");
  }
  return builder.String(text, pos);
}

}  // namespace warden::data::internal
