// The semver extension (extensions.h): Kubernetes-compatible functions over the opaque
// type "Semver", whose payload is the canonical version text without build metadata.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "warden/cel/lib/ext_support.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/lib/semver.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

namespace {

constexpr std::string_view kSemverType = "Semver";
constexpr KindMask kStringArg = KindBit(ValueKind::kString);
constexpr KindMask kBoolArg = KindBit(ValueKind::kBool);
constexpr KindMask kOpaqueArg = KindBit(ValueKind::kOpaque);

bool ParseArg(std::string_view text, bool normalize, semver::Version& version, std::string& error) {
  return normalize ? semver::ParseNormalized(text, version, error)
                   : semver::Parse(text, version, error);
}

// The version held by an opaque "Semver" value; false for any other value.
bool VersionOf(const Value& value, semver::Version& version) {
  std::string error;
  return ext::IsOpaqueOf(value, kSemverType) && semver::Parse(value.opaque().data, version, error);
}

Value ToSemver(std::span<const Value> args, CallContext& ctx) {
  const bool normalize = args.size() > 1 && args[1].bool_value();
  semver::Version version;
  std::string error;
  if (!ParseArg(args[0].string_view(), normalize, version, error)) {
    return ctx.Error("invalid semantic version `" + std::string(args[0].string_view()) +
                     "`: " + error);
  }
  // The data is the canonical text itself.
  return ctx.values().MakeOpaque(kSemverType, semver::Canonical(version),
                                 [](std::string_view data) { return std::string(data); });
}

Value IsSemver(std::span<const Value> args, CallContext&) {
  const bool normalize = args.size() > 1 && args[1].bool_value();
  semver::Version version;
  std::string error;
  return Value::Bool(ParseArg(args[0].string_view(), normalize, version, error));
}

// major(), minor(), patch(): the component as an int; one beyond int64 is an error.
enum class Component : uint8_t { kMajor, kMinor, kPatch };

template <Component kComponent>
Value ComponentOf(std::span<const Value> args, CallContext& ctx) {
  constexpr std::string_view kName = kComponent == Component::kMajor   ? "major"
                                     : kComponent == Component::kMinor ? "minor"
                                                                       : "patch";
  semver::Version version;
  if (!VersionOf(args[0], version)) return ext::NoOverload(ctx, kName, args);
  const uint64_t value = kComponent == Component::kMajor   ? version.major
                         : kComponent == Component::kMinor ? version.minor
                                                           : version.patch;
  if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return ctx.Error("semantic version " + std::string(kName) + " number " + std::to_string(value) +
                     " overflows int");
  }
  return Value::Int(static_cast<int64_t>(value));
}

// isGreaterThan, isLessThan and compareTo all compare the receiver with the argument.
enum class Comparison : uint8_t { kGreaterThan, kLessThan, kCompareTo };

template <Comparison kComparison>
Value CompareVersions(std::span<const Value> args, CallContext& ctx) {
  constexpr std::string_view kName = kComparison == Comparison::kGreaterThan ? "isGreaterThan"
                                     : kComparison == Comparison::kLessThan  ? "isLessThan"
                                                                             : "compareTo";
  semver::Version left;
  semver::Version right;
  if (!VersionOf(args[0], left) || !VersionOf(args[1], right)) {
    return ext::NoOverload(ctx, kName, args);
  }
  const int order = semver::Compare(left, right);
  if constexpr (kComparison == Comparison::kGreaterThan) return Value::Bool(order > 0);
  if constexpr (kComparison == Comparison::kLessThan) return Value::Bool(order < 0);
  return Value::Int(order);
}

}  // namespace

void RegisterSemverExtensions(FunctionRegistry& registry) {
  registry.Register("semver", false, {kStringArg}, ToSemver);
  registry.Register("semver", false, {kStringArg, kBoolArg}, ToSemver);
  registry.Register("isSemver", false, {kStringArg}, IsSemver);
  registry.Register("isSemver", false, {kStringArg, kBoolArg}, IsSemver);
  registry.Register("major", true, {kOpaqueArg}, ComponentOf<Component::kMajor>);
  registry.Register("minor", true, {kOpaqueArg}, ComponentOf<Component::kMinor>);
  registry.Register("patch", true, {kOpaqueArg}, ComponentOf<Component::kPatch>);
  registry.Register("isGreaterThan", true, {kOpaqueArg, kOpaqueArg},
                    CompareVersions<Comparison::kGreaterThan>);
  registry.Register("isLessThan", true, {kOpaqueArg, kOpaqueArg},
                    CompareVersions<Comparison::kLessThan>);
  registry.Register("compareTo", true, {kOpaqueArg, kOpaqueArg},
                    CompareVersions<Comparison::kCompareTo>);
}

}  // namespace warden::cel
