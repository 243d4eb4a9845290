// Parses the expression of every cel-spec conformance case
// ($WARDEN_SOURCE_DIR/../shared/conformance/cel-spec/cases.jsonl, one JSON object per
// line). A case that expects a value must parse without issues; a case that expects an
// error may fail at parse, check or evaluation time, so its parse issues are only
// counted and printed.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warden/base/utf8.h"
#include "warden/cel/parse/ast_debug.h"
#include "warden/cel/parse/parser.h"

namespace warden::cel {
namespace {

// Just enough JSON for one conformance line: the raw text of each top-level member.
class JsonLine {
 public:
  explicit JsonLine(std::string_view line) : text_(line) {}

  // The raw JSON text of top-level member `key`, or nullopt.
  std::optional<std::string_view> Member(std::string_view key) {
    pos_ = 0;
    SkipSpace();
    if (!Eat('{')) return std::nullopt;
    while (true) {
      SkipSpace();
      std::optional<std::string> name = String();
      if (!name) return std::nullopt;
      SkipSpace();
      if (!Eat(':')) return std::nullopt;
      SkipSpace();
      size_t start = pos_;
      if (!SkipValue()) return std::nullopt;
      if (*name == key) return text_.substr(start, pos_ - start);
      SkipSpace();
      if (!Eat(',')) return std::nullopt;
    }
  }

  // Decodes a JSON string value (the raw text from Member).
  static std::optional<std::string> DecodeString(std::string_view raw) {
    JsonLine parser(raw);
    return parser.String();
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\n')) {
      ++pos_;
    }
  }

