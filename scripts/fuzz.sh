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
status=0
for source in fuzz/*_fuzz.cc; do
  [ -e "$source" ] || continue
  target=$(basename "$source" .cc)
  binary="build/fuzz/fuzz/$target"
  work="build/fuzz/corpus/$target"
  mkdir -p "$work"
  seeds=()
  [ -d "fuzz/corpus/$target" ] && seeds+=("fuzz/corpus/$target")
  echo "fuzz: $target for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=0 "$work" "${seeds[@]}" \
      >"build/fuzz/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; see build/fuzz/$target.log" >&2
    tail -n 40 "build/fuzz/$target.log" >&2
    status=1
  fi
done
exit "$status"
