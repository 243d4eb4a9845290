// The public embedding API's Policies (include/warden/policies.h): a thin layer over the
// service's bundle loading, the request parser and the engine. Decide and Check add
// nothing to the engine's per-call work but parsing the input and moving the engine's
// result into the public types.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "warden/base/diagnostic.h"
#include "warden/base/status.h"
#include "warden/cel/eval/limits.h"
#include "warden/data/json_reader.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"
#include "warden/engine/engine.h"
#include "warden/engine/input.h"
#include "warden/policies.h"
#include "warden/service/bundle_service.h"
#include "warden/service/decide_service.h"
#include "warden/service/embed_convert.h"
#include "warden/service/input_format.h"
#include "warden/service/inputs.h"
#include "warden/service/request_service.h"

#ifndef WARDEN_VERSION
#error "WARDEN_VERSION must be defined (the top-level CMakeLists.txt sets it)"
#endif

namespace warden {
inline namespace api_v1 {

// The documented defaults of Options are the internal ones.
static_assert(Options{}.max_input_bytes == data::ReadLimits{}.max_input_bytes);
static_assert(Options{}.max_depth == data::ReadLimits{}.max_depth);
static_assert(Options{}.max_cost == cel::EvalLimits{}.cost_budget);
static_assert(Options{}.max_iterations == cel::EvalLimits{}.max_iterations);
static_assert(Options{}.max_eval_memory_bytes == cel::EvalLimits{}.max_memory_bytes);

struct Policies::Impl {
  service::LoadedBundle bundle;  // `engine` is never null
  data::ReadLimits read_limits;
};

namespace {

std::vector<LoadError> ToLoadErrors(const Diagnostics& diagnostics) {
  std::vector<LoadError> out;
  out.reserve(diagnostics.items().size());
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    LoadError error;
    error.code = diagnostic.code;
    error.warning = diagnostic.severity == DiagnosticSeverity::kWarning;
    error.file = diagnostic.location.file;
    error.line = diagnostic.location.position.line;
    error.column = diagnostic.location.position.column;
    error.message = diagnostic.message;
    error.help = diagnostic.help;
    error.snippet = diagnostic.snippet;
    out.push_back(std::move(error));
  }
  return out;
}

// Fills `eval` from `context`; an error message when the context cannot be used.
std::string ToEvalOptions(const EvalContext& context, engine::EvalOptions& eval) {
  if (context.now_unix_seconds == 0) {
    return "the evaluation time is not set: give `EvalContext::now_unix_seconds` (e.g. "
           "`warden::UnixNow()`)";
  }
  if (context.now_nanos < 0 || context.now_nanos > 999'999'999) {
    return "`EvalContext::now_nanos` is `" + std::to_string(context.now_nanos) +
           "`, not between 0 and 999999999";
  }
  eval.environment = context.environment;
  eval.now_seconds = context.now_unix_seconds;
  eval.now_nanos = context.now_nanos;
  return {};
}

Decision ErrorDecision(const policy::CompiledBundle& bundle, std::string error) {
  Decision decision;
  decision.effect = Effect::kDeny;
  decision.error = std::move(error);
  decision.bundle_name = bundle.name;
  decision.bundle_version = bundle.version;
  decision.bundle_digest = bundle.digest;
  decision.decision_id = service::NewDecisionId();
  return decision;
}

std::optional<service::InputFormat> ToInputFormat(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kFromName:
      return std::nullopt;
    case DocumentFormat::kYaml:
      return service::InputFormat::kYaml;
    case DocumentFormat::kJson:
      return service::InputFormat::kJson;
    case DocumentFormat::kJsonLines:
      return service::InputFormat::kJsonLines;
    case DocumentFormat::kToml:
      return service::InputFormat::kToml;
    case DocumentFormat::kDockerfile:
      return service::InputFormat::kDockerfile;
    case DocumentFormat::kTerraform:
      return service::InputFormat::kTerraform;
  }
  return std::nullopt;
}

// Shared by LoadBundle and LoadFiles: `spec` names what to read. Null on errors.
std::unique_ptr<const Policies::Impl> LoadSpec(service::BundleSpec spec,
                                               std::vector<LoadError>* errors,
                                               const Options& options) {
  spec.use_index = options.use_index;
  spec.compile.lint = false;  // lints are `warden validate`'s business, as in the CLI
  spec.compile.limits.cost_budget = options.max_cost;
  spec.compile.limits.max_iterations = options.max_iterations;
  spec.compile.limits.max_memory_bytes = options.max_eval_memory_bytes;
  Diagnostics diagnostics;
  service::LoadedBundle loaded = service::LoadBundle(spec, diagnostics);
  diagnostics.Sort();
  if (errors != nullptr) *errors = ToLoadErrors(diagnostics);
  if (diagnostics.has_errors() || loaded.engine == nullptr) return nullptr;
  auto impl = std::make_unique<Policies::Impl>();
  impl->bundle = std::move(loaded);
  impl->read_limits.max_input_bytes = options.max_input_bytes;
  impl->read_limits.max_depth = options.max_depth;
  return impl;
}

}  // namespace

