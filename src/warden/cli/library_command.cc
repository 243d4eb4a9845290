// `warden templates` and `warden frameworks`: what the built-in library holds
// (docs/cli.md, docs/library/).
//
//   warden templates list                      # name, input, policies, rules, params
//   warden templates show pss-restricted       # policies, rules, params, controls, fixes
//   warden templates docs --format markdown    # regenerate docs/library/
//   warden frameworks list                     # frameworks and how many controls are covered
//   warden frameworks show soc2                # each control and the built-in rules for it

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/library/catalog.h"
#include "warden/policy/builtin_library.h"
#include "warden/report/library_report.h"
#include "warden/report/summary_format.h"

namespace warden::cli {
namespace {

struct LibraryFlags {
  std::string name;
  std::string output = "table";
  std::string docs_format = "markdown";
  std::string docs_dir = "docs/library";
};

// The library's description, or false (with a message) when it is broken: a bug of this
// build, never of the user's input.
bool DescribeOrReport(policy::LibraryDescription& out, ExitCode& exit_code) {
  StatusOr<policy::LibraryDescription> library = policy::DescribeBuiltinLibrary();
  if (!library.ok()) {
    std::fprintf(stderr, "internal error: %s\n", library.status().message().c_str());
    exit_code = ExitCode::kInternal;
    return false;
  }
  if (library->diagnostics.has_errors()) {
    PrintDiagnostics(library->diagnostics);
    std::fprintf(stderr, "internal error: the built-in library does not load\n");
    exit_code = ExitCode::kInternal;
    return false;
  }
  out = std::move(*library);
  return true;
}

bool ParseFormatOrReport(const std::string& text, bool allow_markdown,
                         report::SummaryFormat& format) {
  if (report::ParseSummaryFormat(text, format) &&
      (allow_markdown || format != report::SummaryFormat::kMarkdown)) {
    return true;
  }
  std::fprintf(stderr, "error: unknown output format `%s` (table, json%s)\n", text.c_str(),
               allow_markdown ? ", markdown" : "");
  return false;
}

std::string WithoutBuiltinPrefix(const std::string& name) {
  return name.rfind(library::kBuiltinPrefix, 0) == 0 ? name.substr(library::kBuiltinPrefix.size())
                                                     : name;
}

// Parses the format, describes the library and prints what `render` makes of it;
// `render` returns nullopt (having said why) when the named template or framework does
// not exist.
using LibraryRenderer = std::function<std::optional<std::string>(const policy::LibraryDescription&,
                                                                 report::SummaryFormat)>;

ExitCode RenderLibrary(const std::string& output, bool allow_markdown,
                       const LibraryRenderer& render) {
  report::SummaryFormat format;
  if (!ParseFormatOrReport(output, allow_markdown, format)) return ExitCode::kUsage;
  policy::LibraryDescription library;
  ExitCode exit_code = ExitCode::kOk;
  if (!DescribeOrReport(library, exit_code)) return exit_code;
  std::optional<std::string> text = render(library, format);
  if (!text) return ExitCode::kUsage;
  return WriteOutput("-", *text) ? ExitCode::kOk : ExitCode::kUsage;
}

// The rendering of `value` in `format` by one of three renderers.
template <typename T>
std::string ByFormat(report::SummaryFormat format, const T& value, std::string (*table)(const T&),
                     std::string (*json)(const T&), std::string (*markdown)(const T&)) {
  switch (format) {
    case report::SummaryFormat::kJson:
      return json(value);
    case report::SummaryFormat::kMarkdown:
      return markdown != nullptr ? markdown(value) : table(value);
    case report::SummaryFormat::kTable:
      break;
  }
  return table(value);
}

ExitCode ListTemplates(const LibraryFlags& flags) {
  return RenderLibrary(flags.output, false, [](const auto& library, auto format) {
    return std::optional<std::string>(ByFormat<policy::LibraryDescription>(
        format, library, report::RenderTemplateListTable, report::RenderTemplateListJson, nullptr));
  });
}

ExitCode ShowTemplate(const LibraryFlags& flags) {
  std::string name = WithoutBuiltinPrefix(flags.name);
  return RenderLibrary(
      flags.output, true,
      [&name](const policy::LibraryDescription& library,
              report::SummaryFormat format) -> std::optional<std::string> {
        const policy::TemplateDescription* description = library.FindTemplate(name);
        if (description == nullptr) {
          std::fprintf(stderr,
                       "error: no built-in template `%s` (`warden templates list` shows them)\n",
                       name.c_str());
          return std::nullopt;
        }
        return ByFormat<policy::TemplateDescription>(
            format, *description, report::RenderTemplateTable, report::RenderTemplateJson,
            report::RenderTemplateMarkdown);
      });
}

ExitCode WriteDocs(const LibraryFlags& flags) {
  if (flags.docs_format != "markdown") {
    std::fprintf(stderr, "error: unknown docs format `%s` (markdown)\n", flags.docs_format.c_str());
    return ExitCode::kUsage;
  }
  policy::LibraryDescription library;
  ExitCode exit_code = ExitCode::kOk;
  if (!DescribeOrReport(library, exit_code)) return exit_code;
  namespace fs = std::filesystem;
  size_t written = 0;
  for (const auto& [relative, text] : report::RenderLibraryDocs(library)) {
    fs::path path = fs::path(flags.docs_dir) / relative;
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (error) {
      std::fprintf(stderr, "error: cannot create `%s`: %s\n", path.parent_path().c_str(),
                   error.message().c_str());
      return ExitCode::kUsage;
    }
    if (!WriteOutput(path.string(), text)) return ExitCode::kUsage;
    ++written;
  }
  std::fprintf(stderr, "wrote %zu pages to %s\n", written, flags.docs_dir.c_str());
  return ExitCode::kOk;
}

ExitCode ListFrameworks(const LibraryFlags& flags) {
  return RenderLibrary(flags.output, false, [](const auto& library, auto format) {
    return std::optional<std::string>(
        ByFormat<policy::LibraryDescription>(format, library, report::RenderFrameworkListTable,
                                             report::RenderFrameworkListJson, nullptr));
  });
}

ExitCode ShowFramework(const LibraryFlags& flags) {
  return RenderLibrary(
      flags.output, true,
      [&flags](const policy::LibraryDescription& library,
               report::SummaryFormat format) -> std::optional<std::string> {
        const policy::FrameworkCoverage* framework = library.FindFramework(flags.name);
        if (framework == nullptr) {
          std::fprintf(stderr, "error: no framework `%s` (`warden frameworks list` shows them)\n",
                       flags.name.c_str());
          return std::nullopt;
        }
        return ByFormat<policy::FrameworkCoverage>(format, *framework, report::RenderFrameworkTable,
                                                   report::RenderFrameworkJson,
                                                   report::RenderFrameworkMarkdown);
      });
}

}  // namespace

void AddLibraryCommands(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<LibraryFlags>();

  CLI::App* templates = app.add_subcommand("templates", "The built-in policy templates");
  templates->require_subcommand(1);
  CLI::App* list = templates->add_subcommand("list", "List the built-in templates");
  list->add_option("-o,--output", flags->output, "Format: table, json");
  list->callback([flags, &exit_code] { exit_code = ListTemplates(*flags); });
  CLI::App* show = templates->add_subcommand(
      "show", "Show a template's policies, rules, parameters, controls and remediation");
  show->add_option("name", flags->name, "Template name (with or without `builtin:`)")->required();
  show->add_option("-o,--output", flags->output, "Format: table, json, markdown");
  show->callback([flags, &exit_code] { exit_code = ShowTemplate(*flags); });
  CLI::App* docs = templates->add_subcommand("docs", "Write the library's reference pages");
  docs->add_option("--format", flags->docs_format, "Format: markdown");
  docs->add_option("--output-dir", flags->docs_dir, "Directory to write (default docs/library)");
  docs->callback([flags, &exit_code] { exit_code = WriteDocs(*flags); });

  CLI::App* frameworks =
      app.add_subcommand("frameworks", "Compliance frameworks and the built-in rules for them");
  frameworks->require_subcommand(1);
  CLI::App* framework_list = frameworks->add_subcommand("list", "List the frameworks");
  framework_list->add_option("-o,--output", flags->output, "Format: table, json");
  framework_list->callback([flags, &exit_code] { exit_code = ListFrameworks(*flags); });
  CLI::App* framework_show = frameworks->add_subcommand(
      "show", "Show a framework's controls and which built-in rules support each");
  framework_show->add_option("framework", flags->name, "Framework id (soc2, gdpr, ...)")
      ->required();
  framework_show->add_option("-o,--output", flags->output, "Format: table, json, markdown");
  framework_show->callback([flags, &exit_code] { exit_code = ShowFramework(*flags); });
}

}  // namespace warden::cli
