// The store against SQLite and PostgreSQL alike (every TEST_P runs on both): migrations,
// principals, the audit chain and its verification against every kind of tampering,
// transactions that roll back, a lock held by another connection, and concurrent first
// opens. The PostgreSQL cases use the private cluster of ctest's `postgres` fixture.

#include "warden/store/store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <tuple>
#include <vector>

#include "warden/base/test_temp_dir.h"
#include "warden/store/audit_chain.h"
#include "warden/store/postgres_connection.h"
#include "warden/store/test_database.h"

namespace warden::store {
namespace {

using test_support::Backend;
using test_support::BackendName;
using test_support::TestDatabase;

std::unique_ptr<Store> OpenOrDie(const std::string& url, StoreOptions options = {}) {
  StatusOr<std::unique_ptr<Store>> store = OpenStore(url, options);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(*store) : nullptr;
}

// Appends `count` records as `actor`.
void Append(Store& store, int count, const std::string& actor = "alice") {
  for (int index = 0; index < count; ++index) {
    Status status = store.Transact([&](Transaction& tx) {
      StatusOr<AuditRecord> record =
          AppendAudit(tx, "2026-12-07T10:00:0" + std::to_string(index % 10) + "Z", actor,
                      index % 2 == 0 ? "exception.request" : "version.publish",
                      "object-" + std::to_string(index), {{"n", std::to_string(index)}});
      return record.ok() ? Status::Ok() : record.status();
    });
    ASSERT_TRUE(status.ok()) << status.message();
  }
}

std::vector<AuditRecord> AllRecords(Store& store) {
  std::vector<AuditRecord> records;
  Status status = store.Transact([&](Transaction& tx) {
    StatusOr<std::vector<AuditRecord>> listed = tx.ListAudit({});
    if (!listed.ok()) return listed.status();
    records = std::move(*listed);
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return records;
}

// One fresh database of the test's backend.
class BackendTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { ASSERT_FALSE(db_.url().empty()) << db_.error(); }
  const std::string& url() const { return db_.url(); }
  // How the store names itself: the URL, with a PostgreSQL password hidden.
  std::string name() const {
    return GetParam() == Backend::kPostgres ? RedactPostgresUrl(url()) : url();
  }
  void Tamper(const std::string& sql) {
    Status status = db_.Tamper(sql);
    ASSERT_TRUE(status.ok()) << status.message();
  }

  TestDatabase db_{GetParam()};
};

class StoreTest : public BackendTest {};
class AuditChainTest : public BackendTest {};

TEST_P(StoreTest, OpensAtTheLatestSchemaAndReopens) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), 1);
  EXPECT_EQ(store->name(), name());
  Append(*store, 2);
  store.reset();
  std::unique_ptr<Store> again = OpenOrDie(url());
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(AllRecords(*again).size(), 2u);
}

TEST_P(StoreTest, RefusesASchemaNewerThanItKnows) {
  ASSERT_NE(OpenOrDie(url()), nullptr);
  Tamper("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')");
  StatusOr<std::unique_ptr<Store>> store = OpenStore(url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("schema version 99"), std::string::npos);
}

