#pragma once
// Running a corpus case through the library the way the CLI does: write the bundle and
// the documents into a fresh directory, service::LoadBundle, service::RunCheck for the
// documents, Engine::Decide for the requests. Then comparing what came out with the
// case's expectations, and rendering results canonically for differential checks.

#include <string>
#include <vector>

#include "corpus/runner/corpus_case.h"
#include "warden/base/diagnostic.h"
#include "warden/engine/result.h"
#include "warden/report/report.h"

namespace warden::corpus {

struct CaseRun {
  std::vector<Diagnostic> diagnostics;  // of loading the bundle
  bool loaded = false;                  // no error diagnostics: inputs were evaluated
  report::CheckReport report;           // documents (file names relative to the inputs)
  std::vector<engine::RequestDecision> decisions;
  std::string setup_error;  // the case itself could not be run (bad request JSON, ...)
};

// Runs `c` with `files` as the bundle directory inside `work_dir` (created, emptied
// first). `use_index` selects the engine's rule index or a linear scan.
CaseRun RunCase(const CorpusCase& c, const FileList& files, bool use_index,
                const std::string& work_dir);

// Compares a run with the expectations of `c`; every mismatch is one line of the result
// (empty when everything matches).
std::vector<std::string> CompareWithExpectations(const CorpusCase& c, const CaseRun& run);

// Every result of a run as deterministic text, one fact per line; `with_digest` keeps
// the bundle digest (which depends on the file bytes, so variants leave it out).
std::string CanonicalText(const CaseRun& run, bool with_digest);

// `files` with `overrides` laid over it (same names replaced, new ones appended).
FileList Overlay(const FileList& files, const FileList& overrides);

}  // namespace warden::corpus