std::string LoadError::ToString() const {
  Diagnostic diagnostic;
  diagnostic.code = code;
  diagnostic.severity = warning ? DiagnosticSeverity::kWarning : DiagnosticSeverity::kError;
  diagnostic.location = {file, {line, column}};
  diagnostic.message = message;
  diagnostic.help = help;
  diagnostic.snippet = snippet;
  return FormatDiagnostic(diagnostic);
}

const char* LibraryVersion() { return WARDEN_VERSION; }

Policies::Policies(Key, std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Policies::~Policies() = default;

std::shared_ptr<const Policies> Policies::LoadBundle(const std::string& directory,
                                                     std::vector<LoadError>* errors,
                                                     const Options& options) {
  service::BundleSpec spec;
  spec.directory = directory;
  std::unique_ptr<const Impl> impl = LoadSpec(std::move(spec), errors, options);
  if (impl == nullptr) return nullptr;
  return std::make_shared<Policies>(Key{}, std::move(impl));
}

std::shared_ptr<const Policies> Policies::LoadFiles(const std::vector<std::string>& paths,
                                                    std::vector<LoadError>* errors,
                                                    const Options& options) {
  service::BundleSpec spec;
  spec.policies = paths;
  std::unique_ptr<const Impl> impl = LoadSpec(std::move(spec), errors, options);
  if (impl == nullptr) return nullptr;
  return std::make_shared<Policies>(Key{}, std::move(impl));
}

Decision Policies::Decide(std::string_view request_json, const EvalContext& context) const {
  const engine::Engine& engine = *impl_->bundle.engine;
  engine::EvalOptions eval;
  if (std::string error = ToEvalOptions(context, eval); !error.empty()) {
    return ErrorDecision(engine.bundle(), std::move(error));
  }
  StatusOr<data::Document> document = data::ReadJson(request_json, "request", impl_->read_limits);
  if (!document.ok()) return ErrorDecision(engine.bundle(), document.status().message());
  StatusOr<engine::RequestInput> request = service::RequestFromDocument(*document);
  if (!request.ok()) return ErrorDecision(engine.bundle(), request.status().message());
  return service::embed::ToPublic(service::DecideAndStamp(engine, *request, eval));
}

Decision Policies::Decide(const Request& request, const EvalContext& context) const {
  const engine::Engine& engine = *impl_->bundle.engine;
  engine::EvalOptions eval;
  if (std::string error = ToEvalOptions(context, eval); !error.empty()) {
    return ErrorDecision(engine.bundle(), std::move(error));
  }
  engine::RequestInput input;
  // The documents own the nodes `input` points at; they live until the call returns.
  data::Document documents[4];
  const struct {
    std::string_view text;
    const char* name;
    const data::Node** node;
  } members[4] = {{request.subject, "subject", &input.subject},
                  {request.action, "action", &input.action},
                  {request.resource, "resource", &input.resource},
                  {request.context, "context", &input.context}};
  for (size_t member_idx = 0; member_idx < 4; ++member_idx) {
    if (members[member_idx].text.empty()) continue;
    StatusOr<data::Document> document =
        data::ReadJson(members[member_idx].text, members[member_idx].name, impl_->read_limits);
    if (!document.ok()) return ErrorDecision(engine.bundle(), document.status().message());
    documents[member_idx] = std::move(*document);
    *members[member_idx].node = documents[member_idx].root;
  }
  input.environment = std::string(request.environment);
  return service::embed::ToPublic(service::DecideAndStamp(engine, input, eval));
}

CheckResult Policies::Check(std::string_view text, std::string_view file_name,
                            const EvalContext& context, DocumentFormat format) const {
  const engine::Engine& engine = *impl_->bundle.engine;
  const policy::CompiledBundle& bundle = engine.bundle();
  CheckResult result;
  result.bundle_name = bundle.name;
  result.bundle_version = bundle.version;
  result.bundle_digest = bundle.digest;
  result.environment = context.environment;
  engine::EvalOptions eval;
  if (std::string error = ToEvalOptions(context, eval); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  service::ReadOptions read;
  read.limits = impl_->read_limits;
  StatusOr<std::vector<engine::DocumentInput>> inputs = service::ReadInputsFromText(
      text, file_name.empty() ? std::string("<input>") : std::string(file_name),
      ToInputFormat(format), read);
  if (!inputs.ok()) {
    result.error = inputs.status().message();
    return result;
  }
  result.documents.reserve(inputs->size());
  for (const engine::DocumentInput& input : *inputs) {
    result.documents.push_back(service::embed::ToPublic(engine.Check(input, eval)));
  }
  return result;
}

const std::string& Policies::name() const { return impl_->bundle.engine->bundle().name; }
const std::string& Policies::version() const { return impl_->bundle.engine->bundle().version; }
const std::string& Policies::digest() const { return impl_->bundle.engine->bundle().digest; }
size_t Policies::policy_count() const { return impl_->bundle.engine->bundle().policies.size(); }

}  // namespace api_v1
}  // namespace warden
