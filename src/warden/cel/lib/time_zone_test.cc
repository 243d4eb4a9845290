#include "warden/cel/lib/time_zone.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "warden/cel/lib/time_format.h"
#include "warden/cel/lib/time_posix_tz.h"

namespace warden::cel {
namespace {

int64_t Unix(std::string_view rfc3339) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  EXPECT_EQ(ParseTimestamp(rfc3339, seconds, nanos), TimeParseStatus::kOk) << rfc3339;
  return seconds;
}

// --- POSIX TZ rules ----------------------------------------------------------------------

TEST(PosixTimeZoneTest, ParsesTheFooterSyntax) {
  for (const char* spec : {"UTC0", "EST5", "<+0545>-5:45", "PST8PDT", "PST8PDT,M3.2.0,M11.1.0",
                           "EST5EDT,M3.2.0/2:00:00,M11.1.0/2", "AEST-10AEDT,M10.1.0,M4.1.0/3",
                           "IST-1GMT0,M10.5.0,M3.5.0/1", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
                           "EST5EDT,0/0,J365/25", "XXX3YYY2,J60,300/167"}) {
    SCOPED_TRACE(spec);
    EXPECT_TRUE(PosixTimeZone::Parse(spec).has_value());
  }
  for (const char* spec :
       {"", "PS8", "PST", "PST8PDT,M3.2.0", "PST8PDT,M13.2.0,M11.1.0", "PST8PDT,M3.6.0,M11.1.0",
        "PST8PDT,M3.2.7,M11.1.0", "PST25", "PST8PDT,J0,J365", "PST8PDT,366,0", "<AB>3", "<+05",
        "PST8PDT,M3.2.0/168,M11.1.0", "PST8 ", "PST8PDT,M3.2.0,M11.1.0,"}) {
    SCOPED_TRACE(spec);
    EXPECT_FALSE(PosixTimeZone::Parse(spec).has_value());
  }
}

TEST(PosixTimeZoneTest, ComputesOffsetsAroundTransitions) {
  struct Case {
    const char* spec;
    const char* instant;
    int32_t offset;
  };
  const std::vector<Case> cases = {
      {"UTC0", "2024-06-01T00:00:00Z", 0},
      {"<+0545>-5:45", "2024-06-01T00:00:00Z", 5 * 3600 + 45 * 60},
      {"PST8PDT,M3.2.0,M11.1.0", "2024-03-10T09:59:59Z", -8 * 3600},
      {"PST8PDT,M3.2.0,M11.1.0", "2024-03-10T10:00:00Z", -7 * 3600},
      {"PST8PDT,M3.2.0,M11.1.0", "2024-11-03T08:59:59Z", -7 * 3600},
      {"PST8PDT,M3.2.0,M11.1.0", "2024-11-03T09:00:00Z", -8 * 3600},
      {"PST8PDT", "2024-07-01T00:00:00Z", -7 * 3600},  // default US rules
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", "2024-04-06T15:59:59Z", 11 * 3600},
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", "2024-04-06T16:00:00Z", 10 * 3600},
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", "2024-10-05T15:59:59Z", 10 * 3600},
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", "2024-10-05T16:00:00Z", 11 * 3600},
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", "2024-01-01T00:00:00Z", 11 * 3600},
      {"IST-1GMT0,M10.5.0,M3.5.0/1", "2024-07-01T12:00:00Z", 3600},
      {"IST-1GMT0,M10.5.0,M3.5.0/1", "2024-01-15T12:00:00Z", 0},
      {"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2024-03-31T00:59:59Z", -3 * 3600},
      {"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2024-03-31T01:00:00Z", -2 * 3600},
      {"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2024-10-27T00:59:59Z", -2 * 3600},
      {"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2024-10-27T01:00:00Z", -3 * 3600},
      {"EST5EDT,0/0,J365/25", "2024-01-01T02:00:00Z", -4 * 3600},
      {"EST5EDT,0/0,J365/25", "2024-07-01T00:00:00Z", -4 * 3600},
      {"EST5EDT,0/0,J365/25", "2024-12-31T23:00:00Z", -4 * 3600},
      // Jn never counts February 29; n does.
      {"AAA0BBB-1,J60/0,J61/0", "2024-03-01T12:00:00Z", 3600},
      {"AAA0BBB-1,59/0,60/0", "2024-02-29T12:00:00Z", 3600},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(std::string(test.spec) + " at " + test.instant);
    auto zone = PosixTimeZone::Parse(test.spec);
    ASSERT_TRUE(zone.has_value());
    EXPECT_EQ(zone->OffsetAt(Unix(test.instant)), test.offset);
  }
}

// --- TZif --------------------------------------------------------------------------------

std::string BigEndian(uint64_t value, int bytes) {
  std::string out;
  for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
    out += static_cast<char>((value >> shift) & 0xFF);
  }
  return out;
}

