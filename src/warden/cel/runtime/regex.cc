#include "warden/cel/runtime/regex.h"

#include <re2/re2.h>

#include <utility>

namespace warden::cel {

namespace {

// Keeps messages bounded when a pattern is huge; cuts at a UTF-8 character boundary.
std::string Excerpt(std::string_view text) {
  constexpr size_t kMaxBytes = 64;
  if (text.size() <= kMaxBytes) return std::string(text);
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace

Regex::Regex(std::string pattern, std::unique_ptr<const re2::RE2> re, size_t program_size)
    : pattern_(std::move(pattern)), re_(std::move(re)), program_size_(program_size) {}

Regex::~Regex() = default;

StatusOr<std::unique_ptr<Regex>> Regex::Compile(std::string_view pattern, size_t max_program_size) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(kRegexMaxMemory);
  auto re = std::make_unique<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    // RE2's error() reads "<reason>: <fragment>"; restate it in Warden's message style.
    const std::string& error = re->error();
    const std::string& fragment = re->error_arg();
    std::string_view reason = error;
    if (!fragment.empty() && error.size() > fragment.size() + 2 &&
        std::string_view(error).ends_with(": " + fragment)) {
      reason = reason.substr(0, error.size() - fragment.size() - 2);
    }
    std::string message = "invalid regular expression: " + std::string(reason);
    if (!fragment.empty()) message += " in `" + Excerpt(fragment) + "`";
    return InvalidArgument(std::move(message));
  }
  const int program_size = re->ProgramSize();
  if (program_size < 0 || static_cast<size_t>(program_size) > max_program_size) {
    return InvalidArgument("regular expression `" + Excerpt(pattern) +
                           "` is too complex: program size " + std::to_string(program_size) +
                           " exceeds the limit of " + std::to_string(max_program_size));
  }
  return std::unique_ptr<Regex>(
      new Regex(std::string(pattern), std::move(re), static_cast<size_t>(program_size)));
}

bool Regex::PartialMatch(std::string_view text) const {
  // Match() directly: PartialMatch's argument-parsing layer costs ~100 instructions a
  // call and there are no submatches to extract.
  return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                    nullptr, 0);
}

RegexCache::RegexCache(size_t capacity, size_t max_program_size)
    : capacity_(capacity == 0 ? 1 : capacity), max_program_size_(max_program_size) {}

StatusOr<std::shared_ptr<const Regex>> RegexCache::Result(const Entry& entry) {
  if (entry.regex != nullptr) return entry.regex;
  return entry.error;
}

StatusOr<std::shared_ptr<const Regex>> RegexCache::Get(std::string_view pattern) {
  const bool cacheable = pattern.size() <= kMaxCachedPatternBytes;
  if (cacheable) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = index_.find(pattern);
    if (found != index_.end()) {
      entries_.splice(entries_.begin(), entries_, found->second);
      return Result(*found->second);
    }
  }

  Entry entry;
  auto compiled = Regex::Compile(pattern, max_program_size_);
  if (compiled.ok()) {
    entry.regex = std::shared_ptr<const Regex>(std::move(*compiled));
  } else {
    entry.error = compiled.status();
  }
  if (!cacheable) return Result(entry);

  std::lock_guard<std::mutex> lock(mutex_);
  auto found = index_.find(pattern);
  if (found != index_.end()) {  // another thread compiled it meanwhile
    entries_.splice(entries_.begin(), entries_, found->second);
    return Result(*found->second);
  }
  entry.pattern = std::string(pattern);
  entries_.push_front(std::move(entry));
  index_.emplace(entries_.front().pattern, entries_.begin());
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().pattern);
    entries_.pop_back();
  }
  return Result(entries_.front());
}

size_t RegexCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace warden::cel
