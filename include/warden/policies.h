#pragma once
// Warden's public embedding API (docs/embedding.md): load policies once, then decide
// authorization requests and check configuration documents from any number of threads.
//
//   std::vector<warden::LoadError> errors;
//   std::shared_ptr<const warden::Policies> policies =
//       warden::Policies::LoadBundle("policies/authz", &errors);
//   if (policies == nullptr) { /* log each errors[i].ToString(), refuse to start */ }
//
//   warden::EvalContext context;
//   context.environment = "production";
//   context.now_unix_seconds = warden::UnixNow();
//   warden::Decision decision = policies->Decide(
//       R"({"subject": {"id": "u1", "role": "analyst"}, "action": "data:read",
//           "resource": "dataset://public/prices"})",
//       context);
//   if (!decision.allowed()) { /* refuse; decision.reasons says why */ }
//
// Compile once, evaluate many: loading reads every policy file, checks it, compiles
// every CEL expression and builds the rule index. The Policies it returns are
// immutable; Decide and Check are `const`, keep their scratch state per call and per
// thread, and may be called from any number of threads at once without locking.
//
// Lifetime: share the `std::shared_ptr<const Policies>`. To reload, load a new one and
// swap the pointer (for instance a `std::atomic<std::shared_ptr<const Policies>>`):
// calls in flight keep the old snapshot alive until they return. Results (Decision,
// CheckResult) own their data and may outlive the Policies that made them.
//
// Failures: mistakes in the policies are LoadErrors (codes, file:line:column) and no
// Policies; a malformed request or document is a result whose `error` is set, and which
// fails closed (deny / blocked); an expression that fails while evaluating is an
// EvaluationError in the result and fails closed unless its policy says otherwise.
// Nothing here throws, except std::bad_alloc when memory runs out.
//
// Only the C++ standard library appears in the public headers (`<warden/...>` directly
// under include/); link the CMake target `warden_api` (alias `warden::api`).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warden/check_result.h"
#include "warden/decision.h"
#include "warden/vocabulary.h"

