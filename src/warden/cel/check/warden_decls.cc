// Warden's functions (LANGUAGE.md §4): `glob`, and Kubernetes-compatible network
// (`ip`, `cidr`) and version (`semver`) helpers, with the Kubernetes CEL libraries'
// function names and signatures.

#include "warden/cel/check/decl_builder.h"

namespace warden::cel::check_internal {
namespace {

void AddGlob(DeclBuilder& builder) {
  builder.Member("glob", "string_glob_string", {TString(), TString()}, TBool());
  builder.Global("glob", "glob_string_string", {TString(), TString()}, TBool());
}

void AddNetwork(DeclBuilder& builder) {
  const Type ip = Type::IP();
  const Type cidr = Type::CIDR();
  builder.Global("ip", "string_to_ip", {TString()}, ip);
  builder.Global("isIP", "is_ip", {TString()}, TBool());
  builder.Global("ip.isCanonical", "ip_is_canonical", {TString()}, TBool());
  builder.Member("family", "ip_family", {ip}, TInt());
  builder.Member("isUnspecified", "ip_is_unspecified", {ip}, TBool());
  builder.Member("isLoopback", "ip_is_loopback", {ip}, TBool());
  builder.Member("isLinkLocalMulticast", "ip_is_link_local_multicast", {ip}, TBool());
  builder.Member("isLinkLocalUnicast", "ip_is_link_local_unicast", {ip}, TBool());
  builder.Member("isGlobalUnicast", "ip_is_global_unicast", {ip}, TBool());
  builder.Global("string", "ip_to_string", {ip}, TString());

  builder.Global("cidr", "string_to_cidr", {TString()}, cidr);
  builder.Global("isCIDR", "is_cidr", {TString()}, TBool());
  builder.Member("containsIP", "cidr_contains_ip_ip", {cidr, ip}, TBool());
  builder.Member("containsIP", "cidr_contains_ip_string", {cidr, TString()}, TBool());
  builder.Member("containsCIDR", "cidr_contains_cidr", {cidr, cidr}, TBool());
  builder.Member("containsCIDR", "cidr_contains_cidr_string", {cidr, TString()}, TBool());
  builder.Member("ip", "cidr_ip", {cidr}, ip);
  builder.Member("masked", "cidr_masked", {cidr}, cidr);
  builder.Member("prefixLength", "cidr_prefix_length", {cidr}, TInt());
  builder.Global("string", "cidr_to_string", {cidr}, TString());
}

void AddSemver(DeclBuilder& builder) {
  const Type semver = Type::Semver();
  builder.Global("isSemver", "is_semver", {TString()}, TBool());
  builder.Global("isSemver", "is_semver_normalize", {TString(), TBool()}, TBool());
  builder.Global("semver", "string_to_semver", {TString()}, semver);
  builder.Global("semver", "string_to_semver_normalize", {TString(), TBool()}, semver);
  builder.Member("major", "semver_major", {semver}, TInt());
  builder.Member("minor", "semver_minor", {semver}, TInt());
  builder.Member("patch", "semver_patch", {semver}, TInt());
  builder.Member("isGreaterThan", "semver_is_greater_than", {semver, semver}, TBool());
  builder.Member("isLessThan", "semver_is_less_than", {semver, semver}, TBool());
  builder.Member("compareTo", "semver_compare_to", {semver, semver}, TInt());
}

}  // namespace

void AddWardenDecls(DeclBuilder& builder) {
  AddGlob(builder);
  AddNetwork(builder);
  AddSemver(builder);
}

}  // namespace warden::cel::check_internal
