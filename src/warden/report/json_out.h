#pragma once
// JsonOut: a small streaming JSON writer for the report formats (internal to report/).
//
// Keys are written in the order the caller writes them, which is what makes the JSON,
// SARIF and GitLab outputs deterministic. Strings are escaped as RFC 8259 requires;
// valid UTF-8 passes through and each byte of an invalid sequence becomes U+FFFD, so the
// output is always valid JSON. Pretty mode indents by two spaces with one member or
// element per line; empty containers print as `{}` and `[]`. Compact mode puts a space
// after `:` and `,` (`{"a": 1, "b": 2}`), as the decision lines do.
//
// The caller keeps the nesting balanced (asserted in debug builds) and calls Key before
// every value inside an object.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warden::report {

class JsonOut {
 public:
  explicit JsonOut(bool pretty) : pretty_(pretty) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  // A finite number with `decimals` digits after the point (`77.8`).
  void Fixed(double value, int decimals);
  void Bool(bool value);
  void Null();

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, const char* value) { Field(key, std::string_view(value)); }
  void Field(std::string_view key, const std::string& value) {
    Field(key, std::string_view(value));
  }
  void FieldUint(std::string_view key, uint64_t value) {
    Key(key);
    Uint(value);
  }
  void FieldBool(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  // An array of strings.
  void StringArray(std::string_view key, const std::vector<std::string>& values);

  // The text written so far; complete once every container is closed.
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  struct Level {
    bool is_object;
    bool empty;
  };

  // Separator and indentation before a value or key at the current level.
  void BeforeValue();
  void Open(char bracket, bool is_object);
  void Close(char bracket);
  void NewLine(size_t depth);

  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> levels_;
  std::string out_;
};

// Appends `text` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace warden::report
