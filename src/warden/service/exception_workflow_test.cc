// Exceptions through the store: request (validated against the bundle, expiry bounded),
// N-of-M approval by distinct approvers other than the requester, rejection, revocation,
// expiry, listing and history, and the approved ones applied to a check like
// file-declared Exception documents.

#include "warden/service/exception_workflow.h"

#include <gtest/gtest.h>

#include "warden/base/test_temp_dir.h"
#include "warden/service/bundle_service.h"
#include "warden/store/test_database.h"

namespace warden::service {
namespace {

using store::Decision;
using store::ExceptionStatus;
using store::Role;
using test_support::TempDir;

constexpr const char* kPolicies = R"yaml(apiVersion: warden/v1
kind: Policy
metadata: {name: host-network}
spec:
  match: {kinds: [DaemonSet]}
  rules:
    - id: no-host-network
      condition: "object.spec.template.spec.?hostNetwork.orValue(false)"
      message: uses the host network
      remediation: remove hostNetwork
---
apiVersion: warden/v1
kind: Policy
metadata: {name: locked}
spec:
  overridable: false
  rules:
    - {id: r, condition: "false", message: m, remediation: x}
)yaml";

class ExceptionWorkflowTest : public testing::TestWithParam<store::test_support::Backend> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(db_.url().empty()) << db_.error();
    StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(AddPrincipal(As("root"), "root", {Role::kAdmin}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "alice", {Role::kAuthor}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "bob", {Role::kApprover}).ok());
    ASSERT_TRUE(AddPrincipal(As("root"), "carol", {Role::kApprover}).ok());
    dir_.Write("policies/p.yaml", kPolicies);
    Diagnostics diagnostics;
    BundleSpec spec;
    spec.directory = dir_.path() + "/policies";
    bundle_ = LoadBundle(spec, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
  }

  ManagementContext As(const std::string& actor) {
    return {store_.get(), actor, "2026-12-07T10:00:00Z", 1796637600};
  }

  ExceptionRequest Request() {
    return {"host-network",
            "no-host-network",
            {"names=node-exporter", "kinds=DaemonSet"},
            "reads host metrics",
            "2027-01-15T00:00:00Z"};
  }

  TempDir dir_;
  store::test_support::TestDatabase db_{GetParam()};
  std::unique_ptr<store::Store> store_;
  LoadedBundle bundle_;
};

TEST_P(ExceptionWorkflowTest, RequestsAreValidatedAgainstTheBundleAndTheMaximumDuration) {
  ExceptionRequest request = Request();
  StatusOr<store::ExceptionRecord> stored =
      RequestException(As("alice"), request, *bundle_.compiled);
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  EXPECT_EQ(stored->id, 1);
  EXPECT_EQ(stored->status, ExceptionStatus::kPending);
  EXPECT_EQ(stored->targets, (std::vector<std::string>{"kinds=DaemonSet", "names=node-exporter"}));

  request.policy = "locked";
  request.rule = "";
  EXPECT_NE(RequestException(As("alice"), request, *bundle_.compiled)
                .status()
                .message()
                .find("not overridable"),
            std::string::npos);
  request = Request();
  request.rule = "nope";
  EXPECT_EQ(RequestException(As("alice"), request, *bundle_.compiled).status().code(),
            StatusCode::kNotFound);
  request = Request();
  request.expires = "2028-01-01T00:00:00Z";  // more than 90 days
  EXPECT_NE(RequestException(As("alice"), request, *bundle_.compiled)
                .status()
                .message()
                .find("at most 90 days"),
            std::string::npos);
  request.expires = "2026-01-01T00:00:00Z";
  EXPECT_EQ(RequestException(As("alice"), request, *bundle_.compiled).status().code(),
            StatusCode::kInvalidArgument);
  request = Request();
  request.targets = {"pods=x"};
  EXPECT_EQ(RequestException(As("alice"), request, *bundle_.compiled).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(RequestException(As("bob"), Request(), *bundle_.compiled).status().code(),
            StatusCode::kFailedPrecondition);  // bob is no author
}

TEST_P(ExceptionWorkflowTest, TwoOfManyApproveAndTheRequesterNeverDecides) {
  ASSERT_TRUE(store_
                  ->Transact([](store::Transaction& tx) {
                    return tx.PutSetting("exceptions.approvals", "2");
                  })
                  .ok());
  ASSERT_TRUE(AddPrincipal(As("root"), "alice", {Role::kAuthor, Role::kApprover}).ok());
  ASSERT_TRUE(RequestException(As("alice"), Request(), *bundle_.compiled).ok());
  EXPECT_NE(DecideException(As("alice"), 1, Decision::kApprove, "")
                .status()
                .message()
                .find("cannot decide"),
            std::string::npos);
  StatusOr<store::ExceptionRecord> once = DecideException(As("bob"), 1, Decision::kApprove, "");
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(once->status, ExceptionStatus::kPending);
  EXPECT_NE(DecideException(As("bob"), 1, Decision::kApprove, "")
                .status()
                .message()
                .find("already decided"),
            std::string::npos);
  StatusOr<store::ExceptionRecord> twice = DecideException(As("carol"), 1, Decision::kApprove, "");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->status, ExceptionStatus::kApproved);
  EXPECT_NE(DecideException(As("root"), 1, Decision::kReject, "late")
                .status()
                .message()
                .find("not pending"),
            std::string::npos);

  ASSERT_TRUE(RequestException(As("alice"), Request(), *bundle_.compiled).ok());
  EXPECT_EQ(DecideException(As("bob"), 2, Decision::kReject, "").status().code(),
            StatusCode::kInvalidArgument);  // a rejection needs a reason
  EXPECT_EQ(DecideException(As("bob"), 2, Decision::kReject, "too broad")->status,
            ExceptionStatus::kRejected);

  StatusOr<ExceptionDetails> details = ShowException(As("bob"), 1);
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->votes.size(), 2u);
  ASSERT_EQ(details->history.size(), 3u);
  EXPECT_EQ(details->history[0].action, "exception.request");
  EXPECT_EQ(details->history[2].action, "exception.approve");
}

