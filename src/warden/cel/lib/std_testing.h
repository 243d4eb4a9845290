#pragma once
// Test support for the standard library's unit tests: a FunctionRegistry with the
// standard functions registered, calls by name resolved as the evaluator resolves them
// (the first registered overload whose kinds accept the arguments), value builders and
// assertions on results. Only *_test.cc files include this header.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/arena.h"
#include "warden/cel/common/value.h"
#include "warden/cel/lib/standard.h"
#include "warden/cel/lib/time_format.h"
#include "warden/cel/runtime/call_context.h"
#include "warden/cel/runtime/function_registry.h"
#include "warden/cel/runtime/value_ops.h"

namespace warden::cel::std_testing {

class StdLib {
 public:
  explicit StdLib(uint64_t cost_budget = 10'000'000, size_t arena_limit = Arena::kDefaultLimit)
      : arena_(arena_limit), ctx_(arena_, cost_budget) {
    RegisterStandardFunctions(registry_);
  }

  // Calls a global function or operator ("_+_", "int", ...). When no overload accepts
  // the arguments, the result is the evaluator's "no matching overload" error.
  Value Global(std::string_view name, const std::vector<Value>& args) {
    return Call(name, false, args);
  }
  // Calls a receiver-style function; args[0] is the receiver.
  Value Member(std::string_view name, const std::vector<Value>& args) {
    return Call(name, true, args);
  }

  Value Str(std::string_view text) { return ctx_.values().CopyString(text); }
  Value Bytes(std::string_view bytes) { return ctx_.values().CopyBytes(bytes); }
  Value List(const std::vector<Value>& items) { return ctx_.values().MakeList(items); }
  Value Map(const std::vector<Value>& keys, const std::vector<Value>& values) {
    return ctx_.values().MakeMapChecked(keys, values);
  }
  // An RFC 3339 timestamp; fails the test when the text is invalid.
  Value Ts(std::string_view text) {
    int64_t seconds = 0;
    int32_t nanos = 0;
    EXPECT_EQ(ParseTimestamp(text, seconds, nanos), TimeParseStatus::kOk) << text;
    return Value::Timestamp(seconds, nanos);
  }
  // A Go-style duration ("1.5s", "-2h"); fails the test when the text is invalid.
  Value Dur(std::string_view text) {
    int64_t nanos = 0;
    EXPECT_EQ(ParseDuration(text, nanos), TimeParseStatus::kOk) << text;
    return Value::Duration(nanos / 1'000'000'000, static_cast<int32_t>(nanos % 1'000'000'000));
  }

  const FunctionRegistry& registry() const { return registry_; }
  CallContext& ctx() { return ctx_; }

 private:
  Value Call(std::string_view name, bool receiver_style, const std::vector<Value>& args) {
    for (const RuntimeOverload* overload : registry_.Find(name, receiver_style, args.size())) {
      if (overload->Accepts(args)) return overload->impl(args, ctx_);
    }
    return ctx_.Error(NoMatchingOverloadMessage(name, args));
  }

  FunctionRegistry registry_;
  Arena arena_;
  CallContext ctx_;
};

inline std::string Describe(const Value& value) {
  std::string kind(ValueKindTypeName(value.kind()));
  switch (value.kind()) {
    case ValueKind::kError:
      return "error `" + std::string(value.error().message) + "`";
    case ValueKind::kString:
    case ValueKind::kBytes:
    case ValueKind::kType:
      return kind + " `" + std::string(value.string_view()) + "`";
    case ValueKind::kInt:
      return "int " + std::to_string(value.int_value());
    case ValueKind::kUint:
      return "uint " + std::to_string(value.uint_value());
    case ValueKind::kBool:
      return value.bool_value() ? "true" : "false";
    case ValueKind::kTimestamp:
    case ValueKind::kDuration:
      return kind + " " + std::to_string(value.seconds()) + "s " + std::to_string(value.nanos()) +
             "ns";
    default:
      return kind;
  }
}

inline ::testing::AssertionResult Fail(std::string_view expected, const Value& actual) {
  return ::testing::AssertionFailure() << "expected " << expected << ", got " << Describe(actual);
}

inline ::testing::AssertionResult IsInt(const Value& value, int64_t expected) {
  if (value.kind() == ValueKind::kInt && value.int_value() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail("int " + std::to_string(expected), value);
}

inline ::testing::AssertionResult IsUint(const Value& value, uint64_t expected) {
  if (value.kind() == ValueKind::kUint && value.uint_value() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail("uint " + std::to_string(expected), value);
}

// Exact comparison, distinguishing -0.0 from 0.0; NaN matches NaN.
inline ::testing::AssertionResult IsDouble(const Value& value, double expected) {
  if (value.kind() == ValueKind::kDouble) {
    const double actual = value.double_value();
    if (std::isnan(expected)
            ? std::isnan(actual)
            : actual == expected && std::signbit(actual) == std::signbit(expected)) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected " << expected << ", got " << actual;
  }
  return Fail("double " + std::to_string(expected), value);
}

inline ::testing::AssertionResult IsBool(const Value& value, bool expected) {
  if (value.kind() == ValueKind::kBool && value.bool_value() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail(expected ? "true" : "false", value);
}

inline ::testing::AssertionResult IsString(const Value& value, std::string_view expected) {
  if (value.kind() == ValueKind::kString && value.string_view() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail("string `" + std::string(expected) + "`", value);
}

inline ::testing::AssertionResult IsBytes(const Value& value, std::string_view expected) {
  if (value.kind() == ValueKind::kBytes && value.string_view() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail("bytes `" + std::string(expected) + "`", value);
}

inline ::testing::AssertionResult IsType(const Value& value, std::string_view expected) {
  if (value.kind() == ValueKind::kType && value.string_view() == expected) {
    return ::testing::AssertionSuccess();
  }
  return Fail("type `" + std::string(expected) + "`", value);
}

inline ::testing::AssertionResult IsTimestamp(const Value& value, int64_t seconds, int32_t nanos) {
  if (value.kind() == ValueKind::kTimestamp && value.seconds() == seconds &&
      value.nanos() == nanos) {
    return ::testing::AssertionSuccess();
  }
  return Fail("timestamp " + std::to_string(seconds) + "s " + std::to_string(nanos) + "ns", value);
}

inline ::testing::AssertionResult IsDuration(const Value& value, int64_t seconds, int32_t nanos) {
  if (value.kind() == ValueKind::kDuration && value.seconds() == seconds &&
      value.nanos() == nanos) {
    return ::testing::AssertionSuccess();
  }
  return Fail("duration " + std::to_string(seconds) + "s " + std::to_string(nanos) + "ns", value);
}

// Same kind and equal value (doubles exactly, -0.0 apart from 0.0, NaN matching NaN).
inline ::testing::AssertionResult IsValue(const Value& value, const Value& expected) {
  if (expected.kind() == ValueKind::kDouble) return IsDouble(value, expected.double_value());
  if (value.kind() == expected.kind() && ValuesEqual(value, expected)) {
    return ::testing::AssertionSuccess();
  }
  return Fail(Describe(expected), value);
}

// An error value whose message contains `fragment`.
inline ::testing::AssertionResult IsError(const Value& value, std::string_view fragment) {
  if (value.is_error() && value.error().message.find(fragment) != std::string_view::npos) {
    return ::testing::AssertionSuccess();
  }
  return Fail("an error containing `" + std::string(fragment) + "`", value);
}

}  // namespace warden::cel::std_testing
