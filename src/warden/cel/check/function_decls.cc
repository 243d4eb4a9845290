// cel-spec standard definitions: size, type conversions, string and time functions.

#include <string>

#include "warden/cel/check/decl_builder.h"

namespace warden::cel::check_internal {
namespace {

void AddSize(DeclBuilder& builder) {
  const Type a = TParam("A");
  const Type b = TParam("B");
  struct Sized {
    const char* name = nullptr;
    Type type;
  };
  const Sized sized[] = {{"bytes", TBytes()},
                         {"list", Type::List(a)},
                         {"map", Type::Map(a, b)},
                         {"string", TString()}};
  for (const Sized& entry : sized) {
    builder.Global("size", std::string("size_") + entry.name, {entry.type}, TInt());
    builder.Member("size", std::string(entry.name) + "_size", {entry.type}, TInt());
  }
}

void AddConversions(DeclBuilder& builder) {
  const Type a = TParam("A");
  builder.Global("type", "type", {a}, Type::TypeOf(a));
  builder.Global("dyn", "to_dyn", {a}, TDyn());

  builder.Global("bool", "bool_to_bool", {TBool()}, TBool());
  builder.Global("bool", "string_to_bool", {TString()}, TBool());

  builder.Global("bytes", "bytes_to_bytes", {TBytes()}, TBytes());
  builder.Global("bytes", "string_to_bytes", {TString()}, TBytes());

  builder.Global("double", "double_to_double", {TDouble()}, TDouble());
  builder.Global("double", "int64_to_double", {TInt()}, TDouble());
  builder.Global("double", "string_to_double", {TString()}, TDouble());
  builder.Global("double", "uint64_to_double", {TUint()}, TDouble());

  builder.Global("duration", "duration_to_duration", {TDuration()}, TDuration());
  builder.Global("duration", "int64_to_duration", {TInt()}, TDuration());
  builder.Global("duration", "string_to_duration", {TString()}, TDuration());

  builder.Global("int", "int64_to_int64", {TInt()}, TInt());
  builder.Global("int", "double_to_int64", {TDouble()}, TInt());
  builder.Global("int", "duration_to_int64", {TDuration()}, TInt());
  builder.Global("int", "string_to_int64", {TString()}, TInt());
  builder.Global("int", "timestamp_to_int64", {TTimestamp()}, TInt());
  builder.Global("int", "uint64_to_int64", {TUint()}, TInt());

  builder.Global("string", "string_to_string", {TString()}, TString());
  builder.Global("string", "bool_to_string", {TBool()}, TString());
  builder.Global("string", "bytes_to_string", {TBytes()}, TString());
  builder.Global("string", "double_to_string", {TDouble()}, TString());
  builder.Global("string", "duration_to_string", {TDuration()}, TString());
  builder.Global("string", "int64_to_string", {TInt()}, TString());
  builder.Global("string", "timestamp_to_string", {TTimestamp()}, TString());
  builder.Global("string", "uint64_to_string", {TUint()}, TString());

  builder.Global("timestamp", "timestamp_to_timestamp", {TTimestamp()}, TTimestamp());
  builder.Global("timestamp", "int64_to_timestamp", {TInt()}, TTimestamp());
  builder.Global("timestamp", "string_to_timestamp", {TString()}, TTimestamp());

  builder.Global("uint", "uint64_to_uint64", {TUint()}, TUint());
  builder.Global("uint", "double_to_uint64", {TDouble()}, TUint());
  builder.Global("uint", "int64_to_uint64", {TInt()}, TUint());
  builder.Global("uint", "string_to_uint64", {TString()}, TUint());
}

void AddStrings(DeclBuilder& builder) {
  builder.Member("contains", "contains_string", {TString(), TString()}, TBool());
  builder.Member("endsWith", "ends_with_string", {TString(), TString()}, TBool());
  builder.Member("startsWith", "starts_with_string", {TString(), TString()}, TBool());
  builder.Global("matches", "matches", {TString(), TString()}, TBool());
  builder.Member("matches", "matches_string", {TString(), TString()}, TBool());
}

void AddTime(DeclBuilder& builder) {
  // Timestamp accessors, in UTC or in the time zone given as the argument.
  struct Accessor {
    const char* function = nullptr;
    const char* id = nullptr;  // timestamp_to_<id>[_with_tz]
  };
  const Accessor accessors[] = {
      {"getFullYear", "year"},
      {"getMonth", "month"},
      {"getDayOfYear", "day_of_year"},
      {"getDayOfMonth", "day_of_month"},
      {"getDate", "day_of_month_1_based"},
      {"getDayOfWeek", "day_of_week"},
      {"getHours", "hours"},
      {"getMinutes", "minutes"},
      {"getSeconds", "seconds"},
      {"getMilliseconds", "milliseconds"},
  };
  for (const Accessor& accessor : accessors) {
    std::string id = std::string("timestamp_to_") + accessor.id;
    builder.Member(accessor.function, id, {TTimestamp()}, TInt());
    builder.Member(accessor.function, id + "_with_tz", {TTimestamp(), TString()}, TInt());
  }
  // Duration conversions to whole units.
  builder.Member("getHours", "duration_to_hours", {TDuration()}, TInt());
  builder.Member("getMinutes", "duration_to_minutes", {TDuration()}, TInt());
  builder.Member("getSeconds", "duration_to_seconds", {TDuration()}, TInt());
  builder.Member("getMilliseconds", "duration_to_milliseconds", {TDuration()}, TInt());
}

}  // namespace

void AddFunctionDecls(DeclBuilder& builder) {
  AddSize(builder);
  AddConversions(builder);
  AddStrings(builder);
  AddTime(builder);
}

}  // namespace warden::cel::check_internal
