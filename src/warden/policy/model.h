#pragma once
// The policy language as data: what the loader makes of the YAML documents of a policy
// repository (docs/language.md). These structs mirror the documents field by field and
// keep where each came from, so every later stage (inheritance, templates, compilation,
// lints) can point at the right line. Fields a document may leave out are optional here,
// because inheritance needs to know whether a child set a field before defaults apply.
//
// Plain values, no behaviour: the loader (loader.h) fills them in, resolve.h merges
// `extends` and applies templates and parameters, compile.h turns them into programs.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "warden/base/source_location.h"
#include "warden/data/node.h"

namespace warden::policy {

// --- vocabularies (docs/language.md; names are the YAML spellings) -----------------------

enum class PolicyType { kSecurity, kCompliance, kOperational, kCost, kAccess };
enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };
enum class Enforcement { kEnforce, kWarn, kAudit, kDisabled };
enum class Effect { kDeny, kAllow, kRequireApproval, kWarn, kAudit };
enum class Combining { kDenyOverrides, kFirstMatch, kAllowOverrides };
enum class OnError { kDeny, kAllow };  // deny = fail closed, the default

const char* PolicyTypeName(PolicyType type);
const char* SeverityName(Severity severity);
const char* EnforcementName(Enforcement enforcement);
const char* EffectName(Effect effect);
const char* CombiningName(Combining combining);
const char* OnErrorName(OnError on_error);

// Parse the YAML spelling; false when `text` is not one of the names above.
bool ParsePolicyType(std::string_view text, PolicyType& out);
bool ParseSeverity(std::string_view text, Severity& out);
bool ParseEnforcement(std::string_view text, Enforcement& out);
bool ParseEffect(std::string_view text, Effect& out);
bool ParseCombining(std::string_view text, Combining& out);
bool ParseOnError(std::string_view text, OnError& out);

// --- building blocks ----------------------------------------------------------------------

// A string from a policy file and where it is. `position` is the YAML node's position;
// `origin` is where the string's first character is in the file (after an opening quote,
// or on the first content line of a block scalar), which CEL error carets need.
struct Text {
  std::string value;
  SourcePosition position;
  SourcePosition origin;

  bool empty() const { return value.empty(); }
};

// A list of strings (globs, names, control ids), each with its position.
using TextList = std::vector<Text>;

// A parameter declaration: `name: {type, default, description, required}`.
// `type` is a CEL type spelling: `string`, `int`, `uint`, `double`, `bool`, `bytes`,
// `list(T)`, `map(string, T)`, `dyn`, `timestamp`, `duration`.
struct ParamDecl {
  Text name;
  Text type;
  const data::Node* default_value = nullptr;  // nullptr: no default (required)
  std::string description;
  SourcePosition position;
  // Set when the declaration was inherited through `extends`: the parent's file (the
  // positions above are in it). Empty: the policy's own file.
  std::string origin_file;
};

// A named CEL value computed once per input: `let: {name: "expr"}`.
struct LetDecl {
  Text name;
  Text expression;
  std::string origin_file;  // as ParamDecl::origin_file
};

struct MatchDoc {
  std::optional<TextList> kinds;  // `Pod` or `apps/v1/Deployment`
  std::optional<TextList> namespaces;
  std::optional<TextList> actions;
  std::optional<TextList> resources;
  std::optional<TextList> subjects;
  std::optional<TextList> environments;
  std::optional<Text> when;  // CEL
  SourcePosition position;
};

struct RuleDoc {
  Text id;
  std::optional<Text> title;
  std::optional<Effect> effect;  // default deny
  SourcePosition effect_position;
  std::optional<int64_t> priority;   // default 100; lower runs first under first-match
  std::optional<Severity> severity;  // overrides the policy's severity for this rule
  std::optional<Text> foreach;       // CEL yielding a list (or map: its keys)
  std::optional<Text> condition;     // CEL; required after inheritance
  std::optional<Text> message;       // template with {{expr}}
  std::optional<Text> path;          // template with {{expr}}; dotted path into the input
  std::optional<Text> remediation;   // template with {{expr}}
  std::optional<TextList> controls;
  std::optional<TextList> approvers;  // require_approval rules: who may approve (obligation)
  SourcePosition position;
  // The file of the document that wrote the rule's condition when that is a parent in
  // `extends` (empty: the policy's own file); where its expressions are located.
  std::string origin_file;
};

