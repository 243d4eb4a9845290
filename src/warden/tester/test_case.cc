#include "warden/tester/test_case.h"

#include <filesystem>
#include <utility>

#include "warden/cel/lib/time_format.h"

namespace warden::tester {
namespace {

// Reads one case; every problem is reported, and `ok` turns false.
class CaseReader {
 public:
  CaseReader(const policy::TestDoc& test, Diagnostics& diagnostics)
      : test_(test), diagnostics_(diagnostics) {}

  std::optional<TestCase> Read(const policy::TestCaseDoc& doc) {
    ok_ = true;
    const data::Node& node = *doc.node;
    TestCase out;
    out.test = test_.metadata.name.value;
    out.name = doc.name.value;
    out.location = {test_.file, doc.position};
    ReadInput(node, out);
    if (const data::Node* environment = node.Find("environment")) {
      out.environment = String(*environment, "environment");
    }
    if (const data::Node* now = node.Find("now")) ReadNow(*now, out);
    if (const data::Node* params = node.Find("params")) ReadParams(*params, out);
    if (const data::Node* exceptions = node.Find("exceptions")) ReadExceptions(*exceptions, out);
    if (const data::Node* expect = node.Find("expect")) ReadExpect(*expect, out);
    if (const data::Node* expect_error = node.Find("expect_error")) {
      out.expect_error = String(*expect_error, "expect_error");
    }
    if (ok_ && !out.expect_error && node.Find("expect") == nullptr) {
      Error("E150", node, "case `" + out.name + "` has no `expect` or `expect_error`",
            "say what the case must produce, e.g. `expect: {outcome: pass}`");
    }
    if (!ok_) return std::nullopt;
    return out;
  }

 private:
  void Error(std::string code, const data::Node& at, std::string message, std::string help = {}) {
    diagnostics_.Error(std::move(code), {test_.file, at.position()}, std::move(message),
                       std::move(help));
    ok_ = false;
  }

  std::string String(const data::Node& node, const std::string& field) {
    if (!node.is_string()) {
      Error("E153", node, "`" + field + "` must be a string");
      return {};
    }
    return std::string(node.string_value());
  }

  // Paths in a test are relative to the test file's directory, like a bundle's globs.
  std::string Resolve(const std::string& path) const {
    std::filesystem::path resolved(path);
    if (resolved.is_relative()) {
      resolved = std::filesystem::path(test_.file).parent_path() / resolved;
    }
    return resolved.lexically_normal().generic_string();
  }

  void ReadInput(const data::Node& node, TestCase& out) {
    const data::Node* input = node.Find("input");
    const data::Node* document = node.Find("document");
    const data::Node* request = node.Find("request");
    int given = (input != nullptr) + (document != nullptr) + (request != nullptr);
    if (given != 1) {
      Error("E150", node,
            given == 0 ? "case `" + out.name + "` has no input"
                       : "a case takes exactly one of `input`, `document` and `request`",
            "give `input: {file: PATH}`, an inline `document:` or an inline `request:`");
      return;
    }
    if (document != nullptr) {
      out.input = InputKind::kDocument;
      out.inline_input = document;
      return;
    }
    if (request != nullptr) {
      out.input = InputKind::kRequest;
      out.inline_input = request;
      if (!request->is_map()) Error("E153", *request, "`request` must be a map");
      return;
    }
    const data::Node* file = input->Find("file");
    if (!input->is_map() || file == nullptr || !file->is_string() || input->size() != 1) {
      Error("E153", *input, "`input` must be `{file: PATH}`",
            "or give the input inline with `document:` or `request:`");
      return;
    }
    out.input = InputKind::kFile;
    out.input_file = Resolve(std::string(file->string_value()));
  }

  void ReadNow(const data::Node& now, TestCase& out) {
    std::string text = String(now, "now");
    if (!ok_) return;
    if (cel::ParseTimestamp(text, out.now_seconds, out.now_nanos) != cel::TimeParseStatus::kOk) {
      Error("E154", now, "invalid timestamp `" + text + "` for `now`",
            "use RFC 3339 with a time and a zone, e.g. `2027-01-31T00:00:00Z`");
      return;
    }
    out.has_now = true;
  }

