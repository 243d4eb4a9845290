#include "warden/cel/lib/net_address.h"

#include <algorithm>
#include <cstring>

namespace warden::cel::net {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses exactly four dotted decimal octets of `text` into `out` (Go's parseIPv4Fields).
bool ParseIpv4Fields(std::string_view text, uint8_t* out, std::string& error) {
  int value = 0;
  int digits = 0;
  int field = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (IsDigit(c)) {
      if (digits == 1 && value == 0) {
        error = "IPv4 field has octet with leading zero";
        return false;
      }
      value = value * 10 + (c - '0');
      ++digits;
      if (value > 255) {
        error = "IPv4 field has value >255";
        return false;
      }
    } else if (c == '.') {
      if (pos == 0 || pos + 1 == text.size() || text[pos - 1] == '.') {
        error = "IPv4 field must have at least one digit";
        return false;
      }
      if (field == 3) {
        error = "IPv4 address too long";
        return false;
      }
      out[field++] = static_cast<uint8_t>(value);
      value = 0;
      digits = 0;
    } else {
      error = "unexpected character `" + std::string(1, c) + "`";
      return false;
    }
  }
  if (field < 3) {
    error = "IPv4 address too short";
    return false;
  }
  out[3] = static_cast<uint8_t>(value);
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's parseIPv6, without zones (the caller rejects '%').
bool ParseIpv6(std::string_view text, IpAddress& address, std::string& error) {
  std::array<uint8_t, 16> bytes{};
  int ellipsis = -1;  // byte position of "::" in `bytes`
  std::string_view rest = text;
  if (rest.size() >= 2 && rest[0] == ':' && rest[1] == ':') {
    ellipsis = 0;
    rest.remove_prefix(2);
    if (rest.empty()) {
      address = IpAddress{bytes, 16};
      return true;
    }
  }
  int filled = 0;
  while (filled < 16) {
    size_t digits = 0;
    uint32_t group = 0;
    for (; digits < rest.size(); ++digits) {
      const int hex = HexValue(rest[digits]);
      if (hex < 0) break;
      if (digits > 3) {
        error = "each group must have 4 or less digits";
        return false;
      }
      group = group << 4 | static_cast<uint32_t>(hex);
    }
    if (digits == 0) {
      error = "each colon-separated field must have at least one digit";
      return false;
    }
    if (digits < rest.size() && rest[digits] == '.') {
      if (ellipsis < 0 && filled != 12) {
        error = "embedded IPv4 address must replace the final 2 fields of the address";
        return false;
      }
      if (filled + 4 > 16) {
        error = "too many hex fields to fit an embedded IPv4 at the end of the address";
        return false;
      }
      if (!ParseIpv4Fields(rest, bytes.data() + filled, error)) return false;
      rest = {};
      filled += 4;
      break;
    }
    bytes[static_cast<size_t>(filled)] = static_cast<uint8_t>(group >> 8);
    bytes[static_cast<size_t>(filled) + 1] = static_cast<uint8_t>(group);
    filled += 2;
    rest.remove_prefix(digits);
    if (rest.empty()) break;
    if (rest[0] != ':') {
      error = "unexpected character, want colon";
      return false;
    }
    if (rest.size() == 1) {
      error = "colon must be followed by more characters";
      return false;
    }
    rest.remove_prefix(1);
    if (rest[0] == ':') {
      if (ellipsis >= 0) {
        error = "multiple :: in address";
        return false;
      }
      ellipsis = filled;
      rest.remove_prefix(1);
      if (rest.empty()) break;
    }
  }
  if (!rest.empty()) {
    error = "trailing garbage after address";
    return false;
  }
  if (filled < 16) {
    if (ellipsis < 0) {
      error = "address string too short";
      return false;
    }
    // Move the groups after "::" to the end and zero the gap.
    std::copy_backward(bytes.begin() + ellipsis, bytes.begin() + filled, bytes.end());
    std::fill_n(bytes.begin() + ellipsis, 16 - filled, uint8_t{0});
  } else if (ellipsis >= 0) {
    error = "the :: must expand to at least one field of zeros";
    return false;
  }
  address = IpAddress{bytes, 16};
  return true;
}

bool IsV4Mapped(const IpAddress& address) {
  static constexpr uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  return address.size == 16 && std::memcmp(address.bytes.data(), kPrefix, 12) == 0;
}

uint16_t Group(const IpAddress& address, size_t index) {
  return static_cast<uint16_t>(address.bytes[2 * index] << 8 | address.bytes[2 * index + 1]);
}

}  // namespace

bool ParseIpAddress(std::string_view text, IpAddress& address, std::string& error) {
  for (char c : text) {
    if (c == '.') {
      address = IpAddress{{}, 4};
      return ParseIpv4Fields(text, address.bytes.data(), error);
    }
    if (c == ':') {
      if (text.find('%') != std::string_view::npos) {
        error = "zones are not allowed";
        return false;
      }
      if (!ParseIpv6(text, address, error)) return false;
      if (IsV4Mapped(address)) {
        error = "IPv4-mapped IPv6 addresses are not allowed";
        return false;
      }
      return true;
    }
    if (c == '%') {
      error = "missing IPv6 address";
      return false;
    }
  }
  error = "unable to parse IP";
  return false;
}

bool ParseIpPrefix(std::string_view text, IpPrefix& prefix, std::string& error) {
  const size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) {
    error = "no `/`";
    return false;
  }
  if (!ParseIpAddress(text.substr(0, slash), prefix.address, error)) return false;
  std::string_view bits = text.substr(slash + 1);
  // Decimal digits only, no sign, no leading zero (but "0" itself).
  const bool well_formed = !bits.empty() && bits.size() <= 3 &&
                           std::all_of(bits.begin(), bits.end(), IsDigit) &&
                           (bits.size() == 1 || bits[0] != '0');
  if (!well_formed) {
    error = "bad bits after slash `" + std::string(bits) + "`";
    return false;
  }
  int value = 0;
  for (char c : bits) value = value * 10 + (c - '0');
  if (value > 8 * prefix.address.size) {
    error = "prefix length out of range";
    return false;
  }
  prefix.bits = static_cast<uint8_t>(value);
  return true;
}

