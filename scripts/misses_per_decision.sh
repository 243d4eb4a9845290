#!/usr/bin/env bash
# Data-cache misses per compact decision of the enterprise benchmark, simulated by
# cachegrind with a 1 MiB last-level cache (about one core's L2 here), so the figure is
# repeatable whatever else the machine is doing. Two runs, with 0 and with N decisions;
# the difference divided by N excludes loading and checking the workload.
# Usage: scripts/misses_per_decision.sh BUILD_DIR [DECISIONS]
set -euo pipefail
build="${1:-build/release}"
decisions="${2:-100000}"
misses() {
  local log
  log=$(mktemp)
  WARDEN_FIXED_DECISIONS="$1" valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,8,64 \
    --cachegrind-out-file=/dev/null "$build/bench/engine_enterprise_bench" >/dev/null 2>"$log"
  grep 'LLd misses' "$log" | tr -d ',' | awk '{print $4}'
  rm -f "$log"
}
base=$(misses 0)
with=$(misses "$decisions")
awk -v a="$base" -v b="$with" -v n="$decisions" \
  'BEGIN { printf "DecideCompact %.1f last-level data misses/decision (1 MiB LL)\n", (b - a) / n }'
