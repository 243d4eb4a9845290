#include "warden/data/yaml_reader.h"

#include <yaml.h>

#include <memory>
#include <string>

#include "warden/base/arena.h"
#include "warden/base/line_index.h"
#include "warden/data/builder.h"
#include "warden/data/reader_support.h"
#include "warden/data/yaml_builder.h"

namespace warden::data {

namespace {

using internal::YamlTreeBuilder;

// Owns a libyaml parser.
class Parser {
 public:
  Parser() : ok_(yaml_parser_initialize(&parser_) != 0) {}
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_{};
  bool ok_;
};

// Owns one event.
class Event {
 public:
  Event() = default;
  ~Event() { yaml_event_delete(&event_); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  yaml_event_t* get() { return &event_; }
  const yaml_event_t& operator*() const { return event_; }

 private:
  yaml_event_t event_{};
};

SourcePosition PositionOf(const yaml_mark_t& mark) {
  return {static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1)};
}

std::string_view View(const yaml_char_t* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// libyaml quotes user text with '...'; Warden messages use backticks.
std::string Backticked(const char* text) {
  std::string out = text == nullptr ? "syntax error" : text;
  for (char& c : out) {
    if (c == '\'') c = '`';
  }
  return out;
}

Status ParserError(const yaml_parser_t& parser, std::string_view text, std::string_view file) {
  switch (parser.error) {
    case YAML_MEMORY_ERROR:
      return internal::LimitErrorAt(file, {}, "out of memory while parsing");
    case YAML_READER_ERROR: {
      // Reader errors (control characters) carry a byte offset, not a mark.
      SourcePosition position = LineIndex(text).PositionOf(parser.problem_offset);
      std::string reason = Backticked(parser.problem);
      if (parser.problem_value >= 0) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        auto value = static_cast<unsigned>(parser.problem_value);
        reason += " (U+";
        for (int shift = 12; shift >= 0; shift -= 4) reason += kHex[(value >> shift) & 15];
        reason += ')';
      }
      return internal::SyntaxErrorAt(file, position, reason);
    }
    default: {
      std::string reason = Backticked(parser.problem);
      if (parser.context != nullptr) {
        SourcePosition context = PositionOf(parser.context_mark);
        reason += " " + Backticked(parser.context) + " at " + std::to_string(context.line) + ":" +
                  std::to_string(context.column);
      }
      return internal::SyntaxErrorAt(file, PositionOf(parser.problem_mark), reason);
    }
  }
}

}  // namespace

StatusOr<std::vector<Document>> ReadYaml(std::string_view text, std::string file,
                                         const ReadLimits& limits) {
  if (Status status = internal::CheckInputSize(text, file, limits); !status.ok()) return status;
  if (Status status = internal::CheckUtf8(text, file); !status.ok()) return status;
  auto arena = internal::NewDocumentArena(limits, text.size());
  NodeBuilder builder(*arena);
  YamlTreeBuilder tree(file, limits, builder);
  Parser parser;
  if (!parser.ok()) return internal::LimitErrorAt(file, {}, "out of memory while parsing");
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);

  std::vector<Document> documents;
  while (true) {
    Event event;
    if (yaml_parser_parse(parser.get(), event.get()) == 0) {
      return ParserError(*parser.get(), text, file);
    }
    const yaml_event_t& data = *event;
    const SourcePosition position = PositionOf(data.start_mark);
    Status status;
    switch (data.type) {
      case YAML_NO_EVENT:
      case YAML_STREAM_START_EVENT:
        break;
      case YAML_STREAM_END_EVENT:
        return documents;
      case YAML_DOCUMENT_START_EVENT:
        if (documents.size() >= limits.max_documents) {
          return internal::LimitErrorAt(
              file, position, "more than " + std::to_string(limits.max_documents) + " documents");
        }
        tree.StartDocument();
        break;
      case YAML_DOCUMENT_END_EVENT: {
        StatusOr<const Node*> root = tree.EndDocument();
        if (!root.ok()) return root.status();
        documents.push_back(Document{file, documents.size(), *root, arena});
        break;
      }
      case YAML_ALIAS_EVENT:
        status = tree.Alias(View(data.data.alias.anchor), position);
        break;
      case YAML_SCALAR_EVENT: {
        const auto& scalar = data.data.scalar;
        std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
        status = tree.Scalar(value, scalar.style == YAML_PLAIN_SCALAR_STYLE,
                             {View(scalar.anchor), View(scalar.tag), position});
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        status = tree.StartCollection(
            /*is_map=*/false,
            {View(data.data.sequence_start.anchor), View(data.data.sequence_start.tag), position});
        break;
      case YAML_MAPPING_START_EVENT:
        status = tree.StartCollection(
            /*is_map=*/true,
            {View(data.data.mapping_start.anchor), View(data.data.mapping_start.tag), position});
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        status = tree.EndCollection();
        break;
    }
    if (!status.ok()) return status;
  }
}

}  // namespace warden::data
