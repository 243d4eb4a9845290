#include "warden/cel/lib/std_testing.h"
#include "warden/cel/lib/time_civil.h"
#include "warden/cel/lib/time_zone.h"

namespace warden::cel {
namespace {

using std_testing::IsBool;
using std_testing::IsDuration;
using std_testing::IsError;
using std_testing::IsInt;
using std_testing::IsString;
using std_testing::IsTimestamp;
using std_testing::IsType;
using std_testing::StdLib;

TEST(TimeFunctionsTest, AddsAndSubtractsDurations) {
  StdLib lib;
  auto equal = [&](const Value& left, const Value& right) {
    return lib.Global("_==_", {left, right});
  };
  EXPECT_TRUE(IsBool(equal(lib.Global("_+_", {lib.Ts("2009-02-13T23:00:00Z"), lib.Dur("240s")}),
                           lib.Ts("2009-02-13T23:04:00Z")),
                     true));
  EXPECT_TRUE(IsBool(equal(lib.Global("_+_", {lib.Dur("120s"), lib.Ts("2009-02-13T23:01:00Z")}),
                           lib.Ts("2009-02-13T23:03:00Z")),
                     true));
  EXPECT_TRUE(
      IsBool(equal(lib.Global("_+_", {lib.Dur("600s"), lib.Dur("50s")}), lib.Dur("650s")), true));
  EXPECT_TRUE(IsBool(
      equal(lib.Global("_+_", {lib.Ts("0001-01-01T00:00:01.000000001Z"), lib.Dur("-999999999ns")}),
            lib.Ts("0001-01-01T00:00:00.000000002Z")),
      true));
  EXPECT_TRUE(IsBool(
      equal(lib.Global("_+_", {lib.Ts("0001-01-01T00:00:01.999999999Z"), lib.Dur("999999999ns")}),
            lib.Ts("0001-01-01T00:00:02.999999998Z")),
      true));
  EXPECT_TRUE(IsBool(equal(lib.Global("_-_", {lib.Ts("2009-02-13T23:10:00Z"), lib.Dur("600s")}),
                           lib.Ts("2009-02-13T23:00:00Z")),
                     true));
  EXPECT_TRUE(IsBool(
      equal(lib.Global("_-_", {lib.Ts("2009-02-13T23:31:00Z"), lib.Ts("2009-02-13T23:29:00Z")}),
            lib.Dur("120s")),
      true));
  EXPECT_TRUE(
      IsBool(equal(lib.Global("_-_", {lib.Dur("900s"), lib.Dur("42s")}), lib.Dur("858s")), true));
  // Negative results keep seconds and nanos on one side of zero.
  EXPECT_TRUE(IsDuration(
      lib.Global("_-_", {lib.Ts("2009-02-13T23:00:00Z"), lib.Ts("2009-02-13T23:00:01.5Z")}), -1,
      -500000000));
  EXPECT_TRUE(IsDuration(lib.Global("_-_", {lib.Dur("1s"), lib.Dur("1.25s")}), 0, -250000000));
  EXPECT_TRUE(IsTimestamp(lib.Global("_+_", {lib.Ts("1970-01-01T00:00:00Z"), lib.Dur("-0.5s")}), -1,
                          500000000));
}

TEST(TimeFunctionsTest, ArithmeticOutsideTheRangesIsAnError) {
  StdLib lib;
  struct Case {
    const char* label;
    const char* op;
    Value left;
    Value right;
    const char* error;
  };
  const std::vector<Case> cases = {
      {"min - 1s", "_+_", lib.Ts("0001-01-01T00:00:00Z"), lib.Dur("-1s"), "timestamp overflow"},
      {"max + 1s", "_+_", lib.Ts("9999-12-31T23:59:59Z"), lib.Dur("1s"), "timestamp overflow"},
      {"max + 1ns", "_+_", lib.Ts("9999-12-31T23:59:59.999999999Z"), lib.Dur("1ns"),
       "timestamp overflow"},
      {"min + -1ns", "_+_", lib.Ts("0001-01-01T00:00:00Z"), lib.Dur("-1ns"), "timestamp overflow"},
      {"min - 1ns", "_-_", lib.Ts("0001-01-01T00:00:00Z"), lib.Dur("1ns"), "timestamp overflow"},
      {"1ns + max", "_+_", lib.Dur("1ns"), lib.Ts("9999-12-31T23:59:59.999999999Z"),
       "timestamp overflow"},
      {"max - min", "_-_", lib.Ts("9999-12-31T23:59:59Z"), lib.Ts("0001-01-01T00:00:00Z"),
       "duration overflow"},
      {"min - max", "_-_", lib.Ts("0001-01-01T00:00:00Z"), lib.Ts("9999-12-31T23:59:59Z"),
       "duration overflow"},
      {"add over", "_+_", lib.Dur("2562047h"), lib.Dur("2562047h"), "duration overflow"},
      {"add under", "_+_", lib.Dur("-2562047h"), lib.Dur("-2562047h"), "duration overflow"},
      {"sub under", "_-_", lib.Dur("-2562047h"), lib.Dur("2562047h"), "duration overflow"},
      {"sub over", "_-_", lib.Dur("2562047h"), lib.Dur("-2562047h"), "duration overflow"},
      {"ts - min duration", "_-_", lib.Ts("2000-01-01T00:00:00Z"),
       lib.Dur("-2562047h47m16.854775808s"), "timestamp overflow"},
      {"ts + ts", "_+_", lib.Ts("2000-01-01T00:00:00Z"), lib.Ts("2000-01-01T00:00:00Z"),
       "no matching overload"},
      {"dur - ts", "_-_", lib.Dur("1s"), lib.Ts("2000-01-01T00:00:00Z"), "no matching overload"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    EXPECT_TRUE(IsError(lib.Global(test.op, {test.left, test.right}), test.error));
  }
  // The extremes themselves are fine.
  EXPECT_TRUE(IsDuration(
      lib.Global("_-_", {lib.Ts("2262-04-11T23:47:16.854775807Z"), lib.Ts("1970-01-01T00:00:00Z")}),
      9223372036, 854775807));
  EXPECT_TRUE(
      IsTimestamp(lib.Global("_+_", {lib.Ts("9999-12-31T23:59:58.999999999Z"), lib.Dur("1s")}),
                  kMaxTimestampSeconds, 999999999));
}

TEST(TimeFunctionsTest, ConvertsTimestamps) {
  StdLib lib;
  EXPECT_TRUE(
      IsTimestamp(lib.Global("timestamp", {lib.Str("2009-02-13T23:31:30Z")}), 1234567890, 0));
  EXPECT_TRUE(IsTimestamp(lib.Global("timestamp", {lib.Str("1972-01-01T10:00:20.021-05:00")}),
                          63126020, 21000000));
  EXPECT_TRUE(IsTimestamp(lib.Global("timestamp", {Value::Int(1000000000)}), 1000000000, 0));
  EXPECT_TRUE(IsTimestamp(lib.Global("timestamp", {Value::Int(kMinTimestampSeconds)}),
                          kMinTimestampSeconds, 0));
  EXPECT_TRUE(IsTimestamp(lib.Global("timestamp", {Value::Timestamp(5, 6)}), 5, 6));
  EXPECT_TRUE(IsError(lib.Global("timestamp", {Value::Int(kMaxTimestampSeconds + 1)}),
                      "timestamp `253402300800` is out of range"));
  EXPECT_TRUE(IsError(lib.Global("timestamp", {lib.Str("0000-01-01T00:00:00Z")}),
                      "timestamp `0000-01-01T00:00:00Z` is out of range"));
  EXPECT_TRUE(IsError(lib.Global("timestamp", {lib.Str("10000-01-01T00:00:00Z")}),
                      "invalid timestamp `10000-01-01T00:00:00Z`"));
  EXPECT_TRUE(IsError(lib.Global("timestamp", {lib.Str("yesterday")}), "invalid timestamp"));
  EXPECT_TRUE(IsError(lib.Global("timestamp", {Value::Uint(1)}), "no matching overload"));

  EXPECT_TRUE(IsInt(lib.Global("int", {lib.Ts("2009-02-13T23:31:30Z")}), 1234567890));
  EXPECT_TRUE(IsInt(lib.Global("int", {lib.Ts("2004-09-16T23:59:59Z")}), 1095379199));
  EXPECT_TRUE(IsInt(lib.Global("int", {lib.Ts("1969-12-31T23:59:59.5Z")}), -1));
  EXPECT_TRUE(
      IsString(lib.Global("string", {lib.Ts("2009-02-13T23:31:30Z")}), "2009-02-13T23:31:30Z"));
  EXPECT_TRUE(IsString(lib.Global("string", {lib.Ts("9999-12-31T23:59:59.999999999Z")}),
                       "9999-12-31T23:59:59.999999999Z"));
  EXPECT_TRUE(IsString(lib.Global("string", {lib.Ts("2009-02-14T00:31:30.250+01:00")}),
                       "2009-02-13T23:31:30.25Z"));
  EXPECT_TRUE(
      IsType(lib.Global("type", {lib.Ts("2009-02-13T23:31:30Z")}), "google.protobuf.Timestamp"));
}

TEST(TimeFunctionsTest, ConvertsDurations) {
  StdLib lib;
  EXPECT_TRUE(IsDuration(lib.Global("duration", {lib.Str("100s")}), 100, 0));
  EXPECT_TRUE(IsDuration(lib.Global("duration", {lib.Str("-1.5s")}), -1, -500000000));
  EXPECT_TRUE(IsDuration(lib.Global("duration", {lib.Str("1h2m3.5s")}), 3723, 500000000));
  EXPECT_TRUE(IsDuration(lib.Global("duration", {lib.Dur("100s")}), 100, 0));
  EXPECT_TRUE(IsError(lib.Global("duration", {lib.Str("320000000000s")}),
                      "duration `320000000000s` is out of range"));
  EXPECT_TRUE(IsError(lib.Global("duration", {lib.Str("-320000000000s")}), "is out of range"));
  EXPECT_TRUE(IsError(lib.Global("duration", {lib.Str("1d")}), "invalid duration `1d`"));
  EXPECT_TRUE(IsError(lib.Global("duration", {Value::Int(1)}), "no matching overload"));
  EXPECT_TRUE(IsString(lib.Global("string", {lib.Dur("1000000s")}), "1000000s"));
  EXPECT_TRUE(IsString(lib.Global("string", {lib.Dur("-1.5s")}), "-1.5s"));
  EXPECT_TRUE(IsString(lib.Global("string", {lib.Dur("1ns")}), "0.000000001s"));
  EXPECT_TRUE(IsType(lib.Global("type", {lib.Dur("1s")}), "google.protobuf.Duration"));
}

TEST(TimeFunctionsTest, DurationAccessorsTruncateTotals) {
  StdLib lib;
  struct Case {
    const char* duration;
    int64_t hours, minutes, seconds, milliseconds;
  };
  const std::vector<Case> cases = {
      {"10000s", 2, 166, 10000, 0},       {"3730s", 1, 62, 3730, 0},
      {"123.321456789s", 0, 2, 123, 321}, {"-3730.5s", -1, -62, -3730, -500},
      {"-0.0015s", 0, 0, 0, -1},          {"0s", 0, 0, 0, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.duration);
    const Value duration = lib.Dur(test.duration);
    EXPECT_TRUE(IsInt(lib.Member("getHours", {duration}), test.hours));
    EXPECT_TRUE(IsInt(lib.Member("getMinutes", {duration}), test.minutes));
    EXPECT_TRUE(IsInt(lib.Member("getSeconds", {duration}), test.seconds));
    EXPECT_TRUE(IsInt(lib.Member("getMilliseconds", {duration}), test.milliseconds));
  }
  EXPECT_TRUE(IsError(lib.Member("getFullYear", {lib.Dur("1s")}), "no matching overload"));
  EXPECT_TRUE(
      IsError(lib.Member("getHours", {lib.Dur("1s"), lib.Str("UTC")}), "no matching overload"));
}

struct AccessorCase {
  const char* function;
  const char* timestamp;
  const char* zone;  // nullptr: the form without a time zone
  int64_t expected;
};

void RunAccessors(const std::vector<AccessorCase>& cases) {
  for (const AccessorCase& test : cases) {
    SCOPED_TRACE(std::string(test.timestamp) + "." + test.function + "(" +
                 (test.zone != nullptr ? test.zone : "") + ")");
    StdLib lib;
    std::vector<Value> args = {lib.Ts(test.timestamp)};
    if (test.zone != nullptr) args.push_back(lib.Str(test.zone));
    EXPECT_TRUE(IsInt(lib.Member(test.function, args), test.expected));
  }
}

TEST(TimeFunctionsTest, TimestampAccessorsInUtcAndFixedOffsets) {
  RunAccessors({
      {"getDate", "2009-02-13T23:31:30Z", nullptr, 13},
      {"getDayOfMonth", "2009-02-13T23:31:30Z", nullptr, 12},
      {"getDayOfWeek", "2009-02-13T23:31:30Z", nullptr, 5},
      {"getDayOfYear", "2009-02-13T23:31:30Z", nullptr, 43},
      {"getFullYear", "2009-02-13T23:31:30Z", nullptr, 2009},
      {"getHours", "2009-02-13T23:31:30Z", nullptr, 23},
      {"getMilliseconds", "2009-02-13T23:31:20.123456789Z", nullptr, 123},
      {"getMinutes", "2009-02-13T23:31:30Z", nullptr, 31},
      {"getMonth", "2009-02-13T23:31:30Z", nullptr, 1},
      {"getSeconds", "2009-02-13T23:31:30Z", nullptr, 30},
      {"getDayOfWeek", "2009-02-13T23:31:30Z", "UTC", 5},
      {"getMonth", "2009-02-13T23:31:30Z", "UTC", 1},
      {"getDayOfMonth", "2009-02-13T23:31:30Z", "+11:00", 13},
      {"getDayOfMonth", "2009-02-13T02:00:00Z", "-02:30", 11},
      {"getFullYear", "2009-02-13T23:31:30Z", "-09:30", 2009},
      {"getHours", "2009-02-13T23:31:30Z", "02:00", 1},
      {"getSeconds", "2009-02-13T23:31:30Z", "-00:00", 30},
      {"getMilliseconds", "2009-02-13T23:31:30.999Z", "+05:30", 999},
      // Leap years and year boundaries.
      {"getDayOfYear", "2024-12-31T12:00:00Z", nullptr, 365},
      {"getDayOfYear", "2023-12-31T12:00:00Z", nullptr, 364},
      {"getMonth", "2024-02-29T23:00:00Z", nullptr, 1},
      {"getDate", "2024-02-29T23:00:00Z", "+01:00", 1},
      {"getMonth", "2024-02-29T23:00:00Z", "+01:00", 2},
      {"getFullYear", "2024-12-31T23:00:00Z", "+01:00", 2025},
      {"getDayOfYear", "2025-01-01T00:30:00Z", "-01:00", 365},
      {"getFullYear", "0001-01-01T00:00:00Z", "-01:00", 0},
      {"getFullYear", "9999-12-31T23:59:59Z", "+01:00", 10000},
      {"getDayOfWeek", "1970-01-01T00:00:00Z", nullptr, 4},
      {"getDayOfWeek", "1969-12-31T23:59:59Z", nullptr, 3},
  });
}

TEST(TimeFunctionsTest, TimestampAccessorsReportBadZones) {
  StdLib lib;
  const Value ts = lib.Ts("2009-02-13T23:31:30Z");
  EXPECT_TRUE(IsError(lib.Member("getHours", {ts, lib.Str("+25:00")}),
                      "invalid time zone offset `+25:00`"));
  EXPECT_TRUE(IsError(lib.Member("getHours", {ts, lib.Str("../../etc/passwd")}),
                      "invalid time zone name `../../etc/passwd`"));
  EXPECT_TRUE(IsError(lib.Member("getHours", {ts, lib.Str("")}), "invalid time zone name"));
  EXPECT_TRUE(IsError(lib.Member("getHours", {ts, Value::Int(1)}), "no matching overload"));
}

TEST(TimeFunctionsTest, TimestampAccessorsInNamedZones) {
  if (!TimeZone::Load("America/Los_Angeles").ok()) {
    GTEST_SKIP() << "no tz database under " << TimeZoneDatabase::Default().directory();
  }
  RunAccessors({
      // cel-spec conformance: timestamps/timestamp_selectors_tz.
      {"getDate", "2009-02-13T23:31:30Z", "Australia/Sydney", 14},
      {"getDayOfMonth", "2009-02-13T23:31:30Z", "US/Central", 12},
      {"getDayOfMonth", "2009-02-13T02:00:00Z", "America/St_Johns", 11},
      {"getDayOfYear", "2009-02-13T23:31:30Z", "US/Central", 43},
      {"getMinutes", "2009-02-13T23:31:30Z", "Asia/Kathmandu", 16},
      // Daylight saving time in Los Angeles: 2024-03-10 02:00 PST -> 03:00 PDT and
      // 2024-11-03 02:00 PDT -> 01:00 PST.
      {"getHours", "2024-03-10T09:59:59Z", "America/Los_Angeles", 1},
      {"getHours", "2024-03-10T10:00:00Z", "America/Los_Angeles", 3},
      {"getHours", "2024-11-03T08:59:59Z", "America/Los_Angeles", 1},
      {"getHours", "2024-11-03T09:00:00Z", "America/Los_Angeles", 1},
      {"getMinutes", "2024-11-03T09:00:00Z", "America/Los_Angeles", 0},
      {"getDayOfWeek", "2024-03-10T07:59:59Z", "America/Los_Angeles", 6},
      {"getHours", "2100-07-01T12:00:00Z", "America/Los_Angeles", 5},
      {"getHours", "2100-12-01T12:00:00Z", "America/Los_Angeles", 4},
      // Southern hemisphere: Sydney's daylight time spans the new year.
      {"getHours", "2100-01-15T00:00:00Z", "Australia/Sydney", 11},
      {"getHours", "2100-06-15T00:00:00Z", "Australia/Sydney", 10},
  });
}

}  // namespace
}  // namespace warden::cel
