// A Program is immutable: many threads may evaluate it at once, each with its own
// EvalState. Under the dev preset this runs with ASan/UBSan; a data race that corrupts
// a result shows up as a wrong answer here.

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "warden/cel/eval/activation.h"
#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

constexpr int kThreads = 4;
constexpr int kEvaluationsPerThread = 10'000;
constexpr int kItems = 10;

std::string ItemsJson() {
  std::string json = "[";
  for (int item = 0; item < kItems; ++item) {
    if (item > 0) json += ",";
    json += R"({"name": "n)" + std::to_string(item) + R"(", "v": )" + std::to_string(item) + "}";
  }
  return json + "]";
}

// What the expression below yields for `k`.
std::vector<std::string> Expected(int64_t k) {
  std::vector<std::string> out;
  for (int64_t item = 0; item < kItems; ++item) {
    if (item % k == 0) out.push_back("n" + std::to_string(item) + ":" + std::to_string(item * k));
  }
  return out;
}

bool Matches(const Value& result, const std::vector<std::string>& expected) {
  if (result.kind() != ValueKind::kList || result.list_size() != expected.size()) return false;
  for (uint32_t item_idx = 0; item_idx < result.list_size(); ++item_idx) {
    Value item = result.list_item(item_idx);
    if (item.kind() != ValueKind::kString || item.string_view() != expected[item_idx]) return false;
  }
  return true;
}

// Filters a shared document, builds new strings (arena allocation) and reads a
// per-thread variable.
constexpr std::string_view kExpr =
    "items.filter(i, i.v % k == 0).map(i, i.name + ':' + string(i.v * k))";

TEST(ThreadSafetyTest, OneProgramEvaluatedConcurrently) {
  auto items = data::ReadJson(ItemsJson(), "items.json");
  ASSERT_TRUE(items.ok()) << items.status().message();
  auto env = Env::Create();
  env->DeclareVariable("items", Type::List(Type::Dyn()));
  env->DeclareVariable("k", Type::Int());
  CompileResult compiled = env->Compile(kExpr);
  ASSERT_TRUE(compiled.ok()) << compiled.FormatIssues();
  const Program& program = *compiled.program;

  std::array<int, kThreads> wrong{};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      const int64_t k = thread_idx + 1;
      const std::vector<std::string> expected = Expected(k);
      Activation activation(*env);
      activation.Bind("items", *items);
      activation.Bind("k", Value::Int(k));
      EvalState state;
      for (int eval_idx = 0; eval_idx < kEvaluationsPerThread; ++eval_idx) {
        if (!Matches(program.Evaluate(activation, state), expected))
          ++wrong[static_cast<size_t>(thread_idx)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    EXPECT_EQ(wrong[static_cast<size_t>(thread_idx)], 0) << "thread " << thread_idx;
  }
  // Sanity check that the expectation is not trivially met.
  EXPECT_EQ(Expected(3).size(), 4u);
}

TEST(ThreadSafetyTest, OneActivationSharedByThreads) {
  // A fully bound activation is read-only during evaluation and may be shared.
  auto items = data::ReadJson(ItemsJson(), "items.json");
  ASSERT_TRUE(items.ok());
  auto env = Env::Create();
  env->DeclareVariable("items", Type::List(Type::Dyn()));
  env->DeclareVariable("k", Type::Int());
  CompileResult compiled = env->Compile(kExpr);
  ASSERT_TRUE(compiled.ok());
  Activation activation(*env);
  activation.Bind("items", *items);
  activation.Bind("k", Value::Int(2));
  const std::vector<std::string> expected = Expected(2);

  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&] {
      EvalState state;
      for (int eval_idx = 0; eval_idx < kEvaluationsPerThread / 4; ++eval_idx) {
        if (!Matches(compiled.program->Evaluate(activation, state), expected)) ++wrong;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace warden::cel
