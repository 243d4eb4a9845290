#pragma once
// Regex: CEL's regular expressions, a thin adapter over RE2 (the only file that includes
// re2 is regex.cc). cel-spec: patterns use RE2 syntax and `matches` succeeds when the
// pattern matches any substring of the text; anchors (`^`, `$`) force a full match.
//
// Compile once, match many: a compiled Regex is immutable and PartialMatch may be called
// from any number of threads at once. Compilation is bounded: the compiled program may
// not exceed a caller-given size and RE2's memory budget is fixed (kRegexMaxMemory), so
// a hostile pattern fails to compile instead of exhausting memory. Matching runs in time
// linear in the text (RE2 has no backtracking).
//
// RegexCache keeps recently used compiled patterns for patterns only known at run time
// (`s.matches(pattern_variable)`); constant patterns are compiled once by the planner.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "warden/base/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace warden::cel {

// The largest compiled program (RE2's ProgramSize, roughly one unit per instruction)
// accepted for a pattern compiled at run time. Ordinary patterns stay far below it.
inline constexpr size_t kDefaultMaxRegexProgramSize = 10'000;

// RE2's memory budget for one compiled pattern (program plus lazily built DFA states).
// When the DFA runs out of it, RE2 falls back to its slower NFA; results are unchanged.
inline constexpr int64_t kRegexMaxMemory = int64_t{2} << 20;  // 2 MiB

class Regex {
 public:
  // Compiles `pattern` (RE2 syntax, UTF-8). Errors (InvalidArgument): a syntax error,
  // with RE2's reason, e.g. "invalid regular expression `a(b`: missing ): a(b"; or a
  // program larger than `max_program_size`.
  static StatusOr<std::unique_ptr<Regex>> Compile(std::string_view pattern,
                                                  size_t max_program_size);

  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // Whether the pattern matches some substring of `text` (cel-spec `matches`).
  // Thread-safe.
  bool PartialMatch(std::string_view text) const;

  // The source pattern.
  const std::string& pattern() const { return pattern_; }
  // RE2's program size of the compiled pattern.
  size_t program_size() const { return program_size_; }

 private:
  Regex(std::string pattern, std::unique_ptr<const re2::RE2> re, size_t program_size);

  std::string pattern_;
  std::unique_ptr<const re2::RE2> re_;
  size_t program_size_;
};

// A bounded, thread-safe cache of compiled patterns with least-recently-used eviction.
// Compile failures are cached too, so a bad dynamic pattern is not recompiled on every
// call. Patterns longer than kMaxCachedPatternBytes are compiled on each call and never
// stored, which bounds the memory the cache holds to roughly
// capacity * (kMaxCachedPatternBytes + kRegexMaxMemory).
class RegexCache {
 public:
  static constexpr size_t kMaxCachedPatternBytes = 4096;

  explicit RegexCache(size_t capacity = 64, size_t max_program_size = kDefaultMaxRegexProgramSize);
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  // The compiled `pattern`, compiling it on a miss; errors as Regex::Compile.
  // Thread-safe; compilation runs outside the cache's lock.
  StatusOr<std::shared_ptr<const Regex>> Get(std::string_view pattern);

  // Number of cached patterns (for tests and metrics).
  size_t size() const;

 private:
  struct Entry {
    std::string pattern;
    std::shared_ptr<const Regex> regex;  // null when compilation failed
    Status error;
  };
  using EntryList = std::list<Entry>;

  static StatusOr<std::shared_ptr<const Regex>> Result(const Entry& entry);

  const size_t capacity_;
  const size_t max_program_size_;
  mutable std::mutex mutex_;
  EntryList entries_;  // most recently used first
  // Keys view the patterns stored in entries_ (list nodes never move).
  std::unordered_map<std::string_view, EntryList::iterator> index_;
};

}  // namespace warden::cel
