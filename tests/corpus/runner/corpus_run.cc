#include "corpus/runner/corpus_run.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "warden/cel/eval/typed_value.h"
#include "warden/service/bundle_service.h"
#include "warden/service/check_service.h"
#include "warden/service/input_discovery.h"
#include "warden/service/request_service.h"

namespace warden::corpus {
namespace {

namespace fs = std::filesystem;

bool WriteFiles(const std::string& directory, const FileList& files, std::string& error) {
  for (const auto& [name, text] : files) {
    fs::path path = fs::path(directory) / name;
    std::error_code code;
    fs::create_directories(path.parent_path(), code);
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      error = "cannot write `" + path.string() + "`";
      return false;
    }
  }
  return true;
}

// Changes the working directory for its lifetime.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const std::string& directory) {
    std::error_code error;
    previous_ = fs::current_path(error);
    fs::current_path(directory, error);
  }
  ~WorkingDirectory() {
    std::error_code error;
    fs::current_path(previous_, error);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path previous_;
};

void StripPrefix(std::string& path, const std::string& prefix) {
  if (path.rfind(prefix, 0) == 0) path.erase(0, prefix.size());
}

std::string Scalar(const data::Node& node) {
  switch (node.kind()) {
    case data::NodeKind::kString:
      return std::string(node.string_value());
    case data::NodeKind::kInt:
      return std::to_string(node.int_value());
    case data::NodeKind::kUint:
      return std::to_string(node.uint_value());
    case data::NodeKind::kBool:
      return node.bool_value() ? "true" : "false";
    case data::NodeKind::kNull:
      return "null";
    default:
      return "<" + std::string(data::NodeKindName(node.kind())) + ">";
  }
}

std::vector<std::string> Strings(const data::Node& node) {
  std::vector<std::string> out;
  if (!node.is_list()) {
    out.push_back(Scalar(node));
    return out;
  }
  for (const data::Node& item : node.items()) out.push_back(Scalar(item));
  return out;
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t index = 0; index < values.size(); ++index) {
    if (index > 0) out += ", ";
    out += values[index];
  }
  return out + "]";
}

std::string RuleName(const std::string& policy, const std::string& rule) {
  return policy + "/" + rule;
}

std::vector<std::string> RuleNames(const std::vector<engine::DecidingRule>& rules) {
  std::vector<std::string> out;
  for (const engine::DecidingRule& rule : rules) out.push_back(RuleName(rule.policy, rule.rule));
  return out;
}

std::string PairKey(const std::string& file, size_t document_index,
                    std::optional<size_t> item_index, const std::string& policy) {
  std::string key = file + "#" + std::to_string(document_index);
  if (item_index) key += "[" + std::to_string(*item_index) + "]";
  return key + " " + policy;
}

std::map<std::string, std::string> ViolationFields(const engine::Violation& violation) {
  return {{"rule", violation.rule},
          {"line", std::to_string(violation.line)},
          {"column", std::to_string(violation.column)},
          {"path", violation.path},
          {"message", violation.message},
          {"remediation", violation.remediation},
          {"waived_by", violation.waived_by},
          {"enforcement", policy::EnforcementName(violation.enforcement)},
          {"severity", policy::SeverityName(violation.severity)},
          {"effect", policy::EffectName(violation.effect)},
          {"file", violation.file}};
}

// Compares the keys present in `expected` with `actual`.
void CompareFields(const std::string& what, const data::Node& expected,
                   const std::map<std::string, std::string>& actual,
                   std::vector<std::string>& problems) {
  for (const data::MapEntry& entry : expected.entries()) {
    auto found = actual.find(std::string(entry.key()));
    if (found == actual.end()) {
      problems.push_back(what + ": unknown expectation `" + std::string(entry.key()) + "`");
      continue;
    }
    std::string want = Scalar(entry.value);
    if (found->second != want) {
      problems.push_back(what + ": " + std::string(entry.key()) + " is `" + found->second +
                         "`, expected `" + want + "`");
    }
  }
}

