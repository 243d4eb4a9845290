#include "warden/data/dockerfile_reader.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "warden/data/json_writer.h"
#include "warden/data/reader.h"
#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::At;
using testing::ErrorAt;
using testing::KeyPosition;
using testing::Pos;

Document Read(const std::string& text, const ReadLimits& limits = {}) {
  StatusOr<Document> document = ReadDockerfile(text, "Dockerfile", limits);
  EXPECT_TRUE(document.ok()) << document.status().message();
  return document.ok() ? *document : Document{};
}

// The instruction at `index` of the file-order list (a null node when the read failed).
const Node& Instruction(const Document& document, size_t index) {
  static const Node kMissing;
  if (document.root == nullptr) return kMissing;
  const Node& list = At(*document.root, "instructions");
  EXPECT_LT(index, list.size());
  return index < list.size() ? list.item(index) : kMissing;
}

std::vector<std::string> Strings(const Node& list) {
  std::vector<std::string> out;
  for (const Node& item : list.items()) out.emplace_back(item.string_value());
  return out;
}

using Words = std::vector<std::string>;

TEST(DockerfileReaderTest, ReadsAMultiStageBuildWithNamedStages) {
  Document document = Read(
      "# syntax=docker/dockerfile:1\n"
      "ARG GO_VERSION=1.22\n"
      "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS builder\n"
      "WORKDIR /src\n"
      "RUN go build -o /out/app .\n"
      "\n"
      "FROM gcr.io/distroless/static@sha256:abc\n"
      "COPY --from=builder /out/app /app\n"
      "ENTRYPOINT [\"/app\"]\n");
  ASSERT_NE(document.root, nullptr);
  const Node& root = *document.root;
  EXPECT_EQ(At(At(root, "directives"), "syntax").string_value(), "docker/dockerfile:1");

  const Node& args = At(root, "args");
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(At(args.item(0), "instruction").string_value(), "ARG");
  EXPECT_TRUE(At(args.item(0), "stage").is_null());

  const Node& stages = At(root, "stages");
  ASSERT_EQ(stages.size(), 2u);
  const Node& builder = stages.item(0);
  EXPECT_EQ(At(builder, "index").int_value(), 0);
  EXPECT_EQ(At(builder, "name").string_value(), "builder");
  const Node& from = At(builder, "from");
  EXPECT_EQ(At(from, "image").string_value(), "golang");
  EXPECT_EQ(At(from, "tag").string_value(), "${GO_VERSION}");
  EXPECT_TRUE(At(from, "digest").is_null());
  EXPECT_EQ(At(from, "platform").string_value(), "$BUILDPLATFORM");
  EXPECT_EQ(At(from, "reference").string_value(), "golang:${GO_VERSION}");
  const Node& builder_steps = At(builder, "instructions");
  ASSERT_EQ(builder_steps.size(), 3u);
  EXPECT_EQ(At(builder_steps.item(0), "instruction").string_value(), "FROM");
  EXPECT_EQ(At(builder_steps.item(2), "value").string_value(), "go build -o /out/app .");

  const Node& runtime = stages.item(1);
  EXPECT_EQ(At(runtime, "index").int_value(), 1);
  EXPECT_TRUE(At(runtime, "name").is_null());
  EXPECT_EQ(At(At(runtime, "from"), "image").string_value(), "gcr.io/distroless/static");
  EXPECT_TRUE(At(At(runtime, "from"), "tag").is_null());
  EXPECT_EQ(At(At(runtime, "from"), "digest").string_value(), "sha256:abc");
  EXPECT_TRUE(At(At(runtime, "from"), "platform").is_null());
  ASSERT_EQ(At(runtime, "instructions").size(), 3u);

  const Node& all = At(root, "instructions");
  ASSERT_EQ(all.size(), 7u);
  const int64_t kStages[] = {-1, 0, 0, 0, 1, 1, 1};
  for (size_t instruction_idx = 0; instruction_idx < all.size(); ++instruction_idx) {
    SCOPED_TRACE(instruction_idx);
    const Node& stage = At(all.item(instruction_idx), "stage");
    if (kStages[instruction_idx] < 0) {
      EXPECT_TRUE(stage.is_null());
    } else {
      EXPECT_EQ(stage.int_value(), kStages[instruction_idx]);
    }
  }
  EXPECT_EQ(At(Instruction(document, 5), "flags").Find("from")->string_value(), "builder");
}

