#pragma once
// Reading inputs: from an InputFile (input_discovery.h) to the engine::DocumentInput
// values the engine checks, one per document, list item or Terraform resource change
// (input_classify.h says which).
//
//   for (const InputFile& file : *DiscoverInputs(paths, discovery_options)) {
//     auto inputs = ReadInputs(file, read_options);
//     ...
//   }
//
// The format is the one forced on the file, else the one its name tells
// (data::FormatFromPath); standard input (`-`, named `<stdin>`) without a forced format is
// guessed (GuessFormat in input_format.h). The forced format `terraform` reads JSON and
// requires every document to be a Terraform plan.
//
// Errors: those of the readers (`file:line:column: reason`) and of base/file.h;
// InvalidArgument when a file's name tells no format and none was forced, or when a
// `terraform` input is not a plan. Thread-safe: calls are independent. The inputs share
// the file's storage and stay valid as long as any of them exists.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/engine/input.h"
#include "warden/service/input_discovery.h"
#include "warden/service/input_format.h"

namespace warden::service {

struct ReadOptions {
  // Limits for each file read (data/limits.h); max_input_bytes also bounds standard input.
  data::ReadLimits limits;
};

StatusOr<std::vector<engine::DocumentInput>> ReadInputs(const InputFile& file,
                                                        const ReadOptions& options = {});

// The same for text already in memory (standard input, a request body, an inline test
// document); `file` names it in positions and classification. Without a format, the
// format comes from `file`'s name when it tells one, else it is guessed from the text.
StatusOr<std::vector<engine::DocumentInput>> ReadInputsFromText(std::string_view text,
                                                                std::string file,
                                                                std::optional<InputFormat> format,
                                                                const ReadOptions& options = {});

}  // namespace warden::service
