#pragma once
// The formats of the summary reports (`warden simulate`, `warden impact`): a table for
// people, JSON for tools, Markdown for a pull-request comment.

#include <string_view>

namespace warden::report {

enum class SummaryFormat { kTable, kJson, kMarkdown };

// `table`, `json` or `markdown`; false for anything else.
bool ParseSummaryFormat(std::string_view text, SummaryFormat& out);

}  // namespace warden::report
