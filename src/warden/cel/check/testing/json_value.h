#pragma once
// JsonValue: a minimal JSON reader for test data (the conformance cases), header-only
// and test-only: it is not part of the warden_cel_check library's API. Handles the full
// JSON grammar including string escapes (`\uXXXX` with surrogate pairs, decoded to
// UTF-8); numbers keep their source text. Object members keep their order.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warden::cel::testing {

class JsonValue {
 public:
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }

  bool bool_value() const { return bool_; }
  // Strings: the decoded text; numbers: the source text.
  const std::string& text() const { return text_; }
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }

  // The member named `name` of an object, or nullptr.
  const JsonValue* Find(std::string_view name) const {
    for (const auto& member : members_) {
      if (member.first == name) return &member.second;
    }
    return nullptr;
  }
  // Whether the object has a member `name` that is `true`.
  bool IsTrue(std::string_view name) const {
    const JsonValue* member = Find(name);
    return member != nullptr && member->kind_ == Kind::kBool && member->bool_;
  }

  // Parses one JSON document; nullopt on malformed input.
  static std::optional<JsonValue> Parse(std::string_view text) {
    Reader reader{text};
    std::optional<JsonValue> value = reader.ReadValue(0);
    reader.SkipSpaces();
    if (!value.has_value() || reader.pos != text.size()) return std::nullopt;
    return value;
  }

 private:
  struct Reader {
    static constexpr int kMaxDepth = 256;

    std::string_view text;
    size_t pos = 0;

    void SkipSpaces() {
      while (pos < text.size() &&
             (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) {
        ++pos;
      }
    }

    bool Consume(std::string_view token) {
      if (text.substr(pos, token.size()) != token) return false;
      pos += token.size();
      return true;
    }

    std::optional<JsonValue> ReadValue(int depth) {
      if (depth > kMaxDepth) return std::nullopt;
      SkipSpaces();
      if (pos >= text.size()) return std::nullopt;
      JsonValue value;
      char c = text[pos];
      if (c == '{') return ReadObject(depth);
      if (c == '[') return ReadArray(depth);
      if (c == '"') {
        std::optional<std::string> str = ReadString();
        if (!str.has_value()) return std::nullopt;
        value.kind_ = Kind::kString;
        value.text_ = std::move(*str);
        return value;
      }
      if (Consume("null")) return value;
      if (Consume("true") || Consume("false")) {
        value.kind_ = Kind::kBool;
        value.bool_ = text[pos - 1] == 'e' && text[pos - 4] == 't';
        return value;
      }
      size_t start = pos;
      while (pos < text.size() &&
             std::string_view("+-.0123456789eE").find(text[pos]) != std::string_view::npos) {
        ++pos;
      }
      if (pos == start) return std::nullopt;
      value.kind_ = Kind::kNumber;
      value.text_ = std::string(text.substr(start, pos - start));
      return value;
    }

    std::optional<JsonValue> ReadArray(int depth) {
      JsonValue value;
      value.kind_ = Kind::kArray;
      ++pos;  // [
      SkipSpaces();
      if (Consume("]")) return value;
      while (true) {
        std::optional<JsonValue> item = ReadValue(depth + 1);
        if (!item.has_value()) return std::nullopt;
        value.items_.push_back(std::move(*item));
        SkipSpaces();
        if (Consume(",")) continue;
        if (Consume("]")) return value;
        return std::nullopt;
      }
    }

    std::optional<JsonValue> ReadObject(int depth) {
      JsonValue value;
      value.kind_ = Kind::kObject;
      ++pos;  // {
      SkipSpaces();
      if (Consume("}")) return value;
      while (true) {
        SkipSpaces();
        if (pos >= text.size() || text[pos] != '"') return std::nullopt;
        std::optional<std::string> name = ReadString();
        if (!name.has_value()) return std::nullopt;
        SkipSpaces();
        if (!Consume(":")) return std::nullopt;
        std::optional<JsonValue> member = ReadValue(depth + 1);
        if (!member.has_value()) return std::nullopt;
        value.members_.emplace_back(std::move(*name), std::move(*member));
        SkipSpaces();
        if (Consume(",")) continue;
        if (Consume("}")) return value;
        return std::nullopt;
      }
    }

    std::optional<uint32_t> ReadHex4() {
      if (pos + 4 > text.size()) return std::nullopt;
      uint32_t code = 0;
      for (int digit_idx = 0; digit_idx < 4; ++digit_idx) {
        char c = text[pos++];
        uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
          digit = static_cast<uint32_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
          digit = static_cast<uint32_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
          digit = static_cast<uint32_t>(c - 'A' + 10);
        } else {
          return std::nullopt;
        }
        code = code * 16 + digit;
      }
      return code;
    }

    static void AppendUtf8(uint32_t code, std::string& out) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
    }

    std::optional<std::string> ReadString() {
      ++pos;  // opening quote
      std::string out;
      while (pos < text.size()) {
        char c = text[pos++];
        if (c == '"') return out;
        if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
        if (c != '\\') {
          out += c;
          continue;
        }
        if (pos >= text.size()) return std::nullopt;
        char escape = text[pos++];
        switch (escape) {
          case '"':
          case '\\':
          case '/':
            out += escape;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            std::optional<uint32_t> code = ReadHex4();
            if (!code.has_value()) return std::nullopt;
            if (*code >= 0xD800 && *code < 0xDC00) {
              // A high surrogate must be followed by an escaped low surrogate.
              if (!Consume("\\u")) return std::nullopt;
              std::optional<uint32_t> low = ReadHex4();
              if (!low.has_value() || *low < 0xDC00 || *low >= 0xE000) return std::nullopt;
              *code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
            } else if (*code >= 0xDC00 && *code < 0xE000) {
              return std::nullopt;
            }
            AppendUtf8(*code, out);
            break;
          }
          default:
            return std::nullopt;
        }
      }
      return std::nullopt;
    }
  };

  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  std::string text_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

}  // namespace warden::cel::testing
