#include "warden/data/dockerfile_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "warden/base/arena.h"
#include "warden/data/builder.h"
#include "warden/data/dockerfile_instruction.h"
#include "warden/data/dockerfile_lexer.h"
#include "warden/data/reader_support.h"

namespace warden::data {

namespace {

using internal::DockerFlag;
using internal::DockerForm;
using internal::DockerHeredoc;
using internal::DockerInstruction;
using internal::DockerKeyword;
using internal::DockerKeywordName;
using internal::DockerPair;
using internal::DockerWord;
using internal::Quoted;

// A run of an instruction's joined text copied from one physical line.
struct Piece {
  size_t joined = 0;  // where the run starts in LogicalLine::text
  uint32_t line = 0;
  uint32_t column = 0;  // column of the run's first character
};

// One instruction's text with its continuation lines joined, and where each part came
// from. There is always at least one piece.
struct LogicalLine {
  std::string text;
  std::vector<Piece> pieces;
  uint32_t first_line = 0;
};

// Maps offsets of a LogicalLine's text to source positions. Columns are counted forward
// from the last answer, so increasing queries cost amortised O(1) and the few passes
// over an instruction stay linear; a query behind the last one restarts at piece 0.
class PositionMap {
 public:
  explicit PositionMap(const LogicalLine& line) : line_(line), column_(line.pieces[0].column) {}

  SourcePosition At(size_t offset) {
    const std::vector<Piece>& pieces = line_.pieces;
    if (offset < offset_) {
      piece_ = 0;
      offset_ = pieces[0].joined;
      column_ = pieces[0].column;
    }
    while (piece_ + 1 < pieces.size() && pieces[piece_ + 1].joined <= offset) {
      ++piece_;
      offset_ = pieces[piece_].joined;
      column_ = pieces[piece_].column;
    }
    for (; offset_ < offset; ++offset_) {
      if ((static_cast<unsigned char>(line_.text[offset_]) & 0xC0) != 0x80) ++column_;
    }
    return {pieces[piece_].line, column_};
  }

 private:
  const LogicalLine& line_;
  size_t piece_ = 0;
  size_t offset_ = 0;
  uint32_t column_;
};

std::string_view StripLeadingTabs(std::string_view text) {
  size_t tabs = 0;
  while (tabs < text.size() && text[tabs] == '\t') ++tabs;
  return text.substr(tabs);
}

// Whitespace as Go's regexp `\s` knows it (parser directives).
bool IsDirectiveSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Interned map keys, copied into the document arena once.
struct Keys {
  std::string_view directives, args, stages, instructions, index, name, from, image, tag, digest,
      platform, reference, instruction, value, arguments, form, type, flags, pairs, heredocs,
      content, trigger, stage, line, end_line;
  // Constant values.
  std::string_view exec, shell, cmd, none;
};

// Reads a Dockerfile line by line and builds its tree as it goes. The first error is
// kept in status_; every step returns early once it is set (only the arena and the
// syntax checks can fail).
class DockerfileParser {
 public:
  DockerfileParser(std::string_view text, std::string_view file, const ReadLimits& limits,
                   NodeBuilder& builder);

  StatusOr<Node> Parse();

 private:
  struct Line {
    size_t begin = 0;  // first byte
    size_t end = 0;    // past the content, line end and trailing carriage returns excluded
    size_t next = 0;   // first byte of the next line
    uint32_t number = 0;
  };
  struct Stage {
    SourcePosition position;
    Node name;
    Node from;
    std::vector<Node> instructions;
  };

  Line TakeLine();
  bool ParseDirective(std::string_view trimmed, const Line& line, size_t lead);
  void ReadLogicalLine(const Line& first, size_t lead, LogicalLine& logical);
  void AppendPiece(LogicalLine& logical, std::string_view segment, uint32_t line, uint32_t column);
  void ProcessInstruction(const LogicalLine& logical);

