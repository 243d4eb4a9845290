#include "warden/data/toml_depth.h"

#include <vector>

namespace warden::data::internal {

namespace {

bool IsBareKeyChar(char c) {
  // ASCII bare-key characters, and every non-ASCII byte (Unicode bare keys of TOML 1.1):
  // counting too many characters into one component never lowers the bound.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

class DepthScanner {
 public:
  DepthScanner(std::string_view text, uint32_t max_depth) : text_(text), max_depth_(max_depth) {}

  std::optional<size_t> Run();

 private:
  enum class Mode { kLineStart, kSkipLine, kKey, kValue };
  struct Frame {
    bool is_table;
    uint64_t depth;
  };

  bool At(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool StartsWith(std::string_view prefix) const {
    return text_.substr(pos_, prefix.size()) == prefix;
  }
  void SkipSpaces() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  // Skips the string starting at pos_ (any of the four TOML string forms).
  void SkipString();
  // Skips a dotted key and returns its number of components.
  uint64_t ScanKey();
  // Opens an inline array or table at pos_; false when it is too deep.
  bool Open(bool is_table);
  void Close();

  std::string_view text_;
  uint64_t max_depth_;
  size_t pos_ = 0;
  Mode mode_ = Mode::kLineStart;
  uint64_t table_depth_ = 1;   // bound for the current [table]
  uint64_t line_parent_ = 1;   // depth of the container of the current line's value
  uint64_t value_parent_ = 1;  // depth of the container the next value goes into
  std::vector<Frame> frames_;  // open inline arrays and tables
};

void DepthScanner::SkipString() {
  const char quote = text_[pos_];
  const bool literal = quote == '\'';
  if (StartsWith(literal ? "'''" : "\"\"\"")) {
    pos_ += 3;
    const std::string_view close = literal ? "'''" : "\"\"\"";
    while (pos_ < text_.size() && !StartsWith(close)) {
      pos_ += !literal && text_[pos_] == '\\' ? size_t{2} : size_t{1};
    }
    pos_ += 3;
    // Up to two more quotes may end the content (`""""` closes after one quote).
    while (pos_ < text_.size() && text_[pos_] == quote) ++pos_;
  } else {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote && text_[pos_] != '\n') {
      pos_ += !literal && text_[pos_] == '\\' ? size_t{2} : size_t{1};
    }
    ++pos_;
  }
  if (pos_ > text_.size()) pos_ = text_.size();
}

uint64_t DepthScanner::ScanKey() {
  uint64_t components = 0;
  while (true) {
    SkipSpaces();
    if (At('"') || At('\'')) {
      SkipString();
    } else if (pos_ < text_.size() && IsBareKeyChar(text_[pos_])) {
      while (pos_ < text_.size() && IsBareKeyChar(text_[pos_])) ++pos_;
    } else {
      return components;
    }
    ++components;
    SkipSpaces();
    if (!At('.')) return components;
    ++pos_;
  }
}

bool DepthScanner::Open(bool is_table) {
  const uint64_t depth = value_parent_ + 1;
  if (depth > max_depth_) return false;
  frames_.push_back({is_table, depth});
  ++pos_;
  if (is_table) {
    mode_ = Mode::kKey;
  } else {
    value_parent_ = depth;
  }
  return true;
}

void DepthScanner::Close() {
  ++pos_;
  if (!frames_.empty()) frames_.pop_back();
  if (frames_.empty()) {
    value_parent_ = line_parent_;
    mode_ = Mode::kValue;
  } else if (frames_.back().is_table) {
    mode_ = Mode::kValue;  // a `,` or `}` follows
  } else {
    value_parent_ = frames_.back().depth;
    mode_ = Mode::kValue;
  }
}

std::optional<size_t> DepthScanner::Run() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      if (frames_.empty()) mode_ = Mode::kLineStart;
      continue;
    }
    const size_t start = pos_;
    switch (mode_) {
      case Mode::kLineStart:
        if (c == '[') {
          pos_ += StartsWith("[[") ? size_t{2} : size_t{1};
          // Each component may be an array of tables: a list and its element table.
          table_depth_ = 1 + 2 * ScanKey();
          if (table_depth_ > max_depth_) return start;
          mode_ = Mode::kSkipLine;
        } else {
          const uint64_t components = ScanKey();
          if (components == 0) {
            mode_ = Mode::kSkipLine;
            break;
          }
          line_parent_ = table_depth_ + components - 1;
          value_parent_ = line_parent_;
          if (line_parent_ > max_depth_) return start;
          SkipSpaces();
          mode_ = At('=') ? Mode::kValue : Mode::kSkipLine;
          if (At('=')) ++pos_;
        }
        break;
      case Mode::kSkipLine:
        ++pos_;
        break;
      case Mode::kKey: {
        if (c == '}') {
          Close();
          break;
        }
        if (c == ',') {
          ++pos_;
          break;
        }
        const uint64_t components = ScanKey();
        if (components == 0) {
          ++pos_;
          break;
        }
        const uint64_t table = frames_.empty() ? line_parent_ : frames_.back().depth;
        value_parent_ = table + components - 1;
        if (value_parent_ > max_depth_) return start;
        SkipSpaces();
        if (At('=')) {
          ++pos_;
          mode_ = Mode::kValue;
        }
        break;
      }
      case Mode::kValue:
        if (c == '"' || c == '\'') {
          SkipString();
        } else if (c == '[' || c == '{') {
          if (!Open(c == '{')) return start;
        } else if (c == ']' || c == '}') {
          Close();
        } else if (c == ',') {
          ++pos_;
          if (!frames_.empty() && frames_.back().is_table) mode_ = Mode::kKey;
        } else {
          ++pos_;
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<size_t> FindTomlDepthExcess(std::string_view text, uint32_t max_depth) {
  return DepthScanner(text, max_depth).Run();
}

}  // namespace warden::data::internal
