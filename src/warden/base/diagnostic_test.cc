#include "warden/base/diagnostic.h"

#include <gtest/gtest.h>

namespace warden {
namespace {

TEST(DiagnosticsTest, SortOrdersByLocationAndRemovesDuplicates) {
  Diagnostics diagnostics;
  diagnostics.Error("E101", {"b.yaml", {3, 1}}, "second file");
  diagnostics.Warning("W201", {"a.yaml", {9, 4}}, "late");
  diagnostics.Error("E102", {"a.yaml", {2, 7}}, "early");
  diagnostics.Error("E102", {"a.yaml", {2, 7}}, "early");
  diagnostics.Sort();
  ASSERT_EQ(diagnostics.items().size(), 3u);
  EXPECT_EQ(diagnostics.items()[0].code, "E102");
  EXPECT_EQ(diagnostics.items()[1].code, "W201");
  EXPECT_EQ(diagnostics.items()[2].code, "E101");
  EXPECT_EQ(diagnostics.error_count(), 2u);
  EXPECT_EQ(diagnostics.warning_count(), 1u);
}

TEST(DiagnosticsTest, CapDropsAndCounts) {
  Diagnostics diagnostics(2);
  for (int index = 0; index < 5; ++index) diagnostics.Error("E1", {}, "x");
  EXPECT_EQ(diagnostics.items().size(), 2u);
  EXPECT_EQ(diagnostics.dropped(), 3u);
}

TEST(DiagnosticsTest, FormatHasLocationCodeAndHelp) {
  Diagnostic diagnostic{"E101",
                        DiagnosticSeverity::kError,
                        {"p.yaml", {4, 3}},
                        "unknown field `sevrity`",
                        "did you mean `severity`?",
                        ""};
  EXPECT_EQ(FormatDiagnostic(diagnostic),
            "p.yaml:4:3: error[E101]: unknown field `sevrity`\n  = help: did you mean "
            "`severity`?");
}

TEST(ClosestMatchTest, FindsPlausibleTyposOnly) {
  std::vector<std::string_view> fields = {"severity", "title", "owner", "labels"};
  EXPECT_EQ(ClosestMatch("sevrity", fields), "severity");
  EXPECT_EQ(ClosestMatch("titel", fields), "title");
  EXPECT_EQ(ClosestMatch("zzzzzzzz", fields), "");
  EXPECT_EQ(ClosestMatch("", fields), "");
}

}  // namespace
}  // namespace warden