TEST(DockerfileReaderTest, WritesTheDocumentedShape) {
  Document document = Read(
      "FROM alpine:3.19 AS base\n"
      "RUN --mount=type=cache,target=/var/cache/apk apk add curl\n");
  ASSERT_NE(document.root, nullptr);
  EXPECT_EQ(ToJson(*document.root),
            R"({"directives":{},"args":[],"stages":[{"index":0,"name":"base","from":)"
            R"({"image":"alpine","tag":"3.19","digest":null,"platform":null,)"
            R"("reference":"alpine:3.19"},"instructions":[)"
            R"({"instruction":"FROM","value":"alpine:3.19 AS base",)"
            R"("arguments":["alpine:3.19","AS","base"],"flags":{},"stage":0,"line":1,)"
            R"("end_line":1},)"
            R"({"instruction":"RUN","value":"apk add curl","arguments":["apk","add","curl"],)"
            R"("form":"shell","flags":{"mount":"type=cache,target=/var/cache/apk"},)"
            R"("stage":0,"line":2,"end_line":2}]}],)"
            R"("instructions":[)"
            R"({"instruction":"FROM","value":"alpine:3.19 AS base",)"
            R"("arguments":["alpine:3.19","AS","base"],"flags":{},"stage":0,"line":1,)"
            R"("end_line":1},)"
            R"({"instruction":"RUN","value":"apk add curl","arguments":["apk","add","curl"],)"
            R"("form":"shell","flags":{"mount":"type=cache,target=/var/cache/apk"},)"
            R"("stage":0,"line":2,"end_line":2}]})");
}

TEST(DockerfileReaderTest, SplitsImageReferences) {
  struct Case {
    const char* reference;
    const char* image;
    std::optional<std::string> tag;
    std::optional<std::string> digest;
  };
  const Case kCases[] = {
      {"alpine", "alpine", std::nullopt, std::nullopt},
      {"alpine:3.19", "alpine", "3.19", std::nullopt},
      {"localhost:5000/app", "localhost:5000/app", std::nullopt, std::nullopt},
      {"localhost:5000/team/app:v1", "localhost:5000/team/app", "v1", std::nullopt},
      {"app:v1@sha256:0123", "app", "v1", "sha256:0123"},
      {"app@sha256:0123", "app", std::nullopt, "sha256:0123"},
      {"${BASE:-alpine}", "${BASE:-alpine}", std::nullopt, std::nullopt},
      {"${REGISTRY}/app:${TAG:-latest}", "${REGISTRY}/app", "${TAG:-latest}", std::nullopt},
      {"scratch", "scratch", std::nullopt, std::nullopt},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.reference);
    Document document = Read(std::string("FROM ") + test.reference + "\n");
    ASSERT_NE(document.root, nullptr);
    const Node& from = At(At(*document.root, "stages").item(0), "from");
    EXPECT_EQ(At(from, "reference").string_value(), test.reference);
    EXPECT_EQ(At(from, "image").string_value(), test.image);
    const Node& tag = At(from, "tag");
    const Node& digest = At(from, "digest");
    EXPECT_EQ(tag.is_null() ? std::nullopt : std::optional<std::string>(tag.string_value()),
              test.tag);
    EXPECT_EQ(digest.is_null() ? std::nullopt : std::optional<std::string>(digest.string_value()),
              test.digest);
  }
}

TEST(DockerfileReaderTest, ExecFormTakesJsonItemsAndShellFormTakesWords) {
  struct Case {
    const char* line;
    const char* form;  // nullptr: no `form` key
    Words arguments;
  };
  const Case kCases[] = {
      {R"(CMD ["nginx", "-g", "daemon off;"])", "exec", {"nginx", "-g", "daemon off;"}},
      {R"(ENTRYPOINT [ ])", "exec", {}},
      {R"(SHELL ["/bin/bash", "-o", "pipefail", "-c"])",
       "exec",
       {"/bin/bash", "-o", "pipefail", "-c"}},
      {R"(RUN ["printf", "a\tb\u00e9\ud83d\ude00\ud800"])",
       "exec",
       {"printf", "a\tb\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD"}},
      {R"(CMD echo "hello world" 'single quoted' a\ b)",
       "shell",
       {"echo", "hello world", "single quoted", "a b"}},
      // Not a JSON array: Docker falls back to the shell form.
      {R"(CMD ["unterminated")", "shell", {"[unterminated"}},
      {R"(CMD ["a"] trailing)", "shell", {"[a]", "trailing"}},
      {R"(RUN ['single'])", "shell", {"[single]"}},
      {R"(RUN)", "shell", {}},
      // ADD, COPY and VOLUME take JSON items too, without a `form`.
      {R"(COPY ["my file.txt", "/dst/"])", nullptr, {"my file.txt", "/dst/"}},
      {R"(VOLUME /data /logs)", nullptr, {"/data", "/logs"}},
      {R"(EXPOSE 80/tcp 443)", nullptr, {"80/tcp", "443"}},
      {R"(USER "app user")", nullptr, {"app user"}},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.line);
    Document document = Read(std::string("FROM scratch\n") + test.line + "\n");
    const Node& instruction = Instruction(document, 1);
    if (!instruction.is_map()) continue;
    EXPECT_EQ(Strings(At(instruction, "arguments")), test.arguments);
    const Node* form = instruction.Find("form");
    if (test.form == nullptr) {
      EXPECT_EQ(form, nullptr);
    } else {
      ASSERT_NE(form, nullptr);
      EXPECT_EQ(form->string_value(), test.form);
    }
  }
}

