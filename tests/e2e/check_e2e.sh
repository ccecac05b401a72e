#!/usr/bin/env bash
# End-to-end checks of `convlesson check` and the exit codes every command
# shares (0 ok, 1 a lesson failed, 2 usage).
# Usage: check_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# same_text EXPECTED_FILE ACTUAL_FILE
same_text() { diff -u "$1" "$2" >&2 || fail "$2 differs from $1"; }
# out_is TEXT / err_is TEXT: the whole stdout / stderr is TEXT (plus a newline).
out_is() { printf '%s\n' "$1" >"$work/want"; same_text "$work/want" "$work/out"; }
err_is() { printf '%s\n' "$1" >"$work/want"; same_text "$work/want" "$work/err"; }

case $case_name in
  shipped-lessons)
    run 0 check lessons
    n=$(find lessons -maxdepth 1 -name '*.yaml' | wc -l)
    out_is "checked $n lessons: $n ok, 0 failed"
    [[ ! -s $work/err ]] || { cat "$work/err" >&2; fail "the shipped lessons drew diagnostics"; }
    run 0 check  # lessons/ is the default
    out_is "checked $n lessons: $n ok, 0 failed"
    ;;
  bad-lessons)
    count=0
    for lesson in tests/bad/*.yaml; do
      run 1 check "$lesson"
      same_text "${lesson%.yaml}.expected" "$work/err"
      grep -qx 'checked 1 lesson: 0 ok, 1 failed\(, [0-9]* warnings\?\)\?' "$work/out" \
        || fail "summary for $lesson: $(cat "$work/out")"
      count=$((count + 1))
    done
    ((count >= 20)) || fail "only $count bad lessons"
    ;;
  huge-file)
    # Two MiB made here rather than committed; refused before it is parsed.
    { echo "title: Huge"; head -c 2097152 /dev/zero | tr '\0' '#'; echo; } >"$work/huge.yaml"
    (cd "$work" && "$bin" check huge.yaml >out 2>err) && fail "a 2 MiB lesson passed" || true
    err_is "huge.yaml: error: the file has 2097165 bytes; a lesson file must be at most 1 MiB"
    out_is "checked 1 lesson: 0 ok, 1 failed"
    ;;
  missing-path)
    run 1 check no/such/lesson.yaml
    err_is "no/such/lesson.yaml: error: no such file or folder"
    out_is "checked 0 lessons: 0 ok, 0 failed, 1 path not found"
    ;;
  several-paths)
    n=$(find lessons -maxdepth 1 -name '*.yaml' | wc -l)
    run 1 check lessons tests/bad/unknown-key.yaml lessons/conv-relu-pool.yaml
    same_text tests/bad/unknown-key.expected "$work/err"
    out_is "checked $((n + 1)) lessons: $n ok, 1 failed"
    ;;
  duplicate-ids)
    mkdir "$work/course"
    cp lessons/conv-relu-pool.yaml "$work/course/a.yaml"
    cp lessons/conv-relu-pool.yaml "$work/course/b.yaml"
    (cd "$work" && "$bin" check course >out 2>err) && fail "two lessons with one id passed" || true
    cat >"$work/want" <<'TEXT'
course/b.yaml:3:5: error: lesson id 'conv-relu-pool' is already used by course/a.yaml; each lesson needs its own id, which names its output folder
    3 | id: conv-relu-pool
      |     ^~~~~~~~~~~~~~
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 2 lessons: 1 ok, 1 failed"
    ;;
  werror)
    printf 'title: T\nimage: {pattern: vertical-bar}\nfilter: identity\nvariants:\n  - label: Same\n' >"$work/warn.yaml"
    (cd "$work" && "$bin" check warn.yaml >out 2>err) || fail "a warning failed the check without --werror"
    cat >"$work/want" <<'TEXT'
warn.yaml:5:5: warning: variant 'Same' changes nothing; it is the same as the base
    5 |   - label: Same
      |     ^
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 1 lesson: 1 ok, 0 failed, 1 warning"
    (cd "$work" && "$bin" check --werror warn.yaml >out 2>err) && fail "--werror let a warning pass" || true
    out_is "checked 1 lesson: 0 ok, 1 failed, 1 warning"
    ;;
  beats-warning)
    # Beats are planned after loading; check must still warn as build does.
    printf 'title: T\nimage: {pattern: vertical-bar}\nfilter: identity\nbeats: {per: cell, max: 20}\n' >"$work/beats.yaml"
    (cd "$work" && "$bin" check beats.yaml >out 2>err) || fail "a beats warning failed the check without --werror"
    cat >"$work/want" <<'TEXT'
beats.yaml:4:8: warning: variant 'Identity': per: cell would make 23 beats, more than max 20; showing one beat per output row (9 beats)
    4 | beats: {per: cell, max: 20}
      |        ^
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 1 lesson: 1 ok, 0 failed, 1 warning"
    (cd "$work" && "$bin" check --werror beats.yaml >out 2>err) && fail "--werror let a beats warning pass" || true
    out_is "checked 1 lesson: 0 ok, 1 failed, 1 warning"
    ;;
  usage)
    run 2 check --no-such-flag
    run 2 no-such-command
    run 2
    ;;
  help-version)
    run 0 --help
    grep -q 'check' "$work/out" || fail "--help does not mention check"
    run 0 check --help
    run 0 --version
    grep -qx 'convlesson [0-9]*\.[0-9]*\.[0-9]*' "$work/out" || fail "--version printed: $(cat "$work/out")"
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
