#include "warden/policy/loader.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "warden/base/file.h"
#include "warden/base/source_location.h"
#include "warden/data/yaml_reader.h"
#include "warden/policy/load_support.h"
#include "warden/policy/schema.h"

namespace warden::policy {
namespace {

using internal::DocumentReader;
using internal::SourceText;

// A reader's error: E100 at its position in `file`.
void ReportReadError(const Status& status, const std::string& file, Diagnostics& diagnostics) {
  SourcePosition at = status.has_location() ? status.location().position : SourcePosition{};
  diagnostics.Error("E100", {file, at}, status.reason());
}

std::string KindList() {
  std::string out;
  const auto kinds = schema::Kinds();
  for (size_t index = 0; index < kinds.size(); ++index) {
    if (index > 0) out += index + 1 == kinds.size() ? " or " : ", ";
    out += "`" + std::string(kinds[index].kind) + "`";
  }
  return out;
}

// Checks apiVersion and kind (E105); the kind's schema when both are right.
const schema::KindSchema* CheckHeader(const data::Node& root, DocumentReader& reader) {
  const data::Node* api_version = root.Find("apiVersion");
  if (api_version == nullptr) {
    reader.Error("E105", root.position(), "missing `apiVersion`",
                 "add `apiVersion: " + std::string(schema::kApiVersion) + "`");
    return nullptr;
  }
  if (!api_version->is_string() || api_version->string_value() != schema::kApiVersion) {
    std::string found = api_version->is_string()
                            ? "`" + std::string(api_version->string_value()) + "`"
                            : internal::DescribeNode(*api_version);
    reader.Error("E105", api_version->position(), "unsupported apiVersion " + found,
                 "use `" + std::string(schema::kApiVersion) + "`");
    return nullptr;
  }
  const data::Node* kind = root.Find("kind");
  if (kind == nullptr) {
    reader.Error("E105", root.position(), "missing `kind`", "add `kind:` with " + KindList());
    return nullptr;
  }
  const schema::KindSchema* found =
      kind->is_string() ? schema::FindKind(kind->string_value()) : nullptr;
  if (found == nullptr) {
    std::string help = "expected " + KindList();
    if (kind->is_string()) {
      std::vector<std::string_view> names;
      for (const schema::KindSchema& known : schema::Kinds()) names.push_back(known.kind);
      std::string closest = ClosestMatch(kind->string_value(), names);
      if (!closest.empty()) help = "did you mean `" + closest + "`?";
    }
    std::string shown = kind->is_string() ? "`" + std::string(kind->string_value()) + "`"
                                          : internal::DescribeNode(*kind);
    reader.Error("E105", kind->position(), "unknown kind " + shown, std::move(help));
  }
  return found;
}

void LoadDocument(const data::Document& document, const SourceText& source, PolicySet& set,
                  Diagnostics& diagnostics) {
  const data::Node& root = *document.root;
  if (root.is_null()) return;
  DocumentReader reader(document.file, source, diagnostics);
  if (!root.is_map()) {
    reader.Error(
        "E102", root.position(),
        std::string("expected a map for a document, found ") + internal::DescribeNode(root),
        "a document starts with `apiVersion: warden/v1` and `kind:`");
    return;
  }
  const schema::KindSchema* kind = CheckHeader(root, reader);
  if (kind == nullptr) return;
  const schema::Type document_type{.shape = schema::Shape::kObject, .object = kind->document};
  reader.Validate(root, document_type, "");
  if (kind->kind == "Policy") {
    internal::LoadPolicy(root, document.index, reader, set);
  } else if (kind->kind == "Bundle") {
    internal::LoadBundle(root, reader, set);
  } else if (kind->kind == "Exception") {
    internal::LoadException(root, document.index, reader, set);
  } else {
    internal::LoadTestDoc(root, document.index, reader, set);
  }
}

// Loads the text already stored in `set.sources` under `file`.
void LoadStored(const std::string& stored, const std::string& file, PolicySet& set,
                Diagnostics& diagnostics, const LoadOptions& options) {
  const SourceText source(stored);
  StatusOr<std::vector<data::Document>> documents = data::ReadYaml(stored, file, options.limits);
  if (!documents.ok()) {
    ReportReadError(documents.status(), file, diagnostics);
    return;
  }
  if (documents->empty()) return;
  set.storage.push_back(documents->front().storage);
  for (const data::Document& document : *documents) {
    LoadDocument(document, source, set, diagnostics);
  }
}

}  // namespace

void LoadText(std::string_view text, const std::string& file, PolicySet& set,
              Diagnostics& diagnostics, const LoadOptions& options) {
  // Keep the text first: origins are computed from it, and later stages quote it.
  std::string& stored = set.sources[file];
  if (stored.data() != text.data() || stored.size() != text.size()) stored = std::string(text);
  LoadStored(stored, file, set, diagnostics, options);
}

void LoadFile(const std::string& path, PolicySet& set, Diagnostics& diagnostics,
              const LoadOptions& options) {
  StatusOr<std::string> text = ReadFile(path, options.limits.max_input_bytes);
  if (!text.ok()) {
    diagnostics.Error("E100", {path, {}}, text.status().message());
    return;
  }
  std::string& stored = set.sources[path];
  stored = std::move(*text);
  LoadStored(stored, path, set, diagnostics, options);
}

}  // namespace warden::policy
