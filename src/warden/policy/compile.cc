#include "warden/policy/compile.h"

#include <algorithm>
#include <set>
#include <utility>

#include "warden/cel/lib/glob.h"
#include "warden/cel/parse/parser.h"
#include "warden/data/builder.h"
#include "warden/policy/cel_text.h"
#include "warden/policy/condition_plan.h"
#include "warden/policy/lint.h"

namespace warden::policy {

const std::vector<std::string>& SharedVariableNames() {
  static const std::vector<std::string> kNames = {
      "object",  "input",       "file", "plan",   "subject", "action", "resource",
      "context", "environment", "env",  "params", "now",     "item",   "index"};
  return kNames;
}

namespace {

std::shared_ptr<cel::Env> SharedEnv() {
  auto env = cel::Env::Create();
  for (const std::string& name : SharedVariableNames()) {
    cel::Type type = cel::Type::Dyn();
    if (name == "now") type = cel::Type::Timestamp();
    if (name == "env") type = cel::Type::String();
    env->DeclareVariable(name, type);
  }
  return env;
}

std::vector<std::string> Values(const std::optional<TextList>& list) {
  std::vector<std::string> out;
  if (!list) return out;
  for (const Text& text : *list) out.push_back(text.value);
  return out;
}

// Every entry of a match or target list must be a well-formed glob (E128); a malformed
// one would otherwise silently never match.
void CheckGlobs(const TextList& list, const std::string& file, const std::string& field,
                Diagnostics& diagnostics) {
  for (const Text& text : list) {
    cel::GlobPattern glob;
    std::string error;
    if (!cel::GlobPattern::Compile(text.value, glob, error)) {
      diagnostics.Error("E128", {file, text.position},
                        "invalid glob `" + text.value + "` in `" + field + "`: " + error);
    }
  }
}
void CheckGlobs(const std::optional<TextList>& list, const std::string& file,
                const std::string& field, Diagnostics& diagnostics) {
  if (list) CheckGlobs(*list, file, field, diagnostics);
}

// The position of byte `offset` of `text` in the file, given where the text starts.
SourcePosition Advance(SourcePosition start, std::string_view text, size_t offset) {
  SourcePosition pos = start;
  for (size_t index = 0; index < offset && index < text.size(); ++index) {
    unsigned char c = static_cast<unsigned char>(text[index]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

CompiledTemplate CompileTemplate(const cel::Env& env, const std::optional<Text>& text,
                                 const std::string& file, const std::string& field,
                                 const cel::CompileOptions& options, Diagnostics& diagnostics) {
  CompiledTemplate out;
  if (!text) return out;
  out.source = text->value;
  const std::string& source = text->value;
  SourcePosition start = text->origin.known() ? text->origin : text->position;
  size_t cursor = 0;
  std::string literal;
  while (cursor < source.size()) {
    size_t open = source.find("{{", cursor);
    if (open == std::string::npos) break;
    size_t close = source.find("}}", open + 2);
    if (close == std::string::npos) {
      diagnostics.Error("E132", {file, Advance(start, source, open)}, "unclosed `{{` in " + field,
                        "close the expression with `}}`");
      return CompiledTemplate{};
    }
    literal += source.substr(cursor, open - cursor);
    Text expression;
    expression.value = source.substr(open + 2, close - open - 2);
    expression.origin = Advance(start, source, open + 2);
    expression.position = expression.origin;
    if (expression.value.find_first_not_of(" \t\n") == std::string::npos) {
      diagnostics.Error("E132", {file, Advance(start, source, open)}, "empty `{{}}` in " + field);
      return CompiledTemplate{};
    }
    std::shared_ptr<const cel::Program> program =
        CompileCel(env, expression, file, options, diagnostics);
    if (program == nullptr) return CompiledTemplate{};
    out.pieces.push_back({std::move(literal), std::move(program)});
    literal.clear();
    cursor = close + 2;
  }
  literal += source.substr(cursor);
  if (!literal.empty() || out.pieces.empty()) out.pieces.push_back({std::move(literal), nullptr});
  return out;
}

class PolicyCompiler {
 public:
  // The native plan of a condition that compiled (condition_plan.h).
  void AddPlan(const cel::Env& env, const std::string& condition, CompiledRule& rule) {
    cel::ParseResult parsed = cel::Parse(condition, options_.parse);
    if (!parsed.ok()) return;
    rule.plan = PlanCondition(std::move(parsed.parsed), env, options_);
  }

  // The branch-coverage circuit of a condition that compiled (condition_plan.h).
  void AddCoverage(const cel::Env& env, const std::string& condition, CompiledRule& rule) {
    cel::ParseResult parsed = cel::Parse(condition, options_.parse);
    if (!parsed.ok()) return;
    rule.coverage = CoverageCircuitOf(std::move(parsed.parsed), env, options_);
  }

  PolicyCompiler(const cel::CompileOptions& options, bool coverage, Diagnostics& diagnostics,
                 std::vector<std::shared_ptr<const Arena>>& storage)
      : options_(options), coverage_(coverage), diagnostics_(diagnostics), storage_(storage) {}

  std::optional<CompiledPolicy> Compile(const ResolvedPolicy& resolved) {
    const PolicyDoc& doc = resolved.doc;
    const std::string& file = doc.file;
    size_t errors_before = diagnostics_.error_count();
    CompiledPolicy policy;
    policy.name = doc.metadata.name.value;
    policy.title = doc.metadata.title ? doc.metadata.title->value : policy.name;
    policy.description = doc.metadata.description.value_or("");
    policy.owner = doc.metadata.owner ? doc.metadata.owner->value : "";
    policy.type = doc.metadata.type.value_or(PolicyType::kSecurity);
    policy.severity = doc.metadata.severity.value_or(Severity::kMedium);
    policy.labels = doc.metadata.labels;
    policy.controls = Values(doc.metadata.controls);
    policy.enforcement = doc.enforcement.value_or(Enforcement::kEnforce);
    policy.overridable = doc.overridable.value_or(true);
    policy.on_error = doc.on_error.value_or(OnError::kDeny);
    policy.location = {file, doc.position};
    policy.instantiated_from = resolved.instantiated_from;

    std::shared_ptr<cel::Env> env = SharedEnv();
    // match
    const MatchDoc& match = doc.match;
    policy.match.kinds = Values(match.kinds);
    policy.match.namespaces = Values(match.namespaces);
    policy.match.actions = Values(match.actions);
    policy.match.resources = Values(match.resources);
    policy.match.subjects = Values(match.subjects);
    policy.match.environments = Values(match.environments);
    CheckGlobs(match.kinds, file, "match.kinds", diagnostics_);
    CheckGlobs(match.namespaces, file, "match.namespaces", diagnostics_);
    CheckGlobs(match.actions, file, "match.actions", diagnostics_);
    CheckGlobs(match.resources, file, "match.resources", diagnostics_);
    CheckGlobs(match.subjects, file, "match.subjects", diagnostics_);
    CheckGlobs(match.environments, file, "match.environments", diagnostics_);
    if (match.when) {
      policy.match.when = CompileCel(*env, *match.when, file, options_, diagnostics_);
      policy.match.when_location = {file, match.when->position};
    }
    // lets, in order: each sees the shared variables and the lets before it
    std::set<std::string> shared(SharedVariableNames().begin(), SharedVariableNames().end());
    for (const LetDecl& let : doc.lets) {
      if (shared.count(let.name.value) > 0) {
        diagnostics_.Error(
            "E133", {let.origin_file.empty() ? file : let.origin_file, let.name.position},
            "`let` name `" + let.name.value + "` hides a built-in variable", "choose another name");
        continue;
      }
      CompiledLet compiled;
      compiled.name = let.name.value;
      const std::string& let_file = let.origin_file.empty() ? file : let.origin_file;
      compiled.location = {let_file, let.expression.position};
      compiled.program = CompileCel(*env, let.expression, let_file, options_, diagnostics_);
      auto next = cel::Env::Create();
      for (const cel::VariableDecl& decl : env->variables())
        next->DeclareVariable(decl.name, decl.type);
      compiled.slot = next->DeclareVariable(let.name.value, cel::Type::Dyn());
      env = std::move(next);
      policy.lets.push_back(std::move(compiled));
    }
    // params
    policy.params = BuildParams(resolved);
    // rules
    size_t order = 0;
    for (const RuleDoc& rule_doc : doc.rules) {
      // Expressions of a rule written by a parent are located in the parent's file.
      const std::string& rule_file = rule_doc.origin_file.empty() ? doc.file : rule_doc.origin_file;
      CompiledRule rule;
      rule.id = rule_doc.id.value;
      rule.title = rule_doc.title ? rule_doc.title->value : "";
      rule.effect = rule_doc.effect.value_or(Effect::kDeny);
      rule.priority = rule_doc.priority.value_or(100);
      rule.severity = rule_doc.severity.value_or(policy.severity);
      rule.location = {rule_file, rule_doc.position};
      rule.order = order++;
      rule.controls = Values(rule_doc.controls);
      rule.approvers = Values(rule_doc.approvers);
      std::string where = "rule `" + rule.id + "`";
      if (rule_doc.foreach) {
        rule.foreach = CompileCel(*env, *rule_doc.foreach, rule_file, options_, diagnostics_);
      }
      if (!rule_doc.condition) {
        diagnostics_.Error(
            "E134", {rule_file, rule_doc.position},
            "rule `" + rule.id + "` of policy `" + policy.name + "` has no `condition`",
            "every rule needs a condition (possibly inherited through `extends`)");
      } else {
        rule.condition = CompileCel(*env, *rule_doc.condition, rule_file, options_, diagnostics_);
        rule.condition_location = {rule_file, rule_doc.condition->position};
        if (!rule_doc.foreach && rule.condition) AddPlan(*env, rule_doc.condition->value, rule);
        if (coverage_ && rule.condition) AddCoverage(*env, rule_doc.condition->value, rule);
      }
      rule.message = CompileTemplate(*env, rule_doc.message, rule_file, "the message of " + where,
                                     options_, diagnostics_);
      rule.path = CompileTemplate(*env, rule_doc.path, rule_file, "the path of " + where, options_,
                                  diagnostics_);
      rule.remediation = CompileTemplate(*env, rule_doc.remediation, rule_file,
                                         "the remediation of " + where, options_, diagnostics_);
      policy.rules.push_back(std::move(rule));
    }
    if (diagnostics_.error_count() > errors_before) return std::nullopt;
    return policy;
  }

 private:
  data::Node BuildParams(const ResolvedPolicy& resolved) {
    auto arena = std::make_shared<Arena>();
    data::NodeBuilder builder(*arena);
    std::vector<data::KeyedNode> entries;
    for (const auto& [name, value] : resolved.param_values) {
      entries.push_back({.key = name, .key_position = {}, .value = *value});
    }
    StatusOr<data::Node> node = builder.Map(entries);
    storage_.push_back(arena);
    return node.ok() ? *node : data::Node();
  }

  cel::CompileOptions options_;
  bool coverage_ = false;
  Diagnostics& diagnostics_;
  std::vector<std::shared_ptr<const Arena>>& storage_;
};

void CompileExceptions(const BundleSource& source, CompiledBundle& bundle,
                       Diagnostics& diagnostics) {
  for (const ExceptionDoc& doc : source.exceptions) {
    const CompiledPolicy* policy = nullptr;
    for (const CompiledPolicy& candidate : bundle.policies) {
      if (candidate.name == doc.policy.value) policy = &candidate;
    }
    const ResolvedPolicy* resolved = nullptr;
    for (const ResolvedPolicy& candidate : source.policies) {
      if (candidate.doc.metadata.name.value == doc.policy.value) resolved = &candidate;
    }
    if (resolved == nullptr) {
      std::vector<std::string_view> names;
      for (const ResolvedPolicy& candidate : source.policies) {
        names.push_back(candidate.doc.metadata.name.value);
      }
      std::string hint = ClosestMatch(doc.policy.value, names);
      diagnostics.Error("E141", {doc.file, doc.policy.position},
                        "exception `" + doc.metadata.name.value + "` names unknown policy `" +
                            doc.policy.value + "`",
                        hint.empty() ? "" : "did you mean `" + hint + "`?");
      continue;
    }
    if (!resolved->doc.overridable.value_or(true)) {
      diagnostics.Error("E140", {doc.file, doc.policy.position},
                        "policy `" + doc.policy.value + "` is not overridable, so exception `" +
                            doc.metadata.name.value + "` cannot waive it",
                        "fix the finding, or make the policy `overridable: true`");
      continue;
    }
    bool rules_ok = true;
    for (const Text& rule : doc.rules) {
      bool found = false;
      for (const RuleDoc& candidate : resolved->doc.rules) {
        if (candidate.id.value == rule.value) found = true;
      }
      if (!found) {
        diagnostics.Error("E141", {doc.file, rule.position},
                          "policy `" + doc.policy.value + "` has no rule `" + rule.value + "`");
        rules_ok = false;
      }
    }
    size_t errors_before = diagnostics.error_count();
    const ExceptionTargets& targets = doc.targets;
    CheckGlobs(targets.kinds, doc.file, "targets.kinds", diagnostics);
    CheckGlobs(targets.namespaces, doc.file, "targets.namespaces", diagnostics);
    CheckGlobs(targets.names, doc.file, "targets.names", diagnostics);
    CheckGlobs(targets.files, doc.file, "targets.files", diagnostics);
    CheckGlobs(targets.subjects, doc.file, "targets.subjects", diagnostics);
    CheckGlobs(targets.resources, doc.file, "targets.resources", diagnostics);
    CheckGlobs(targets.actions, doc.file, "targets.actions", diagnostics);
    CheckGlobs(doc.environments, doc.file, "environments", diagnostics);
    if (!rules_ok || policy == nullptr || diagnostics.error_count() > errors_before) continue;
    CompiledException exception;
    exception.name = doc.metadata.name.value;
    exception.policy = doc.policy.value;
    for (const Text& rule : doc.rules) exception.rules.push_back(rule.value);
    exception.targets = doc.targets;
    for (const Text& environment : doc.environments) {
      exception.environments.push_back(environment.value);
    }
    exception.justification = doc.justification.value;
    exception.expires_seconds = doc.expires_seconds;
    exception.location = {doc.file, doc.position};
    bundle.exceptions.push_back(std::move(exception));
  }
}

}  // namespace

std::shared_ptr<const CompiledBundle> Compile(const BundleSource& source, Diagnostics& diagnostics,
                                              const CompileOptions& options) {
  auto bundle = std::make_shared<CompiledBundle>();
  bundle->name = source.settings.name;
  bundle->version = source.settings.version;
  bundle->digest = source.digest;
  bundle->combining = source.settings.combining;
  bundle->default_effect = source.settings.default_effect;
  for (const EnvironmentDoc& environment : source.settings.environments) {
    EnvironmentSettings settings;
    settings.enforcement = environment.enforcement;
    settings.policies = environment.policies;
    bundle->environments[environment.name.value] = std::move(settings);
  }
  if (source.documents) bundle->storage = source.documents->storage;
  cel::CompileOptions cel_options;
  cel_options.limits = options.limits;
  PolicyCompiler compiler(cel_options, options.coverage, diagnostics, bundle->storage);
  size_t most_lets = 0;
  for (const ResolvedPolicy& resolved : source.policies) {
    if (std::optional<CompiledPolicy> policy = compiler.Compile(resolved)) {
      most_lets = std::max(most_lets, policy->lets.size());
      bundle->policies.push_back(std::move(*policy));
    }
  }
  CompileExceptions(source, *bundle, diagnostics);
  auto widest = SharedEnv();
  for (size_t index = 0; index < most_lets; ++index) {
    widest->DeclareVariable("$let" + std::to_string(index), cel::Type::Dyn());
  }
  bundle->widest_env = widest;
  if (options.lint) Lint(source, *bundle, diagnostics);
  return bundle;
}

}  // namespace warden::policy
