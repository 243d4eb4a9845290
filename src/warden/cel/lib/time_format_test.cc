#include "warden/cel/lib/time_format.h"

#include <gtest/gtest.h>

#include <vector>

#include "warden/cel/lib/time_civil.h"

namespace warden::cel {
namespace {

TEST(TimeCivilTest, DaysAndDatesRoundTripAcrossTheWholeRange) {
  // Every day from 0001-01-01 to 9999-12-31, plus margins either side.
  const int64_t first = DaysFromCivil(-1, 1, 1);
  const int64_t last = DaysFromCivil(10001, 12, 31);
  CivilDate expected{-1, 1, 1};
  for (int64_t day = first; day <= last; ++day) {
    const CivilDate date = CivilFromDays(day);
    ASSERT_EQ(date.year, expected.year) << day;
    ASSERT_EQ(date.month, expected.month) << day;
    ASSERT_EQ(date.day, expected.day) << day;
    ASSERT_EQ(DaysFromCivil(date.year, date.month, date.day), day);
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(TimeCivilTest, KnownDatesAndLeapYears) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1, 1, 1) * kSecondsPerDay, kMinTimestampSeconds);
  EXPECT_EQ(DaysFromCivil(9999, 12, 31) * kSecondsPerDay + kSecondsPerDay - 1,
            kMaxTimestampSeconds);
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
}

TEST(TimeCivilTest, BreaksDownSecondsIncludingNegativeOnes) {
  struct Case {
    int64_t seconds;
    CivilTime expected;
  };
  const std::vector<Case> cases = {
      {1234567890, {2009, 2, 13, 23, 31, 30, 43, 5}},
      {0, {1970, 1, 1, 0, 0, 0, 0, 4}},
      {-1, {1969, 12, 31, 23, 59, 59, 364, 3}},
      {951782400, {2000, 2, 29, 0, 0, 0, 59, 2}},
      {978220800, {2000, 12, 31, 0, 0, 0, 365, 0}},
      {kMinTimestampSeconds, {1, 1, 1, 0, 0, 0, 0, 1}},
      {kMaxTimestampSeconds, {9999, 12, 31, 23, 59, 59, 364, 5}},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.seconds);
    const CivilTime time = CivilFromSeconds(test.seconds);
    EXPECT_EQ(time.year, test.expected.year);
    EXPECT_EQ(time.month, test.expected.month);
    EXPECT_EQ(time.day, test.expected.day);
    EXPECT_EQ(time.hour, test.expected.hour);
    EXPECT_EQ(time.minute, test.expected.minute);
    EXPECT_EQ(time.second, test.expected.second);
    EXPECT_EQ(time.day_of_year, test.expected.day_of_year);
    EXPECT_EQ(time.weekday, test.expected.weekday);
  }
}

