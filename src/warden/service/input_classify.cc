#include "warden/service/input_classify.h"

#include <string>
#include <utility>

namespace warden::service {

namespace {

// The string at `key` of a map, or empty.
std::string_view StringAt(const data::Node& map, std::string_view key) {
  const data::Node* value = map.Find(key);
  return value != nullptr && value->is_string() ? value->string_value() : std::string_view();
}

bool IsNull(const data::Node* node) { return node == nullptr || node->is_null(); }

engine::DocumentInput BaseInput(const data::Document& document, const data::Node& object) {
  engine::DocumentInput input;
  input.file = document.file;
  input.document_index = document.index;
  input.object = &object;
  input.storage = document.storage;
  input.document_root = document.root;
  return input;
}

void SetKubernetesIdentity(const data::Node& object, engine::DocumentInput& input) {
  input.api_version = StringAt(object, "apiVersion");
  input.kind = StringAt(object, "kind");
  if (const data::Node* metadata = object.Find("metadata"); metadata != nullptr) {
    input.name = StringAt(*metadata, "name");
    input.namespace_name = StringAt(*metadata, "namespace");
  }
}

void AddTerraformPlan(const data::Document& document, std::vector<engine::DocumentInput>& out) {
  const data::Node& plan = *document.root;
  engine::DocumentInput whole = BaseInput(document, plan);
  whole.kind = kTerraformPlanKind;
  whole.context_root = &plan;
  out.push_back(std::move(whole));
  const data::Node* changes = plan.Find("resource_changes");
  if (changes == nullptr) return;
  for (size_t change_idx = 0; change_idx < changes->items().size(); ++change_idx) {
    const data::Node& change = changes->item(change_idx);
    if (change.is_null()) continue;
    engine::DocumentInput input = BaseInput(document, change);
    input.kind = StringAt(change, "type");
    input.name = StringAt(change, "address");
    input.context_root = &plan;
    input.path_prefix = "resource_changes[" + std::to_string(change_idx) + "]";
    out.push_back(std::move(input));
  }
}

void AddKubernetesList(const data::Document& document, std::vector<engine::DocumentInput>& out) {
  const data::Node& items = *document.root->Find("items");
  for (size_t item_idx = 0; item_idx < items.size(); ++item_idx) {
    const data::Node& item = items.item(item_idx);
    if (item.is_null()) continue;
    engine::DocumentInput input = BaseInput(document, item);
    input.item_index = item_idx;
    input.path_prefix = "items[" + std::to_string(item_idx) + "]";
    if (IsKubernetesObject(item)) SetKubernetesIdentity(item, input);
    out.push_back(std::move(input));
  }
}

}  // namespace

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsKubernetesObject(const data::Node& node) {
  if (!node.is_map()) return false;
  const data::Node* api_version = node.Find("apiVersion");
  const data::Node* kind = node.Find("kind");
  return api_version != nullptr && api_version->is_string() && kind != nullptr && kind->is_string();
}

bool IsKubernetesList(const data::Node& node) {
  if (!IsKubernetesObject(node)) return false;
  if (!node.Find("kind")->string_value().ends_with("List")) return false;
  const data::Node* items = node.Find("items");
  return items != nullptr && items->is_list();
}

bool IsTerraformPlan(const data::Node& node) {
  return node.is_map() && node.Find("format_version") != nullptr &&
         (node.Find("resource_changes") != nullptr || node.Find("planned_values") != nullptr);
}

bool IsGitHubWorkflowPath(std::string_view path) {
  constexpr std::string_view kDirectory = ".github/workflows/";
  for (size_t found = path.find(kDirectory); found != std::string_view::npos;
       found = path.find(kDirectory, found + 1)) {
    if (found == 0 || path[found - 1] == '/') return true;
  }
  return false;
}

bool LooksLikeGitHubWorkflow(const data::Node& node) {
  return node.is_map() && node.Find("on") != nullptr && node.Find("jobs") != nullptr;
}

bool IsGitLabCiPath(std::string_view path) {
  const std::string_view base_name = BaseName(path);
  return base_name == ".gitlab-ci.yml" || base_name == ".gitlab-ci.yaml";
}

void ClassifyDocument(const data::Document& document, data::Format format,
                      std::vector<engine::DocumentInput>& out) {
  if (IsNull(document.root)) return;
  const data::Node& root = *document.root;
  if (format == data::Format::kDockerfile) {
    engine::DocumentInput input = BaseInput(document, root);
    input.kind = kDockerfileKind;
    input.name = BaseName(document.file);
    out.push_back(std::move(input));
    return;
  }
  if (IsTerraformPlan(root)) {
    AddTerraformPlan(document, out);
    return;
  }
  if (IsKubernetesList(root)) {
    AddKubernetesList(document, out);
    return;
  }
  engine::DocumentInput input = BaseInput(document, root);
  if (IsKubernetesObject(root)) {
    SetKubernetesIdentity(root, input);
  } else if ((format == data::Format::kYaml && IsGitHubWorkflowPath(document.file)) ||
             LooksLikeGitHubWorkflow(root)) {
    input.kind = kGitHubWorkflowKind;
    input.name = StringAt(root, "name");
    if (input.name.empty()) input.name = BaseName(document.file);
  } else if (IsGitLabCiPath(document.file)) {
    input.kind = kGitLabCiKind;
    input.name = BaseName(document.file);
  }
  out.push_back(std::move(input));
}

}  // namespace warden::service
