#include "warden/report/findings.h"

#include "warden/base/sha256.h"

namespace warden::report {

namespace {

// Length-prefixed parts, so that no two different tuples hash the same bytes.
void AddPart(Sha256& hash, std::string_view part) {
  hash.Update(std::to_string(part.size()));
  hash.Update(":");
  hash.Update(part);
}

void AddResource(Sha256& hash, const engine::DocumentResult& document) {
  const engine::ResourceInfo& resource = document.resource;
  if (!resource.kind.empty() || !resource.name.empty()) {
    AddPart(hash, resource.api_version);
    AddPart(hash, resource.kind);
    AddPart(hash, resource.namespace_name);
    AddPart(hash, resource.name);
    return;
  }
  // An anonymous document is only known by where it is in its file.
  std::string index = "#" + std::to_string(document.document_index);
  if (document.item_index) index += "." + std::to_string(*document.item_index);
  AddPart(hash, index);
}

}  // namespace

std::string RuleId(std::string_view policy, std::string_view rule) {
  std::string id(policy);
  if (!rule.empty()) {
    id += '/';
    id += rule;
  }
  return id;
}

const std::string& FindingFile(const engine::DocumentResult& document,
                               const engine::Violation& violation) {
  return violation.file.empty() ? document.file : violation.file;
}

std::string NormalizePath(std::string_view file) {
  std::string out(file);
  for (char& c : out) {
    if (c == '\\') c = '/';
  }
  size_t start = 0;
  while (out.size() - start > 2 && out.compare(start, 2, "./") == 0) {
    start += 2;
    while (start < out.size() && out[start] == '/') ++start;
  }
  return out.substr(start);
}

std::string LocationText(std::string_view file, uint32_t line, uint32_t column) {
  std::string out(file);
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
    if (column != 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  return out;
}

std::string DocumentLabel(const engine::DocumentResult& document) {
  const engine::ResourceInfo& resource = document.resource;
  if (resource.kind.empty() && resource.name.empty()) {
    std::string label = "document " + std::to_string(document.document_index);
    if (document.item_index) label += " item " + std::to_string(*document.item_index);
    return label;
  }
  std::string label = resource.kind;
  if (!resource.name.empty()) {
    if (!label.empty()) label += ' ';
    if (!resource.namespace_name.empty()) label += resource.namespace_name + "/";
    label += resource.name;
  }
  return label;
}

std::string ShortDocumentLabel(const engine::DocumentResult& document) {
  const engine::ResourceInfo& resource = document.resource;
  if (resource.kind.empty() && resource.name.empty()) return DocumentLabel(document);
  if (resource.kind.empty()) return resource.name;
  if (resource.name.empty()) return resource.kind;
  return resource.kind + "/" + resource.name;
}

std::string FindingFingerprint(const engine::DocumentResult& document,
                               const engine::Violation& violation) {
  Sha256 hash;
  AddPart(hash, "warden/v1");
  AddPart(hash, violation.policy);
  AddPart(hash, violation.rule);
  AddPart(hash, NormalizePath(FindingFile(document, violation)));
  AddResource(hash, document);
  AddPart(hash, violation.path);
  AddPart(hash, violation.message);
  return hash.FinishHex();
}

std::string ErrorFingerprint(const engine::DocumentResult& document,
                             const engine::EvaluationError& error) {
  Sha256 hash;
  AddPart(hash, "warden/v1/evaluation-error");
  AddPart(hash, error.policy);
  AddPart(hash, error.rule);
  AddPart(hash, NormalizePath(document.file));
  AddResource(hash, document);
  AddPart(hash, NormalizePath(error.file));
  AddPart(hash, error.message);
  return hash.FinishHex();
}

std::string InputErrorFingerprint(const InputError& error) {
  Sha256 hash;
  AddPart(hash, "warden/v1/input-error");
  AddPart(hash, NormalizePath(error.file));
  AddPart(hash, error.message);
  return hash.FinishHex();
}

policy::Severity MaxSeverity(const engine::PolicyResult& policy, policy::Enforcement enforcement) {
  bool found = false;
  policy::Severity max = policy.severity;
  for (const engine::Violation& violation : policy.violations) {
    if (!violation.waived_by.empty() || violation.enforcement != enforcement) continue;
    if (!found || violation.severity > max) max = violation.severity;
    found = true;
  }
  return max;
}

}  // namespace warden::report
