#pragma once
// Helpers shared by the standard library's implementation files (standard.h): kind
// masks, bounded rendering of user values inside error messages, and building results
// in the evaluation's arena. Internal to cel/lib; not part of the engine's API.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "warden/cel/common/value.h"
#include "warden/cel/runtime/call_context.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel::stdlib {

inline constexpr KindMask kInt = KindBit(ValueKind::kInt);
inline constexpr KindMask kUint = KindBit(ValueKind::kUint);
inline constexpr KindMask kDouble = KindBit(ValueKind::kDouble);
inline constexpr KindMask kNumber = kInt | kUint | kDouble;
inline constexpr KindMask kBool = KindBit(ValueKind::kBool);
inline constexpr KindMask kString = KindBit(ValueKind::kString);
inline constexpr KindMask kBytes = KindBit(ValueKind::kBytes);
inline constexpr KindMask kList = KindBit(ValueKind::kList);
inline constexpr KindMask kMap = KindBit(ValueKind::kMap);
inline constexpr KindMask kTimestamp = KindBit(ValueKind::kTimestamp);
inline constexpr KindMask kDuration = KindBit(ValueKind::kDuration);
inline constexpr KindMask kAny = kAnyKind;

// At most this many bytes of a user value appear in an error message.
inline constexpr size_t kMaxQuotedBytes = 64;

// `text` for an error message: at most kMaxQuotedBytes (cut at a UTF-8 boundary, then
// "..."), without the backticks.
std::string Excerpt(std::string_view text);

// A short rendering of a scalar value for messages: strings as their (excerpted) text,
// numbers in CEL's own spelling (1u for uint), other kinds as their type name.
std::string DisplayValue(const Value& value);

// The "no matching overload" error value for `name` applied to `args`.
Value NoMatchingOverload(CallContext& ctx, std::string_view name, std::span<const Value> args);

// Copies `text` into the arena as a string value, charging one unit per byte.
Value StringResult(CallContext& ctx, std::string_view text);

}  // namespace warden::cel::stdlib
