#include "warden/policy/model.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace warden::policy {
namespace {

// Names indexed by enumerator value; the order must follow the enum declarations.
constexpr std::array<const char*, 5> kPolicyTypeNames = {"security", "compliance", "operational",
                                                         "cost", "access"};
constexpr std::array<const char*, 5> kSeverityNames = {"info", "low", "medium", "high", "critical"};
constexpr std::array<const char*, 4> kEnforcementNames = {"enforce", "warn", "audit", "disabled"};
constexpr std::array<const char*, 5> kEffectNames = {"deny", "allow", "require_approval", "warn",
                                                     "audit"};
constexpr std::array<const char*, 3> kCombiningNames = {"deny-overrides", "first-match",
                                                        "allow-overrides"};
constexpr std::array<const char*, 2> kOnErrorNames = {"deny", "allow"};

template <typename Enum, size_t N>
const char* NameOf(const std::array<const char*, N>& names, Enum value) {
  auto index = static_cast<size_t>(value);
  return index < N ? names[index] : "unknown";
}

template <typename Enum, size_t N>
bool ParseName(const std::array<const char*, N>& names, std::string_view text, Enum& out) {
  for (size_t index = 0; index < N; ++index) {
    if (text == names[index]) {
      out = static_cast<Enum>(index);
      return true;
    }
  }
  return false;
}

}  // namespace

const char* PolicyTypeName(PolicyType type) { return NameOf(kPolicyTypeNames, type); }
const char* SeverityName(Severity severity) { return NameOf(kSeverityNames, severity); }
const char* EnforcementName(Enforcement enforcement) {
  return NameOf(kEnforcementNames, enforcement);
}
const char* EffectName(Effect effect) { return NameOf(kEffectNames, effect); }
const char* CombiningName(Combining combining) { return NameOf(kCombiningNames, combining); }
const char* OnErrorName(OnError on_error) { return NameOf(kOnErrorNames, on_error); }

bool ParsePolicyType(std::string_view text, PolicyType& out) {
  return ParseName(kPolicyTypeNames, text, out);
}
bool ParseSeverity(std::string_view text, Severity& out) {
  return ParseName(kSeverityNames, text, out);
}
bool ParseEnforcement(std::string_view text, Enforcement& out) {
  return ParseName(kEnforcementNames, text, out);
}
bool ParseEffect(std::string_view text, Effect& out) { return ParseName(kEffectNames, text, out); }
bool ParseCombining(std::string_view text, Combining& out) {
  return ParseName(kCombiningNames, text, out);
}
bool ParseOnError(std::string_view text, OnError& out) {
  return ParseName(kOnErrorNames, text, out);
}

}  // namespace warden::policy
