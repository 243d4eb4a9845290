#!/usr/bin/env bash
# Runs every benchmark of the release build with repetitions and prints medians.
# Usage: scripts/bench.sh BUILD_DIR
set -euo pipefail
build="${1:-build/release}"
cd "$(dirname "$0")/.."
for binary in "$build"/bench/*_bench; do
  [ -x "$binary" ] || continue
  echo "== $(basename "$binary")"
  "$binary" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_display_aggregates_only=true
done
