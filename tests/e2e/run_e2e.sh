#!/usr/bin/env bash
# End-to-end tests of the `warden` command line, driven by data.
#
#   tests/e2e/run_e2e.sh WARDEN_BINARY CASES_DIR [NAME_GLOB]
#
# Each case is a directory CASES_DIR/<name>/ holding:
#   cmd              one shell command line, run by bash with the case directory as the
#                    working directory; `warden` names the binary under test (it is first
#                    on PATH), e.g. `warden expr '1 + 2'` or
#                    `printf '{"expr": "1"}\n' | warden expr --batch -`
#   stdout           the exact expected standard output (or `stdout_contains`: fragments,
#                    one per line, that must each appear in it)
#   stderr           the exact expected standard error (or `stderr_contains`: fragments,
#                    one per line, that must each appear in it); neither means unchecked
#   exit_code        the expected exit status (of the last command of a pipeline)
# plus whatever input fixtures the command reads, by relative path.
#
# Each case gets a fresh empty directory in `$E2E_TMP` for what its command writes
# (`--output-file`, `warden init`); every occurrence of that directory's path in the
# actual standard output and error reads `<tmp>` before comparing. Directories whose name
# starts with `_` are not cases: they hold fixtures cases share (e.g.
# `cd ../_fixtures/check && warden check ...`).
#
# Prints `ok   <name>` or `FAIL <name>` (with the differences) per case, then
# `N passed, M failed`; exits 1 when any case fails, 2 on a usage error.
# NAME_GLOB (optional) runs only the cases whose name matches it.
#
# Cases must be deterministic: no wall clock (pass --now), no absolute paths.
#
# Management cases use the store `$E2E_STORE`, which reads `<store>` in their output: a
# SQLite file in the case's directory, or, when E2E_POSTGRES_URL_FILE names the URL file
# of a PostgreSQL cluster (scripts/test-postgres.sh), a schema of its own there, created
# with psql and dropped afterwards. The same cases and expected outputs then run on both
# stores.

set -u

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 WARDEN_BINARY CASES_DIR [NAME_GLOB]" >&2
  exit 2
fi
if [[ ! -x $1 || -d $1 ]]; then
  echo "$0: \`$1\` is not an executable file" >&2
  exit 2
fi
if [[ ! -d $2 ]]; then
  echo "$0: \`$2\` is not a directory" >&2
  exit 2
fi
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cases_dir="$(cd "$2" && pwd)"
name_glob="${3:-*}"

# A stable environment: byte-wise sorting and messages, UTC, no user configuration.
export LC_ALL=C
export TZ=UTC

scratch="$(mktemp -d "${TMPDIR:-/tmp}/warden-e2e.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin"
ln -s "$binary" "$scratch/bin/warden"
export PATH="$scratch/bin:$PATH"

# Runs with a timeout when coreutils' timeout exists, so a hung case fails instead of
# hanging the suite.
timeout_cmd=()
if command -v timeout >/dev/null 2>&1; then timeout_cmd=(timeout 120); fi

postgres_server=""
if [[ -n ${E2E_POSTGRES_URL_FILE:-} ]]; then
  postgres_server="$(head -n 1 "$E2E_POSTGRES_URL_FILE" 2>/dev/null)"
  if [[ -z $postgres_server ]] || ! command -v psql >/dev/null 2>&1; then
    echo "$0: E2E_POSTGRES_URL_FILE is set, but \`$E2E_POSTGRES_URL_FILE\` or psql is missing" >&2
    exit 2
  fi
fi

# Escapes $1 for a sed pattern.
sed_pattern() { printf '%s' "$1" | sed 's/[][\\.*^$|/]/\\&/g'; }

passed=0
failed=0
report=""
case_number=0

# check_fragments FRAGMENTS_FILE ACTUAL_FILE WHAT: every non-empty line of
# FRAGMENTS_FILE must occur in ACTUAL_FILE; appends what is missing to $report.
check_fragments() {
  local fragments="$1" actual="$2" what="$3" fragment ok=0
  while IFS= read -r fragment || [[ -n $fragment ]]; do
    [[ -z $fragment ]] && continue
    if ! grep -qF -- "$fragment" "$actual"; then
      report+="  $what lacks: $fragment"$'\n'
      ok=1
    fi
  done <"$fragments"
  if [[ $ok -ne 0 ]]; then
    report+="  actual $what:"$'\n'"$(sed 's/^/    /' "$actual")"$'\n'
  fi
  return $ok
}

