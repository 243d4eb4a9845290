#pragma once
// CompiledBundle: the immutable, executable form of a bundle. Every CEL string is a
// Program; templates (`message`, `path`, `remediation`) are split into literal text and
// programs; match lists are kept as globs for the engine's index. Built once by
// Compile (compile.h), then shared read-only by every thread (`shared_ptr<const ...>`).
//
// CEL variables (docs/language.md, "Variables"): every policy's Env declares the shared
// variables below in this order, so their slots are the same in every Env, then the
// policy's `let` names. The engine makes one Activation per input from the bundle's
// `widest_env` and rebinds only the `let` slots between policies.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/arena.h"
#include "warden/base/source_location.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/data/node.h"
#include "warden/policy/condition_plan.h"
#include "warden/policy/model.h"

namespace warden::policy {

// Slots of the shared variables, identical in every Env of a compiled bundle.
enum class SharedSlot : uint32_t {
  kObject,       // documents: the document (or resource change); requests: unbound
  kInput,        // alias of object
  kFile,         // documents: {path, document_index, kind}
  kPlan,         // Terraform resource changes: the whole plan
  kSubject,      // requests
  kAction,       // requests
  kResource,     // requests
  kContext,      // requests
  kEnvironment,  // requests: the request's environment (else the evaluation's)
  kEnv,          // the evaluation's environment name (`--env`), "" when none
  kParams,       // the policy's parameter values (a map)
  kNow,          // evaluation time (a timestamp), given by the caller
  kItem,         // foreach: the current element
  kIndex,        // foreach: its index (or map key)
  kCount,
};

// The names of the shared variables, in slot order.
const std::vector<std::string>& SharedVariableNames();

// A string with `{{expr}}` parts.
struct CompiledTemplate {
  struct Piece {
    std::string literal;                          // text before the expression
    std::shared_ptr<const cel::Program> program;  // nullptr for the trailing literal
  };
  std::vector<Piece> pieces;
  std::string source;

  bool empty() const { return source.empty(); }
  bool constant() const { return pieces.size() <= 1 && (pieces.empty() || !pieces[0].program); }
};

struct CompiledRule {
  std::string id;
  std::string title;
  Effect effect = Effect::kDeny;
  int64_t priority = 100;
  Severity severity = Severity::kMedium;
  std::shared_ptr<const cel::Program> foreach;  // nullptr: no foreach
  std::shared_ptr<const cel::Program> condition;
  // The condition as a native circuit the engine runs before (and mostly instead of)
  // the CEL program (condition_plan.h); empty for foreach rules and plain programs.
  ConditionPlan plan;
  // The condition's logical structure for branch coverage; compiled only with
  // CompileOptions::coverage (empty otherwise, and for conditions without `&&`/`||`/`!`).
  CoverageCircuit coverage;
  CompiledTemplate message;
  CompiledTemplate path;
  CompiledTemplate remediation;
  std::vector<std::string> controls;
  std::vector<std::string> approvers;
  SourceLocation location;            // the rule entry
  SourceLocation condition_location;  // the condition text
  size_t order = 0;                   // position in the policy
};

struct CompiledLet {
  std::string name;
  uint32_t slot = 0;
  std::shared_ptr<const cel::Program> program;
  SourceLocation location;
};

struct CompiledMatch {
  // Each list is empty when the policy does not restrict that dimension.
  std::vector<std::string> kinds;  // `Pod` or `apps/v1/Deployment`
  std::vector<std::string> namespaces;
  std::vector<std::string> actions;  // globs
  std::vector<std::string> resources;
  std::vector<std::string> subjects;
  std::vector<std::string> environments;
  std::shared_ptr<const cel::Program> when;  // nullptr: none
  SourceLocation when_location;

  // A policy that restricts request dimensions never applies to documents, and one that
  // restricts kinds or namespaces never applies to requests.
  bool ForDocuments() const { return actions.empty() && resources.empty() && subjects.empty(); }
  bool ForRequests() const { return kinds.empty() && namespaces.empty(); }
};

struct CompiledPolicy {
  std::string name;
  std::string title;
  std::string description;
  std::string owner;
  PolicyType type = PolicyType::kSecurity;
  Severity severity = Severity::kMedium;
  std::map<std::string, std::string> labels;
  std::vector<std::string> controls;
  Enforcement enforcement = Enforcement::kEnforce;
  bool overridable = true;
  OnError on_error = OnError::kDeny;
  CompiledMatch match;
  data::Node params;  // a map of the bound parameter values
  std::vector<CompiledLet> lets;
  std::vector<CompiledRule> rules;  // in declaration order
  SourceLocation location;
  std::string instantiated_from;
};

struct CompiledException {
  std::string name;
  std::string policy;
  std::vector<std::string> rules;  // empty: all
  ExceptionTargets targets;
  std::vector<std::string> environments;
  std::string justification;
  int64_t expires_seconds = 0;
  SourceLocation location;
};

struct EnvironmentSettings {
  std::optional<Enforcement> enforcement;  // caps every policy's enforcement
  std::map<std::string, Enforcement> policies;
};

struct CompiledBundle {
  std::string name;
  std::string version;
  std::string digest;
  Combining combining = Combining::kDenyOverrides;
  Effect default_effect = Effect::kAllow;
  std::map<std::string, EnvironmentSettings> environments;
  std::vector<CompiledPolicy> policies;
  std::vector<CompiledException> exceptions;
  // The Env with the shared variables and the most `let` slots: activations made from
  // it fit every policy's programs.
  std::shared_ptr<const cel::Env> widest_env;
  // Keeps the policy documents (parameter nodes) and built nodes alive.
  std::vector<std::shared_ptr<const Arena>> storage;
};

}  // namespace warden::policy
