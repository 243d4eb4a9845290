// The public result types' behaviour (include/warden/{vocabulary,decision,check_result}.h):
// names, blocking rules and JSON. JSON renders through report/, so an embedding service
// and the `warden` CLI print the same shapes.

#include <cstdint>
#include <string>
#include <string_view>

#include "warden/base/source_location.h"
#include "warden/check_result.h"
#include "warden/decision.h"
#include "warden/engine/result.h"
#include "warden/policies.h"
#include "warden/policy/model.h"
#include "warden/report/json_out.h"
#include "warden/report/report.h"
#include "warden/service/embed_convert.h"
#include "warden/vocabulary.h"

namespace warden {
inline namespace api_v1 {

const char* Name(Effect effect) { return engine::DecisionName(service::embed::ToEngine(effect)); }
const char* Name(RuleEffect effect) { return policy::EffectName(service::embed::ToEngine(effect)); }
const char* Name(Severity severity) {
  return policy::SeverityName(service::embed::ToEngine(severity));
}
const char* Name(Enforcement enforcement) {
  return policy::EnforcementName(service::embed::ToEngine(enforcement));
}
const char* Name(Outcome outcome) { return engine::OutcomeName(service::embed::ToEngine(outcome)); }

std::string JsonString(std::string_view text) {
  std::string out;
  report::AppendJsonString(out, text);
  return out;
}

std::string Decision::ToJson() const {
  std::string out = report::RenderDecisionJson(service::embed::ToEngine(*this));
  if (!error.empty() && !out.empty() && out.back() == '}') {
    out.pop_back();
    out += ", \"error\": ";
    report::AppendJsonString(out, error);
    out += '}';
  }
  return out;
}

bool PolicyOutcome::blocking() const {
  if (outcome == Outcome::kError && enforcement == Enforcement::kEnforce) return true;
  for (const Violation& violation : violations) {
    if (violation.blocking()) return true;
  }
  return false;
}

bool DocumentOutcome::blocking() const {
  for (const PolicyOutcome& policy : policies) {
    if (policy.blocking()) return true;
  }
  return false;
}

bool CheckResult::blocked(Severity at_least) const {
  if (!error.empty()) return true;
  for (const DocumentOutcome& document : documents) {
    for (const PolicyOutcome& policy : document.policies) {
      if (policy.outcome == Outcome::kError && policy.enforcement == Enforcement::kEnforce) {
        return true;
      }
      for (const Violation& violation : policy.violations) {
        if (violation.blocking() && violation.severity >= at_least) return true;
      }
    }
  }
  return false;
}

namespace {

// Splits `file:line:column: reason` (the readers' error shape) into an InputError; a
// message of another shape is kept whole.
report::InputError ToInputError(const std::string& error) {
  LocatedMessage located = SplitLocatedMessage(error);
  return {located.location.file, located.location.position.line, located.location.position.column,
          std::move(located.reason)};
}

}  // namespace

std::string CheckResult::ToJson() const {
  report::CheckReport report;
  report.results.reserve(documents.size());
  for (const DocumentOutcome& document : documents) {
    report.results.push_back(service::embed::ToEngine(document));
  }
  if (!error.empty()) report.input_errors.push_back(ToInputError(error));
  report.tool_version = LibraryVersion();
  report.bundle_name = bundle_name;
  report.bundle_version = bundle_version;
  report.bundle_digest = bundle_digest;
  report.environment = environment;
  return report::Render(report, report::Format::kJson);
}

}  // namespace api_v1
}  // namespace warden