namespace warden {
inline namespace api_v1 {

// Settings fixed at load time. Defaults are those of the `warden` CLI.
struct Options {
  // false: every policy is a candidate for every input (a linear scan) instead of going
  // through the rule index. Results are identical; only for differential testing.
  bool use_index = true;
  // Inputs (request JSON, document text): the largest text accepted and the deepest
  // nesting of lists and maps. Beyond either, the result's `error` is set.
  size_t max_input_bytes = size_t{256} << 20;
  uint32_t max_depth = 1000;
  // Per evaluation of one CEL expression: abstract cost units (one per call, iteration,
  // or element or byte for functions whose work grows with their input), comprehension
  // iterations, and memory for the values it makes. An expression over a limit
  // evaluates to an error, which fails closed.
  uint64_t max_cost = 10'000'000;
  uint64_t max_iterations = 1'000'000;
  size_t max_eval_memory_bytes = size_t{64} << 20;
};

// A problem found while loading policies. Loading collects all of them (up to 1,000)
// instead of stopping at the first.
struct LoadError {
  // Stable code (`E101` unknown field, `E102` wrong type, ...): test and branch on it,
  // never on `message`.
  std::string code;
  // A warning does not stop loading; an error does (Load* returns nullptr).
  bool warning = false;
  std::string file;
  uint32_t line = 0;  // 1-based; 0 when unknown
  uint32_t column = 0;
  // Lowercase, no final period, user values in backticks: ``unknown field `sevrity` ``.
  std::string message;
  // An optional hint: ``did you mean `severity`?``.
  std::string help;
  // Optional: the source line(s) with a caret under the column, already formatted.
  std::string snippet;

  // The compiler-style text `warden validate` prints, without a trailing newline:
  // `file:line:column: error[E101]: message`, then the snippet and `  = help: ...`.
  std::string ToString() const;
};

// Per-call settings of Decide and Check.
struct EvalContext {
  // The environment to evaluate in (`warden --env`): it selects the bundle's
  // `environments:` enforcement settings and matches `match.environments`. Empty: none,
  // and a request's own `environment` member applies.
  std::string environment;
  // The evaluation time, seconds since the Unix epoch (UTC), and its nanoseconds
  // (0 to 999,999,999). It is CEL's `now` and the instant exceptions' `expires` are
  // compared with. Required: the library never reads the clock (pass UnixNow(), or a
  // fixed time in tests), and a call with `now_unix_seconds == 0` fails closed with
  // `error` set, so an unset time cannot keep expired exceptions alive.
  int64_t now_unix_seconds = 0;
  int32_t now_nanos = 0;
};

// The current wall-clock time in Unix seconds, for EvalContext::now_unix_seconds.
inline int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A request given member by member instead of as one JSON object. Each member is JSON
// text (any JSON value: `{"id": "u1"}`, `"data:read"`, `42`); an empty member is left
// out, and a condition that reads a missing member evaluates to an error (fail closed).
// Views: the texts need to live only during the call.
struct Request {
  std::string_view subject;
  std::string_view action;
  std::string_view resource;
  std::string_view context;
  // Plain text, not JSON: the request's environment, used when EvalContext names none.
  std::string_view environment;
};

// `text` as a quoted JSON string, for Request members that are strings:
// `JsonString("data:read")` is `"data:read"` with the quotes. Invalid UTF-8 becomes
// U+FFFD.
std::string JsonString(std::string_view text);

// The format of a document given to Check.
enum class DocumentFormat {
  kFromName,  // from the file name's extension (`.yaml`, `.json`, `.jsonl`, `.toml`) or
              // name (`Dockerfile`, `*.dockerfile`, `Containerfile`); guessed from the
              // text when the name tells none (JSON if it starts with `{` or `[`, else
              // YAML)
  kYaml,
  kJson,
  kJsonLines,
  kToml,
  kDockerfile,
  kTerraform,  // JSON that must be a Terraform plan (`terraform show -json`)
};

// A loaded, compiled policy bundle.
class Policies {
  struct Key {
    explicit Key() = default;
  };

 public:
  struct Impl;

  // Loads the bundle in `directory`: its manifest (`bundle.yaml`, `bundle.yml` or
  // `warden.yaml`) and the policies and exceptions it names; without a manifest, every
  // YAML file below the directory with default settings (deny-overrides, default
  // allow). Returns nullptr when there is any error. `errors` (optional) receives every
  // error and warning, sorted by file, line, column.
  static std::shared_ptr<const Policies> LoadBundle(const std::string& directory,
                                                    std::vector<LoadError>* errors = nullptr,
                                                    const Options& options = {});

  // Loads policy files and directories (every YAML file below) as one bundle with the
  // default settings. Otherwise as LoadBundle.
  static std::shared_ptr<const Policies> LoadFiles(const std::vector<std::string>& paths,
                                                   std::vector<LoadError>* errors = nullptr,
                                                   const Options& options = {});

  // Decides one request given as a JSON object with the members `subject`, `action`,
  // `resource`, `context` and `environment` (a string), all optional; any other member
  // is an error. Positions in errors name the text `request`.
  Decision Decide(std::string_view request_json, const EvalContext& context) const;

  // Decides one request given member by member (see Request). Positions in errors name
  // the member (`subject:1:7: ...`).
  Decision Decide(const Request& request, const EvalContext& context) const;

  // Checks the documents in `text`; `file_name` names them in results and positions and,
  // with kFromName, tells their format (e.g. `deploy/app.yaml`, `Dockerfile`). An empty
  // name is `<input>`.
  CheckResult Check(std::string_view text, std::string_view file_name, const EvalContext& context,
                    DocumentFormat format = DocumentFormat::kFromName) const;

  // The bundle's `metadata.name` and `metadata.version` (without a manifest: the
  // directory's name and no version) and the sha256 (hex) of its sources: record them
  // with decisions.
  const std::string& name() const;
  const std::string& version() const;
  const std::string& digest() const;
  // Policies in the bundle, after templates and inheritance.
  size_t policy_count() const;

  // For the loaders only (the Key is private): use LoadBundle or LoadFiles.
  Policies(Key, std::unique_ptr<const Impl> impl);
  ~Policies();
  Policies(const Policies&) = delete;
  Policies& operator=(const Policies&) = delete;

 private:
  std::unique_ptr<const Impl> impl_;
};

// The version of the Warden library, e.g. `0.1.0`.
const char* LibraryVersion();

}  // namespace api_v1
}  // namespace warden
