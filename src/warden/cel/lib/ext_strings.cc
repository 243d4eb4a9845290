// The strings extension (extensions.h): charAt, indexOf, lastIndexOf, lowerAscii,
// upperAscii, replace, split, substring, trim, join, reverse, strings.quote; format is in
// ext_format.cc.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "warden/base/utf8.h"
#include "warden/cel/lib/ext_format.h"
#include "warden/cel/lib/ext_strings_util.h"
#include "warden/cel/lib/ext_support.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

namespace {

using ext::NewChars;

constexpr KindMask kStringArg = KindBit(ValueKind::kString);
constexpr KindMask kIntArg = KindBit(ValueKind::kInt);
constexpr KindMask kListArg = KindBit(ValueKind::kList);
constexpr size_t kNpos = std::string_view::npos;

Value IndexOutOfRange(CallContext& ctx, int64_t index) {
  return ctx.Error("index out of range: " + std::to_string(index));
}

// Byte offset of code point `index` (0 <= index <= size in code points), else npos.
size_t CodePointOffset(std::string_view text, int64_t index) {
  if (index < 0) return kNpos;
  return utf8::OffsetOfCodePoint(text, static_cast<size_t>(index));
}

int64_t CodePointsIn(std::string_view text) {
  return static_cast<int64_t>(utf8::CodePointCount(text));
}

// A string value over `size` bytes of fresh arena memory, filled in by the caller. Charges
// the bytes produced; returns false with `result` set to the error on failure.
bool NewStringResult(CallContext& ctx, size_t size, char*& chars, Value& result) {
  if (size > std::numeric_limits<uint32_t>::max()) {
    result = MemoryLimitError();
    return false;
  }
  if (!ctx.Charge(size)) {
    result = ctx.CostLimitError();
    return false;
  }
  chars = NewChars(ctx, size);
  if (chars == nullptr) {
    result = MemoryLimitError();
    return false;
  }
  result = Value::String(std::string_view(chars, size));
  return true;
}

Value CharAt(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  const int64_t index = args[1].int_value();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  size_t offset = CodePointOffset(text, index);
  if (offset == kNpos) return IndexOutOfRange(ctx, index);
  size_t end = offset;
  if (end < text.size()) utf8::Decode(text, end);
  return Value::String(text.substr(offset, end - offset));
}

Value IndexOfFrom(std::string_view text, std::string_view needle, int64_t start, CallContext& ctx) {
  if (!ctx.Charge(text.size() + needle.size())) return ctx.CostLimitError();
  size_t start_byte = CodePointOffset(text, start);
  if (start_byte == kNpos) return IndexOutOfRange(ctx, start);
  if (needle.empty()) return Value::Int(start);
  size_t found = ext::FindText(text, needle, start_byte);
  if (found == kNpos) return Value::Int(-1);
  return Value::Int(start + CodePointsIn(text.substr(start_byte, found - start_byte)));
}

Value IndexOf(std::span<const Value> args, CallContext& ctx) {
  return IndexOfFrom(args[0].string_view(), args[1].string_view(), 0, ctx);
}

Value IndexOfOffset(std::span<const Value> args, CallContext& ctx) {
  return IndexOfFrom(args[0].string_view(), args[1].string_view(), args[2].int_value(), ctx);
}

// Last match of `needle` starting at or before byte `last_byte` (a code point boundary).
Value LastIndexBefore(std::string_view text, std::string_view needle, size_t last_byte) {
  size_t found = ext::RFindText(text, needle, last_byte);
  if (found == kNpos) return Value::Int(-1);
  return Value::Int(CodePointsIn(text.substr(0, found)));
}

Value LastIndexOf(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  std::string_view needle = args[1].string_view();
  if (!ctx.Charge(text.size() + needle.size())) return ctx.CostLimitError();
  if (needle.empty()) return Value::Int(CodePointsIn(text));
  return LastIndexBefore(text, needle, text.size());
}

Value LastIndexOfOffset(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  std::string_view needle = args[1].string_view();
  const int64_t start = args[2].int_value();
  if (!ctx.Charge(text.size() + needle.size())) return ctx.CostLimitError();
  size_t start_byte = CodePointOffset(text, start);
  if (start_byte == kNpos) return IndexOutOfRange(ctx, start);
  if (needle.empty()) return Value::Int(start);
  return LastIndexBefore(text, needle, start_byte);
}

// Shifts the ASCII letters in [kFirst, kLast] by kDelta; returns the receiver itself when
// there are none.
template <char kFirst, char kLast, int kDelta>
Value MapAscii(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  size_t first_change = 0;
  while (first_change < text.size() &&
         !(text[first_change] >= kFirst && text[first_change] <= kLast)) {
    ++first_change;
  }
  if (first_change == text.size()) return args[0];
  char* chars = nullptr;
  Value result;
  if (!NewStringResult(ctx, text.size(), chars, result)) return result;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    chars[pos] = (c >= kFirst && c <= kLast) ? static_cast<char>(c + kDelta) : c;
  }
  return result;
}