TEST(DockerfileReaderTest, ValueIsTheTextAfterTheFlagsTrimmed) {
  Document document = Read(
      "FROM scratch\n"
      "CMD   [\"a\",  \"b\"]   \n"
      "COPY --chown=1:1   src   dst  \r\n");
  EXPECT_EQ(At(Instruction(document, 1), "value").string_value(), "[\"a\",  \"b\"]");
  EXPECT_EQ(At(Instruction(document, 2), "value").string_value(), "src   dst");
}

TEST(DockerfileReaderTest, CollectsFlagsAndRepeatedFlagsBecomeLists) {
  Document document = Read(
      "FROM scratch\n"
      "RUN --mount=type=cache,target=/root/.cache --network=none \\\n"
      "    --mount=type=secret,id=token pip install .\n"
      "COPY --link --chown=\"1000:1000\" a b\n"
      "RUN --security=insecure -- --not-a-flag\n");
  const Node& run = Instruction(document, 1);
  const Node& flags = At(run, "flags");
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags.entries()[0].key(), "mount");
  EXPECT_EQ(Strings(At(flags, "mount")),
            (Words{"type=cache,target=/root/.cache", "type=secret,id=token"}));
  EXPECT_EQ(At(flags, "network").string_value(), "none");
  EXPECT_EQ(At(run, "value").string_value(), "pip install .");
  EXPECT_EQ(KeyPosition(flags, "mount"), Pos(2, 5));
  EXPECT_EQ(At(flags, "mount").item(1).position(), Pos(3, 5));

  const Node& copy_flags = At(Instruction(document, 2), "flags");
  EXPECT_EQ(At(copy_flags, "link").kind(), NodeKind::kBool);
  EXPECT_TRUE(At(copy_flags, "link").bool_value());
  EXPECT_EQ(At(copy_flags, "chown").string_value(), "1000:1000");
  EXPECT_EQ(Strings(At(Instruction(document, 2), "arguments")), (Words{"a", "b"}));

  // A lone `--` ends the flags.
  const Node& insecure = Instruction(document, 3);
  EXPECT_EQ(At(At(insecure, "flags"), "security").string_value(), "insecure");
  EXPECT_EQ(At(insecure, "value").string_value(), "--not-a-flag");
}

TEST(DockerfileReaderTest, ReadsEnvArgAndLabelPairs) {
  struct Case {
    const char* line;
    std::vector<std::pair<std::string, std::optional<std::string>>> pairs;
  };
  const Case kCases[] = {
      {R"(ENV A=1 B="two words" C=three\ words D='$HOME')",
       {{"A", "1"}, {"B", "two words"}, {"C", "three words"}, {"D", "$HOME"}}},
      // The legacy form: the value is the rest of the line.
      {R"(ENV MESSAGE hello   "big" world)", {{"MESSAGE", "hello   big world"}}},
      {R"(ENV ONE TWO= THREE=world)", {{"ONE", "TWO= THREE=world"}}},
      {R"(ENV A=1 B=2 A=3)", {{"A", "3"}, {"B", "2"}}},
      {R"(ARG VERSION)", {{"VERSION", std::nullopt}}},
      {R"(ARG A=1 B= C)", {{"A", "1"}, {"B", ""}, {"C", std::nullopt}}},
      {R"(LABEL "com.example.vendor"="ACME Inc" version=1.0)",
       {{"com.example.vendor", "ACME Inc"}, {"version", "1.0"}}},
      {R"(LABEL description "multi word")", {{"description", "multi word"}}},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.line);
    Document document = Read(std::string("FROM scratch\n") + test.line + "\n");
    const Node& instruction = Instruction(document, 1);
    if (!instruction.is_map()) continue;
    const Node& pairs = At(instruction, "pairs");
    ASSERT_EQ(pairs.size(), test.pairs.size());
    for (size_t pair_idx = 0; pair_idx < test.pairs.size(); ++pair_idx) {
      const MapEntry& entry = pairs.entries()[pair_idx];
      EXPECT_EQ(entry.key(), test.pairs[pair_idx].first);
      if (test.pairs[pair_idx].second) {
        EXPECT_EQ(entry.value.string_value(), *test.pairs[pair_idx].second);
      } else {
        EXPECT_TRUE(entry.value.is_null());
      }
    }
  }
}

TEST(DockerfileReaderTest, PairsHaveTheirKeyAndValuePositions) {
  Document document = Read("FROM scratch\nENV A=1 \\\n    LONG_NAME=\"x y\"\n");
  const Node& pairs = At(Instruction(document, 1), "pairs");
  EXPECT_EQ(pairs.position(), Pos(2, 5));
  EXPECT_EQ(KeyPosition(pairs, "A"), Pos(2, 5));
  EXPECT_EQ(At(pairs, "A").position(), Pos(2, 7));
  EXPECT_EQ(KeyPosition(pairs, "LONG_NAME"), Pos(3, 5));
  EXPECT_EQ(At(pairs, "LONG_NAME").position(), Pos(3, 15));
  EXPECT_EQ(Instruction(document, 1).Find("heredocs"), nullptr);
  EXPECT_EQ(Instruction(document, 0).Find("pairs"), nullptr);
}

