// The "celmicro" workload of shared/bench/SCENARIOS.md §2: 12 expressions over one fixed
// input, each compiled once, checked against its expected value, then evaluated
// repeatedly. The activation is built once outside the timed loop. Reports ns per
// evaluation and heap allocations per evaluation (counted by a replaced operator new).
//
//   make bench   (or: build/release/bench/cel_micro_bench --benchmark_repetitions=5)

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "warden/cel/eval/env.h"
#include "warden/cel/eval/program.h"
#include "warden/data/json_reader.h"

namespace {

std::atomic<uint64_t> g_allocations{0};

}  // namespace

// GCC flags the free() below as mismatched with the replaced operator new; both use
// malloc/free, so the pairing is correct.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, size_t) noexcept { std::free(memory); }

namespace {

using warden::cel::Activation;
using warden::cel::CompileResult;
using warden::cel::Env;
using warden::cel::EvalState;
using warden::cel::Type;
using warden::cel::Value;

std::string InputJson() {
  std::string containers;
  for (int index = 0; index < 10; ++index) {
    std::string i = std::to_string(index);
    if (index > 0) containers += ",";
    containers += R"({"name": "app-)" + i + R"(", "image": "registry.example.com/payments/app-)" +
                  i + R"(:1.2.)" + i +
                  R"(", "securityContext": {"privileged": false, "runAsNonRoot": true}, )"
                  R"("resources": {"limits": {"cpu": "500m", "memory": "256Mi"}}})";
  }
  return R"({
  "subject": {"id": "user-0042", "role": "developer", "email": "dev.42@example.com",
              "groups": ["eng", "oncall", "sre"], "mfa": true},
  "action": "data:read",
  "resource": "dataset://eu_citizens/customers",
  "context": {"environment": "production", "destination_region": "eu-west-1", "ip": "10.1.2.3"},
  "org": {"monthly_cost": 8500.0, "budget": 10000.0},
  "object": {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "payments-api", "namespace": "payments",
                          "labels": {"app": "api", "team": "payments"}},
             "spec": {"hostNetwork": false, "containers": [)" +
         containers + "]}}}";
}

struct Case {
  const char* id;
  bool expected;
  const char* expression;
};

const Case kCases[] = {
    {"E00_const_true", true, "true"},
    {"E01_field_eq", true, R"(subject.role == "developer")"},
    {"E02_nested_field", true, R"(object.metadata.labels.team == "payments")"},
    {"E03_starts_with", true, R"(resource.startsWith("dataset://eu_citizens/"))"},
    {"E04_matches", true, R"(subject.email.matches("^[a-z0-9._%+-]+@example[.]com$"))"},
    {"E05_in_list", true,
     R"(context.destination_region in ["eu-west-1", "eu-central-1", "eu-north-1"])"},
    {"E06_exists_10_none", false, "object.spec.containers.exists(c, c.securityContext.privileged)"},
    {"E07_all_10_startswith", true,
     R"(object.spec.containers.all(c, c.image.startsWith("registry.example.com/")))"},
    {"E08_arith_budget", true, "org.monthly_cost >= org.budget * 0.8"},
    {"E09_has", true, "has(object.spec.hostNetwork) && !object.spec.hostNetwork"},
    {"E10_compound_authz", true,
     R"(subject.role in ["admin", "developer"] && action == "data:read" && context.environment == "production" && !resource.startsWith("dataset://phi/"))"},
    {"E11_all_10_has", true,
     "object.spec.containers.all(c, has(c.resources.limits) && has(c.resources.limits.memory))"},
};

struct Fixture {
  std::shared_ptr<Env> env = Env::Create();
  warden::data::Document input;
  std::unique_ptr<Activation> activation;

  Fixture() {
    auto document = warden::data::ReadJson(InputJson(), "celmicro.json");
    if (!document.ok()) {
      std::fprintf(stderr, "celmicro: %s\n", document.status().message().c_str());
      std::abort();
    }
    input = std::move(*document);
    for (const auto& entry : input.root->entries()) {
      env->DeclareVariable(std::string(entry.key()), Type::Dyn());
    }
    activation = std::make_unique<Activation>(*env);
    for (const auto& entry : input.root->entries()) {
      activation->Bind(entry.key(), Value::FromNode(entry.value));
    }
  }
};

Fixture& GetFixture() {
  static Fixture* fixture = new Fixture();
  return *fixture;
}

void BM_CelMicro(benchmark::State& state, const Case& test_case) {
  Fixture& fixture = GetFixture();
  CompileResult compiled = fixture.env->Compile(test_case.expression);
  if (!compiled.ok()) {
    state.SkipWithError(compiled.FormatIssues().c_str());
    return;
  }
  EvalState eval_state;
  Value check = compiled.program->Evaluate(*fixture.activation, eval_state);
  if (!check.is_bool() || check.bool_value() != test_case.expected) {
    state.SkipWithError("wrong result: the checked value differs from the expected one");
    return;
  }
  const warden::cel::Program& program = *compiled.program;
  uint64_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    Value result = program.Evaluate(*fixture.activation, eval_state);
    benchmark::DoNotOptimize(result);
  }
  uint64_t allocations = g_allocations.load() - allocations_before;
  state.counters["allocs_per_eval"] = benchmark::Counter(static_cast<double>(allocations) /
                                                         static_cast<double>(state.iterations()));
}

int RegisterAll() {
  for (const Case& test_case : kCases) {
    benchmark::RegisterBenchmark(test_case.id, BM_CelMicro, test_case);
  }
  return 0;
}

const int kRegistered = RegisterAll();

// Evaluates `program` exactly `count` times: the unit scripts/instr_per_eval.sh counts
// instructions in with callgrind.
__attribute__((noinline)) void EvaluateFixedCount(const warden::cel::Program& program,
                                                  const Activation& activation, EvalState& state,
                                                  int count) {
  for (int eval_idx = 0; eval_idx < count; ++eval_idx) {
    Value result = program.Evaluate(activation, state);
    benchmark::DoNotOptimize(result);
  }
}

// With WARDEN_FIXED_EVALS=N and WARDEN_CASE=id: evaluate that case N times, no timing.
int RunFixedCount(const char* count_text, const char* case_id) {
  Fixture& fixture = GetFixture();
  for (const Case& test_case : kCases) {
    if (case_id != nullptr && std::string(case_id) != test_case.id) continue;
    CompileResult compiled = fixture.env->Compile(test_case.expression);
    if (!compiled.ok()) return 1;
    EvalState state;
    EvaluateFixedCount(*compiled.program, *fixture.activation, state, std::atoi(count_text));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (const char* count = std::getenv("WARDEN_FIXED_EVALS")) {
    return RunFixedCount(count, std::getenv("WARDEN_CASE"));
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
