#pragma once
// Renderings of the built-in library (policy/builtin_library.h): `warden templates
// list|show|docs` and `warden frameworks list|show`. Tables for people, JSON for tools,
// Markdown for the reference pages in docs/library/.

#include <string>
#include <utility>
#include <vector>

#include "warden/policy/builtin_library.h"

namespace warden::report {

std::string RenderTemplateListTable(const policy::LibraryDescription& library);
std::string RenderTemplateListJson(const policy::LibraryDescription& library);

std::string RenderTemplateTable(const policy::TemplateDescription& description);
std::string RenderTemplateJson(const policy::TemplateDescription& description);
std::string RenderTemplateMarkdown(const policy::TemplateDescription& description);

std::string RenderFrameworkListTable(const policy::LibraryDescription& library);
std::string RenderFrameworkListJson(const policy::LibraryDescription& library);

std::string RenderFrameworkTable(const policy::FrameworkCoverage& framework);
std::string RenderFrameworkJson(const policy::FrameworkCoverage& framework);
std::string RenderFrameworkMarkdown(const policy::FrameworkCoverage& framework);

// The reference pages of docs/library/ as (relative path, Markdown): README.md (the
// index), templates/NAME.md and frameworks/ID.md.
std::vector<std::pair<std::string, std::string>> RenderLibraryDocs(
    const policy::LibraryDescription& library);

}  // namespace warden::report
