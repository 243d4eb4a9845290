#pragma once
// The files of the built-in library (library/ at the repository root), compiled into the
// binary by cmake/EmbedFiles.cmake: the template index, the framework catalogue and the
// templates' policies. Paths are relative to library/ (`templates/pss-baseline/policies/
// seccomp.yaml`), sorted.

#include <span>
#include <string_view>

namespace warden::library {

struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};

std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace warden::library
