#include "warden/service/inputs.h"

#include <utility>

#include "warden/base/file.h"
#include "warden/data/reader.h"
#include "warden/service/input_classify.h"

namespace warden::service {

namespace {

constexpr const char* kStdinName = "<stdin>";

Status NotAPlan(const data::Document& document) {
  std::string location = document.file;
  if (document.root != nullptr && document.root->position().known()) {
    location = document.LocationOf(*document.root).ToString();
  }
  return InvalidArgument(location +
                         ": not a Terraform plan: expected an object with `format_version` and "
                         "`resource_changes` or `planned_values` (the output of `terraform "
                         "show -json`)");
}

StatusOr<std::vector<engine::DocumentInput>> Classify(
    StatusOr<std::vector<data::Document>> documents, data::Format format, bool require_plan) {
  if (!documents.ok()) return documents.status();
  std::vector<engine::DocumentInput> inputs;
  for (const data::Document& document : *documents) {
    if (require_plan && (document.root == nullptr || !IsTerraformPlan(*document.root))) {
      return NotAPlan(document);
    }
    ClassifyDocument(document, format, inputs);
  }
  return inputs;
}

}  // namespace

StatusOr<std::vector<engine::DocumentInput>> ReadInputs(const InputFile& file,
                                                        const ReadOptions& options) {
  if (file.path == "-") {
    StatusOr<std::string> text = ReadFile(file.path, options.limits.max_input_bytes);
    if (!text.ok()) return text.status();
    return ReadInputsFromText(*text, kStdinName, file.format, options);
  }
  std::optional<data::Format> format;
  if (file.format) {
    format = ReaderFormat(*file.format);
  } else {
    format = data::FormatFromPath(file.path);
  }
  if (!format) {
    return InvalidArgument("cannot tell the format of `" + file.path +
                           "` from its name; name it with `--input-format`");
  }
  return Classify(data::ReadDocumentsFromFile(file.path, *format, options.limits), *format,
                  file.format == InputFormat::kTerraform);
}

StatusOr<std::vector<engine::DocumentInput>> ReadInputsFromText(std::string_view text,
                                                                std::string file,
                                                                std::optional<InputFormat> format,
                                                                const ReadOptions& options) {
  std::optional<data::Format> reader_format;
  if (format) {
    reader_format = ReaderFormat(*format);
  } else {
    reader_format = data::FormatFromPath(file);
    if (!reader_format) reader_format = GuessFormat(text);
  }
  return Classify(data::ReadDocuments(text, std::move(file), *reader_format, options.limits),
                  *reader_format, format == InputFormat::kTerraform);
}

}  // namespace warden::service
