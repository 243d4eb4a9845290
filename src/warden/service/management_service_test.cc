// The management workflow on a SQLite store: bootstrap and roles, publish, lifecycle,
// approvals, promotion gates, rollback, status, and an audit chain that verifies after
// all of it; concurrent approvals and promotions from several connections.

#include "warden/service/management_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "warden/base/test_temp_dir.h"

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

class ManagementTest : public testing::Test {
 protected:
  void SetUp() override {
    url_ = "sqlite:" + dir_.path() + "/warden.db";
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

  TempDir dir_;
  std::string url_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(ManagementTest, TheFirstPrincipalMustBeAnAdminAndRolesAreChecked) {
  TempDir other;
  StatusOr<std::unique_ptr<store::Store>> empty =
      store::OpenStore("sqlite:" + other.path() + "/w.db");
  ASSERT_TRUE(empty.ok());
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

TEST_F(ManagementTest, PublishIsImmutableAndNeedsALoadingBundle) {
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

TEST_F(ManagementTest, LifecycleTransitionsAreValidatedAndTheAuthorCannotApprove) {
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

TEST_F(ManagementTest, PromotionFollowsStateTestsOrderAndApprovals) {
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

TEST_F(ManagementTest, SkipNeedsAdminAndRollbackWalksBackThroughHistory) {
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

TEST_F(ManagementTest, EveryChangeIsAuditedAndTheChainVerifies) {
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

// Several connections (as several processes would have) race to approve and promote:
// every approval counts once and the version is promoted exactly once.
TEST_F(ManagementTest, ConcurrentApprovalsAndPromotionsNeverDoubleCount) {
  PublishApproved("1.0.0");
  for (const char* name : {"ann", "ben", "cat", "dan"}) {
    ASSERT_TRUE(AddPrincipal(As("root"), name, {Role::kApprover}).ok());
  }
  std::atomic<int> approvals{0};
  std::atomic<int> promotions{0};
  std::vector<std::thread> threads;
  for (const char* name : {"ann", "ben", "cat", "dan", "ann", "ben"}) {
    threads.emplace_back([&, name] {
      StatusOr<std::unique_ptr<store::Store>> own =
          store::OpenStore(url_, {.lock_timeout_ms = 20000});
      ASSERT_TRUE(own.ok()) << own.status().message();
      ManagementContext context{own->get(), name, "2026-12-07T10:00:00Z", 0};
      if (DecidePromotion(context, "1.0.0", "prod", Decision::kApprove, "").ok()) ++approvals;
      if (Promote(context, "1.0.0", "prod", true, {.skip_order = false}).ok()) ++promotions;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(approvals.load(), 4);   // ann and ben a second time: refused
  EXPECT_EQ(promotions.load(), 0);  // not active in test: nobody may promote to prod
  ASSERT_TRUE(Promote(As("alice"), "1.0.0", "dev", true, {}).ok());
  Approve("1.0.0", "test");
  threads.clear();
  for (int index = 0; index < 4; ++index) {
    threads.emplace_back([&] {
      StatusOr<std::unique_ptr<store::Store>> own =
          store::OpenStore(url_, {.lock_timeout_ms = 20000});
      ASSERT_TRUE(own.ok());
      ManagementContext context{own->get(), "alice", "2026-12-07T10:00:00Z", 0};
      if (Promote(context, "1.0.0", "test", true, {}).ok()) ++promotions;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(promotions.load(), 1);
  EXPECT_TRUE(VerifyAudit(As("rita"))->ok);
}

}  // namespace
}  // namespace warden::service
