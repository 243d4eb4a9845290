// Timestamps and durations: arithmetic, conversions and accessors.
//
//   timestamp + duration, duration + timestamp, timestamp - duration -> timestamp
//   timestamp - timestamp, duration + duration, duration - duration -> duration
//   timestamp(string | int | timestamp), duration(string | duration)
//   int(timestamp) (Unix seconds, rounded down), string(timestamp), string(duration)
//   ts.getFullYear() ... ts.getMilliseconds(), each also with a time zone argument
//   d.getHours(), d.getMinutes(), d.getSeconds() (totals, truncated toward zero),
//   d.getMilliseconds() (the millisecond part, -999..999, as the conformance suite
//   expects: 123.321456789s gives 321)
//
// Results outside the ranges of time_civil.h are "timestamp overflow" or "duration
// overflow"; text and integers that convert to an out-of-range value are
// ``timestamp `...` is out of range``. Text forms are described in time_format.h and
// time zones in time_zone.h; an unknown or malformed zone is an error value.

#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/std_support.h"
#include "warden/cel/lib/time_civil.h"
#include "warden/cel/lib/time_format.h"
#include "warden/cel/lib/time_zone.h"

namespace warden::cel {

namespace {

using stdlib::kDuration;
using stdlib::kInt;
using stdlib::kString;
using stdlib::kTimestamp;

Value TimestampOverflow(CallContext& ctx) { return ctx.Error("timestamp overflow"); }
Value DurationOverflow(CallContext& ctx) { return ctx.Error("duration overflow"); }

// --- arithmetic ------------------------------------------------------------------------

Value ShiftTimestamp(CallContext& ctx, const Value& timestamp, const Value& duration,
                     bool subtract) {
  std::optional<int64_t> nanos = DurationNanos(duration);
  if (!nanos.has_value() || (subtract && *nanos == INT64_MIN)) return TimestampOverflow(ctx);
  std::optional<Value> result = AddToTimestamp(timestamp, subtract ? -*nanos : *nanos);
  if (!result.has_value()) return TimestampOverflow(ctx);
  return *result;
}

Value AddTimestampDuration(std::span<const Value> args, CallContext& ctx) {
  return ShiftTimestamp(ctx, args[0], args[1], false);
}

Value AddDurationTimestamp(std::span<const Value> args, CallContext& ctx) {
  return ShiftTimestamp(ctx, args[1], args[0], false);
}

Value SubtractTimestampDuration(std::span<const Value> args, CallContext& ctx) {
  return ShiftTimestamp(ctx, args[0], args[1], true);
}

Value TimestampDifference(std::span<const Value> args, CallContext& ctx) {
  std::optional<Value> result = SubtractTimestamps(args[0], args[1]);
  if (!result.has_value()) return DurationOverflow(ctx);
  return *result;
}

Value CombineDurations(std::span<const Value> args, CallContext& ctx, bool subtract) {
  std::optional<int64_t> left = DurationNanos(args[0]);
  std::optional<int64_t> right = DurationNanos(args[1]);
  int64_t result = 0;
  if (!left.has_value() || !right.has_value() ||
      (subtract ? __builtin_sub_overflow(*left, *right, &result)
                : __builtin_add_overflow(*left, *right, &result))) {
    return DurationOverflow(ctx);
  }
  return DurationFromNanos(result);
}

Value AddDurations(std::span<const Value> args, CallContext& ctx) {
  return CombineDurations(args, ctx, false);
}

Value SubtractDurations(std::span<const Value> args, CallContext& ctx) {
  return CombineDurations(args, ctx, true);
}

// --- conversions -----------------------------------------------------------------------

Value Identity(std::span<const Value> args, CallContext&) { return args[0]; }

Value TimestampFromString(std::span<const Value> args, CallContext& ctx) {
  const std::string_view text = args[0].string_view();
  int64_t seconds = 0;
  int32_t nanos = 0;
  switch (ParseTimestamp(text, seconds, nanos)) {
    case TimeParseStatus::kOk:
      return Value::Timestamp(seconds, nanos);
    case TimeParseStatus::kRange:
      return ctx.Error("timestamp `" + stdlib::Excerpt(text) + "` is out of range");
    case TimeParseStatus::kSyntax:
      break;
  }
  return ctx.Error("invalid timestamp `" + stdlib::Excerpt(text) +
                   "`: expected RFC 3339, e.g. `2024-01-31T12:00:00Z`");
}

Value TimestampFromInt(std::span<const Value> args, CallContext& ctx) {
  const int64_t seconds = args[0].int_value();
  if (!IsValidTimestampSeconds(seconds)) {
    return ctx.Error("timestamp `" + std::to_string(seconds) + "` is out of range");
  }
  return Value::Timestamp(seconds, 0);
}

Value DurationFromString(std::span<const Value> args, CallContext& ctx) {
  const std::string_view text = args[0].string_view();
  int64_t nanos = 0;
  switch (ParseDuration(text, nanos)) {
    case TimeParseStatus::kOk:
      return DurationFromNanos(nanos);
    case TimeParseStatus::kRange:
      return ctx.Error("duration `" + stdlib::Excerpt(text) + "` is out of range");
    case TimeParseStatus::kSyntax:
      break;
  }
  return ctx.Error("invalid duration `" + stdlib::Excerpt(text) +
                   "`: expected a number with a unit (h, m, s, ms, us, ns), e.g. `1.5s`");
}

Value IntFromTimestamp(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].seconds());  // nanos are non-negative: this rounds down
}

