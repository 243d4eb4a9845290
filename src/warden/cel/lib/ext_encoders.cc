// The encoders extension (extensions.h): base64.encode and base64.decode over the
// shared codec in warden/base/base64.h. Decoding accepts padded and unpadded input, as
// cel-go does by trying Go's StdEncoding and then RawStdEncoding, and like Go ignores
// line breaks.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "warden/base/base64.h"
#include "warden/cel/lib/ext_support.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

namespace {

Value Encode(std::span<const Value> args, CallContext& ctx) {
  std::string_view bytes = args[0].string_view();
  if (!ctx.Charge(bytes.size())) return ctx.CostLimitError();
  return ext::StringResult(ctx, Base64Encode(bytes));
}

Value Decode(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  std::optional<std::string> bytes;
  if (text.find_first_of("\r\n") == std::string_view::npos) {
    bytes = Base64DecodeLenient(text);
  } else {
    std::string joined(text);
    joined.erase(
        std::remove_if(joined.begin(), joined.end(), [](char c) { return c == '\r' || c == '\n'; }),
        joined.end());
    bytes = Base64DecodeLenient(joined);
  }
  if (!bytes) return ctx.Error("invalid base64 data");
  return ext::BytesResult(ctx, *bytes);
}

}  // namespace

void RegisterEncoderExtensions(FunctionRegistry& registry) {
  registry.Register("base64.encode", false, {KindBit(ValueKind::kBytes)}, Encode);
  registry.Register("base64.decode", false, {KindBit(ValueKind::kString)}, Decode);
}

}  // namespace warden::cel
