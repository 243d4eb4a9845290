#include "warden/service/check_service.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace warden::service {
namespace {

// `file:line:column: reason` from a reader's message, when it has that shape.
report::InputError ToInputError(const std::string& file, const Status& status) {
  report::InputError error;
  error.file = file;
  error.message = status.message();
  const std::string& message = status.message();
  if (message.rfind(file + ":", 0) == 0) {
    size_t cursor = file.size() + 1;
    char* end = nullptr;
    unsigned long line = std::strtoul(message.c_str() + cursor, &end, 10);
    if (end != nullptr && *end == ':' && line > 0) {
      unsigned long column = std::strtoul(end + 1, &end, 10);
      if (end != nullptr && *end == ':') {
        error.line = static_cast<uint32_t>(line);
        error.column = static_cast<uint32_t>(column);
        error.message = std::string(end + 1);
        while (!error.message.empty() && error.message.front() == ' ') error.message.erase(0, 1);
      }
    }
  }
  return error;
}

struct FileResult {
  std::vector<engine::DocumentResult> results;
  std::vector<report::InputError> errors;
};

}  // namespace

report::CheckReport RunCheck(const engine::Engine& engine, const std::vector<InputFile>& files,
                             const CheckOptions& options) {
  std::vector<FileResult> per_file(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  auto worker = [&]() {
    for (size_t file_idx = next++; file_idx < files.size(); file_idx = next++) {
      const InputFile& file = files[file_idx];
      FileResult& out = per_file[file_idx];
      StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs(file, options.read);
      if (!inputs.ok()) {
        out.errors.push_back(
            ToInputError(file.path == "-" ? "<stdin>" : file.path, inputs.status()));
      } else {
        for (const engine::DocumentInput& input : *inputs) {
          out.results.push_back(engine.Check(input, options.eval));
        }
      }
      size_t finished = ++done;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(finished, files.size());
      }
    }
  };
  size_t threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::max<size_t>(1, std::min(threads, files.size()));
  std::vector<std::thread> pool;
  for (size_t thread_idx = 1; thread_idx < threads; ++thread_idx) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();

  report::CheckReport report;
  for (FileResult& file : per_file) {
    for (engine::DocumentResult& result : file.results) report.results.push_back(std::move(result));
    for (report::InputError& error : file.errors) report.input_errors.push_back(std::move(error));
  }
  const policy::CompiledBundle& bundle = engine.bundle();
  report.bundle_name = bundle.name;
  report.bundle_version = bundle.version;
  report.bundle_digest = bundle.digest;
  report.environment = options.eval.environment;
  return report;
}

}  // namespace warden::service
