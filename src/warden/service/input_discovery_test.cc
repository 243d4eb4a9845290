#include "warden/service/input_discovery.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warden/service/input_testing.h"

namespace warden::service {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class DiscoverInputsTest : public ::testing::Test {
 protected:
  // Walks the tree's root and returns the paths found, relative to the root.
  std::vector<std::string> Walk(const DiscoveryOptions& options = {}) {
    return Discover({tree_.root()}, options);
  }

  std::vector<std::string> Discover(const std::vector<std::string>& paths,
                                    const DiscoveryOptions& options = {}) {
    StatusOr<std::vector<InputFile>> files = DiscoverInputs(paths, options);
    EXPECT_TRUE(files.ok()) << files.status().message();
    if (!files.ok()) return {};
    std::vector<std::string> found;
    for (const InputFile& file : *files) found.push_back(file.path);
    return tree_.Relative(found);
  }

  testing::TempTree tree_;
};

TEST_F(DiscoverInputsTest, WalksDirectoriesRecursivelyInSortedOrder) {
  tree_.Write("b.yaml");
  tree_.Write("a.json", "{}");
  tree_.Write("A.yaml");
  tree_.Write("sub/c.yml");
  tree_.Write("sub/a/d.toml", "x = 1\n");
  tree_.Write("z.jsonl", "{}\n");
  tree_.Write("events.ndjson", "{}\n");
  EXPECT_THAT(Walk(), ElementsAre("A.yaml", "a.json", "b.yaml", "events.ndjson", "sub/a/d.toml",
                                  "sub/c.yml", "z.jsonl"));
}

TEST_F(DiscoverInputsTest, WalkTakesOnlyFilesWithAKnownFormat) {
  tree_.Write("README.md", "# hi\n");
  tree_.Write("notes.txt", "x\n");
  tree_.Write("script.sh", "echo\n");
  tree_.Write("app.YAML");
  tree_.Write("values.yaml");
  EXPECT_THAT(Walk(), ElementsAre("app.YAML", "values.yaml"));
}

TEST_F(DiscoverInputsTest, WalkTakesDockerfilesByName) {
  tree_.Write("Dockerfile", "FROM scratch\n");
  tree_.Write("images/api/Dockerfile.prod", "FROM scratch\n");
  tree_.Write("images/web.dockerfile", "FROM scratch\n");
  tree_.Write("app.yaml");
  EXPECT_THAT(Walk(), ElementsAre("Dockerfile", "app.yaml", "images/api/Dockerfile.prod",
                                  "images/web.dockerfile"));
}

TEST_F(DiscoverInputsTest, PathsAreTakenInTheOrderGivenAndReportedOnce) {
  tree_.Write("dir/a.yaml");
  tree_.Write("dir/b.yaml");
  tree_.Write("z.json", "{}");
  const std::string z = tree_.Path("z.json");
  const std::string b = tree_.Path("dir/b.yaml");
  EXPECT_THAT(Discover({z, b, tree_.Path("dir"), z}),
              ElementsAre("z.json", "dir/b.yaml", "dir/a.yaml"));
}

TEST_F(DiscoverInputsTest, WalkedPathsJoinTheDirectoryAsGiven) {
  tree_.Write("dir/a.yaml");
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.Path("dir") + "//"});
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ((*files)[0].path, tree_.Path("dir/a.yaml"));
}

TEST_F(DiscoverInputsTest, HiddenDirectoriesAreSkippedExceptGitHub) {
  tree_.Write(".git/config.yaml");
  tree_.Write(".hidden/x.yaml");
  tree_.Write(".github/workflows/ci.yml");
  tree_.Write(".github/dependabot.yml");
  tree_.Write(".gitlab-ci.yml");
  tree_.Write("sub/.gitlab-ci.yaml");
  tree_.Write(".pre-commit-config.yaml");
  tree_.Write("app.yaml");
  EXPECT_THAT(Walk(), ElementsAre(".github/dependabot.yml", ".github/workflows/ci.yml",
                                  ".gitlab-ci.yml", "app.yaml", "sub/.gitlab-ci.yaml"));
}

TEST_F(DiscoverInputsTest, HiddenDirectoryNamedExplicitlyIsWalked) {
  tree_.Write(".config/app.yaml");
  EXPECT_THAT(Discover({tree_.Path(".config")}), ElementsAre(".config/app.yaml"));
}

