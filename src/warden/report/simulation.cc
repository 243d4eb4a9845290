#include "warden/report/simulation.h"

#include <algorithm>

#include "warden/report/findings.h"

namespace warden::report {
namespace {

constexpr size_t kMaxErrors = 100;

}  // namespace

PolicyTally& SimulationBuilder::Policy(const std::string& name) {
  auto [found, added] = policy_index_.try_emplace(name, out_.policies.size());
  if (added) {
    PolicyTally tally;
    tally.policy = name;
    out_.policies.push_back(std::move(tally));
  }
  return out_.policies[found->second];
}

RuleTally& SimulationBuilder::Rule(PolicyTally& policy, const std::string& rule) {
  for (RuleTally& tally : policy.rules) {
    if (tally.rule == rule) return tally;
  }
  RuleTally tally;
  tally.rule = rule;
  policy.rules.push_back(std::move(tally));
  return policy.rules.back();
}

void SimulationBuilder::AddError(SimulationError error) {
  if (out_.errors.size() >= kMaxErrors) {
    ++out_.errors_dropped;
    return;
  }
  out_.errors.push_back(std::move(error));
}

void SimulationBuilder::AddCheck(const CheckReport& report) {
  for (const InputError& error : report.input_errors) {
    ++out_.input_errors;
    AddError({LocationText(error.file, error.line, error.column), "", "", error.message});
  }
  for (const engine::DocumentResult& document : report.results) {
    ++out_.documents;
    std::string resource = DocumentLabel(document) + " (" + NormalizePath(document.file) + ")";
    size_t blocking = 0, warned = 0;
    bool blocking_error = false;
    for (const engine::PolicyResult& result : document.policies) {
      PolicyTally& policy = Policy(result.policy);
      switch (result.outcome) {
        case engine::Outcome::kPass:
          ++policy.passed;
          break;
        case engine::Outcome::kFail:
          ++policy.failed;
          break;
        case engine::Outcome::kWarn:
          ++policy.warned;
          break;
        case engine::Outcome::kError:
          ++policy.errored;
          blocking_error = blocking_error || result.enforcement == policy::Enforcement::kEnforce;
          break;
        case engine::Outcome::kSkip:
          ++policy.skipped;
          break;
      }
      for (const engine::Violation& violation : result.violations) {
        RuleTally& rule = Rule(policy, violation.rule);
        if (!violation.waived_by.empty()) {
          ++rule.waived;
        } else if (violation.enforcement == policy::Enforcement::kEnforce) {
          ++rule.blocking;
          ++blocking;
        } else if (violation.enforcement == policy::Enforcement::kWarn) {
          ++rule.warned;
          ++warned;
        } else {
          ++rule.audited;
        }
      }
      for (const engine::EvaluationError& error : result.errors) {
        AddError({resource, error.policy, error.rule, error.message});
      }
    }
    if (blocking > 0 || blocking_error) {
      ++out_.blocked_documents;
    } else if (warned > 0) {
      ++out_.warned_documents;
    }
    if (blocking > 0 || warned > 0) {
      ResourceTally& tally = resources_[resource];
      tally.resource = resource;
      tally.blocking += blocking;
      tally.warned += warned;
    }
  }
}

void SimulationBuilder::AddDecision(const engine::RequestDecision& decision,
                                    const std::string& input_label) {
  ++out_.requests;
  switch (decision.decision) {
    case engine::Decision::kAllow:
      ++out_.allowed;
      break;
    case engine::Decision::kDeny:
      ++out_.denied;
      break;
    case engine::Decision::kRequireApproval:
      ++out_.approval_required;
      break;
  }
  if (decision.by_default) ++out_.decided_by_default;
  for (const engine::DecidingRule& rule : decision.rules) {
    ++Rule(Policy(rule.policy), rule.rule).decided;
  }
  for (const engine::DecidingRule& rule : decision.warnings) {
    ++Rule(Policy(rule.policy), rule.rule).warned;
  }
  for (const engine::DecidingRule& rule : decision.audits) {
    ++Rule(Policy(rule.policy), rule.rule).audited;
  }
  for (const engine::DecidingRule& rule : decision.waived) {
    ++Rule(Policy(rule.policy), rule.rule).waived;
  }
  for (const engine::EvaluationError& error : decision.errors) {
    AddError({input_label, error.policy, error.rule, error.message});
  }
}

void SimulationBuilder::AddRequestError(const std::string& input_label,
                                        const std::string& message) {
  ++out_.request_errors;
  AddError({input_label, "", "", message});
}

Simulation SimulationBuilder::Finish(std::string bundle_name, std::string bundle_version,
                                     std::string environment) {
  out_.bundle_name = std::move(bundle_name);
  out_.bundle_version = std::move(bundle_version);
  out_.environment = std::move(environment);
  std::vector<ResourceTally> resources;
  for (auto& [name, tally] : resources_) resources.push_back(tally);
  // Most blocking findings first, then most warnings, then by name (deterministic).
  std::stable_sort(resources.begin(), resources.end(),
                   [](const ResourceTally& a, const ResourceTally& b) {
                     if (a.blocking != b.blocking) return a.blocking > b.blocking;
                     return a.warned > b.warned;
                   });
  if (resources.size() > top_) resources.resize(top_);
  out_.top_resources = std::move(resources);
  return std::move(out_);
}

}  // namespace warden::report
