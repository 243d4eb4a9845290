#include "warden/report/json_parts.h"

#include "warden/cel/lib/time_civil.h"
#include "warden/cel/lib/time_format.h"

namespace warden::report {

void WriteBundleMember(JsonOut& json, std::string_view name, std::string_view version,
                       std::string_view digest) {
  json.Key("bundle");
  json.BeginObject();
  json.Field("name", name);
  json.Field("version", version);
  json.Field("digest", digest);
  json.EndObject();
}

void WriteEvaluationError(JsonOut& json, const engine::EvaluationError& error, bool with_policy) {
  json.BeginObject();
  if (with_policy) json.Field("policy", error.policy);
  json.Field("rule", error.rule);
  json.Field("message", error.message);
  json.Field("file", error.file);
  json.FieldUint("line", error.line);
  json.FieldUint("column", error.column);
  json.EndObject();
}

std::string EvaluationTimeText(int64_t seconds, int32_t nanos) {
  if ((seconds == 0 && nanos == 0) || seconds < cel::kMinTimestampSeconds ||
      seconds > cel::kMaxTimestampSeconds || nanos < 0 || nanos >= cel::kNanosPerSecond) {
    return "";
  }
  return cel::FormatTimestamp(seconds, nanos);
}

}  // namespace warden::report
