#include "warden/report/summary_format.h"

namespace warden::report {

bool ParseSummaryFormat(std::string_view text, SummaryFormat& out) {
  if (text == "table") {
    out = SummaryFormat::kTable;
  } else if (text == "json") {
    out = SummaryFormat::kJson;
  } else if (text == "markdown") {
    out = SummaryFormat::kMarkdown;
  } else {
    return false;
  }
  return true;
}

}  // namespace warden::report
