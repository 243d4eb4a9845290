#pragma once
// JSON pieces that several report formats write alike (internal to report/).

#include <cstdint>
#include <string>
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

// An evaluation time as RFC 3339 in UTC (`2026-01-01T00:00:00Z`); empty when it is unset
// (the epoch itself, 0 s and 0 ns) or lies outside the years 1 to 9999.
std::string EvaluationTimeText(int64_t seconds, int32_t nanos);

}  // namespace warden::report
