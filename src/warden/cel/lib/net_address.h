#pragma once
// IP addresses and prefixes (CIDRs) parsed and printed as Go's net/netip does, with the
// restrictions Kubernetes' CEL IP/CIDR libraries add (no zones, no IPv4-mapped IPv6).
// Internal to cel/lib: the network extension (net.cc) builds on it.
//
// Accepted text: IPv4 as exactly four decimal octets 0..255 without leading zeros
// ("10.0.0.1"); IPv6 as eight groups of 1..4 hex digits (either case) with at most one
// "::" standing for one or more zero groups, optionally ending in a dotted IPv4 part
// that replaces the last two groups ("64:ff9b::1.2.3.4"). A CIDR is an address, "/" and
// a decimal prefix length without sign or leading zeros (0..32 or 0..128).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace warden::cel::net {

struct IpAddress {
  std::array<uint8_t, 16> bytes{};  // the first `size` bytes, network order
  uint8_t size = 0;                 // 4 (IPv4) or 16 (IPv6)

  bool is_v4() const { return size == 4; }
  // The address bytes, the payload of an opaque "net.IP" value.
  std::string_view data() const { return {reinterpret_cast<const char*>(bytes.data()), size}; }
  bool operator==(const IpAddress& other) const {
    return size == other.size && bytes == other.bytes;
  }
};

struct IpPrefix {
  IpAddress address;  // not necessarily masked
  uint8_t bits = 0;   // prefix length, at most 8 * address.size
};

// Parses an IP address. On failure returns false and sets `error` to the reason
// ("IPv4 field has octet with leading zero", "zones are not allowed", ...).
bool ParseIpAddress(std::string_view text, IpAddress& address, std::string& error);

// Parses a CIDR "address/bits". On failure returns false and sets `error` to the reason.
bool ParseIpPrefix(std::string_view text, IpPrefix& prefix, std::string& error);

// The canonical text: dotted decimal, or RFC 5952 for IPv6 (lower case, no leading
// zeros, the first longest run of two or more zero groups written "::").
std::string FormatIpAddress(const IpAddress& address);
std::string FormatIpPrefix(const IpPrefix& prefix);

// Rebuilds an address from the 4 or 16 bytes of IpAddress::data(); false otherwise.
bool IpAddressFromData(std::string_view data, IpAddress& address);

// The opaque payload of a "net.CIDR" value: the address bytes, then the prefix length.
std::string PrefixData(const IpPrefix& prefix);
bool IpPrefixFromData(std::string_view data, IpPrefix& prefix);

// The prefix with every bit after the prefix length cleared.
IpPrefix Masked(const IpPrefix& prefix);
// Whether `address` (same family) lies inside `prefix`.
bool Contains(const IpPrefix& prefix, const IpAddress& address);
// Whether every address of `inner` lies inside `outer` (same family, inner at least as
// long a prefix, and inner's network inside outer).
bool ContainsPrefix(const IpPrefix& outer, const IpPrefix& inner);

// Classification, as Go's net/netip defines it.
bool IsUnspecified(const IpAddress& address);         // 0.0.0.0, ::
bool IsLoopback(const IpAddress& address);            // 127.0.0.0/8, ::1
bool IsMulticast(const IpAddress& address);           // 224.0.0.0/4, ff00::/8
bool IsLinkLocalMulticast(const IpAddress& address);  // 224.0.0.0/24, ffX2::/16
bool IsLinkLocalUnicast(const IpAddress& address);    // 169.254.0.0/16, fe80::/10
// Not unspecified, loopback, multicast or link-local unicast, and not 255.255.255.255;
// private and unique-local addresses count as global unicast.
bool IsGlobalUnicast(const IpAddress& address);

}  // namespace warden::cel::net
