#include "warden/policy/load_support.h"

#include <algorithm>
#include <utility>

#include "warden/cel/lib/time_format.h"

namespace warden::policy::internal {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the line break starting at `offset` as libyaml counts them, or 0.
size_t BreakLength(std::string_view text, size_t offset) {
  const auto byte = [&](size_t index) {
    return index < text.size() ? static_cast<unsigned char>(text[index]) : 0u;
  };
  switch (byte(offset)) {
    case '\n':
      return 1;
    case '\r':
      return byte(offset + 1) == '\n' ? 2 : 1;
    case 0xC2:  // U+0085 NEXT LINE
      return byte(offset + 1) == 0x85 ? 2 : 0;
    case 0xE2:  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
      return byte(offset + 1) == 0x80 && (byte(offset + 2) == 0xA8 || byte(offset + 2) == 0xA9) ? 3
                                                                                                : 0;
    default:
      return 0;
  }
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Characters that end an anchor or a tag.
bool EndsProperty(char c) {
  return IsBlank(c) || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '{' ||
         c == '}';
}

// A user value in backticks, shortened when long so one message stays one line.
std::string Quote(std::string_view value) {
  constexpr size_t kMaxBytes = 80;
  std::string out = "`";
  if (value.size() <= kMaxBytes) {
    out += value;
  } else {
    size_t cut = kMaxBytes - 3;
    while (cut > 0 && IsContinuationByte(value[cut])) --cut;
    out += value.substr(0, cut);
    out += "...";
  }
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out + "`";
}

std::string QuotedList(std::span<const std::string_view> values) {
  std::string out;
  for (size_t index = 0; index < values.size(); ++index) {
    if (index > 0) out += index + 1 == values.size() ? " or " : ", ";
    out += "`" + std::string(values[index]) + "`";
  }
  return out;
}

std::string FieldNames(const schema::ObjectSchema& object) {
  std::vector<std::string_view> names;
  for (const schema::Field& field : object.fields) names.push_back(field.name);
  return QuotedList(names);
}

bool IsScalar(const data::Node& node) { return !node.is_list() && !node.is_map(); }

}  // namespace

// --- SourceText ---------------------------------------------------------------------------

SourceText::SourceText(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t offset = 0; offset < text.size();) {
    size_t length = BreakLength(text, offset);
    if (length == 0) {
      ++offset;
      continue;
    }
    offset += length;
    line_starts_.push_back(offset);
  }
}

size_t SourceText::OffsetOf(SourcePosition position) const {
  if (position.line == 0 || position.column == 0 || position.line > line_starts_.size()) {
    return std::string_view::npos;
  }
  size_t offset = line_starts_[position.line - 1];
  for (uint32_t column = 1; column < position.column; ++column) {
    if (offset >= text_.size()) return std::string_view::npos;
    ++offset;
    while (offset < text_.size() && IsContinuationByte(text_[offset])) ++offset;
  }
  return offset;
}

SourcePosition SourceText::PositionOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line_idx = static_cast<size_t>(next_line - line_starts_.begin()) - 1;
  uint32_t column = 1;
  for (size_t pos = line_starts_[line_idx]; pos < offset; ++pos) {
    if (!IsContinuationByte(text_[pos])) ++column;
  }
  return {static_cast<uint32_t>(line_idx + 1), column};
}

size_t SourceText::LineEnd(size_t offset) const {
  while (offset < text_.size() && BreakLength(text_, offset) == 0) ++offset;
  return offset;
}

size_t SourceText::NextLineStart(size_t offset) const {
  auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return next_line == line_starts_.end() ? std::string_view::npos : *next_line;
}

SourcePosition SourceText::Origin(SourcePosition position, std::string_view value) const {
  size_t offset = OffsetOf(position);
  if (offset == std::string_view::npos || offset >= text_.size()) return position;
  // Skip the node's properties (`&anchor`, `!tag`) and the blanks, comments and line
  // breaks that may follow them.
  while (offset < text_.size() && (text_[offset] == '&' || text_[offset] == '!')) {
    while (offset < text_.size() && !EndsProperty(text_[offset])) ++offset;
    while (offset < text_.size()) {
      if (IsBlank(text_[offset])) {
        ++offset;
      } else if (size_t length = BreakLength(text_, offset); length > 0) {
        offset += length;
      } else if (text_[offset] == '#') {
        offset = LineEnd(offset);
      } else {
        break;
      }
    }
  }
  if (offset >= text_.size()) return position;
  switch (text_[offset]) {
    case '"':
    case '\'':
      return PositionOf(offset + 1);
    case '|':
    case '>':
      return BlockScalarOrigin(offset, position, value);
    default:
      return PositionOf(offset);
  }
}

