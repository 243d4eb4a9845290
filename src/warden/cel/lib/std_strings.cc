// String and bytes functions: concatenation, size, substring tests and `matches`.
//
// size() of a string counts Unicode code points ("πέντε" has 5), of bytes counts bytes.
// contains/startsWith/endsWith compare bytes, which for valid UTF-8 is the same as
// comparing code points. `contains` runs in linear time whatever the inputs (long
// needles use Knuth-Morris-Pratt), so hostile strings cannot make it quadratic.
// `matches` (global `matches(s, re)` and `s.matches(re)`) uses RE2 with cel-spec's
// partial-match semantics; patterns are compiled through a process-wide RegexCache and
// an invalid pattern is an error value with RE2's reason.

#include <cstring>
#include <limits>
#include <memory>
#include <optional>

#include "warden/base/utf8.h"
#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"
#include "warden/cel/runtime/regex.h"

namespace warden::cel {

namespace {

using stdlib::kBytes;
using stdlib::kString;

// Needles up to this length are searched with std::string_view::find, whose worst case
// (text length * needle length) stays within a small constant of linear.
constexpr size_t kShortNeedle = 64;

Value Concat(std::span<const Value> args, CallContext& ctx, ValueKind kind) {
  const std::string_view left = args[0].string_view();
  const std::string_view right = args[1].string_view();
  if (right.empty()) return args[0];
  if (left.empty()) return args[1];
  const size_t size = left.size() + right.size();
  if (!ctx.Charge(size)) return ctx.CostLimitError();
  if (size > std::numeric_limits<uint32_t>::max()) return MemoryLimitError();
  char* chars = ctx.arena().AllocateArray<char>(size + 1);
  if (chars == nullptr) return MemoryLimitError();
  std::memcpy(chars, left.data(), left.size());
  std::memcpy(chars + left.size(), right.data(), right.size());
  chars[size] = '\0';
  const std::string_view joined(chars, size);
  return kind == ValueKind::kString ? Value::String(joined) : Value::Bytes(joined);
}

Value ConcatStrings(std::span<const Value> args, CallContext& ctx) {
  return Concat(args, ctx, ValueKind::kString);
}

Value ConcatBytes(std::span<const Value> args, CallContext& ctx) {
  return Concat(args, ctx, ValueKind::kBytes);
}

Value StringSize(std::span<const Value> args, CallContext& ctx) {
  const std::string_view text = args[0].string_view();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  return Value::Int(static_cast<int64_t>(utf8::CodePointCount(text)));
}

Value BytesSize(std::span<const Value> args, CallContext&) {
  return Value::Int(static_cast<int64_t>(args[0].string_view().size()));
}

// Knuth-Morris-Pratt search with the failure table in the arena; nullopt when the arena
// is full.
std::optional<bool> ContainsLinear(std::string_view text, std::string_view needle, Arena& arena) {
  uint32_t* failure = arena.AllocateArray<uint32_t>(needle.size());
  if (failure == nullptr) return std::nullopt;
  failure[0] = 0;
  uint32_t matched = 0;
  for (size_t pos = 1; pos < needle.size(); ++pos) {
    while (matched > 0 && needle[pos] != needle[matched]) matched = failure[matched - 1];
    if (needle[pos] == needle[matched]) ++matched;
    failure[pos] = matched;
  }
  matched = 0;
  for (char c : text) {
    while (matched > 0 && c != needle[matched]) matched = failure[matched - 1];
    if (c == needle[matched]) ++matched;
    if (matched == needle.size()) return true;
  }
  return false;
}

Value Contains(std::span<const Value> args, CallContext& ctx) {
  const std::string_view text = args[0].string_view();
  const std::string_view needle = args[1].string_view();
  if (needle.size() > text.size()) return Value::False();
  if (!ctx.Charge(text.size() + needle.size())) return ctx.CostLimitError();
  if (needle.size() <= kShortNeedle) {
    return Value::Bool(text.find(needle) != std::string_view::npos);
  }
  std::optional<bool> found = ContainsLinear(text, needle, ctx.arena());
  if (!found.has_value()) return MemoryLimitError();
  return Value::Bool(*found);
}

Value StartsWith(std::span<const Value> args, CallContext& ctx) {
  const std::string_view prefix = args[1].string_view();
  if (!ctx.Charge(prefix.size())) return ctx.CostLimitError();
  return Value::Bool(args[0].string_view().starts_with(prefix));
}

Value EndsWith(std::span<const Value> args, CallContext& ctx) {
  const std::string_view suffix = args[1].string_view();
  if (!ctx.Charge(suffix.size())) return ctx.CostLimitError();
  return Value::Bool(args[0].string_view().ends_with(suffix));
}

RegexCache& DynamicPatterns() {
  static RegexCache* const kCache = std::make_unique<RegexCache>().release();  // never destroyed
  return *kCache;
}

Value Matches(std::span<const Value> args, CallContext& ctx) {
  const std::string_view text = args[0].string_view();
  const std::string_view pattern = args[1].string_view();
  // RE2 matches in time linear in the text; compiling is linear in the pattern.
  if (!ctx.Charge(text.size() + pattern.size())) return ctx.CostLimitError();
  auto regex = DynamicPatterns().Get(pattern);
  if (!regex.ok()) return ctx.Error(regex.status().message());
  return Value::Bool((*regex)->PartialMatch(text));
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry& registry) {
  registry.Register("_+_", false, {kString, kString}, ConcatStrings);
  registry.Register("_+_", false, {kBytes, kBytes}, ConcatBytes);
  for (bool receiver_style : {false, true}) {
    registry.Register("size", receiver_style, {kString}, StringSize);
    registry.Register("size", receiver_style, {kBytes}, BytesSize);
    registry.Register("matches", receiver_style, {kString, kString}, Matches);
  }
  registry.Register("contains", true, {kString, kString}, Contains);
  registry.Register("startsWith", true, {kString, kString}, StartsWith);
  registry.Register("endsWith", true, {kString, kString}, EndsWith);
}

}  // namespace warden::cel