TEST(StoreUrlTest, RejectsUnknownUrlsAndUnopenableFiles) {
  EXPECT_EQ(OpenStore("mysql://x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(OpenStore("sqlite:").status().code(), StatusCode::kInvalidArgument);
  StatusOr<std::unique_ptr<Store>> missing = OpenStore("sqlite:/nonexistent-dir/x/warden.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(missing.status().message().find("sqlite:/nonexistent-dir/x/warden.db"),
            std::string::npos);
}

TEST_P(StoreTest, PrincipalsAreAddedChangedListedAndRemoved) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    if (Status s = tx.PutPrincipal({"bob", {Role::kAuthor}, "2026-12-07T10:00:00Z", "root"});
        !s.ok()) {
      return s;
    }
    return tx.PutPrincipal(
        {"alice", {Role::kApprover, Role::kAdmin}, "2026-12-07T10:00:00Z", "root"});
  });
  ASSERT_TRUE(status.ok()) << status.message();
  status = store->Transact([](Transaction& tx) {
    StatusOr<std::vector<Principal>> all = tx.ListPrincipals();
    EXPECT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, "alice");
    EXPECT_TRUE((*all)[0].Has(Role::kAdmin));
    EXPECT_FALSE((*all)[1].Has(Role::kAdmin));
    // Replacing keeps who created it and when.
    EXPECT_TRUE(tx.PutPrincipal({"bob", {Role::kReader}, "2027-01-01T00:00:00Z", "x"}).ok());
    StatusOr<std::optional<Principal>> bob = tx.GetPrincipal("bob");
    EXPECT_TRUE(bob.ok() && bob->has_value());
    EXPECT_EQ((*bob)->roles, std::vector<Role>{Role::kReader});
    EXPECT_EQ((*bob)->created_by, "root");
    EXPECT_EQ(*tx.DeletePrincipal("bob"), true);
    EXPECT_EQ(*tx.DeletePrincipal("bob"), false);
    EXPECT_FALSE(tx.GetPrincipal("bob")->has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
}

TEST_P(StoreTest, AFailedTransactionLeavesNothingBehind) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    EXPECT_TRUE(tx.PutPrincipal({"carol", {Role::kAuthor}, "t", "root"}).ok());
    EXPECT_TRUE(AppendAudit(tx, "t", "root", "principal.add", "carol", {}).ok());
    return Status(StatusCode::kFailedPrecondition, "the change is refused");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(AllRecords(*store).empty());
  ASSERT_TRUE(store
                  ->Transact([](Transaction& tx) {
                    EXPECT_FALSE(tx.GetPrincipal("carol")->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_P(StoreTest, VersionsKeepTheirFilesStateAndPublicationOrder) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    VersionRecord second{"1.10.0", "acme", "d2", "bob", "t2", "second", VersionState::kDraft};
    VersionRecord first{"1.2.0", "acme", "d1", "bob", "t1", "first", VersionState::kDraft};
    if (Status s = tx.InsertVersion(
            second, {{"policies/b.yaml", "b: 2\n"}, {"bundle.yaml", "kind: Bundle\n"}});
        !s.ok()) {
      return s;
    }
    return tx.InsertVersion(first, {});
  });
  ASSERT_TRUE(status.ok()) << status.message();
  // The same version twice is refused by the database, and the transaction rolls back.
  status = store->Transact([](Transaction& tx) {
    return tx.InsertVersion({"1.2.0", "acme", "d3", "eve", "t3", "again", VersionState::kDraft},
                            {});
  });
  EXPECT_FALSE(status.ok());
  status = store->Transact([](Transaction& tx) {
    StatusOr<std::vector<VersionRecord>> versions = tx.ListVersions();
    EXPECT_TRUE(versions.ok());
    EXPECT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].version, "1.10.0");  // publication order, not string order
    StatusOr<std::vector<VersionFile>> files = tx.GetVersionFiles("1.10.0");
    EXPECT_EQ(files->size(), 2u);
    EXPECT_EQ((*files)[0].path, "bundle.yaml");
    EXPECT_EQ((*files)[1].content, "b: 2\n");
    EXPECT_TRUE(tx.SetVersionState("1.2.0", VersionState::kInReview).ok());
    EXPECT_EQ((*tx.GetVersion("1.2.0"))->state, VersionState::kInReview);
    EXPECT_FALSE(tx.GetVersion("9.9.9")->has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
}

TEST_P(StoreTest, EnvironmentsDefaultToDevTestProdAndCanBeReplaced) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    StatusOr<std::vector<EnvironmentRecord>> environments = tx.ListEnvironments();
    EXPECT_EQ(environments->size(), 3u);
    EXPECT_EQ((*environments)[0].name, "dev");
    EXPECT_EQ((*environments)[2].name, "prod");
    EXPECT_EQ((*environments)[2].approvals_required, 2);
    EXPECT_TRUE(tx.PutEnvironments({{"staging", 0, 1}, {"live", 1, 3}}).ok());
    environments = tx.ListEnvironments();
    EXPECT_EQ(environments->size(), 2u);
    EXPECT_EQ((*environments)[1].name, "live");
    EXPECT_TRUE(tx.PutSetting("exceptions.max_days", "90").ok());
    EXPECT_TRUE(tx.PutSetting("exceptions.max_days", "30").ok());
    EXPECT_EQ(**tx.GetSetting("exceptions.max_days"), "30");
    EXPECT_FALSE(tx.GetSetting("nope")->has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
}

TEST_P(StoreTest, ApprovalsAreOnePerApproverAndDeploymentsKeepHistory) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    ApprovalRecord approval{"1.0.0", "prod", "carol", Decision::kApprove, "", "t1"};
    EXPECT_TRUE(tx.InsertApproval(approval).ok());
    approval.approver = "dave";
    approval.decision = Decision::kReject;
    approval.reason = "too early";
    EXPECT_TRUE(tx.InsertApproval(approval).ok());
    StatusOr<std::vector<ApprovalRecord>> approvals = tx.ListApprovals("1.0.0", "prod");
    EXPECT_EQ(approvals->size(), 2u);
    EXPECT_EQ((*approvals)[1].decision, Decision::kReject);
    EXPECT_EQ(tx.ListApprovals("1.0.0", "test")->size(), 0u);
    EXPECT_EQ(*tx.InsertDeployment({0, "prod", "1.0.0", "", "promote", "erin", "t2"}), 1);
    EXPECT_EQ(*tx.InsertDeployment({0, "dev", "1.1.0", "", "promote", "erin", "t3"}), 2);
    EXPECT_EQ(*tx.InsertDeployment({0, "prod", "1.1.0", "1.0.0", "promote", "erin", "t4"}), 3);
    StatusOr<std::vector<DeploymentRecord>> prod = tx.ListDeployments("prod");
    EXPECT_EQ(prod->size(), 2u);
    EXPECT_EQ(prod->back().previous_version, "1.0.0");
    EXPECT_EQ(tx.ListDeployments("")->size(), 3u);
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
  // A second decision of the same approver is refused (and rolls back).
  EXPECT_FALSE(store
                   ->Transact([](Transaction& tx) {
                     return tx.InsertApproval(
                         {"1.0.0", "prod", "carol", Decision::kReject, "changed my mind", "t5"});
                   })
                   .ok());
}

TEST_P(StoreTest, ExceptionsAndTheirVotes) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Status status = store->Transact([](Transaction& tx) {
    ExceptionRecord exception;
    exception.policy = "host-namespaces";
    exception.rule = "host-network";
    exception.targets = {"kinds=DaemonSet", "names=node-exporter"};
    exception.justification = "reads host metrics";
    exception.requested_by = "bob";
    exception.requested_at = "t1";
    exception.expires = "2027-01-01T00:00:00Z";
    exception.approvals_required = 2;
    EXPECT_EQ(*tx.InsertException(exception), 1);
    EXPECT_EQ(*tx.InsertException(exception), 2);
    EXPECT_TRUE(tx.InsertExceptionVote({1, "carol", Decision::kApprove, "", "t2"}).ok());
    EXPECT_TRUE(tx.SetExceptionStatus(2, ExceptionStatus::kRevoked).ok());
    StatusOr<std::optional<ExceptionRecord>> first = tx.GetException(1);
    EXPECT_TRUE(first->has_value());
    EXPECT_EQ((*first)->targets, exception.targets);
    EXPECT_EQ((*first)->approvals_required, 2);
    EXPECT_EQ((*tx.GetException(2))->status, ExceptionStatus::kRevoked);
    EXPECT_EQ(tx.ListExceptions()->size(), 2u);
    EXPECT_EQ(tx.ListExceptionVotes(1)->size(), 1u);
    EXPECT_FALSE(tx.GetException(3)->has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_FALSE(store
                   ->Transact([](Transaction& tx) {
                     return tx.InsertExceptionVote({1, "carol", Decision::kApprove, "", "t3"});
                   })
                   .ok());
}

TEST_P(AuditChainTest, AppendedRecordsChainAndVerify) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Append(*store, 5);
  std::vector<AuditRecord> records = AllRecords(*store);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].prev_hash, kGenesisHash);
  EXPECT_EQ(records[1].prev_hash, records[0].hash);
  EXPECT_EQ(records[4].details.at("n"), "4");
  ChainVerdict verdict = VerifyAuditChain(records);
  EXPECT_TRUE(verdict.ok) << verdict.reason;
  EXPECT_EQ(verdict.records, 5);
  EXPECT_EQ(CanonicalJson(records[0]),
            R"({"action":"exception.request","actor":"alice","details":{"n":"0"},)"
            R"("object":"object-0","seq":1,"time":"2026-12-07T10:00:00Z"})");
}

TEST_P(AuditChainTest, QueriesFilterBySinceActorAndActionPrefix) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Append(*store, 4, "alice");
  Append(*store, 2, "bob");
  auto count = [&](AuditQuery query) {
    size_t found = 0;
    EXPECT_TRUE(store
                    ->Transact([&](Transaction& tx) {
                      found = tx.ListAudit(query)->size();
                      return Status::Ok();
                    })
                    .ok());
    return found;
  };
  EXPECT_EQ(
      count({.since = "", .actor = "bob", .action = "", .after_seq = 0, .limit = 0, .object = ""}),
      2u);
  EXPECT_EQ(count({.since = "",
                   .actor = "",
                   .action = "exception.",
                   .after_seq = 0,
                   .limit = 0,
                   .object = ""}),
            3u);
  EXPECT_EQ(count({.since = "",
                   .actor = "",
                   .action = "exception",
                   .after_seq = 0,
                   .limit = 0,
                   .object = ""}),
            0u);
  EXPECT_EQ(count({.since = "2026-12-07T10:00:02Z",
                   .actor = "",
                   .action = "",
                   .after_seq = 0,
                   .limit = 0,
                   .object = ""}),
            2u);
  EXPECT_EQ(
      count({.since = "", .actor = "", .action = "", .after_seq = 0, .limit = 3, .object = ""}),
      3u);
  EXPECT_EQ(count({.since = "",
                   .actor = "",
                   .action = "",
                   .after_seq = 0,
                   .limit = 0,
                   .object = "object-1"}),
            2u);  // alice's and bob's second records
}

