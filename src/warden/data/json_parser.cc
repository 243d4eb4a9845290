#include "warden/data/json_parser.h"

#include <algorithm>
#include <cstring>
#include <span>

#include "warden/base/utf8.h"
#include "warden/data/reader_support.h"

namespace warden::data::internal {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when one of the eight bytes is `"`, `\` or a control character: the bytes that
// end the fast path of string scanning. Exact as a yes/no answer (SWAR zero-byte test).
bool HasStringSpecial(uint64_t chunk) {
  uint64_t quote = chunk ^ (kOnes * '"');
  uint64_t backslash = chunk ^ (kOnes * '\\');
  uint64_t found = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                   ((chunk - kOnes * 0x20) & ~chunk);
  return (found & kHighBits) != 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at `at` (which has at least four bytes), or -1.
int32_t ReadHex4(const char* at) {
  int32_t value = 0;
  for (int digit_idx = 0; digit_idx < 4; ++digit_idx) {
    int digit = HexValue(at[digit_idx]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// UTF-8 continuation bytes (10xxxxxx) in [begin, end): bytes that start no code point.
size_t CountContinuationBytes(const char* begin, const char* end) {
  size_t count = 0;
  while (end - begin >= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, begin, 8);
    // One bit per continuation byte, at bit 7 of its byte; summed by a multiply.
    const uint64_t marks = (chunk & ~(chunk << 1) & kHighBits) >> 7;
    count += static_cast<size_t>((marks * kOnes) >> 56);
    begin += 8;
  }
  for (; begin < end; ++begin) count += (static_cast<unsigned char>(*begin) & 0xC0) == 0x80;
  return count;
}

// Bytes of the UTF-8 character at `at` (valid UTF-8), not reaching past `end`.
size_t CharLength(const char* at, const char* end) {
  auto lead = static_cast<unsigned char>(*at);
  size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(length, static_cast<size_t>(end - at));
}

}  // namespace

JsonParser::JsonParser(std::string_view text, std::string_view file, const ReadLimits& limits,
                       NodeBuilder& builder)
    : text_(text), file_(file), limits_(limits), builder_(builder) {}

void JsonParser::SkipWhitespace() {
  while (cur_ < end_) {
    const char c = *cur_;
    if (c == ' ') {
      // Indentation comes in runs of spaces.
      ++cur_;
      while (end_ - cur_ >= 8) {
        uint64_t chunk;
        std::memcpy(&chunk, cur_, 8);
        if (chunk != kOnes * ' ') break;
        cur_ += 8;
      }
    } else if (c == '\r' || c == '\t') {
      ++cur_;
    } else if (c == '\n') {
      ++cur_;
      ++line_;
      line_start_ = cur_;
      column_anchor_ = cur_;
      anchor_column_ = 1;
    } else {
      break;
    }
  }
}

SourcePosition JsonParser::PositionOf(const char* at) {
  if (at < line_start_) at = line_start_;  // not expected: positions lie on the current line
  if (at < column_anchor_) {
    column_anchor_ = line_start_;
    anchor_column_ = 1;
  }
  const auto bytes = static_cast<size_t>(at - column_anchor_);
  anchor_column_ += static_cast<uint32_t>(bytes - CountContinuationBytes(column_anchor_, at));
  column_anchor_ = at;
  return {line_, anchor_column_};
}

Status JsonParser::ErrorAt(const char* at, std::string_view reason) {
  return SyntaxErrorAt(file_, PositionOf(at), reason);
}

std::string JsonParser::Describe(const char* at) const {
  if (at >= end_) return "the end of the input";
  return Quoted(std::string_view(at, CharLength(at, end_)));
}

StatusOr<Node> JsonParser::Parse(size_t begin, size_t end, uint32_t first_line) {
  cur_ = text_.data() + begin;
  end_ = text_.data() + end;
  stack_.clear();
  items_.clear();
  entries_.clear();
  if (begin == 0 && end >= 3 && std::memcmp(cur_, "\xEF\xBB\xBF", 3) == 0) cur_ += 3;
  line_ = first_line;
  line_start_ = cur_;
  column_anchor_ = cur_;
  anchor_column_ = 1;
  SkipWhitespace();
  if (cur_ == end_) return ErrorAt(cur_, "expected a JSON value, found the end of the input");

  Node value;
  while (true) {
    // cur_ is at the start of a value, whitespace skipped.
    if (cur_ == end_) return ErrorAt(cur_, "expected a value, found the end of the input");
    bool complete = true;
    switch (*cur_) {
      case '{':
      case '[': {
        const bool is_map = *cur_ == '{';
        SourcePosition position = PositionOf(cur_);
        if (stack_.size() >= limits_.max_depth) {
          return DepthError(file_, position, limits_.max_depth);
        }
        auto first = static_cast<uint32_t>(is_map ? entries_.size() : items_.size());
        stack_.push_back(Frame{is_map, position, first, {}, {}});
        ++cur_;
        SkipWhitespace();
        if (cur_ < end_ && *cur_ == (is_map ? '}' : ']')) {
          ++cur_;
          StatusOr<Node> built = is_map ? FinishMap() : FinishList();
          if (!built.ok()) return built.status();
          value = *built;
        } else {
          complete = false;
          if (is_map) {
            if (Status status = ParseKey(); !status.ok()) return status;
          }
        }
        break;
      }
      case '"': {
        SourcePosition position = PositionOf(cur_);
        StatusOr<std::string_view> text = ParseString();
        if (!text.ok()) return text.status();
        value = Node::String(*text, position);
        break;
      }
      case 't':
      case 'f':
      case 'n':
        if (Status status = ParseLiteral(&value); !status.ok()) return status;
        break;
      default:
        if (Status status = ParseNumber(&value); !status.ok()) return status;
        break;
    }
    if (!complete) continue;

    // Attach the completed value to its parent; close every container that ends here.
    while (true) {
      if (stack_.empty()) {
        SkipWhitespace();
        if (cur_ != end_) {
          return ErrorAt(cur_, "unexpected " + Describe(cur_) + " after the JSON value");
        }
        return value;
      }
      SkipWhitespace();
      if (stack_.back().is_map) {
        entries_.push_back(KeyedNode{stack_.back().key, stack_.back().key_position, value});
        if (cur_ < end_ && *cur_ == ',') {
          ++cur_;
          SkipWhitespace();
          if (Status status = ParseKey(); !status.ok()) return status;
          break;
        }
        if (cur_ < end_ && *cur_ == '}') {
          ++cur_;
          StatusOr<Node> built = FinishMap();
          if (!built.ok()) return built.status();
          value = *built;
          continue;
        }
        return ErrorAt(cur_, "expected `,` or `}` after an object member, found " + Describe(cur_));
      }
      items_.push_back(value);
      if (cur_ < end_ && *cur_ == ',') {
        ++cur_;
        SkipWhitespace();
        break;
      }
      if (cur_ < end_ && *cur_ == ']') {
        ++cur_;
        StatusOr<Node> built = FinishList();
        if (!built.ok()) return built.status();
        value = *built;
        continue;
      }
      return ErrorAt(cur_, "expected `,` or `]` after an array element, found " + Describe(cur_));
    }
  }
}

Status JsonParser::ParseKey() {
  if (cur_ == end_ || *cur_ != '"') {
    return ErrorAt(cur_, "expected a string key, found " + Describe(cur_));
  }
  SourcePosition position = PositionOf(cur_);
  StatusOr<std::string_view> key = ParseString(/*is_key=*/true);
  if (!key.ok()) return key.status();
  SkipWhitespace();
  if (cur_ == end_ || *cur_ != ':') {
    return ErrorAt(cur_, "expected `:` after the key, found " + Describe(cur_));
  }
  ++cur_;
  SkipWhitespace();
  stack_.back().key = *key;
  stack_.back().key_position = position;
  return Status::Ok();
}

StatusOr<std::string_view> JsonParser::ParseString(bool is_key) {
  const char* quote = cur_;
  const char* scan = cur_ + 1;
  while (end_ - scan >= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, scan, 8);
    if (HasStringSpecial(chunk)) break;
    scan += 8;
  }
  while (scan < end_ && *scan != '"' && *scan != '\\' &&
         static_cast<unsigned char>(*scan) >= 0x20) {
    ++scan;
  }
  std::string_view content;
  if (scan < end_ && *scan == '"') {
    content = std::string_view(quote + 1, static_cast<size_t>(scan - quote - 1));
  } else {
    // Slow path: escapes (or an error).
    unescaped_.assign(quote + 1, scan);
    while (true) {
      if (scan == end_) return ErrorAt(quote, "unterminated string");
      const char c = *scan;
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        return ErrorAt(scan, "control character " + Quoted(std::string_view(scan, 1)) +
                                 " must be escaped in a string");
      }
      if (c != '\\') {
        const char* run = scan;
        while (scan < end_ && *scan != '"' && *scan != '\\' &&
               static_cast<unsigned char>(*scan) >= 0x20) {
          ++scan;
        }
        unescaped_.append(run, scan);
        continue;
      }
      if (end_ - scan < 2) return ErrorAt(quote, "unterminated string");
      const char escape = scan[1];
      switch (escape) {
        case '"':
          unescaped_ += '"';
          break;
        case '\\':
          unescaped_ += '\\';
          break;
        case '/':
          unescaped_ += '/';
          break;
        case 'b':
          unescaped_ += '\b';
          break;
        case 'f':
          unescaped_ += '\f';
          break;
        case 'n':
          unescaped_ += '\n';
          break;
        case 'r':
          unescaped_ += '\r';
          break;
        case 't':
          unescaped_ += '\t';
          break;
        case 'u': {
          int32_t unit = end_ - scan >= 6 ? ReadHex4(scan + 2) : -1;
          if (unit < 0) {
            size_t shown = std::min<size_t>(6, static_cast<size_t>(end_ - scan));
            return ErrorAt(scan, "invalid unicode escape " + Quoted(std::string_view(scan, shown)));
          }
          auto code_point = static_cast<char32_t>(unit);
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            int32_t low =
                end_ - scan >= 12 && scan[6] == '\\' && scan[7] == 'u' ? ReadHex4(scan + 8) : -1;
            if (low < 0xDC00 || low > 0xDFFF) {
              return ErrorAt(scan, "unpaired surrogate " + Quoted(std::string_view(scan, 6)));
            }
            code_point = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
                         (static_cast<char32_t>(low) - 0xDC00);
            scan += 6;
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return ErrorAt(scan, "unpaired surrogate " + Quoted(std::string_view(scan, 6)));
          }
          utf8::Append(unescaped_, code_point);
          scan += 4;
          break;
        }
        default:
          return ErrorAt(scan, "invalid escape " +
                                   Quoted(std::string_view(scan, 1 + CharLength(scan + 1, end_))));
      }
      scan += 2;
    }
    content = unescaped_;
  }
  if (content.size() > limits_.max_scalar_bytes) {
    return CheckScalarSize(content.size(), file_, PositionOf(quote), limits_);
  }
  cur_ = scan + 1;
  std::string_view* cached = nullptr;
  if (is_key && !content.empty() && content.size() <= kMaxInternedKeyBytes) {
    // Length, first, middle and last byte tell most field names apart.
    const auto byte = [&](size_t index) { return static_cast<unsigned char>(content[index]); };
    size_t hash = content.size();
    hash = hash * 131 + byte(0);
    hash = hash * 131 + byte(content.size() / 2);
    hash = hash * 131 + byte(content.size() - 1);
    cached = &key_cache_[(hash ^ (hash >> 9)) % kKeyCacheSlots];
    if (BytesEqual(*cached, content)) return *cached;
  }
  std::string_view stored = builder_.arena().CopyString(content);
  if (stored.data() == nullptr) {
    return WithPosition(ArenaExhausted(builder_.arena()), file_, PositionOf(quote));
  }
  if (cached != nullptr) *cached = stored;
  return stored;
}

Status JsonParser::ParseLiteral(Node* out) {
  const auto remaining = static_cast<size_t>(end_ - cur_);
  SourcePosition position = PositionOf(cur_);
  if (remaining >= 4 && std::memcmp(cur_, "true", 4) == 0) {
    *out = Node::Bool(true, position);
    cur_ += 4;
  } else if (remaining >= 5 && std::memcmp(cur_, "false", 5) == 0) {
    *out = Node::Bool(false, position);
    cur_ += 5;
  } else if (remaining >= 4 && std::memcmp(cur_, "null", 4) == 0) {
    *out = Node::Null(position);
    cur_ += 4;
  } else {
    return ErrorAt(cur_, "expected a value, found " + Describe(cur_));
  }
  return Status::Ok();
}

Status JsonParser::ParseNumber(Node* out) {
  const char* start = cur_;
  const char* scan = cur_;
  auto invalid = [&]() {
    const char* token_end = scan;
    while (token_end < end_ && token_end - start < 64 &&
           (IsDigit(*token_end) || *token_end == '.' || *token_end == 'e' || *token_end == 'E' ||
            *token_end == '+' || *token_end == '-')) {
      ++token_end;
    }
    return ErrorAt(start, "invalid number " + Quoted(std::string_view(
                                                  start, static_cast<size_t>(token_end - start))));
  };
  if (*scan != '-' && !IsDigit(*scan)) {
    return ErrorAt(start, "expected a value, found " + Describe(start));
  }
  if (*scan == '-') ++scan;
  if (scan == end_ || !IsDigit(*scan)) return invalid();
  const char* digits = scan;
  uint64_t value = 0;
  if (*scan == '0') {
    ++scan;
    if (scan < end_ && IsDigit(*scan)) {
      return ErrorAt(start,
                     "leading zeros are not allowed in number " +
                         Quoted(std::string_view(start, static_cast<size_t>(scan - start + 1))));
    }
  } else {
    while (scan < end_ && IsDigit(*scan)) {
      value = value * 10 + static_cast<uint64_t>(*scan - '0');  // wraps harmlessly past 19 digits
      ++scan;
    }
  }
  const auto digit_count = static_cast<size_t>(scan - digits);
  bool is_integer = true;
  if (scan < end_ && *scan == '.') {
    ++scan;
    if (scan == end_ || !IsDigit(*scan)) return invalid();
    while (scan < end_ && IsDigit(*scan)) ++scan;
    is_integer = false;
  }
  if (scan < end_ && (*scan == 'e' || *scan == 'E')) {
    ++scan;
    if (scan < end_ && (*scan == '+' || *scan == '-')) ++scan;
    if (scan == end_ || !IsDigit(*scan)) return invalid();
    while (scan < end_ && IsDigit(*scan)) ++scan;
    is_integer = false;
  }
  std::string_view literal(start, static_cast<size_t>(scan - start));
  SourcePosition position = PositionOf(start);
  if (is_integer && digit_count <= 18) {
    // Below 10^18: no overflow possible.
    auto signed_value = static_cast<int64_t>(value);
    *out = Node::Int(*start == '-' ? -signed_value : signed_value, position);
  } else if (is_integer) {
    if (!DecimalIntegerNode(literal, position, out)) {
      return ErrorAt(start, "number " + Quoted(literal) + " is out of range");
    }
  } else {
    double parsed = 0;
    if (!ParseDecimalDouble(literal, &parsed)) {
      return ErrorAt(start, "number " + Quoted(literal) + " is out of range");
    }
    *out = Node::Double(parsed, position);
  }
  cur_ = scan;
  return Status::Ok();
}

StatusOr<Node> JsonParser::FinishList() {
  const Frame frame = stack_.back();
  stack_.pop_back();
  std::span<const Node> items(items_.data() + frame.first, items_.size() - frame.first);
  StatusOr<Node> node = builder_.List(items, frame.position);
  items_.resize(frame.first);
  if (!node.ok()) return WithPosition(node.status(), file_, frame.position);
  return node;
}

StatusOr<Node> JsonParser::FinishMap() {
  const Frame frame = stack_.back();
  stack_.pop_back();
  std::span<const KeyedNode> entries(entries_.data() + frame.first, entries_.size() - frame.first);
  StatusOr<Node> node = builder_.MapWithArenaKeys(entries, frame.position);
  if (!node.ok()) {
    size_t duplicate = FindDuplicateKey(entries);
    if (duplicate < entries.size()) {
      return SyntaxErrorAt(file_, entries[duplicate].key_position,
                           "duplicate key " + Quoted(entries[duplicate].key));
    }
    return WithPosition(node.status(), file_, frame.position);
  }
  entries_.resize(frame.first);
  return node;
}

}  // namespace warden::data::internal