TEST(DockerfileReaderTest, HeredocsKeepTheirBodiesAndExtendTheInstruction) {
  Document document = Read(
      "FROM alpine\n"
      "RUN <<EOF\n"
      "set -e\n"
      "echo \"# not a comment\"\n"
      "EOF\n"
      "COPY <<-\"CONF\" /etc/app.conf\n"
      "\tkey=value\n"
      "\t\tnested\n"
      "\tCONF\n"
      "RUN <<A cat && 3<<B cat\n"
      "a\n"
      "A\n"
      "B\n"
      "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n"
      "RUN echo \"<<EOF\" and <<\n");
  const Node& run = Instruction(document, 1);
  const Node& heredocs = At(run, "heredocs");
  ASSERT_EQ(heredocs.size(), 1u);
  EXPECT_EQ(At(heredocs.item(0), "name").string_value(), "EOF");
  EXPECT_EQ(At(heredocs.item(0), "content").string_value(), "set -e\necho \"# not a comment\"\n");
  EXPECT_EQ(heredocs.item(0).position(), Pos(2, 5));
  EXPECT_EQ(At(heredocs.item(0), "content").position(), Pos(3, 1));
  EXPECT_EQ(At(run, "line").int_value(), 2);
  EXPECT_EQ(At(run, "end_line").int_value(), 5);
  EXPECT_EQ(At(run, "value").string_value(), "<<EOF");

  const Node& copy = Instruction(document, 2);
  const Node& conf = At(copy, "heredocs").item(0);
  EXPECT_EQ(At(conf, "name").string_value(), "CONF");
  EXPECT_EQ(At(conf, "content").string_value(), "key=value\nnested\n");
  EXPECT_EQ(Strings(At(copy, "arguments")), (Words{"<<-CONF", "/etc/app.conf"}));
  EXPECT_EQ(At(copy, "end_line").int_value(), 9);

  const Node& two = At(Instruction(document, 3), "heredocs");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(At(two.item(0), "content").string_value(), "a\n");
  EXPECT_EQ(At(two.item(1), "name").string_value(), "B");
  EXPECT_EQ(At(two.item(1), "content").string_value(), "");
  EXPECT_EQ(At(Instruction(document, 3), "end_line").int_value(), 13);

  // No heredocs in the exec form, in quotes, or without a name.
  EXPECT_EQ(Instruction(document, 4).Find("heredocs"), nullptr);
  EXPECT_EQ(Instruction(document, 5).Find("heredocs"), nullptr);
  EXPECT_EQ(At(Instruction(document, 5), "line").int_value(), 15);
}

TEST(DockerfileReaderTest, ContinuationLinesJoinAndKeepTheFirstLine) {
  Document document = Read(
      "FROM debian\n"
      "RUN apt-get update && \\\n"
      "    apt-get install -y \\\n"
      "      curl\n"
      "RUN echo \\\\\n"
      "RUN done\n");
  const Node& run = Instruction(document, 1);
  EXPECT_EQ(At(run, "value").string_value(), "apt-get update &&     apt-get install -y       curl");
  EXPECT_EQ(At(run, "line").int_value(), 2);
  EXPECT_EQ(At(run, "end_line").int_value(), 4);
  EXPECT_EQ(run.position(), Pos(2, 1));
  const Node& arguments = At(run, "arguments");
  ASSERT_EQ(arguments.size(), 7u);
  EXPECT_EQ(arguments.item(4).string_value(), "install");
  EXPECT_EQ(arguments.item(4).position(), Pos(3, 13));
  EXPECT_EQ(arguments.item(6).position(), Pos(4, 7));
  // An escaped escape character at the end of a line does not continue it.
  EXPECT_EQ(At(Instruction(document, 2), "value").string_value(), "echo \\\\");
  EXPECT_EQ(At(Instruction(document, 3), "line").int_value(), 6);
}

TEST(DockerfileReaderTest, CommentsAndBlankLinesInsideContinuationsAreSkipped) {
  Document document = Read(
      "FROM alpine\n"
      "RUN apk add \\\n"
      "# a comment \\\n"
      "    curl \\\n"
      "\n"
      "  \t\n"
      "    # an indented comment\n"
      "    git\n"
      "# RUN not an instruction\n"
      "  # neither\n"
      "RUN echo a#b\n");
  ASSERT_EQ(At(*document.root, "instructions").size(), 3u);
  const Node& run = Instruction(document, 1);
  EXPECT_EQ(At(run, "value").string_value(), "apk add     curl     git");
  EXPECT_EQ(At(run, "end_line").int_value(), 8);
  EXPECT_EQ(At(run, "arguments").item(3).position(), Pos(8, 5));
  EXPECT_EQ(At(Instruction(document, 2), "value").string_value(), "echo a#b");
}