TEST_F(DiscoverInputsTest, SymlinkedDirectoriesAreNotFollowed) {
  tree_.Write("real/a.yaml");
  tree_.Symlink("real", "link");
  tree_.Symlink("..", "real/up");  // a cycle, were it followed
  tree_.Symlink("real/a.yaml", "file-link.yaml");
  tree_.Symlink("absent.yaml", "broken.yaml");
  EXPECT_THAT(Walk(), ElementsAre("file-link.yaml", "real/a.yaml"));
}

TEST_F(DiscoverInputsTest, MissingPathIsNotFoundAndNamesIt) {
  const std::string missing = tree_.Path("absent.yaml");
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({missing});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
  EXPECT_NE(files.status().message().find(missing), std::string::npos);
}

TEST_F(DiscoverInputsTest, NamedFileWithUnknownExtensionIsAnErrorUnlessAFormatIsForced) {
  const std::string path = tree_.Write("config.txt");
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({path});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kInvalidArgument);

  DiscoveryOptions options;
  options.format = InputFormat::kYaml;
  files = DiscoverInputs({path}, options);
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_THAT(*files, ElementsAre(InputFile{path, InputFormat::kYaml}));
}

TEST_F(DiscoverInputsTest, ForcedFormatAppliesToEveryInput) {
  tree_.Write("plans/a.json", "{}");
  tree_.Write("plans/notes.txt", "x");
  DiscoveryOptions options;
  options.format = InputFormat::kTerraform;
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.Path("plans"), "-"}, options);
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_THAT(*files, ElementsAre(InputFile{tree_.Path("plans/a.json"), InputFormat::kTerraform},
                                  InputFile{"-", InputFormat::kTerraform}));
}

TEST_F(DiscoverInputsTest, StandardInputIsKeptWithoutAFormat) {
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({"-"});
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_THAT(*files, ElementsAre(InputFile{"-", std::nullopt}));
}

TEST_F(DiscoverInputsTest, IncludeGlobsSelectWalkedFiles) {
  tree_.Write("a.yaml");
  tree_.Write("a.json", "{}");
  tree_.Write("k8s/b.yaml");
  tree_.Write("k8s/deep/c.yaml");
  tree_.Write("other/d.yaml");

  DiscoveryOptions base_name;
  base_name.include = {"*.yaml"};
  EXPECT_THAT(Walk(base_name),
              ElementsAre("a.yaml", "k8s/b.yaml", "k8s/deep/c.yaml", "other/d.yaml"));

  DiscoveryOptions directory;
  directory.include = {"k8s/**"};
  EXPECT_THAT(Walk(directory), ElementsAre("k8s/b.yaml", "k8s/deep/c.yaml"));

  DiscoveryOptions several;
  several.include = {"k8s/*.yaml", "*.json"};
  EXPECT_THAT(Walk(several), ElementsAre("a.json", "k8s/b.yaml"));

  DiscoveryOptions zero_dirs;
  zero_dirs.include = {"**/a.*"};
  EXPECT_THAT(Walk(zero_dirs), ElementsAre("a.json", "a.yaml"));
}

TEST_F(DiscoverInputsTest, ExcludeGlobsLeaveFilesAndDirectoriesOut) {
  tree_.Write("top.yaml");
  tree_.Write("sub/top.yaml");
  tree_.Write("a.json", "{}");
  tree_.Write("vendor/v.yaml");
  tree_.Write("lib/vendor/w.yaml");
  tree_.Write("lib/x.yaml");

  DiscoveryOptions base_name;
  base_name.exclude = {"*.json", "vendor"};
  EXPECT_THAT(Walk(base_name), ElementsAre("lib/x.yaml", "sub/top.yaml", "top.yaml"));

  DiscoveryOptions anchored;
  anchored.exclude = {"/top.yaml", "/vendor/"};
  EXPECT_THAT(Walk(anchored),
              ElementsAre("a.json", "lib/vendor/w.yaml", "lib/x.yaml", "sub/top.yaml"));

  DiscoveryOptions with_include;
  with_include.include = {"*.yaml"};
  with_include.exclude = {"lib/**"};
  EXPECT_THAT(Walk(with_include), ElementsAre("sub/top.yaml", "top.yaml", "vendor/v.yaml"));
}

TEST_F(DiscoverInputsTest, GlobsDoNotApplyToNamedFiles) {
  const std::string path = tree_.Write("a.json", "{}");
  DiscoveryOptions options;
  options.include = {"*.yaml"};
  options.exclude = {"*.json"};
  EXPECT_THAT(Discover({path}, options), ElementsAre("a.json"));
}

