#include "warden/data/json_writer.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include "warden/base/base64.h"
#include "warden/base/json_string.h"

namespace warden::data {

namespace {

void AppendDouble(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "\"NaN\"";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return;
  }
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  out += text;
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}

  std::string Write(const Node& root) {
    Value(root);
    while (!stack_.empty()) {
      Frame& frame = stack_.back();
      const Node& container = *frame.node;
      if (frame.next == container.size()) {
        stack_.pop_back();
        NewLine();
        out_ += container.is_map() ? '}' : ']';
        continue;
      }
      if (frame.next > 0) out_ += ',';
      const size_t index = frame.next++;
      NewLine();
      if (container.is_map()) {
        const MapEntry& entry = container.entries()[index];
        AppendJsonString(out_, entry.key());
        out_ += pretty_ ? ": " : ":";
        Value(entry.value);  // may push, invalidating `frame`
      } else {
        Value(container.item(index));
      }
    }
    return std::move(out_);
  }

 private:
  struct Frame {
    const Node* node;
    size_t next;
  };

  void NewLine() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
  }

  void Value(const Node& node) {
    switch (node.kind()) {
      case NodeKind::kNull:
        out_ += "null";
        return;
      case NodeKind::kBool:
        out_ += node.bool_value() ? "true" : "false";
        return;
      case NodeKind::kInt:
        out_ += std::to_string(node.int_value());
        return;
      case NodeKind::kUint:
        out_ += std::to_string(node.uint_value());
        return;
      case NodeKind::kDouble:
        AppendDouble(out_, node.double_value());
        return;
      case NodeKind::kString:
        AppendJsonString(out_, node.string_value());
        return;
      case NodeKind::kBytes:
        out_ += '"';
        out_ += Base64Encode(node.string_value());
        out_ += '"';
        return;
      case NodeKind::kList:
      case NodeKind::kMap:
        out_ += node.is_map() ? '{' : '[';
        if (node.size() == 0) {
          out_ += node.is_map() ? '}' : ']';
          return;
        }
        stack_.push_back(Frame{&node, 0});
        return;
    }
  }

  bool pretty_;
  std::string out_;
  std::vector<Frame> stack_;
};

}  // namespace

std::string ToJson(const Node& node, bool pretty) { return Writer(pretty).Write(node); }

}  // namespace warden::data
