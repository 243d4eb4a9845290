#include "warden/cel/check/type.h"

#include <cctype>
#include <ostream>
#include <utility>

namespace warden::cel {

struct Type::Rep {
  std::string name;
  std::vector<Type> params;
};

Type::Type(TypeKind kind, std::string name, std::vector<Type> params)
    : kind_(kind), rep_(std::make_shared<const Rep>(Rep{std::move(name), std::move(params)})) {}

Type Type::List(Type elem) { return Type(TypeKind::kList, "list", {std::move(elem)}); }

Type Type::Map(Type key, Type value) {
  return Type(TypeKind::kMap, "map", {std::move(key), std::move(value)});
}

Type Type::TypeOf(Type described) { return Type(TypeKind::kType, "type", {std::move(described)}); }

Type Type::Opaque(std::string name, std::vector<Type> params) {
  return Type(TypeKind::kOpaque, std::move(name), std::move(params));
}

Type Type::Optional(Type value) { return Opaque(std::string(kOptionalName), {std::move(value)}); }

Type Type::Param(std::string name) { return Type(TypeKind::kTypeParam, std::move(name), {}); }

std::string_view Type::name() const {
  if (rep_ != nullptr) return rep_->name;
  switch (kind_) {
    case TypeKind::kDyn:
      return "dyn";
    case TypeKind::kError:
      return "error";
    case TypeKind::kNull:
      return "null_type";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kInt:
      return "int";
    case TypeKind::kUint:
      return "uint";
    case TypeKind::kDouble:
      return "double";
    case TypeKind::kString:
      return "string";
    case TypeKind::kBytes:
      return "bytes";
    case TypeKind::kTimestamp:
      return "google.protobuf.Timestamp";
    case TypeKind::kDuration:
      return "google.protobuf.Duration";
    case TypeKind::kList:
      return "list";
    case TypeKind::kMap:
      return "map";
    case TypeKind::kType:
      return "type";
    case TypeKind::kOpaque:
    case TypeKind::kTypeParam:
      break;
  }
  return "";
}

std::span<const Type> Type::params() const {
  if (rep_ == nullptr) return {};
  return rep_->params;
}

bool Type::IsOptional() const {
  return kind_ == TypeKind::kOpaque && rep_->name == kOptionalName && rep_->params.size() == 1;
}

bool Type::HasTypeParams() const {
  if (kind_ == TypeKind::kTypeParam) return true;
  for (const Type& param : params()) {
    if (param.HasTypeParams()) return true;
  }
  return false;
}

std::string Type::ToString() const {
  std::string out(name());
  std::span<const Type> args = params();
  if (args.empty()) return out;
  out += '(';
  for (size_t arg_idx = 0; arg_idx < args.size(); ++arg_idx) {
    if (arg_idx > 0) out += ", ";
    out += args[arg_idx].ToString();
  }
  out += ')';
  return out;
}

bool operator==(const Type& lhs, const Type& rhs) {
  if (lhs.kind_ != rhs.kind_) return false;
  if (lhs.rep_ == rhs.rep_) return true;
  if (lhs.rep_ == nullptr || rhs.rep_ == nullptr) return false;
  return lhs.rep_->name == rhs.rep_->name && lhs.rep_->params == rhs.rep_->params;
}

std::ostream& operator<<(std::ostream& out, const Type& type) { return out << type.ToString(); }

namespace {

// A recursive-descent reader for `name [ '(' type { ',' type } ')' ]`.
class TypeReader {
 public:
  TypeReader(std::string_view text, std::span<const std::string> type_params)
      : text_(text), type_params_(type_params) {}

  StatusOr<Type> ReadAll() {
    StatusOr<Type> type = ReadType(0);
    if (!type.ok()) return type;
    SkipSpaces();
    if (pos_ != text_.size()) return Fail("unexpected text");
    return type;
  }

 private:
  static constexpr int kMaxDepth = 64;

  StatusOr<Type> ReadType(int depth) {
    if (depth > kMaxDepth) return Fail("type is nested too deeply");
    SkipSpaces();
    std::string name = ReadName();
    if (name.empty()) return Fail("expected a type name");
    std::vector<Type> args;
    SkipSpaces();
    bool has_args = pos_ < text_.size() && text_[pos_] == '(';
    if (has_args) {
      ++pos_;
      while (true) {
        StatusOr<Type> arg = ReadType(depth + 1);
        if (!arg.ok()) return arg;
        args.push_back(std::move(arg).value());
        SkipSpaces();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == ')') {
          ++pos_;
          break;
        }
        return Fail("expected `,` or `)`");
      }
    }
    return Build(name, std::move(args), has_args);
  }

  StatusOr<Type> Build(const std::string& name, std::vector<Type> args, bool has_args) {
    struct Scalar {
      std::string_view name;
      Type type;
    };
    static const Scalar kScalars[] = {
        {"dyn", Type::Dyn()},
        {"error", Type::Error()},
        {"null_type", Type::Null()},
        {"bool", Type::Bool()},
        {"int", Type::Int()},
        {"uint", Type::Uint()},
        {"double", Type::Double()},
        {"string", Type::String()},
        {"bytes", Type::Bytes()},
        {"google.protobuf.Timestamp", Type::Timestamp()},
        {"google.protobuf.Duration", Type::Duration()},
    };
    for (const Scalar& scalar : kScalars) {
      if (name != scalar.name) continue;
      if (has_args) return Fail("`" + name + "` takes no type arguments");
      return scalar.type;
    }
    if (name == "list") {
      if (!has_args) return Type::List(Type::Dyn());
      if (args.size() != 1) return Fail("`list` takes one type argument");
      return Type::List(std::move(args[0]));
    }
    if (name == "map") {
      if (!has_args) return Type::Map(Type::Dyn(), Type::Dyn());
      if (args.size() != 2) return Fail("`map` takes two type arguments");
      return Type::Map(std::move(args[0]), std::move(args[1]));
    }
    if (name == "type") {
      if (!has_args) return Type::TypeType();
      if (args.size() != 1) return Fail("`type` takes at most one type argument");
      return Type::TypeOf(std::move(args[0]));
    }
    if (!has_args && IsTypeParamName(name)) return Type::Param(name);
    return Type::Opaque(name, std::move(args));
  }

  bool IsTypeParamName(const std::string& name) const {
    for (const std::string& param : type_params_) {
      if (param == name) return true;
    }
    if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0]))) return false;
    for (size_t char_idx = 1; char_idx < name.size(); ++char_idx) {
      if (!std::isdigit(static_cast<unsigned char>(name[char_idx]))) return false;
    }
    return true;
  }

  std::string ReadName() {
    size_t start = pos_;
    while (pos_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      bool ident_char = std::isalnum(c) != 0 || c == '_';
      bool dot = c == '.' && pos_ > start && pos_ + 1 < text_.size();
      if (!ident_char && !dot) break;
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  Status Fail(const std::string& what) const {
    return InvalidArgument("invalid type `" + std::string(text_) + "`: " + what + " at offset " +
                           std::to_string(pos_));
  }

  std::string_view text_;
  std::span<const std::string> type_params_;
  size_t pos_ = 0;
};

}  // namespace

StatusOr<Type> Type::Parse(std::string_view text) { return Parse(text, {}); }

StatusOr<Type> Type::Parse(std::string_view text, std::span<const std::string> type_params) {
  return TypeReader(text, type_params).ReadAll();
}

}  // namespace warden::cel
