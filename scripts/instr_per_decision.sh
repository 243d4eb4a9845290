#!/usr/bin/env bash
# Instructions per compact decision of the enterprise benchmark, counted by callgrind
# (repeatable whatever else the machine is doing). Only the decision loop is counted,
# not loading and checking the workload.
# Usage: scripts/instr_per_decision.sh BUILD_DIR [DECISIONS]
set -euo pipefail
build="${1:-build/release}"
decisions="${2:-20000}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
WARDEN_FIXED_DECISIONS="$decisions" valgrind --tool=callgrind --callgrind-out-file="$out" \
  --toggle-collect='*DecideFixedCount*' "$build/bench/engine_enterprise_bench" >/dev/null 2>&1
total=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
printf 'DecideCompact %6d instructions/decision\n' $((total / decisions))