  void ReadParams(const data::Node& params, TestCase& out) {
    if (!params.is_map()) {
      Error("E153", params, "`params` must be a map of parameter names to values");
      return;
    }
    for (const data::MapEntry& entry : params.entries()) {
      out.params.push_back({std::string(entry.key()), &entry.value});
    }
  }

  void ReadExceptions(const data::Node& exceptions, TestCase& out) {
    if (!exceptions.is_list()) {
      Error("E153", exceptions, "`exceptions` must be a list of files holding Exceptions");
      return;
    }
    for (const data::Node& item : exceptions.items()) {
      std::string path = String(item, "exceptions[]");
      if (!path.empty()) out.exception_files.push_back(Resolve(path));
    }
  }

  void ReadExpect(const data::Node& expect, TestCase& out) {
    if (!expect.is_map()) {
      Error("E153", expect, "`expect` must be a map");
      return;
    }
    for (const data::MapEntry& entry : expect.entries()) {
      std::string key(entry.key());
      const data::Node& value = entry.value;
      if (key == "outcome") {
        ReadOutcome(value, out.expect);
      } else if (key == "decision") {
        ReadDecision(value, out.expect);
      } else if (key == "violations") {
        out.expect.violations = ReadFindings(value, key);
      } else if (key == "warnings") {
        out.expect.warnings = ReadFindings(value, key);
      } else if (key == "waived") {
        out.expect.waived = ReadFindings(value, key);
      } else if (key == "errors") {
        out.expect.errors = ReadErrors(value);
      } else {
        std::string closest = ClosestMatch(
            key, {"outcome", "decision", "violations", "warnings", "waived", "errors"});
        diagnostics_.Error("E153", {test_.file, expect.key_position(entry)},
                           "unknown expectation `" + key + "`",
                           closest.empty() ? "expected one of outcome, decision, violations, "
                                             "warnings, waived, errors"
                                           : "did you mean `" + closest + "`?");
        ok_ = false;
      }
    }
    // A file input is a request when the case expects a decision.
    if (out.expect.decision && out.input == InputKind::kFile) out.input = InputKind::kRequestFile;
    bool is_request = out.input == InputKind::kRequest || out.input == InputKind::kRequestFile;
    if (out.expect.outcome && is_request) {
      Error("E153", expect, "`outcome` is for documents; a request case expects a `decision`");
    }
    if (out.expect.outcome && out.expect.decision) {
      Error("E153", expect, "a case expects either an `outcome` (documents) or a `decision`");
    }
    if (out.expect.decision && out.input == InputKind::kDocument) {
      Error("E153", expect, "`decision` is for requests; a document case expects an `outcome`");
    }
  }

  void ReadOutcome(const data::Node& value, Expectation& expect) {
    std::string text = String(value, "expect.outcome");
    for (engine::Outcome outcome :
         {engine::Outcome::kPass, engine::Outcome::kFail, engine::Outcome::kWarn,
          engine::Outcome::kSkip, engine::Outcome::kError}) {
      if (text == engine::OutcomeName(outcome)) {
        expect.outcome = outcome;
        return;
      }
    }
    if (ok_) {
      Error("E153", value, "invalid value `" + text + "` for `expect.outcome`",
            "expected pass, warn, fail, skip or error");
    }
  }

  void ReadDecision(const data::Node& value, Expectation& expect) {
    std::string text = String(value, "expect.decision");
    for (engine::Decision decision :
         {engine::Decision::kAllow, engine::Decision::kDeny, engine::Decision::kRequireApproval}) {
      if (text == engine::DecisionName(decision)) {
        expect.decision = decision;
        return;
      }
    }
    if (ok_) {
      Error("E153", value, "invalid value `" + text + "` for `expect.decision`",
            "expected allow, deny or require_approval");
    }
  }

