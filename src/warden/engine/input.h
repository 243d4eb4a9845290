#pragma once
// What the engine evaluates: a document input (a config file's document: a Kubernetes
// manifest, a Terraform resource change, a Dockerfile, a workflow) or a request (runtime
// authorization: subject, action, resource, context, environment).
//
// Inputs are views: the nodes they point at live in the data::Document storage they
// hold, so an input stays valid as long as it exists. The service layer makes document
// inputs from files (service/inputs.h); the engine never reads files.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/arena.h"
#include "warden/data/node.h"

namespace warden::engine {

// One document to check. `object` is bound to the CEL variables `object` and `input`;
// `context_root` (when set) is bound to `plan` for Terraform resource changes, so a
// policy on one resource can still look at the whole plan.
struct DocumentInput {
  std::string file;                  // as given on the command line, `<stdin>` for standard input
  size_t document_index = 0;         // 0-based position among the documents of the file
  std::optional<size_t> item_index;  // position inside a Kubernetes `List`, when expanded
  const data::Node* object = nullptr;
  const data::Node* context_root = nullptr;
  std::shared_ptr<const Arena> storage;  // keeps `object` alive

  // What the input is, for matching (`match.kinds`, exception targets) and reports.
  // Kubernetes objects: their apiVersion, kind, metadata.name, metadata.namespace.
  // Other inputs get a synthetic kind: `Dockerfile`, `GitHubWorkflow`, `GitLabCI`,
  // `TerraformPlan`, or for one resource change of a plan its resource type (e.g.
  // `aws_s3_bucket`, with name = its address). Empty when unknown.
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_name;

  // Path prefix of `object` inside the file's document (e.g. `items[3]` or
  // `resource_changes[2]`), prepended to finding paths so locations stay exact; empty
  // for a whole document.
  std::string path_prefix;
  // The whole document (for locating findings when `object` is a part of it).
  const data::Node* document_root = nullptr;
};

// One authorization request. Every member is a node (any JSON value); missing members
// are unbound variables (a condition that reads one evaluates to an error, and errors
// fail closed).
struct RequestInput {
  const data::Node* subject = nullptr;
  const data::Node* action = nullptr;
  const data::Node* resource = nullptr;
  const data::Node* context = nullptr;
  // The environment from the request, used when the evaluation options name none.
  std::string environment;
  std::shared_ptr<const Arena> storage;
};

}  // namespace warden::engine
