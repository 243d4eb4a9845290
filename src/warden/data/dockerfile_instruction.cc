#include "warden/data/dockerfile_instruction.h"

#include <utility>

#include "warden/data/reader_support.h"

namespace warden::data::internal {

namespace {

constexpr DockerKeywordName kKeywords[] = {
    {"ADD", DockerKeyword::kAdd},
    {"ARG", DockerKeyword::kArg},
    {"CMD", DockerKeyword::kCmd},
    {"COPY", DockerKeyword::kCopy},
    {"ENTRYPOINT", DockerKeyword::kEntrypoint},
    {"ENV", DockerKeyword::kEnv},
    {"EXPOSE", DockerKeyword::kExpose},
    {"FROM", DockerKeyword::kFrom},
    {"HEALTHCHECK", DockerKeyword::kHealthcheck},
    {"LABEL", DockerKeyword::kLabel},
    {"MAINTAINER", DockerKeyword::kMaintainer},
    {"ONBUILD", DockerKeyword::kOnbuild},
    {"RUN", DockerKeyword::kRun},
    {"SHELL", DockerKeyword::kShell},
    {"STOPSIGNAL", DockerKeyword::kStopsignal},
    {"USER", DockerKeyword::kUser},
    {"VOLUME", DockerKeyword::kVolume},
    {"WORKDIR", DockerKeyword::kWorkdir},
};

char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

const DockerKeywordName* FindKeyword(std::string_view word) {
  for (const DockerKeywordName& known : kKeywords) {
    if (EqualsIgnoringCase(word, known.name)) return &known;
  }
  return nullptr;
}

std::string_view TrimRightSpace(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && IsDockerSpace(text[end - 1])) --end;
  return text.substr(0, end);
}

// Reads one instruction; the first error is kept and ends the work.
class InstructionParser {
 public:
  InstructionParser(std::string_view text, char escape, const ReadLimits& limits)
      : text_(text), escape_(escape), limits_(limits) {}

  void Parse(size_t begin, DockerInstruction& out);
  std::optional<DockerSyntaxError>& error() { return error_; }

 private:
  void ParseArguments(DockerInstruction& out);
  // The words of `value`, which starts at offset `base`.
  std::vector<DockerWord> Words(std::string_view value, size_t base) const;
  // The exec form of `value` if it is one, else its words; false after an error.
  bool ExecOrWords(std::string_view value, size_t base, DockerInstruction& out);
  void ParseHealthcheck(DockerInstruction& out);
  void ParseNameValues(DockerInstruction& out);
  void ParseArg(DockerInstruction& out);
  void CheckFrom(const DockerInstruction& out);
  void ParseOnbuild(DockerInstruction& out);

  std::string_view Raw(const DockerWord& word) const {
    return text_.substr(word.begin, word.end - word.begin);
  }
  void Error(size_t offset, std::string reason) {
    if (!error_) error_ = DockerSyntaxError{offset, std::move(reason)};
  }
  bool failed() const { return error_.has_value(); }