TEST(DockerfileReaderTest, InstructionsArePositionedAtTheirKeyword) {
  Document document = Read(
      "\xEF\xBB\xBF"
      "# comment\n"
      "  ARG A\n"
      "from alpine\n"
      "\n"
      "\t run \"\xC3\xA9t\xC3\xA9\" x\n"
      "\\\n"
      "  CMD late\n"
      "ONBUILD   RUN echo\n");
  struct Case {
    size_t index;
    SourcePosition position;
  };
  const Case kCases[] = {
      {0, Pos(2, 3)}, {1, Pos(3, 1)}, {2, Pos(5, 3)}, {3, Pos(7, 3)}, {4, Pos(8, 1)}};
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.index);
    const Node& instruction = Instruction(document, test.index);
    EXPECT_EQ(instruction.position(), test.position);
    EXPECT_EQ(At(instruction, "instruction").position(), test.position);
    EXPECT_EQ(At(instruction, "line").position(), test.position);
    EXPECT_EQ(At(instruction, "line").kind(), NodeKind::kInt);
  }
  // Columns count code points.
  EXPECT_EQ(At(Instruction(document, 2), "arguments").item(1).position(), Pos(5, 13));
  EXPECT_EQ(At(Instruction(document, 2), "value").position(), Pos(5, 7));
  EXPECT_EQ(At(Instruction(document, 3), "line").int_value(), 6);
  EXPECT_EQ(At(At(Instruction(document, 4), "trigger"), "instruction").position(), Pos(8, 11));
  const Node& stage = At(*document.root, "stages").item(0);
  EXPECT_EQ(stage.position(), Pos(3, 1));
  EXPECT_EQ(At(stage, "from").position(), Pos(3, 6));
}

TEST(DockerfileReaderTest, KeywordsAreCaseInsensitiveAndUpperCased) {
  Document document = Read("from alpine as Base\nRun echo\nmaintainer Jane <jane@example.com>\n");
  EXPECT_EQ(At(Instruction(document, 0), "instruction").string_value(), "FROM");
  EXPECT_EQ(At(Instruction(document, 1), "instruction").string_value(), "RUN");
  EXPECT_EQ(At(Instruction(document, 2), "instruction").string_value(), "MAINTAINER");
  EXPECT_EQ(At(At(*document.root, "stages").item(0), "name").string_value(), "Base");
}

TEST(DockerfileReaderTest, EscapeDirectiveWithBacktickContinuesLines) {
  Document document = Read(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore\n"
      "RUN dir c:\\ `\n"
      "    && echo `\"done`\"\n"
      "COPY c:\\src\\ c:\\dst\\\n"
      "RUN next\n");
  EXPECT_EQ(At(At(*document.root, "directives"), "escape").string_value(), "`");
  const Node& run = Instruction(document, 1);
  EXPECT_EQ(At(run, "value").string_value(), "dir c:\\     && echo `\"done`\"");
  EXPECT_EQ(Strings(At(run, "arguments")), (Words{"dir", "c:\\", "&&", "echo", "\"done\""}));
  // A backslash no longer continues a line.
  EXPECT_EQ(Strings(At(Instruction(document, 2), "arguments")), (Words{"c:\\src\\", "c:\\dst\\"}));
  EXPECT_EQ(At(Instruction(document, 3), "line").int_value(), 6);
}

TEST(DockerfileReaderTest, ParserDirectivesAreOnlyReadAtTheTop) {
  struct Case {
    const char* text;
    std::vector<std::pair<std::string, std::string>> directives;
  };
  const Case kCases[] = {
      {"# syntax=docker/dockerfile:1.7\n#ESCAPE = `\n# check=skip=all\nFROM a\n",
       {{"syntax", "docker/dockerfile:1.7"}, {"escape", "`"}, {"check", "skip=all"}}},
      {"  # syntax = x  \nFROM a\n", {{"syntax", "x"}}},
      // A comment, a blank line or an unknown directive ends the directives.
      {"# hello\n# escape=`\nFROM a\n", {}},
      {"\n# escape=`\nFROM a\n", {}},
      {"# unknown=1\n# escape=`\nFROM a\n", {}},
      {"FROM a\n# escape=`\n", {}},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    Document document = Read(test.text);
    if (document.root == nullptr) continue;
    const Node& directives = At(*document.root, "directives");
    ASSERT_EQ(directives.size(), test.directives.size());
    for (size_t directive_idx = 0; directive_idx < test.directives.size(); ++directive_idx) {
      EXPECT_EQ(directives.entries()[directive_idx].key(), test.directives[directive_idx].first);
      EXPECT_EQ(directives.entries()[directive_idx].value.string_value(),
                test.directives[directive_idx].second);
    }
  }
  Document positioned = Read("#  syntax =  x\nFROM a\n");
  EXPECT_EQ(KeyPosition(At(*positioned.root, "directives"), "syntax"), Pos(1, 4));
  EXPECT_EQ(At(At(*positioned.root, "directives"), "syntax").position(), Pos(1, 14));
}

