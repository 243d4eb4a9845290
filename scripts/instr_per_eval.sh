#!/usr/bin/env bash
# Instructions per evaluation of each celmicro expression, counted by callgrind:
# repeatable whatever else the machine is doing (wall-clock timings on a shared 2-core
# machine are not). Usage: scripts/instr_per_eval.sh BUILD_DIR [EVALS]
set -euo pipefail
build="${1:-build/release}"
evals="${2:-2000}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for id in $("$build/bench/cel_micro_bench" --benchmark_list_tests); do
  WARDEN_FIXED_EVALS="$evals" WARDEN_CASE="$id" valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='*EvaluateFixedCount*' "$build/bench/cel_micro_bench" >/dev/null 2>&1
  total=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
  printf '%-24s %6d instructions/eval\n' "$id" $((total / evals))
done