struct TzifSpec {
  char version = '2';
  std::vector<int64_t> times;
  std::vector<uint8_t> type_indices;
  std::vector<int32_t> type_offsets;
  std::string footer;  // without the surrounding newlines
  uint32_t leap_count = 0;
};

std::string Header(char version, const TzifSpec& spec, size_t times) {
  std::string out = "TZif";
  out += version;
  out += std::string(15, '\0');
  for (uint64_t count : {uint64_t{0}, uint64_t{0}, uint64_t{spec.leap_count}, uint64_t{times},
                         uint64_t{spec.type_offsets.size()}, uint64_t{4}}) {
    out += BigEndian(count, 4);
  }
  return out;
}

std::string Block(const TzifSpec& spec, int time_size, bool with_transitions) {
  std::string out;
  if (with_transitions) {
    for (int64_t time : spec.times) out += BigEndian(static_cast<uint64_t>(time), time_size);
    for (uint8_t type_idx : spec.type_indices) out += static_cast<char>(type_idx);
  }
  for (int32_t offset : spec.type_offsets) {
    out += BigEndian(static_cast<uint32_t>(offset), 4);
    out += std::string(2, '\0');
  }
  out += std::string("ABC\0", 4);
  for (uint32_t leap_idx = 0; leap_idx < spec.leap_count; ++leap_idx) {
    out += std::string(static_cast<size_t>(time_size) + 4, '\0');
  }
  return out;
}

std::string BuildTzif(const TzifSpec& spec) {
  if (spec.version == '\0') {
    return Header('\0', spec, spec.times.size()) + Block(spec, 4, true);
  }
  return Header(spec.version, spec, 0) + Block(spec, 4, false) +
         Header(spec.version, spec, spec.times.size()) + Block(spec, 8, true) + "\n" + spec.footer +
         "\n";
}

