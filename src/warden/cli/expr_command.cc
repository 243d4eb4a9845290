// `warden expr`: evaluates a CEL expression against documents and variables.
//
//   warden expr 'size(object.spec.containers) > 1' --input deploy.yaml
//   warden expr 'x + 1' --var x=41
//   warden expr --batch cases.jsonl        (one typed JSON request per line; `-` = stdin)

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "warden/base/file.h"
#include "warden/cel/eval/batch.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/cli/commands.h"
#include "warden/data/json_reader.h"
#include "warden/data/reader.h"

namespace warden::cli {

namespace {

struct ExprFlags {
  std::string expression;
  std::vector<std::string> inputs;
  std::string input_format;
  std::vector<std::string> vars;
  std::string batch;
  std::string container;
  std::string now;
  std::string output = "json";
  bool no_check = false;
};

std::optional<data::Format> ParseFormat(const std::string& name) {
  if (name == "json") return data::Format::kJson;
  if (name == "jsonl") return data::Format::kJsonLines;
  if (name == "yaml") return data::Format::kYaml;
  if (name == "toml") return data::Format::kToml;
  return std::nullopt;
}

ExitCode RunBatch(const ExprFlags& flags) {
  std::FILE* in = flags.batch == "-" ? stdin : std::fopen(flags.batch.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "error: cannot open `%s`\n", flags.batch.c_str());
    return ExitCode::kUsage;
  }
  cel::BatchOptions options;
  std::string line;
  int c;
  bool more = true;
  while (more) {
    line.clear();
    while ((c = std::fgetc(in)) != EOF && c != '\n') line.push_back(static_cast<char>(c));
    more = c != EOF;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() && !more) break;
    std::string out = cel::EvaluateBatchLine(line, options);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (in != stdin) std::fclose(in);
  return ExitCode::kOk;
}

// One evaluation target: a document (or none) with a label for output.
struct Target {
  std::string label;
  const data::Document* document = nullptr;
};

ExitCode RunSingle(const ExprFlags& flags) {
  std::shared_ptr<cel::Env> env = cel::Env::Create();
  if (!flags.container.empty()) env->set_container(flags.container);
  env->DeclareVariable("object", cel::Type::Dyn());
  env->DeclareVariable("input", cel::Type::Dyn());
  env->DeclareVariable("now", cel::Type::Timestamp());

  // --var name=JSON
  std::vector<data::Document> var_documents;
  std::vector<std::string> var_names;
  for (const std::string& var : flags.vars) {
    size_t equals = var.find('=');
    if (equals == std::string::npos || equals == 0) {
      std::fprintf(stderr, "error: `--var %s`: expected NAME=JSON\n", var.c_str());
      return ExitCode::kUsage;
    }
    std::string name = var.substr(0, equals);
    auto document = data::ReadJson(var.substr(equals + 1), "--var " + name);
    if (!document.ok()) {
      std::fprintf(stderr, "error: %s\n", document.status().message().c_str());
      return ExitCode::kUsage;
    }
    env->DeclareVariable(name, cel::Type::Dyn());
    var_names.push_back(name);
    var_documents.push_back(std::move(*document));
  }

  cel::CompileOptions options;
  options.check = !flags.no_check;
  cel::CompileResult compiled = env->Compile(flags.expression, options);
  if (!compiled.ok()) {
    std::fputs(compiled.FormatIssues().c_str(), stderr);
    return ExitCode::kUsage;
  }

  // Documents from --input; without inputs, one evaluation with `object` unbound.
  std::vector<data::Document> documents;
  for (const std::string& path : flags.inputs) {
    std::optional<data::Format> format;
    if (!flags.input_format.empty()) {
      format = ParseFormat(flags.input_format);
      if (!format) {
        std::fprintf(stderr, "error: unknown format `%s` (json, jsonl, yaml, toml)\n",
                     flags.input_format.c_str());
        return ExitCode::kUsage;
      }
    }
    StatusOr<std::vector<data::Document>> read =
        format ? data::ReadDocumentsFromFile(path, *format, data::ReadLimits{})
               : data::ReadDocumentsFromFile(path, data::ReadLimits{});
    if (!read.ok()) {
      std::fprintf(stderr, "error: %s\n", read.status().message().c_str());
      return ExitCode::kUsage;
    }
    for (data::Document& document : *read) documents.push_back(std::move(document));
  }
  std::vector<Target> targets;
  for (const data::Document& document : documents) {
    std::string label = document.file;
    if (document.index > 0 || documents.size() > 1) label += "#" + std::to_string(document.index);
    targets.push_back({label, &document});
  }
  // Inputs that hold no documents (an empty YAML stream or JSON Lines file) mean no
  // evaluations, not one with `object` unbound.
  if (flags.inputs.empty()) targets.push_back({"", nullptr});

  cel::Value now;
  if (!flags.now.empty()) {
    std::optional<cel::Value> parsed = cel::ParseTimestampValue(flags.now);
    if (!parsed) {
      std::fprintf(stderr, "error: `--now %s`: expected an RFC 3339 timestamp\n",
                   flags.now.c_str());
      return ExitCode::kUsage;
    }
    now = *parsed;
  } else {
    // The CLI reads the wall clock; the library never does.
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds);
    now = cel::Value::Timestamp(seconds.count(), static_cast<int32_t>(nanos.count()));
  }

