// `warden init [DIR]`: scaffolds a policy repository (never overwrites a file).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "warden/cli/commands.h"
#include "warden/service/scaffold.h"

namespace warden::cli {
namespace {

ExitCode Run(const std::string& directory, const std::string& name) {
  namespace fs = std::filesystem;
  std::string bundle_name = name;
  if (bundle_name.empty()) {
    bundle_name = fs::absolute(directory).lexically_normal().filename().string();
    if (bundle_name.empty()) bundle_name = "policies";
  }
  std::vector<service::ScaffoldFile> files = service::ScaffoldFiles(bundle_name);
  std::error_code error;
  for (const service::ScaffoldFile& file : files) {
    if (fs::exists(fs::path(directory) / file.path, error)) {
      std::fprintf(stderr, "error: `%s` already exists; warden init never overwrites files\n",
                   (fs::path(directory) / file.path).string().c_str());
      return ExitCode::kUsage;
    }
  }
  for (const service::ScaffoldFile& file : files) {
    fs::path path = fs::path(directory) / file.path;
    fs::create_directories(path.parent_path(), error);
    std::ofstream out(path, std::ios::binary);
    out << file.content;
    out.close();
    if (!out) {
      std::fprintf(stderr, "error: cannot write `%s`\n", path.string().c_str());
      return ExitCode::kUsage;
    }
    std::printf("created %s\n", path.generic_string().c_str());
  }
  std::printf(
      "next: `warden validate %s`, `warden test -b %s` and `warden check -b %s %s/fixtures`\n",
      directory.c_str(), directory.c_str(), directory.c_str(), directory.c_str());
  return ExitCode::kOk;
}

}  // namespace

void AddInitCommand(CLI::App& app, ExitCode& exit_code) {
  auto directory = std::make_shared<std::string>(".");
  auto name = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("init", "Scaffold a policy repository");
  command->add_option("directory", *directory, "Where to create it (default: here)");
  command->add_option("--name", *name, "Bundle name (default: the directory's name)");
  command->callback([directory, name, &exit_code] { exit_code = Run(*directory, *name); });
}

}  // namespace warden::cli