SourcePosition SourceText::BlockScalarOrigin(size_t header, SourcePosition fallback,
                                             std::string_view value) const {
  size_t line_start = NextLineStart(header);
  if (line_start == std::string_view::npos) return fallback;
  const std::string_view first_line = value.substr(0, value.find('\n'));
  // Leading empty lines are part of the value; they do not say where the text starts.
  while (line_start < text_.size()) {
    size_t line_end = LineEnd(line_start);
    std::string_view line = text_.substr(line_start, line_end - line_start);
    bool blank = std::all_of(line.begin(), line.end(), IsBlank);
    if (!blank || first_line.empty()) {
      // The first content line is the indentation followed by the value's first line
      // (an explicit indentation indicator can leave spaces of the value in front).
      if (!first_line.empty() && line.size() >= first_line.size() &&
          line.substr(line.size() - first_line.size()) == first_line) {
        return PositionOf(line_end - first_line.size());
      }
      size_t content = line_start;
      while (content < line_end && IsBlank(text_[content])) ++content;
      return PositionOf(content);
    }
    size_t next = NextLineStart(line_start);
    if (next == std::string_view::npos) break;
    line_start = next;
  }
  return fallback;
}

// --- DocumentReader: validation -------------------------------------------------------

std::string JoinPath(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out = path;
  out += '.';
  out += key;
  return out;
}

const char* DescribeNode(const data::Node& node) {
  switch (node.kind()) {
    case data::NodeKind::kNull:
      return "null";
    case data::NodeKind::kBool:
      return "a boolean";
    case data::NodeKind::kInt:
    case data::NodeKind::kUint:
      return "an integer";
    case data::NodeKind::kDouble:
      return "a number";
    case data::NodeKind::kString:
      return "a string";
    case data::NodeKind::kBytes:
      return "binary data";
    case data::NodeKind::kList:
      return "a list";
    case data::NodeKind::kMap:
      return "a map";
  }
  return "a value";
}

void DocumentReader::Error(const char* code, SourcePosition position, std::string message,
                           std::string help) {
  ++errors_;
  diagnostics_.Error(code, At(position), std::move(message), std::move(help));
}

void DocumentReader::Validate(const data::Node& node, const schema::Type& type,
                              const std::string& path) {
  using schema::Shape;
  switch (type.shape) {
    case Shape::kAny:
      return;
    case Shape::kString:
    case Shape::kEnum:
    case Shape::kTimestamp:
      ValidateString(node, type, path);
      return;
    case Shape::kBool:
      if (node.kind() != data::NodeKind::kBool) TypeError(node, type, path);
      return;
    case Shape::kInt:
      if (node.kind() == data::NodeKind::kUint) {
        Error("E102", node.position(),
              "integer " + std::to_string(node.uint_value()) + " is too large for `" + path + "`",
              "the largest allowed value is 9223372036854775807");
      } else if (node.kind() != data::NodeKind::kInt) {
        TypeError(node, type, path);
      }
      return;
    case Shape::kList:
      if (node.is_list()) {
        for (size_t item_idx = 0; item_idx < node.size(); ++item_idx) {
          Validate(node.item(item_idx), *type.element, path + "[" + std::to_string(item_idx) + "]");
        }
      } else if (type.single_as_list && node.is_string()) {
        Validate(node, *type.element, path);
      } else {
        TypeError(node, type, path);
      }
      return;
    case Shape::kMap:
      if (!node.is_map()) {
        TypeError(node, type, path);
        return;
      }
      for (const data::MapEntry& entry : node.entries()) {
        CheckFormat(entry.key(), type.format, node.key_position(entry), path, /*is_key=*/true);
        Validate(entry.value, *type.element, JoinPath(path, entry.key()));
      }
      return;
    case Shape::kObject:
      if (!node.is_map()) {
        TypeError(node, type, path);
        return;
      }
      ValidateObject(node, *type.object, path);
      return;
  }
}

