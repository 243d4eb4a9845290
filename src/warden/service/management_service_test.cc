// The management workflow on both stores (SQLite and PostgreSQL): bootstrap and roles,
// publish, lifecycle, approvals, promotion gates, rollback, status, and an audit chain
// that verifies after all of it; concurrent approvals and promotions from several
// processes.

#include "warden/service/management_service.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "warden/base/test_temp_dir.h"
#include "warden/store/test_database.h"

namespace warden::service {
namespace {

using store::Decision;
using store::Role;
using store::VersionState;
using test_support::TempDir;

constexpr const char* kPolicy = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: replicas}
spec:
  match: {kinds: [Deployment]}
  rules:
    - id: enough
      condition: "object.spec.replicas < 2"
      message: too few replicas
      remediation: set spec.replicas to 2 or more
)yaml";

constexpr const char* kTest = R"yaml(apiVersion: warden/v1
kind: Test
metadata: {name: replicas}
spec:
  cases:
    - name: one replica fails
      document: {apiVersion: apps/v1, kind: Deployment, metadata: {name: a}, spec: {replicas: 1}}
      expect: {outcome: fail}
)yaml";

class ManagementTest : public testing::TestWithParam<store::test_support::Backend> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(db_.url().empty()) << db_.error();
    url_ = db_.url();
    StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(url_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    dir_.Write("bundle/bundle.yaml",
               "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: acme}\nspec:\n"
               "  policies: [\"policies/*.yaml\"]\n  tests: [\"tests/*.yaml\"]\n");
    dir_.Write("bundle/policies/replicas.yaml", kPolicy);
    dir_.Write("bundle/tests/replicas_test.yaml", kTest);
    ASSERT_TRUE(AddPrincipal(As("root"), "root", {Role::kAdmin}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "alice", {Role::kAuthor}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "bob", {Role::kApprover}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "carol", {Role::kApprover}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "rita", {Role::kReader}).ok());
  }

  ManagementContext As(const std::string& actor) {
    return {store_.get(), actor, "2026-12-07T10:00:00Z", 1796637600};
  }

  // Publishes bundle/ as `version` (by alice) and moves it to approved (by bob).
  void PublishApproved(const std::string& version) {
    Diagnostics diagnostics;
    StatusOr<PublishResult> published =
        Publish(As("alice"), dir_.path() + "/bundle", version, "m", diagnostics);
    ASSERT_TRUE(published.ok()) << published.status().message();
    ASSERT_TRUE(TransitionVersion(As("alice"), version, VersionState::kInReview).ok());
    ASSERT_TRUE(TransitionVersion(As("bob"), version, VersionState::kApproved).ok());
  }

  void Approve(const std::string& version, const std::string& environment) {
    for (const char* approver : {"bob", "carol"}) {
      Status status = DecidePromotion(As(approver), version, environment, Decision::kApprove, "");
      ASSERT_TRUE(status.ok()) << status.message();
    }
  }

  size_t AuditCount(const std::string& action, const std::string& object) {
    StatusOr<std::vector<store::AuditRecord>> records = ListAudit(
        As("rita"),
        {.since = "", .actor = "", .action = action, .after_seq = 0, .limit = 0, .object = object});
    EXPECT_TRUE(records.ok()) << records.status().message();
    return records.ok() ? records->size() : 0;
  }

  TempDir dir_;
  store::test_support::TestDatabase db_{GetParam()};
  std::string url_;
  std::unique_ptr<store::Store> store_;
};

