#include "warden/cel/eval/typed_value.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "warden/base/base64.h"
#include "warden/base/json_string.h"
#include "warden/cel/lib/time_civil.h"
#include "warden/cel/lib/time_format.h"

namespace warden::cel {

std::optional<Value> ParseTimestampValue(std::string_view text) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  if (ParseTimestamp(text, seconds, nanos) != TimeParseStatus::kOk) return std::nullopt;
  return Value::Timestamp(seconds, nanos);
}

namespace {

std::optional<Value> ParseDurationValue(std::string_view text) {
  int64_t nanos = 0;
  if (ParseDuration(text, nanos) != TimeParseStatus::kOk) return std::nullopt;
  return DurationFromNanos(nanos);
}

std::string FormatTimestampValue(const Value& value) {
  return FormatTimestamp(value.seconds(), value.nanos());
}

std::string FormatDurationValue(const Value& value) {
  std::optional<int64_t> nanos = DurationNanos(value);
  return nanos ? FormatDuration(*nanos) : std::to_string(value.seconds()) + "s";
}

Status PathError(const std::string& path, std::string_view reason) {
  return InvalidArgument("`" + path + "`: " + std::string(reason));
}

template <typename T>
bool ParseDecimal(std::string_view text, T& out) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

StatusOr<Value> DecodeDouble(const data::Node& node, const std::string& path) {
  switch (node.kind()) {
    case data::NodeKind::kDouble:
      return Value::Double(node.double_value());
    case data::NodeKind::kInt:
      return Value::Double(static_cast<double>(node.int_value()));
    case data::NodeKind::kUint:
      return Value::Double(static_cast<double>(node.uint_value()));
    case data::NodeKind::kString: {
      std::string_view text = node.string_value();
      if (text == "NaN") return Value::Double(std::numeric_limits<double>::quiet_NaN());
      if (text == "Infinity") return Value::Double(std::numeric_limits<double>::infinity());
      if (text == "-Infinity") return Value::Double(-std::numeric_limits<double>::infinity());
      if (text == "-0") return Value::Double(-0.0);
      double parsed = 0;
      if (ParseDecimal(text, parsed)) return Value::Double(parsed);
      return PathError(path, "a double is a number or one of `NaN`, `Infinity`, `-Infinity`, `-0`");
    }
    default:
      return PathError(path, "a double is a number or one of `NaN`, `Infinity`, `-Infinity`, `-0`");
  }
}

StatusOr<Value> DecodeList(const data::Node& node, ValueFactory& factory, const std::string& path) {
  if (!node.is_list()) return PathError(path, "`list` takes an array of typed values");
  std::vector<Value> items;
  items.reserve(node.size());
  for (size_t item_idx = 0; item_idx < node.size(); ++item_idx) {
    auto item =
        DecodeTypedValue(node.item(item_idx), factory, path + "[" + std::to_string(item_idx) + "]");
    if (!item.ok()) return item;
    items.push_back(*item);
  }
  Value list = factory.MakeList(items);
  if (list.is_error()) return PathError(path, list.error().message);
  return list;
}

StatusOr<Value> DecodeMap(const data::Node& node, ValueFactory& factory, const std::string& path) {
  if (!node.is_list()) return PathError(path, "`map` takes an array of [key, value] pairs");
  std::vector<Value> keys;
  std::vector<Value> values;
  for (size_t entry_idx = 0; entry_idx < node.size(); ++entry_idx) {
    const data::Node& pair = node.item(entry_idx);
    std::string entry_path = path + "[" + std::to_string(entry_idx) + "]";
    if (!pair.is_list() || pair.size() != 2)
      return PathError(entry_path, "expected a [key, value] pair");
    auto key = DecodeTypedValue(pair.item(0), factory, entry_path + "[0]");
    if (!key.ok()) return key;
    auto value = DecodeTypedValue(pair.item(1), factory, entry_path + "[1]");
    if (!value.ok()) return value;
    keys.push_back(*key);
    values.push_back(*value);
  }
  Value map = factory.MakeMapChecked(keys, values);
  if (map.is_error()) return PathError(path, map.error().message);
  return map;
}

StatusOr<Value> RequireString(const data::Node& node, const std::string& path,
                              std::string_view tag) {
  if (!node.is_string()) return PathError(path, "`" + std::string(tag) + "` takes a string");
  return Value::String(node.string_value());
}

}  // namespace

