#pragma once
// Shared by the data reader fuzz targets: small limits, and a round-trip check through
// the JSON writer: whatever a reader accepts must render to JSON that ReadJson accepts
// and renders identically (the writer's output is a fixed point).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "warden/data/json_reader.h"
#include "warden/data/json_writer.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data::fuzz {

inline ReadLimits SmallLimits() {
  ReadLimits limits;
  limits.max_input_bytes = size_t{1} << 20;
  limits.max_depth = 64;
  limits.max_scalar_bytes = size_t{64} << 10;
  limits.max_expanded_nodes = 100'000;
  limits.max_documents = 1000;
  limits.max_tree_bytes = size_t{64} << 20;
  return limits;
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Writes `root` as JSON (compact and pretty), reads it back and checks the fixed point.
inline void CheckJsonRoundTrip(const Node& root) {
  const std::string json = ToJson(root);
  (void)ToJson(root, /*pretty=*/true);
  ReadLimits relaxed;  // the output may be larger than the input (aliases, base64)
  StatusOr<Document> again = ReadJson(json, "roundtrip.json", relaxed);
  if (!again.ok() || ToJson(*again->root) != json) __builtin_trap();
}

}  // namespace warden::data::fuzz