TEST(TimeFormatTest, ParsesRfc3339Timestamps) {
  struct Case {
    const char* text;
    TimeParseStatus status;
    int64_t seconds;
    int32_t nanos;
  };
  const std::vector<Case> cases = {
      {"2009-02-13T23:31:30Z", TimeParseStatus::kOk, 1234567890, 0},
      {"2009-02-13t23:31:30z", TimeParseStatus::kOk, 1234567890, 0},
      {"2009-02-13T23:31:30.5Z", TimeParseStatus::kOk, 1234567890, 500000000},
      {"2009-02-13T23:31:20.123456789Z", TimeParseStatus::kOk, 1234567880, 123456789},
      {"1972-01-01T10:00:20.021-05:00", TimeParseStatus::kOk, 63126020, 21000000},
      {"2009-02-14T10:31:30+11:00", TimeParseStatus::kOk, 1234567890, 0},
      {"2009-02-13T23:31:30-00:00", TimeParseStatus::kOk, 1234567890, 0},
      {"2004-09-16T23:59:59Z", TimeParseStatus::kOk, 1095379199, 0},
      {"2024-02-29T00:00:00Z", TimeParseStatus::kOk, 1709164800, 0},
      {"0001-01-01T00:00:00Z", TimeParseStatus::kOk, kMinTimestampSeconds, 0},
      {"9999-12-31T23:59:59.999999999Z", TimeParseStatus::kOk, kMaxTimestampSeconds, 999999999},
      {"0000-01-01T00:00:00Z", TimeParseStatus::kRange, 0, 0},
      {"0001-01-01T00:00:00+00:01", TimeParseStatus::kRange, 0, 0},
      {"9999-12-31T23:59:59-00:01", TimeParseStatus::kRange, 0, 0},
      {"10000-01-01T00:00:00Z", TimeParseStatus::kSyntax, 0, 0},
      {"2023-02-29T00:00:00Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-13-01T00:00:00Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T24:00:00Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:60:00Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:59:60Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13 23:31:30Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30.Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30.1234567891Z", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30+0100", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30+24:00", TimeParseStatus::kSyntax, 0, 0},
      {"2009-02-13T23:31:30Z ", TimeParseStatus::kSyntax, 0, 0},
      {"2009-2-13T23:31:30Z", TimeParseStatus::kSyntax, 0, 0},
      {"", TimeParseStatus::kSyntax, 0, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    int64_t seconds = 0;
    int32_t nanos = 0;
    ASSERT_EQ(ParseTimestamp(test.text, seconds, nanos), test.status);
    if (test.status == TimeParseStatus::kOk) {
      EXPECT_EQ(seconds, test.seconds);
      EXPECT_EQ(nanos, test.nanos);
    }
  }
}

TEST(TimeFormatTest, FormatsTimestampsInUtcWithMinimalFractions) {
  EXPECT_EQ(FormatTimestamp(1234567890, 0), "2009-02-13T23:31:30Z");
  EXPECT_EQ(FormatTimestamp(1234567890, 500000000), "2009-02-13T23:31:30.5Z");
  EXPECT_EQ(FormatTimestamp(1234567890, 120000000), "2009-02-13T23:31:30.12Z");
  EXPECT_EQ(FormatTimestamp(1234567890, 1), "2009-02-13T23:31:30.000000001Z");
  EXPECT_EQ(FormatTimestamp(kMaxTimestampSeconds, 999999999), "9999-12-31T23:59:59.999999999Z");
  EXPECT_EQ(FormatTimestamp(kMinTimestampSeconds, 0), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestamp(-1, 0), "1969-12-31T23:59:59Z");
}

TEST(TimeFormatTest, ParsesGoDurations) {
  struct Case {
    const char* text;
    TimeParseStatus status;
    int64_t nanos;
  };
  constexpr int64_t kSecond = 1'000'000'000;
  const std::vector<Case> cases = {
      {"0", TimeParseStatus::kOk, 0},
      {"-0", TimeParseStatus::kOk, 0},
      {"0s", TimeParseStatus::kOk, 0},
      {"100s", TimeParseStatus::kOk, 100 * kSecond},
      {"1.5s", TimeParseStatus::kOk, 1'500'000'000},
      {"-1.5s", TimeParseStatus::kOk, -1'500'000'000},
      {"+2s", TimeParseStatus::kOk, 2 * kSecond},
      {".5s", TimeParseStatus::kOk, 500'000'000},
      {"1.s", TimeParseStatus::kOk, kSecond},
      {"300ms", TimeParseStatus::kOk, 300'000'000},
      {"1us", TimeParseStatus::kOk, 1'000},
      {"1\u00b5s", TimeParseStatus::kOk, 1'000},
      {"1\u03bcs", TimeParseStatus::kOk, 1'000},
      {"1ns", TimeParseStatus::kOk, 1},
      {"999999999ns", TimeParseStatus::kOk, 999'999'999},
      {"1.9ns", TimeParseStatus::kOk, 1},
      {"1h2m3.5s", TimeParseStatus::kOk, 3723 * kSecond + 500'000'000},
      {"2h45m", TimeParseStatus::kOk, 9900 * kSecond},
      {"1.000000001s", TimeParseStatus::kOk, kSecond + 1},
      {"0.1234567891234567891234s", TimeParseStatus::kOk, 123'456'789},
      {"2562047h47m16.854775807s", TimeParseStatus::kOk, INT64_MAX},
      {"-2562047h47m16.854775808s", TimeParseStatus::kOk, INT64_MIN},
      {"2562047h47m16.854775808s", TimeParseStatus::kRange, 0},
      {"320000000000s", TimeParseStatus::kRange, 0},
      {"-320000000000s", TimeParseStatus::kRange, 0},
      {"99999999999999999999h", TimeParseStatus::kRange, 0},
      {"", TimeParseStatus::kSyntax, 0},
      {"-", TimeParseStatus::kSyntax, 0},
      {"1", TimeParseStatus::kSyntax, 0},
      {"s", TimeParseStatus::kSyntax, 0},
      {".s", TimeParseStatus::kSyntax, 0},
      {"1d", TimeParseStatus::kSyntax, 0},
      {"1S", TimeParseStatus::kSyntax, 0},
      {"1s 2m", TimeParseStatus::kSyntax, 0},
      {"--1s", TimeParseStatus::kSyntax, 0},
      {"1s-2s", TimeParseStatus::kSyntax, 0},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    int64_t nanos = 0;
    ASSERT_EQ(ParseDuration(test.text, nanos), test.status);
    if (test.status == TimeParseStatus::kOk) {
      EXPECT_EQ(nanos, test.nanos);
    }
  }
}

TEST(TimeFormatTest, FormatsDurationsAsDecimalSeconds) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(1'000'000 * int64_t{1'000'000'000}), "1000000s");
  EXPECT_EQ(FormatDuration(1'500'000'000), "1.5s");
  EXPECT_EQ(FormatDuration(-1'500'000'000), "-1.5s");
  EXPECT_EQ(FormatDuration(1), "0.000000001s");
  EXPECT_EQ(FormatDuration(-1), "-0.000000001s");
  EXPECT_EQ(FormatDuration(123'321'456'789), "123.321456789s");
  EXPECT_EQ(FormatDuration(INT64_MAX), "9223372036.854775807s");
  EXPECT_EQ(FormatDuration(INT64_MIN), "-9223372036.854775808s");
}

}  // namespace
}  // namespace warden::cel