StatusOr<Value> DecodeTypedValue(const data::Node& node, ValueFactory& factory,
                                 const std::string& path) {
  if (!node.is_map() || node.size() != 1) {
    return PathError(path, "a typed value is an object with exactly one key naming its type");
  }
  const data::MapEntry& entry = node.entries()[0];
  std::string_view tag = entry.key();
  const data::Node& content = entry.value;
  std::string content_path = path + "." + std::string(tag);
  if (tag == "null") return Value::Null();
  if (tag == "bool") {
    if (content.kind() != data::NodeKind::kBool)
      return PathError(content_path, "`bool` takes true or false");
    return Value::Bool(content.bool_value());
  }
  if (tag == "int" || tag == "uint") {
    std::string_view text = content.is_string() ? content.string_value() : std::string_view();
    if (tag == "int") {
      int64_t parsed = 0;
      if (ParseDecimal(text, parsed)) return Value::Int(parsed);
      if (content.kind() == data::NodeKind::kInt) return Value::Int(content.int_value());
      return PathError(content_path, "`int` takes a decimal string in the int64 range");
    }
    uint64_t parsed = 0;
    if (ParseDecimal(text, parsed)) return Value::Uint(parsed);
    if (content.kind() == data::NodeKind::kInt && content.int_value() >= 0) {
      return Value::Uint(static_cast<uint64_t>(content.int_value()));
    }
    if (content.kind() == data::NodeKind::kUint) return Value::Uint(content.uint_value());
    return PathError(content_path, "`uint` takes a decimal string in the uint64 range");
  }
  if (tag == "double") return DecodeDouble(content, content_path);
  if (tag == "string") {
    if (!content.is_string()) return PathError(content_path, "`string` takes a string");
    return factory.CopyString(content.string_value());
  }
  if (tag == "bytes") {
    if (!content.is_string()) return PathError(content_path, "`bytes` takes a base64 string");
    std::optional<std::string> decoded = Base64Decode(content.string_value());
    if (!decoded) return PathError(content_path, "invalid base64");
    return factory.CopyBytes(*decoded);
  }
  if (tag == "list") return DecodeList(content, factory, content_path);
  if (tag == "map") return DecodeMap(content, factory, content_path);
  if (tag == "type") {
    auto name = RequireString(content, content_path, tag);
    if (!name.ok()) return name;
    Value copy = factory.CopyString(name->string_view());
    return Value::Type(copy.string_view());
  }
  if (tag == "timestamp") {
    auto text = RequireString(content, content_path, tag);
    if (!text.ok()) return text;
    std::optional<Value> parsed = ParseTimestampValue(text->string_view());
    if (!parsed) return PathError(content_path, "invalid RFC 3339 timestamp");
    return *parsed;
  }
  if (tag == "duration") {
    auto text = RequireString(content, content_path, tag);
    if (!text.ok()) return text;
    std::optional<Value> parsed = ParseDurationValue(text->string_view());
    if (!parsed) return PathError(content_path, "invalid duration");
    return *parsed;
  }
  if (tag == "optional") {
    if (content.is_null()) return Value::OptionalNone();
    auto inner = DecodeTypedValue(content, factory, content_path);
    if (!inner.ok()) return inner;
    return factory.MakeOptional(*inner);
  }
  return PathError(path, "unknown type tag `" + std::string(tag) + "`");
}