void ComparePair(const std::string& key, const data::Node& expected,
                 const engine::PolicyResult& actual, std::vector<std::string>& problems) {
  static const std::set<std::string> kKeys = {
      "file",   "document_index", "item_index", "resource",    "policy",
      "status", "errors",         "violations", "enforcement", "waived_by"};
  for (const data::MapEntry& entry : expected.entries()) {
    if (kKeys.count(std::string(entry.key())) == 0) {
      problems.push_back(key + ": unknown expectation `" + std::string(entry.key()) + "`");
    }
  }
  std::string status = engine::OutcomeName(actual.outcome);
  if (const data::Node* want = expected.Find("status"); want && Scalar(*want) != status) {
    problems.push_back(key + ": status is `" + status + "`, expected `" + Scalar(*want) + "`");
  }
  if (const data::Node* want = expected.Find("enforcement")) {
    std::string got = policy::EnforcementName(actual.enforcement);
    if (Scalar(*want) != got) {
      problems.push_back(key + ": enforcement is `" + got + "`, expected `" + Scalar(*want) + "`");
    }
  }
  if (const data::Node* want = expected.Find("waived_by")) {
    if (Strings(*want) != actual.waived_by) {
      problems.push_back(key + ": waived_by is " + Joined(actual.waived_by) + ", expected " +
                         Joined(Strings(*want)));
    }
  }
  const data::Node* errors = expected.Find("errors");
  if (errors != nullptr) {
    if (Scalar(*errors) != std::to_string(actual.errors.size())) {
      problems.push_back(key + ": " + std::to_string(actual.errors.size()) +
                         " evaluation errors, expected " + Scalar(*errors));
    }
  } else if (status != "error" && !actual.errors.empty()) {
    problems.push_back(key + ": unexpected evaluation error `" + actual.errors.front().message +
                       "`");
  }
  const data::Node* violations = expected.Find("violations");
  size_t want_count = violations != nullptr ? violations->size() : 0;
  if (actual.violations.size() != want_count) {
    std::string found;
    for (const engine::Violation& violation : actual.violations) {
      found += " " + violation.rule + "@" + std::to_string(violation.line) + ":" +
               std::to_string(violation.column) + "`" + violation.message + "`";
    }
    problems.push_back(key + ": " + std::to_string(actual.violations.size()) +
                       " violations, expected " + std::to_string(want_count) + ";" + found);
    return;
  }
  for (size_t index = 0; index < want_count; ++index) {
    const data::Node& want = violations->item(index);
    if (!want.is_map() || want.Find("rule") == nullptr) {
      problems.push_back(key + ": violation " + std::to_string(index) + " needs a `rule`");
      continue;
    }
    CompareFields(key + " violation " + std::to_string(index), want,
                  ViolationFields(actual.violations[index]), problems);
  }
}

void CompareDocuments(const CorpusCase& c, const CaseRun& run, std::vector<std::string>& problems) {
  // Results by pair key; one key may hold several inputs of a document (the resource
  // changes of a Terraform plan), told apart by their resource name.
  struct Actual {
    std::string resource;
    const engine::PolicyResult* result;
    bool matched = false;
  };
  std::map<std::string, std::vector<Actual>> actual;
  for (const engine::DocumentResult& document : run.report.results) {
    for (const engine::PolicyResult& result : document.policies) {
      actual[PairKey(document.file, document.document_index, document.item_index, result.policy)]
          .push_back({document.resource.name, &result});
    }
  }
  if (c.expect_documents != nullptr) {
    for (const data::Node& pair : c.expect_documents->items()) {
      const data::Node* file = pair.Find("file");
      const data::Node* policy = pair.Find("policy");
      if (!pair.is_map() || file == nullptr || policy == nullptr) {
        problems.push_back("an expect_documents entry needs `file` and `policy`");
        continue;
      }
      size_t document_index = 0;
      if (const data::Node* index = pair.Find("document_index")) {
        document_index = static_cast<size_t>(std::stoul(Scalar(*index)));
      }
      std::optional<size_t> item_index;
      if (const data::Node* index = pair.Find("item_index")) {
        item_index = static_cast<size_t>(std::stoul(Scalar(*index)));
      }
      std::string key = PairKey(Scalar(*file), document_index, item_index, Scalar(*policy));
      const data::Node* resource = pair.Find("resource");
      if (resource != nullptr) key += " @" + Scalar(*resource);
      std::vector<Actual*> candidates;
      auto found = actual.find(PairKey(Scalar(*file), document_index, item_index, Scalar(*policy)));
      if (found != actual.end()) {
        for (Actual& entry : found->second) {
          if (!entry.matched && (resource == nullptr || entry.resource == Scalar(*resource))) {
            candidates.push_back(&entry);
          }
        }
      }
      if (candidates.empty()) {
        problems.push_back(key + ": expected a result, got none");
        continue;
      }
      if (candidates.size() > 1) {
        problems.push_back(key + ": several inputs match; give `resource`");
        continue;
      }
      candidates.front()->matched = true;
      ComparePair(key, pair, *candidates.front()->result, problems);
    }
  }
  for (const auto& [key, entries] : actual) {
    for (const Actual& entry : entries) {
      if (!entry.matched) {
        problems.push_back(key + " @" + entry.resource + ": unexpected result `" +
                           engine::OutcomeName(entry.result->outcome) + "`");
      }
    }
  }
  std::vector<std::string> input_errors;
  for (const report::InputError& error : run.report.input_errors) {
    input_errors.push_back(error.file);
  }
  std::vector<std::string> want = c.expect_input_errors;
  std::sort(input_errors.begin(), input_errors.end());
  std::sort(want.begin(), want.end());
  if (input_errors != want) {
    problems.push_back("input errors in " + Joined(input_errors) + ", expected " + Joined(want));
  }
}

