#include "warden/library/catalog.h"

#include <algorithm>
#include <set>
#include <utility>

#include "warden/data/yaml_reader.h"
#include "warden/library/embedded_files.h"

namespace warden::library {
namespace {

constexpr std::string_view kIndexPath = "templates.yaml";
constexpr std::string_view kFrameworksDir = "frameworks/";
constexpr std::string_view kTemplatesDir = "templates/";
constexpr std::string_view kPoliciesDir = "/policies/";

// Reads the fields of one catalogue map; the first problem is kept, with its place.
class FieldReader {
 public:
  FieldReader(std::string file, Status& status) : file_(std::move(file)), status_(status) {}

  std::string String(const data::Node& map, std::string_view key, bool required = true) {
    const data::Node* value = map.Find(key);
    if (value == nullptr || !value->is_string()) {
      if (required || value != nullptr) Fail(map, "`" + std::string(key) + "` must be a string");
      return "";
    }
    return std::string(value->string_value());
  }

  std::vector<std::string> Strings(const data::Node& map, std::string_view key) {
    std::vector<std::string> values;
    const data::Node* list = map.Find(key);
    if (list == nullptr || !list->is_list() || list->size() == 0) {
      Fail(map, "`" + std::string(key) + "` must be a non-empty list of strings");
      return values;
    }
    for (const data::Node& item : list->items()) {
      if (!item.is_string()) {
        Fail(item, "`" + std::string(key) + "` must hold strings");
        continue;
      }
      values.emplace_back(item.string_value());
    }
    return values;
  }

  std::span<const data::Node> List(const data::Node& map, std::string_view key) {
    const data::Node* list = map.Find(key);
    if (list == nullptr || !list->is_list()) {
      Fail(map, "`" + std::string(key) + "` must be a list");
      return {};
    }
    return list->items();
  }

  void Fail(const data::Node& node, std::string reason) {
    if (status_.ok()) {
      status_ = Status::Located(StatusCode::kInternal, {file_, node.position()}, std::move(reason));
    }
  }

 private:
  std::string file_;
  Status& status_;
};

StatusOr<const data::Node*> ReadRoot(const SourceFile& file, std::vector<data::Document>& keep) {
  StatusOr<std::vector<data::Document>> documents =
      data::ReadYaml(file.text, "library/" + std::string(file.path));
  if (!documents.ok()) return documents.status();
  if (documents->size() != 1 || !(*documents)[0].root->is_map()) {
    return Status(StatusCode::kInternal,
                  "library/" + std::string(file.path) + ": expected one YAML map");
  }
  keep.push_back((*documents)[0]);
  return keep.back().root;
}

void ReadTemplates(const data::Node& root, const std::vector<SourceFile>& files,
                   FieldReader& fields, Catalog& catalog) {
  std::set<std::string> names;
  for (const data::Node& entry : fields.List(root, "templates")) {
    TemplateInfo info;
    info.name = fields.String(entry, "name");
    info.title = fields.String(entry, "title");
    info.description = fields.String(entry, "description");
    info.input = fields.String(entry, "input");
    info.directories = fields.Strings(entry, "directories");
    if (!names.insert(info.name).second) fields.Fail(entry, "duplicate template " + info.name);
    for (const std::string& directory : info.directories) {
      std::string prefix = std::string(kTemplatesDir) + directory + std::string(kPoliciesDir);
      size_t before = info.files.size();
      for (const SourceFile& file : files) {
        if (file.path.substr(0, prefix.size()) != prefix) continue;
        std::string_view base = file.path.substr(prefix.size());
        info.files.push_back(
            {std::string(kBuiltinPrefix) + directory + "/" + std::string(base), file.text});
      }
      if (info.files.size() == before) {
        fields.Fail(entry, "template " + info.name + ": no policy files in " + prefix);
      }
    }
    catalog.templates.push_back(std::move(info));
  }
}

Framework ReadFramework(const data::Node& root, FieldReader& fields) {
  Framework framework;
  framework.id = fields.String(root, "framework");
  framework.title = fields.String(root, "title");
  framework.version = fields.String(root, "version", /*required=*/false);
  framework.description = fields.String(root, "description");
  framework.url = fields.String(root, "url", /*required=*/false);
  std::set<std::string> ids;
  for (const data::Node& entry : fields.List(root, "controls")) {
    Control control;
    control.id = fields.String(entry, "id");
    control.title = fields.String(entry, "title");
    control.description = fields.String(entry, "description");
    if (!ids.insert(control.id).second) fields.Fail(entry, "duplicate control " + control.id);
    framework.controls.push_back(std::move(control));
  }
  return framework;
}

std::vector<SourceFile> EmbeddedSources() {
  std::vector<SourceFile> files;
  for (const EmbeddedFile& file : EmbeddedFiles()) files.push_back({file.path, file.text});
  return files;
}

}  // namespace

const Control* Framework::FindControl(std::string_view control_id) const {
  for (const Control& control : controls) {
    if (control.id == control_id) return &control;
  }
  return nullptr;
}

const TemplateInfo* Catalog::FindTemplate(std::string_view name) const {
  for (const TemplateInfo& info : templates) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

const Framework* Catalog::FindFramework(std::string_view id) const {
  for (const Framework& framework : frameworks) {
    if (framework.id == id) return &framework;
  }
  return nullptr;
}

std::vector<std::string> Catalog::TemplateNames() const {
  std::vector<std::string> names;
  for (const TemplateInfo& info : templates) names.push_back(info.name);
  return names;
}

StatusOr<Catalog> ReadCatalog(const std::vector<SourceFile>& files) {
  Catalog catalog;
  Status status;
  std::vector<data::Document> keep;  // the trees are read before they are dropped
  bool has_index = false;
  for (const SourceFile& file : files) {
    bool is_index = file.path == kIndexPath;
    bool is_framework = file.path.substr(0, kFrameworksDir.size()) == kFrameworksDir;
    if (!is_index && !is_framework) continue;
    StatusOr<const data::Node*> root = ReadRoot(file, keep);
    if (!root.ok()) return root.status();
    FieldReader fields("library/" + std::string(file.path), status);
    if (is_index) {
      has_index = true;
      ReadTemplates(**root, files, fields, catalog);
    } else {
      catalog.frameworks.push_back(ReadFramework(**root, fields));
    }
    if (!status.ok()) return status;
  }
  if (!has_index) return Status(StatusCode::kInternal, "library/templates.yaml is missing");
  std::sort(catalog.frameworks.begin(), catalog.frameworks.end(),
            [](const Framework& a, const Framework& b) { return a.id < b.id; });
  for (size_t index = 1; index < catalog.frameworks.size(); ++index) {
    if (catalog.frameworks[index].id == catalog.frameworks[index - 1].id) {
      return Status(StatusCode::kInternal, "duplicate framework " + catalog.frameworks[index].id);
    }
  }
  return catalog;
}

const StatusOr<Catalog>& BuiltinCatalog() {
  static const StatusOr<Catalog> catalog = ReadCatalog(EmbeddedSources());
  return catalog;
}

}  // namespace warden::library
