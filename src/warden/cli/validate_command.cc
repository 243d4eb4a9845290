// `warden validate`: reports every problem of a policy repository at once — YAML, fields,
// types, CEL, references, lints — sorted, each with a stable code and file:line:column.
//
//   warden validate                 (the current directory as a bundle)
//   warden validate policies/ extra/pod.yaml --output json

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/report/json_out.h"
#include "warden/service/bundle_service.h"
#include "warden/service/test_service.h"

namespace warden::cli {
namespace {

struct ValidateFlags {
  std::vector<std::string> paths;
  std::string output = "text";
  bool strict = false;
};

std::string DiagnosticsJson(const Diagnostics& diagnostics, size_t policies, size_t rules) {
  std::string out = "{\"diagnostics\":[";
  bool first = true;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (!first) out += ",";
    first = false;
    out += "{\"code\":";
    report::AppendJsonString(out, diagnostic.code);
    out += ",\"severity\":";
    report::AppendJsonString(out, DiagnosticSeverityName(diagnostic.severity));
    out += ",\"file\":";
    report::AppendJsonString(out, diagnostic.location.file);
    out += ",\"line\":" + std::to_string(diagnostic.location.position.line);
    out += ",\"column\":" + std::to_string(diagnostic.location.position.column);
    out += ",\"message\":";
    report::AppendJsonString(out, diagnostic.message);
    if (!diagnostic.help.empty()) {
      out += ",\"help\":";
      report::AppendJsonString(out, diagnostic.help);
    }
    out += "}";
  }
  out += "],\"errors\":" + std::to_string(diagnostics.error_count());
  out += ",\"warnings\":" + std::to_string(diagnostics.warning_count());
  out += ",\"policies\":" + std::to_string(policies);
  out += ",\"rules\":" + std::to_string(rules) + "}\n";
  return out;
}

ExitCode Run(const ValidateFlags& flags) {
  if (flags.output != "text" && flags.output != "json") {
    std::fprintf(stderr, "error: unknown output `%s` (text, json)\n", flags.output.c_str());
    return ExitCode::kUsage;
  }
  std::vector<std::string> paths =
      flags.paths.empty() ? std::vector<std::string>{"."} : flags.paths;
  Diagnostics diagnostics;
  size_t policies = 0;
  size_t rules = 0;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    service::BundleSpec spec;
    if (std::filesystem::is_directory(path, error)) {
      spec.directory = path;
    } else if (std::filesystem::exists(path, error) || path.rfind("builtin:", 0) == 0) {
      files.push_back(path);
      continue;
    } else {
      diagnostics.Error("E100", {path, {}}, "no such file or directory");
      continue;
    }
    service::LoadedBundle loaded = service::LoadBundle(spec, diagnostics);
    service::ValidateTests(loaded.source, diagnostics);
    policies += loaded.compiled->policies.size();
    for (const auto& policy : loaded.compiled->policies) rules += policy.rules.size();
  }
  if (!files.empty()) {
    service::BundleSpec spec;
    spec.policies = files;
    service::LoadedBundle loaded = service::LoadBundle(spec, diagnostics);
    service::ValidateTests(loaded.source, diagnostics);
    policies += loaded.compiled->policies.size();
    for (const auto& policy : loaded.compiled->policies) rules += policy.rules.size();
  }
  diagnostics.Sort();
  if (flags.output == "json") {
    std::string out = DiagnosticsJson(diagnostics, policies, rules);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    for (const Diagnostic& diagnostic : diagnostics.items()) {
      std::printf("%s\n", FormatDiagnostic(diagnostic).c_str());
    }
    if (diagnostics.dropped() > 0) std::printf("... and %zu more\n", diagnostics.dropped());
    if (diagnostics.empty()) {
      std::printf("ok: %zu policies, %zu rules, no problems\n", policies, rules);
    } else {
      std::printf("%zu errors, %zu warnings (%zu policies, %zu rules)\n", diagnostics.error_count(),
                  diagnostics.warning_count(), policies, rules);
    }
  }
  bool failed = diagnostics.has_errors() || (flags.strict && diagnostics.warning_count() > 0);
  return failed ? ExitCode::kInvalid : ExitCode::kOk;
}

}  // namespace

void AddValidateCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* command =
      app.add_subcommand("validate", "Report every problem of policy bundles and files");
  command->add_option(
      "paths", flags->paths,
      "Bundle directories, policy files or builtin:TEMPLATE (default: the current directory)");
  command->add_option("-o,--output", flags->output, "text or json");
  command->add_flag("--strict", flags->strict, "Warnings fail too (exit code 3)");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