void CompareDecision(const std::string& what, const data::Node& expect,
                     const engine::RequestDecision& decision, std::vector<std::string>& problems) {
  std::vector<std::string> approvers;
  for (const engine::Obligation& obligation : decision.obligations) {
    approvers.insert(approvers.end(), obligation.approvers.begin(), obligation.approvers.end());
  }
  std::vector<std::string> messages;
  for (const engine::DecidingRule& rule : decision.rules) messages.push_back(rule.message);
  std::vector<std::string> errors;
  for (const engine::EvaluationError& error : decision.errors) errors.push_back(error.message);
  std::map<std::string, std::vector<std::string>> lists = {
      {"rules", RuleNames(decision.rules)},
      {"messages", messages},
      {"approvers", approvers},
      {"warnings", RuleNames(decision.warnings)},
      {"audits", RuleNames(decision.audits)},
      {"waived", RuleNames(decision.waived)},
      {"waived_by", decision.waived_by}};
  std::map<std::string, std::string> scalars = {
      {"decision", engine::DecisionName(decision.decision)},
      {"default", decision.by_default ? "true" : "false"},
      {"obligations", std::to_string(decision.obligations.size())},
      {"errors", std::to_string(decision.errors.size())}};
  for (const data::MapEntry& entry : expect.entries()) {
    std::string key(entry.key());
    if (auto list = lists.find(key); list != lists.end()) {
      if (Strings(entry.value) != list->second) {
        problems.push_back(what + ": " + key + " is " + Joined(list->second) + ", expected " +
                           Joined(Strings(entry.value)));
      }
    } else if (auto scalar = scalars.find(key); scalar != scalars.end()) {
      if (Scalar(entry.value) != scalar->second) {
        std::string detail = key == "errors" && !errors.empty() ? " " + Joined(errors) : "";
        problems.push_back(what + ": " + key + " is `" + scalar->second + "`, expected `" +
                           Scalar(entry.value) + "`" + detail);
      }
    } else {
      problems.push_back(what + ": unknown expectation `" + key + "`");
    }
  }
  // Unless the case says otherwise, a decision must come without evaluation errors.
  if (expect.Find("errors") == nullptr && !decision.errors.empty()) {
    problems.push_back(what + ": unexpected evaluation error `" + decision.errors.front().message +
                       "`");
  }
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& diagnostics,
                               DiagnosticSeverity severity) {
  std::set<std::string> codes;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == severity) codes.insert(diagnostic.code);
  }
  return {codes.begin(), codes.end()};
}

std::vector<std::string> Sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace

FileList Overlay(const FileList& files, const FileList& overrides) {
  FileList out = files;
  for (const auto& [name, text] : overrides) {
    auto found =
        std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == name; });
    if (found != out.end()) {
      found->second = text;
    } else {
      out.emplace_back(name, text);
    }
  }
  return out;
}

