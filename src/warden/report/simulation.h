#pragma once
// `warden simulate`: what a policy set would do to a corpus, without enforcing anything
// (docs/simulate.md). A Simulation sums up a check run over documents and the decisions
// over recorded requests: outcomes per policy and rule, which inputs would be blocked or
// only warned, the resources with the most blocking findings, and evaluation errors.
//
// Built from engine results by pure functions; rendered as a table, JSON or Markdown.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "warden/engine/result.h"
#include "warden/report/report.h"
#include "warden/report/summary_format.h"

namespace warden::report {

struct RuleTally {
  std::string rule;
  size_t blocking = 0;  // findings with enforce, not waived
  size_t warned = 0;
  size_t audited = 0;
  size_t waived = 0;
  // Requests: how often the rule decided, by its effect.
  size_t decided = 0;
};

struct PolicyTally {
  std::string policy;
  // Documents: (document, policy) outcomes.
  size_t passed = 0;
  size_t failed = 0;
  size_t warned = 0;
  size_t errored = 0;
  size_t skipped = 0;
  std::vector<RuleTally> rules;  // in the order first seen
};

struct ResourceTally {
  std::string resource;  // `Kind namespace/name (file)`
  size_t blocking = 0;
  size_t warned = 0;
};

struct SimulationError {
  std::string input;  // the resource, or `file:line` of a request; empty when `message` says
  std::string policy;
  std::string rule;
  std::string message;
};

struct Simulation {
  std::string bundle_name;
  std::string bundle_version;
  std::string environment;
  // Documents.
  size_t documents = 0;
  size_t blocked_documents = 0;  // at least one blocking finding, or an error under enforce
  size_t warned_documents = 0;   // warnings but nothing blocking
  size_t input_errors = 0;       // files that could not be read (listed in `errors`)
  // Requests.
  size_t requests = 0;
  size_t allowed = 0;
  size_t denied = 0;
  size_t approval_required = 0;
  size_t decided_by_default = 0;
  size_t request_errors = 0;                 // lines that are not requests
  std::vector<PolicyTally> policies;         // in the order first seen
  std::vector<ResourceTally> top_resources;  // most blocking findings first, at most `top`
  std::vector<SimulationError> errors;       // evaluation and input errors, at most 100
  size_t errors_dropped = 0;
};

// Accumulates a simulation: add check results and decisions, then Finish.
class SimulationBuilder {
 public:
  explicit SimulationBuilder(size_t top_resources) : top_(top_resources) {}

  void AddCheck(const CheckReport& report);
  void AddDecision(const engine::RequestDecision& decision, const std::string& input_label);
  // A recorded request that could not be read.
  void AddRequestError(const std::string& input_label, const std::string& message);

  Simulation Finish(std::string bundle_name, std::string bundle_version, std::string environment);

 private:
  PolicyTally& Policy(const std::string& name);
  RuleTally& Rule(PolicyTally& policy, const std::string& rule);
  void AddError(SimulationError error);

  size_t top_;
  Simulation out_;
  std::map<std::string, size_t> policy_index_;
  std::map<std::string, ResourceTally> resources_;
};

std::string RenderSimulation(const Simulation& simulation, SummaryFormat format);

}  // namespace warden::report
