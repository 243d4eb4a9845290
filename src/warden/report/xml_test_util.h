#pragma once
// A minimal XML 1.0 reader for the JUnit tests only: checks well-formedness (one root,
// balanced and matching tags, quoted and unique attributes, only the five predefined
// entities and character references, no raw `<` or `&`, no characters XML forbids,
// valid UTF-8) and builds an element tree with decoded text and attribute values. No
// DTDs, namespaces, CDATA or processing instructions other than the XML declaration.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "warden/base/utf8.h"

namespace warden::report::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;  // concatenated character data directly inside this element

  // The attribute's value, or nullopt.
  std::optional<std::string> Attribute(std::string_view key) const {
    for (const auto& [name_, value] : attributes) {
      if (name_ == key) return value;
    }
    return std::nullopt;
  }
  std::vector<const XmlElement*> Children(std::string_view child_name) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement& child : children) {
      if (child.name == child_name) out.push_back(&child);
    }
    return out;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  // The root element, or nullopt with error() set.
  std::optional<XmlElement> Read() {
    if (!utf8::IsValid(text_)) return Fail("invalid UTF-8");
    if (text_.substr(0, 5) == "<?xml") {
      size_t end = text_.find("?>");
      if (end == std::string_view::npos) return Fail("unterminated XML declaration");
      pos_ = end + 2;
    }
    SkipSpace();
    XmlElement root;
    if (!ReadElement(root, 0)) return std::nullopt;
    SkipSpace();
    if (pos_ != text_.size()) return Fail("content after the root element");
    return root;
  }

  const std::string& error() const { return error_; }

 private:
  std::nullopt_t Fail(const std::string& message) {
    if (error_.empty()) error_ = message + " at byte " + std::to_string(pos_);
    return std::nullopt;
  }

  bool AtEnd() const { return pos_ >= text_.size(); }

  void SkipSpace() {
    while (!AtEnd() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' ||
                        text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  static bool IsNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  }

  bool ReadName(std::string& name) {
    size_t start = pos_;
    while (!AtEnd() && IsNameChar(text_[pos_])) ++pos_;
    if (pos_ == start) {
      Fail("expected a name");
      return false;
    }
    name = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  static bool IsXmlChar(char32_t code_point) {
    if (code_point < 0x20) return code_point == '\t' || code_point == '\n' || code_point == '\r';
    return code_point != 0xFFFE && code_point != 0xFFFF;
  }

  // Decodes `&...;` at pos_ into `out`.
  bool ReadReference(std::string& out) {
    size_t end = text_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12) {
      Fail("bad entity reference");
      return false;
    }
    std::string_view entity = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    if (entity == "amp") {
      out += '&';
    } else if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else if (entity.size() > 1 && entity[0] == '#') {
      uint32_t code_point = 0;
      bool hex = entity[1] == 'x';
      std::string_view digits = entity.substr(hex ? 2 : 1);
      if (digits.empty()) {
        Fail("empty character reference");
        return false;
      }
      for (char c : digits) {
        uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
          digit = static_cast<uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          digit = static_cast<uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          digit = static_cast<uint32_t>(c - 'A' + 10);
        } else {
          Fail("bad character reference");
          return false;
        }
        code_point = code_point * (hex ? 16 : 10) + digit;
        if (code_point > 0x10FFFF) {
          Fail("character reference out of range");
          return false;
        }
      }
      if (!IsXmlChar(code_point) || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        Fail("character reference to a character XML forbids");
        return false;
      }
      utf8::Append(out, code_point);
    } else {
      Fail("unknown entity `" + std::string(entity) + "`");
      return false;
    }
    return true;
  }

  // Character data up to `stop` (`<` for content, the quote for attributes).
  bool ReadChars(char stop, std::string& out) {
    while (!AtEnd() && text_[pos_] != stop) {
      char c = text_[pos_];
      if (c == '&') {
        if (!ReadReference(out)) return false;
        continue;
      }
      if (c == '<') {
        Fail("raw `<` in a value");
        return false;
      }
      size_t start = pos_;
      char32_t code_point = utf8::Decode(text_, pos_);
      if (!IsXmlChar(code_point)) {
        pos_ = start;
        Fail("character XML forbids");
        return false;
      }
      out.append(text_.substr(start, pos_ - start));
    }
    return true;
  }

  bool ReadElement(XmlElement& element, size_t depth) {
    if (depth > 64) {
      Fail("too deep");
      return false;
    }
    if (AtEnd() || text_[pos_] != '<') {
      Fail("expected `<`");
      return false;
    }
    ++pos_;
    if (!ReadName(element.name)) return false;
    while (true) {
      size_t before = pos_;
      SkipSpace();
      if (AtEnd()) {
        Fail("unterminated start tag");
        return false;
      }
      if (text_.substr(pos_, 2) == "/>") {
        pos_ += 2;
        return true;
      }
      if (text_[pos_] == '>') {
        ++pos_;
        break;
      }
      if (pos_ == before) {
        Fail("attributes need whitespace before them");
        return false;
      }
      std::string key;
      if (!ReadName(key)) return false;
      if (element.Attribute(key)) {
        Fail("duplicate attribute `" + key + "`");
        return false;
      }
      if (AtEnd() || text_[pos_] != '=') {
        Fail("expected `=`");
        return false;
      }
      ++pos_;
      if (AtEnd() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
        Fail("attribute value must be quoted");
        return false;
      }
      char quote = text_[pos_++];
      std::string value;
      if (!ReadChars(quote, value)) return false;
      if (AtEnd()) {
        Fail("unterminated attribute value");
        return false;
      }
      ++pos_;
      element.attributes.emplace_back(std::move(key), std::move(value));
    }
    // Content.
    while (true) {
      if (!ReadChars('<', element.text)) return false;
      if (AtEnd()) {
        Fail("unterminated element `" + element.name + "`");
        return false;
      }
      if (text_.substr(pos_, 2) == "</") {
        pos_ += 2;
        std::string closing;
        if (!ReadName(closing)) return false;
        if (closing != element.name) {
          Fail("`</" + closing + ">` closes `<" + element.name + ">`");
          return false;
        }
        SkipSpace();
        if (AtEnd() || text_[pos_] != '>') {
          Fail("expected `>`");
          return false;
        }
        ++pos_;
        return true;
      }
      XmlElement child;
      if (!ReadElement(child, depth + 1)) return false;
      element.children.push_back(std::move(child));
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace warden::report::testing
