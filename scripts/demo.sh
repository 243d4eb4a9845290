#!/usr/bin/env bash
# `make demo`: evaluates every example CEL condition in examples/conditions.tsv against its
# example document and prints the results.
set -euo pipefail
warden="$(realpath "${1:?usage: demo.sh PATH_TO_WARDEN}")"
cd "$(dirname "$0")/../examples"
echo "Warden demo: CEL conditions over the example documents"
echo
status=0
while IFS=$'\t' read -r file name expression; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  printf '%s  (%s)\n    %s\n' "$name" "$file" "$expression"
  if ! "$warden" expr "$expression" --input "$file" 2>&1 | sed 's/^/    => /'; then
    status=1
  fi
  echo
done < conditions.tsv
exit "$status"
