#include "warden/cel/check/standard_decls.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace warden::cel {
namespace {

// `name(param, ...) -> result`, receiver-style as `recv.name(...)`.
std::string Signature(const FunctionDecl& function, const OverloadDecl& overload) {
  std::string out;
  size_t first = 0;
  if (overload.member) {
    out = overload.params[0].ToString() + ".";
    first = 1;
  }
  out += function.name + "(";
  for (size_t param_idx = first; param_idx < overload.params.size(); ++param_idx) {
    if (param_idx > first) out += ", ";
    out += overload.params[param_idx].ToString();
  }
  return out + ") -> " + overload.result.ToString();
}

std::set<std::string> AllSignatures() {
  std::set<std::string> signatures;
  for (const FunctionDecl& function : StandardFunctions()) {
    for (const OverloadDecl& overload : function.overloads) {
      signatures.insert(Signature(function, overload));
    }
  }
  return signatures;
}

TEST(StandardDeclsTest, FunctionNamesAreUniqueAndFindable) {
  std::set<std::string> names;
  for (const FunctionDecl& function : StandardFunctions()) {
    EXPECT_TRUE(names.insert(function.name).second) << function.name;
    EXPECT_EQ(FindStandardFunction(function.name), &function);
    EXPECT_FALSE(function.overloads.empty()) << function.name;
  }
  EXPECT_EQ(FindStandardFunction("no_such_function"), nullptr);
}

TEST(StandardDeclsTest, OverloadIdsIdentifyOneSignature) {
  std::map<std::string, std::string> signature_by_id;
  for (const FunctionDecl& function : StandardFunctions()) {
    for (const OverloadDecl& overload : function.overloads) {
      // Aliases (math.greatest / math.@max) share ids; the signature must agree.
      std::string signature = Signature(function, overload);
      signature = signature.substr(signature.find('('));
      auto [it, inserted] = signature_by_id.emplace(overload.id, signature);
      EXPECT_EQ(it->second, signature) << overload.id;
    }
  }
}

TEST(StandardDeclsTest, TypeParamsListEveryParameterOfTheSignature) {
  for (const FunctionDecl& function : StandardFunctions()) {
    for (const OverloadDecl& overload : function.overloads) {
      bool generic = overload.result.HasTypeParams();
      for (const Type& param : overload.params) generic = generic || param.HasTypeParams();
      EXPECT_EQ(generic, !overload.type_params.empty()) << overload.id;
      if (overload.member) {
        EXPECT_FALSE(overload.params.empty()) << overload.id;
      }
    }
  }
}

TEST(StandardDeclsTest, DeclaresTheSpecAndLibrarySignatures) {
  const std::set<std::string> signatures = AllSignatures();
  const std::vector<std::string> expected = {
      "_?_:_(bool, A, A) -> A",
      "_==_(A, A) -> bool",
      "_+_(google.protobuf.Timestamp, google.protobuf.Duration) -> google.protobuf.Timestamp",
      "_+_(list(A), list(A)) -> list(A)",
      "_-_(google.protobuf.Timestamp, google.protobuf.Timestamp) -> google.protobuf.Duration",
      "_<_(int, double) -> bool",
      "_>=_(uint, int) -> bool",
      "_<=_(google.protobuf.Duration, google.protobuf.Duration) -> bool",
      "_[_](map(A, B), A) -> B",
      "@in(A, list(A)) -> bool",
      "@in(A, map(A, B)) -> bool",
      "size(string) -> int",
      "list(A).size() -> int",
      "type(A) -> type(A)",
      "dyn(A) -> dyn",
      "int(google.protobuf.Timestamp) -> int",
      "uint(double) -> uint",
      "string(bytes) -> string",
      "bytes(string) -> bytes",
      "bool(string) -> bool",
      "timestamp(string) -> google.protobuf.Timestamp",
      "duration(string) -> google.protobuf.Duration",
      "matches(string, string) -> bool",
      "string.matches(string) -> bool",
      "google.protobuf.Timestamp.getDayOfWeek(string) -> int",
      "google.protobuf.Duration.getMilliseconds() -> int",
      "string.charAt(int) -> string",
      "string.indexOf(string, int) -> int",
      "string.lastIndexOf(string) -> int",
      "string.replace(string, string, int) -> string",
      "string.split(string) -> list(string)",
      "string.substring(int, int) -> string",
      "list(string).join(string) -> string",
      "list(string).join() -> string",
      "strings.quote(string) -> string",
      "string.format(list(dyn)) -> string",
      "string.reverse() -> string",
      "math.greatest(int, double) -> dyn",
      "math.least(list(uint)) -> uint",
      "math.sqrt(int) -> double",
      "math.bitShiftLeft(uint, int) -> uint",
      "base64.encode(bytes) -> string",
      "base64.decode(string) -> bytes",
      "optional.of(V) -> optional_type(V)",
      "optional.none() -> optional_type(V)",
      "optional_type(V).orValue(V) -> V",
      "_[?_](map(K, V), K) -> optional_type(V)",
      "_[_](optional_type(list(V)), int) -> optional_type(V)",
      "string.glob(string) -> bool",
      "glob(string, string) -> bool",
      "ip(string) -> net.IP",
      "net.CIDR.containsIP(string) -> bool",
      "net.CIDR.containsCIDR(net.CIDR) -> bool",
      "net.CIDR.ip() -> net.IP",
      "string(net.CIDR) -> string",
      "semver(string) -> Semver",
      "Semver.compareTo(Semver) -> int",
  };
  for (const std::string& signature : expected) {
    EXPECT_EQ(signatures.count(signature), 1u) << signature;
  }
}

TEST(StandardDeclsTest, TypeIdentifiersDescribeTheirTypes) {
  const VariableDecl* int_type = FindStandardTypeIdentifier("int");
  ASSERT_NE(int_type, nullptr);
  EXPECT_EQ(int_type->type.ToString(), "type(int)");
  EXPECT_EQ(FindStandardTypeIdentifier("google.protobuf.Duration")->type.ToString(),
            "type(google.protobuf.Duration)");
  EXPECT_EQ(FindStandardTypeIdentifier("optional_type")->type.ToString(),
            "type(optional_type(dyn))");
  EXPECT_EQ(FindStandardTypeIdentifier("dyn"), nullptr);
  EXPECT_EQ(StandardTypeIdentifiers().size(), 16u);
}

}  // namespace
}  // namespace warden::cel
