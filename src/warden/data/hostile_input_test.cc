// Hostile and extreme inputs, run through the reader facade for every format: deep
// nesting, huge scalars, huge inputs, invalid UTF-8, duplicate keys, truncated and empty
// input. Each must end in a result or a positioned error, quickly and in bounded memory.

#include <string>
#include <vector>

#include "warden/base/arena.h"
#include "warden/data/reader.h"
#include "warden/data/test_util.h"

namespace warden::data {
namespace {

using testing::ErrorAt;

struct Case {
  const char* name;
  Format format;
  std::string text;
  const char* location;  // `file:line:column` of the expected error
  StatusCode code;
  const char* fragment;
};

std::string FileFor(Format format) { return std::string("f.") + FormatName(format); }

void ExpectError(const Case& test, const ReadLimits& limits = {}) {
  SCOPED_TRACE(test.name);
  StatusOr<std::vector<Document>> documents =
      ReadDocuments(test.text, FileFor(test.format), test.format, limits);
  EXPECT_THAT(documents.status(), ErrorAt(test.location, test.code, test.fragment));
}

std::string Repeat(std::string_view unit, size_t count) {
  std::string out;
  out.reserve(unit.size() * count);
  for (size_t copy = 0; copy < count; ++copy) out += unit;
  return out;
}

constexpr size_t kDeep = 100'000;
constexpr StatusCode kLimit = StatusCode::kResourceExhausted;
constexpr StatusCode kInvalid = StatusCode::kInvalidArgument;

TEST(HostileInputTest, DeepNestingStopsAtTheDepthLimit) {
  std::string yaml_block_maps;
  for (size_t level = 0; level < 2000; ++level) yaml_block_maps += std::string(level, ' ') + "a:\n";
  const Case kCases[] = {
      {"json arrays", Format::kJson, Repeat("[", kDeep), "f.json:1:1001", kLimit,
       "depth limit of 1000"},
      {"json objects", Format::kJson, Repeat("{\"a\":", kDeep), "f.json:1:5001", kLimit,
       "depth limit"},
      {"jsonl", Format::kJsonLines, "1\n" + Repeat("[", kDeep), "f.jsonl:2:1001", kLimit,
       "depth limit"},
      {"yaml flow sequences", Format::kYaml, Repeat("[", kDeep), "f.yaml:1:1001", kLimit,
       "depth limit"},
      {"yaml flow mappings", Format::kYaml, Repeat("{a: ", kDeep), "f.yaml:1:4001", kLimit,
       "depth limit"},
      {"yaml block sequences", Format::kYaml, Repeat("- ", kDeep) + "x\n", "f.yaml:1:2001", kLimit,
       "depth limit"},
      {"yaml block mappings", Format::kYaml, yaml_block_maps, "f.yaml:1001:1001", kLimit,
       "depth limit"},
      {"toml arrays", Format::kToml, "x = " + Repeat("[", kDeep), "f.toml:1:1004", kLimit,
       "depth limit"},
      {"toml inline tables", Format::kToml, "x = " + Repeat("{a = ", kDeep), "f.toml:1:5000",
       kLimit, "depth limit"},
      {"toml header", Format::kToml, "[a" + Repeat(".a", kDeep) + "]\n", "f.toml:1:1", kLimit,
       "depth limit"},
      {"toml dotted key", Format::kToml, "a" + Repeat(".a", kDeep) + " = 1\n", "f.toml:1:1", kLimit,
       "depth limit"},
      {"toml dotted keys in inline tables", Format::kToml, "x = " + Repeat("{a.a.a.a = ", kDeep),
       "f.toml:1:2745", kLimit, "depth limit"},
  };
  for (const Case& test : kCases) ExpectError(test);
}

TEST(HostileInputTest, HugeScalarAgainstALowerLimit) {
  const std::string big(100'000'000, 'a');
  ReadLimits limits;
  limits.max_scalar_bytes = 1 << 20;
  const Case kCases[] = {
      {"json", Format::kJson, "[\"" + big + "\"]", "f.json:1:2", kLimit,
       "scalar of 100000000 bytes"},
      {"jsonl", Format::kJsonLines, "\"" + big + "\"", "f.jsonl:1:1", kLimit,
       "scalar of 100000000 bytes"},
      {"yaml plain", Format::kYaml, "k: " + big + "\n", "f.yaml:1:4", kLimit,
       "scalar of 100000000 bytes"},
      {"yaml quoted", Format::kYaml, "k: \"" + big + "\"\n", "f.yaml:1:4", kLimit,
       "exceeds the limit of 1048576 bytes"},
      {"toml", Format::kToml, "k = \"" + big + "\"\n", "f.toml:1:5", kLimit,
       "scalar of 100000000 bytes"},
  };
  for (const Case& test : kCases) ExpectError(test, limits);
}

// About 100 MB of ordinary content per format, read with the default limits.
std::string GenerateInput(Format format, size_t target, size_t* documents) {
  std::string text;
  text.reserve(target + 1024);
  size_t count = 0;
  switch (format) {
    case Format::kJson:
      text = "[";
      while (text.size() < target) {
        text += "{\"name\":\"item-" + std::to_string(text.size()) +
                "\",\"value\":12345,\"tags\":[\"a\",\"b\"],\"ok\":true,\"ratio\":0.5},\n";
      }
      text += "null]";
      count = 1;
      break;
    case Format::kJsonLines:
      for (; text.size() < target; ++count) {
        text += "{\"kind\":\"Event\",\"id\":" + std::to_string(count) +
                ",\"labels\":{\"app\":\"web\",\"tier\":\"frontend\"},\"ready\":false,"
                "\"message\":\"container web in pod web-7d4b9c8f5-x2x9z restarted after a "
                "failed liveness probe\",\"count\":3}\n";
      }
      break;
    case Format::kYaml:
      for (; text.size() < target; ++count) {
        text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" +
                std::to_string(count) +
                "\n  labels: {app: web, tier: frontend}\ndata:\n  key: value\n  port: 8080\n"
                "  list: [a, b, c]\n";
      }
      break;
    case Format::kToml: {
      const std::string payload(1000, 'x');
      for (size_t key_idx = 0; text.size() < target; ++key_idx) {
        text += "k" + std::to_string(key_idx) + " = \"" + payload + "\"\n";
      }
      count = 1;
      break;
    }
    case Format::kDockerfile:
      // Not among the 100 MB inputs: a Dockerfile tree is about 9 times its input (see
      // docs/data-readers.md), over this test's bound; dockerfile_reader_test.cc reads
      // long Dockerfiles.
      break;
  }
  *documents = count;
  return text;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

TEST(HostileInputTest, HundredMegabyteInputsReadWithDefaultLimits) {
  for (Format format : {Format::kJson, Format::kJsonLines, Format::kYaml, Format::kToml}) {
    SCOPED_TRACE(FormatName(format));
    // libyaml allocates for every token; under AddressSanitizer that alone takes about
    // 25 s of CPU for 100 MB, so sanitized builds read a 20 MB stream (the release
    // benchmark covers the full size).
    const size_t target = format == Format::kYaml && kSanitized ? 20'000'000 : 100'000'000;
    size_t expected_documents = 0;
    const std::string text = GenerateInput(format, target, &expected_documents);
    StatusOr<std::vector<Document>> documents = ReadDocuments(text, FileFor(format), format);
    ASSERT_TRUE(documents.ok()) << documents.status().message();
    EXPECT_EQ(documents->size(), expected_documents);
    // The tree stays within a small multiple of the input.
    const size_t reserved = documents->front().storage->bytes_reserved();
    EXPECT_LT(reserved, 7 * text.size()) << reserved;
  }
}

TEST(HostileInputTest, InvalidUtf8IsAnErrorWithAPosition) {
  const Case kCases[] = {
      {"json", Format::kJson, "{\"a\":\n\"\xC3\x28\"}", "f.json:2:2", kInvalid, "invalid UTF-8"},
      {"jsonl", Format::kJsonLines, "{}\n\"\xF8\"", "f.jsonl:2:2", kInvalid, "invalid UTF-8"},
      {"yaml", Format::kYaml, "a: 1\nb: \xE2\x82\n", "f.yaml:2:4", kInvalid, "invalid UTF-8"},
      {"toml", Format::kToml, "a = 1\nb = '\x80'\n", "f.toml:2:6", kInvalid, "invalid UTF-8"},
  };
  for (const Case& test : kCases) ExpectError(test);
}

TEST(HostileInputTest, DuplicateKeysAreErrors) {
  const Case kCases[] = {
      {"json", Format::kJson, "{\"a\": 1,\n \"a\": 2}", "f.json:2:2", kInvalid,
       "duplicate key `a`"},
      {"jsonl", Format::kJsonLines, "{}\n{\"a\":1,\"a\":2}", "f.jsonl:2:8", kInvalid,
       "duplicate key `a`"},
      {"yaml", Format::kYaml, "a: 1\na: 2\n", "f.yaml:2:1", kInvalid, "duplicate key `a`"},
      {"toml", Format::kToml, "a = 1\na = 2\n", "f.toml:2:5", kInvalid,
       "cannot redefine existing integer `a`"},
  };
  for (const Case& test : kCases) ExpectError(test);
}

TEST(HostileInputTest, TruncatedInputIsAnError) {
  const Case kCases[] = {
      {"json", Format::kJson, "{\"a\": [1,", "f.json:1:10", kInvalid, "found the end of the input"},
      {"json string", Format::kJson, "{\"a\": \"x", "f.json:1:7", kInvalid, "unterminated string"},
      {"jsonl", Format::kJsonLines, "{}\n{\"a\"", "f.jsonl:2:5", kInvalid, "expected `:`"},
      {"yaml", Format::kYaml, "a: [1,", "f.yaml:2:1", kInvalid,
       "did not find expected node content"},
      {"yaml quoted", Format::kYaml, "a: 'x", "f.yaml:1:6", kInvalid, "unexpected end of stream"},
      {"toml", Format::kToml, "a = [1,", "f.toml:1:8", kInvalid, "encountered end-of-file"},
      {"toml string", Format::kToml, "a = \"x", "f.toml:1:7", kInvalid, "string"},
  };
  for (const Case& test : kCases) ExpectError(test);
}

TEST(HostileInputTest, EmptyInput) {
  EXPECT_THAT(ReadDocuments("", "f.json", Format::kJson).status(),
              ErrorAt("f.json:1:1", kInvalid, "expected a JSON value"));
  for (Format format : {Format::kJsonLines, Format::kYaml}) {
    StatusOr<std::vector<Document>> documents = ReadDocuments("", FileFor(format), format);
    ASSERT_TRUE(documents.ok());
    EXPECT_TRUE(documents->empty());
  }
  StatusOr<std::vector<Document>> toml = ReadDocuments("", "f.toml", Format::kToml);
  ASSERT_TRUE(toml.ok());
  ASSERT_EQ(toml->size(), 1u);
  EXPECT_TRUE((*toml)[0].root->is_map());
}

}  // namespace
}  // namespace warden::data
