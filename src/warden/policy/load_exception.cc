// `kind: Exception` documents → ExceptionDoc.

#include <utility>

#include "warden/cel/lib/time_format.h"
#include "warden/policy/load_support.h"

namespace warden::policy::internal {
namespace {

ExceptionTargets ReadTargets(const data::Node& targets, const DocumentReader& reader) {
  ExceptionTargets out;
  out.kinds = reader.GetTextList(targets, "kinds").value_or(TextList{});
  out.namespaces = reader.GetTextList(targets, "namespaces").value_or(TextList{});
  out.names = reader.GetTextList(targets, "names").value_or(TextList{});
  out.files = reader.GetTextList(targets, "files").value_or(TextList{});
  out.subjects = reader.GetTextList(targets, "subjects").value_or(TextList{});
  out.resources = reader.GetTextList(targets, "resources").value_or(TextList{});
  out.actions = reader.GetTextList(targets, "actions").value_or(TextList{});
  return out;
}

}  // namespace

void LoadException(const data::Node& root, size_t document_index, DocumentReader& reader,
                   PolicySet& set) {
  // A waiver with any error is left out: it must never apply by accident (fail closed).
  if (reader.error_count() > 0) return;
  const data::Node* spec = reader.GetMap(root, "spec");
  if (spec == nullptr) return;  // required: reported by validation
  ExceptionDoc exception;
  exception.file = reader.file();
  exception.document_index = document_index;
  exception.position = root.position();
  exception.metadata = reader.GetMetadata(root);
  exception.policy = reader.GetText(*spec, "policy").value_or(Text{});
  exception.rules = reader.GetTextList(*spec, "rules").value_or(TextList{});
  if (const data::Node* targets = reader.GetMap(*spec, "targets")) {
    exception.targets = ReadTargets(*targets, reader);
  }
  exception.justification = reader.GetText(*spec, "justification").value_or(Text{});
  exception.requested_by = reader.GetText(*spec, "requested_by");
  exception.approved_by = reader.GetTextList(*spec, "approved_by").value_or(TextList{});
  exception.expires = reader.GetText(*spec, "expires");
  exception.environments = reader.GetTextList(*spec, "environments").value_or(TextList{});
  if (exception.expires) {
    int32_t nanos = 0;
    if (cel::ParseTimestamp(exception.expires->value, exception.expires_seconds, nanos) !=
        cel::TimeParseStatus::kOk) {
      return;  // reported by validation (E113)
    }
  }
  set.exceptions.push_back(std::move(exception));
}

}  // namespace warden::policy::internal
