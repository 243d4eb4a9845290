// libFuzzer target: ReadJsonLines with small limits, then the JSON writer round trip.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data_fuzz_util.h"
#include "warden/data/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warden::data;  // NOLINT(google-build-using-namespace): a tiny entry point
  using warden::StatusOr;
  StatusOr<std::vector<Document>> documents =
      ReadJsonLines(fuzz::AsText(data, size), "fuzz.jsonl", fuzz::SmallLimits());
  if (!documents.ok()) return 0;
  for (size_t doc_idx = 0; doc_idx < documents->size(); ++doc_idx) {
    const Document& document = (*documents)[doc_idx];
    if (document.index != doc_idx) __builtin_trap();
    fuzz::CheckJsonRoundTrip(*document.root);
  }
  return 0;
}
