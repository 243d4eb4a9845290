// OpenBundleAt: directories pass through; git revisions are extracted into a temporary
// directory that goes away with the BundleLocation; bad revisions and paths are errors.
// The tests build their own repository (and skip when git is not installed).

#include "warden/service/bundle_revision.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/service/subprocess.h"

namespace warden::service {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool GitAvailable() {
  StatusOr<ProcessResult> result = RunProcess({"git", "--version"});
  return result.ok() && result->exit_code == 0;
}

// Runs git in `directory` with a fixed identity; fails the test when git fails.
void Git(const std::string& directory, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git",
                                   "-C",
                                   directory,
                                   "-c",
                                   "user.name=Warden Test",
                                   "-c",
                                   "user.email=test@example.com",
                                   "-c",
                                   "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  StatusOr<ProcessResult> result = RunProcess(argv);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->exit_code, 0) << result->err;
}

// A repository with two commits: the first has policies/p.yaml = "one", the second
// "two", plus shared/s.yaml (outside the bundle directory).
class RepositoryTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!GitAvailable()) GTEST_SKIP() << "git is not installed";
    Git(repo_.path(), {"init", "-q"});
    repo_.Write("policies/p.yaml", "one");
    Git(repo_.path(), {"add", "-A"});
    Git(repo_.path(), {"commit", "-q", "-m", "first"});
    repo_.Write("policies/p.yaml", "two");
    repo_.Write("shared/s.yaml", "shared");
    Git(repo_.path(), {"add", "-A"});
    Git(repo_.path(), {"commit", "-q", "-m", "second"});
  }

  OpenBundleOptions Options(const std::string& relative = "") const {
    OpenBundleOptions options;
    options.working_directory = relative.empty() ? repo_.path() : repo_.path() + "/" + relative;
    options.temporary_parent = temporary_.path();
    return options;
  }

  TempDir repo_;
  TempDir temporary_;
};

TEST(BundleRevisionTest, ExistingDirectoryIsUsedAsItIs) {
  TempDir dir;
  dir.Write("bundle/p.yaml", "x");
  OpenBundleOptions options;
  options.working_directory = dir.path();
  StatusOr<BundleLocation> location = OpenBundleAt("bundle", options);
  ASSERT_TRUE(location.ok()) << location.status().message();
  EXPECT_EQ(location->directory(), dir.path() + "/bundle");
  EXPECT_EQ(location->label(), "bundle");
  EXPECT_FALSE(location->from_revision());
  EXPECT_EQ(location->DisplayPath(dir.path() + "/bundle/p.yaml"), dir.path() + "/bundle/p.yaml");
}

TEST_F(RepositoryTest, RevisionWithPathIsExtractedAndRemovedWithTheLocation) {
  std::string directory;
  {
    StatusOr<BundleLocation> location = OpenBundleAt("HEAD~1:policies", Options());
    ASSERT_TRUE(location.ok()) << location.status().message();
    EXPECT_TRUE(location->from_revision());
    EXPECT_EQ(location->label(), "HEAD~1:policies/");
    directory = location->directory();
    EXPECT_EQ(ReadText(directory + "/p.yaml"), "one");
    EXPECT_EQ(location->DisplayPath(directory + "/p.yaml"), "HEAD~1:policies/p.yaml");
    // Moving hands the directory over; the moved-from object must not remove it.
    BundleLocation moved = std::move(*location);
    EXPECT_TRUE(fs::exists(directory + "/p.yaml"));
  }
  EXPECT_FALSE(fs::exists(directory));
  EXPECT_TRUE(fs::is_empty(temporary_.path()));
}

TEST_F(RepositoryTest, WholeTreeIsExtractedSoIncludesOutsideTheBundleResolve) {
  StatusOr<BundleLocation> location = OpenBundleAt("HEAD:policies/", Options());
  ASSERT_TRUE(location.ok()) << location.status().message();
  EXPECT_EQ(ReadText(location->directory() + "/p.yaml"), "two");
  EXPECT_EQ(ReadText(location->directory() + "/../shared/s.yaml"), "shared");
}

