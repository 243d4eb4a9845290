// libFuzzer target: ReadDockerfile with small limits, then the JSON writer round trip.

#include <cstddef>
#include <cstdint>

#include "data_fuzz_util.h"
#include "warden/data/dockerfile_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace warden::data;  // NOLINT(google-build-using-namespace): a tiny entry point
  using warden::StatusOr;
  StatusOr<Document> document =
      ReadDockerfile(fuzz::AsText(data, size), "Dockerfile", fuzz::SmallLimits());
  if (document.ok()) fuzz::CheckJsonRoundTrip(*document->root);
  return 0;
}
