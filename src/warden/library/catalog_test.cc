// The catalogue reader on small libraries: what it takes from the index and the
// frameworks, and the mistakes it refuses (a broken catalogue is a build defect, so each
// error names the file and line).

#include "warden/library/catalog.h"

#include <gtest/gtest.h>

namespace warden::library {
namespace {

constexpr std::string_view kIndex =
    "templates:\n"
    "  - name: demo\n"
    "    title: Demo\n"
    "    description: A demo.\n"
    "    input: kubernetes\n"
    "    directories: [base, extra]\n";
constexpr std::string_view kFramework =
    "framework: soc2\n"
    "title: SOC 2\n"
    "description: Criteria.\n"
    "controls:\n"
    "  - {id: CC6.1, title: Logical access, description: Access.}\n"
    "  - {id: CC8.1, title: Change management, description: Changes.}\n";

TEST(CatalogTest, ReadsTemplatesWithTheirFilesInDirectoryOrder) {
  std::vector<SourceFile> files = {{"frameworks/soc2.yaml", kFramework},
                                   {"templates.yaml", kIndex},
                                   {"templates/base/policies/a.yaml", "a"},
                                   {"templates/base/tests/a_test.yaml", "not a policy"},
                                   {"templates/extra/policies/b.yaml", "b"}};
  StatusOr<Catalog> catalog = ReadCatalog(files);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  ASSERT_EQ(catalog->templates.size(), 1u);
  const TemplateInfo& info = catalog->templates[0];
  EXPECT_EQ(info.input, "kubernetes");
  ASSERT_EQ(info.files.size(), 2u);
  EXPECT_EQ(info.files[0].name, "builtin:base/a.yaml");
  EXPECT_EQ(info.files[1].name, "builtin:extra/b.yaml");
  EXPECT_EQ(info.files[1].text, "b");
  const Framework* soc2 = catalog->FindFramework("soc2");
  ASSERT_NE(soc2, nullptr);
  ASSERT_NE(soc2->FindControl("CC8.1"), nullptr);
  EXPECT_EQ(soc2->FindControl("CC8.1")->title, "Change management");
  EXPECT_EQ(soc2->FindControl("CC9.9"), nullptr);
  EXPECT_EQ(catalog->FindTemplate("nope"), nullptr);
}

TEST(CatalogTest, RefusesADirectoryWithoutPolicies) {
  std::vector<SourceFile> files = {{"templates.yaml", kIndex},
                                   {"templates/base/policies/a.yaml", "a"}};
  StatusOr<Catalog> catalog = ReadCatalog(files);
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.status().message().find("templates/extra/policies/"), std::string::npos);
  EXPECT_NE(catalog.status().message().find("library/templates.yaml:2:"), std::string::npos);
}

TEST(CatalogTest, RefusesMissingFieldsDuplicatesAndAMissingIndex) {
  EXPECT_FALSE(ReadCatalog({{"frameworks/soc2.yaml", kFramework}}).ok());
  StatusOr<Catalog> no_title =
      ReadCatalog({{"templates.yaml",
                    "templates:\n  - {name: x, description: d, input: i, directories: [x]}\n"},
                   {"templates/x/policies/a.yaml", "a"}});
  ASSERT_FALSE(no_title.ok());
  EXPECT_NE(no_title.status().message().find("`title` must be a string"), std::string::npos);
  std::string duplicate = std::string(kFramework) + "  - {id: CC6.1, title: t, description: d}\n";
  StatusOr<Catalog> twice =
      ReadCatalog({{"templates.yaml", "templates: []\n"}, {"frameworks/soc2.yaml", duplicate}});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("duplicate control CC6.1"), std::string::npos);
  StatusOr<Catalog> broken_yaml = ReadCatalog({{"templates.yaml", "templates: [\n"}});
  EXPECT_FALSE(broken_yaml.ok());
}

TEST(CatalogTest, TheEmbeddedCatalogueReads) {
  const StatusOr<Catalog>& catalog = BuiltinCatalog();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  EXPECT_FALSE(catalog->templates.empty());
  EXPECT_FALSE(catalog->frameworks.empty());
}

}  // namespace
}  // namespace warden::library