TEST_P(ManagementTest, TheFirstPrincipalMustBeAnAdminAndRolesAreChecked) {
  store::test_support::TestDatabase other(GetParam());
  StatusOr<std::unique_ptr<store::Store>> empty = store::OpenStore(other.url());
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  ManagementContext context{empty->get(), "zed", "2026-12-07T10:00:00Z", 0};
  EXPECT_EQ(AddPrincipal(context, "zed", {Role::kAuthor}).code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(AddPrincipal(context, "zed", {Role::kAdmin}).ok());

  Status refused = AddPrincipal(As("alice"), "mallory", {Role::kAdmin});
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("needs the role admin"), std::string::npos) << refused.message();
  EXPECT_NE(AddPrincipal(As("stranger"), "x", {Role::kReader}).message().find("not a principal"),
            std::string::npos);
  EXPECT_NE(AddPrincipal(As(""), "x", {Role::kReader}).message().find("--as NAME"),
            std::string::npos);
  EXPECT_EQ(RemovePrincipal(As("root"), "root").code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(RemovePrincipal(As("root"), "rita").ok());
  EXPECT_EQ(ListPrincipals(As("alice"))->size(), 4u);
}

TEST_P(ManagementTest, PublishIsImmutableAndNeedsALoadingBundle) {
  Diagnostics diagnostics;
  StatusOr<PublishResult> first =
      Publish(As("alice"), dir_.path() + "/bundle", "1.0.0", "first", diagnostics);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->files, 3u);
  EXPECT_EQ(first->version.state, VersionState::kDraft);
  EXPECT_EQ(first->version.bundle, "acme");
  StatusOr<PublishResult> again =
      Publish(As("alice"), dir_.path() + "/bundle", "1.0.0", "first", diagnostics);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_published);
  dir_.Write("bundle/policies/extra.yaml", "# a change\n");
  Status changed =
      Publish(As("alice"), dir_.path() + "/bundle", "1.0.0", "x", diagnostics).status();
  EXPECT_EQ(changed.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(changed.message().find("already published with other content"), std::string::npos);
  EXPECT_EQ(Publish(As("alice"), dir_.path() + "/bundle", "1.0", "x", diagnostics).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Publish(As("bob"), dir_.path() + "/bundle", "1.0.1", "x", diagnostics).status().code(),
            StatusCode::kFailedPrecondition);  // bob is no author
  dir_.Write("bundle/policies/broken.yaml", "apiVersion: warden/v1\nkind: Policy\n");
  Diagnostics broken;
  EXPECT_EQ(Publish(As("alice"), dir_.path() + "/bundle", "1.0.2", "x", broken).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(broken.has_errors());

  // Tests that read fixtures outside the bundle would fail once published.
  std::filesystem::remove(dir_.path() + "/bundle/policies/broken.yaml");
  dir_.Write("outside.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
  dir_.Write("bundle/tests/outside_test.yaml",
             "apiVersion: warden/v1\nkind: Test\nmetadata: {name: outside}\nspec:\n  cases:\n"
             "    - {name: c, input: {file: ../../outside.yaml}, expect: {outcome: skip}}\n");
  Diagnostics outside;
  Status escaped = Publish(As("alice"), dir_.path() + "/bundle", "1.0.3", "x", outside).status();
  EXPECT_NE(escaped.message().find("outside the bundle directory"), std::string::npos)
      << escaped.message();

  ASSERT_TRUE(ExportVersion(As("rita"), "1.0.0", dir_.path() + "/export").ok());
  std::ifstream exported(dir_.path() + "/export/policies/replicas.yaml");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(exported), {}), kPolicy);
  EXPECT_EQ(ExportVersion(As("rita"), "1.0.0", dir_.path() + "/export").code(),
            StatusCode::kFailedPrecondition);  // not empty
  StatusOr<store::VersionDetails> details = ShowVersion(As("rita"), "1.0.0");
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->files.size(), 3u);
  EXPECT_EQ(ShowVersion(As("rita"), "9.9.9").status().code(), StatusCode::kNotFound);
}