namespace {

void EncodeDouble(double value, std::string& out) {
  if (std::isnan(value)) {
    out += "\"NaN\"";
  } else if (std::isinf(value)) {
    out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else if (value == 0 && std::signbit(value)) {
    out += "\"-0\"";
  } else {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
  }
}

}  // namespace

void EncodeTypedValue(const Value& value, std::string& out) {
  switch (value.kind()) {
    case ValueKind::kNull:
      out += "{\"null\":null}";
      return;
    case ValueKind::kBool:
      out += value.bool_value() ? "{\"bool\":true}" : "{\"bool\":false}";
      return;
    case ValueKind::kInt:
      out += "{\"int\":\"" + std::to_string(value.int_value()) + "\"}";
      return;
    case ValueKind::kUint:
      out += "{\"uint\":\"" + std::to_string(value.uint_value()) + "\"}";
      return;
    case ValueKind::kDouble:
      out += "{\"double\":";
      EncodeDouble(value.double_value(), out);
      out += "}";
      return;
    case ValueKind::kString:
      out += "{\"string\":";
      warden::AppendJsonString(out, value.string_view());
      out += "}";
      return;
    case ValueKind::kBytes:
      out += "{\"bytes\":\"" + Base64Encode(value.string_view()) + "\"}";
      return;
    case ValueKind::kList:
      out += "{\"list\":[";
      for (uint32_t item_idx = 0; item_idx < value.list_size(); ++item_idx) {
        if (item_idx > 0) out += ",";
        EncodeTypedValue(value.list_item(item_idx), out);
      }
      out += "]}";
      return;
    case ValueKind::kMap:
      out += "{\"map\":[";
      for (uint32_t entry_idx = 0; entry_idx < value.map_size(); ++entry_idx) {
        if (entry_idx > 0) out += ",";
        out += "[";
        EncodeTypedValue(value.map_key(entry_idx), out);
        out += ",";
        EncodeTypedValue(value.map_value(entry_idx), out);
        out += "]";
      }
      out += "]}";
      return;
    case ValueKind::kTimestamp:
      out += "{\"timestamp\":";
      warden::AppendJsonString(out, FormatTimestampValue(value));
      out += "}";
      return;
    case ValueKind::kDuration:
      out += "{\"duration\":";
      warden::AppendJsonString(out, FormatDurationValue(value));
      out += "}";
      return;
    case ValueKind::kType:
      out += "{\"type\":";
      warden::AppendJsonString(out, value.string_view());
      out += "}";
      return;
    case ValueKind::kOptional:
      out += "{\"optional\":";
      if (value.has_value()) {
        EncodeTypedValue(value.optional_value(), out);
      } else {
        out += "null";
      }
      out += "}";
      return;
    case ValueKind::kOpaque:
      out += "{\"opaque\":{\"type\":";
      warden::AppendJsonString(out, value.opaque().type_name);
      if (value.opaque().format != nullptr) {
        out += ",\"value\":";
        warden::AppendJsonString(out, value.opaque().format(value.opaque().data));
      }
      out += "}}";
      return;
    case ValueKind::kError:
      out += "{\"error\":";
      warden::AppendJsonString(out, value.error().message);
      out += "}";
      return;
  }
}

void EncodePlainJson(const Value& value, std::string& out) {
  switch (value.kind()) {
    case ValueKind::kNull:
      out += "null";
      return;
    case ValueKind::kBool:
      out += value.bool_value() ? "true" : "false";
      return;
    case ValueKind::kInt:
      out += std::to_string(value.int_value());
      return;
    case ValueKind::kUint:
      out += std::to_string(value.uint_value());
      return;
    case ValueKind::kDouble:
      if (std::isfinite(value.double_value())) {
        char buffer[32];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value.double_value());
        out.append(buffer, result.ptr);
      } else {
        EncodeDouble(value.double_value(), out);
      }
      return;
    case ValueKind::kString:
    case ValueKind::kType:
      warden::AppendJsonString(out, value.string_view());
      return;
    case ValueKind::kBytes:
      warden::AppendJsonString(out, Base64Encode(value.string_view()));
      return;
    case ValueKind::kList:
      out += "[";
      for (uint32_t item_idx = 0; item_idx < value.list_size(); ++item_idx) {
        if (item_idx > 0) out += ",";
        EncodePlainJson(value.list_item(item_idx), out);
      }
      out += "]";
      return;
    case ValueKind::kMap:
      out += "{";
      for (uint32_t entry_idx = 0; entry_idx < value.map_size(); ++entry_idx) {
        if (entry_idx > 0) out += ",";
        Value key = value.map_key(entry_idx);
        if (key.kind() == ValueKind::kString) {
          warden::AppendJsonString(out, key.string_view());
        } else {
          std::string key_text;
          EncodePlainJson(key, key_text);
          warden::AppendJsonString(out, key_text);
        }
        out += ":";
        EncodePlainJson(value.map_value(entry_idx), out);
      }
      out += "}";
      return;
    case ValueKind::kTimestamp:
      warden::AppendJsonString(out, FormatTimestampValue(value));
      return;
    case ValueKind::kDuration:
      warden::AppendJsonString(out, FormatDurationValue(value));
      return;
    case ValueKind::kOptional:
      if (value.has_value()) {
        EncodePlainJson(value.optional_value(), out);
      } else {
        out += "null";
      }
      return;
    case ValueKind::kOpaque:
      // Plain JSON has no opaque values: their text, or the type name without one.
      warden::AppendJsonString(out, value.opaque().format != nullptr
                                        ? value.opaque().format(value.opaque().data)
                                        : std::string(value.opaque().type_name));
      return;
    case ValueKind::kError:
      warden::AppendJsonString(out, value.error().message);
      return;
  }
}

std::string EncodeTypedValue(const Value& value) {
  std::string out;
  EncodeTypedValue(value, out);
  return out;
}

}  // namespace warden::cel