// --- documents ----------------------------------------------------------------------------

struct Metadata {
  Text name;
  std::optional<Text> title;
  std::optional<std::string> description;
  std::optional<PolicyType> type;
  std::optional<Severity> severity;
  std::optional<Text> owner;
  std::map<std::string, std::string> labels;
  std::optional<TextList> controls;
  std::optional<Text> version;  // bundles
  SourcePosition position;
};

struct PolicyDoc {
  std::string file;
  size_t document_index = 0;
  SourcePosition position;

  Metadata metadata;
  bool abstract = false;
  TextList extends;

  std::optional<Enforcement> enforcement;
  SourcePosition enforcement_position;
  std::optional<bool> overridable;
  std::optional<OnError> on_error;
  MatchDoc match;
  std::vector<ParamDecl> params;
  std::vector<LetDecl> lets;
  std::vector<RuleDoc> rules;
};

// `include:` entries of a bundle: a template (a file or directory of policies, or
// `builtin:NAME`) with parameter values, or another bundle directory.
struct IncludeDoc {
  std::optional<Text> template_name;
  std::optional<Text> bundle;
  const data::Node* params = nullptr;  // a map, or nullptr
  SourcePosition position;
};

struct EnvironmentDoc {
  Text name;
  std::optional<Enforcement> enforcement;
  std::map<std::string, Enforcement> policies;  // per-policy enforcement overrides
  SourcePosition position;
};

struct BundleDoc {
  std::string file;
  std::string directory;  // the directory globs are relative to
  SourcePosition position;

  Metadata metadata;
  TextList policies;    // globs; default ["**/*.yaml", "**/*.yml"]
  TextList tests;       // globs
  TextList exceptions;  // globs
  std::vector<IncludeDoc> includes;
  // Parameter values for the bundle's own policies: {policy-name: {param: value}}.
  const data::Node* params = nullptr;
  std::optional<Combining> combining;
  std::optional<Effect> default_effect;  // allow | deny | require_approval
  std::vector<EnvironmentDoc> environments;
};

struct ExceptionTargets {
  TextList kinds;
  TextList namespaces;
  TextList names;
  TextList files;
  TextList subjects;
  TextList resources;
  TextList actions;
};

struct ExceptionDoc {
  std::string file;
  size_t document_index = 0;
  SourcePosition position;

  Metadata metadata;
  Text policy;
  TextList rules;  // empty = every rule of the policy
  ExceptionTargets targets;
  Text justification;
  std::optional<Text> requested_by;
  TextList approved_by;
  std::optional<Text> expires;  // RFC 3339; required (a missing one is a diagnostic)
  int64_t expires_seconds = 0;  // parsed `expires`, seconds since the Unix epoch
  TextList environments;        // empty = every environment
};

// A test case's input and expectations (run by `warden test`, issue 4); the loader keeps
// the raw nodes so the tester can interpret them.
struct TestCaseDoc {
  Text name;
  const data::Node* node = nullptr;
  SourcePosition position;
};

struct TestDoc {
  std::string file;
  size_t document_index = 0;
  SourcePosition position;
  Metadata metadata;
  std::vector<TestCaseDoc> cases;
};

// Everything loaded from a set of files. Nodes point into `storage`.
struct PolicySet {
  std::vector<PolicyDoc> policies;
  std::vector<BundleDoc> bundles;
  std::vector<ExceptionDoc> exceptions;
  std::vector<TestDoc> tests;
  std::vector<std::shared_ptr<const Arena>> storage;
  // The text of every loaded file, for CEL error snippets and origins.
  std::map<std::string, std::string> sources;
};

}  // namespace warden::policy
