// `warden eval`: decides authorization requests with a bundle.
//
//   warden eval -b authz/ --request request.json [--explain]
//   warden eval -b authz/ --requests requests.jsonl      (`-` = stdin; one decision per line)

#include <cstdio>
#include <memory>
#include <string>

#include "warden/base/file.h"
#include "warden/cli/cli_support.h"
#include "warden/cli/commands.h"
#include "warden/report/json_out.h"
#include "warden/report/report.h"
#include "warden/service/decide_service.h"
#include "warden/service/request_service.h"

namespace warden::cli {
namespace {

struct EvalFlags {
  BundleFlags bundle;
  std::string request;
  std::string requests;
  std::string environment;
  std::string now;
  bool explain = false;
};

// `{"line": N, "error": "..."}` for a request line that could not be decided.
std::string ErrorLine(size_t line_number, const std::string& message) {
  std::string out = "{\"line\":" + std::to_string(line_number) + ",\"error\":";
  report::AppendJsonString(out, message);
  out += "}";
  return out;
}

ExitCode DecideOne(const engine::Engine& engine, const EvalFlags& flags,
                   const engine::EvalOptions& options) {
  StatusOr<std::string> text = ReadFile(flags.request);
  if (!text.ok()) {
    std::fprintf(stderr, "error: %s\n", text.status().message().c_str());
    return ExitCode::kInvalid;
  }
  StatusOr<engine::RequestInput> request =
      service::ParseRequest(*text, flags.request == "-" ? "<stdin>" : flags.request);
  if (!request.ok()) {
    std::fprintf(stderr, "error: %s\n", request.status().message().c_str());
    return ExitCode::kInvalid;
  }
  std::vector<engine::ExplainStep> steps;
  engine::RequestDecision decision =
      service::DecideAndStamp(engine, *request, options, flags.explain ? &steps : nullptr);
  std::string out = flags.explain ? report::RenderExplain(decision, steps)
                                  : report::RenderDecisionJson(decision) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return ExitCode::kOk;
}

ExitCode DecideBatch(const engine::Engine& engine, const EvalFlags& flags,
                     const engine::EvalOptions& options) {
  std::FILE* in = flags.requests == "-" ? stdin : std::fopen(flags.requests.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "error: cannot open `%s`\n", flags.requests.c_str());
    return ExitCode::kInvalid;
  }
  std::string name = flags.requests == "-" ? "<stdin>" : flags.requests;
  // A line longer than this is refused (and skipped) rather than buffered without bound.
  constexpr size_t kMaxLineBytes = size_t{16} << 20;
  std::string line;
  std::string out;
  size_t line_number = 0;
  bool more = true;
  while (more) {
    line.clear();
    bool too_long = false;
    int c;
    while ((c = std::fgetc(in)) != EOF && c != '\n') {
      if (line.size() < kMaxLineBytes) {
        line.push_back(static_cast<char>(c));
      } else {
        too_long = true;
      }
    }
    more = c != EOF;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!more) break;
      continue;  // blank lines are not requests
    }
    if (too_long) {
      out = ErrorLine(line_number, "line longer than 16 MiB");
    } else {
      StatusOr<engine::RequestInput> request =
          service::ParseRequest(line, name + ":" + std::to_string(line_number));
      out = request.ok()
                ? report::RenderDecisionJson(service::DecideAndStamp(engine, *request, options))
                : ErrorLine(line_number, request.status().message());
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (in != stdin) std::fclose(in);
  return ExitCode::kOk;
}

ExitCode Run(const EvalFlags& flags) {
  if (flags.request.empty() == flags.requests.empty()) {
    std::fprintf(stderr, "error: give exactly one of --request FILE or --requests FILE\n");
    return ExitCode::kUsage;
  }
  if (flags.explain && !flags.requests.empty()) {
    std::fprintf(stderr, "error: --explain works with one --request, not --requests\n");
    return ExitCode::kUsage;
  }
  engine::EvalOptions options;
  options.environment = flags.environment;
  if (!ResolveNow(flags.now, options.now_seconds, options.now_nanos)) return ExitCode::kUsage;
  ExitCode exit_code = ExitCode::kOk;
  service::LoadedBundle bundle;
  if (!LoadBundleOrReport(flags.bundle, bundle, exit_code, flags.environment)) return exit_code;
  WarnUnknownEnvironment(*bundle.compiled, flags.environment);
  return flags.request.empty() ? DecideBatch(*bundle.engine, flags, options)
                               : DecideOne(*bundle.engine, flags, options);
}

}  // namespace

void AddEvalCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* command = app.add_subcommand("eval", "Decide authorization requests");
  AddBundleFlags(*command, flags->bundle, /*with_store=*/true);
  command->add_option("--request", flags->request, "One request as a JSON file (`-` = stdin)");
  command->add_option("--requests", flags->requests,
                      "Requests as JSON Lines (`-` = stdin); one decision per line");
  command->add_option("-e,--env", flags->environment, "Environment (when requests carry none)");
  command->add_option("--now", flags->now, "Evaluation time (RFC 3339); default: now");
  command->add_flag("--explain", flags->explain, "Show every candidate rule and why it decided");
  command->callback([flags, &exit_code] { exit_code = Run(*flags); });
}

}  // namespace warden::cli
