// The network extension (extensions.h): Kubernetes-compatible IP and CIDR functions over
// the opaque types "net.IP" and "net.CIDR". Parsing and printing are in net_address.cc.

#include <string>
#include <string_view>

#include "warden/cel/lib/ext_support.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/lib/net_address.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel {

namespace {

using net::IpAddress;
using net::IpPrefix;

constexpr std::string_view kIpType = "net.IP";
constexpr std::string_view kCidrType = "net.CIDR";
constexpr KindMask kStringArg = KindBit(ValueKind::kString);
constexpr KindMask kOpaqueArg = KindBit(ValueKind::kOpaque);

std::string FormatIpData(std::string_view data) {
  IpAddress address;
  return net::IpAddressFromData(data, address) ? net::FormatIpAddress(address) : std::string();
}

std::string FormatCidrData(std::string_view data) {
  IpPrefix prefix;
  return net::IpPrefixFromData(data, prefix) ? net::FormatIpPrefix(prefix) : std::string();
}

Value MakeIp(CallContext& ctx, const IpAddress& address) {
  return ctx.values().MakeOpaque(kIpType, address.data(), &FormatIpData);
}

Value MakeCidr(CallContext& ctx, const IpPrefix& prefix) {
  return ctx.values().MakeOpaque(kCidrType, net::PrefixData(prefix), &FormatCidrData);
}

// Parses a string argument into an address, or sets `error` to the error value.
bool ParseIpArg(const Value& arg, CallContext& ctx, IpAddress& address, Value& error) {
  std::string reason;
  if (net::ParseIpAddress(arg.string_view(), address, reason)) return true;
  error = ctx.Error("invalid IP address `" + std::string(arg.string_view()) + "`: " + reason);
  return false;
}

bool ParseCidrArg(const Value& arg, CallContext& ctx, IpPrefix& prefix, Value& error) {
  std::string reason;
  if (net::ParseIpPrefix(arg.string_view(), prefix, reason)) return true;
  error = ctx.Error("invalid CIDR `" + std::string(arg.string_view()) + "`: " + reason);
  return false;
}

// The address of an opaque "net.IP" argument; false for any other opaque type.
bool IpOf(const Value& value, IpAddress& address) {
  return ext::IsOpaqueOf(value, kIpType) && net::IpAddressFromData(value.opaque().data, address);
}

bool CidrOf(const Value& value, IpPrefix& prefix) {
  return ext::IsOpaqueOf(value, kCidrType) && net::IpPrefixFromData(value.opaque().data, prefix);
}

Value StringToIp(std::span<const Value> args, CallContext& ctx) {
  IpAddress address;
  Value error;
  if (!ParseIpArg(args[0], ctx, address, error)) return error;
  return MakeIp(ctx, address);
}

Value IsIp(std::span<const Value> args, CallContext&) {
  IpAddress address;
  std::string reason;
  return Value::Bool(net::ParseIpAddress(args[0].string_view(), address, reason));
}

Value IpIsCanonical(std::span<const Value> args, CallContext& ctx) {
  IpAddress address;
  Value error;
  if (!ParseIpArg(args[0], ctx, address, error)) return error;
  return Value::Bool(net::FormatIpAddress(address) == args[0].string_view());
}

// Applies `accessor` to a net.IP receiver, or reports the call of `name` unmatched.
Value WithIp(std::span<const Value> args, CallContext& ctx, std::string_view name,
             Value (*accessor)(const IpAddress&)) {
  IpAddress address;
  if (!IpOf(args[0], address)) return ext::NoOverload(ctx, name, args);
  return accessor(address);
}

Value Family(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "family",
                [](const IpAddress& address) { return Value::Int(address.is_v4() ? 4 : 6); });
}

Value IsUnspecified(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "isUnspecified",
                [](const IpAddress& address) { return Value::Bool(net::IsUnspecified(address)); });
}

Value IsLoopback(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "isLoopback",
                [](const IpAddress& address) { return Value::Bool(net::IsLoopback(address)); });
}

Value IsLinkLocalMulticast(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "isLinkLocalMulticast", [](const IpAddress& address) {
    return Value::Bool(net::IsLinkLocalMulticast(address));
  });
}

Value IsLinkLocalUnicast(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "isLinkLocalUnicast", [](const IpAddress& address) {
    return Value::Bool(net::IsLinkLocalUnicast(address));
  });
}

Value IsGlobalUnicast(std::span<const Value> args, CallContext& ctx) {
  return WithIp(args, ctx, "isGlobalUnicast", [](const IpAddress& address) {
    return Value::Bool(net::IsGlobalUnicast(address));
  });
}