TEST_F(RepositoryTest, RevisionWithoutPathUsesTheWorkingDirectorysPathInTheRepository) {
  StatusOr<BundleLocation> location = OpenBundleAt("HEAD", Options("policies"));
  ASSERT_TRUE(location.ok()) << location.status().message();
  EXPECT_EQ(location->label(), "HEAD:policies/");
  EXPECT_EQ(ReadText(location->directory() + "/p.yaml"), "two");
}

TEST_F(RepositoryTest, RevisionAtTheRootIsLabelledByTheRevisionAlone) {
  StatusOr<BundleLocation> location = OpenBundleAt("HEAD", Options());
  ASSERT_TRUE(location.ok()) << location.status().message();
  EXPECT_EQ(location->label(), "HEAD");
  EXPECT_EQ(ReadText(location->directory() + "/policies/p.yaml"), "two");
  EXPECT_EQ(location->DisplayPath(location->directory() + "/policies/p.yaml"),
            "HEAD:policies/p.yaml");
}

TEST_F(RepositoryTest, DotPathsAreRelativeToTheWorkingDirectory) {
  StatusOr<BundleLocation> location = OpenBundleAt("HEAD:../shared", Options("policies"));
  ASSERT_TRUE(location.ok()) << location.status().message();
  EXPECT_EQ(location->label(), "HEAD:shared/");
  EXPECT_EQ(ReadText(location->directory() + "/s.yaml"), "shared");
}

TEST_F(RepositoryTest, ErrorsNameTheProblem) {
  struct Case {
    std::string spec;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"no-such-rev", "unknown revision `no-such-rev` (and no directory `no-such-rev`)"},
      {"no-such-rev:policies", "unknown revision `no-such-rev`"},
      {"-rf", "unknown revision `-rf`"},
      {":policies", "`:policies`: no revision before `:`"},
      {"HEAD~1:shared", "no bundle at `shared` in revision `HEAD~1`"},
      {"HEAD:policies/p.yaml", "no bundle at `policies/p.yaml` in revision `HEAD`"},
      {"HEAD:../outside", "`../outside` is outside the repository"},
  };
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.spec);
    StatusOr<BundleLocation> location = OpenBundleAt(test_case.spec, Options());
    ASSERT_FALSE(location.ok());
    EXPECT_EQ(location.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(location.status().message(), test_case.message);
  }
  EXPECT_TRUE(fs::is_empty(temporary_.path()));
}

TEST(BundleRevisionTest, OutsideARepositoryARevisionIsAnError) {
  if (!GitAvailable()) GTEST_SKIP() << "git is not installed";
  TempDir dir;
  StatusOr<ProcessResult> inside =
      RunProcess({"git", "-C", dir.path(), "rev-parse", "--show-toplevel"});
  ASSERT_TRUE(inside.ok());
  if (inside->exit_code == 0) GTEST_SKIP() << "the temporary directory is inside a repository";
  OpenBundleOptions options;
  options.working_directory = dir.path();
  StatusOr<BundleLocation> location = OpenBundleAt("main", options);
  ASSERT_FALSE(location.ok());
  EXPECT_EQ(location.status().message(),
            "`main` is not a directory, and the working directory is not a git repository");
}

TEST(SubprocessTest, CapturesOutputAndExitCodeWithoutAShell) {
  StatusOr<ProcessResult> result = RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->out, "out\n");
  EXPECT_EQ(result->err, "err\n");
  EXPECT_EQ(result->exit_code, 3);
  // An argument is passed as it is, never interpreted.
  StatusOr<ProcessResult> echoed = RunProcess({"echo", "$(id); `id` | ;"});
  ASSERT_TRUE(echoed.ok());
  EXPECT_EQ(echoed->out, "$(id); `id` | ;\n");
}

TEST(SubprocessTest, MissingProgramIsUnavailable) {
  StatusOr<ProcessResult> result = RunProcess({"warden-no-such-program-xyz"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kUnavailable);
  EXPECT_FALSE(RunProcess({}).ok());
}

}  // namespace
}  // namespace warden::service
