#include "warden/policy/schema.h"

#include <algorithm>

namespace warden::policy::schema {
namespace {

// --- enum values (the YAML spellings of model.h; schema_test checks they agree) ----------

constexpr std::string_view kApiVersionValues[] = {kApiVersion};
constexpr std::string_view kPolicyKindValues[] = {"Policy"};
constexpr std::string_view kBundleKindValues[] = {"Bundle"};
constexpr std::string_view kExceptionKindValues[] = {"Exception"};
constexpr std::string_view kTestKindValues[] = {"Test"};
constexpr std::string_view kPolicyTypeValues[] = {"security", "compliance", "operational", "cost",
                                                  "access"};
constexpr std::string_view kSeverityValues[] = {"info", "low", "medium", "high", "critical"};
constexpr std::string_view kEnforcementValues[] = {"enforce", "warn", "audit", "disabled"};
constexpr std::string_view kEffectValues[] = {"deny", "allow", "require_approval", "warn", "audit"};
constexpr std::string_view kOnErrorValues[] = {"deny", "allow"};
constexpr std::string_view kCombiningValues[] = {"deny-overrides", "first-match",
                                                 "allow-overrides"};
constexpr std::string_view kDefaultEffectValues[] = {"allow", "deny", "require_approval"};

// --- value types --------------------------------------------------------------------------

constexpr Type kString{.shape = Shape::kString};
constexpr Type kNonEmptyString{.shape = Shape::kString, .format = TextFormat::kNonEmpty};
constexpr Type kNameString{.shape = Shape::kString, .format = TextFormat::kName};
constexpr Type kRuleIdString{.shape = Shape::kString, .format = TextFormat::kRuleId};
constexpr Type kBool{.shape = Shape::kBool};
constexpr Type kInt{.shape = Shape::kInt};
constexpr Type kTimestamp{.shape = Shape::kTimestamp};
constexpr Type kAny{.shape = Shape::kAny};
constexpr Type kAnyMap{.shape = Shape::kMap, .element = &kAny};

constexpr Type kStringList{.shape = Shape::kList, .element = &kString};
constexpr Type kControlList{.shape = Shape::kList, .element = &kNonEmptyString};
constexpr Type kRuleIdList{.shape = Shape::kList, .element = &kRuleIdString};
constexpr Type kStringOrList{.shape = Shape::kList, .element = &kString, .single_as_list = true};
constexpr Type kNameOrList{.shape = Shape::kList, .element = &kNameString, .single_as_list = true};
constexpr Type kStringMap{.shape = Shape::kMap, .element = &kString};
constexpr Type kLetMap{
    .shape = Shape::kMap, .format = TextFormat::kIdentifier, .element = &kString};

constexpr Type kApiVersionEnum{.shape = Shape::kEnum, .values = kApiVersionValues};
constexpr Type kPolicyKind{.shape = Shape::kEnum, .values = kPolicyKindValues};
constexpr Type kBundleKind{.shape = Shape::kEnum, .values = kBundleKindValues};
constexpr Type kExceptionKind{.shape = Shape::kEnum, .values = kExceptionKindValues};
constexpr Type kTestKind{.shape = Shape::kEnum, .values = kTestKindValues};
constexpr Type kPolicyType{.shape = Shape::kEnum, .values = kPolicyTypeValues};
constexpr Type kSeverity{.shape = Shape::kEnum, .values = kSeverityValues};
constexpr Type kEnforcement{.shape = Shape::kEnum, .values = kEnforcementValues};
constexpr Type kEffect{.shape = Shape::kEnum, .values = kEffectValues};
constexpr Type kOnError{.shape = Shape::kEnum, .values = kOnErrorValues};
constexpr Type kCombining{.shape = Shape::kEnum, .values = kCombiningValues};
constexpr Type kDefaultEffect{.shape = Shape::kEnum, .values = kDefaultEffectValues};
constexpr Type kEnforcementMap{
    .shape = Shape::kMap, .format = TextFormat::kName, .element = &kEnforcement};

// --- metadata -----------------------------------------------------------------------------

constexpr std::string_view kNameDescription =
    "Unique name: lowercase letters, digits and `-`, at most 63 characters";

constexpr Field kPolicyMetadataFields[] = {
    {"name", &kNameString, true, kNameDescription},
    {"title", &kString, false, "One-line summary shown in reports"},
    {"description", &kString, false, "Longer explanation of what the policy checks and why"},
    {"type", &kPolicyType, false, "Category of the policy"},
    {"severity", &kSeverity, false, "Severity of violations (a rule may override it)"},
    {"owner", &kString, false, "Team or person responsible for the policy"},
    {"labels", &kStringMap, false, "Free-form key/value labels"},
    {"controls", &kControlList, false,
     "Compliance controls the policy implements, as `framework:control` ids"},
};
constexpr ObjectSchema kPolicyMetadata{.fields = kPolicyMetadataFields,
                                       .description = "Name and descriptive data of the policy"};

constexpr Field kBundleMetadataFields[] = {
    {"name", &kNameString, true, kNameDescription},
    {"version", &kString, false, "Version of the bundle, e.g. `1.4.0`"},
    {"title", &kString, false, "One-line summary"},
    {"description", &kString, false, "Longer explanation"},
    {"owner", &kString, false, "Team or person responsible for the bundle"},
    {"labels", &kStringMap, false, "Free-form key/value labels"},
};
constexpr ObjectSchema kBundleMetadata{.fields = kBundleMetadataFields,
                                       .description = "Name and version of the bundle"};

// Exceptions and tests share the plain metadata.
constexpr Field kPlainMetadataFields[] = {
    {"name", &kNameString, true, kNameDescription},
    {"title", &kString, false, "One-line summary"},
    {"description", &kString, false, "Longer explanation"},
    {"owner", &kString, false, "Team or person responsible"},
    {"labels", &kStringMap, false, "Free-form key/value labels"},
};
constexpr ObjectSchema kPlainMetadata{.fields = kPlainMetadataFields,
                                      .description = "Name and descriptive data"};

constexpr Type kPolicyMetadataType{.shape = Shape::kObject, .object = &kPolicyMetadata};
constexpr Type kBundleMetadataType{.shape = Shape::kObject, .object = &kBundleMetadata};
constexpr Type kPlainMetadataType{.shape = Shape::kObject, .object = &kPlainMetadata};

// --- Policy -------------------------------------------------------------------------------

constexpr Field kMatchFields[] = {
    {"kinds", &kStringOrList, false,
     "Document kinds the policy applies to: `Pod` or `apps/v1/Deployment` (globs)"},
    {"namespaces", &kStringOrList, false, "Kubernetes namespaces (globs)"},
    {"actions", &kStringOrList, false, "Request actions, e.g. `data:read` (globs)"},
    {"resources", &kStringOrList, false, "Request resources, e.g. `dataset://phi/*` (globs)"},
    {"subjects", &kStringOrList, false, "Request subjects, e.g. `role:analyst` (globs)"},
    {"environments", &kStringOrList, false, "Environments the policy applies in"},
    {"when", &kString, false, "Extra CEL guard; the policy applies only when it is true"},
};
constexpr ObjectSchema kMatch{.fields = kMatchFields,
                              .description = "Which inputs the policy applies to"};
constexpr Type kMatchType{.shape = Shape::kObject, .object = &kMatch};

constexpr Field kParamFields[] = {
    {"type", &kString, true,
     "CEL type: string, int, uint, double, bool, bytes, dyn, timestamp, duration, list(T), "
     "map(string, T)"},
    {"default", &kAny, false,
     "Value used when none is given; without one the parameter is required"},
    {"description", &kString, false, "What the parameter controls"},
};
constexpr ObjectSchema kParam{.fields = kParamFields, .description = "A parameter declaration"};
constexpr Type kParamType{.shape = Shape::kObject, .object = &kParam};
constexpr Type kParamMap{
    .shape = Shape::kMap, .format = TextFormat::kIdentifier, .element = &kParamType};

constexpr Field kRuleFields[] = {
    {"id", &kRuleIdString, true,
     "Identifier unique in the policy: letters, digits, `_` and `-`, at most 63 characters"},
    {"title", &kString, false, "One-line summary of the rule"},
    {"effect", &kEffect, false, "What the rule does when its condition is true (default deny)"},
    {"priority", &kInt, false, "Order under first-match combining: lower first (default 100)"},
    {"severity", &kSeverity, false, "Overrides the policy's severity for this rule"},
    {"foreach", &kString, false,
     "CEL list or map; the rule runs once per element, bound to `item` (the element, or the map "
     "value) and `index` (its position, or the map key)"},
    {"condition", &kString, false, "CEL condition; the rule fires when it is true"},
    {"message", &kString, false, "Message of a finding; `{{expr}}` inserts a CEL value"},
    {"path", &kString, false,
     "Where the finding is in the input, e.g. `spec.containers[{{index}}].image`"},
    {"remediation", &kString, false, "How to fix a finding; `{{expr}}` inserts a CEL value"},
    {"controls", &kControlList, false, "Compliance controls of this rule"},
    {"approvers", &kStringList, false, "require_approval rules: who may approve"},
};
constexpr ObjectSchema kRule{.fields = kRuleFields, .description = "A rule of the policy"};
constexpr Type kRuleType{.shape = Shape::kObject, .object = &kRule};
constexpr Type kRuleList{.shape = Shape::kList, .element = &kRuleType};

constexpr Field kPolicySpecFields[] = {
    {"enforcement", &kEnforcement, false,
     "enforce (blocking), warn (reported), audit (recorded) or disabled"},
    {"overridable", &kBool, false, "Whether an approved Exception may waive the policy"},
    {"on_error", &kOnError, false,
     "Outcome when a condition fails to evaluate: deny (fail closed, default) or allow"},
    {"match", &kMatchType, false, "Which inputs the policy applies to"},
    {"params", &kParamMap, false, "Template parameters by name"},
    {"let", &kLetMap, false, "Named CEL values computed once per input, usable in rules"},
    {"rules", &kRuleList, false, "The rules"},
};
constexpr ObjectSchema kPolicySpec{.fields = kPolicySpecFields,
                                   .description = "What the policy enforces"};
constexpr Type kPolicySpecType{.shape = Shape::kObject, .object = &kPolicySpec};

constexpr Field kPolicyFields[] = {
    {"apiVersion", &kApiVersionEnum, true, "Always `warden/v1`"},
    {"kind", &kPolicyKind, true, "Document kind"},
    {"metadata", &kPolicyMetadataType, true, "Name and descriptive data"},
    {"abstract", &kBool, false, "When true the policy is only a parent for `extends`"},
    {"extends", &kNameOrList, false,
     "Parent policies; their match, params, let and rules are merged in, the child winning"},
    {"spec", &kPolicySpecType, false, "What the policy enforces"},
};
constexpr ObjectSchema kPolicy{.fields = kPolicyFields,
                               .description =
                                   "A named set of rules with match, parameters and "
                                   "enforcement"};

// --- Bundle -------------------------------------------------------------------------------

constexpr std::string_view kIncludeChoice[] = {"template", "bundle"};
constexpr Field kIncludeFields[] = {
    {"template", &kNonEmptyString, false,
     "A template: a YAML file or directory of policies, or `builtin:NAME`"},
    {"bundle", &kNonEmptyString, false, "Another bundle directory, relative to this manifest"},
    {"params", &kAnyMap, false, "Parameter values for the template's policies"},
};
constexpr ObjectSchema kInclude{.fields = kIncludeFields,
                                .exactly_one_of = kIncludeChoice,
                                .description = "A template or bundle to include"};
constexpr Type kIncludeType{.shape = Shape::kObject, .object = &kInclude};
constexpr Type kIncludeList{.shape = Shape::kList, .element = &kIncludeType};

constexpr Field kEnvironmentFields[] = {
    {"enforcement", &kEnforcement, false, "Enforcement of every policy in this environment"},
    {"policies", &kEnforcementMap, false, "Enforcement of single policies, by policy name"},
};
constexpr ObjectSchema kEnvironment{.fields = kEnvironmentFields,
                                    .description = "Enforcement overrides for one environment"};
constexpr Type kEnvironmentType{.shape = Shape::kObject, .object = &kEnvironment};
constexpr Type kEnvironmentMap{.shape = Shape::kMap, .element = &kEnvironmentType};
constexpr Type kBundleParams{
    .shape = Shape::kMap, .format = TextFormat::kName, .element = &kAnyMap};

constexpr Field kBundleSpecFields[] = {
    {"policies", &kStringList, false,
     "Globs of policy files, relative to the bundle (default: every .yaml and .yml file)"},
    {"tests", &kStringList, false, "Globs of test files"},
    {"exceptions", &kStringList, false, "Globs of exception files"},
    {"include", &kIncludeList, false, "Templates with parameters, and other bundles"},
    {"params", &kBundleParams, false,
     "Parameter values for the bundle's own policies: {policy: {param: value}}"},
    {"combining", &kCombining, false,
     "How rule effects combine: deny-overrides (default), first-match or allow-overrides"},
    {"default", &kDefaultEffect, false, "Effect when no rule fires (default allow)"},
    {"environments", &kEnvironmentMap, false, "Per-environment enforcement overrides"},
};
constexpr ObjectSchema kBundleSpec{.fields = kBundleSpecFields,
                                   .description = "Files, includes and settings of the bundle"};
constexpr Type kBundleSpecType{.shape = Shape::kObject, .object = &kBundleSpec};

constexpr Field kBundleFields[] = {
    {"apiVersion", &kApiVersionEnum, true, "Always `warden/v1`"},
    {"kind", &kBundleKind, true, "Document kind"},
    {"metadata", &kBundleMetadataType, true, "Name and version"},
    {"spec", &kBundleSpecType, false, "Files, includes and settings"},
};
constexpr ObjectSchema kBundle{.fields = kBundleFields,
                               .description = "The manifest of a policy repository"};

// --- Exception ----------------------------------------------------------------------------

constexpr Field kTargetFields[] = {
    {"kinds", &kStringList, false, "Document kinds (globs)"},
    {"namespaces", &kStringList, false, "Kubernetes namespaces (globs)"},
    {"names", &kStringList, false, "Object names (globs)"},
    {"files", &kStringList, false, "Input files (globs)"},
    {"subjects", &kStringList, false, "Request subjects (globs)"},
    {"resources", &kStringList, false, "Request resources (globs)"},
    {"actions", &kStringList, false, "Request actions (globs)"},
};
constexpr ObjectSchema kTargets{.fields = kTargetFields,
                                .description =
                                    "What the exception covers; every given list "
                                    "must match"};
constexpr Type kTargetsType{.shape = Shape::kObject, .object = &kTargets};

constexpr Field kExceptionSpecFields[] = {
    {"policy", &kNameString, true, "Name of the waived policy"},
    {"rules", &kRuleIdList, false, "Waived rule ids; empty means every rule of the policy"},
    {"targets", &kTargetsType, false, "What the exception covers"},
    {"justification", &kNonEmptyString, true, "Why the waiver is needed"},
    {"requested_by", &kString, false, "Who asked for the exception"},
    {"approved_by", &kStringList, false, "Who approved it"},
    {"expires", &kTimestamp, true, "RFC 3339 time after which the exception stops applying"},
    {"environments", &kStringList, false, "Environments it applies in; empty means all"},
};
constexpr ObjectSchema kExceptionSpec{.fields = kExceptionSpecFields,
                                      .description = "The waived policy, targets and approval"};
constexpr Type kExceptionSpecType{.shape = Shape::kObject, .object = &kExceptionSpec};

constexpr Field kExceptionFields[] = {
    {"apiVersion", &kApiVersionEnum, true, "Always `warden/v1`"},
    {"kind", &kExceptionKind, true, "Document kind"},
    {"metadata", &kPlainMetadataType, true, "Name and descriptive data"},
    {"spec", &kExceptionSpecType, true, "The waived policy, targets and approval"},
};
constexpr ObjectSchema kException{
    .fields = kExceptionFields,
    .description = "A scoped waiver of a policy or rule, with justification and expiry"};

// --- Test ---------------------------------------------------------------------------------

constexpr Field kTestCaseFields[] = {
    {"name", &kNonEmptyString, true, "What the case checks"},
    {"description", &kString, false, "Longer explanation"},
    {"input", &kAny, false, "The input: `{file: PATH}`, relative to the test file"},
    {"document", &kAny, false, "An inline document to check"},
    {"request", &kAny, false, "An inline authorization request"},
    {"environment", &kString, false, "Environment to evaluate in"},
    {"params", &kAny, false, "Parameter values for the policies under test"},
    {"now", &kAny, false, "Evaluation time (RFC 3339)"},
    {"exceptions", &kAny, false, "Exceptions in force for this case"},
    {"expect", &kAny, false, "Expected outcome and violations"},
    {"expect_error", &kAny, false, "Expected evaluation error"},
};
constexpr ObjectSchema kTestCase{.fields = kTestCaseFields,
                                 .description = "One test case: input and expected outcome"};
constexpr Type kTestCaseType{.shape = Shape::kObject, .object = &kTestCase};
constexpr Type kTestCaseList{.shape = Shape::kList, .element = &kTestCaseType};

constexpr Field kTestSpecFields[] = {
    {"cases", &kTestCaseList, true, "The test cases"},
};
constexpr ObjectSchema kTestSpec{.fields = kTestSpecFields, .description = "The test cases"};
constexpr Type kTestSpecType{.shape = Shape::kObject, .object = &kTestSpec};

constexpr Field kTestFields[] = {
    {"apiVersion", &kApiVersionEnum, true, "Always `warden/v1`"},
    {"kind", &kTestKind, true, "Document kind"},
    {"metadata", &kPlainMetadataType, true, "Name and descriptive data"},
    {"spec", &kTestSpecType, true, "The test cases"},
};
constexpr ObjectSchema kTest{.fields = kTestFields,
                             .description =
                                 "Unit tests for policies: inputs and expected "
                                 "outcomes"};

constexpr KindSchema kKinds[] = {
    {"Policy", &kPolicy, kPolicy.description},
    {"Bundle", &kBundle, kBundle.description},
    {"Exception", &kException, kException.description},
    {"Test", &kTest, kTest.description},
};

// --- names --------------------------------------------------------------------------------

// cel-spec: the literals and the words reserved for future use.
constexpr std::string_view kReservedWords[] = {
    "true",     "false",   "null",      "in",       "as",  "break",  "const",
    "continue", "else",    "for",       "function", "if",  "import", "let",
    "loop",     "package", "namespace", "return",   "var", "void",   "while"};

constexpr std::string_view kBuiltinVariables[] = {
    "object",  "input",       "file", "plan",   "subject", "action", "resource",
    "context", "environment", "env",  "params", "now",     "item",   "index"};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsName(std::string_view text) {
  if (text.empty() || text.size() > kMaxNameLength) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return IsLower(c) || IsDigit(c) || c == '-'; });
}