// Go's strings.Replace: at most `limit` non-overlapping replacements (all when negative).
Value ReplaceImpl(const Value& receiver, std::string_view old_text, std::string_view new_text,
                  int64_t limit, CallContext& ctx) {
  std::string_view text = receiver.string_view();
  if (!ctx.Charge(text.size() + old_text.size())) return ctx.CostLimitError();
  if (limit == 0 || old_text == new_text) return receiver;
  // Count the replacements first so the result size is known (and charged) up front.
  uint64_t count = 0;
  const uint64_t max_count =
      limit < 0 ? std::numeric_limits<uint64_t>::max() : static_cast<uint64_t>(limit);
  if (old_text.empty()) {
    count = std::min<uint64_t>(static_cast<uint64_t>(CodePointsIn(text)) + 1, max_count);
  } else {
    for (size_t pos = ext::FindText(text, old_text, 0); pos != kNpos && count < max_count;
         pos = ext::FindText(text, old_text, pos + old_text.size())) {
      ++count;
    }
  }
  if (count == 0) return receiver;
  // No overflow: count <= text.size() + 1 <= 2^32 and both texts are under 2^32 bytes,
  // and the matches of `old_text` never overlap, so count * old_text.size() <= text.size().
  const uint64_t size = text.size() - count * old_text.size() + count * new_text.size();
  if (size > std::numeric_limits<uint32_t>::max()) return MemoryLimitError();
  char* chars = nullptr;
  Value result;
  if (!NewStringResult(ctx, static_cast<size_t>(size), chars, result)) return result;
  size_t out = 0;
  size_t pos = 0;
  auto append = [&](std::string_view piece) {
    if (!piece.empty()) std::memcpy(chars + out, piece.data(), piece.size());
    out += piece.size();
  };
  for (uint64_t done = 0; done < count; ++done) {
    if (old_text.empty()) {
      // Insert before each code point (and at the end): copy one code point after it.
      append(new_text);
      if (pos < text.size()) {
        size_t next = pos;
        utf8::Decode(text, next);
        append(text.substr(pos, next - pos));
        pos = next;
      }
    } else {
      size_t match = ext::FindText(text, old_text, pos);
      append(text.substr(pos, match - pos));
      append(new_text);
      pos = match + old_text.size();
    }
  }
  append(text.substr(std::min(pos, text.size())));
  return result;
}

Value Replace(std::span<const Value> args, CallContext& ctx) {
  return ReplaceImpl(args[0], args[1].string_view(), args[2].string_view(), -1, ctx);
}

Value ReplaceN(std::span<const Value> args, CallContext& ctx) {
  return ReplaceImpl(args[0], args[1].string_view(), args[2].string_view(), args[3].int_value(),
                     ctx);
}

