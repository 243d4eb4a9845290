#pragma once
// JSON pieces that several report formats write alike (internal to report/).

#include <string_view>

#include "warden/engine/result.h"
#include "warden/report/json_out.h"

namespace warden::report {

// `"bundle": {"name", "version", "digest"}` (inside an object).
void WriteBundleMember(JsonOut& json, std::string_view name, std::string_view version,
                       std::string_view digest);

// One evaluation error as an object: {["policy",] "rule", "message", "file", "line",
// "column"}; decisions name the policy, document results are already per policy.
void WriteEvaluationError(JsonOut& json, const engine::EvaluationError& error, bool with_policy);

}  // namespace warden::report