bool IsRuleId(std::string_view text) {
  if (text.empty() || text.size() > kMaxNameLength) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return IsLower(c) || IsUpper(c) || IsDigit(c) || c == '-' || c == '_';
  });
}

bool IsIdentifier(std::string_view text) {
  if (text.empty() || IsDigit(text.front())) return false;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return IsLower(c) || IsUpper(c) || IsDigit(c) || c == '_'; })) {
    return false;
  }
  return std::find(std::begin(kReservedWords), std::end(kReservedWords), text) ==
         std::end(kReservedWords);
}

std::string Plural(const Type& type) {
  switch (type.shape) {
    case Shape::kString:
    case Shape::kEnum:
      return "strings";
    case Shape::kBool:
      return "booleans";
    case Shape::kInt:
      return "integers";
    case Shape::kTimestamp:
      return "timestamps";
    case Shape::kAny:
      return "values";
    case Shape::kList:
      return "lists";
    case Shape::kMap:
    case Shape::kObject:
      return "maps";
  }
  return "values";
}

}  // namespace

std::span<const KindSchema> Kinds() { return kKinds; }

const KindSchema* FindKind(std::string_view kind) {
  for (const KindSchema& schema : kKinds) {
    if (schema.kind == kind) return &schema;
  }
  return nullptr;
}