// Go's strings.SplitN; the parts are views of the receiver.
Value SplitImpl(std::string_view text, std::string_view separator, int64_t limit,
                CallContext& ctx) {
  if (limit == 0) return ctx.values().MakeList({});
  if (!ctx.Charge(text.size() + separator.size())) return ctx.CostLimitError();
  const uint64_t max_parts =
      limit < 0 ? std::numeric_limits<uint64_t>::max() : static_cast<uint64_t>(limit);
  uint64_t parts = 0;
  if (separator.empty()) {
    parts = std::min<uint64_t>(static_cast<uint64_t>(CodePointsIn(text)), max_parts);
  } else {
    parts = 1;
    for (size_t pos = ext::FindText(text, separator, 0); pos != kNpos && parts < max_parts;
         pos = ext::FindText(text, separator, pos + separator.size())) {
      ++parts;
    }
  }
  if (parts > std::numeric_limits<uint32_t>::max()) return MemoryLimitError();
  if (!ctx.Charge(parts)) return ctx.CostLimitError();
  Value* items = ctx.arena().AllocateArray<Value>(static_cast<size_t>(parts));
  if (items == nullptr && parts > 0) return MemoryLimitError();
  size_t pos = 0;
  for (uint64_t part_idx = 0; part_idx + 1 < parts; ++part_idx) {
    size_t end = pos;
    if (separator.empty()) {
      utf8::Decode(text, end);
      items[part_idx] = Value::String(text.substr(pos, end - pos));
      pos = end;
    } else {
      end = ext::FindText(text, separator, pos);
      items[part_idx] = Value::String(text.substr(pos, end - pos));
      pos = end + separator.size();
    }
  }
  if (parts > 0) items[parts - 1] = Value::String(text.substr(std::min(pos, text.size())));
  return Value::List(items, static_cast<uint32_t>(parts));
}

Value Split(std::span<const Value> args, CallContext& ctx) {
  return SplitImpl(args[0].string_view(), args[1].string_view(), -1, ctx);
}

Value SplitN(std::span<const Value> args, CallContext& ctx) {
  return SplitImpl(args[0].string_view(), args[1].string_view(), args[2].int_value(), ctx);
}

Value SubstringFrom(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  const int64_t start = args[1].int_value();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  size_t start_byte = CodePointOffset(text, start);
  if (start_byte == kNpos) return IndexOutOfRange(ctx, start);
  return Value::String(text.substr(start_byte));
}

Value SubstringRange(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  const int64_t start = args[1].int_value();
  const int64_t end = args[2].int_value();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  if (start > end) {
    return ctx.Error("invalid substring range: start " + std::to_string(start) + ", end " +
                     std::to_string(end));
  }
  size_t start_byte = CodePointOffset(text, start);
  if (start_byte == kNpos) return IndexOutOfRange(ctx, start);
  std::string_view rest = text.substr(start_byte);
  size_t length = CodePointOffset(rest, end - start);
  if (length == kNpos) return IndexOutOfRange(ctx, end);
  return Value::String(rest.substr(0, length));
}

Value Trim(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  size_t begin = 0;
  while (begin < text.size()) {
    size_t next = begin;
    if (!ext::IsUnicodeSpace(ext::DecodeLenient(text, next))) break;
    begin = next;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;  // step back to the lead byte of the last code point
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t decode_pos = start;
    if (!ext::IsUnicodeSpace(ext::DecodeLenient(text, decode_pos)) || decode_pos != end) break;
    end = start;
  }
  return Value::String(text.substr(begin, end - begin));
}

