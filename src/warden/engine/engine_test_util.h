#pragma once
// Helpers of the engine tests: bundles written to a temporary directory and compiled
// into an indexed and a linear engine, request inputs from JSON, decisions as text.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/data/json_reader.h"
#include "warden/engine/engine.h"
#include "warden/policy/bundle_loader.h"
#include "warden/policy/compile.h"

namespace warden::engine::test_util {

namespace fs = std::filesystem;

using test_support::TempDir;

inline std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    out += FormatDiagnostic(diagnostic) + "\n";
  }
  return out;
}

// A compiled bundle with an indexed and a linear engine over it.
struct Engines {
  std::shared_ptr<const policy::CompiledBundle> bundle;
  std::unique_ptr<Engine> indexed;
  std::unique_ptr<Engine> linear;
  std::string errors;  // diagnostics when the bundle did not compile
};

// `coverage`: compile coverage circuits too (CompileOptions::coverage).
inline Engines BuildEngines(const std::map<std::string, std::string>& files,
                            bool coverage = false) {
  Engines out;
  TempDir dir;
  for (const auto& [name, text] : files) {
    fs::path path = fs::path(dir.path()) / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  Diagnostics diagnostics;
  policy::BundleSource source = policy::LoadBundleDirectory(dir.path(), diagnostics);
  policy::CompileOptions options;
  options.lint = false;
  options.coverage = coverage;
  out.bundle = policy::Compile(source, diagnostics, options);
  if (diagnostics.has_errors()) {
    out.errors = Dump(diagnostics);
    return out;
  }
  EngineOptions indexed;
  indexed.use_index = true;
  EngineOptions linear;
  linear.use_index = false;
  out.indexed = Engine::Build(out.bundle, indexed);
  out.linear = Engine::Build(out.bundle, linear);
  return out;
}

inline std::string StringField(const data::Node* node, const char* key) {
  const data::Node* value = node != nullptr ? node->Find(key) : nullptr;
  return value != nullptr && value->is_string() ? std::string(value->string_value()) : "";
}

inline RequestInput Request(const std::string& json) {
  StatusOr<data::Document> document = data::ReadJson(json, "request.json");
  EXPECT_TRUE(document.ok()) << document.status().message();
  RequestInput input;
  if (!document.ok()) return input;
  const data::Node* root = document->root;
  input.storage = document->storage;
  input.subject = root->Find("subject");
  input.action = root->Find("action");
  input.resource = root->Find("resource");
  input.context = root->Find("context");
  input.environment = StringField(root, "environment");
  return input;
}

inline std::string Text(const RequestDecision& decision) {
  std::string out =
      std::string(DecisionName(decision.decision)) + (decision.by_default ? " default" : "") + "\n";
  for (const DecidingRule& rule : decision.rules) {
    out += "  rule " + rule.policy + "/" + rule.rule + " " + policy::EffectName(rule.effect) + " " +
           rule.message + "\n";
  }
  for (const std::string& reason : decision.reasons) out += "  reason " + reason + "\n";
  for (const Obligation& obligation : decision.obligations) {
    out += "  obligation " + obligation.policy + "/" + obligation.rule + "\n";
  }
  for (const DecidingRule& rule : decision.warnings) out += "  warning " + rule.rule + "\n";
  for (const DecidingRule& rule : decision.audits) out += "  audit " + rule.rule + "\n";
  for (const DecidingRule& rule : decision.waived) out += "  waived " + rule.rule + "\n";
  for (const EvaluationError& error : decision.errors) {
    out += "  error " + error.policy + "/" + error.rule + " " + error.message + "\n";
  }
  return out;
}

inline std::vector<std::string> RuleNames(const RequestDecision& decision) {
  std::vector<std::string> out;
  for (const DecidingRule& rule : decision.rules) out.push_back(rule.policy + "/" + rule.rule);
  return out;
}

inline constexpr char kBundle[] =
    "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: t, version: 2.0.0}\n";

inline std::string Policy(const std::string& name, const std::string& spec) {
  return "apiVersion: warden/v1\nkind: Policy\nmetadata: {name: " + name + "}\nspec:\n" + spec;
}

inline const EvalOptions kOptions{.environment = "", .now_seconds = 1767225600, .now_nanos = 0};

}  // namespace warden::engine::test_util
