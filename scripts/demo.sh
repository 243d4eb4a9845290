#!/usr/bin/env bash
# `make demo`: the main jobs of Warden on the example repository in examples/.
#
#   1. validate the example policy bundle and run its unit tests (Test documents);
#   2. check the example configuration files with it, as a CI pipeline would for prod
#      (and for dev, where only privileged containers block), and with the built-in
#      template library alone (examples/builtin);
#   3. decide authorization requests with the enterprise bundle;
#   4. evaluate single CEL conditions with `warden expr`.
#
# Usage: scripts/demo.sh PATH_TO_WARDEN
# Findings make `warden check` exit with 1; that is the expected result here. Any other
# failure (2 usage, 3 invalid policies or inputs, 4 internal error) fails the demo.
set -euo pipefail
warden="$(realpath "${1:?usage: demo.sh PATH_TO_WARDEN}")"
cd "$(dirname "$0")/.."

bold="" plain=""
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then bold=$'\033[1m' plain=$'\033[0m'; fi
step() { printf '\n%s== %s%s\n$ %s\n\n' "$bold" "$1" "$plain" "$2"; }

# Runs a command and accepts the exit codes listed in $1 (comma-separated).
run_accepting() {
  local accepted="$1"
  shift
  local status=0
  "$@" || status=$?
  case ",$accepted," in
    *",$status,"*) return 0 ;;
  esac
  echo "demo: \`${*}\` exited with $status" >&2
  exit 1
}

check_step() {
  local status=0
  "$warden" check "$@" || status=$?
  case "$status" in
    0) echo "(exit code 0: nothing blocks)" ;;
    1) echo "(exit code 1: blocking findings, as expected; a pipeline would stop here)" ;;
    *)
      echo "demo: warden check exited with $status" >&2
      exit 1
      ;;
  esac
}

echo "Warden demo: policies as code over Kubernetes, Terraform, Dockerfiles and workflows"

step "1. Validate the policy bundle" "warden validate examples/policies"
run_accepting 0 "$warden" validate examples/policies

step "1b. Run the policies' unit tests" \
  "warden test -b examples/policies -v && warden test -b examples/authz -v"
run_accepting 0 "$warden" test -b examples/policies -v
run_accepting 0 "$warden" test -b examples/authz -v

step "2. Check the example inputs for prod" \
  "warden check -b examples/policies --env prod examples/inputs"
check_step -b examples/policies --env prod examples/inputs

step "2b. The same inputs for dev: everything warns except privileged containers" \
  "warden check -b examples/policies --env dev --quiet examples/inputs"
check_step -b examples/policies --env dev --quiet examples/inputs

step "2c. The built-in library: templates, and the same inputs checked with them alone" \
  "warden templates list && warden check -b examples/builtin --env prod --quiet examples/inputs"
run_accepting 0 "$warden" templates list
check_step -b examples/builtin --env prod --quiet examples/inputs

step "2d. Which compliance controls the built-in rules support" "warden frameworks list"
run_accepting 0 "$warden" frameworks list

step "3. Explain one authorization decision" \
  "warden eval -b examples/authz --request examples/authz/requests/analyst-reads-phi.json --explain"
run_accepting 0 "$warden" eval -b examples/authz \
  --request examples/authz/requests/analyst-reads-phi.json --explain

step "3b. Decide a batch of requests (JSON Lines in, one decision per line out)" \
  "warden eval -b examples/authz --requests examples/authz/requests/requests.jsonl"
decisions="$(mktemp)"
trap 'rm -f "$decisions"' EXIT
run_accepting 0 "$warden" eval -b examples/authz \
  --requests examples/authz/requests/requests.jsonl >"$decisions"
echo "The first decision line in full:"
head -n 1 "$decisions"
echo
echo "Every request (role, action, resource) and its decision with the deciding rule:"
paste -d '\t' examples/authz/requests/requests.jsonl "$decisions" | while IFS=$'\t' read -r request decision; do
  role="$(sed -E 's/.*"role": "([^"]*)".*/\1/' <<<"$request")"
  action="$(sed -E 's/.*"action": "([^"]*)".*/\1/' <<<"$request")"
  resource="$(sed -E 's/.*"resource": "([^"]*)".*/\1/' <<<"$request")"
  verdict="$(sed -E 's/^\{"decision": ?"([a-z_]+)".*/\1/' <<<"$decision")"
  rule="$(sed -nE 's/.*"rule": ?"([^"]*)".*/\1/p' <<<"$decision")"
  printf '  %-10s %-19s %-35s -> %-16s %s\n' "$role" "$action" "$resource" "$verdict" \
    "${rule:-(bundle default)}"
done

step "4. Single CEL conditions over example documents" \
  "warden expr EXPRESSION --input FILE   (examples/conditions.tsv)"
status=0
while IFS=$'\t' read -r file name expression; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  printf '%s  (%s)\n    %s\n' "$name" "$file" "$expression"
  if ! "$warden" expr "$expression" --input "examples/$file" 2>&1 | sed 's/^/    => /'; then
    status=1
  fi
  echo
done <examples/conditions.tsv
if [[ "$status" -ne 0 ]]; then
  echo "demo: a CEL condition failed to evaluate" >&2
  exit 1
fi

echo "Demo complete. The policies are in examples/policies, the inputs in examples/inputs;"
echo "docs/language.md describes the language and docs/ci.md how to run Warden in CI."