TEST_P(ManagementTest, LifecycleTransitionsAreValidatedAndTheAuthorCannotApprove) {
  Diagnostics diagnostics;
  ASSERT_TRUE(Publish(As("alice"), dir_.path() + "/bundle", "1.0.0", "m", diagnostics).ok());
  Status skipped = TransitionVersion(As("root"), "1.0.0", VersionState::kApproved).status();
  EXPECT_EQ(skipped.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(skipped.message().find("it can move to in-review"), std::string::npos);
  ASSERT_TRUE(TransitionVersion(As("alice"), "1.0.0", VersionState::kInReview).ok());
  ASSERT_TRUE(AddPrincipal(As("root"), "alice", {Role::kAuthor, Role::kApprover}).ok());
  Status own = TransitionVersion(As("alice"), "1.0.0", VersionState::kApproved).status();
  EXPECT_NE(own.message().find("cannot approve"), std::string::npos) << own.message();
  EXPECT_TRUE(TransitionVersion(As("bob"), "1.0.0", VersionState::kApproved).ok());
  EXPECT_EQ(TransitionVersion(As("bob"), "1.0.0", VersionState::kRetired).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(ManagementTest, PromotionFollowsStateTestsOrderAndApprovals) {
  Diagnostics diagnostics;
  ASSERT_TRUE(Publish(As("alice"), dir_.path() + "/bundle", "1.0.0", "m", diagnostics).ok());
  EXPECT_NE(Promote(As("alice"), "1.0.0", "dev", true, {}).status().message().find("only approved"),
            std::string::npos);
  ASSERT_TRUE(TransitionVersion(As("alice"), "1.0.0", VersionState::kInReview).ok());
  ASSERT_TRUE(TransitionVersion(As("bob"), "1.0.0", VersionState::kApproved).ok());

  std::string summary;
  StatusOr<bool> passed = RunVersionTests(As("alice"), "1.0.0", summary);
  ASSERT_TRUE(passed.ok()) << passed.status().message();
  EXPECT_TRUE(*passed) << summary;
  EXPECT_EQ(summary, "1 cases: 1 passed, 0 failed");
  EXPECT_NE(Promote(As("alice"), "1.0.0", "dev", false, {})
                .status()
                .message()
                .find("tests of version 1.0.0 do not pass"),
            std::string::npos);

  // dev needs no approval; test needs one and comes after dev.
  StatusOr<store::DeploymentRecord> dev = Promote(As("alice"), "1.0.0", "dev", true, {});
  ASSERT_TRUE(dev.ok()) << dev.status().message();
  EXPECT_EQ(ShowVersion(As("rita"), "1.0.0")->version.state, VersionState::kActive);
  EXPECT_NE(
      Promote(As("alice"), "1.0.0", "dev", true, {}).status().message().find("already active"),
      std::string::npos);
  EXPECT_NE(
      Promote(As("alice"), "1.0.0", "prod", true, {}).status().message().find("not active in test"),
      std::string::npos);
  EXPECT_NE(
      Promote(As("alice"), "1.0.0", "test", true, {}).status().message().find("needs 1 approvals"),
      std::string::npos);
  EXPECT_NE(DecidePromotion(As("alice"), "1.0.0", "test", Decision::kApprove, "")
                .message()
                .find("needs the role approver"),
            std::string::npos);
  ASSERT_TRUE(DecidePromotion(As("bob"), "1.0.0", "test", Decision::kApprove, "").ok());
  EXPECT_NE(DecidePromotion(As("bob"), "1.0.0", "test", Decision::kApprove, "")
                .message()
                .find("already decided"),
            std::string::npos);
  ASSERT_TRUE(Promote(As("alice"), "1.0.0", "test", true, {}).ok());

  // prod needs two; a rejection blocks.
  ASSERT_TRUE(DecidePromotion(As("bob"), "1.0.0", "prod", Decision::kApprove, "").ok());
  ASSERT_TRUE(DecidePromotion(As("carol"), "1.0.0", "prod", Decision::kReject, "freeze week").ok());
  EXPECT_NE(Promote(As("alice"), "1.0.0", "prod", true, {}).status().message().find("freeze week"),
            std::string::npos);
  EXPECT_EQ(DecidePromotion(As("bob"), "1.0.0", "prod", Decision::kReject, "").code(),
            StatusCode::kInvalidArgument);  // a rejection needs a reason

  StatusOr<std::vector<store::EnvironmentStatus>> status = EnvironmentsStatus(As("rita"));
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(status->size(), 3u);
  EXPECT_EQ((*status)[1].current->version, "1.0.0");
  EXPECT_FALSE((*status)[2].current.has_value());
}

TEST_P(ManagementTest, SkipNeedsAdminAndRollbackWalksBackThroughHistory) {
  PublishApproved("1.0.0");
  PublishApproved("1.1.0");
  dir_.Write("bundle/policies/extra.yaml", "# 1.2.0\n");
  PublishApproved("1.2.0");
  EXPECT_NE(Promote(As("alice"), "1.0.0", "prod", true, {.skip_order = true})
                .status()
                .message()
                .find("needs the admin role"),
            std::string::npos);
  for (const char* version : {"1.0.0", "1.1.0", "1.2.0"}) {
    Approve(version, "prod");
    StatusOr<store::DeploymentRecord> promoted =
        Promote(As("root"), version, "prod", true, {.skip_order = true});
    ASSERT_TRUE(promoted.ok()) << promoted.status().message();
  }
  StatusOr<store::DeploymentRecord> back = Rollback(As("bob"), "prod");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->version, "1.1.0");
  back = Rollback(As("bob"), "prod");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->version, "1.0.0");
  EXPECT_NE(Rollback(As("bob"), "prod").status().message().find("nothing to roll back"),
            std::string::npos);
  EXPECT_EQ(Rollback(As("alice"), "prod").status().code(), StatusCode::kFailedPrecondition);
}

TEST_P(ManagementTest, EveryChangeIsAuditedAndTheChainVerifies) {
  PublishApproved("1.0.0");
  ASSERT_TRUE(Promote(As("alice"), "1.0.0", "dev", true, {}).ok());
  StatusOr<std::vector<store::AuditRecord>> records = ListAudit(As("rita"), {});
  ASSERT_TRUE(records.ok());
  std::vector<std::string> actions;
  for (const store::AuditRecord& record : *records) actions.push_back(record.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{
                "principal.add", "principal.add", "principal.add", "principal.add", "principal.add",
                "version.publish", "version.lifecycle", "version.lifecycle", "promotion.promote"}));
  EXPECT_EQ(records->back().object, "1.0.0@dev");
  EXPECT_EQ(records->back().actor, "alice");
  StatusOr<store::ChainVerdict> verdict = VerifyAudit(As("rita"));
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->ok) << verdict->reason;
  // A refused operation leaves no record.
  EXPECT_FALSE(Rollback(As("bob"), "dev").ok());
  EXPECT_EQ(ListAudit(As("rita"), {})->size(), records->size());
}

