#pragma once
// Warden's public embedding API (docs/embedding.md): the fixed vocabulary of results.
//
// These enums name what the policy language names (docs/language.md): the effect of a
// decision, the effect a rule declares, a policy's severity and enforcement, and the
// outcome of one policy on one document. `Name` gives the spelling Warden uses in
// policies and in its JSON output (`allow`, `require_approval`, `critical`, ...).
//
// The public API lives in the inline namespace `warden::api_v1`: write `warden::Effect`.
// The inline namespace keeps these types apart, at link time, from Warden's internal
// types, and versions the ABI.

namespace warden {
inline namespace api_v1 {

// The decision on a request.
enum class Effect { kAllow, kDeny, kRequireApproval };

// The effect a rule declares (`effect:` in a policy). `kWarn` and `kAudit` rules never
// decide a request; they are reported beside the decision.
enum class RuleEffect { kDeny, kAllow, kRequireApproval, kWarn, kAudit };

enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

// How a finding is enforced after the whole resolution chain (rule effect, policy,
// environment). Only `kEnforce` findings block.
enum class Enforcement { kEnforce, kWarn, kAudit, kDisabled };

// The outcome of one policy on one document.
enum class Outcome { kPass, kFail, kWarn, kSkip, kError };

// The spellings: `allow`, `deny`, `require_approval`; `warn`, `audit`; `info`, `low`,
// `medium`, `high`, `critical`; `enforce`, `disabled`; `pass`, `fail`, `skip`, `error`.
// Static strings, never null.
const char* Name(Effect effect);
const char* Name(RuleEffect effect);
const char* Name(Severity severity);
const char* Name(Enforcement enforcement);
const char* Name(Outcome outcome);

}  // namespace api_v1
}  // namespace warden
