#include "warden/report/json_out.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "warden/report/text.h"

namespace warden::report {

namespace {

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  ForEachCodePoint(text, [&out](std::string_view sequence, char32_t code_point) {
    switch (code_point) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\b':
        out += "\\b";
        return;
      case '\f':
        out += "\\f";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      default:
        break;
    }
    if (code_point < 0x20) {
      out += "\\u00";
      out += kHex[code_point >> 4];
      out += kHex[code_point & 15];
      return;
    }
    out += sequence;
  });
  out += '"';
}

void JsonOut::NewLine(size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

void JsonOut::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) {
    assert(out_.empty() && "one top-level value only");
    return;
  }
  Level& level = levels_.back();
  assert(!level.is_object && "Key must come before a value inside an object");
  if (!level.empty) out_ += pretty_ ? "," : ", ";
  level.empty = false;
  if (pretty_) NewLine(levels_.size());
}

void JsonOut::Key(std::string_view key) {
  assert(!levels_.empty() && levels_.back().is_object && !after_key_);
  Level& level = levels_.back();
  if (!level.empty) out_ += pretty_ ? "," : ", ";
  level.empty = false;
  if (pretty_) NewLine(levels_.size());
  AppendJsonString(out_, key);
  out_ += ": ";
  after_key_ = true;
}

void JsonOut::Open(char bracket, bool is_object) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({is_object, true});
}

void JsonOut::Close(char bracket) {
  assert(!levels_.empty() && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (pretty_ && !empty) NewLine(levels_.size());
  out_ += bracket;
}

void JsonOut::BeginObject() { Open('{', true); }
void JsonOut::EndObject() {
  assert(!levels_.empty() && levels_.back().is_object);
  Close('}');
}
void JsonOut::BeginArray() { Open('[', false); }
void JsonOut::EndArray() {
  assert(!levels_.empty() && !levels_.back().is_object);
  Close(']');
}

void JsonOut::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonOut::Int(int64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
}

void JsonOut::Fixed(double value, int decimals) {
  BeforeValue();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
  out_ += buffer;
}

void JsonOut::Uint(uint64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
}

void JsonOut::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonOut::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonOut::StringArray(std::string_view key, const std::vector<std::string>& values) {
  Key(key);
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

}  // namespace warden::report
