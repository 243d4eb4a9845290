#!/usr/bin/env bash
# Enforces the module layer table of docs/architecture.md: a module may include only
# its own headers and those of the modules listed for it below, and third-party
# headers appear only in their one adapter file. The public embedding API
# (include/warden/*.h, included as `warden/<file>.h`) uses only the standard library
# and itself; of the modules, only service/ (which implements it) may include it.
set -uo pipefail
root="${1:-.}"
status=0

# The header an `#include` line names, without forking a process per line (the tree has
# thousands of them).
include_regex='^#include[[:space:]]*[<"]([^>"]+)[>"]'
include_target() {
  if [[ $1 =~ $include_regex ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}

# Public headers and the embedding example: standard headers (`<name>`, no `.h`) and
# public headers only.
while IFS= read -r file; do
  while IFS= read -r line; do
    included=$(include_target "$line")
    if [[ "$included" == warden/* ]]; then
      if [[ "$included" == warden/*/* ]] || [ ! -f "$root/include/$included" ]; then
        echo "$file: includes \`$included\`, which is not a public header" >&2
        status=1
      fi
    elif [[ "$included" == */* || "$included" == *.h ]]; then
      echo "$file: includes \`$included\`; public headers use only the standard library" >&2
      status=1
    fi
  done < <(grep -E '^#include' "$root/$file")
done < <(cd "$root" && find include examples/embed \( -name '*.h' -o -name '*.cc' \) 2>/dev/null |
         sort)

cd "$root/src/warden" || exit 2

# module -> modules it may include (besides itself)
declare -A allowed=(
  [base]=""
  [data]="base"
  [cel]="base data"
  [store]="base"
  [library]="base data"
  [policy]="base data cel library"
  [engine]="base data cel policy library"
  [tester]="base data cel policy engine library"
  [report]="base data cel policy engine tester library store"
  [service]="base data cel policy engine tester report store library"
  [cli]="base data cel policy engine tester report store service library"
  [server]="base data cel policy engine tester report store service library"
)

# Inside cel/: sub-library -> sub-libraries it may include (besides itself)
declare -A cel_allowed=(
  [common]=""
  [parse]="common"
  [check]="common"
  [runtime]="common"
  [lib]="common runtime"
  [eval]="common parse check runtime lib"
)

# third-party header prefix -> the only files allowed to include it
declare -A adapters=(
  ["yaml.h"]="data/yaml_reader.cc"
  ["toml++/"]="data/toml_reader.cc"
  ["re2/"]="cel/runtime/regex.cc"
  ["sqlite3.h"]="store/sqlite_connection.cc"
  ["libpq-fe.h"]="store/postgres_connection.cc"
)

while IFS= read -r file; do
  module="${file%%/*}"
  if [ -z "${allowed[$module]+set}" ]; then
    echo "$file: module \`$module\` is not in the layer table" >&2
    status=1
    continue
  fi
  while IFS= read -r line; do
    included=$(include_target "$line")
    if [[ "$included" == warden/* && "$included" != warden/*/* ]]; then
      if [ "$module" != service ]; then
        echo "$file: includes the public API \`$included\`, which only service/ may use" >&2
        status=1
      fi
      continue
    fi
    if [[ "$included" == warden/* ]]; then
      target="${included#warden/}"
      target="${target%%/*}"
      if [ "$target" != "$module" ] && [[ " ${allowed[$module]} " != *" $target "* ]]; then
        echo "$file: includes \`$included\`, but \`$module\` may not depend on \`$target\`" >&2
        status=1
      fi
      # Tests may use any cel/ sub-library to build their inputs (e.g. the parser).
      if [ "$module" = cel ] && [ "$target" = cel ] && [[ "$file" != *_test.cc ]]; then
        IFS=/ read -r _ from_sub _ <<<"$file"
        IFS=/ read -r _ _ to_sub _ <<<"$included"
        if [ "$from_sub" != "$to_sub" ] && [[ " ${cel_allowed[$from_sub]:-} " != *" $to_sub "* ]]; then
          echo "$file: includes \`$included\`, but cel/$from_sub may not depend on cel/$to_sub" >&2
          status=1
        fi
      fi
      continue
    fi
    for prefix in "${!adapters[@]}"; do
      if [[ "$included" == "$prefix"* ]] && [ "$file" != "${adapters[$prefix]}" ]; then
        echo "$file: includes \`$included\`, which only ${adapters[$prefix]} may include" >&2
        status=1
      fi
    done
  done < <(grep -E '^#include' "$file")
done < <(find . -name '*.h' -o -name '*.cc' | sed 's|^\./||' | sort)

if [ "$status" -eq 0 ]; then echo "layering: every include follows the layer table"; fi
exit "$status"