struct TamperCase {
  const char* name;
  const char* sql;
  int64_t first_bad;
  const char* reason;
};

class AuditTamperTest : public testing::TestWithParam<std::tuple<TamperCase, Backend>> {};

TEST_P(AuditTamperTest, VerifyNamesTheFirstBadRecord) {
  const TamperCase& tamper = std::get<0>(GetParam());
  TestDatabase db(std::get<1>(GetParam()));
  ASSERT_FALSE(db.url().empty()) << db.error();
  {
    std::unique_ptr<Store> store = OpenOrDie(db.url());
    ASSERT_NE(store, nullptr);
    Append(*store, 6);
  }
  Status tampered = db.Tamper(tamper.sql);
  ASSERT_TRUE(tampered.ok()) << tampered.message();
  std::unique_ptr<Store> store = OpenOrDie(db.url());
  ASSERT_NE(store, nullptr);
  ChainVerdict verdict = VerifyAuditChain(AllRecords(*store));
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, tamper.first_bad);
  EXPECT_NE(verdict.reason.find(tamper.reason), std::string::npos) << verdict.reason;
}

INSTANTIATE_TEST_SUITE_P(
    Tampering, AuditTamperTest,
    testing::Combine(
        testing::Values(
            TamperCase{"edited", "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3", 3,
                       "was edited"},
            TamperCase{"detail_edited", "UPDATE audit_details SET value = '9' WHERE seq = 2", 2,
                       "was edited"},
            TamperCase{"deleted", "DELETE FROM audit_log WHERE seq = 4", 5, "missing"},
            TamperCase{"deleted_and_renumbered",
                       "DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 "
                       "WHERE seq > 2",
                       2, "changed or replaced"},
            TamperCase{"inserted",
                       "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; UPDATE audit_log SET "
                       "seq = seq - 99 WHERE seq >= 103; INSERT INTO audit_log VALUES (3, "
                       "'2026-12-07T10:00:09Z', 'mallory', 'x', 'y', 'h', 'h')",
                       3, "changed or replaced"},
            TamperCase{"reordered",
                       "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 "
                       "WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100",
                       2, "changed or replaced"}),
        test_support::AllBackends()),
    [](const testing::TestParamInfo<std::tuple<TamperCase, Backend>>& param_info) {
      return std::string(std::get<0>(param_info.param).name) + "_" +
             BackendName(std::get<1>(param_info.param));
    });