TEST_P(ExceptionWorkflowTest, RevokeExpireListAndApplyToChecks) {
  ASSERT_TRUE(RequestException(As("alice"), Request(), *bundle_.compiled).ok());
  ASSERT_TRUE(DecideException(As("bob"), 1, Decision::kApprove, "").ok());
  ASSERT_TRUE(RequestException(As("alice"), Request(), *bundle_.compiled).ok());
  EXPECT_EQ(RevokeException(As("carol"), 2, "no").status().code(),
            StatusCode::kFailedPrecondition);  // neither requester nor admin
  EXPECT_EQ(RevokeException(As("alice"), 2, "not needed")->status, ExceptionStatus::kRevoked);

  EXPECT_EQ(ListExceptions(As("bob"), "approved")->size(), 1u);
  EXPECT_EQ(ListExceptions(As("bob"), "revoked")->size(), 1u);
  EXPECT_EQ(ListExceptions(As("bob"), "")->size(), 2u);
  EXPECT_EQ(ListExceptions(As("bob"), "bogus").status().code(), StatusCode::kInvalidArgument);
  ManagementContext later = As("bob");
  later.now_seconds = 1799000000;  // 2027-01-03: not yet expired
  EXPECT_EQ(ListExceptions(later, "expired")->size(), 0u);
  later.now_seconds = 1800000000;  // 2027-01-15T08:00:00Z: expired
  EXPECT_EQ(ListExceptions(later, "expired")->size(), 1u);
  EXPECT_EQ(ListExceptions(later, "approved")->size(), 0u);

  // The approved exception waives the finding of a check, like an Exception file.
  StatusOr<std::vector<std::pair<std::string, std::string>>> documents =
      ActiveExceptionDocuments(As(""));
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_NE(documents->front().first.find("#exception/1"), std::string::npos);
  Diagnostics diagnostics;
  BundleSpec spec;
  spec.directory = dir_.path() + "/policies";
  spec.extra_exceptions = *documents;
  LoadedBundle with_exceptions = LoadBundle(spec, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << diagnostics.items().front().message;
  ASSERT_EQ(with_exceptions.compiled->exceptions.size(), 1u);
  EXPECT_EQ(with_exceptions.compiled->exceptions[0].name, "store-exception-1");
}

INSTANTIATE_TEST_SUITE_P(Backends, ExceptionWorkflowTest, store::test_support::AllBackends(),
                         store::test_support::BackendParamName);

}  // namespace
}  // namespace warden::service
