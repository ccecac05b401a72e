#!/usr/bin/env bash
# Repeats, after CTest's summary, what each failed test printed: its lines
# that name an error, then its last lines. CI keeps only a log's head and
# tail, and a failure reported early in a parallel run is otherwise cut out.
# Usage: scripts/failed_tests.sh BUILD_DIR
set -uo pipefail
temporary="$1/Testing/Temporary"
[[ -f $temporary/LastTestsFailed.log && -f $temporary/LastTest.log ]] || exit 0
while IFS=: read -r _ name; do
  [[ -n $name ]] || continue
  echo "---- what ${name} printed (its errors, then its last 25 lines) ----"
  block=$(awk -v name="$name" '
    $0 ~ ("^[0-9]+/[0-9]+ Test: " name "$") { inside = 1; next }
    inside && $0 == "<end of output>" { exit }
    inside && started { print }
    inside && $0 == "Output:" { getline; started = 1 }' "$temporary/LastTest.log")
  grep -E -i -m 20 'error|fail|assert|timeout|terminate' <<<"$block" | grep -v -E 'Leaving test|Entering test|No errors detected'
  echo "  ..."
  tail -n 25 <<<"$block"
  echo
done <"$temporary/LastTestsFailed.log"