// A version without tests of its own is not promoted until an admin allows it.
TEST_P(ManagementTest, AVersionNeedsTheMinimumNumberOfItsOwnTestCases) {
  dir_.Write("untested/bundle.yaml",
             "apiVersion: warden/v1\nkind: Bundle\nmetadata: {name: acme}\nspec:\n"
             "  policies: [\"policies/*.yaml\"]\n");
  dir_.Write("untested/policies/replicas.yaml", kPolicy);
  Diagnostics diagnostics;
  ASSERT_TRUE(Publish(As("alice"), dir_.path() + "/untested", "2.0.0", "m", diagnostics).ok());
  std::string summary;
  StatusOr<bool> passed = RunVersionTests(As("alice"), "2.0.0", summary);
  ASSERT_TRUE(passed.ok()) << passed.status().message();
  EXPECT_FALSE(*passed);
  EXPECT_EQ(summary,
            "0 cases: 0 passed, 0 failed; at least 1 needed (setting promotion.min_test_cases)");
  EXPECT_EQ(SetSetting(As("root"), "promotion.min_test_cases", "-1").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(As("alice"), "promotion.min_test_cases", "0").code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(SetSetting(As("root"), "promotion.min_test_cases", "0").ok());
  passed = RunVersionTests(As("alice"), "2.0.0", summary);
  ASSERT_TRUE(passed.ok());
  EXPECT_TRUE(*passed);
  // The tested version needs more than its one case once the bar is raised.
  PublishApproved("1.0.0");
  ASSERT_TRUE(SetSetting(As("root"), "promotion.min_test_cases", "2").ok());
  passed = RunVersionTests(As("alice"), "1.0.0", summary);
  ASSERT_TRUE(passed.ok());
  EXPECT_FALSE(*passed) << summary;
  EXPECT_EQ(Promote(As("alice"), "1.0.0", "dev", *passed, {}).status().code(),
            StatusCode::kFailedPrecondition);
}

// What a racing process did: bit 0 its approval counted, bit 1 its promotion happened.
constexpr int kApproved = 1;
constexpr int kPromoted = 2;

// Runs `work` in `count` child processes released at the same moment, each with its own
// connection to the store; returns how many children reported each outcome bit.
struct RaceResult {
  int approved = 0;
  int promoted = 0;
};
RaceResult RaceProcesses(int count, const std::function<int(int)>& work) {
  int gate[2];
  EXPECT_EQ(pipe(gate), 0);
  std::vector<pid_t> children;
  for (int index = 0; index < count; ++index) {
    pid_t child = fork();
    if (child == 0) {
      close(gate[1]);
      char byte;
      (void)read(gate[0], &byte, 1);  // returns when the parent closes the gate
      // _exit: never run the parent's destructors (its store connection) in the child.
      _exit(work(index));
    }
    children.push_back(child);
  }
  close(gate[0]);
  close(gate[1]);
  RaceResult result;
  for (pid_t child : children) {
    int status = 0;
    EXPECT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) < 4) << "a racing process failed";
    if (!WIFEXITED(status)) continue;
    if ((WEXITSTATUS(status) & kApproved) != 0) ++result.approved;
    if ((WEXITSTATUS(status) & kPromoted) != 0) ++result.promoted;
  }
  return result;
}