# check_exact EXPECTED_FILE ACTUAL_FILE WHAT: appends a unified diff to $report.
check_exact() {
  local expected="$1" actual="$2" what="$3" diff_text
  if diff_text="$(diff -u --label "expected $what" --label "actual $what" "$expected" "$actual")"; then
    return 0
  fi
  report+="  ${diff_text//$'\n'/$'\n'  }"$'\n'
  return 1
}

shopt -s nullglob
# shellcheck disable=SC2206  # NAME_GLOB is meant to expand
case_dirs=("$cases_dir"/$name_glob/)
shopt -u nullglob
# Shared fixtures are not cases.
for index in "${!case_dirs[@]}"; do
  [[ $(basename "${case_dirs[$index]}") == _* ]] && unset 'case_dirs[index]'
done
case_dirs=("${case_dirs[@]}")
if [[ ${#case_dirs[@]} -eq 0 ]]; then
  echo "$0: no cases in \`$2\` matching \`$name_glob\`" >&2
  exit 2
fi

for case_dir in "${case_dirs[@]}"; do
  case_dir="${case_dir%/}"
  name="$(basename "$case_dir")"
  report=""
  status=0

  if [[ ! -f $case_dir/cmd || ! -f $case_dir/exit_code ]] ||
     [[ ! -f $case_dir/stdout && ! -f $case_dir/stdout_contains ]]; then
    report="  malformed case: needs cmd, exit_code and stdout (or stdout_contains)"$'\n'
    status=1
  else
    actual_stdout="$scratch/stdout"
    actual_stderr="$scratch/stderr"
    case_tmp="$scratch/tmp"
    rm -rf "$case_tmp" && mkdir -p "$case_tmp"
    case_number=$((case_number + 1))
    schema=""
    store="sqlite:$case_tmp/w.db"
    if [[ -n $postgres_server ]]; then
      schema="e2e_$$_$case_number"
      psql -q "$postgres_server/postgres" -c "CREATE SCHEMA $schema" >/dev/null
      store="$postgres_server/postgres?options=-csearch_path%3D$schema"
    fi
    (cd "$case_dir" && E2E_TMP="$case_tmp" E2E_STORE="$store" "${timeout_cmd[@]}" \
        bash --noprofile --norc ./cmd <"/dev/null" >"$actual_stdout" 2>"$actual_stderr")
    actual_code=$?
    if [[ -n $schema ]]; then
      PGOPTIONS="-c client_min_messages=warning" psql -q "$postgres_server/postgres" \
        -c "DROP SCHEMA $schema CASCADE" >/dev/null
    fi
    # The store (as given, and as named with its password hidden) and the scratch path
    # differ per run: show them as `<store>` and `<tmp>`.
    redacted="$(printf '%s' "$store" | sed -E 's#(://[^:/@]+:)[^@]*@#\1***@#')"
    sed -i -e "s/$(sed_pattern "$store")/<store>/g" -e "s/$(sed_pattern "$redacted")/<store>/g" \
      -e "s/$(sed_pattern "$case_tmp")/<tmp>/g" "$actual_stdout" "$actual_stderr"
    expected_code="$(tr -d '[:space:]' <"$case_dir/exit_code")"

    if [[ $actual_code != "$expected_code" ]]; then
      report+="  exit code: expected $expected_code, got $actual_code"$'\n'
      status=1
    fi
    if [[ -f $case_dir/stdout ]]; then
      check_exact "$case_dir/stdout" "$actual_stdout" stdout || status=1
    else
      check_fragments "$case_dir/stdout_contains" "$actual_stdout" stdout || status=1
    fi
    if [[ -f $case_dir/stderr ]]; then
      check_exact "$case_dir/stderr" "$actual_stderr" stderr || status=1
    elif [[ -f $case_dir/stderr_contains ]]; then
      check_fragments "$case_dir/stderr_contains" "$actual_stderr" stderr || status=1
    fi
    # When only the exit code is off, show stderr: it usually says why.
    if [[ $status -ne 0 && ! -f $case_dir/stderr && ! -f $case_dir/stderr_contains &&
          -s $actual_stderr ]]; then
      report+="  stderr:"$'\n'"$(sed 's/^/    /' "$actual_stderr")"$'\n'
    fi
  fi

  if [[ $status -eq 0 ]]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    printf '%s' "$report"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