CaseRun RunCase(const CorpusCase& c, const FileList& files, bool use_index,
                const std::string& work_dir) {
  CaseRun run;
  std::error_code code;
  fs::remove_all(work_dir, code);
  const std::string bundle_dir = work_dir + "/bundle";
  const std::string inputs_dir = work_dir + "/inputs";
  fs::create_directories(bundle_dir, code);
  if (!WriteFiles(bundle_dir, files, run.setup_error) ||
      !WriteFiles(inputs_dir, c.documents, run.setup_error)) {
    return run;
  }

  service::BundleSpec spec;
  spec.use_index = use_index;
  if (c.load_policies) {
    for (const auto& [name, text] : files) spec.policies.push_back(bundle_dir + "/" + name);
  } else {
    spec.directory = bundle_dir;
  }
  Diagnostics diagnostics;
  service::LoadedBundle bundle = service::LoadBundle(spec, diagnostics);
  run.diagnostics = diagnostics.items();
  run.loaded = !diagnostics.has_errors() && bundle.engine != nullptr;
  if (!run.loaded) return run;

  engine::EvalOptions eval;
  eval.environment = c.environment;
  std::optional<cel::Value> now = cel::ParseTimestampValue(c.now);
  if (!now) {
    run.setup_error = "`now` is not an RFC 3339 timestamp";
    return run;
  }
  eval.now_seconds = now->seconds();
  eval.now_nanos = now->nanos();

  if (!c.documents.empty()) {
    service::DiscoveryOptions discovery;
    if (!c.input_format.empty()) {
      discovery.format = service::ParseInputFormat(c.input_format);
      if (!discovery.format) {
        run.setup_error = "unknown input_format `" + c.input_format + "`";
        return run;
      }
    }
    // Documents are named relative to their directory, as `warden check` run there
    // names them (exception `files` targets match these names).
    std::vector<std::string> paths;
    for (const auto& [name, text] : c.documents) paths.push_back(name);
    WorkingDirectory in_inputs(inputs_dir);
    StatusOr<std::vector<service::InputFile>> inputs = service::DiscoverInputs(paths, discovery);
    if (!inputs.ok()) {
      run.setup_error = "discovering the documents: " + inputs.status().message();
      return run;
    }
    service::CheckOptions options;
    options.eval = eval;
    options.threads = 1;
    run.report = service::RunCheck(*bundle.engine, *inputs, options);
    const std::string input_prefix = inputs_dir + "/";
    const std::string bundle_prefix = bundle_dir + "/";
    for (engine::DocumentResult& document : run.report.results) {
      StripPrefix(document.file, input_prefix);
      for (engine::PolicyResult& result : document.policies) {
        for (engine::Violation& violation : result.violations) {
          StripPrefix(violation.file, input_prefix);
        }
        for (engine::EvaluationError& error : result.errors) StripPrefix(error.file, bundle_prefix);
      }
    }
    for (report::InputError& error : run.report.input_errors) {
      StripPrefix(error.file, input_prefix);
      StripPrefix(error.message, input_prefix);
    }
  }

  for (size_t index = 0; index < c.requests.size(); ++index) {
    StatusOr<engine::RequestInput> request =
        service::ParseRequest(c.requests[index].json, "request " + std::to_string(index));
    if (!request.ok()) {
      run.setup_error = "request " + std::to_string(index) + ": " + request.status().message();
      return run;
    }
    engine::RequestDecision decision = bundle.engine->Decide(*request, eval);
    for (engine::EvaluationError& error : decision.errors) {
      StripPrefix(error.file, bundle_dir + "/");
    }
    run.decisions.push_back(std::move(decision));
  }
  return run;
}