Value StringFromTimestamp(std::span<const Value> args, CallContext& ctx) {
  return stdlib::StringResult(ctx, FormatTimestamp(args[0].seconds(), args[0].nanos()));
}

Value StringFromDuration(std::span<const Value> args, CallContext& ctx) {
  std::optional<int64_t> nanos = DurationNanos(args[0]);
  if (!nanos.has_value()) return DurationOverflow(ctx);
  return stdlib::StringResult(ctx, FormatDuration(*nanos));
}

// --- accessors -------------------------------------------------------------------------

using CivilField = int64_t (*)(const CivilTime& time, int32_t nanos);

int64_t FullYear(const CivilTime& time, int32_t) { return time.year; }
int64_t Month(const CivilTime& time, int32_t) { return time.month - 1; }
int64_t DayOfYear(const CivilTime& time, int32_t) { return time.day_of_year; }
int64_t DayOfMonth(const CivilTime& time, int32_t) { return time.day - 1; }
int64_t Date(const CivilTime& time, int32_t) { return time.day; }
int64_t DayOfWeek(const CivilTime& time, int32_t) { return time.weekday; }
int64_t Hours(const CivilTime& time, int32_t) { return time.hour; }
int64_t Minutes(const CivilTime& time, int32_t) { return time.minute; }
int64_t Seconds(const CivilTime& time, int32_t) { return time.second; }
int64_t Milliseconds(const CivilTime&, int32_t nanos) { return nanos / 1'000'000; }

template <CivilField Field>
Value TimestampFieldUtc(std::span<const Value> args, CallContext&) {
  return Value::Int(Field(CivilFromSeconds(args[0].seconds()), args[0].nanos()));
}

template <CivilField Field>
Value TimestampFieldInZone(std::span<const Value> args, CallContext& ctx) {
  StatusOr<const TimeZone*> zone = TimeZone::Load(args[1].string_view());
  if (!zone.ok()) return ctx.Error(zone.status().message());
  const int64_t seconds = args[0].seconds();
  const int64_t local = seconds + (*zone)->OffsetAt(seconds);
  return Value::Int(Field(CivilFromSeconds(local), args[0].nanos()));
}

template <CivilField Field>
void RegisterTimestampAccessor(FunctionRegistry& registry, const char* name) {
  registry.Register(name, true, {kTimestamp}, TimestampFieldUtc<Field>);
  registry.Register(name, true, {kTimestamp, kString}, TimestampFieldInZone<Field>);
}

// Durations keep seconds and nanos with one sign, so truncated totals and the
// millisecond part follow from them without forming the (possibly huge) nanosecond sum.
Value DurationHours(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].seconds() / 3600);
}
Value DurationMinutes(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].seconds() / 60);
}
Value DurationSeconds(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].seconds());
}
Value DurationMilliseconds(std::span<const Value> args, CallContext&) {
  return Value::Int(args[0].nanos() / 1'000'000);
}

}  // namespace

void RegisterTimeFunctions(FunctionRegistry& registry) {
  registry.Register("_+_", false, {kTimestamp, kDuration}, AddTimestampDuration);
  registry.Register("_+_", false, {kDuration, kTimestamp}, AddDurationTimestamp);
  registry.Register("_+_", false, {kDuration, kDuration}, AddDurations);
  registry.Register("_-_", false, {kTimestamp, kTimestamp}, TimestampDifference);
  registry.Register("_-_", false, {kTimestamp, kDuration}, SubtractTimestampDuration);
  registry.Register("_-_", false, {kDuration, kDuration}, SubtractDurations);

  registry.Register("timestamp", false, {kTimestamp}, Identity);
  registry.Register("timestamp", false, {kString}, TimestampFromString);
  registry.Register("timestamp", false, {kInt}, TimestampFromInt);
  registry.Register("duration", false, {kDuration}, Identity);
  registry.Register("duration", false, {kString}, DurationFromString);
  registry.Register("int", false, {kTimestamp}, IntFromTimestamp);
  registry.Register("string", false, {kTimestamp}, StringFromTimestamp);
  registry.Register("string", false, {kDuration}, StringFromDuration);

  RegisterTimestampAccessor<FullYear>(registry, "getFullYear");
  RegisterTimestampAccessor<Month>(registry, "getMonth");
  RegisterTimestampAccessor<DayOfYear>(registry, "getDayOfYear");
  RegisterTimestampAccessor<DayOfMonth>(registry, "getDayOfMonth");
  RegisterTimestampAccessor<Date>(registry, "getDate");
  RegisterTimestampAccessor<DayOfWeek>(registry, "getDayOfWeek");
  RegisterTimestampAccessor<Hours>(registry, "getHours");
  RegisterTimestampAccessor<Minutes>(registry, "getMinutes");
  RegisterTimestampAccessor<Seconds>(registry, "getSeconds");
  RegisterTimestampAccessor<Milliseconds>(registry, "getMilliseconds");
  registry.Register("getHours", true, {kDuration}, DurationHours);
  registry.Register("getMinutes", true, {kDuration}, DurationMinutes);
  registry.Register("getSeconds", true, {kDuration}, DurationSeconds);
  registry.Register("getMilliseconds", true, {kDuration}, DurationMilliseconds);
}

}  // namespace warden::cel