  void ReadHeredocs(std::string_view text, PositionMap& positions, DockerInstruction& target);

  Node BuildInstruction(const DockerInstruction& instruction, PositionMap& positions,
                        std::optional<size_t> stage, uint32_t first_line, uint32_t last_line);
  Node BuildFlags(const std::vector<DockerFlag>& flags, PositionMap& positions,
                  SourcePosition fallback);
  Node BuildPairs(const std::vector<DockerPair>& pairs, PositionMap& positions,
                  SourcePosition fallback);
  Node BuildHeredocs(const std::vector<DockerHeredoc>& heredocs, PositionMap& positions);
  void StartStage(const DockerInstruction& from, PositionMap& positions, SourcePosition keyword);
  Node BuildRoot();

  // Tree helpers: on an arena failure they record the error and return a null node.
  Node String(std::string_view text, SourcePosition pos);
  Node List(std::span<const Node> items, SourcePosition pos);
  Node Map(std::span<const KeyedNode> entries, SourcePosition pos);
  std::string_view Key(std::string_view key);
  // `text` as an arena string: a slice of the instruction's copied text when `text` is
  // what the instruction says at offset `at` (most words are), else a copy.
  std::string_view Slice(std::string_view text, size_t at);
  Node Text(std::string_view text, size_t at, SourcePosition pos) {
    return Node::String(Slice(text, at), pos);
  }
  Node OptionalText(const std::optional<std::string_view>& text, size_t at, SourcePosition pos) {
    return text ? Text(*text, at, pos) : Node::Null(pos);
  }
  std::string_view KeywordText(const DockerKeywordName& keyword) {
    return keyword_names_[static_cast<size_t>(&keyword - internal::DockerKeywords().data())];
  }

  void Fail(Status status) {
    if (status_.ok()) status_ = std::move(status);
  }
  void SyntaxError(SourcePosition pos, std::string_view reason) {
    Fail(internal::SyntaxErrorAt(file_, pos, reason));
  }
  bool failed() const { return !status_.ok(); }

  std::string_view text_;
  std::string_view file_;
  const ReadLimits& limits_;
  NodeBuilder& builder_;
  Status status_;
  Keys keys_;
  std::vector<std::string_view> keyword_names_;  // parallel to DockerKeywords()
  // The instruction being built: its joined text, and that text copied into the arena.
  std::string_view line_text_;
  std::string_view line_copy_;