std::string FormatIpAddress(const IpAddress& address) {
  std::string out;
  if (address.is_v4()) {
    for (size_t index = 0; index < 4; ++index) {
      if (index > 0) out.push_back('.');
      out += std::to_string(address.bytes[index]);
    }
    return out;
  }
  // The first longest run of at least two zero groups becomes "::".
  size_t zero_start = 8;
  size_t zero_length = 1;
  for (size_t start = 0; start < 8; ++start) {
    size_t end = start;
    while (end < 8 && Group(address, end) == 0) ++end;
    if (end - start > zero_length) {
      zero_start = start;
      zero_length = end - start;
    }
  }
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t index = 0; index < 8; ++index) {
    if (index == zero_start) {
      out += "::";
      index += zero_length - 1;
      continue;
    }
    if (index > 0 && index != zero_start + zero_length) out.push_back(':');
    const uint16_t group = Group(address, index);
    bool leading = true;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int nibble = (group >> shift) & 0xF;
      if (leading && nibble == 0 && shift > 0) continue;
      leading = false;
      out.push_back(kHex[nibble]);
    }
  }
  return out;
}

std::string FormatIpPrefix(const IpPrefix& prefix) {
  return FormatIpAddress(prefix.address) + "/" + std::to_string(prefix.bits);
}

bool IpAddressFromData(std::string_view data, IpAddress& address) {
  if (data.size() != 4 && data.size() != 16) return false;
  address = IpAddress{};
  address.size = static_cast<uint8_t>(data.size());
  std::memcpy(address.bytes.data(), data.data(), data.size());
  return true;
}

std::string PrefixData(const IpPrefix& prefix) {
  std::string data(prefix.address.data());
  data.push_back(static_cast<char>(prefix.bits));
  return data;
}

bool IpPrefixFromData(std::string_view data, IpPrefix& prefix) {
  if (data.empty() || !IpAddressFromData(data.substr(0, data.size() - 1), prefix.address)) {
    return false;
  }
  prefix.bits = static_cast<uint8_t>(data.back());
  return prefix.bits <= 8 * prefix.address.size;
}

IpPrefix Masked(const IpPrefix& prefix) {
  IpPrefix masked = prefix;
  for (size_t index = 0; index < prefix.address.size; ++index) {
    const size_t bit_start = 8 * index;
    if (bit_start >= prefix.bits) {
      masked.address.bytes[index] = 0;
    } else if (prefix.bits - bit_start < 8) {
      const auto keep = static_cast<unsigned>(prefix.bits - bit_start);
      masked.address.bytes[index] &= static_cast<uint8_t>(0xFF00u >> keep);
    }
  }
  return masked;
}

bool Contains(const IpPrefix& prefix, const IpAddress& address) {
  if (prefix.address.size != address.size) return false;
  return Masked(prefix).address == Masked(IpPrefix{address, prefix.bits}).address;
}

bool ContainsPrefix(const IpPrefix& outer, const IpPrefix& inner) {
  return inner.bits >= outer.bits && Contains(outer, inner.address);
}

bool IsUnspecified(const IpAddress& address) {
  return std::all_of(address.bytes.begin(), address.bytes.begin() + address.size,
                     [](uint8_t byte) { return byte == 0; });
}

bool IsLoopback(const IpAddress& address) {
  if (address.is_v4()) return address.bytes[0] == 127;
  return std::all_of(address.bytes.begin(), address.bytes.begin() + 15,
                     [](uint8_t byte) { return byte == 0; }) &&
         address.bytes[15] == 1;
}

bool IsMulticast(const IpAddress& address) {
  if (address.is_v4()) return (address.bytes[0] & 0xF0) == 0xE0;
  return address.bytes[0] == 0xFF;
}

bool IsLinkLocalMulticast(const IpAddress& address) {
  if (address.is_v4()) {
    return address.bytes[0] == 224 && address.bytes[1] == 0 && address.bytes[2] == 0;
  }
  return (Group(address, 0) & 0xFF0F) == 0xFF02;
}

bool IsLinkLocalUnicast(const IpAddress& address) {
  if (address.is_v4()) return address.bytes[0] == 169 && address.bytes[1] == 254;
  return (Group(address, 0) & 0xFFC0) == 0xFE80;
}

bool IsGlobalUnicast(const IpAddress& address) {
  if (address.is_v4() &&
      (IsUnspecified(address) || (address.bytes[0] == 255 && address.bytes[1] == 255 &&
                                  address.bytes[2] == 255 && address.bytes[3] == 255))) {
    return false;
  }
  return !IsUnspecified(address) && !IsLoopback(address) && !IsMulticast(address) &&
         !IsLinkLocalUnicast(address);
}

}  // namespace warden::cel::net
