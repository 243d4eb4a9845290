#include "warden/service/check_service.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "warden/base/source_location.h"

namespace warden::service {
namespace {

report::InputError ToInputError(const std::string& file, const Status& status) {
  SourcePosition at = status.has_location() ? status.location().position : SourcePosition{};
  return {file, at.line, at.column, status.reason()};
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
