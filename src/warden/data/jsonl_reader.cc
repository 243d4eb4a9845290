#include "warden/data/jsonl_reader.h"

#include <cstring>
#include <memory>

#include "warden/base/arena.h"
#include "warden/data/builder.h"
#include "warden/data/json_parser.h"
#include "warden/data/reader_support.h"

namespace warden::data {

namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

StatusOr<std::vector<Document>> ReadJsonLines(std::string_view text, std::string file,
                                              const ReadLimits& limits) {
  if (Status status = internal::CheckInputSize(text, file, limits); !status.ok()) return status;
  if (Status status = internal::CheckUtf8(text, file); !status.ok()) return status;
  auto arena = internal::NewDocumentArena(limits, text.size());
  NodeBuilder builder(*arena);
  internal::JsonParser parser(text, file, limits, builder);
  std::vector<Document> documents;
  size_t line_start = 0;
  // A byte order mark may precede the first line.
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) line_start = 3;
  uint32_t line_number = 1;
  for (; line_start < text.size(); ++line_number) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (!IsBlank(text.substr(line_start, line_end - line_start))) {
      if (documents.size() >= limits.max_documents) {
        return internal::LimitErrorAt(
            file, {line_number, 1},
            "more than " + std::to_string(limits.max_documents) + " documents");
      }
      StatusOr<Node> root = parser.Parse(line_start, line_end, line_number);
      if (!root.ok()) return root.status();
      const Node* stored = arena->Create<Node>(*root);
      if (stored == nullptr) return internal::WithPosition(ArenaExhausted(*arena), file, {});
      documents.push_back(Document{file, documents.size(), stored, arena});
    }
    line_start = line_end + 1;
  }
  return documents;
}

}  // namespace warden::data