const Field* FindField(const ObjectSchema& object, std::string_view name) {
  for (const Field& field : object.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::string Describe(const Type& type) {
  switch (type.shape) {
    case Shape::kString:
    case Shape::kEnum:
      return type.format == TextFormat::kNonEmpty ? "a non-empty string" : "a string";
    case Shape::kBool:
      return "a boolean";
    case Shape::kInt:
      return "an integer";
    case Shape::kTimestamp:
      return "an RFC 3339 timestamp";
    case Shape::kAny:
      return "any value";
    case Shape::kList: {
      std::string list = "a list of " + Plural(*type.element);
      if (!type.single_as_list) return list;
      return "a string or " + list;
    }
    case Shape::kMap:
      if (type.element->shape == Shape::kAny) return "a map";
      return "a map of " + Plural(*type.element);
    case Shape::kObject:
      return "a map";
  }
  return "a value";
}

bool MatchesFormat(std::string_view text, TextFormat format) {
  switch (format) {
    case TextFormat::kAny:
      return true;
    case TextFormat::kNonEmpty:
      return !text.empty();
    case TextFormat::kName:
      return IsName(text);
    case TextFormat::kRuleId:
      return IsRuleId(text);
    case TextFormat::kIdentifier:
      return IsIdentifier(text);
  }
  return false;
}

std::string_view FormatRule(TextFormat format) {
  switch (format) {
    case TextFormat::kAny:
      return {};
    case TextFormat::kNonEmpty:
      return "give a non-empty value";
    case TextFormat::kName:
      return "use lowercase letters, digits and `-`, starting and ending with a letter or "
             "digit, at most 63 characters";
    case TextFormat::kRuleId:
      return "use letters, digits, `_` and `-`, at most 63 characters";
    case TextFormat::kIdentifier:
      return "use letters, digits and `_`, not starting with a digit, and not a CEL reserved "
             "word";
  }
  return {};
}

std::string_view FormatPattern(TextFormat format) {
  switch (format) {
    case TextFormat::kAny:
    case TextFormat::kNonEmpty:
      return {};
    case TextFormat::kName:
      return "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";
    case TextFormat::kRuleId:
      return "^[A-Za-z0-9_-]+$";
    case TextFormat::kIdentifier:
      return "^[A-Za-z_][A-Za-z0-9_]*$";
  }
  return {};
}

std::span<const std::string_view> ReservedWords() { return kReservedWords; }
std::span<const std::string_view> BuiltinVariables() { return kBuiltinVariables; }

}  // namespace warden::policy::schema
