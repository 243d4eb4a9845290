#pragma once
// A nesting-depth pre-scan for TOML (internal to data/).
//
// toml++ limits nesting of inline arrays and tables (to 256), but not the length of
// dotted keys and table headers: `[a.a.a...]` with 100,000 components makes it recurse
// until the stack overflows. This scan runs before toml++ and bounds the depth every
// value can reach from the text alone (headers, dotted keys, inline arrays and tables),
// skipping strings and comments. The bound never underestimates the depth of a
// document toml++ accepts; it overestimates headers by up to two levels per component
// (each component might name an array of tables), so a header with more than
// max_depth / 2 components is rejected even when none of them is an array of tables.
// It validates nothing else: malformed text is left for toml++ to report.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace warden::data::internal {

// The byte offset at which the bound first exceeds `max_depth` (the root table has
// depth 1), or nullopt. O(text.size()).
std::optional<size_t> FindTomlDepthExcess(std::string_view text, uint32_t max_depth);

}  // namespace warden::data::internal
