#pragma once
// The policy loader: YAML documents of a policy repository → the structs of model.h,
// with every problem reported as a diagnostic (codes E100–E119, docs/diagnostics.md).
//
//   PolicySet set;
//   Diagnostics diagnostics;
//   LoadFile("policies/pods.yaml", set, diagnostics);
//
// What the loader checks is exactly what the language table (schema.h) describes:
// unknown fields (E101, with a `did you mean` hint), types (E102), enum values (E103),
// required fields (E104), `apiVersion: warden/v1` and the four kinds (E105), name formats
// (E106), timestamps (E113); plus duplicate rule ids in one policy (E111) and `let` names
// that clash with a variable Warden binds itself (E112). Unreadable files and malformed
// YAML are E100, located at the reader's file:line:column.
//
// What it leaves to later stages: `extends` (a rule's `condition` is not required here,
// a parent may supply it), parameter types and values, CEL syntax and types
// (resolve.h, compile.h).
//
// Loading never stops at the first problem and never fails outright:
// - a document with errors is still added with its valid parts, so later stages can
//   report more, except an `Exception`, which is added only when it has no error (a
//   broken waiver must never apply);
// - documents of another kind or apiVersion (E105) and non-map documents (E102) are left
//   out; empty documents (`---` alone) are skipped silently.
//
// Every Text gets `position` (its YAML node) and `origin` (its first character in the
// file: after an opening quote, on the first content line of a block scalar). Hostile
// input is bounded by `LoadOptions::limits` (size, depth, aliases) and never crashes.
// Not thread-safe on one PolicySet; independent sets may be loaded concurrently.

#include <string>
#include <string_view>

#include "warden/base/diagnostic.h"
#include "warden/data/limits.h"
#include "warden/policy/model.h"

namespace warden::policy {

struct LoadOptions {
  // Limits for reading the YAML (and for the file size).
  data::ReadLimits limits;
};

// Reads the YAML file at `path` (one or many documents) and appends every Policy,
// Bundle, Exception and Test document to `set`; the file's text goes to
// `set.sources[path]` and its node arena to `set.storage`. A file that cannot be read is
// E100 located at `path`.
void LoadFile(const std::string& path, PolicySet& set, Diagnostics& diagnostics,
              const LoadOptions& options = {});

// Like LoadFile for text already in memory; `file` names it in positions and is the key
// in `set.sources` (a bundle's directory is the directory part of `file`).
void LoadText(std::string_view text, const std::string& file, PolicySet& set,
              Diagnostics& diagnostics, const LoadOptions& options = {});

}  // namespace warden::policy