Value JoinImpl(const Value& list, std::string_view separator, CallContext& ctx) {
  const uint32_t count = list.list_size();
  uint64_t size = 0;
  for (uint32_t item_idx = 0; item_idx < count; ++item_idx) {
    Value item = list.list_item(item_idx);
    if (item.kind() != ValueKind::kString) {
      return ctx.Error("join requires a list of strings, found `" +
                       std::string(ext::TypeNameOf(item)) + "` at index " +
                       std::to_string(item_idx));
    }
    size += item.string_view().size() + (item_idx > 0 ? separator.size() : 0);
  }
  char* chars = nullptr;
  Value result;
  if (!NewStringResult(ctx, static_cast<size_t>(size), chars, result)) return result;
  size_t out = 0;
  for (uint32_t item_idx = 0; item_idx < count; ++item_idx) {
    if (item_idx > 0 && !separator.empty()) {
      std::memcpy(chars + out, separator.data(), separator.size());
      out += separator.size();
    }
    std::string_view piece = list.list_item(item_idx).string_view();
    if (!piece.empty()) std::memcpy(chars + out, piece.data(), piece.size());
    out += piece.size();
  }
  return result;
}

Value Join(std::span<const Value> args, CallContext& ctx) { return JoinImpl(args[0], "", ctx); }

Value JoinSeparator(std::span<const Value> args, CallContext& ctx) {
  return JoinImpl(args[0], args[1].string_view(), ctx);
}

Value Reverse(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  char* chars = nullptr;
  Value result;
  if (!NewStringResult(ctx, text.size(), chars, result)) return result;
  // Each code point [pos, next) lands at the mirrored byte range of the output.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = pos;
    utf8::Decode(text, next);
    next = std::min(next, text.size());
    std::memcpy(chars + (text.size() - next), text.data() + pos, next - pos);
    pos = next;
  }
  return result;
}

Value Quote(std::span<const Value> args, CallContext& ctx) {
  std::string_view text = args[0].string_view();
  if (!ctx.Charge(text.size())) return ctx.CostLimitError();
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.push_back('"');
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t code_point = ext::DecodeLenient(text, pos);
    switch (code_point) {
      case '\a':
        quoted += "\\a";
        break;
      case '\b':
        quoted += "\\b";
        break;
      case '\f':
        quoted += "\\f";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\v':
        quoted += "\\v";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '"':
        quoted += "\\\"";
        break;
      default:
        utf8::Append(quoted, code_point);
    }
  }
  quoted.push_back('"');
  return ext::StringResult(ctx, quoted);
}

Value Format(std::span<const Value> args, CallContext& ctx) {
  return ext::FormatString(args[0].string_view(), args[1], ctx);
}

}  // namespace

void RegisterStringExtensions(FunctionRegistry& registry) {
  registry.Register("charAt", true, {kStringArg, kIntArg}, CharAt);
  registry.Register("indexOf", true, {kStringArg, kStringArg}, IndexOf);
  registry.Register("indexOf", true, {kStringArg, kStringArg, kIntArg}, IndexOfOffset);
  registry.Register("lastIndexOf", true, {kStringArg, kStringArg}, LastIndexOf);
  registry.Register("lastIndexOf", true, {kStringArg, kStringArg, kIntArg}, LastIndexOfOffset);
  registry.Register("lowerAscii", true, {kStringArg}, MapAscii<'A', 'Z', 'a' - 'A'>);
  registry.Register("upperAscii", true, {kStringArg}, MapAscii<'a', 'z', 'A' - 'a'>);
  registry.Register("replace", true, {kStringArg, kStringArg, kStringArg}, Replace);
  registry.Register("replace", true, {kStringArg, kStringArg, kStringArg, kIntArg}, ReplaceN);
  registry.Register("split", true, {kStringArg, kStringArg}, Split);
  registry.Register("split", true, {kStringArg, kStringArg, kIntArg}, SplitN);
  registry.Register("substring", true, {kStringArg, kIntArg}, SubstringFrom);
  registry.Register("substring", true, {kStringArg, kIntArg, kIntArg}, SubstringRange);
  registry.Register("trim", true, {kStringArg}, Trim);
  registry.Register("join", true, {kListArg}, Join);
  registry.Register("join", true, {kListArg, kStringArg}, JoinSeparator);
  registry.Register("reverse", true, {kStringArg}, Reverse);
  registry.Register("format", true, {kStringArg, kListArg}, Format);
  registry.Register("strings.quote", false, {kStringArg}, Quote);
}

}  // namespace warden::cel
