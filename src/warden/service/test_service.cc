#include "warden/service/test_service.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "warden/base/file.h"
#include "warden/cel/runtime/regex.h"
#include "warden/engine/coverage.h"
#include "warden/policy/loader.h"
#include "warden/policy/resolve.h"
#include "warden/service/input_classify.h"
#include "warden/service/request_service.h"

namespace warden::service {
namespace {

using tester::CaseResult;
using tester::TestCase;

bool IsYamlFile(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// The engine a case runs on: the bundle's, or one compiled for the case's parameters and
// exceptions (which it owns, with what they point into).
struct CaseEngine {
  const engine::Engine* engine = nullptr;
  std::unique_ptr<engine::Engine> owned;
  std::vector<std::shared_ptr<policy::PolicySet>> exception_sets;
};

// Sets the case's parameter values on every policy that declares them; false (with
// diagnostics) when a name is declared nowhere or a value has the wrong type.
bool ApplyParams(const TestCase& test_case, policy::BundleSource& source,
                 Diagnostics& diagnostics) {
  bool ok = true;
  std::vector<std::string_view> declared_names;
  for (const policy::ResolvedPolicy& resolved : source.policies) {
    for (const policy::ParamDecl& decl : resolved.doc.params) {
      declared_names.push_back(decl.name.value);
    }
  }
  for (const tester::ParamValue& param : test_case.params) {
    SourceLocation where{test_case.location.file, param.value->position()};
    bool declared = false;
    for (policy::ResolvedPolicy& resolved : source.policies) {
      for (const policy::ParamDecl& decl : resolved.doc.params) {
        if (decl.name.value != param.name) continue;
        declared = true;
        if (!policy::NodeHasParamType(*param.value, decl.type.value)) {
          diagnostics.Error("E152", where,
                            "parameter `" + param.name + "` of policy `" +
                                resolved.doc.metadata.name.value + "` must be of type " +
                                decl.type.value);
          ok = false;
        } else {
          resolved.param_values[param.name] = param.value;
        }
      }
    }
    if (!declared) {
      std::string closest = ClosestMatch(param.name, declared_names);
      diagnostics.Error("E152", where,
                        "no policy of the bundle declares a parameter `" + param.name + "`",
                        closest.empty() ? "" : "did you mean `" + closest + "`?");
      ok = false;
    }
  }
  return ok;
}

std::optional<CaseEngine> EngineForCase(const LoadedBundle& bundle, const TestCase& test_case,
                                        bool coverage, Diagnostics& diagnostics) {
  CaseEngine out;
  if (test_case.params.empty() && test_case.exception_files.empty()) {
    out.engine = bundle.engine.get();
    return out;
  }
  policy::BundleSource source = bundle.source;
  if (!ApplyParams(test_case, source, diagnostics)) return std::nullopt;
  bool ok = true;
  for (const std::string& file : test_case.exception_files) {
    auto set = std::make_shared<policy::PolicySet>();
    Diagnostics loaded;
    policy::LoadFile(file, *set, loaded);
    diagnostics.Merge(loaded);
    if (loaded.has_errors()) {
      ok = false;
      continue;
    }
    if (set->exceptions.empty()) {
      diagnostics.Error("E155", test_case.location,
                        "`" + file + "` holds no Exception for case `" + test_case.name + "`");
      ok = false;
      continue;
    }
    source.exceptions.insert(source.exceptions.end(), set->exceptions.begin(),
                             set->exceptions.end());
    out.exception_sets.push_back(std::move(set));
  }
  if (!ok) return std::nullopt;
  Diagnostics compiled_diagnostics;
  policy::CompileOptions compile;
  compile.lint = false;  // the bundle's own lints were reported when it loaded
  compile.coverage = coverage;
  auto compiled = policy::Compile(source, compiled_diagnostics, compile);
  if (compiled_diagnostics.has_errors()) {
    for (const Diagnostic& diagnostic : compiled_diagnostics.items()) {
      if (diagnostic.severity == DiagnosticSeverity::kError) diagnostics.Add(diagnostic);
    }
    return std::nullopt;
  }
  out.owned = engine::Engine::Build(compiled, {});
  out.engine = out.owned.get();
  return out;
}

// Whether some error text contains the expected one.
bool AnyContains(const std::vector<std::string>& errors, const std::string& expected) {
  return std::any_of(errors.begin(), errors.end(), [&](const std::string& error) {
    return error.find(expected) != std::string::npos;
  });
}

class CaseRunner {
 public:
  CaseRunner(const LoadedBundle& bundle, const TestOptions& options, Diagnostics& diagnostics)
      : bundle_(bundle), options_(options), diagnostics_(diagnostics) {
    if (options.coverage) recorder_.Register(*bundle.compiled);
  }

  const engine::CoverageRecorder& recorder() const { return recorder_; }

  CaseResult Run(const TestCase& test_case) {
    CaseResult result;
    result.test = test_case.test;
    result.name = test_case.name;
    result.location = test_case.location;
    Diagnostics case_diagnostics;
    std::optional<CaseEngine> engine =
        EngineForCase(bundle_, test_case, options_.coverage, case_diagnostics);
    if (!engine) {
      std::vector<std::string> problems;
      for (const Diagnostic& diagnostic : case_diagnostics.items()) {
        problems.push_back(FormatDiagnostic(diagnostic));
      }
      // A case may expect its parameters or exceptions to be refused (a template that
      // must reject a bad value): then the refusal is its result, not an invalid test.
      if (test_case.expect_error && !problems.empty()) {
        if (AnyContains(problems, *test_case.expect_error)) {
          result.expected_error_seen = true;
          result.passed = true;
        } else {
          result.mismatches.push_back({"expect_error: expected an error containing `" +
                                           *test_case.expect_error + "`, got `" + problems[0] + "`",
                                       {},
                                       {}});
        }
        return result;
      }
      diagnostics_.Merge(case_diagnostics);
      result.error = problems.empty() ? "the bundle does not compile for this case" : problems[0];
      return result;
    }
    engine::EvalOptions eval = options_.defaults;
    if (options_.coverage) {
      eval.coverage = &recorder_;
      if (engine->owned != nullptr) recorder_.Register(engine->owned->bundle());
    }
    if (!test_case.environment.empty()) eval.environment = test_case.environment;
    if (test_case.has_now) {
      eval.now_seconds = test_case.now_seconds;
      eval.now_nanos = test_case.now_nanos;
    }

    std::vector<std::string> errors;  // input and evaluation errors, for expect_error
    std::optional<tester::CaseActual> actual;
    std::string input_error;
    if (test_case.input == tester::InputKind::kRequest ||
        test_case.input == tester::InputKind::kRequestFile) {
      StatusOr<engine::RequestInput> request = InvalidArgument("no request");
      if (test_case.input == tester::InputKind::kRequest) {
        data::Document document{test_case.location.file, 0, test_case.inline_input, nullptr};
        request = RequestFromDocument(document);
      } else {
        StatusOr<std::string> text = ReadFile(test_case.input_file);
        request = text.ok() ? ParseRequest(*text, test_case.input_file)
                            : StatusOr<engine::RequestInput>(text.status());
      }
      if (!request.ok()) {
        input_error = request.status().message();
      } else {
        actual = tester::ActualOfDecision(engine->engine->Decide(*request, eval));
      }
    } else {
      std::vector<engine::DocumentInput> inputs;
      if (test_case.input == tester::InputKind::kFile) {
        StatusOr<std::vector<engine::DocumentInput>> read =
            ReadInputs(InputFile{test_case.input_file, std::nullopt}, options_.read);
        if (read.ok()) {
          inputs = std::move(*read);
        } else {
          input_error = read.status().message();
        }
      } else {
        data::Document document{test_case.location.file, 0, test_case.inline_input, nullptr};
        ClassifyDocument(document, data::Format::kYaml, inputs);
      }
      if (input_error.empty()) {
        std::vector<engine::DocumentResult> results;
        for (const engine::DocumentInput& input : inputs) {
          results.push_back(engine->engine->Check(input, eval));
        }
        actual = tester::ActualOfDocuments(results);
      }
    }

    if (!input_error.empty()) {
      errors.push_back(input_error);
      if (!test_case.expect_error) {
        diagnostics_.Error(
            "E151", test_case.location,
            "the input of case `" + test_case.name + "` cannot be read: " + input_error);
        result.error = input_error;
        return result;
      }
    }
    if (actual) {
      for (const engine::EvaluationError& error : actual->errors) errors.push_back(error.message);
      result.mismatches = tester::Compare(test_case.expect, *actual);
    }
    if (test_case.expect_error) {
      if (AnyContains(errors, *test_case.expect_error)) {
        result.expected_error_seen = true;
      } else {
        std::string got = errors.empty() ? "none" : "`" + errors[0] + "`";
        result.mismatches.push_back({"expect_error: expected an error" +
                                         (test_case.expect_error->empty()
                                              ? ""
                                              : " containing `" + *test_case.expect_error + "`") +
                                         ", got " + got,
                                     {},
                                     {}});
      }
    }
    result.passed = result.mismatches.empty();
    return result;
  }

 private:
  const LoadedBundle& bundle_;
  const TestOptions& options_;
  Diagnostics& diagnostics_;
  engine::CoverageRecorder recorder_;
};

}  // namespace

std::vector<policy::TestDoc> CollectTests(const LoadedBundle& bundle,
                                          const std::vector<std::string>& paths,
                                          std::shared_ptr<policy::PolicySet>& storage,
                                          Diagnostics& diagnostics) {
  if (paths.empty()) return bundle.source.tests;
  storage = std::make_shared<policy::PolicySet>();
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      for (auto it = std::filesystem::recursive_directory_iterator(path, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && IsYamlFile(it->path())) {
          files.push_back(it->path().string());
        }
      }
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) policy::LoadFile(file, *storage, diagnostics);
  return storage->tests;
}

std::vector<std::string> TestInputFiles(const std::vector<policy::TestDoc>& tests) {
  std::vector<std::string> out;
  Diagnostics ignored;  // reported when the cases run
  for (const policy::TestDoc& test : tests) {
    for (const TestCase& test_case : tester::ReadTestCases(test, ignored)) {
      if (!test_case.input_file.empty()) out.push_back(test_case.input_file);
      out.insert(out.end(), test_case.exception_files.begin(), test_case.exception_files.end());
    }
  }
  return out;
}

void ValidateTests(const policy::BundleSource& source, Diagnostics& diagnostics) {
  for (const policy::TestDoc& test : source.tests) tester::ReadTestCases(test, diagnostics);
}

StatusOr<tester::TestRun> RunTests(const LoadedBundle& bundle,
                                   const std::vector<policy::TestDoc>& tests,
                                   const TestOptions& options, Diagnostics& diagnostics) {
  std::unique_ptr<cel::Regex> filter;
  if (!options.run_filter.empty()) {
    constexpr size_t kMaxFilterProgram = 1 << 16;
    StatusOr<std::unique_ptr<cel::Regex>> compiled =
        cel::Regex::Compile(options.run_filter, kMaxFilterProgram);
    if (!compiled.ok()) return compiled.status();
    filter = std::move(*compiled);
  }
  tester::TestRun run;
  CaseRunner runner(bundle, options, diagnostics);
  for (const policy::TestDoc& test : tests) {
    for (const TestCase& test_case : tester::ReadTestCases(test, diagnostics)) {
      if (filter != nullptr && !filter->PartialMatch(test_case.FullName())) {
        ++run.filtered_out;
        continue;
      }
      run.cases.push_back(runner.Run(test_case));
    }
  }
  if (options.coverage) run.coverage = tester::SummarizeCoverage(runner.recorder());
  return run;
}

}  // namespace warden::service
