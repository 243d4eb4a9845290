// The glob extension (extensions.h): `<string>.glob(pattern)` and `glob(string, pattern)`
// over GlobPattern (glob.h).

#include <string>

#include "warden/base/utf8.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/lib/glob.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

namespace {

// Matching is O(code points × tokens) in the worst case; charge one unit per this many
// state steps on top of one unit per byte read.
constexpr uint64_t kStepsPerUnit = 16;

// args[0] is the text (receiver or first argument), args[1] the pattern.
Value Glob(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  std::string_view pattern = args[1].string_view();
  if (!ctx.Charge(text.size() + pattern.size())) return ctx.CostLimitError();
  GlobPattern compiled;
  std::string error;
  if (!GlobPattern::Compile(pattern, compiled, error)) {
    return ctx.Error("invalid glob pattern `" + std::string(pattern) + "`: " + error);
  }
  const uint64_t steps = static_cast<uint64_t>(utf8::CodePointCount(text)) *
                         static_cast<uint64_t>(compiled.token_count() + 1);
  if (!ctx.Charge(steps / kStepsPerUnit)) return ctx.CostLimitError();
  return Value::Bool(compiled.Matches(text));
}

}  // namespace

void RegisterGlobExtensions(FunctionRegistry& registry) {
  constexpr KindMask kStringArg = KindBit(ValueKind::kString);
  registry.Register("glob", true, {kStringArg, kStringArg}, Glob);
  registry.Register("glob", false, {kStringArg, kStringArg}, Glob);
}

}  // namespace warden::cel
