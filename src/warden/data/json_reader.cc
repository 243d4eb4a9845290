#include "warden/data/json_reader.h"

#include <memory>
#include <utility>

#include "warden/base/arena.h"
#include "warden/data/builder.h"
#include "warden/data/json_parser.h"
#include "warden/data/reader_support.h"

namespace warden::data {

StatusOr<Document> ReadJson(std::string_view text, std::string file, const ReadLimits& limits) {
  if (Status status = internal::CheckInputSize(text, file, limits); !status.ok()) return status;
  if (Status status = internal::CheckUtf8(text, file); !status.ok()) return status;
  auto arena = internal::NewDocumentArena(limits, text.size());
  NodeBuilder builder(*arena);
  internal::JsonParser parser(text, file, limits, builder);
  StatusOr<Node> root = parser.Parse(0, text.size());
  if (!root.ok()) return root.status();
  const Node* stored = arena->Create<Node>(*root);
  if (stored == nullptr) return internal::WithPosition(ArenaExhausted(*arena), file, {});
  return Document{std::move(file), 0, stored, std::move(arena)};
}

}  // namespace warden::data
