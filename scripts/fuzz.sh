#!/usr/bin/env bash
# Builds a fuzz preset (clang + libFuzzer) and runs every target for N seconds each,
# seeded from fuzz/corpus/<target>/. A crash fails the run and leaves the reproducer in
# build/PRESET/artifacts/. Without clang the run is skipped with a message.
#
#   scripts/fuzz.sh SECONDS [PRESET]
#
# PRESET `fuzz` (the default, -O1) is for real fuzzing runs; `fuzz-smoke` (-O0) builds
# in two thirds of the time, for `make test`'s short smoke runs.
set -euo pipefail
seconds="${1:-60}"
preset="${2:-fuzz}"
cd "$(dirname "$0")/.."
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; skipping fuzz runs (install clang and libclang-rt-14-dev)"
  exit 0
fi
cmake --preset "$preset" >/dev/null
# Only the fuzz targets (and the libraries they link), not the CLI and examples.
targets=()
for source in fuzz/*_fuzz.cc; do targets+=("$(basename "$source" .cc)"); done
cmake --build --preset "$preset" -j "$(nproc)" --target "${targets[@]}"
out="build/$preset"
mkdir -p "$out/artifacts"

# Runs one target; a crash leaves its log's tail on stderr and a non-zero status.
run_target() {
  local target="$1" binary="$out/fuzz/$1" work="$out/corpus/$1"
  mkdir -p "$work"
  local seeds=()
  [ -d "fuzz/corpus/$target" ] && seeds+=("fuzz/corpus/$target")
  echo "fuzz: $target for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="$out/artifacts/" -print_final_stats=0 "$work" "${seeds[@]}" \
      >"$out/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; see $out/$target.log" >&2
    tail -n 40 "$out/$target.log" >&2
    return 1
  fi
}

# One target per core at a time: each fuzzer is single-threaded.
parallel="$(nproc)"
status=0
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit "$status"