  std::string_view text_;
  char escape_;
  const ReadLimits& limits_;
  std::optional<DockerSyntaxError> error_;
};

void InstructionParser::Parse(size_t begin, DockerInstruction& out) {
  const size_t keyword_begin = SkipDockerSpace(text_, begin);
  size_t keyword_end = keyword_begin;
  while (keyword_end < text_.size() && !IsDockerSpace(text_[keyword_end])) ++keyword_end;
  std::string_view word = text_.substr(keyword_begin, keyword_end - keyword_begin);
  out.keyword_offset = keyword_begin;
  out.keyword = FindKeyword(word);
  if (out.keyword == nullptr) {
    Error(keyword_begin, "unknown instruction " + Quoted(word));
    return;
  }
  size_t rest = 0;
  out.flags = ExtractDockerFlags(text_.substr(keyword_end), escape_, rest);
  for (DockerFlag& flag : out.flags) flag.begin += keyword_end;
  out.value_offset = keyword_end + rest;
  out.value = TrimRightSpace(text_.substr(out.value_offset));
  ParseArguments(out);
}

void InstructionParser::ParseArguments(DockerInstruction& out) {
  switch (out.keyword->keyword) {
    case DockerKeyword::kRun:
    case DockerKeyword::kCmd:
    case DockerKeyword::kEntrypoint:
    case DockerKeyword::kShell:
      if (ExecOrWords(out.value, out.value_offset, out)) {
        out.form = out.exec ? DockerForm::kExec : DockerForm::kShell;
      }
      return;
    case DockerKeyword::kAdd:
    case DockerKeyword::kCopy:
    case DockerKeyword::kVolume:
      ExecOrWords(out.value, out.value_offset, out);
      return;
    case DockerKeyword::kHealthcheck:
      ParseHealthcheck(out);
      return;
    case DockerKeyword::kEnv:
    case DockerKeyword::kLabel:
      ParseNameValues(out);
      return;
    case DockerKeyword::kArg:
      ParseArg(out);
      return;
    case DockerKeyword::kOnbuild:
      ParseOnbuild(out);
      return;
    case DockerKeyword::kFrom:
    case DockerKeyword::kExpose:
    case DockerKeyword::kMaintainer:
    case DockerKeyword::kStopsignal:
    case DockerKeyword::kUser:
    case DockerKeyword::kWorkdir:
      break;
  }
  out.arguments = Words(out.value, out.value_offset);
  if (out.keyword->keyword == DockerKeyword::kFrom) CheckFrom(out);
}

std::vector<DockerWord> InstructionParser::Words(std::string_view value, size_t base) const {
  std::vector<DockerWord> words = SplitDockerWords(value, escape_);
  for (DockerWord& word : words) {
    word.begin += base;
    word.end += base;
  }
  return words;
}

bool InstructionParser::ExecOrWords(std::string_view value, size_t base, DockerInstruction& out) {
  std::vector<DockerWord> items;
  switch (ParseExecForm(value, limits_, items)) {
    case ExecForm::kStrings:
      for (DockerWord& item : items) {
        item.begin += base;
        item.end += base;
      }
      out.exec = true;
      out.arguments = std::move(items);
      return true;
    case ExecForm::kNotStrings:
      Error(base, "a JSON array form must hold only strings");
      return false;
    case ExecForm::kNotJson:
      break;
  }
  out.arguments = Words(value, base);
  return true;
}

void InstructionParser::ParseHealthcheck(DockerInstruction& out) {
  size_t type_end = 0;
  while (type_end < out.value.size() && !IsDockerSpace(out.value[type_end])) ++type_end;
  if (type_end == 0) {
    Error(out.keyword_offset, "missing CMD or NONE after HEALTHCHECK");
    return;
  }
  std::string_view type = out.value.substr(0, type_end);
  const size_t command_begin = SkipDockerSpace(out.value, type_end);
  std::string_view command = out.value.substr(command_begin);
  out.health_type_offset = out.value_offset;
  if (EqualsIgnoringCase(type, "NONE")) {
    if (!command.empty()) {
      Error(out.value_offset + command_begin, "HEALTHCHECK NONE takes no arguments");
      return;
    }
    out.health_type = "NONE";
    return;
  }
  if (!EqualsIgnoringCase(type, "CMD")) {
    Error(out.value_offset, "unknown HEALTHCHECK type " + Quoted(type) + " (expected CMD or NONE)");
    return;
  }
  out.health_type = "CMD";
  if (!ExecOrWords(command, out.value_offset + command_begin, out)) return;
  out.form = out.exec ? DockerForm::kExec : DockerForm::kShell;
  if (out.arguments.empty()) Error(out.value_offset, "missing command after HEALTHCHECK CMD");
}

void InstructionParser::ParseNameValues(DockerInstruction& out) {
  out.has_pairs = true;
  out.arguments = Words(out.value, out.value_offset);
  const std::string keyword(out.keyword->name);
  if (out.arguments.empty()) {
    Error(out.keyword_offset, "missing `name=value` after " + keyword);
    return;
  }
  if (Raw(out.arguments[0]).find('=') == std::string_view::npos) {
    // The legacy form `ENV KEY value with spaces`: the key ends at the first space.
    size_t key_end = 0;
    while (key_end < out.value.size() && !IsDockerSpace(out.value[key_end])) ++key_end;
    const size_t value_begin = SkipDockerSpace(out.value, key_end);
    std::string_view key = out.value.substr(0, key_end);
    if (value_begin == out.value.size()) {
      Error(out.value_offset,
            "missing value after " + Quoted(key) + " in " + keyword + " (write `name=value`)");
      return;
    }
    out.pairs.push_back(DockerPair{out.value_offset, out.value_offset + value_begin,
                                   UnquoteDocker(key, escape_),
                                   UnquoteDocker(out.value.substr(value_begin), escape_)});
    return;
  }
  for (const DockerWord& word : out.arguments) {
    std::string_view raw = Raw(word);
    const size_t equals = raw.find('=');
    if (equals == std::string_view::npos) {
      Error(word.begin, "expected `name=value` in " + keyword + ", found " + Quoted(raw));
      return;
    }
    std::string key = UnquoteDocker(raw.substr(0, equals), escape_);
    if (key.empty()) {
      Error(word.begin, "missing name before `=` in " + keyword);
      return;
    }
    out.pairs.push_back(DockerPair{word.begin, word.begin + equals + 1, std::move(key),
                                   UnquoteDocker(raw.substr(equals + 1), escape_)});
  }
}

void InstructionParser::ParseArg(DockerInstruction& out) {
  out.has_pairs = true;
  out.arguments = Words(out.value, out.value_offset);
  if (out.arguments.empty()) {
    Error(out.keyword_offset, "missing name after ARG");
    return;
  }
  for (const DockerWord& word : out.arguments) {
    std::string_view raw = Raw(word);
    const size_t equals = raw.find('=');
    DockerPair pair;
    pair.key_offset = word.begin;
    pair.value_offset = word.begin;
    pair.key = UnquoteDocker(raw.substr(0, equals), escape_);
    if (pair.key.empty()) {
      Error(word.begin, "missing name before `=` in ARG");
      return;
    }
    if (equals != std::string_view::npos) {
      pair.value_offset = word.begin + equals + 1;
      pair.value = UnquoteDocker(raw.substr(equals + 1), escape_);
    }
    out.pairs.push_back(std::move(pair));
  }
}

void InstructionParser::CheckFrom(const DockerInstruction& out) {
  const std::vector<DockerWord>& words = out.arguments;
  if (words.empty()) {
    Error(out.keyword_offset, "missing image after FROM");
  } else if (words.size() == 1) {
    return;
  } else if (!EqualsIgnoringCase(words[1].text, "AS")) {
    Error(words[1].begin, "expected `AS <name>` after the image, found " + Quoted(words[1].text));
  } else if (words.size() == 2) {
    Error(words[1].begin, "missing stage name after " + Quoted(words[1].text));
  } else if (words.size() > 3) {
    Error(words[3].begin, "unexpected " + Quoted(words[3].text) + " after the stage name");
  }
}

void InstructionParser::ParseOnbuild(DockerInstruction& out) {
  out.arguments = Words(out.value, out.value_offset);
  if (out.value.empty()) {
    Error(out.keyword_offset, "missing instruction after ONBUILD");
    return;
  }
  out.trigger = std::make_unique<DockerInstruction>();
  DockerInstruction& trigger = *out.trigger;
  Parse(out.value_offset, trigger);
  if (failed()) return;
  const DockerKeyword keyword = trigger.keyword->keyword;
  if (keyword == DockerKeyword::kOnbuild || keyword == DockerKeyword::kFrom ||
      keyword == DockerKeyword::kMaintainer) {
    Error(trigger.keyword_offset,
          Quoted(trigger.keyword->name) + " is not allowed as an ONBUILD trigger");
  }
}

}  // namespace

std::span<const DockerKeywordName> DockerKeywords() { return kKeywords; }

bool EqualsIgnoringCase(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (AsciiUpper(text[pos]) != upper[pos]) return false;
  }
  return true;
}

bool CanHoldHeredocs(const DockerInstruction& instruction) {
  const DockerKeyword keyword = instruction.keyword->keyword;
  return !instruction.exec && (keyword == DockerKeyword::kRun || keyword == DockerKeyword::kCopy ||
                               keyword == DockerKeyword::kAdd);
}

std::optional<DockerSyntaxError> ParseDockerInstruction(std::string_view text, size_t begin,
                                                        char escape, const ReadLimits& limits,
                                                        DockerInstruction& out) {
  InstructionParser parser(text, escape, limits);
  parser.Parse(begin, out);
  return std::move(parser.error());
}

}  // namespace warden::data::internal