Value StringToCidr(std::span<const Value> args, CallContext& ctx) {
  IpPrefix prefix;
  Value error;
  if (!ParseCidrArg(args[0], ctx, prefix, error)) return error;
  return MakeCidr(ctx, prefix);
}

Value IsCidr(std::span<const Value> args, CallContext&) {
  IpPrefix prefix;
  std::string reason;
  return Value::Bool(net::ParseIpPrefix(args[0].string_view(), prefix, reason));
}

Value ContainsIp(std::span<const Value> args, CallContext& ctx) {
  IpPrefix prefix;
  IpAddress address;
  if (!CidrOf(args[0], prefix)) return ext::NoOverload(ctx, "containsIP", args);
  if (args[1].kind() == ValueKind::kString) {
    Value error;
    if (!ParseIpArg(args[1], ctx, address, error)) return error;
  } else if (!IpOf(args[1], address)) {
    return ext::NoOverload(ctx, "containsIP", args);
  }
  return Value::Bool(net::Contains(prefix, address));
}

Value ContainsCidr(std::span<const Value> args, CallContext& ctx) {
  IpPrefix outer;
  IpPrefix inner;
  if (!CidrOf(args[0], outer)) return ext::NoOverload(ctx, "containsCIDR", args);
  if (args[1].kind() == ValueKind::kString) {
    Value error;
    if (!ParseCidrArg(args[1], ctx, inner, error)) return error;
  } else if (!CidrOf(args[1], inner)) {
    return ext::NoOverload(ctx, "containsCIDR", args);
  }
  return Value::Bool(net::ContainsPrefix(outer, inner));
}

Value CidrIp(std::span<const Value> args, CallContext& ctx) {
  IpPrefix prefix;
  if (!CidrOf(args[0], prefix)) return ext::NoOverload(ctx, "ip", args);
  return MakeIp(ctx, prefix.address);
}

Value CidrMasked(std::span<const Value> args, CallContext& ctx) {
  IpPrefix prefix;
  if (!CidrOf(args[0], prefix)) return ext::NoOverload(ctx, "masked", args);
  IpPrefix masked = net::Masked(prefix);
  if (net::PrefixData(masked) == args[0].opaque().data) return args[0];
  return MakeCidr(ctx, masked);
}

Value CidrPrefixLength(std::span<const Value> args, CallContext& ctx) {
  IpPrefix prefix;
  if (!CidrOf(args[0], prefix)) return ext::NoOverload(ctx, "prefixLength", args);
  return Value::Int(prefix.bits);
}

// string(net.IP) and string(net.CIDR); other opaque types have no string conversion here.
Value NetToString(std::span<const Value> args, CallContext& ctx) {
  IpAddress address;
  if (IpOf(args[0], address)) return ext::StringResult(ctx, net::FormatIpAddress(address));
  IpPrefix prefix;
  if (CidrOf(args[0], prefix)) return ext::StringResult(ctx, net::FormatIpPrefix(prefix));
  return ext::NoOverload(ctx, "string", args);
}

}  // namespace

void RegisterNetworkExtensions(FunctionRegistry& registry) {
  registry.Register("ip", false, {kStringArg}, StringToIp);
  registry.Register("isIP", false, {kStringArg}, IsIp);
  registry.Register("ip.isCanonical", false, {kStringArg}, IpIsCanonical);
  registry.Register("family", true, {kOpaqueArg}, Family);
  registry.Register("isUnspecified", true, {kOpaqueArg}, IsUnspecified);
  registry.Register("isLoopback", true, {kOpaqueArg}, IsLoopback);
  registry.Register("isLinkLocalMulticast", true, {kOpaqueArg}, IsLinkLocalMulticast);
  registry.Register("isLinkLocalUnicast", true, {kOpaqueArg}, IsLinkLocalUnicast);
  registry.Register("isGlobalUnicast", true, {kOpaqueArg}, IsGlobalUnicast);

  registry.Register("cidr", false, {kStringArg}, StringToCidr);
  registry.Register("isCIDR", false, {kStringArg}, IsCidr);
  registry.Register("containsIP", true, {kOpaqueArg, kOpaqueArg | kStringArg}, ContainsIp);
  registry.Register("containsCIDR", true, {kOpaqueArg, kOpaqueArg | kStringArg}, ContainsCidr);
  registry.Register("ip", true, {kOpaqueArg}, CidrIp);
  registry.Register("masked", true, {kOpaqueArg}, CidrMasked);
  registry.Register("prefixLength", true, {kOpaqueArg}, CidrPrefixLength);

  registry.Register("string", false, {kOpaqueArg}, NetToString);
}

}  // namespace warden::cel