// Several processes race to approve and promote: every approval counts once and the
// version is promoted exactly once.
TEST_P(ManagementTest, ConcurrentApprovalsAndPromotionsFromSeveralProcessesNeverDoubleCount) {
  PublishApproved("1.0.0");
  for (const char* name : {"ann", "ben", "cat", "dan"}) {
    ASSERT_TRUE(AddPrincipal(As("root"), name, {Role::kApprover}).ok());
  }
  const std::vector<std::string> approvers = {"ann", "ben", "cat", "dan", "ann", "ben"};
  std::string url = url_;
  // The parent's connection stays open but unused while the children run.
  RaceResult first = RaceProcesses(static_cast<int>(approvers.size()), [&](int index) {
    StatusOr<std::unique_ptr<store::Store>> own = store::OpenStore(url, {.lock_timeout_ms = 30000});
    if (!own.ok()) return 4;
    ManagementContext context{own->get(), approvers[static_cast<size_t>(index)],
                              "2026-12-07T10:00:00Z", 0};
    int outcome = 0;
    if (DecidePromotion(context, "1.0.0", "prod", Decision::kApprove, "").ok()) {
      outcome |= kApproved;
    }
    if (Promote(context, "1.0.0", "prod", true, {.skip_order = false}).ok()) outcome |= kPromoted;
    return outcome;
  });
  EXPECT_EQ(first.approved, 4);  // ann and ben a second time: refused
  EXPECT_EQ(first.promoted, 0);  // not active in test: nobody may promote to prod
  EXPECT_EQ(AuditCount("promotion.approve", "1.0.0@prod"), 4u);
  ASSERT_TRUE(Promote(As("alice"), "1.0.0", "dev", true, {}).ok());
  Approve("1.0.0", "test");
  RaceResult second = RaceProcesses(4, [&](int) {
    StatusOr<std::unique_ptr<store::Store>> own = store::OpenStore(url, {.lock_timeout_ms = 30000});
    if (!own.ok()) return 4;
    ManagementContext context{own->get(), "alice", "2026-12-07T10:00:00Z", 0};
    return Promote(context, "1.0.0", "test", true, {}).ok() ? kPromoted : 0;
  });
  EXPECT_EQ(second.promoted, 1);
  EXPECT_EQ(AuditCount("promotion.promote", "1.0.0@test"), 1u);
  EXPECT_TRUE(VerifyAudit(As("rita"))->ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, ManagementTest, store::test_support::AllBackends(),
                         store::test_support::BackendParamName);

}  // namespace
}  // namespace warden::service
