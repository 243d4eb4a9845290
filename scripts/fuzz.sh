#!/usr/bin/env bash
# Builds the fuzz preset (clang + libFuzzer) and runs every target for N seconds each,
# seeded from fuzz/corpus/<target>/. A crash fails the run and leaves the reproducer in
# build/fuzz/artifacts/. Without clang the run is skipped with a message.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")/.."
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; skipping fuzz runs (install clang and libclang-rt-14-dev)"
  exit 0
fi
cmake --preset fuzz >/dev/null
# Only the fuzz targets (and the libraries they link), not the CLI and examples.
targets=()
for source in fuzz/*_fuzz.cc; do targets+=("$(basename "$source" .cc)"); done
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}"
mkdir -p build/fuzz/artifacts

# Runs one target; a crash leaves its log's tail on stderr and a non-zero status.
run_target() {
  local target="$1" binary="build/fuzz/fuzz/$1" work="build/fuzz/corpus/$1"
  mkdir -p "$work"
  local seeds=()
  [ -d "fuzz/corpus/$target" ] && seeds+=("fuzz/corpus/$target")
  echo "fuzz: $target for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=0 "$work" "${seeds[@]}" \
      >"build/fuzz/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; see build/fuzz/$target.log" >&2
    tail -n 40 "build/fuzz/$target.log" >&2
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
