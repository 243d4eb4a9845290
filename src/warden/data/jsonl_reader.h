#pragma once
// ReadJsonLines: JSON Lines / NDJSON (https://jsonlines.org): one JSON value per line.
//
// Every non-blank line is one Document; lines holding only spaces, tabs or a carriage
// return are skipped. Document::index counts documents (0, 1, 2, ... over non-blank
// lines), while node positions are real file lines. All documents share one Arena. The
// values follow ReadJson's rules (json_reader.h); a malformed line is an error naming
// `file:line:column`, and the whole read fails.
//
// Errors: InvalidArgument (malformed line), ResourceExhausted (a ReadLimits limit,
// including max_documents). Thread-safe: each call is independent.

#include <string>
#include <string_view>
#include <vector>

#include "warden/base/status.h"
#include "warden/data/limits.h"
#include "warden/data/node.h"

namespace warden::data {

StatusOr<std::vector<Document>> ReadJsonLines(std::string_view text, std::string file,
                                              const ReadLimits& limits = {});

}  // namespace warden::data
