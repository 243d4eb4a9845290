#include "warden/service/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace warden::service {
namespace {

constexpr size_t kMaxStreamBytes = size_t{64} << 20;

// Closes a descriptor once, at the end of its scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  int* out() { return &fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

bool MakePipe(Pipe& pipe) {
  int fds[2];
  // Close-on-exec so that no other child (of another thread) inherits the ends; dup2 in
  // the spawned child clears the flag on the copies it uses.
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  *pipe.read.out() = fds[0];
  *pipe.write.out() = fds[1];
  return true;
}

// Reads both pipes until both reach end of file (reading one at a time could block
// while the child blocks on the other).
void Drain(Fd& out_fd, Fd& err_fd, std::string& out, std::string& err) {
  char buffer[65536];
  while (out_fd.get() >= 0 || err_fd.get() >= 0) {
    struct pollfd polls[2] = {{.fd = out_fd.get(), .events = POLLIN, .revents = 0},
                              {.fd = err_fd.get(), .events = POLLIN, .revents = 0}};
    if (::poll(polls, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    Fd* fds[2] = {&out_fd, &err_fd};
    std::string* sinks[2] = {&out, &err};
    for (int index = 0; index < 2; ++index) {
      if (fds[index]->get() < 0 || polls[index].revents == 0) continue;
      ssize_t got = ::read(fds[index]->get(), buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        fds[index]->Close();
        continue;
      }
      size_t room = kMaxStreamBytes - std::min(kMaxStreamBytes, sinks[index]->size());
      sinks[index]->append(buffer, std::min(room, static_cast<size_t>(got)));
    }
  }
}

}  // namespace

StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv) {
  if (argv.empty()) return InvalidArgument("no program to run");
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  Pipe out_pipe;
  Pipe err_pipe;
  if (!MakePipe(out_pipe) || !MakePipe(err_pipe)) {
    return Unavailable(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write.get(), STDERR_FILENO);
  pid_t pid = 0;
  int spawn_error = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    return Unavailable("cannot run `" + argv[0] + "`: " + std::strerror(spawn_error));
  }
  out_pipe.write.Close();
  err_pipe.write.Close();

  ProcessResult result;
  Drain(out_pipe.read, err_pipe.read, result.out, result.err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Unavailable("cannot wait for `" + argv[0] + "`");
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace warden::service