TEST(DockerfileReaderTest, ReadsHealthcheckAndOnbuild) {
  Document document = Read(
      "FROM nginx\n"
      "HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1\n"
      "HEALTHCHECK cmd [\"/bin/check\"]\n"
      "HEALTHCHECK none\n"
      "ONBUILD RUN --mount=type=cache,target=/c make\n"
      "ONBUILD COPY <<EOF /x\n"
      "body\n"
      "EOF\n");
  const Node& shell = Instruction(document, 1);
  EXPECT_EQ(At(shell, "type").string_value(), "CMD");
  EXPECT_EQ(At(shell, "form").string_value(), "shell");
  EXPECT_EQ(At(shell, "value").string_value(), "CMD curl -f http://localhost/ || exit 1");
  EXPECT_EQ(Strings(At(shell, "arguments")),
            (Words{"curl", "-f", "http://localhost/", "||", "exit", "1"}));
  EXPECT_EQ(At(At(shell, "flags"), "retries").string_value(), "3");

  const Node& exec = Instruction(document, 2);
  EXPECT_EQ(At(exec, "type").string_value(), "CMD");
  EXPECT_EQ(At(exec, "form").string_value(), "exec");
  EXPECT_EQ(Strings(At(exec, "arguments")), (Words{"/bin/check"}));

  const Node& none = Instruction(document, 3);
  EXPECT_EQ(At(none, "type").string_value(), "NONE");
  EXPECT_EQ(none.Find("form"), nullptr);
  EXPECT_EQ(At(none, "arguments").size(), 0u);

  const Node& onbuild = Instruction(document, 4);
  EXPECT_EQ(At(onbuild, "instruction").string_value(), "ONBUILD");
  EXPECT_EQ(At(onbuild, "value").string_value(), "RUN --mount=type=cache,target=/c make");
  const Node& trigger = At(onbuild, "trigger");
  EXPECT_EQ(At(trigger, "instruction").string_value(), "RUN");
  EXPECT_EQ(At(trigger, "value").string_value(), "make");
  EXPECT_EQ(At(trigger, "form").string_value(), "shell");
  EXPECT_EQ(At(At(trigger, "flags"), "mount").string_value(), "type=cache,target=/c");
  EXPECT_EQ(At(trigger, "stage").int_value(), 0);
  EXPECT_EQ(trigger.position(), Pos(5, 9));

  const Node& copy_trigger = At(Instruction(document, 5), "trigger");
  EXPECT_EQ(At(At(copy_trigger, "heredocs").item(0), "content").string_value(), "body\n");
  EXPECT_EQ(At(Instruction(document, 5), "end_line").int_value(), 8);
}

TEST(DockerfileReaderTest, AcceptsCrlfLineEndings) {
  Document document = Read("FROM a\r\nRUN x \\\r\n  y\r\nRUN <<EOF\r\nz\r\nEOF\r\n");
  EXPECT_EQ(At(Instruction(document, 1), "value").string_value(), "x   y");
  EXPECT_EQ(At(At(Instruction(document, 2), "heredocs").item(0), "content").string_value(),
            "z\r\n");
}

