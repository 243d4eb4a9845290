#include <array>
#include <utility>

#include "warden/report/findings.h"
#include "warden/report/report.h"

namespace warden::report {

namespace {

constexpr std::array<std::pair<Format, const char*>, 7> kFormatNames = {{
    {Format::kTable, "table"},
    {Format::kJson, "json"},
    {Format::kSarif, "sarif"},
    {Format::kJunit, "junit"},
    {Format::kGithub, "github"},
    {Format::kGitlab, "gitlab"},
    {Format::kMarkdown, "markdown"},
}};

}  // namespace

const char* FormatName(Format format) {
  for (const auto& [value, name] : kFormatNames) {
    if (value == format) return name;
  }
  return "table";
}

bool ParseFormat(std::string_view text, Format& out) {
  for (const auto& [value, name] : kFormatNames) {
    if (text == name) {
      out = value;
      return true;
    }
  }
  return false;
}

std::string Render(const CheckReport& report, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::kTable:
      return RenderTable(report, options);
    case Format::kJson:
      return RenderJson(report);
    case Format::kSarif:
      return RenderSarif(report);
    case Format::kJunit:
      return RenderJunit(report);
    case Format::kGithub:
      return RenderGithub(report);
    case Format::kGitlab:
      return RenderGitlab(report);
    case Format::kMarkdown:
      return RenderMarkdown(report, options);
  }
  return RenderTable(report, options);
}

}  // namespace warden::report