  // A list of maps with string fields among `allowed` (and `count`, a non-negative int).
  bool ReadEntryFields(const data::Node& item, const std::string& field,
                       std::initializer_list<std::string_view> allowed,
                       std::vector<std::pair<std::string, std::string>>& strings,
                       std::optional<size_t>* count) {
    if (!item.is_map()) {
      Error("E153", item, "each entry of `expect." + field + "` must be a map");
      return false;
    }
    for (const data::MapEntry& entry : item.entries()) {
      std::string key(entry.key());
      if (count != nullptr && key == "count") {
        if (entry.value.kind() != data::NodeKind::kInt || entry.value.int_value() < 0) {
          Error("E153", entry.value, "`count` must be a non-negative integer");
          return false;
        }
        *count = static_cast<size_t>(entry.value.int_value());
        continue;
      }
      bool known = false;
      for (std::string_view name : allowed) known = known || key == name;
      if (!known) {
        std::vector<std::string_view> candidates(allowed);
        if (count != nullptr) candidates.push_back("count");
        std::string closest = ClosestMatch(key, candidates);
        diagnostics_.Error("E153", {test_.file, item.key_position(entry)},
                           "unknown field `" + key + "` in `expect." + field + "`",
                           closest.empty() ? "" : "did you mean `" + closest + "`?");
        ok_ = false;
        return false;
      }
      strings.emplace_back(key, String(entry.value, "expect." + field + "." + key));
    }
    return true;
  }

  std::vector<ExpectedFinding> ReadFindings(const data::Node& list, const std::string& field) {
    std::vector<ExpectedFinding> out;
    if (!list.is_list()) {
      Error("E153", list, "`expect." + field + "` must be a list");
      return out;
    }
    for (const data::Node& item : list.items()) {
      ExpectedFinding finding;
      finding.position = item.position();
      std::vector<std::pair<std::string, std::string>> strings;
      std::initializer_list<std::string_view> allowed = {"policy", "rule", "message"};
      std::initializer_list<std::string_view> allowed_waived = {"policy", "rule", "message",
                                                                "exception"};
      if (!ReadEntryFields(item, field, field == "waived" ? allowed_waived : allowed, strings,
                           &finding.count)) {
        continue;
      }
      for (auto& [key, value] : strings) {
        if (key == "policy") finding.policy = value;
        if (key == "rule") finding.rule = value;
        if (key == "message") finding.message = value;
        if (key == "exception") finding.exception = value;
      }
      if (finding.policy.empty()) {
        Error("E153", item, "an entry of `expect." + field + "` needs a `policy`");
        continue;
      }
      out.push_back(std::move(finding));
    }
    return out;
  }

  std::vector<ExpectedError> ReadErrors(const data::Node& list) {
    std::vector<ExpectedError> out;
    if (!list.is_list()) {
      Error("E153", list, "`expect.errors` must be a list");
      return out;
    }
    for (const data::Node& item : list.items()) {
      ExpectedError error;
      error.position = item.position();
      std::vector<std::pair<std::string, std::string>> strings;
      if (!ReadEntryFields(item, "errors", {"policy", "rule", "message"}, strings, nullptr)) {
        continue;
      }
      for (auto& [key, value] : strings) {
        if (key == "policy") error.policy = value;
        if (key == "rule") error.rule = value;
        if (key == "message") error.message = value;
      }
      out.push_back(std::move(error));
    }
    return out;
  }

  const policy::TestDoc& test_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

}  // namespace

std::vector<TestCase> ReadTestCases(const policy::TestDoc& test, Diagnostics& diagnostics) {
  std::vector<TestCase> out;
  CaseReader reader(test, diagnostics);
  for (const policy::TestCaseDoc& doc : test.cases) {
    if (doc.node == nullptr || !doc.node->is_map()) continue;
    if (std::optional<TestCase> read = reader.Read(doc)) out.push_back(std::move(*read));
  }
  return out;
}

}  // namespace warden::tester