void DocumentReader::ValidateObject(const data::Node& node, const schema::ObjectSchema& object,
                                    const std::string& path) {
  const std::string where = path.empty() ? std::string() : " in `" + path + "`";
  for (const data::MapEntry& entry : node.entries()) {
    const schema::Field* field = schema::FindField(object, entry.key());
    if (field != nullptr) {
      Validate(entry.value, *field->type, JoinPath(path, entry.key()));
      continue;
    }
    std::vector<std::string_view> names;
    for (const schema::Field& known : object.fields) names.push_back(known.name);
    std::string help;
    if (std::string closest = ClosestMatch(entry.key(), names); !closest.empty()) {
      help = "did you mean `" + closest + "`?";
    } else {
      // A field written one level too high (`rules` beside `spec`) is a common slip.
      for (const schema::Field& known : object.fields) {
        if (known.type->shape == schema::Shape::kObject &&
            schema::FindField(*known.type->object, entry.key()) != nullptr) {
          help = "`" + std::string(entry.key()) + "` belongs under `" + JoinPath(path, known.name) +
                 "`";
          break;
        }
      }
      if (help.empty()) help = "expected one of " + FieldNames(object);
    }
    Error("E101", node.key_position(entry), "unknown field " + Quote(entry.key()) + where,
          std::move(help));
  }
  for (const schema::Field& field : object.fields) {
    if (field.required && node.Find(field.name) == nullptr) {
      Error("E104", node.position(),
            "missing required field `" + std::string(field.name) + "`" + where);
    }
  }
  if (!object.exactly_one_of.empty()) {
    const data::MapEntry* first = nullptr;
    for (const data::MapEntry& entry : node.entries()) {
      if (std::find(object.exactly_one_of.begin(), object.exactly_one_of.end(), entry.key()) ==
          object.exactly_one_of.end()) {
        continue;
      }
      if (first == nullptr) {
        first = &entry;
        continue;
      }
      Error("E102", node.key_position(entry),
            "`" + std::string(first->key()) + "` and `" + std::string(entry.key()) +
                "` cannot both be given" + where,
            "give exactly one of " + QuotedList(object.exactly_one_of));
    }
    if (first == nullptr) {
      Error("E104", node.position(), "missing one of " + QuotedList(object.exactly_one_of) + where);
    }
  }
}

void DocumentReader::ValidateString(const data::Node& node, const schema::Type& type,
                                    const std::string& path) {
  if (!node.is_string()) {
    TypeError(node, type, path);
    return;
  }
  std::string_view text = node.string_value();
  switch (type.shape) {
    case schema::Shape::kEnum: {
      if (std::find(type.values.begin(), type.values.end(), text) != type.values.end()) return;
      std::vector<std::string_view> values(type.values.begin(), type.values.end());
      std::string closest = ClosestMatch(text, values);
      Error("E103", node.position(), "invalid value " + Quote(text) + " for `" + path + "`",
            closest.empty() ? "expected " + QuotedList(type.values)
                            : "did you mean `" + closest + "`?");
      return;
    }
    case schema::Shape::kTimestamp: {
      int64_t seconds = 0;
      int32_t nanos = 0;
      cel::TimeParseStatus status = cel::ParseTimestamp(text, seconds, nanos);
      if (status == cel::TimeParseStatus::kOk) return;
      Error("E113", node.position(), "invalid timestamp " + Quote(text) + " for `" + path + "`",
            status == cel::TimeParseStatus::kRange
                ? "the year must lie between 0001 and 9999"
                : "use RFC 3339 with a time and a zone, e.g. `2027-01-31T00:00:00Z`");
      return;
    }
    default:
      CheckFormat(text, type.format, node.position(), path, /*is_key=*/false);
      return;
  }
}

void DocumentReader::CheckFormat(std::string_view text, schema::TextFormat format,
                                 SourcePosition position, const std::string& path, bool is_key) {
  if (schema::MatchesFormat(text, format)) return;
  const std::string_view rule = schema::FormatRule(format);
  if (format == schema::TextFormat::kNonEmpty) {
    Error("E102", position, "expected a non-empty string for `" + path + "`");
    return;
  }
  std::string message = "invalid name " + Quote(text) + (is_key ? " in `" : " for `") + path + "`";
  std::string help(rule);
  if (format == schema::TextFormat::kIdentifier) {
    const auto reserved = schema::ReservedWords();
    if (std::find(reserved.begin(), reserved.end(), text) != reserved.end()) {
      help = "`" + std::string(text) + "` is a CEL reserved word; choose another name";
    }
  }
  Error("E106", position, std::move(message), std::move(help));
}