TEST_F(DiscoverInputsTest, MalformedGlobIsInvalidArgument) {
  DiscoveryOptions options;
  options.exclude = {"[abc"};
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.root()}, options);
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DiscoverInputsTest, WardenignoreNegationAnchoringAndDirectories) {
  tree_.Write(".wardenignore",
              "# generated output\n"
              "*.generated.yaml\n"
              "!keep.generated.yaml\n"
              "/local.yaml\n"
              "build/\n"
              "charts/**/values-*.yaml\n");
  tree_.Write("a.generated.yaml");
  tree_.Write("sub/b.generated.yaml");
  tree_.Write("sub/keep.generated.yaml");
  tree_.Write("local.yaml");
  tree_.Write("sub/local.yaml");
  tree_.Write("build/out.yaml");
  tree_.Write("src/build/out.yaml");
  tree_.Write("build.yaml");
  tree_.Write("charts/values-prod.yaml");
  tree_.Write("charts/app/values-dev.yaml");
  tree_.Write("charts/app/Chart.yaml");
  EXPECT_THAT(Walk(), ElementsAre("build.yaml", "charts/app/Chart.yaml", "sub/keep.generated.yaml",
                                  "sub/local.yaml"));
}

TEST_F(DiscoverInputsTest, NestedWardenignoreAppliesBelowItsDirectoryAndWins) {
  tree_.Write(".wardenignore", "*.json\n");
  tree_.Write("apps/.wardenignore", "!keep.json\n/local.yaml\n");
  tree_.Write("a.json", "{}");
  tree_.Write("keep.json", "{}");
  tree_.Write("local.yaml");
  tree_.Write("apps/keep.json", "{}");
  tree_.Write("apps/drop.json", "{}");
  tree_.Write("apps/local.yaml");
  tree_.Write("apps/web/keep.json", "{}");
  tree_.Write("other/local.yaml");
  EXPECT_THAT(Walk(), ElementsAre("apps/keep.json", "apps/web/keep.json", "local.yaml",
                                  "other/local.yaml"));
}

TEST_F(DiscoverInputsTest, FilesInAnIgnoredDirectoryCannotBeIncludedAgain) {
  tree_.Write(".wardenignore", "gen/\n!gen/keep.yaml\n");
  tree_.Write("gen/keep.yaml");
  tree_.Write("app.yaml");
  EXPECT_THAT(Walk(), ElementsAre("app.yaml"));
}

TEST_F(DiscoverInputsTest, NamedFileIsNeverIgnored) {
  tree_.Write(".wardenignore", "*.yaml\n");
  const std::string path = tree_.Write("app.yaml");
  EXPECT_THAT(Walk(), IsEmpty());
  EXPECT_THAT(Discover({path}), ElementsAre("app.yaml"));
}

TEST_F(DiscoverInputsTest, IgnoreFilesCanBeTurnedOff) {
  tree_.Write(".wardenignore", "*.yaml\n");
  tree_.Write("app.yaml");
  DiscoveryOptions options;
  options.use_ignore_files = false;
  EXPECT_THAT(Walk(options), ElementsAre("app.yaml"));
}

TEST_F(DiscoverInputsTest, MalformedWardenignoreIsInvalidArgumentNamingTheFile) {
  tree_.Write("sub/.wardenignore", "ok.yaml\n[bad\n");
  tree_.Write("sub/app.yaml");
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.root()});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(files.status().message().find(".wardenignore:2:1: "), std::string::npos)
      << files.status().message();
}

TEST_F(DiscoverInputsTest, TooManyFilesIsResourceExhausted) {
  tree_.Write("a.yaml");
  tree_.Write("b.yaml");
  tree_.Write("c.yaml");
  DiscoveryOptions options;
  options.max_files = 2;
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.root()}, options);
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kResourceExhausted);
}

TEST_F(DiscoverInputsTest, TooDeepIsResourceExhausted) {
  tree_.Write("a/b/c/d.yaml");
  DiscoveryOptions options;
  options.max_depth = 2;
  StatusOr<std::vector<InputFile>> files = DiscoverInputs({tree_.root()}, options);
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kResourceExhausted);
  options.max_depth = 3;
  EXPECT_THAT(Walk(options), ElementsAre("a/b/c/d.yaml"));
}

TEST_F(DiscoverInputsTest, EmptyDirectoryGivesNoFiles) {
  tree_.MakeDirectory("empty");
  EXPECT_THAT(Discover({tree_.Path("empty")}), IsEmpty());
}

}  // namespace
}  // namespace warden::service
