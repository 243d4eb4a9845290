#pragma once
// Classification: what each document of an input file is, as engine::DocumentInput
// values the engine matches policies against (`match.kinds`, exception targets).
//
// A document becomes (first rule that applies):
//
//   - nothing when it is null (an empty YAML document);
//   - a Dockerfile (format kDockerfile): kind `Dockerfile`, name = the file's base name;
//   - a Terraform plan (IsTerraformPlan): one input for the whole plan (kind
//     `TerraformPlan`, empty name) and one per entry of `resource_changes`: kind = the
//     entry's `type` (`aws_s3_bucket`), name = its `address`, path_prefix =
//     `resource_changes[i]`. Every input of a plan has context_root = the plan (the CEL
//     variable `plan`);
//   - a Kubernetes list (IsKubernetesList): one input per non-null item, item_index = i,
//     path_prefix = `items[i]`, classified like a Kubernetes object when it is one (else
//     kind empty); the list itself is not an input;
//   - a Kubernetes object (IsKubernetesObject): api_version, kind, name =
//     `metadata.name`, namespace_name = `metadata.namespace` (fields that are not strings
//     stay empty);
//   - a GitHub Actions workflow: a YAML file under `.github/workflows/`, or a map with
//     both `on` and `jobs` keys: kind `GitHubWorkflow`, name = its `name` or else the
//     file's base name. (YAML 1.2 reads the key `on` as the string "on"; keys are always
//     their source text in Warden's reader.)
//   - GitLab CI: base name `.gitlab-ci.yml` or `.gitlab-ci.yaml`: kind `GitLabCI`, name =
//     the base name;
//   - anything else: one input with empty kind.
//
// Every input has file = the document's file, document_index = its index, document_root =
// its root, and shares its storage. Pure functions; thread-safe.

#include <string_view>
#include <vector>

#include "warden/data/node.h"
#include "warden/data/reader.h"
#include "warden/engine/input.h"

namespace warden::service {

// Kind names given to inputs that are not Kubernetes objects.
inline constexpr std::string_view kDockerfileKind = "Dockerfile";
inline constexpr std::string_view kTerraformPlanKind = "TerraformPlan";
inline constexpr std::string_view kGitHubWorkflowKind = "GitHubWorkflow";
inline constexpr std::string_view kGitLabCiKind = "GitLabCI";

// Appends the inputs of `document`, read in `format`, to `out`.
void ClassifyDocument(const data::Document& document, data::Format format,
                      std::vector<engine::DocumentInput>& out);

// A map with string `apiVersion` and `kind`.
bool IsKubernetesObject(const data::Node& node);
// A Kubernetes object whose kind is `List` or ends in `List` (`PodList`) and whose
// `items` is a list.
bool IsKubernetesList(const data::Node& node);
// A map with `format_version` and `resource_changes` or `planned_values`.
bool IsTerraformPlan(const data::Node& node);
// A path with a `.github/workflows/` component pair.
bool IsGitHubWorkflowPath(std::string_view path);
// A map with both `on` and `jobs`.
bool LooksLikeGitHubWorkflow(const data::Node& node);
// A path whose base name is `.gitlab-ci.yml` or `.gitlab-ci.yaml`.
bool IsGitLabCiPath(std::string_view path);

// The last component of `path` (after the last `/`).
std::string_view BaseName(std::string_view path);

}  // namespace warden::service
