#pragma once
// What evaluations exercised, for `warden test --coverage` (docs/testing.md, "Coverage"):
// per rule, how often its condition was evaluated, fired, did not fire or failed; per
// branch of a condition with `&&` / `||` / `!` (CompiledRule::coverage), how often the
// branch's leaf was evaluated true, false or to an error.
//
// Pass a recorder in EvalOptions::coverage and the engine counts into it (and decides
// requests rule by rule, without condition plans, so every rule it reaches is counted).
// Entries are keyed by policy name and rule id, so the bundles of several test cases
// (recompiled for their parameters) add up. Not thread-safe: one recorder per
// single-threaded run.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "warden/base/source_location.h"
#include "warden/policy/compiled.h"

namespace warden::engine {

class CoverageRecorder {
 public:
  struct Branch {
    std::string text;  // the leaf's source text
    uint64_t true_count = 0;
    uint64_t false_count = 0;
    uint64_t error_count = 0;
  };
  struct Rule {
    std::string id;
    SourceLocation location;  // the condition
    uint64_t evaluated = 0;   // condition evaluations (one per foreach element)
    uint64_t fired = 0;
    uint64_t not_fired = 0;
    uint64_t errors = 0;
    std::vector<Branch> branches;  // empty: no logical operator in the condition
  };
  struct Policy {
    std::string name;
    std::string file;
    std::vector<Rule> rules;
  };

  // Adds every policy and rule of `bundle` not seen yet, so what no input reached counts
  // as not covered.
  void Register(const policy::CompiledBundle& bundle);

  // One evaluation of `rule`'s condition: its result (`fired`) unless `error`.
  void RecordCondition(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule,
                       bool fired, bool error);
  // One evaluation of leaf `leaf` of `rule`'s coverage circuit.
  void RecordBranch(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule,
                    size_t leaf, bool value, bool error);

  // In registration order.
  const std::vector<Policy>& policies() const { return policies_; }

 private:
  Rule& RuleOf(const policy::CompiledPolicy& policy, const policy::CompiledRule& rule);

  std::vector<Policy> policies_;
  std::map<std::pair<std::string, std::string>, std::pair<size_t, size_t>> index_;
};

}  // namespace warden::engine
