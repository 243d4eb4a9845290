// libFuzzer target: ReadYaml with small limits (including the alias expansion budget),
// then the JSON writer round trip of every document.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data_fuzz_util.h"
#include "warden/data/yaml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warden::data;  // NOLINT(google-build-using-namespace): a tiny entry point
  using warden::StatusOr;
  StatusOr<std::vector<Document>> documents =
      ReadYaml(fuzz::AsText(data, size), "fuzz.yaml", fuzz::SmallLimits());
  if (!documents.ok()) return 0;
  for (const Document& document : *documents) fuzz::CheckJsonRoundTrip(*document.root);
  return 0;
}
