// The cel-go extension libraries Warden enables: strings, math and encoders.

#include <string>

#include "warden/cel/check/decl_builder.h"

namespace warden::cel::check_internal {
namespace {

void AddStringsExtension(DeclBuilder& builder) {
  const Type s = TString();
  builder.Member("charAt", "string_char_at_int", {s, TInt()}, s);
  builder.Member("indexOf", "string_index_of_string", {s, s}, TInt());
  builder.Member("indexOf", "string_index_of_string_int", {s, s, TInt()}, TInt());
  builder.Member("lastIndexOf", "string_last_index_of_string", {s, s}, TInt());
  builder.Member("lastIndexOf", "string_last_index_of_string_int", {s, s, TInt()}, TInt());
  builder.Member("lowerAscii", "string_lower_ascii", {s}, s);
  builder.Member("upperAscii", "string_upper_ascii", {s}, s);
  builder.Member("replace", "string_replace_string_string", {s, s, s}, s);
  builder.Member("replace", "string_replace_string_string_int", {s, s, s, TInt()}, s);
  builder.Member("split", "string_split_string", {s, s}, Type::List(s));
  builder.Member("split", "string_split_string_int", {s, s, TInt()}, Type::List(s));
  builder.Member("substring", "string_substring_int", {s, TInt()}, s);
  builder.Member("substring", "string_substring_int_int", {s, TInt(), TInt()}, s);
  builder.Member("trim", "string_trim", {s}, s);
  builder.Member("join", "list_join", {Type::List(s)}, s);
  builder.Member("join", "list_join_string", {Type::List(s), s}, s);
  builder.Global("strings.quote", "strings_quote", {s}, s);
  builder.Member("format", "string_format", {s, Type::List(TDyn())}, s);
  builder.Member("reverse", "string_reverse", {s}, s);
}

// math.greatest / math.least (and cel-go's internal names math.@max / math.@min, which
// its macro expands to): one number, two numbers of any numeric types (mixed pairs
// yield dyn), or a list of numbers.
void AddMinMax(DeclBuilder& builder, const char* function, const char* id_prefix) {
  struct Numeric {
    const char* id = nullptr;
    Type type;
  };
  const Numeric numerics[] = {{"double", TDouble()}, {"int", TInt()}, {"uint", TUint()}};
  const std::string prefix = id_prefix;
  for (const Numeric& numeric : numerics) {
    builder.Global(function, prefix + "_" + numeric.id, {numeric.type}, numeric.type);
  }
  for (const Numeric& lhs : numerics) {
    for (const Numeric& rhs : numerics) {
      Type result = lhs.type == rhs.type ? lhs.type : TDyn();
      builder.Global(function, prefix + "_" + lhs.id + "_" + rhs.id, {lhs.type, rhs.type}, result);
    }
  }
  for (const Numeric& numeric : numerics) {
    builder.Global(function, prefix + "_list_" + numeric.id, {Type::List(numeric.type)},
                   numeric.type);
  }
}

void AddMathExtension(DeclBuilder& builder) {
  AddMinMax(builder, "math.greatest", "math_@max");
  AddMinMax(builder, "math.@max", "math_@max");
  AddMinMax(builder, "math.least", "math_@min");
  AddMinMax(builder, "math.@min", "math_@min");

  for (const char* name : {"ceil", "floor", "round", "trunc"}) {
    builder.Global(std::string("math.") + name, std::string("math_") + name + "_double",
                   {TDouble()}, TDouble());
  }
  for (const char* name : {"isInf", "isNaN", "isFinite"}) {
    builder.Global(std::string("math.") + name, std::string("math_") + name + "_double",
                   {TDouble()}, TBool());
  }
  for (const char* name : {"abs", "sign"}) {
    std::string function = std::string("math.") + name;
    std::string id = std::string("math_") + name;
    builder.Global(function, id + "_double", {TDouble()}, TDouble());
    builder.Global(function, id + "_int", {TInt()}, TInt());
    builder.Global(function, id + "_uint", {TUint()}, TUint());
  }
  builder.Global("math.sqrt", "math_sqrt_double", {TDouble()}, TDouble());
  builder.Global("math.sqrt", "math_sqrt_int", {TInt()}, TDouble());
  builder.Global("math.sqrt", "math_sqrt_uint", {TUint()}, TDouble());

  for (const char* name : {"bitAnd", "bitOr", "bitXor"}) {
    std::string function = std::string("math.") + name;
    std::string id = std::string("math_") + name;
    builder.Global(function, id + "_int_int", {TInt(), TInt()}, TInt());
    builder.Global(function, id + "_uint_uint", {TUint(), TUint()}, TUint());
  }
  builder.Global("math.bitNot", "math_bitNot_int_int", {TInt()}, TInt());
  builder.Global("math.bitNot", "math_bitNot_uint_uint", {TUint()}, TUint());
  for (const char* name : {"bitShiftLeft", "bitShiftRight"}) {
    std::string function = std::string("math.") + name;
    std::string id = std::string("math_") + name;
    builder.Global(function, id + "_int_int", {TInt(), TInt()}, TInt());
    builder.Global(function, id + "_uint_int", {TUint(), TInt()}, TUint());
  }
}

void AddEncodersExtension(DeclBuilder& builder) {
  builder.Global("base64.encode", "base64_encode_bytes", {TBytes()}, TString());
  builder.Global("base64.decode", "base64_decode_string", {TString()}, TBytes());
}

}  // namespace

void AddExtensionDecls(DeclBuilder& builder) {
  AddStringsExtension(builder);
  AddMathExtension(builder);
  AddEncodersExtension(builder);
}

}  // namespace warden::cel::check_internal
