#pragma once
// Limits every reader enforces, so hostile input gives a clear error instead of a crash,
// a hang or unbounded memory. All are configurable; the defaults suit configuration
// files (Kubernetes manifests, Terraform plans) with a wide margin.

#include <cstddef>
#include <cstdint>

namespace warden::data {

struct ReadLimits {
  // Largest input accepted, in bytes.
  size_t max_input_bytes = size_t{256} << 20;
  // Deepest nesting of lists and maps. Readers stop as soon as it is exceeded (libyaml's
  // scanner is quadratic in flow depth, so the check must happen while parsing).
  uint32_t max_depth = 1000;
  // Longest single scalar (string, bytes), in bytes.
  size_t max_scalar_bytes = size_t{64} << 20;
  // Most nodes a file may expand to, counting every use of a YAML alias as a full copy
  // of the aliased subtree. Aliases share memory, but a later consumer that walks the
  // tree (printing, comprehensions) sees the expanded size: this bounds "billion laughs".
  uint64_t max_expanded_nodes = 20'000'000;
  // Most documents in one YAML stream or JSON Lines file.
  size_t max_documents = 1'000'000;
  // Memory for one file's tree, in bytes.
  size_t max_tree_bytes = size_t{2} << 30;
};

}  // namespace warden::data
