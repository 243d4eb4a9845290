#include <gtest/gtest.h>

#include <string>

#include "warden/report/report.h"
#include "warden/report/report_test_util.h"

namespace warden::report {
namespace {

constexpr Format kAllFormats[] = {Format::kTable,   Format::kJson,   Format::kSarif,
                                  Format::kJunit,   Format::kGithub, Format::kGitlab,
                                  Format::kMarkdown};

TEST(ParseFormatTest, AcceptsEveryFormatNameAndRoundTrips) {
  for (Format format : kAllFormats) {
    SCOPED_TRACE(FormatName(format));
    Format parsed = Format::kTable;
    ASSERT_TRUE(ParseFormat(FormatName(format), parsed));
    EXPECT_EQ(parsed, format);
  }
}

TEST(ParseFormatTest, RejectsUnknownNamesAndLeavesOutputUntouched) {
  for (const char* name : {"", "JSON", "xml", "md", "sarif ", "text"}) {
    SCOPED_TRACE(name);
    Format parsed = Format::kGitlab;
    EXPECT_FALSE(ParseFormat(name, parsed));
    EXPECT_EQ(parsed, Format::kGitlab);
  }
}

TEST(RenderTest, EveryFormatIsDeterministicAndEndsWithANewline) {
  const CheckReport report = testing::SampleReportWithInputError();
  for (Format format : kAllFormats) {
    SCOPED_TRACE(FormatName(format));
    const std::string first = Render(report, format);
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first.back(), '\n');
    EXPECT_EQ(Render(report, format), first);
  }
}

TEST(RenderTest, EveryFormatRendersAnEmptyReport) {
  const CheckReport report;
  for (Format format : kAllFormats) {
    SCOPED_TRACE(FormatName(format));
    EXPECT_FALSE(Render(report, format).empty());
  }
}

}  // namespace
}  // namespace warden::report
