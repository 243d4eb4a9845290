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
  std::vector<std::vector<engine::DocumentResult>> results;  // per engine
  std::vector<report::InputError> errors;
};

}  // namespace

std::vector<report::CheckReport> RunCheckWithEach(const std::vector<const engine::Engine*>& engines,
                                                  const std::vector<InputFile>& files,
                                                  const CheckOptions& options) {
  std::vector<FileResult> per_file(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  auto worker = [&]() {
    for (size_t file_idx = next++; file_idx < files.size(); file_idx = next++) {
      const InputFile& file = files[file_idx];
      FileResult& out = per_file[file_idx];
      out.results.resize(engines.size());
      StatusOr<std::vector<engine::DocumentInput>> inputs = ReadInputs(file, options.read);
      if (!inputs.ok()) {
        out.errors.push_back(
            ToInputError(file.path == "-" ? "<stdin>" : file.path, inputs.status()));
      } else {
        for (size_t engine_idx = 0; engine_idx < engines.size(); ++engine_idx) {
          for (const engine::DocumentInput& input : *inputs) {
            out.results[engine_idx].push_back(engines[engine_idx]->Check(input, options.eval));
          }
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

  std::vector<report::CheckReport> reports(engines.size());
  for (size_t engine_idx = 0; engine_idx < engines.size(); ++engine_idx) {
    report::CheckReport& report = reports[engine_idx];
    for (FileResult& file : per_file) {
      if (file.results.size() <= engine_idx) continue;  // no file was read
      for (engine::DocumentResult& result : file.results[engine_idx]) {
        report.results.push_back(std::move(result));
      }
      report.input_errors.insert(report.input_errors.end(), file.errors.begin(), file.errors.end());
    }
    const policy::CompiledBundle& bundle = engines[engine_idx]->bundle();
    report.bundle_name = bundle.name;
    report.bundle_version = bundle.version;
    report.bundle_digest = bundle.digest;
    report.environment = options.eval.environment;
  }
  return reports;
}

report::CheckReport RunCheck(const engine::Engine& engine, const std::vector<InputFile>& files,
                             const CheckOptions& options) {
  return std::move(RunCheckWithEach({&engine}, files, options)[0]);
}

}  // namespace warden::service