TEST(TimeZoneTest, ReadsVersionOneFiles) {
  TzifSpec spec{'\0', {0, 1000}, {1, 2}, {-100, 3600, 7200}, "", 0};
  auto zone = TimeZone::FromTzif("Test/V1", BuildTzif(spec));
  ASSERT_TRUE(zone.ok()) << zone.status().message();
  EXPECT_EQ((*zone)->name(), "Test/V1");
  EXPECT_EQ((*zone)->OffsetAt(-5), -100);  // before the first transition: type 0
  EXPECT_EQ((*zone)->OffsetAt(0), 3600);
  EXPECT_EQ((*zone)->OffsetAt(999), 3600);
  EXPECT_EQ((*zone)->OffsetAt(1000), 7200);
  EXPECT_EQ((*zone)->OffsetAt(4'000'000'000), 7200);  // no footer: the last type stays
}

TEST(TimeZoneTest, UsesTheFooterAfterTheLastTransition) {
  TzifSpec spec{'3', {-3'000'000'000, 0}, {1, 0}, {0, 1800}, "<+03>-3", 0};
  auto zone = TimeZone::FromTzif("Test/V3", BuildTzif(spec));
  ASSERT_TRUE(zone.ok()) << zone.status().message();
  EXPECT_EQ((*zone)->OffsetAt(-4'000'000'000), 0);
  EXPECT_EQ((*zone)->OffsetAt(-3'000'000'000), 1800);  // 64-bit transition times
  EXPECT_EQ((*zone)->OffsetAt(-1), 1800);
  EXPECT_EQ((*zone)->OffsetAt(0), 3 * 3600);
  EXPECT_EQ((*zone)->OffsetAt(5'000'000'000), 3 * 3600);

  TzifSpec no_transitions{'2', {}, {}, {0}, "PST8PDT,M3.2.0,M11.1.0", 0};
  auto rule_only = TimeZone::FromTzif("Test/RuleOnly", BuildTzif(no_transitions));
  ASSERT_TRUE(rule_only.ok()) << rule_only.status().message();
  EXPECT_EQ((*rule_only)->OffsetAt(Unix("2024-07-01T00:00:00Z")), -7 * 3600);
  EXPECT_EQ((*rule_only)->OffsetAt(Unix("2024-01-01T00:00:00Z")), -8 * 3600);
}

TEST(TimeZoneTest, RejectsCorruptFiles) {
  const TzifSpec good{'2', {0}, {0}, {3600}, "", 0};
  const std::string valid = BuildTzif(good);
  ASSERT_TRUE(TimeZone::FromTzif("ok", valid).ok());

  TzifSpec no_types = good;
  no_types.type_offsets.clear();
  no_types.type_indices = {};
  no_types.times = {};
  TzifSpec leap = good;
  leap.leap_count = 1;
  TzifSpec bad_index = good;
  bad_index.type_indices = {3};
  TzifSpec unordered{'2', {10, 5}, {0, 0}, {0}, "", 0};
  TzifSpec bad_footer = good;
  bad_footer.footer = "not a rule";
  struct Case {
    const char* label;
    std::string data;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"empty", "", "not a TZif file"},
      {"bad magic", "TZix" + valid.substr(4), "not a TZif file"},
      {"truncated", valid.substr(0, valid.size() - 12), "truncated data"},
      {"no footer", valid.substr(0, valid.size() - 2), "footer"},
      {"no types", BuildTzif(no_types), "no local time types"},
      {"leap seconds", BuildTzif(leap), "leap-second zones are not supported"},
      {"bad type index", BuildTzif(bad_index), "unknown local time type"},
      {"unordered", BuildTzif(unordered), "out of order"},
      {"bad footer", BuildTzif(bad_footer), "invalid TZ string `not a rule`"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    auto zone = TimeZone::FromTzif("Bad/Zone", test.data);
    ASSERT_FALSE(zone.ok());
    EXPECT_NE(zone.status().message().find("invalid time zone data for `Bad/Zone`"),
              std::string::npos);
    EXPECT_NE(zone.status().message().find(test.reason), std::string::npos)
        << zone.status().message();
  }
}

// --- names and fixed offsets ---------------------------------------------------------------

TEST(TimeZoneTest, ParsesFixedOffsets) {
  struct Case {
    const char* text;
    std::optional<int32_t> offset;
  };
  const std::vector<Case> cases = {
      {"+11:00", 11 * 3600},
      {"-02:30", -(2 * 3600 + 1800)},
      {"-09:30", -(9 * 3600 + 1800)},
      {"02:00", 2 * 3600},
      {"-00:00", 0},
      {"+5:45", 5 * 3600 + 45 * 60},
      {"+23:59", 23 * 3600 + 59 * 60},
      {"+24:00", std::nullopt},
      {"+05:60", std::nullopt},
      {"+1:5", std::nullopt},
      {"+123:00", std::nullopt},
      {":00", std::nullopt},
      {"+05:00:00", std::nullopt},
      {"ab:cd", std::nullopt},
      {"+-5:00", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    EXPECT_EQ(ParseFixedOffset(test.text), test.offset);
  }
}

TEST(TimeZoneTest, ValidatesNamesBeforeTouchingFiles) {
  for (const char* name :
       {"UTC", "America/Los_Angeles", "Etc/GMT+5", "America/Port-au-Prince", "US/Central"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(IsValidZoneName(name));
  }
  for (const char* name :
       {"", "../etc/passwd", "America/../../etc/passwd", "/etc/passwd", "America//New_York",
        "America/", "zone.tab", "Europe/Paris\n", "Europe\\Paris", "Europe/Par is"}) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(IsValidZoneName(name));
    TimeZoneDatabase database("/nonexistent-zoneinfo");
    auto zone = database.Load(name);
    ASSERT_FALSE(zone.ok());
    EXPECT_EQ(zone.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_FALSE(IsValidZoneName(std::string(256, 'a')));
}

TEST(TimeZoneDatabaseTest, LoadsUtcAndFixedOffsetsWithoutFiles) {
  TimeZoneDatabase database("/nonexistent-zoneinfo");
  auto utc = database.Load("UTC");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(*utc, &TimeZone::Utc());
  auto fixed = database.Load("+05:30");
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ((*fixed)->OffsetAt(0), 5 * 3600 + 1800);
  auto again = database.Load("+05:30");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *fixed);  // cached
  auto bad = database.Load("+25:00");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("invalid time zone offset `+25:00`"), std::string::npos);
  auto missing = database.Load("Europe/Paris");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
}

class TempZoneinfo {
 public:
  TempZoneinfo() {
    root_ =
        std::filesystem::temp_directory_path() /
        ("warden-zoneinfo-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(root_ / "db" / "Test");
  }
  ~TempZoneinfo() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  void Write(const std::string& relative, const std::string& data) {
    std::ofstream(root_ / relative, std::ios::binary) << data;
  }
  std::filesystem::path root() const { return root_; }
  std::string db() const { return (root_ / "db").string(); }

 private:
  std::filesystem::path root_;
};

TEST(TimeZoneDatabaseTest, LoadsFilesOnceAndConfinesSymlinks) {
  TempZoneinfo dir;
  const std::string tzif = BuildTzif(TzifSpec{'2', {0}, {0}, {7200}, "<+02>-2", 0});
  dir.Write("db/Test/Zone", tzif);
  dir.Write("outside", tzif);
  std::filesystem::create_symlink("Zone", dir.root() / "db" / "Test" / "Alias");
  std::filesystem::create_symlink(dir.root() / "outside", dir.root() / "db" / "Test" / "Escape");
  dir.Write("db/Test/NotTzif", "hello");

  TimeZoneDatabase database(dir.db());
  auto zone = database.Load("Test/Zone");
  ASSERT_TRUE(zone.ok()) << zone.status().message();
  EXPECT_EQ((*zone)->OffsetAt(100), 7200);
  auto again = database.Load("Test/Zone");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *zone);
  auto alias = database.Load("Test/Alias");
  ASSERT_TRUE(alias.ok()) << alias.status().message();
  EXPECT_EQ((*alias)->name(), "Test/Alias");

  auto escape = database.Load("Test/Escape");
  ASSERT_FALSE(escape.ok());
  EXPECT_EQ(escape.status().message(), "unknown time zone `Test/Escape`");
  auto directory = database.Load("Test");
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kNotFound);
  auto not_tzif = database.Load("Test/NotTzif");
  ASSERT_FALSE(not_tzif.ok());
  EXPECT_NE(not_tzif.status().message().find("not a TZif file"), std::string::npos);

  // Failures are cached: a zone created later stays unknown to this database.
  ASSERT_FALSE(database.Load("Test/Later").ok());
  dir.Write("db/Test/Later", tzif);
  EXPECT_FALSE(database.Load("Test/Later").ok());
  TimeZoneDatabase fresh(dir.db());
  EXPECT_TRUE(fresh.Load("Test/Later").ok());
}

TEST(TimeZoneDatabaseTest, ConcurrentLoadsAgreeOnOneZone) {
  TempZoneinfo dir;
  dir.Write("db/Test/Zone", BuildTzif(TzifSpec{'2', {0}, {0}, {3600}, "", 0}));
  TimeZoneDatabase database(dir.db());
  std::vector<const TimeZone*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t thread_idx = 0; thread_idx < seen.size(); ++thread_idx) {
    threads.emplace_back([&database, &seen, thread_idx] {
      for (int round = 0; round < 50; ++round) {
        auto zone = database.Load(round % 2 == 0 ? "Test/Zone" : "-03:00");
        if (zone.ok() && round % 2 == 0) seen[thread_idx] = *zone;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const TimeZone* zone : seen) EXPECT_EQ(zone, seen[0]);
  ASSERT_NE(seen[0], nullptr);
}

// --- the system tz database ----------------------------------------------------------------

class SystemTimeZoneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!TimeZone::Load("America/Los_Angeles").ok()) {
      GTEST_SKIP() << "no tz database under " << TimeZoneDatabase::Default().directory();
    }
  }
};

TEST_F(SystemTimeZoneTest, FollowsDaylightSavingTimeInLosAngeles) {
  auto zone = TimeZone::Load("America/Los_Angeles");
  ASSERT_TRUE(zone.ok());
  struct Case {
    const char* instant;
    int32_t offset;
  };
  const std::vector<Case> cases = {
      {"2024-03-10T09:59:59Z", -8 * 3600},
      {"2024-03-10T10:00:00Z", -7 * 3600},
      {"2024-11-03T08:59:59Z", -7 * 3600},
      {"2024-11-03T09:00:00Z", -8 * 3600},
      {"2100-07-01T12:00:00Z", -7 * 3600},  // beyond any listed transition: the footer
      {"2100-01-01T12:00:00Z", -8 * 3600},
      {"9999-12-31T23:59:59Z", -8 * 3600},
      {"1800-01-01T00:00:00Z", -(7 * 3600 + 52 * 60 + 58)},  // local mean time
      {"0001-01-01T00:00:00Z", -(7 * 3600 + 52 * 60 + 58)},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.instant);
    EXPECT_EQ((*zone)->OffsetAt(Unix(test.instant)), test.offset);
  }
}

TEST_F(SystemTimeZoneTest, ResolvesLinksAndRejectsUnsafeOrUnknownNames) {
  auto central = TimeZone::Load("US/Central");
  ASSERT_TRUE(central.ok()) << central.status().message();
  EXPECT_EQ((*central)->OffsetAt(Unix("2009-02-13T23:31:30Z")), -6 * 3600);
  auto kathmandu = TimeZone::Load("Asia/Kathmandu");
  ASSERT_TRUE(kathmandu.ok());
  EXPECT_EQ((*kathmandu)->OffsetAt(Unix("2009-02-13T23:31:30Z")), 5 * 3600 + 45 * 60);
  auto unknown = TimeZone::Load("Mars/Olympus_Mons");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "unknown time zone `Mars/Olympus_Mons`");
  auto traversal = TimeZone::Load("../../etc/passwd");
  ASSERT_FALSE(traversal.ok());
  EXPECT_EQ(traversal.status().code(), StatusCode::kInvalidArgument);
  if (std::filesystem::exists(TimeZoneDatabase::Default().directory() + "/right/UTC")) {
    auto leap = TimeZone::Load("right/UTC");
    ASSERT_FALSE(leap.ok());
    EXPECT_NE(leap.status().message().find("leap-second"), std::string::npos);
  }
}

}  // namespace
}  // namespace warden::cel