std::vector<std::string> CompareWithExpectations(const CorpusCase& c, const CaseRun& run) {
  std::vector<std::string> problems;
  if (!run.setup_error.empty()) {
    problems.push_back("the case could not run: " + run.setup_error);
    return problems;
  }
  std::vector<std::string> errors = Codes(run.diagnostics, DiagnosticSeverity::kError);
  if (c.expect_diagnostics) {
    if (errors != Sorted(*c.expect_diagnostics)) {
      problems.push_back("error codes are " + Joined(errors) + ", expected " +
                         Joined(Sorted(*c.expect_diagnostics)));
    }
  } else if (!errors.empty()) {
    for (const Diagnostic& diagnostic : run.diagnostics) {
      problems.push_back("unexpected diagnostic: " + FormatDiagnostic(diagnostic));
    }
  }
  if (c.expect_warnings) {
    std::vector<std::string> warnings = Codes(run.diagnostics, DiagnosticSeverity::kWarning);
    if (warnings != Sorted(*c.expect_warnings)) {
      problems.push_back("warning codes are " + Joined(warnings) + ", expected " +
                         Joined(Sorted(*c.expect_warnings)));
    }
  }
  if (!run.loaded) return problems;
  CompareDocuments(c, run, problems);
  for (size_t index = 0; index < c.requests.size() && index < run.decisions.size(); ++index) {
    CompareDecision("request " + std::to_string(index) + " (line " +
                        std::to_string(c.requests[index].position.line) + ")",
                    *c.requests[index].expect, run.decisions[index], problems);
  }
  return problems;
}

std::string CanonicalText(const CaseRun& run, bool with_digest) {
  std::string out;
  auto line = [&](const std::string& text) { out += text + "\n"; };
  for (const std::string& code : Codes(run.diagnostics, DiagnosticSeverity::kError)) {
    line("error " + code);
  }
  for (const std::string& code : Codes(run.diagnostics, DiagnosticSeverity::kWarning)) {
    line("warning " + code);
  }
  line(std::string("loaded ") + (run.loaded ? "yes" : "no"));
  if (with_digest) line("bundle " + run.report.bundle_digest);
  for (const engine::DocumentResult& document : run.report.results) {
    line("document " + PairKey(document.file, document.document_index, document.item_index, "") +
         document.resource.api_version + "/" + document.resource.kind + " " +
         document.resource.namespace_name + "/" + document.resource.name);
    for (const engine::PolicyResult& result : document.policies) {
      line("  policy " + result.policy + " " + engine::OutcomeName(result.outcome) + " " +
           policy::EnforcementName(result.enforcement) + " waived_by=" + Joined(result.waived_by));
      for (const engine::Violation& violation : result.violations) {
        std::string text = "    violation";
        for (const auto& [key, value] : ViolationFields(violation)) text += " " + key + "=" + value;
        line(text + " controls=" + Joined(violation.controls));
      }
      for (const engine::EvaluationError& error : result.errors) {
        line("    error " + error.rule + " " + error.file + ":" + std::to_string(error.line) + ":" +
             std::to_string(error.column) + " " + error.message);
      }
    }
  }
  for (const report::InputError& error : run.report.input_errors) {
    line("input_error " + error.file + ":" + std::to_string(error.line) + ":" +
         std::to_string(error.column) + " " + error.message);
  }
  for (size_t index = 0; index < run.decisions.size(); ++index) {
    const engine::RequestDecision& decision = run.decisions[index];
    line("request " + std::to_string(index) + " " + engine::DecisionName(decision.decision) +
         (decision.by_default ? " (default)" : ""));
    if (with_digest) line("  bundle " + decision.bundle_digest);
    for (const engine::DecidingRule& rule : decision.rules) {
      line("  rule " + RuleName(rule.policy, rule.rule) + " " + policy::EffectName(rule.effect) +
           " " + rule.message);
    }
    for (const std::string& reason : decision.reasons) line("  reason " + reason);
    for (const engine::Obligation& obligation : decision.obligations) {
      line("  obligation " + obligation.type + " " + RuleName(obligation.policy, obligation.rule) +
           " " + Joined(obligation.approvers));
    }
    line("  warnings " + Joined(RuleNames(decision.warnings)));
    line("  audits " + Joined(RuleNames(decision.audits)));
    line("  waived " + Joined(RuleNames(decision.waived)) + " by " + Joined(decision.waived_by));
    for (const engine::EvaluationError& error : decision.errors) {
      line("  error " + RuleName(error.policy, error.rule) + " " + error.file + ":" +
           std::to_string(error.line) + ":" + std::to_string(error.column) + " " + error.message);
    }
  }
  return out;
}

}  // namespace warden::corpus
