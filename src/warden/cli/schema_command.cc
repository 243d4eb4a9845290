// `warden schema`: prints the JSON Schema of the policy language, for editors.
//
//   warden schema > warden.schema.json
//   # VS Code (YAML extension): "yaml.schemas": {"./warden.schema.json": "policies/**/*.yaml"}

#include <cstdio>
#include <string>

#include "warden/cli/commands.h"
#include "warden/policy/json_schema.h"

namespace warden::cli {

void AddSchemaCommand(CLI::App& app, ExitCode& exit_code) {
  CLI::App* command = app.add_subcommand("schema", "Print the JSON Schema of the policy language");
  command->callback([&exit_code] {
    std::string schema = policy::RenderJsonSchema();
    std::fwrite(schema.data(), 1, schema.size(), stdout);
    if (schema.empty() || schema.back() != '\n') std::fputc('\n', stdout);
    exit_code = ExitCode::kOk;
  });
}

}  // namespace warden::cli
