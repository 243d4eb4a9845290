// No acknowledged write is lost: a child process adds principals in a loop (each a change
// and its audit record in one transaction), reporting each operation the store
// acknowledged; the parent kills it with SIGKILL in the middle, reopens the store and
// checks that every acknowledged change is there, that nothing half-done is (each change
// has exactly its audit record), and that the audit chain verifies. On both stores.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

#include "warden/service/management_service.h"
#include "warden/store/test_database.h"

namespace warden::service {
namespace {

using store::Role;
using store::test_support::Backend;
using store::test_support::TestDatabase;

ManagementContext Context(store::Store& store, const std::string& actor) {
  return {&store, actor, "2026-12-07T10:00:00Z", 1796637600};
}

// The child: until killed, adds principals `user-N` and reports N after each commit.
[[noreturn]] void RunWriter(const std::string& url, int report_fd) {
  StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(url);
  if (!opened.ok()) _exit(2);
  for (int index = 0; index < 100000; ++index) {
    std::string name = "user-" + std::to_string(index);
    if (!AddPrincipal(Context(**opened, "root"), name, {Role::kReader}).ok()) _exit(3);
    std::string line = std::to_string(index) + "\n";
    if (write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
  }
  _exit(0);
}

class ManagementReliabilityTest : public testing::TestWithParam<Backend> {};

TEST_P(ManagementReliabilityTest, NoAcknowledgedWriteIsLostWhenTheWriterIsKilled) {
  TestDatabase db(GetParam());
  ASSERT_FALSE(db.url().empty()) << db.error();
  const std::string& url = db.url();
  {
    StatusOr<std::unique_ptr<store::Store>> store = store::OpenStore(url);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE(AddPrincipal(Context(**store, "root"), "root", {Role::kAdmin}).ok());
  }
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    RunWriter(url, pipe_fds[1]);
  }
  close(pipe_fds[1]);
  FILE* reports = fdopen(pipe_fds[0], "r");
  ASSERT_NE(reports, nullptr);
  std::set<int> acknowledged;
  char line[64];
  while (acknowledged.size() < 300 && std::fgets(line, sizeof(line), reports) != nullptr) {
    acknowledged.insert(std::atoi(line));
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer ended before it was killed";
  // Reports written before the kill are acknowledged too.
  while (std::fgets(line, sizeof(line), reports) != nullptr) acknowledged.insert(std::atoi(line));
  std::fclose(reports);
  ASSERT_GE(acknowledged.size(), 300u);

  StatusOr<std::unique_ptr<store::Store>> reopened = store::OpenStore(url);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  StatusOr<std::vector<store::Principal>> principals = ListPrincipals(Context(**reopened, "root"));
  ASSERT_TRUE(principals.ok());
  std::set<std::string> names;
  for (const store::Principal& principal : *principals) names.insert(principal.name);
  for (int index : acknowledged) {
    EXPECT_TRUE(names.count("user-" + std::to_string(index)) > 0) << "lost user-" << index;
  }
  // At most the one operation in flight when the kill came is there unacknowledged.
  EXPECT_LE(names.size(), acknowledged.size() + 2);  // + root + the one in flight
  StatusOr<std::vector<store::AuditRecord>> records = ListAudit(Context(**reopened, "root"), {});
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->size(), names.size());  // one record per principal, no half change
  StatusOr<store::ChainVerdict> verdict = VerifyAudit(Context(**reopened, "root"));
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->ok) << verdict->reason;
}

INSTANTIATE_TEST_SUITE_P(Backends, ManagementReliabilityTest, store::test_support::AllBackends(),
                         store::test_support::BackendParamName);

}  // namespace
}  // namespace warden::service
