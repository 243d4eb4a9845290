#pragma once
// Test support for the extension libraries' unit tests: a FunctionRegistry with one
// library registered, calls by name with overload resolution as the evaluator does it
// (the first registered overload whose kinds accept the arguments), and assertions on
// result values. Only *_test.cc files include this header.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/arena.h"
#include "warden/cel/common/value.h"
#include "warden/cel/runtime/call_context.h"
#include "warden/cel/runtime/function_registry.h"

namespace warden::cel::testing {

class ExtTester {
 public:
  explicit ExtTester(void (*register_library)(FunctionRegistry&), uint64_t cost_budget = 10'000'000)
      : ctx_(arena_, cost_budget) {
    register_library(registry_);
  }

  // Calls a global function. Returns the result, or an error value starting with
  // "no matching overload" when no overload accepts the arguments.
  Value Global(std::string_view name, const std::vector<Value>& args) {
    return Call(name, false, args);
  }
  // Calls a receiver-style function; args[0] is the receiver.
  Value Member(std::string_view name, const std::vector<Value>& args) {
    return Call(name, true, args);
  }

  // Whether some overload of `name` accepts these argument kinds.
  bool Accepts(std::string_view name, bool receiver_style, const std::vector<Value>& args) const {
    for (const RuntimeOverload* overload : registry_.Find(name, receiver_style, args.size())) {
      if (overload->Accepts(args)) return true;
    }
    return false;
  }

  Value Str(std::string_view text) { return ctx_.values().CopyString(text); }
  Value Bytes(std::string_view bytes) { return ctx_.values().CopyBytes(bytes); }
  Value List(std::vector<Value> items) { return ctx_.values().MakeList(items); }
  Value Map(std::vector<Value> keys, std::vector<Value> values) {
    return ctx_.values().MakeMapChecked(keys, values);
  }

  const FunctionRegistry& registry() const { return registry_; }
  CallContext& ctx() { return ctx_; }

 private:
  Value Call(std::string_view name, bool receiver_style, const std::vector<Value>& args) {
    for (const RuntimeOverload* overload : registry_.Find(name, receiver_style, args.size())) {
      if (overload->Accepts(args)) return overload->impl(args, ctx_);
    }
    return ctx_.Error("no matching overload (test harness)");
  }

  FunctionRegistry registry_;
  Arena arena_;
  CallContext ctx_;
};

inline ::testing::AssertionResult IsString(const Value& value, std::string_view expected) {
  if (value.kind() != ValueKind::kString) {
    return ::testing::AssertionFailure()
           << "expected string `" << expected << "`, got kind " << ValueKindTypeName(value.kind())
           << (value.is_error() ? ": " + std::string(value.error().message) : "");
  }
  if (value.string_view() != expected) {
    return ::testing::AssertionFailure()
           << "expected `" << expected << "`, got `" << value.string_view() << "`";
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsBytes(const Value& value, std::string_view expected) {
  if (value.kind() != ValueKind::kBytes || value.string_view() != expected) {
    return ::testing::AssertionFailure() << "expected bytes of size " << expected.size();
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsInt(const Value& value, int64_t expected) {
  if (value.kind() != ValueKind::kInt || value.int_value() != expected) {
    return ::testing::AssertionFailure()
           << "expected int " << expected << ", got kind " << ValueKindTypeName(value.kind())
           << (value.kind() == ValueKind::kInt ? " " + std::to_string(value.int_value()) : "")
           << (value.is_error() ? ": " + std::string(value.error().message) : "");
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsUint(const Value& value, uint64_t expected) {
  if (value.kind() != ValueKind::kUint || value.uint_value() != expected) {
    return ::testing::AssertionFailure()
           << "expected uint " << expected << ", got kind " << ValueKindTypeName(value.kind());
  }
  return ::testing::AssertionSuccess();
}

// Doubles compare exactly, except that NaN matches NaN.
inline ::testing::AssertionResult IsDouble(const Value& value, double expected) {
  if (value.kind() != ValueKind::kDouble) {
    return ::testing::AssertionFailure()
           << "expected double " << expected << ", got kind " << ValueKindTypeName(value.kind())
           << (value.is_error() ? ": " + std::string(value.error().message) : "");
  }
  const double actual = value.double_value();
  if (std::isnan(expected) ? !std::isnan(actual) : actual != expected) {
    return ::testing::AssertionFailure() << "expected " << expected << ", got " << actual;
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsBool(const Value& value, bool expected) {
  if (value.kind() != ValueKind::kBool || value.bool_value() != expected) {
    return ::testing::AssertionFailure()
           << "expected " << (expected ? "true" : "false") << ", got kind "
           << ValueKindTypeName(value.kind())
           << (value.is_error() ? ": " + std::string(value.error().message) : "");
  }
  return ::testing::AssertionSuccess();
}

// An error value whose message contains `fragment`.
inline ::testing::AssertionResult IsError(const Value& value, std::string_view fragment) {
  if (!value.is_error()) {
    return ::testing::AssertionFailure()
           << "expected an error containing `" << fragment << "`, got kind "
           << ValueKindTypeName(value.kind())
           << (value.kind() == ValueKind::kString ? " `" + std::string(value.string_view()) + "`"
                                                  : "");
  }
  if (value.error().message.find(fragment) == std::string_view::npos) {
    return ::testing::AssertionFailure() << "expected an error containing `" << fragment
                                         << "`, got `" << value.error().message << "`";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace warden::cel::testing
