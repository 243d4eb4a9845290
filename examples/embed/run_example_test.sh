#!/usr/bin/env bash
# ctest `embed_example`: runs the embedding example and checks its exit code and key
# output lines.
#
#   run_example_test.sh EXAMPLE_BINARY AUTHZ_BUNDLE_DIR POLICIES_DIR
#
# POLICIES_DIR may be missing; the example then skips its document check.
set -u

if [[ $# -ne 3 ]]; then
  echo "usage: $0 EXAMPLE_BINARY AUTHZ_BUNDLE_DIR POLICIES_DIR" >&2
  exit 2
fi
binary=$1
authz=$2
policies=$3

output=$("$binary" "$authz" "$policies" 2>&1)
code=$?
printf '%s\n' "$output"
status=0
if [[ $code -ne 0 ]]; then
  echo "FAIL: exit code $code, expected 0" >&2
  status=1
fi

expect() {
  if ! grep -qxF -- "$1" <<<"$output"; then
    echo "FAIL: missing line: $1" >&2
    status=1
  fi
}
expect_match() {
  if ! grep -qE -- "$1" <<<"$output"; then
    echo "FAIL: no line matches: $1" >&2
    status=1
  fi
}

expect_match '^load: enterprise-authz 1\.0\.0 \(1 policies, sha256 [0-9a-f]{12}\)$'
expect "decide: export EU data outside the EU: deny by enterprise-governance/R04_deny_eu_export_outside_eu"
expect "decide: analyst reads PHI: require_approval by enterprise-governance/R07_approval_phi_read"
expect "  obligation: approval from data-owner"
expect "decide: developer reads in production: allow by enterprise-governance/R13_allow_dev_prod_readonly"
expect "concurrent: 3000 decisions on 2 threads, 0 mismatches"
if [[ -d $policies ]]; then
  expect_match '^check: [1-9][0-9]* violations, (blocked|not blocked)$'
else
  expect_match '^check: skipped '
fi
expect "ok"

# Bad usage is exit code 2.
"$binary" >/dev/null 2>&1
usage_code=$?
if [[ $usage_code -ne 2 ]]; then
  echo "FAIL: without arguments the exit code is $usage_code, expected 2" >&2
  status=1
fi

# A bundle that cannot be loaded is exit code 1 (an unexpected result).
"$binary" "$authz/no-such-bundle" >/dev/null 2>&1
missing_code=$?
if [[ $missing_code -ne 1 ]]; then
  echo "FAIL: with a missing bundle the exit code is $missing_code, expected 1" >&2
  status=1
fi

[[ $status -eq 0 ]] && echo "embed_example: ok"
exit $status
