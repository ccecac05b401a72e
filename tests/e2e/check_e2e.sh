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
    # lessons/course.yaml is the course file (docs/course-file.md), not a lesson.
    n=$(find lessons -maxdepth 1 -name '*.yaml' ! -name course.yaml | wc -l)
    out_is "checked $n lessons: $n ok, 0 failed; course file ok"
    [[ ! -s $work/err ]] || { cat "$work/err" >&2; fail "the shipped lessons drew diagnostics"; }
    run 0 check  # lessons/ is the default
    out_is "checked $n lessons: $n ok, 0 failed; course file ok"
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
    ((count >= 100)) || fail "only $count bad lessons"
    ;;
  huge-file)
    # Two MiB made here rather than committed; refused before it is parsed.
    { echo "title: Huge"; head -c 2097152 /dev/zero | tr '\0' '#'; echo; } >"$work/huge.yaml"
    run_in "$work" 1 check huge.yaml
    err_is "huge.yaml: error: the file has 2097165 bytes; a lesson file must be at most 1 MiB"
    out_is "checked 1 lesson: 0 ok, 1 failed"
    ;;
  missing-path)
    run 1 check no/such/lesson.yaml
    err_is "no/such/lesson.yaml: error: no such file or folder"
    out_is "checked 0 lessons: 0 ok, 0 failed, 1 path not found"
    ;;
  several-paths)
    n=$(find lessons -maxdepth 1 -name '*.yaml' ! -name course.yaml | wc -l)
    run 1 check lessons tests/bad/unknown-key.yaml lessons/conv-relu-pool.yaml
    same_text tests/bad/unknown-key.expected "$work/err"
    out_is "checked $((n + 1)) lessons: $n ok, 1 failed; course file ok"
    ;;
  duplicate-ids)
    mkdir "$work/course"
    cp lessons/conv-relu-pool.yaml "$work/course/a.yaml"
    cp lessons/conv-relu-pool.yaml "$work/course/b.yaml"
    cp lessons/conv-relu-pool.yaml "$work/course/c.yaml"
    cp lessons/dilation.yaml "$work/course/d.yaml"
    run_in "$work" 1 check course
    cat >"$work/want" <<'TEXT'
course/a.yaml:3:5: error: lesson id 'conv-relu-pool' is also the id of course/b.yaml and course/c.yaml; each lesson needs its own id, which names its output folder
    3 | id: conv-relu-pool
      |     ^~~~~~~~~~~~~~
course/b.yaml:3:5: error: lesson id 'conv-relu-pool' is also the id of course/a.yaml and course/c.yaml; each lesson needs its own id, which names its output folder
    3 | id: conv-relu-pool
      |     ^~~~~~~~~~~~~~
course/c.yaml:3:5: error: lesson id 'conv-relu-pool' is also the id of course/a.yaml and course/b.yaml; each lesson needs its own id, which names its output folder
    3 | id: conv-relu-pool
      |     ^~~~~~~~~~~~~~
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 4 lessons: 1 ok, 3 failed"
    ;;
  werror)
    printf 'title: T\nimage: {pattern: vertical-bar}\nfilter: identity\nvariants:\n  - label: Same\n' >"$work/warn.yaml"
    run_in "$work" 0 check warn.yaml
    cat >"$work/want" <<'TEXT'
warn.yaml:5:5: warning: variant 'Same' changes nothing; it is the same as the base
    5 |   - label: Same
      |     ^
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 1 lesson: 1 ok, 0 failed, 1 warning"
    run_in "$work" 1 check --werror warn.yaml
    out_is "checked 1 lesson: 0 ok, 1 failed, 1 warning"
    ;;
  beats-warning)
    # Beats are planned after loading; check must still warn as build does.
    printf 'title: T\nimage: {pattern: vertical-bar}\nfilter: identity\nbeats: {per: cell, max: 20}\n' >"$work/beats.yaml"
    run_in "$work" 0 check beats.yaml
    cat >"$work/want" <<'TEXT'
beats.yaml:4:8: warning: variant 'Identity': per: cell would make 23 beats, more than max 20; showing one beat per output row (9 beats)
    4 | beats: {per: cell, max: 20}
      |        ^
TEXT
    same_text "$work/want" "$work/err"
    out_is "checked 1 lesson: 1 ok, 0 failed, 1 warning"
    run_in "$work" 1 check --werror beats.yaml
    out_is "checked 1 lesson: 0 ok, 1 failed, 1 warning"
    ;;
  reserved-ids)
    # Ids the course's own outputs use (out/assets/, out/index.html,
    # out/course.pdf), whether written or taken from the file name.
    declare -A output=([assets]="the shared assets/ folder" [index]="the course index, index.html"
                       [course]="the course handout, course.pdf")
    for id in assets index course; do
      printf 'id: %s\ntitle: T\nimage: {pattern: vertical-bar}\nfilter: identity\n' "$id" >"$work/lesson.yaml"
      run_in "$work" 1 check lesson.yaml
      cat >"$work/want" <<TEXT
lesson.yaml:1:5: error: lesson id '$id' is the name of a course output in out/ (${output[$id]}); choose another id
    1 | id: $id
      |     ^$(printf '%*s' $((${#id} - 1)) '' | tr ' ' '~')
TEXT
      same_text "$work/want" "$work/err"
      out_is "checked 1 lesson: 0 ok, 1 failed"
    done
    printf 'title: T\nimage: {pattern: vertical-bar}\nfilter: identity\n' >"$work/index.yaml"
    run_in "$work" 1 check index.yaml
    err_is "index.yaml: error: the id defaults to the file name 'index', which is the name of a course output in out/ (the course index, index.html); rename the file or add an id key"
    ;;
  strict-numbers)
    # Only plain decimal numbers: what strtod would also read is a usage error.
    for scale in nan NaN -nan inf 1e999 1e0 0x2 2abc .5 2. '' ' 2' 2,5; do
      run 2 build "$work/none" -o "$work/out-dir" --scale "$scale"
      grep -qF -- "--scale: '$scale' is not a decimal number such as 2 or 1.5" "$work/err" \
        || fail "--scale '$scale': $(cat "$work/err")"
    done
    for jobs in 0x2 1e1 2.0 2abc 0b1 nan; do
      run 2 build "$work/none" -o "$work/out-dir" -j "$jobs"
      grep -qF -- "'$jobs' is not a whole number such as 4" "$work/err" || fail "-j '$jobs': $(cat "$work/err")"
    done
    run 2 watch "$work/none" -o "$work/out-dir" --interval 1e3
    grep -qF -- "--interval: '1e3' is not a whole number such as 4" "$work/err" || fail "--interval: $(cat "$work/err")"
    run 2 dump --stage scene lessons/conv-relu-pool.yaml --beat 0x1
    grep -qF -- "--beat: '0x1' is not a whole number such as 4" "$work/err" || fail "--beat: $(cat "$work/err")"
    run 2 build "$work/none" -o "$work/out-dir" --scale 9  # a number, but out of range
    # Plain numbers in range pass option checking: the build then fails only
    # because the lesson folder does not exist (exit 1, not 2).
    run 1 build "$work/none" -o "$work/out-dir" --scale 1.5 -j 2
    run 1 build "$work/none" -o "$work/out-dir" --scale 2 -j 0
    [[ ! -e $work/out-dir/index.html ]] || fail "a refused build wrote a course"
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
    # The version and the source revision (git describe at build time, or "unknown").
    grep -qxE 'convlesson [0-9]+\.[0-9]+\.[0-9]+ \(revision [A-Za-z0-9._+-]+\)' "$work/out" ||
      fail "--version printed: $(cat "$work/out")"
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