  size_t cursor_ = 0;
  uint32_t line_number_ = 0;
  char escape_ = '\\';
  bool directives_done_ = false;
  std::vector<KeyedNode> directives_;
  std::vector<Node> instructions_;
  std::vector<Node> global_args_;
  std::vector<Stage> stages_;
};

DockerfileParser::DockerfileParser(std::string_view text, std::string_view file,
                                   const ReadLimits& limits, NodeBuilder& builder)
    : text_(text), file_(file), limits_(limits), builder_(builder) {
  keys_ = Keys{Key("directives"),  Key("args"),    Key("stages"),    Key("instructions"),
               Key("index"),       Key("name"),    Key("from"),      Key("image"),
               Key("tag"),         Key("digest"),  Key("platform"),  Key("reference"),
               Key("instruction"), Key("value"),   Key("arguments"), Key("form"),
               Key("type"),        Key("flags"),   Key("pairs"),     Key("heredocs"),
               Key("content"),     Key("trigger"), Key("stage"),     Key("line"),
               Key("end_line"),    Key("exec"),    Key("shell"),     Key("CMD"),
               Key("NONE")};
  for (const DockerKeywordName& keyword : internal::DockerKeywords()) {
    keyword_names_.push_back(Key(keyword.name));
  }
  // A byte order mark may precede the first line.
  if (text_.size() >= 3 && std::memcmp(text_.data(), "\xEF\xBB\xBF", 3) == 0) cursor_ = 3;
}

Node DockerfileParser::String(std::string_view text, SourcePosition pos) {
  if (failed()) return Node::Null(pos);
  StatusOr<Node> node = builder_.String(text, pos);
  if (!node.ok()) {
    Fail(internal::WithPosition(node.status(), file_, pos));
    return Node::Null(pos);
  }
  return *node;
}

Node DockerfileParser::List(std::span<const Node> items, SourcePosition pos) {
  if (failed()) return Node::Null(pos);
  StatusOr<Node> node = builder_.List(items, pos);
  if (!node.ok()) {
    Fail(internal::WithPosition(node.status(), file_, pos));
    return Node::Null(pos);
  }
  return *node;
}

Node DockerfileParser::Map(std::span<const KeyedNode> entries, SourcePosition pos) {
  if (failed()) return Node::Null(pos);
  StatusOr<Node> node = builder_.MapWithArenaKeys(entries, pos);
  if (!node.ok()) {
    Fail(internal::WithPosition(node.status(), file_, pos));
    return Node::Null(pos);
  }
  return *node;
}

std::string_view DockerfileParser::Slice(std::string_view text, size_t at) {
  if (at <= line_text_.size() && text.size() <= line_text_.size() - at &&
      line_text_.compare(at, text.size(), text) == 0) {
    return line_copy_.substr(at, text.size());
  }
  return Key(text);
}

std::string_view DockerfileParser::Key(std::string_view key) {
  if (failed()) return {};
  std::string_view copy = builder_.arena().CopyString(key);
  if (copy.data() == nullptr)
    Fail(internal::WithPosition(ArenaExhausted(builder_.arena()), file_, {}));
  return copy;
}

DockerfileParser::Line DockerfileParser::TakeLine() {
  Line line;
  line.begin = cursor_;
  size_t newline = text_.find('\n', cursor_);
  line.end = newline == std::string_view::npos ? text_.size() : newline;
  line.next = newline == std::string_view::npos ? text_.size() : newline + 1;
  while (line.end > line.begin && text_[line.end - 1] == '\r') --line.end;
  line.number = ++line_number_;
  cursor_ = line.next;
  return line;
}

StatusOr<Node> DockerfileParser::Parse() {
  while (cursor_ < text_.size() && !failed()) {
    const Line line = TakeLine();
    std::string_view content = text_.substr(line.begin, line.end - line.begin);
    const size_t lead = internal::SkipDockerSpace(content, 0);
    std::string_view trimmed = content.substr(lead);
    if (!directives_done_) {
      if (ParseDirective(trimmed, line, lead)) continue;
      directives_done_ = true;
    }
    if (trimmed.empty() || trimmed[0] == '#') continue;
    LogicalLine logical;
    ReadLogicalLine(line, lead, logical);
    if (failed()) break;
    if (internal::SkipDockerSpace(logical.text, 0) == logical.text.size()) continue;
    ProcessInstruction(logical);
  }
  if (failed()) return status_;
  Node root = BuildRoot();
  if (failed()) return status_;
  return root;
}

bool DockerfileParser::ParseDirective(std::string_view trimmed, const Line& line, size_t lead) {
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto skip_space = [&](size_t pos) {
    while (pos < trimmed.size() && IsDirectiveSpace(trimmed[pos])) ++pos;
    return pos;
  };
  if (trimmed.empty() || trimmed[0] != '#') return false;
  const size_t name_begin = skip_space(1);
  if (name_begin >= trimmed.size() || !is_letter(trimmed[name_begin])) return false;
  size_t pos = name_begin;
  while (pos < trimmed.size() &&
         (is_letter(trimmed[pos]) || (trimmed[pos] >= '0' && trimmed[pos] <= '9'))) {
    ++pos;
  }
  std::string name(trimmed.substr(name_begin, pos - name_begin));
  pos = skip_space(pos);
  if (pos >= trimmed.size() || trimmed[pos] != '=') return false;
  const size_t value_begin = skip_space(pos + 1);
  size_t value_end = trimmed.size();
  while (value_end > value_begin && IsDirectiveSpace(trimmed[value_end - 1])) --value_end;
  if (value_end == value_begin) return false;
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (name != "syntax" && name != "escape" && name != "check") return false;

  // Everything before the value is ASCII, so byte counts are columns.
  const SourcePosition name_pos{line.number, static_cast<uint32_t>(1 + lead + name_begin)};
  const SourcePosition value_pos{line.number, static_cast<uint32_t>(1 + lead + value_begin)};
  std::string_view value = trimmed.substr(value_begin, value_end - value_begin);
  for (const KeyedNode& seen : directives_) {
    if (seen.key == name) {
      SyntaxError(name_pos, "only one " + Quoted(name) + " parser directive is allowed");
      return true;
    }
  }
  if (name == "escape") {
    if (value != "\\" && value != "`") {
      SyntaxError(value_pos,
                  "invalid escape character " + Quoted(value) + " (expected `\\` or a backtick)");
      return true;
    }
    escape_ = value[0];
  }
  directives_.push_back(KeyedNode{Key(name), name_pos, String(value, value_pos)});
  return true;
}

void DockerfileParser::AppendPiece(LogicalLine& logical, std::string_view segment, uint32_t line,
                                   uint32_t column) {
  // Node strings hold at most 2^32 - 1 bytes.
  const size_t limit = std::min<size_t>(limits_.max_scalar_bytes, UINT32_MAX);
  if (logical.text.size() + segment.size() > limit) {
    Fail(internal::LimitErrorAt(
        file_, {logical.first_line, logical.pieces.empty() ? column : logical.pieces[0].column},
        "instruction text exceeds the limit of " + std::to_string(limit) + " bytes"));
    return;
  }
  logical.pieces.push_back(Piece{logical.text.size(), line, column});
  logical.text.append(segment);
}

void DockerfileParser::ReadLogicalLine(const Line& first, size_t lead, LogicalLine& logical) {
  logical.first_line = first.number;
  std::string_view segment = text_.substr(first.begin + lead, first.end - first.begin - lead);
  bool more = internal::StripContinuation(segment, escape_);
  // Leading spaces are ASCII: their count is the column offset.
  AppendPiece(logical, segment, first.number, static_cast<uint32_t>(1 + lead));
  while (more && cursor_ < text_.size() && !failed()) {
    const Line line = TakeLine();
    segment = text_.substr(line.begin, line.end - line.begin);
    const size_t line_lead = internal::SkipDockerSpace(segment, 0);
    // Comment lines and blank lines inside a continuation are skipped.
    if (line_lead == segment.size() || segment[line_lead] == '#') continue;
    more = internal::StripContinuation(segment, escape_);
    AppendPiece(logical, segment, line.number, 1);
  }
}

void DockerfileParser::ProcessInstruction(const LogicalLine& logical) {
  PositionMap positions(logical);
  DockerInstruction instruction;
  if (std::optional<internal::DockerSyntaxError> error =
          internal::ParseDockerInstruction(logical.text, 0, escape_, limits_, instruction)) {
    SyntaxError(positions.At(error->offset), error->reason);
    return;
  }
  const DockerKeyword keyword = instruction.keyword->keyword;
  if (stages_.empty() && keyword != DockerKeyword::kArg && keyword != DockerKeyword::kFrom) {
    SyntaxError(positions.At(instruction.keyword_offset),
                "instruction " + Quoted(instruction.keyword->name) +
                    " before the first FROM (only ARG may come first)");
    return;
  }
  DockerInstruction* heredoc_target =
      instruction.trigger ? instruction.trigger.get() : &instruction;
  if (internal::CanHoldHeredocs(*heredoc_target))
    ReadHeredocs(logical.text, positions, *heredoc_target);
  if (failed()) return;
  const uint32_t last_line = line_number_;
  line_text_ = logical.text;
  line_copy_ = Key(logical.text);
  if (failed()) return;
  if (keyword == DockerKeyword::kFrom) {
    StartStage(instruction, positions, positions.At(instruction.keyword_offset));
  }
  std::optional<size_t> stage;
  if (!stages_.empty()) stage = stages_.size() - 1;
  Node node = BuildInstruction(instruction, positions, stage, logical.first_line, last_line);
  if (failed()) return;
  instructions_.push_back(node);
  (stages_.empty() ? global_args_ : stages_.back().instructions).push_back(node);
}

void DockerfileParser::ReadHeredocs(std::string_view text, PositionMap& positions,
                                    DockerInstruction& target) {
  for (const DockerWord& word : target.arguments) {
    std::string_view raw = text.substr(word.begin, word.end - word.begin);
    if (raw.find("<<") == std::string_view::npos) continue;
    std::optional<internal::HeredocMarker> marker = internal::ParseHeredocMarker(raw, escape_);
    if (!marker) continue;
    DockerHeredoc heredoc;
    heredoc.marker_offset = word.begin;
    heredoc.name = std::move(marker->name);
    heredoc.content_line = line_number_ + 1;
    bool terminated = false;
    while (cursor_ < text_.size()) {
      const Line line = TakeLine();
      std::string_view body = text_.substr(line.begin, line.end - line.begin);
      std::string_view full = text_.substr(line.begin, line.next - line.begin);
      if (marker->strip_tabs) {
        body = StripLeadingTabs(body);
        full = StripLeadingTabs(full);
      }
      if (body == heredoc.name) {
        terminated = true;
        break;
      }
      if (heredoc.content.size() + full.size() > limits_.max_scalar_bytes) {
        Fail(internal::LimitErrorAt(file_, positions.At(word.begin),
                                    "heredoc " + Quoted(heredoc.name) + " exceeds the limit of " +
                                        std::to_string(limits_.max_scalar_bytes) + " bytes"));
        return;
      }
      heredoc.content.append(full);
    }
    if (!terminated) {
      SyntaxError(positions.At(word.begin), "unterminated heredoc " + Quoted(heredoc.name));
      return;
    }
    target.heredocs.push_back(std::move(heredoc));
  }
}

Node DockerfileParser::BuildInstruction(const DockerInstruction& instruction,
                                        PositionMap& positions, std::optional<size_t> stage,
                                        uint32_t first_line, uint32_t last_line) {
  // Positions are looked up in source order where possible (see PositionMap).
  const SourcePosition keyword = positions.At(instruction.keyword_offset);
  Node flags = BuildFlags(instruction.flags, positions, keyword);
  Node type;
  if (instruction.health_type) {
    type = Node::String(*instruction.health_type == "CMD" ? keys_.cmd : keys_.none,
                        positions.At(instruction.health_type_offset));
  }
  Node value = Text(instruction.value, instruction.value_offset,
                    instruction.value.empty() ? keyword : positions.At(instruction.value_offset));
  std::vector<Node> items;
  items.reserve(instruction.arguments.size());
  for (const DockerWord& word : instruction.arguments) {
    // A JSON item's text starts after its opening quote.
    items.push_back(
        Text(word.text, instruction.exec ? word.begin + 1 : word.begin, positions.At(word.begin)));
  }
  Node arguments = List(items, items.empty() ? keyword : items[0].position());
  Node pairs;
  if (instruction.has_pairs) pairs = BuildPairs(instruction.pairs, positions, keyword);
  Node heredocs;
  if (!instruction.heredocs.empty()) heredocs = BuildHeredocs(instruction.heredocs, positions);
  Node trigger;
  if (instruction.trigger) {
    trigger = BuildInstruction(*instruction.trigger, positions, stage, first_line, last_line);
  }

  std::vector<KeyedNode> entries;
  auto add = [&](std::string_view key, const Node& node) {
    entries.push_back(KeyedNode{key, node.position(), node});
  };
  add(keys_.instruction, Node::String(KeywordText(*instruction.keyword), keyword));
  add(keys_.value, value);
  add(keys_.arguments, arguments);
  if (instruction.form != DockerForm::kNone) {
    add(keys_.form,
        Node::String(instruction.form == DockerForm::kExec ? keys_.exec : keys_.shell, keyword));
  }
  if (instruction.health_type) add(keys_.type, type);
  add(keys_.flags, flags);
  if (instruction.has_pairs) add(keys_.pairs, pairs);
  if (!instruction.heredocs.empty()) add(keys_.heredocs, heredocs);
  if (instruction.trigger) add(keys_.trigger, trigger);
  add(keys_.stage, stage ? Node::Int(static_cast<int64_t>(*stage), keyword) : Node::Null(keyword));
  add(keys_.line, Node::Int(first_line, keyword));
  add(keys_.end_line, Node::Int(last_line, keyword));
  return Map(entries, keyword);
}

Node DockerfileParser::BuildFlags(const std::vector<DockerFlag>& flags, PositionMap& positions,
                                  SourcePosition fallback) {
  struct Group {
    std::string_view name;
    size_t at;
    SourcePosition position;
    std::vector<Node> values;
  };
  std::vector<Group> groups;
  std::unordered_map<std::string_view, size_t> group_of;
  for (const DockerFlag& flag : flags) {
    const SourcePosition pos = positions.At(flag.begin);
    // Where the value would start if the flag is written without quotes.
    const size_t value_at = flag.begin + 2 + flag.name.size() + 1;
    Node value = flag.value ? Text(*flag.value, value_at, pos) : Node::Bool(true, pos);
    auto [found, inserted] = group_of.emplace(flag.name, groups.size());
    if (inserted) groups.push_back(Group{flag.name, flag.begin + 2, pos, {}});
    groups[found->second].values.push_back(value);
  }
  std::vector<KeyedNode> entries;
  entries.reserve(groups.size());
  for (const Group& group : groups) {
    Node value = group.values.size() == 1 ? group.values[0] : List(group.values, group.position);
    entries.push_back(KeyedNode{Slice(group.name, group.at), group.position, value});
  }
  return Map(entries, entries.empty() ? fallback : entries[0].key_position);
}

Node DockerfileParser::BuildPairs(const std::vector<DockerPair>& pairs, PositionMap& positions,
                                  SourcePosition fallback) {
  std::vector<KeyedNode> entries;
  std::unordered_map<std::string_view, size_t> entry_of;
  for (const DockerPair& pair : pairs) {
    const SourcePosition key_pos = positions.At(pair.key_offset);
    Node value = pair.value ? Text(*pair.value, pair.value_offset, positions.At(pair.value_offset))
                            : Node::Null(key_pos);
    auto [found, inserted] = entry_of.emplace(pair.key, entries.size());
    if (inserted) {
      entries.push_back(KeyedNode{Slice(pair.key, pair.key_offset), key_pos, value});
    } else {
      entries[found->second].value = value;  // a repeated key: the last value wins
    }
  }
  return Map(entries, entries.empty() ? fallback : entries[0].key_position);
}

Node DockerfileParser::BuildHeredocs(const std::vector<DockerHeredoc>& heredocs,
                                     PositionMap& positions) {
  std::vector<Node> items;
  for (const DockerHeredoc& heredoc : heredocs) {
    const SourcePosition marker = positions.At(heredoc.marker_offset);
    const KeyedNode entries[] = {
        {keys_.name, marker, String(heredoc.name, marker)},
        {keys_.content,
         {heredoc.content_line, 1},
         String(heredoc.content, {heredoc.content_line, 1})},
    };
    items.push_back(Map(entries, marker));
  }
  return List(items, items[0].position());
}

void DockerfileParser::StartStage(const DockerInstruction& from, PositionMap& positions,
                                  SourcePosition keyword) {
  std::optional<std::string_view> platform;
  size_t platform_at = 0;
  SourcePosition platform_pos;
  for (const DockerFlag& flag : from.flags) {
    if (flag.name != "platform") continue;
    platform = flag.value ? std::optional<std::string_view>(*flag.value) : std::nullopt;
    platform_at = flag.begin + 2 + flag.name.size() + 1;
    platform_pos = positions.At(flag.begin);
  }
  const DockerWord& image = from.arguments[0];
  const SourcePosition reference = positions.At(image.begin);
  const internal::ImageReference split = internal::SplitImageReference(image.text);
  // Where a part of the reference would be if it is written without quotes.
  auto at = [&](const std::optional<std::string_view>& part) {
    return part ? image.begin + static_cast<size_t>(part->data() - image.text.data()) : 0;
  };
  Stage stage;
  stage.position = keyword;
  stage.name = from.arguments.size() == 3 ? Text(from.arguments[2].text, from.arguments[2].begin,
                                                 positions.At(from.arguments[2].begin))
                                          : Node::Null(keyword);
  const SourcePosition platform_or_reference = platform ? platform_pos : reference;
  const KeyedNode entries[] = {
      {keys_.image, reference, Text(split.image, image.begin, reference)},
      {keys_.tag, reference, OptionalText(split.tag, at(split.tag), reference)},
      {keys_.digest, reference, OptionalText(split.digest, at(split.digest), reference)},
      {keys_.platform, platform_or_reference,
       OptionalText(platform, platform_at, platform_or_reference)},
      {keys_.reference, reference, Text(image.text, image.begin, reference)},
  };
  stage.from = Map(entries, reference);
  stages_.push_back(std::move(stage));
}

Node DockerfileParser::BuildRoot() {
  const SourcePosition start{1, 1};
  if (stages_.empty()) {
    SyntaxError(start, "no FROM instruction");
    return Node();
  }
  std::vector<Node> stages;
  stages.reserve(stages_.size());
  for (size_t stage_idx = 0; stage_idx < stages_.size(); ++stage_idx) {
    const Stage& stage = stages_[stage_idx];
    const Node index = Node::Int(static_cast<int64_t>(stage_idx), stage.position);
    const Node instructions = List(stage.instructions, stage.position);
    const KeyedNode entries[] = {
        {keys_.index, stage.position, index},
        {keys_.name, stage.name.position(), stage.name},
        {keys_.from, stage.from.position(), stage.from},
        {keys_.instructions, stage.position, instructions},
    };
    stages.push_back(Map(entries, stage.position));
  }
  auto first_or_start = [&](const std::vector<Node>& nodes) {
    return nodes.empty() ? start : nodes[0].position();
  };
  const Node directives =
      Map(directives_, directives_.empty() ? start : directives_[0].key_position);
  const Node args = List(global_args_, first_or_start(global_args_));
  const Node stage_list = List(stages, first_or_start(stages));
  const Node instructions = List(instructions_, first_or_start(instructions_));
  const KeyedNode entries[] = {
      {keys_.directives, directives.position(), directives},
      {keys_.args, args.position(), args},
      {keys_.stages, stage_list.position(), stage_list},
      {keys_.instructions, instructions.position(), instructions},
  };
  return Map(entries, start);
}

}  // namespace

StatusOr<Document> ReadDockerfile(std::string_view text, std::string file,
                                  const ReadLimits& limits) {
  if (Status status = internal::CheckInputSize(text, file, limits); !status.ok()) return status;
  if (Status status = internal::CheckUtf8(text, file); !status.ok()) return status;
  auto arena = internal::NewDocumentArena(limits, text.size());
  NodeBuilder builder(*arena);
  StatusOr<Node> root = DockerfileParser(text, file, limits, builder).Parse();
  if (!root.ok()) return root.status();
  const Node* stored = arena->Create<Node>(*root);
  if (stored == nullptr) return internal::WithPosition(ArenaExhausted(*arena), file, {});
  return Document{std::move(file), 0, stored, std::move(arena)};
}

}  // namespace warden::data