TEST(DockerfileReaderTest, ReportsErrorsAtTheirPosition) {
  struct Case {
    const char* text;
    const char* location;
    const char* fragment;
  };
  const Case kCases[] = {
      {"FROM alpine\nFOO bar\n", "D:2:1", "unknown instruction `FOO`"},
      {"FROM alpine\n\\\n   BOGUS x\n", "D:3:4", "unknown instruction `BOGUS`"},
      {"RUN echo\n", "D:1:1", "instruction `RUN` before the first FROM"},
      {"ARG A\n  copy a b\nFROM a\n", "D:2:3", "instruction `COPY` before the first FROM"},
      {"FROM\n", "D:1:1", "missing image after FROM"},
      {"FROM --platform=linux/arm64\n", "D:1:1", "missing image after FROM"},
      {"FROM a b\n", "D:1:8", "expected `AS <name>` after the image, found `b`"},
      {"FROM a AS\n", "D:1:8", "missing stage name after `AS`"},
      {"FROM a AS b c\n", "D:1:13", "unexpected `c` after the stage name"},
      {"FROM a\nRUN <<EOF\necho\n", "D:2:5", "unterminated heredoc `EOF`"},
      {"FROM a\nCOPY <<-END /x\n  END\n", "D:2:6", "unterminated heredoc `END`"},
      {"", "D:1:1", "no FROM instruction"},
      {"# just a comment\n\n", "D:1:1", "no FROM instruction"},
      {"ARG A=1\n", "D:1:1", "no FROM instruction"},
      {"FROM a\nRUN \xFF\n", "D:2:5", "invalid UTF-8 (byte 0xFF)"},
      {"FROM a\nCMD [\"a\", 1]\n", "D:2:5", "a JSON array form must hold only strings"},
      {"FROM a\nENV A\n", "D:2:5", "missing value after `A` in ENV"},
      {"FROM a\nENV A=1 B\n", "D:2:9", "expected `name=value` in ENV, found `B`"},
      {"FROM a\nLABEL =1\n", "D:2:7", "missing name before `=` in LABEL"},
      {"FROM a\nENV\n", "D:2:1", "missing `name=value` after ENV"},
      {"FROM a\nARG\n", "D:2:1", "missing name after ARG"},
      {"FROM a\nARG =x\n", "D:2:5", "missing name before `=` in ARG"},
      {"FROM a\nHEALTHCHECK\n", "D:2:1", "missing CMD or NONE after HEALTHCHECK"},
      {"FROM a\nHEALTHCHECK NONE x\n", "D:2:18", "HEALTHCHECK NONE takes no arguments"},
      {"FROM a\nHEALTHCHECK CHECK x\n", "D:2:13", "unknown HEALTHCHECK type `CHECK`"},
      {"FROM a\nHEALTHCHECK CMD\n", "D:2:13", "missing command after HEALTHCHECK CMD"},
      {"FROM a\nHEALTHCHECK CMD []\n", "D:2:13", "missing command after HEALTHCHECK CMD"},
      {"FROM a\nONBUILD\n", "D:2:1", "missing instruction after ONBUILD"},
      {"FROM a\nONBUILD FROM b\n", "D:2:9", "`FROM` is not allowed as an ONBUILD trigger"},
      {"FROM a\nONBUILD onbuild RUN x\n", "D:2:9", "`ONBUILD` is not allowed as an ONBUILD"},
      {"FROM a\nONBUILD MAINTAINER me\n", "D:2:9", "`MAINTAINER` is not allowed"},
      {"FROM a\nONBUILD BOGUS x\n", "D:2:9", "unknown instruction `BOGUS`"},
      {"# escape=x\nFROM a\n", "D:1:10", "invalid escape character `x`"},
      {"# escape=\\\n# Escape=`\nFROM a\n", "D:2:3", "only one `escape` parser directive"},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.text);
    EXPECT_THAT(ReadDockerfile(test.text, "D").status(),
                ErrorAt(test.location, StatusCode::kInvalidArgument, test.fragment));
  }
}

TEST(DockerfileReaderTest, EnforcesTheLimits) {
  ReadLimits input;
  input.max_input_bytes = 10;
  EXPECT_THAT(ReadDockerfile("FROM alpine\n", "D", input).status(),
              ErrorAt("D", StatusCode::kResourceExhausted, "exceeds the limit of 10 bytes"));

  ReadLimits scalar;
  scalar.max_scalar_bytes = 16;
  EXPECT_TRUE(ReadDockerfile("FROM alpine\nRUN 0123456789ab\n", "D", scalar).ok());
  EXPECT_THAT(ReadDockerfile("FROM alpine\nRUN 0123456789abc\n", "D", scalar).status(),
              ErrorAt("D:2:1", StatusCode::kResourceExhausted,
                      "instruction text exceeds the limit of 16 bytes"));
  // The joined text counts, not one physical line.
  EXPECT_THAT(
      ReadDockerfile("FROM alpine\n  RUN 01234 \\\n  56789 \\\n  abcdef\n", "D", scalar).status(),
      ErrorAt("D:2:3", StatusCode::kResourceExhausted, "instruction text exceeds"));
  EXPECT_THAT(
      ReadDockerfile("FROM a\nRUN <<EOF\n0123456789\n0123456789\nEOF\n", "D", scalar).status(),
      ErrorAt("D:2:5", StatusCode::kResourceExhausted,
              "heredoc `EOF` exceeds the limit of 16 bytes"));

  ReadLimits tree;
  tree.max_tree_bytes = 64 << 10;
  std::string many = "FROM alpine\n";
  for (int line_idx = 0; line_idx < 2000; ++line_idx) many += "RUN echo hello world\n";
  Status status = ReadDockerfile(many, "D", tree).status();
  EXPECT_EQ(status.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("memory limit"));
}

