#include "warden/policy/json_schema.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include "warden/policy/schema.h"

namespace warden::policy {
namespace {

// A minimal pretty-printing JSON writer for the schema's own, trusted, structure.
class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key) {
    NextElement();
    WriteString(key);
    out_ += ": ";
    after_key_ = true;
  }
  void String(std::string_view value) {
    BeforeValue();
    WriteString(value);
  }
  void Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
  }
  void Int(int64_t value) {
    BeforeValue();
    out_ += std::to_string(value);
  }

  std::string Take() { return std::move(out_) + "\n"; }

 private:
  void Open(char bracket) {
    BeforeValue();
    out_ += bracket;
    empty_.push_back(true);
  }
  void Close(char bracket) {
    bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) NewLine();
    out_ += bracket;
  }
  // Values in arrays start a new line; values after a key stay on its line.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!empty_.empty()) NextElement();
  }
  void NextElement() {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    NewLine();
  }
  void NewLine() {
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
  }
  void WriteString(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (char c : text) {
      auto byte = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (byte < 0x20) {
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 15];
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

void WriteType(JsonWriter& json, const schema::Type& type, std::string_view description);

void WriteStringList(JsonWriter& json, std::string_view key,
                     std::span<const std::string_view> values) {
  json.Key(key);
  json.BeginArray();
  for (std::string_view value : values) json.String(value);
  json.EndArray();
}

// `pattern` and length keywords of a text format (inside an open object).
void WriteFormat(JsonWriter& json, schema::TextFormat format) {
  if (std::string_view pattern = schema::FormatPattern(format); !pattern.empty()) {
    json.Key("pattern");
    json.String(pattern);
  }
  switch (format) {
    case schema::TextFormat::kName:
    case schema::TextFormat::kRuleId:
      json.Key("maxLength");
      json.Int(static_cast<int64_t>(schema::kMaxNameLength));
      break;
    case schema::TextFormat::kNonEmpty:
      json.Key("minLength");
      json.Int(1);
      break;
    case schema::TextFormat::kIdentifier:
      json.Key("not");
      json.BeginObject();
      WriteStringList(json, "enum", schema::ReservedWords());
      json.EndObject();
      break;
    case schema::TextFormat::kAny:
      break;
  }
}

// The keywords of an object schema (inside an open object).
void WriteObjectBody(JsonWriter& json, const schema::ObjectSchema& object) {
  json.Key("type");
  json.String("object");
  json.Key("properties");
  json.BeginObject();
  for (const schema::Field& field : object.fields) {
    json.Key(field.name);
    WriteType(json, *field.type, field.description);
  }
  json.EndObject();
  std::vector<std::string_view> required;
  for (const schema::Field& field : object.fields) {
    if (field.required) required.push_back(field.name);
  }
  if (!required.empty()) WriteStringList(json, "required", required);
  json.Key("additionalProperties");
  json.Bool(false);
  if (!object.exactly_one_of.empty()) {
    json.Key("oneOf");
    json.BeginArray();
    for (std::string_view name : object.exactly_one_of) {
      json.BeginObject();
      json.Key("required");
      json.BeginArray();
      json.String(name);
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
  }
}

void WriteType(JsonWriter& json, const schema::Type& type, std::string_view description) {
  using schema::Shape;
  json.BeginObject();
  if (!description.empty()) {
    json.Key("description");
    json.String(description);
  }
  switch (type.shape) {
    case Shape::kString:
      json.Key("type");
      json.String("string");
      WriteFormat(json, type.format);
      break;
    case Shape::kEnum:
      json.Key("type");
      json.String("string");
      WriteStringList(json, "enum", type.values);
      break;
    case Shape::kTimestamp:
      json.Key("type");
      json.String("string");
      json.Key("format");
      json.String("date-time");
      break;
    case Shape::kBool:
      json.Key("type");
      json.String("boolean");
      break;
    case Shape::kInt:
      json.Key("type");
      json.String("integer");
      break;
    case Shape::kAny:
      break;
    case Shape::kList:
      if (type.single_as_list) {
        json.Key("anyOf");
        json.BeginArray();
        WriteType(json, *type.element, {});
        json.BeginObject();
        json.Key("type");
        json.String("array");
        json.Key("items");
        WriteType(json, *type.element, {});
        json.EndObject();
        json.EndArray();
      } else {
        json.Key("type");
        json.String("array");
        json.Key("items");
        WriteType(json, *type.element, {});
      }
      break;
    case Shape::kMap:
      json.Key("type");
      json.String("object");
      if (type.format != schema::TextFormat::kAny) {
        json.Key("propertyNames");
        json.BeginObject();
        WriteFormat(json, type.format);
        json.EndObject();
      }
      json.Key("additionalProperties");
      WriteType(json, *type.element, {});
      break;
    case Shape::kObject:
      WriteObjectBody(json, *type.object);
      break;
  }
  json.EndObject();
}

}  // namespace

std::string RenderJsonSchema() {
  JsonWriter json;
  json.BeginObject();
  json.Key("$schema");
  json.String("http://json-schema.org/draft-07/schema#");
  json.Key("title");
  json.String("Warden policy documents (" + std::string(schema::kApiVersion) + ")");
  json.Key("description");
  json.String("Policy, Bundle, Exception and Test documents of a Warden policy repository");
  json.Key("type");
  json.String("object");
  json.Key("oneOf");
  json.BeginArray();
  for (const schema::KindSchema& kind : schema::Kinds()) {
    json.BeginObject();
    json.Key("title");
    json.String(kind.kind);
    json.Key("description");
    json.String(kind.description);
    WriteObjectBody(json, *kind.document);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

}  // namespace warden::policy
