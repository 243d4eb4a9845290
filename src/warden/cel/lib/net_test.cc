// Tests of the network extension (Kubernetes' IP and CIDR libraries) and of the address
// parser and printer behind it. Expectations follow Go's net/netip and Kubernetes' tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/cel/lib/ext_testing.h"
#include "warden/cel/lib/extensions.h"
#include "warden/cel/lib/net_address.h"

namespace warden::cel {
namespace {

using testing::ExtTester;
using testing::IsBool;
using testing::IsError;
using testing::IsInt;
using testing::IsString;

class NetworkExtensionsTest : public ::testing::Test {
 protected:
  Value S(std::string_view text) { return tester.Str(text); }
  Value Ip(std::string_view text) { return tester.Global("ip", {S(text)}); }
  Value Cidr(std::string_view text) { return tester.Global("cidr", {S(text)}); }
  Value ToString(const Value& value) { return tester.Global("string", {value}); }

  ExtTester tester{RegisterNetworkExtensions};
};

TEST_F(NetworkExtensionsTest, IpParsesToCanonicalText) {
  struct Case {
    std::string text;
    std::string canonical;
  };
  const std::vector<Case> cases = {
      {"127.0.0.1", "127.0.0.1"},
      {"0.0.0.0", "0.0.0.0"},
      {"255.255.255.255", "255.255.255.255"},
      {"::1", "::1"},
      {"::", "::"},
      {"2001:db8::abcd", "2001:db8::abcd"},
      {"2001:DB8::ABCD", "2001:db8::abcd"},
      {"2001:db8::0:0:0:abcd", "2001:db8::abcd"},
      {"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
      {"1:0:0:1:0:0:0:1", "1:0:0:1::1"},       // the longest zero run is shortened
      {"1:0:0:1:0:0:1:1", "1::1:0:0:1:1"},     // ties go to the first run
      {"1:0:1:1:1:1:1:1", "1:0:1:1:1:1:1:1"},  // a single zero group stays
      {"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"},  // :: for one group prints as 0
      {"fe80::", "fe80::"},
      {"::1.2.3.4", "::102:304"},  // embedded IPv4 prints in hex
      {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
      {"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    Value ip = Ip(test.text);
    ASSERT_EQ(ip.kind(), ValueKind::kOpaque) << (ip.is_error() ? ip.error().message : "");
    EXPECT_EQ(ip.opaque().type_name, "net.IP");
    EXPECT_TRUE(IsString(ToString(ip), test.canonical));
    EXPECT_TRUE(IsBool(tester.Global("isIP", {S(test.text)}), true));
    EXPECT_TRUE(
        IsBool(tester.Global("ip.isCanonical", {S(test.text)}), test.text == test.canonical));
  }
}

TEST_F(NetworkExtensionsTest, InvalidAddressesAreErrors) {
  struct Case {
    std::string text;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"127.0.0.256", "IPv4 field has value >255"},
      {"127.0.0.01", "IPv4 field has octet with leading zero"},
      {"010.0.0.1", "leading zero"},
      {"1.2.3", "IPv4 address too short"},
      {"1.2.3.4.5", "IPv4 address too long"},
      {"1..2.3", "IPv4 field must have at least one digit"},
      {".1.2.3", "at least one digit"},
      {"1.2.3.", "at least one digit"},
      {"1.2.3.4:80", "unexpected character `:`"},
      {":::1", "each colon-separated field must have at least one digit"},
      {"1::2::3", "multiple :: in address"},
      {"12345::", "each group must have 4 or less digits"},
      {"1:2:3:4:5:6:7", "address string too short"},
      {"1:2:3:4:5:6:7:8:9", "trailing garbage after address"},
      {"1:2:3:4::5:6:7:8", "the :: must expand to at least one field of zeros"},
      {"1:", "colon must be followed by more characters"},
      {":1", "each colon-separated field must have at least one digit"},
      {"1:2:3:4:5:6:7:8x", "unexpected character, want colon"},
      {"1:2:1.2.3.4", "embedded IPv4 address must replace the final 2 fields"},
      {"1:2:3:4:5:6:7:1.2.3.4", "embedded IPv4 address must replace the final 2 fields"},
      {"::1.2.3.04", "leading zero"},
      {"fe80::1%eth0", "zones are not allowed"},
      {"::ffff:1.2.3.4", "IPv4-mapped IPv6 addresses are not allowed"},
      {"::ffff:102:304", "IPv4-mapped IPv6 addresses are not allowed"},
      {"%eth0", "missing IPv6 address"},
      {"", "unable to parse IP"},
      {"localhost", "unable to parse IP"},
      {" 1.2.3.4", "unexpected character"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    Value result = Ip(test.text);
    EXPECT_TRUE(IsError(result, "invalid IP address `" + test.text + "`"));
    EXPECT_TRUE(IsError(result, test.reason));
    EXPECT_TRUE(IsBool(tester.Global("isIP", {S(test.text)}), false));
    EXPECT_TRUE(IsError(tester.Global("ip.isCanonical", {S(test.text)}), test.reason));
  }
}

TEST_F(NetworkExtensionsTest, AddressClassificationFollowsGoNetip) {
  struct Case {
    std::string text;
    int64_t family;
    bool unspecified;
    bool loopback;
    bool link_local_multicast;
    bool link_local_unicast;
    bool global_unicast;
  };
  const std::vector<Case> cases = {
      {"0.0.0.0", 4, true, false, false, false, false},
      {"127.0.0.1", 4, false, true, false, false, false},
      {"192.168.0.1", 4, false, false, false, false, true},
      {"10.1.2.3", 4, false, false, false, false, true},  // private counts as global
      {"224.0.0.1", 4, false, false, true, false, false},
      {"224.0.1.1", 4, false, false, false, false, false},  // multicast, not link-local
      {"169.254.169.254", 4, false, false, false, true, false},
      {"255.255.255.255", 4, false, false, false, false, false},
      {"::", 6, true, false, false, false, false},
      {"::1", 6, false, true, false, false, false},
      {"2001:db8::abcd", 6, false, false, false, false, true},
      {"fd00::1", 6, false, false, false, false, true},  // unique local counts as global
      {"ff02::1", 6, false, false, true, false, false},
      {"ff12::1", 6, false, false, true, false, false},  // flags nibble ignored
      {"ff05::1", 6, false, false, false, false, false},
      {"ff00::1", 6, false, false, false, false, false},
      {"fe80::1", 6, false, false, false, true, false},
      {"febf::1", 6, false, false, false, true, false},
      {"fec0::1", 6, false, false, false, false, true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    Value ip = Ip(test.text);
    EXPECT_TRUE(IsInt(tester.Member("family", {ip}), test.family));
    EXPECT_TRUE(IsBool(tester.Member("isUnspecified", {ip}), test.unspecified));
    EXPECT_TRUE(IsBool(tester.Member("isLoopback", {ip}), test.loopback));
    EXPECT_TRUE(IsBool(tester.Member("isLinkLocalMulticast", {ip}), test.link_local_multicast));
    EXPECT_TRUE(IsBool(tester.Member("isLinkLocalUnicast", {ip}), test.link_local_unicast));
    EXPECT_TRUE(IsBool(tester.Member("isGlobalUnicast", {ip}), test.global_unicast));
  }
}

TEST_F(NetworkExtensionsTest, CidrParsesAndPrintsWithoutMasking) {
  struct Case {
    std::string text;
    std::string canonical;
    int64_t prefix_length;
    std::string ip;
    std::string masked;
  };
  const std::vector<Case> cases = {
      {"192.168.0.0/24", "192.168.0.0/24", 24, "192.168.0.0", "192.168.0.0/24"},
      {"192.168.0.1/24", "192.168.0.1/24", 24, "192.168.0.1", "192.168.0.0/24"},
      {"10.255.255.255/9", "10.255.255.255/9", 9, "10.255.255.255", "10.128.0.0/9"},
      {"0.0.0.0/0", "0.0.0.0/0", 0, "0.0.0.0", "0.0.0.0/0"},
      {"1.2.3.4/32", "1.2.3.4/32", 32, "1.2.3.4", "1.2.3.4/32"},
      {"2001:db8::/32", "2001:db8::/32", 32, "2001:db8::", "2001:db8::/32"},
      {"2001:db8:1::/32", "2001:db8:1::/32", 32, "2001:db8:1::", "2001:db8::/32"},
      {"::1/128", "::1/128", 128, "::1", "::1/128"},
      {"2001:DB8::FFFF/127", "2001:db8::ffff/127", 127, "2001:db8::ffff", "2001:db8::fffe/127"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    Value cidr = Cidr(test.text);
    ASSERT_EQ(cidr.kind(), ValueKind::kOpaque) << (cidr.is_error() ? cidr.error().message : "");
    EXPECT_EQ(cidr.opaque().type_name, "net.CIDR");
    EXPECT_TRUE(IsBool(tester.Global("isCIDR", {S(test.text)}), true));
    EXPECT_TRUE(IsString(ToString(cidr), test.canonical));
    EXPECT_TRUE(IsInt(tester.Member("prefixLength", {cidr}), test.prefix_length));
    EXPECT_TRUE(IsString(ToString(tester.Member("ip", {cidr})), test.ip));
    EXPECT_TRUE(IsString(ToString(tester.Member("masked", {cidr})), test.masked));
  }
}

TEST_F(NetworkExtensionsTest, InvalidCidrsAreErrors) {
  struct Case {
    std::string text;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"192.168.0.0/", "bad bits after slash ``"},
      {"2001:db8::/", "bad bits after slash ``"},
      {"192.168.0.0", "no `/`"},
      {"192.168.0.0/33", "prefix length out of range"},
      {"::/129", "prefix length out of range"},
      {"10.0.0.0/08", "bad bits after slash `08`"},
      {"10.0.0.0/+8", "bad bits after slash `+8`"},
      {"10.0.0.0/-1", "bad bits after slash `-1`"},
      {"10.0.0.0/1000", "bad bits after slash `1000`"},
      {"10.0.0/8", "IPv4 address too short"},
      {"::ffff:10.0.0.0/104", "IPv4-mapped IPv6 addresses are not allowed"},
      {"fe80::%eth0/64", "zones are not allowed"},
      {"10.0.0.0/8/8", "unexpected character `/`"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.text);
    Value result = Cidr(test.text);
    EXPECT_TRUE(IsError(result, "invalid CIDR `" + test.text + "`"));
    EXPECT_TRUE(IsError(result, test.reason));
    EXPECT_TRUE(IsBool(tester.Global("isCIDR", {S(test.text)}), false));
  }
}

TEST_F(NetworkExtensionsTest, ContainsIpAcceptsAddressesAndStrings) {
  struct Case {
    std::string cidr;
    std::string ip;
    bool expected;
  };
  const std::vector<Case> cases = {
      // from Kubernetes' tests
      {"192.168.0.0/24", "192.168.0.1", true},
      {"192.168.0.0/24", "192.168.1.1", false},
      {"2001:db8::/32", "2001:db8::1", true},
      {"2001:db8::/32", "2001:dc8::1", false},
      // more
      {"192.168.0.1/24", "192.168.0.255", true},  // the CIDR's host bits do not matter
      {"0.0.0.0/0", "8.8.8.8", true},
      {"::/0", "8.8.8.8", false},  // families never mix
      {"10.0.0.0/8", "::1", false},
      {"1.2.3.4/32", "1.2.3.4", true},
      {"1.2.3.4/32", "1.2.3.5", false},
      {"2001:db8::/127", "2001:db8::1", true},
      {"2001:db8::/127", "2001:db8::2", false},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.cidr + " " + test.ip);
    Value cidr = Cidr(test.cidr);
    EXPECT_TRUE(IsBool(tester.Member("containsIP", {cidr, Ip(test.ip)}), test.expected));
    EXPECT_TRUE(IsBool(tester.Member("containsIP", {cidr, S(test.ip)}), test.expected));
  }
  EXPECT_TRUE(IsError(tester.Member("containsIP", {Cidr("10.0.0.0/8"), S("10.0.0.01")}),
                      "invalid IP address `10.0.0.01`"));
}

TEST_F(NetworkExtensionsTest, ContainsCidrAcceptsCidrsAndStrings) {
  struct Case {
    std::string outer;
    std::string inner;
    bool expected;
  };
  const std::vector<Case> cases = {
      // from Kubernetes' tests
      {"192.168.0.0/24", "192.168.0.0/25", true},
      {"192.168.0.0/24", "192.168.0.0/23", false},
      {"2001:db8::/32", "2001:db8::/33", true},
      {"2001:db8::/32", "2001:db8::/31", false},
      // more
      {"192.168.0.0/24", "192.168.0.0/24", true},
      {"10.0.0.0/8", "10.1.0.0/16", true},  // Kubernetes says false here (see extensions.h)
      {"10.0.0.0/8", "10.1.2.3/16", true},
      {"10.0.0.0/8", "11.0.0.0/16", false},
      {"10.0.0.0/8", "::/128", false},
      {"::/0", "2001:db8::/64", true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.outer + " " + test.inner);
    Value outer = Cidr(test.outer);
    EXPECT_TRUE(IsBool(tester.Member("containsCIDR", {outer, Cidr(test.inner)}), test.expected));
    EXPECT_TRUE(IsBool(tester.Member("containsCIDR", {outer, S(test.inner)}), test.expected));
  }
  EXPECT_TRUE(IsError(tester.Member("containsCIDR", {Cidr("10.0.0.0/8"), S("10.0.0.0")}),
                      "invalid CIDR `10.0.0.0`: no `/`"));
}

TEST_F(NetworkExtensionsTest, EqualValuesHaveEqualPayloads) {
  // Opaque equality compares type name and payload: equal addresses are equal values.
  EXPECT_EQ(Ip("2001:db8::1").opaque().data, Ip("2001:DB8:0::1").opaque().data);
  EXPECT_NE(Ip("::1").opaque().data, Ip("::2").opaque().data);
  EXPECT_EQ(Cidr("10.0.0.0/8").opaque().data, Cidr("10.0.0.0/8").opaque().data);
  EXPECT_NE(Cidr("10.0.0.1/8").opaque().data, Cidr("10.0.0.0/8").opaque().data);
  EXPECT_EQ(tester.Member("masked", {Cidr("10.0.0.1/8")}).opaque().data,
            Cidr("10.0.0.0/8").opaque().data);
  EXPECT_EQ(tester.Member("ip", {Cidr("192.168.0.1/24")}).opaque().data,
            Ip("192.168.0.1").opaque().data);
}

TEST_F(NetworkExtensionsTest, OtherOpaqueTypesMatchNoOverload) {
  Value semver = tester.ctx().values().MakeOpaque("Semver", "1.0.0");
  Value ip = Ip("1.2.3.4");
  Value cidr = Cidr("1.2.3.0/24");
  EXPECT_TRUE(IsError(tester.Member("family", {semver}), "no matching overload for `family`"));
  EXPECT_TRUE(IsError(tester.Member("family", {cidr}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("prefixLength", {ip}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("masked", {ip}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("ip", {ip}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("containsIP", {cidr, cidr}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("containsIP", {ip, ip}), "no matching overload"));
  EXPECT_TRUE(IsError(tester.Member("containsCIDR", {cidr, ip}), "no matching overload"));
  EXPECT_TRUE(IsError(ToString(semver), "no matching overload for `string`"));
  EXPECT_FALSE(tester.Accepts("ip", false, {Value::Int(192168)}));
  EXPECT_FALSE(tester.Accepts("cidr", false, {Value::Int(192168)}));
  EXPECT_FALSE(tester.Accepts("containsIP", true, {cidr, Value::Int(1)}));
}

TEST(NetAddressTest, FormatsEveryZeroRunPlacement) {
  // Exhaustive over which of the eight groups are zero: parse the canonical text back.
  for (unsigned mask = 0; mask < 256; ++mask) {
    net::IpAddress address;
    address.size = 16;
    for (size_t group = 0; group < 8; ++group) {
      address.bytes[2 * group + 1] = (mask >> group & 1) != 0 ? 0 : static_cast<uint8_t>(group + 1);
    }
    const std::string text = net::FormatIpAddress(address);
    SCOPED_TRACE(text);
    net::IpAddress parsed;
    std::string error;
    ASSERT_TRUE(net::ParseIpAddress(text, parsed, error)) << error;
    EXPECT_TRUE(parsed == address);
    EXPECT_EQ(text.find(":::"), std::string::npos);
  }
}

}  // namespace
}  // namespace warden::cel