void DocumentReader::TypeError(const data::Node& node, const schema::Type& type,
                               const std::string& path) {
  std::string target = path.empty() ? "a document" : "`" + path + "`";
  std::string help;
  using schema::Shape;
  if (type.shape == Shape::kEnum) {
    help = "expected " + QuotedList(type.values);
  } else if ((type.shape == Shape::kString || type.shape == Shape::kTimestamp) && IsScalar(node) &&
             !node.is_null()) {
    help = "put the value in quotes to make it a string";
  } else if (type.shape == Shape::kList && IsScalar(node) && !node.is_null()) {
    help = "write a list: `[value]` or one `- value` per line";
  }
  Error("E102", node.position(),
        "expected " + schema::Describe(type) + " for " + target + ", found " + DescribeNode(node),
        std::move(help));
}

// --- DocumentReader: values -----------------------------------------------------------------

Text DocumentReader::MakeText(const data::Node& node) const {
  Text text;
  text.value = std::string(node.string_value());
  text.position = node.position();
  text.origin = source_.Origin(node.position(), node.string_value());
  return text;
}

Text DocumentReader::MakeKeyText(const data::Node& map, const data::MapEntry& entry) const {
  Text text;
  text.value = std::string(entry.key());
  text.position = map.key_position(entry);
  text.origin = source_.Origin(text.position, entry.key());
  return text;
}

std::optional<Text> DocumentReader::GetText(const data::Node& map, std::string_view key) const {
  const data::Node* node = map.Find(key);
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return MakeText(*node);
}

std::optional<std::string> DocumentReader::GetString(const data::Node& map,
                                                     std::string_view key) const {
  const data::Node* node = map.Find(key);
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return std::string(node->string_value());
}

std::optional<TextList> DocumentReader::GetTextList(const data::Node& map,
                                                    std::string_view key) const {
  const data::Node* node = map.Find(key);
  if (node == nullptr) return std::nullopt;
  if (node->is_string()) return TextList{MakeText(*node)};
  if (!node->is_list()) return std::nullopt;
  TextList list;
  for (const data::Node& item : node->items()) {
    if (item.is_string()) list.push_back(MakeText(item));
  }
  return list;
}

std::optional<bool> DocumentReader::GetBool(const data::Node& map, std::string_view key) const {
  const data::Node* node = map.Find(key);
  if (node == nullptr || node->kind() != data::NodeKind::kBool) return std::nullopt;
  return node->bool_value();
}

std::optional<int64_t> DocumentReader::GetInt(const data::Node& map, std::string_view key) const {
  const data::Node* node = map.Find(key);
  if (node == nullptr || node->kind() != data::NodeKind::kInt) return std::nullopt;
  return node->int_value();
}

std::map<std::string, std::string> DocumentReader::GetStringMap(const data::Node& map,
                                                                std::string_view key) const {
  std::map<std::string, std::string> out;
  const data::Node* node = map.Find(key);
  if (node == nullptr) return out;
  for (const data::MapEntry& entry : node->entries()) {
    if (entry.value.is_string()) {
      out.emplace(std::string(entry.key()), std::string(entry.value.string_value()));
    }
  }
  return out;
}

const data::Node* DocumentReader::GetMap(const data::Node& map, std::string_view key) const {
  const data::Node* node = map.Find(key);
  return node != nullptr && node->is_map() ? node : nullptr;
}

Metadata DocumentReader::GetMetadata(const data::Node& root) const {
  Metadata metadata;
  const data::Node* node = GetMap(root, "metadata");
  if (node == nullptr) {
    metadata.position = root.position();
    metadata.name.position = root.position();
    metadata.name.origin = root.position();
    return metadata;
  }
  metadata.position = node->position();
  if (std::optional<Text> name = GetText(*node, "name")) {
    metadata.name = std::move(*name);
  } else {
    metadata.name.position = node->position();
    metadata.name.origin = node->position();
  }
  metadata.title = GetText(*node, "title");
  metadata.description = GetString(*node, "description");
  metadata.type = GetEnum(*node, "type", ParsePolicyType);
  metadata.severity = GetEnum(*node, "severity", ParseSeverity);
  metadata.owner = GetText(*node, "owner");
  metadata.labels = GetStringMap(*node, "labels");
  metadata.controls = GetTextList(*node, "controls");
  metadata.version = GetText(*node, "version");
  return metadata;
}

}  // namespace warden::policy::internal