  bool Eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::optional<uint32_t> Hex4() {
    if (text_.size() - pos_ < 4) return std::nullopt;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  std::optional<std::string> String() {
    if (!Eat('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return out;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return std::nullopt;
      char escape = text_[pos_++];
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          out.push_back(escape);
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          std::optional<uint32_t> unit = Hex4();
          if (!unit) return std::nullopt;
          uint32_t code_point = *unit;
          if (code_point >= 0xD800 && code_point <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            std::optional<uint32_t> low = Hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
          }
          if (code_point >= 0xD800 && code_point <= 0xDFFF) return std::nullopt;
          utf8::Append(out, code_point);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  bool SkipValue() {
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '"') return String().has_value();
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos_;
      SkipSpace();
      if (Eat(close)) return true;
      while (true) {
        SkipSpace();
        if (c == '{') {
          if (!String()) return false;
          SkipSpace();
          if (!Eat(':')) return false;
          SkipSpace();
        }
        if (!SkipValue()) return false;
        SkipSpace();
        if (Eat(close)) return true;
        if (!Eat(',')) return false;
      }
    }
    size_t start = pos_;  // number, true, false, null
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           text_[pos_] != ' ') {
      ++pos_;
    }
    return pos_ > start;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    uint32_t value = 0;
    if (c >= 'A' && c <= 'Z') {
      value = static_cast<uint32_t>(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      value = static_cast<uint32_t>(c - 'a' + 26);
    } else if (c >= '0' && c <= '9') {
      value = static_cast<uint32_t>(c - '0' + 52);
    } else if (c == '+') {
      value = 62;
    } else if (c == '/') {
      value = 63;
    } else if (c == '=') {
      break;
    } else {
      return std::nullopt;
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// When the whole expression is one literal, compares the parsed constant with the
// expected value (the literal-decoding half of the conformance suite). Returns whether
// it compared anything.
bool CheckLiteralValue(const Expr& expr, std::string_view expect) {
  if (expr.kind != ExprKind::kConstant) return false;
  std::optional<std::string_view> value = JsonLine(expect).Member("value");
  if (!value) return false;
  JsonLine typed(*value);
  const Constant& constant = expr.constant;
  switch (constant.kind) {
    case ConstantKind::kString:
      if (std::optional<std::string_view> raw = typed.Member("string")) {
        EXPECT_EQ(std::optional<std::string>(constant.string_value), JsonLine::DecodeString(*raw));
        return true;
      }
      break;
    case ConstantKind::kBytes:
      if (std::optional<std::string_view> raw = typed.Member("bytes")) {
        std::optional<std::string> base64 = JsonLine::DecodeString(*raw);
        EXPECT_TRUE(base64.has_value());
        EXPECT_EQ(std::optional<std::string>(constant.string_value),
                  DecodeBase64(base64.value_or("")));
        return true;
      }
      break;
    case ConstantKind::kInt:
      if (std::optional<std::string_view> raw = typed.Member("int")) {
        EXPECT_EQ("\"" + std::to_string(constant.int_value) + "\"", *raw);
        return true;
      }
      break;
    case ConstantKind::kUint:
      if (std::optional<std::string_view> raw = typed.Member("uint")) {
        EXPECT_EQ("\"" + std::to_string(constant.uint_value) + "\"", *raw);
        return true;
      }
      break;
    case ConstantKind::kBool:
      if (std::optional<std::string_view> raw = typed.Member("bool")) {
        EXPECT_EQ(constant.bool_value ? "true" : "false", *raw);
        return true;
      }
      break;
    default:
      break;
  }
  return false;
}

TEST(JsonLineTest, DecodesEscapesAndSurrogatePairs) {
  JsonLine line(R"({"id":"x","expr":"'\\u00e9' + \"\ud83d\ude2c\" // \/","n":[1,{"a":2}]})");
  std::optional<std::string_view> raw = line.Member("expr");
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(JsonLine::DecodeString(*raw),
            std::optional<std::string>("'\\u00e9' + \"\xF0\x9F\x98\xAC\" // /"));
  EXPECT_EQ(line.Member("n"), std::optional<std::string_view>(R"([1,{"a":2}])"));
  EXPECT_EQ(line.Member("missing"), std::nullopt);
}

TEST(ConformanceTest, EveryExpressionThatShouldParseParses) {
  const char* source_dir = std::getenv("WARDEN_SOURCE_DIR");
  if (source_dir == nullptr) {
    GTEST_SKIP() << "WARDEN_SOURCE_DIR is not set (ctest sets it); cannot find "
                    "../shared/conformance/cel-spec/cases.jsonl";
  }
  std::string path = std::string(source_dir) + "/../shared/conformance/cel-spec/cases.jsonl";
  std::ifstream file(path);
  if (!file) GTEST_SKIP() << "conformance cases not found at " << path;

  int total = 0;
  int parsed = 0;
  int error_cases = 0;
  int error_cases_rejected = 0;
  int literals_compared = 0;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    JsonLine json(line);
    std::optional<std::string_view> id_raw = json.Member("id");
    std::optional<std::string_view> expr_raw = json.Member("expr");
    std::optional<std::string_view> expect = json.Member("expect");
    ASSERT_TRUE(id_raw && expr_raw && expect) << "malformed line: " << line;
    std::string id = JsonLine::DecodeString(*id_raw).value_or("?");
    std::optional<std::string> expr = JsonLine::DecodeString(*expr_raw);
    ASSERT_TRUE(expr.has_value()) << id << ": cannot decode expr";
    ParseOptions options;
    options.enable_macros =
        json.Member("disable_macros") != std::optional<std::string_view>("true");
    SCOPED_TRACE(id + ": " + *expr);
    ++total;
    ParseResult result = Parse(*expr, options);
    bool expects_error = expect->starts_with("{\"error\"");
    if (result.ok()) {
      ++parsed;
      ASSERT_NE(result.parsed.expr, nullptr);
      EXPECT_FALSE(DebugString(*result.parsed.expr).empty());
      if (CheckLiteralValue(*result.parsed.expr, *expect)) ++literals_compared;
    }
    if (expects_error) {
      ++error_cases;
      if (!result.ok()) {
        ++error_cases_rejected;
        std::cout << "  error case rejected by the parser: " << id << ": "
                  << result.issues[0].message << "\n";
      }
      continue;
    }
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.issues[0].message);
  }
  std::cout << "conformance: " << parsed << " of " << total << " expressions parse; " << error_cases
            << " cases expect an error, " << error_cases_rejected
            << " of them already at parse time; " << literals_compared
            << " literal values compared with the expected value\n";
  EXPECT_GT(total, 0);
}

}  // namespace
}  // namespace warden::cel
