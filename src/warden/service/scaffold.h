#pragma once
// The starter policy repository `warden init` writes: a bundle manifest, an example
// policy with its tests and fixtures, CI examples (GitHub Actions with SARIF upload,
// GitLab CI with Code Quality and JUnit reports) and a pre-commit hook configuration.

#include <string>
#include <vector>

namespace warden::service {

struct ScaffoldFile {
  std::string path;  // relative to the repository root, forward slashes
  std::string content;
};

// The files, in a fixed order. `name` is the bundle's metadata.name.
std::vector<ScaffoldFile> ScaffoldFiles(const std::string& name);

}  // namespace warden::service
