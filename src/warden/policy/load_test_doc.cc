// `kind: Test` documents → TestDoc. Only the case names are read here; the tester
// interprets the rest of each case from its node.

#include <utility>

#include "warden/policy/load_support.h"

namespace warden::policy::internal {

void LoadTestDoc(const data::Node& root, size_t document_index, DocumentReader& reader,
                 PolicySet& set) {
  TestDoc test;
  test.file = reader.file();
  test.document_index = document_index;
  test.position = root.position();
  test.metadata = reader.GetMetadata(root);
  const data::Node* spec = reader.GetMap(root, "spec");
  const data::Node* cases = spec != nullptr ? spec->Find("cases") : nullptr;
  if (cases != nullptr) {
    for (const data::Node& item : cases->items()) {
      if (!item.is_map()) continue;
      std::optional<Text> name = reader.GetText(item, "name");
      if (!name) continue;  // required: reported by validation
      test.cases.push_back(TestCaseDoc{std::move(*name), &item, item.position()});
    }
  }
  set.tests.push_back(std::move(test));
}

}  // namespace warden::policy::internal
