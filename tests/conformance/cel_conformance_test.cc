// Runs the cel-spec conformance cases (shared/conformance/cel-spec/cases.jsonl) through
// the same batch evaluator as `warden expr --batch`, compares each result with the
// case's expectation, and reports pass rates per file (core language and extensions
// separately). Every expected failure is listed with its reason in cel_skip_list.txt;
// the test fails on an unexpected failure and on a listed case that now passes.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "warden/base/file.h"
#include "warden/cel/eval/batch.h"
#include "warden/cel/eval/typed_value.h"
#include "warden/cel/runtime/value_ops.h"
#include "warden/data/json_reader.h"
#include "warden/data/jsonl_reader.h"

namespace warden::cel {
namespace {

const std::set<std::string> kCoreFiles = {
    "basic",  "comparisons", "conversions", "fields",         "fp_math", "integer_math",
    "lists",  "logic",       "macros",      "macros2",        "parse",   "plumbing",
    "string", "timestamps",  "namespace",   "type_deductions"};

std::string SourceDir() {
  const char* dir = std::getenv("WARDEN_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

// Strict typed equality: same kinds (int 1 is not double 1.0), NaN matches NaN, map
// entry order ignored.
bool StrictEqual(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::kDouble:
      if (std::isnan(a.double_value())) return std::isnan(b.double_value());
      return a.double_value() == b.double_value();
    case ValueKind::kList:
      if (a.list_size() != b.list_size()) return false;
      for (uint32_t item_idx = 0; item_idx < a.list_size(); ++item_idx) {
        if (!StrictEqual(a.list_item(item_idx), b.list_item(item_idx))) return false;
      }
      return true;
    case ValueKind::kMap:
      if (a.map_size() != b.map_size()) return false;
      for (uint32_t entry_idx = 0; entry_idx < a.map_size(); ++entry_idx) {
        Value other;
        if (!b.map_find(a.map_key(entry_idx), other)) return false;
        if (!StrictEqual(a.map_value(entry_idx), other)) return false;
      }
      return true;
    default:
      return ValuesEqual(a, b);
  }
}

// Compares one batch output line with a case's `expect`; returns "" or the mismatch.
std::string Compare(const data::Node& expect, const std::string& output) {
  auto parsed = data::ReadJson(output, "<output>");
  if (!parsed.ok()) return "unparseable output: " + output;
  const data::Node& actual = *parsed->root;
  const data::Node* error = actual.Find("error");
  if (expect.Find("error") != nullptr) {
    return error != nullptr ? "" : "expected an error, got " + output;
  }
  if (error != nullptr) return "unexpected error: " + std::string(error->string_value());
  if (const data::Node* type = expect.Find("type")) {
    const data::Node* actual_type = actual.Find("type");
    if (actual_type == nullptr || actual_type->string_value() != type->string_value()) {
      return "expected type " + std::string(type->string_value()) + ", got " + output;
    }
  }
  if (const data::Node* value = expect.Find("value")) {
    const data::Node* actual_value = actual.Find("value");
    if (actual_value == nullptr) return "expected a value, got " + output;
    Arena arena;
    ValueFactory factory(arena);
    auto want = DecodeTypedValue(*value, factory, "expect");
    auto got = DecodeTypedValue(*actual_value, factory, "value");
    if (!want.ok() || !got.ok()) return "cannot decode values: " + output;
    if (!StrictEqual(*want, *got)) {
      return "expected " + EncodeTypedValue(*want) + ", got " + EncodeTypedValue(*got);
    }
  }
  return "";
}

std::map<std::string, std::string> LoadSkipList() {
  std::map<std::string, std::string> skips;
  std::ifstream in(SourceDir() + "/tests/conformance/cel_skip_list.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t hash = line.find(" # ");
    std::string id = line.substr(0, hash);
    while (!id.empty() && id.back() == ' ') id.pop_back();
    skips[id] = hash == std::string::npos ? "" : line.substr(hash + 3);
  }
  return skips;
}

TEST(CelConformanceTest, CasesPassOrAreListedWithAReason) {
  std::string path = SourceDir() + "/../shared/conformance/cel-spec/cases.jsonl";
  auto text = ReadFile(path);
  if (!text.ok())
    GTEST_SKIP() << "cel-spec conformance cases not found at " << path
                 << " (shared/ is absent); conformance not run";
  auto cases = data::ReadJsonLines(*text, "cases.jsonl");
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  std::map<std::string, std::string> skips = LoadSkipList();

  struct Tally {
    int passed = 0;
    int total = 0;
  };
  std::map<std::string, Tally> per_file;
  std::vector<std::string> unexpected;
  std::vector<std::string> stale_skips;
  std::istringstream lines(*text);
  std::string line;
  size_t case_idx = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const data::Node& root = *(*cases)[case_idx++].root;
    std::string id(root.Find("id")->string_value());
    std::string file(root.Find("file")->string_value());
    std::string mismatch = Compare(*root.Find("expect"), EvaluateBatchLine(line));
    Tally& tally = per_file[file];
    ++tally.total;
    bool skipped = skips.count(id) != 0;
    if (mismatch.empty()) {
      ++tally.passed;
      if (skipped) stale_skips.push_back(id);
    } else if (!skipped) {
      unexpected.push_back(id + ": " + mismatch);
    }
  }

  Tally core;
  Tally extensions;
  std::cout << "cel-spec conformance (" << case_idx << " cases):\n";
  for (const auto& [file, tally] : per_file) {
    Tally& group = kCoreFiles.count(file) ? core : extensions;
    group.passed += tally.passed;
    group.total += tally.total;
    std::cout << "  " << (kCoreFiles.count(file) ? "core " : "ext  ") << file << ": "
              << tally.passed << "/" << tally.total << "\n";
  }
  auto percent = [](const Tally& tally) {
    return tally.total == 0 ? 100.0 : 100.0 * tally.passed / tally.total;
  };
  std::cout << "  core language: " << core.passed << "/" << core.total << " (" << percent(core)
            << "%)\n  extensions: " << extensions.passed << "/" << extensions.total << " ("
            << percent(extensions) << "%)\n  overall: " << core.passed + extensions.passed << "/"
            << core.total + extensions.total << "\n";
  for (const std::string& failure : unexpected) ADD_FAILURE() << failure;
  for (const std::string& id : stale_skips) {
    ADD_FAILURE() << id << " passes now: remove it from tests/conformance/cel_skip_list.txt";
  }
}

}  // namespace
}  // namespace warden::cel
