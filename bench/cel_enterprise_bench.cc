// The "enterprise" workload of shared/bench/SCENARIOS.md §1 on the CEL engine alone:
// 10,000 generated requests, 19 rules (first match decides, default deny). Before
// timing it checks the request checksum (03a97670), the decision checksum (69abb7e3)
// and the per-rule first-match counts; a run with any disagreement is an error.
// Requests are built as data::Documents once; the timed loop binds the four variables
// and evaluates rules in order until one matches (no rule index: the naive baseline).

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "enterprise_workload.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"

namespace {

using warden::bench::kEnterpriseRuleCount;
using warden::bench::kEnterpriseRules;
using warden::cel::Activation;
using warden::cel::Env;
using warden::cel::EvalState;
using warden::cel::Type;
using warden::cel::Value;

struct Workload {
  std::shared_ptr<Env> env = Env::Create();
  std::vector<std::shared_ptr<const warden::cel::Program>> rules;
  std::vector<warden::data::Document> requests;
  std::string request_checksum;
  std::string error;
};

Workload& GetWorkload() {
  static Workload* workload = [] {
    auto* built = new Workload();
    for (const auto& request : warden::bench::GenerateEnterpriseRequests(built->request_checksum)) {
      auto document = warden::data::ReadJson(request.json, "request");
      if (!document.ok()) {
        built->error = document.status().message();
        return built;
      }
      built->requests.push_back(std::move(*document));
    }
    for (const char* name : {"subject", "action", "resource", "context"}) {
      built->env->DeclareVariable(name, Type::Dyn());
    }
    for (const auto& rule : kEnterpriseRules) {
      auto compiled = built->env->Compile(rule.condition);
      if (!compiled.ok()) {
        built->error = std::string(rule.id) + ": " + compiled.FormatIssues();
        return built;
      }
      built->rules.push_back(compiled.program);
    }
    return built;
  }();
  return *workload;
}

// Index of the first matching rule, or kEnterpriseRuleCount for the default deny; -1 on
// an error.
int Decide(const Workload& workload, const warden::data::Document& request, EvalState& state,
           Activation& activation) {
  const warden::data::Node& root = *request.root;
  activation.Bind("subject", Value::FromNode(root.entries()[0].value));
  activation.Bind("action", Value::FromNode(root.entries()[1].value));
  activation.Bind("resource", Value::FromNode(root.entries()[2].value));
  activation.Bind("context", Value::FromNode(root.entries()[3].value));
  for (size_t rule_idx = 0; rule_idx < workload.rules.size(); ++rule_idx) {
    Value result = workload.rules[rule_idx]->Evaluate(activation, state);
    if (result.is_error()) return -1;
    if (result.is_true()) return static_cast<int>(rule_idx);
  }
  return static_cast<int>(kEnterpriseRuleCount);
}

void BM_EnterpriseFirstMatch(benchmark::State& state) {
  Workload& workload = GetWorkload();
  if (!workload.error.empty()) {
    state.SkipWithError(workload.error.c_str());
    return;
  }
  if (workload.request_checksum != warden::bench::kEnterpriseRequestChecksum) {
    state.SkipWithError(("request checksum " + workload.request_checksum).c_str());
    return;
  }
  EvalState eval_state;
  Activation activation(*workload.env);
  // Verify decisions before timing.
  warden::bench::Fnv1a decisions;
  std::vector<int> first_match(kEnterpriseRuleCount + 1, 0);
  for (const auto& request : workload.requests) {
    int rule = Decide(workload, request, eval_state, activation);
    if (rule < 0) {
      state.SkipWithError("evaluation error");
      return;
    }
    ++first_match[static_cast<size_t>(rule)];
    decisions.Line(
        rule == static_cast<int>(kEnterpriseRuleCount) ? "deny" : kEnterpriseRules[rule].decision);
  }
  for (size_t rule_idx = 0; rule_idx <= kEnterpriseRuleCount; ++rule_idx) {
    if (first_match[rule_idx] != warden::bench::kEnterpriseFirstMatchCounts[rule_idx]) {
      state.SkipWithError(
          ("first-match count differs for rule " + std::to_string(rule_idx + 1)).c_str());
      return;
    }
  }
  if (decisions.Hex() != warden::bench::kEnterpriseDecisionChecksum) {
    state.SkipWithError(("decision checksum " + decisions.Hex()).c_str());
    return;
  }
  size_t request_idx = 0;
  for (auto _ : state) {
    int rule = Decide(workload, workload.requests[request_idx], eval_state, activation);
    benchmark::DoNotOptimize(rule);
    if (++request_idx == workload.requests.size()) request_idx = 0;
  }
  state.SetLabel("ns per request decision (first match over 19 rules)");
}

BENCHMARK(BM_EnterpriseFirstMatch);

}  // namespace

BENCHMARK_MAIN();