TEST_P(StoreTest, ALockHeldTooLongIsAClearErrorNamingTheStore) {
  std::unique_ptr<Store> holder = OpenOrDie(url());
  StoreOptions impatient;
  impatient.lock_timeout_ms = 100;
  std::unique_ptr<Store> waiter = OpenOrDie(url(), impatient);
  ASSERT_TRUE(holder != nullptr && waiter != nullptr);
  std::promise<void> locked;
  std::promise<void> release;
  std::thread thread([&] {
    Status status = holder->Transact([&](Transaction& tx) {
      Status put = tx.PutPrincipal({"dave", {Role::kReader}, "t", "root"});
      locked.set_value();
      release.get_future().wait();
      return put;
    });
    EXPECT_TRUE(status.ok()) << status.message();
  });
  locked.get_future().wait();
  Status status = waiter->Transact([](Transaction&) { return Status::Ok(); });
  release.set_value();
  thread.join();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_NE(status.message().find(name()), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("locked"), std::string::npos) << status.message();
}

// Two processes opening a new database at once: each migration is applied once.
TEST_P(StoreTest, ConcurrentFirstOpensApplyTheSchemaOnce) {
  std::vector<std::thread> threads;
  std::vector<Status> results(4);
  for (size_t index = 0; index < results.size(); ++index) {
    threads.emplace_back([&, index] {
      StatusOr<std::unique_ptr<Store>> store = OpenStore(url());
      results[index] = store.ok() ? Status::Ok() : store.status();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result.message();
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  Append(*store, 1);
  EXPECT_EQ(AllRecords(*store).size(), 1u);
}

// Text both databases hold alike: PostgreSQL has no NUL bytes and only UTF-8.
TEST_P(StoreTest, TextThatIsNotUtf8OrHoldsNulIsRefusedOnBoth) {
  std::unique_ptr<Store> store = OpenOrDie(url());
  ASSERT_NE(store, nullptr);
  for (std::string bad : {std::string("a\0b", 3), std::string("caf\xe9")}) {
    Status status = store->Transact([&](Transaction& tx) { return tx.PutSetting("k", bad); });
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status.message();
  }
  Status status = store->Transact(
      [](Transaction& tx) { return tx.PutSetting("k", "caf\xc3\xa9 \xe2\x9c\x93"); });
  EXPECT_TRUE(status.ok()) << status.message();
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, test_support::AllBackends(),
                         test_support::BackendParamName);
INSTANTIATE_TEST_SUITE_P(Backends, AuditChainTest, test_support::AllBackends(),
                         test_support::BackendParamName);

TEST(PostgresStoreTest, PasswordsAreHiddenInNames) {
  EXPECT_EQ(RedactPostgresUrl("postgresql://warden:s3cr@t@db.example:5432/warden"),
            "postgresql://warden:***@db.example:5432/warden");
  EXPECT_EQ(RedactPostgresUrl("postgres://warden@db/w?sslmode=require&password=x&a=b"),
            "postgres://warden@db/w?sslmode=require&password=***&a=b");
  EXPECT_EQ(RedactPostgresUrl("postgresql://db/w"), "postgresql://db/w");
  EXPECT_EQ(OpenStore("mysql://root:pw@x/y").status().message().find("pw@"), std::string::npos);
}

TEST(PostgresStoreTest, AnUnreachableServerIsAClearErrorWithoutThePassword) {
  StatusOr<std::unique_ptr<Store>> store =
      OpenStore("postgresql://warden:hunter2@127.0.0.1:1/warden?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
  std::string message = store.status().message();
  EXPECT_NE(message.find("store `postgresql://warden:***@127.0.0.1:1/warden"), std::string::npos)
      << message;
  EXPECT_NE(message.find("unreachable"), std::string::npos) << message;
  EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
}

TEST(PostgresStoreTest, AWrongPasswordOrMissingDatabaseIsUnavailable) {
  std::string error;
  std::string server = TestDatabase::PostgresServerUrl(&error);
  ASSERT_FALSE(server.empty()) << error;
  size_t at = server.rfind('@');
  std::string wrong = "postgresql://warden:wrong-password" + server.substr(at) + "/postgres";
  StatusOr<std::unique_ptr<Store>> store = OpenStore(wrong);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(store.status().message().find("password authentication failed"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(store.status().message().find("wrong-password"), std::string::npos);
  store = OpenStore(server + "/no_such_database");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("no_such_database"), std::string::npos)
      << store.status().message();
}

// Once the schema is there, a role with only SELECT, INSERT, UPDATE and DELETE on the
// tables can use the store: opening an up-to-date store creates nothing.
TEST(PostgresStoreTest, AnUpToDateStoreNeedsOnlyDataPrivileges) {
  TestDatabase db(Backend::kPostgres);
  ASSERT_FALSE(db.url().empty()) << db.error();
  ASSERT_NE(OpenOrDie(db.url()), nullptr);  // migrates, as the cluster's superuser
  std::string schema = db.url().substr(db.url().rfind("%3D") + 3);
  std::string role = "app_" + schema;
  Status granted = db.Tamper("CREATE ROLE " + role + " LOGIN PASSWORD 'app-pw'; GRANT USAGE ON " +
                             "SCHEMA " + schema + " TO " + role +
                             "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " +
                             schema + " TO " + role);
  ASSERT_TRUE(granted.ok()) << granted.message();
  std::string url = db.url();
  url.replace(url.find("://") + 3, url.rfind('@') - url.find("://") - 3, role + ":app-pw");
  std::unique_ptr<Store> store = OpenOrDie(url);
  ASSERT_NE(store, nullptr);
  Append(*store, 2);
  EXPECT_EQ(AllRecords(*store).size(), 2u);
  store.reset();
  (void)db.Tamper("DROP OWNED BY " + role + "; DROP ROLE " + role);
}

}  // namespace
}  // namespace warden::store
