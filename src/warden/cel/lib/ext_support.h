#pragma once
// Small helpers shared by the implementations of the extension libraries (extensions.h):
// type names for messages, charging the cost budget, and building result strings in the
// evaluation's arena. Internal to cel/lib; not part of the engine's API.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "warden/cel/common/value.h"
#include "warden/cel/runtime/call_context.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel::ext {

// The CEL type name of a value for messages; opaque values report their own type
// ("net.IP"), other values their kind's name ("int", "google.protobuf.Duration").
inline std::string_view TypeNameOf(const Value& value) {
  if (value.kind() == ValueKind::kOpaque) return value.opaque().type_name;
  return ValueKindTypeName(value.kind());
}

// Whether `value` is an opaque value of the extension type `type_name`.
inline bool IsOpaqueOf(const Value& value, std::string_view type_name) {
  return value.kind() == ValueKind::kOpaque && value.opaque().type_name == type_name;
}

// The "no matching overload" error for a call of `name` with `args` (receiver first).
inline Value NoOverload(CallContext& ctx, std::string_view name, std::span<const Value> args) {
  return ctx.Error(NoMatchingOverloadMessage(name, args));
}

// A writable buffer of `size` bytes in the arena for a string result, or nullptr when the
// arena's limit is reached (return MemoryLimitError()). Its contents must be valid UTF-8
// once filled in when it becomes a string value.
inline char* NewChars(CallContext& ctx, size_t size) {
  char* chars = ctx.arena().AllocateArray<char>(size + 1);
  if (chars != nullptr) chars[size] = '\0';
  return chars;
}

// Copies `text` into the arena as a string value, charging one unit per byte.
inline Value StringResult(CallContext& ctx, std::string_view text) {
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  return ctx.values().CopyString(text);
}

// Copies `bytes` into the arena as a bytes value, charging one unit per byte.
inline Value BytesResult(CallContext& ctx, std::string_view bytes) {
  if (!ctx.Charge(bytes.size())) return ctx.CostLimitError();
  return ctx.values().CopyBytes(bytes);
}

}  // namespace warden::cel::ext