  cel::EvalState state;
  ExitCode exit_code = ExitCode::kOk;
  for (const Target& target : targets) {
    cel::Activation activation(*env);
    activation.Bind("now", now);
    for (size_t var_idx = 0; var_idx < var_names.size(); ++var_idx) {
      activation.Bind(var_names[var_idx], var_documents[var_idx]);
    }
    if (target.document != nullptr) {
      activation.Bind("object", *target.document);
      activation.Bind("input", *target.document);
    }
    cel::Value result = compiled.program->Evaluate(activation, state);
    std::string rendered;
    if (result.is_error()) {
      exit_code = ExitCode::kFailed;
      rendered = "error: " + std::string(result.error().message);
    } else if (flags.output == "typed") {
      cel::EncodeTypedValue(result, rendered);
    } else {
      cel::EncodePlainJson(result, rendered);
    }
    if (targets.size() > 1) rendered = target.label + ": " + rendered;
    std::fprintf(result.is_error() ? stderr : stdout, "%s\n", rendered.c_str());
  }
  return exit_code;
}

}  // namespace

void AddExprCommand(CLI::App& app, ExitCode& exit_code) {
  auto flags = std::make_shared<ExprFlags>();
  CLI::App* command =
      app.add_subcommand("expr", "Evaluate a CEL expression against documents and variables");
  command->add_option("expression", flags->expression, "The CEL expression");
  // Repeatable options take one value per occurrence (CLI11's vectors are greedy by
  // default and would swallow a following expression: `--var x=1 'x + 1'`).
  command
      ->add_option(
          "-i,--input", flags->inputs,
          "Document file(s) bound as `object` (and `input`); `-` reads stdin with --format")
      ->allow_extra_args(false);
  command->add_option("--format", flags->input_format, "Input format: json, jsonl, yaml, toml");
  command->add_option("--var", flags->vars, "Bind a variable: NAME=JSON (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--batch", flags->batch,
                      "Evaluate typed JSON requests, one per line (`-` = stdin)");
  command->add_option("--container", flags->container, "Container for name resolution");
  command->add_option("--now", flags->now, "Value of `now` (RFC 3339); default: the current time");
  command->add_option("-o,--output", flags->output, "Result format: json (plain) or typed")
      ->check(CLI::IsMember({"json", "typed"}));
  command->add_flag("--no-check", flags->no_check, "Skip type checking");
  command->callback([flags, &exit_code] {
    if (!flags->batch.empty()) {
      exit_code = RunBatch(*flags);
      return;
    }
    if (flags->expression.empty()) {
      std::fprintf(stderr, "error: an expression is required (or --batch FILE)\n");
      exit_code = ExitCode::kUsage;
      return;
    }
    exit_code = RunSingle(*flags);
  });
}

}  // namespace warden::cli
