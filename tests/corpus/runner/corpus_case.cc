#include "corpus/runner/corpus_case.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "warden/data/json_writer.h"
#include "warden/data/yaml_reader.h"

namespace warden::corpus {
namespace {

std::string Where(const std::string& name, const data::Node& node) {
  return name + ":" + std::to_string(node.position().line) + ":" +
         std::to_string(node.position().column) + ": ";
}

Status ReadFileMap(const std::string& name, const data::Node& node, const char* key,
                   FileList& out) {
  if (!node.is_map()) return InvalidArgument(Where(name, node) + "`" + key + "` must be a map");
  for (const data::MapEntry& entry : node.entries()) {
    if (!entry.value.is_string()) {
      return InvalidArgument(Where(name, entry.value) + "`" + key + "." + std::string(entry.key()) +
                             "` must be a string (use a `|` block)");
    }
    out.emplace_back(std::string(entry.key()), std::string(entry.value.string_value()));
  }
  return Status::Ok();
}

Status ReadStringList(const std::string& name, const data::Node& node, const char* key,
                      std::vector<std::string>& out) {
  if (!node.is_list()) return InvalidArgument(Where(name, node) + "`" + key + "` must be a list");
  for (const data::Node& item : node.items()) {
    if (!item.is_string()) {
      return InvalidArgument(Where(name, item) + "`" + key + "` must hold strings");
    }
    out.emplace_back(item.string_value());
  }
  return Status::Ok();
}

Status ReadString(const std::string& name, const data::Node& node, const char* key,
                  std::string& out) {
  if (!node.is_string())
    return InvalidArgument(Where(name, node) + "`" + key + "` must be a string");
  out = std::string(node.string_value());
  return Status::Ok();
}

Status ReadRequests(const std::string& name, const data::Node& node, CorpusCase& out) {
  if (!node.is_list()) return InvalidArgument(Where(name, node) + "`requests` must be a list");
  for (const data::Node& item : node.items()) {
    const data::Node* request = item.Find("request");
    const data::Node* expect = item.Find("expect");
    if (!item.is_map() || request == nullptr || expect == nullptr || !expect->is_map()) {
      return InvalidArgument(Where(name, item) +
                             "each request needs `request` and an `expect` map");
    }
    for (const data::MapEntry& entry : item.entries()) {
      if (entry.key() != "request" && entry.key() != "expect" && entry.key() != "name") {
        return InvalidArgument(Where(name, item) + "unknown request key `" +
                               std::string(entry.key()) + "`");
      }
    }
    if (expect->Find("decision") == nullptr) {
      return InvalidArgument(Where(name, *expect) + "`expect` needs a `decision`");
    }
    out.requests.push_back({data::ToJson(*request), expect, item.position()});
  }
  return Status::Ok();
}

}  // namespace

StatusOr<CorpusCase> ParseCase(std::string_view text, const std::string& name) {
  StatusOr<std::vector<data::Document>> documents = data::ReadYaml(text, name);
  if (!documents.ok()) return documents.status();
  if (documents->size() != 1 || documents->front().root == nullptr ||
      !documents->front().root->is_map()) {
    return InvalidArgument(name + ": a case is one YAML map");
  }
  CorpusCase out;
  out.name = name;
  out.document = documents->front();
  const data::Node& root = *out.document.root;
  bool has_files = false;
  for (const data::MapEntry& entry : root.entries()) {
    const std::string key(entry.key());
    const data::Node& value = entry.value;
    Status status = Status::Ok();
    if (key == "description") {
      status = ReadString(name, value, "description", out.description);
    } else if (key == "files") {
      has_files = true;
      status = ReadFileMap(name, value, "files", out.files);
    } else if (key == "load") {
      std::string load;
      status = ReadString(name, value, "load", load);
      if (status.ok() && load != "bundle" && load != "policies") {
        status = InvalidArgument(Where(name, value) + "`load` is `bundle` or `policies`");
      }
      out.load_policies = load == "policies";
    } else if (key == "variants") {
      if (!value.is_map()) {
        status = InvalidArgument(Where(name, value) + "`variants` must be a map");
      }
      for (const data::MapEntry& variant : value.entries()) {
        if (!status.ok()) break;
        FileList files;
        status = ReadFileMap(name, variant.value, "variants", files);
        out.variants.emplace_back(std::string(variant.key()), std::move(files));
      }
    } else if (key == "environment") {
      status = ReadString(name, value, "environment", out.environment);
    } else if (key == "now") {
      status = ReadString(name, value, "now", out.now);
    } else if (key == "input_format") {
      status = ReadString(name, value, "input_format", out.input_format);
    } else if (key == "documents") {
      status = ReadFileMap(name, value, "documents", out.documents);
    } else if (key == "expect_documents") {
      if (!value.is_list()) {
        status = InvalidArgument(Where(name, value) + "`expect_documents` must be a list");
      }
      out.expect_documents = &value;
    } else if (key == "expect_input_errors") {
      status = ReadStringList(name, value, "expect_input_errors", out.expect_input_errors);
    } else if (key == "requests") {
      status = ReadRequests(name, value, out);
    } else if (key == "expect_diagnostics") {
      out.expect_diagnostics.emplace();
      status = ReadStringList(name, value, "expect_diagnostics", *out.expect_diagnostics);
    } else if (key == "known_bug") {
      status = ReadString(name, value, "known_bug", out.known_bug);
    } else if (key == "expect_warnings") {
      out.expect_warnings.emplace();
      status = ReadStringList(name, value, "expect_warnings", *out.expect_warnings);
    } else {
      status = InvalidArgument(Where(name, value) + "unknown key `" + key + "`");
    }
    if (!status.ok()) return status;
  }
  if (out.description.empty()) return InvalidArgument(name + ": `description` is required");
  if (!has_files) return InvalidArgument(name + ": `files` is required");
  if (!out.documents.empty() && out.expect_documents == nullptr &&
      out.expect_input_errors.empty()) {
    return InvalidArgument(name + ": `documents` need `expect_documents`");
  }
  if (out.expect_diagnostics && (!out.documents.empty() || !out.requests.empty())) {
    return InvalidArgument(name + ": a case expecting diagnostics has no inputs");
  }
  if (!out.expect_diagnostics && out.documents.empty() && out.requests.empty() &&
      !out.expect_warnings) {
    return InvalidArgument(name + ": a case needs documents, requests or expectations");
  }
  return out;
}

std::vector<std::string> ListCases(const std::string& directory) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(directory, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    if (it->is_directory() && it->path().filename() == "runner") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".yaml") {
      out.push_back(fs::relative(it->path(), directory).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace warden::corpus
