#include "warden/cel/lib/std_support.h"

#include "warden/cel/lib/conversions_format.h"

namespace warden::cel::stdlib {

std::string Excerpt(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string DisplayValue(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kString:
      return Excerpt(value.string_view());
    case ValueKind::kBool:
      return value.bool_value() ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(value.int_value());
    case ValueKind::kUint:
      return std::to_string(value.uint_value()) + "u";
    case ValueKind::kDouble:
      return FormatDouble(value.double_value());
    case ValueKind::kNull:
      return "null";
    default:
      return std::string(ValueKindTypeName(value.kind()));
  }
}

Value NoMatchingOverload(CallContext& ctx, std::string_view name, std::span<const Value> args) {
  return ctx.Error(NoMatchingOverloadMessage(name, args));
}

Value StringResult(CallContext& ctx, std::string_view text) {
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  return ctx.values().CopyString(text);
}

}  // namespace warden::cel::stdlib