TEST(DockerfileReaderTest, LongInstructionsAndManyLinesStayLinear) {
  // One instruction of 100,000 continuation lines, and one line of 100,000 words with a
  // pair each: quadratic work would take minutes here.
  std::string text = "FROM alpine\nRUN echo \\\n";
  for (int line_idx = 0; line_idx < 100'000; ++line_idx) text += "  word \\\n";
  text += "  end\nENV";
  for (int pair_idx = 0; pair_idx < 100'000; ++pair_idx)
    text += " K" + std::to_string(pair_idx) + "=v";
  text += "\nRUN";
  for (int flag_idx = 0; flag_idx < 100'000; ++flag_idx) text += " --mount=x";
  text += " true\n";
  Document document = Read(text);
  ASSERT_NE(document.root, nullptr);
  EXPECT_EQ(At(Instruction(document, 1), "arguments").size(), 100'002u);
  EXPECT_EQ(At(Instruction(document, 1), "arguments").item(100'001).position(), Pos(100'003, 3));
  EXPECT_EQ(At(Instruction(document, 2), "pairs").size(), 100'000u);
  EXPECT_EQ(At(At(Instruction(document, 3), "flags"), "mount").size(), 100'000u);
}

TEST(DockerfileReaderTest, DocumentOutlivesTheInputText) {
  Document document;
  {
    std::string text = "FROM alpine\nENV A=\"quoted\" B=plain\nRUN [\"x\", \"y\\u00e9\"]\n";
    document = Read(text);
    text.assign(text.size(), '#');
  }
  ASSERT_NE(document.root, nullptr);
  EXPECT_EQ(At(At(Instruction(document, 1), "pairs"), "A").string_value(), "quoted");
  EXPECT_EQ(At(At(Instruction(document, 1), "pairs"), "B").string_value(), "plain");
  EXPECT_EQ(Strings(At(Instruction(document, 2), "arguments")), (Words{"x", "y\xC3\xA9"}));
  EXPECT_EQ(At(At(*document.root, "stages").item(0), "from").Find("image")->string_value(),
            "alpine");
}

TEST(DockerfileReaderTest, FuzzSeedsAreValidDockerfiles) {
  const char* source_dir = std::getenv("WARDEN_SOURCE_DIR");
  if (source_dir == nullptr) GTEST_SKIP() << "WARDEN_SOURCE_DIR is not set (ctest sets it)";
  const std::filesystem::path seeds =
      std::filesystem::path(source_dir) / "fuzz" / "corpus" / "data_dockerfile_fuzz";
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    SCOPED_TRACE(entry.path().string());
    // The seeds are named `*.Dockerfile`, so the format comes from the name.
    StatusOr<std::vector<Document>> documents = ReadDocumentsFromFile(entry.path().string());
    ASSERT_TRUE(documents.ok()) << documents.status().message();
    EXPECT_FALSE(At(*(*documents)[0].root, "stages").items().empty());
    ++count;
  }
  EXPECT_GE(count, 6u);
}

TEST(DockerfileReaderTest, ReadDocumentsGivesOneDocument) {
  StatusOr<std::vector<Document>> documents =
      ReadDocuments("FROM alpine\nRUN true\n", "Dockerfile", Format::kDockerfile);
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ((*documents)[0].file, "Dockerfile");
  EXPECT_EQ((*documents)[0].index, 0u);
  EXPECT_NE((*documents)[0].storage, nullptr);
  EXPECT_EQ(At(*(*documents)[0].root, "instructions").size(), 2u);
  EXPECT_EQ(std::string(FormatName(Format::kDockerfile)), "dockerfile");
  EXPECT_EQ(ReadDocuments("RUN x\n", "Dockerfile", Format::kDockerfile).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DockerfileReaderTest, FormatFromPathKnowsDockerfileNames) {
  struct Case {
    const char* path;
    std::optional<Format> format;
  };
  const Case kCases[] = {
      {"Dockerfile", Format::kDockerfile},
      {"dockerfile", Format::kDockerfile},
      {"build/DOCKERFILE", Format::kDockerfile},
      {"Containerfile", Format::kDockerfile},
      {"ci/containerfile", Format::kDockerfile},
      {"Dockerfile.prod", Format::kDockerfile},
      {"deploy/dockerfile.dev", Format::kDockerfile},
      {"app.dockerfile", Format::kDockerfile},
      {"app.Dockerfile", Format::kDockerfile},
      {"dir.json/Dockerfile", Format::kDockerfile},
      // The known extensions keep their formats.
      {"Dockerfile.json", Format::kJson},
      {"Dockerfile.yaml", Format::kYaml},
      {"app.toml", Format::kToml},
      {"a.yml", Format::kYaml},
      {"a.ndjson", Format::kJsonLines},
      // Not Dockerfiles.
      {"MyDockerfile", std::nullopt},
      {"Dockerfile.", std::nullopt},
      {".dockerfile", std::nullopt},
      {"Dockerfile/", std::nullopt},
      {"Dockerfiles", std::nullopt},
      {"Containerfile.prod", std::nullopt},
      {"docker-compose.txt", std::nullopt},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.path);
    EXPECT_EQ(FormatFromPath(test.path), test.format);
  }
}

TEST(DockerfileReaderTest, UnknownFileNamesListTheDockerfileNames) {
  Status status = ReadDocumentsFromFile("notes.txt").status();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), ::testing::HasSubstr("cannot tell the format"));
  EXPECT_THAT(status.message(), ::testing::HasSubstr("`Dockerfile`"));
}

}  // namespace
}  // namespace warden::data
