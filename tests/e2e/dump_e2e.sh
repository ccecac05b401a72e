#!/usr/bin/env bash
# End-to-end checks of `convlesson dump`.
# Usage: dump_e2e.sh CONVLESSON_BINARY CASE [GOLDEN_FILE]   (run from the source root)
# A golden file (tests/golden/dump/*.txt) is, as in pandoc's command tests,
#   % convlesson ARGS...
#   the exact standard output
# ARGS are split as a shell would (quotes group words; nothing is expanded).
# Set CONVLESSON_REGENERATE_GOLDEN=1 to rewrite the output part from the
# current binary (then read the diff before committing).
set -euo pipefail

bin=$1
case_name=$2
lesson=lessons/conv-relu-pool.yaml
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# usage_error ARGS... TEXT: exit 2, nothing on stdout, TEXT on stderr.
usage_error() {
  local text=${*: -1}
  run 2 "${@:1:$#-1}"
  [[ ! -s $work/out ]] || fail "convlesson ${*:1:$#-1} printed output on a usage error"
  grep -qF -- "$text" "$work/err" || fail "convlesson ${*:1:$#-1}: stderr lacks '$text': $(cat "$work/err")"
}

case $case_name in
  golden)
    file=$3
    IFS= read -r command <"$file" || true
    [[ $command == "% convlesson "* ]] || fail "$file: the first line must be '% convlesson ARGS...'"
    mapfile -d '' args < <(printf '%s' "${command#"% convlesson "}" | xargs printf '%s\0')
    run 0 "${args[@]}"
    [[ ! -s $work/err ]] || fail "unexpected stderr: $(cat "$work/err")"
    if [[ ${CONVLESSON_REGENERATE_GOLDEN:-} == 1 ]]; then
      { printf '%s\n' "$command"; cat "$work/out"; } >"$file"
      echo "regenerated $file"
      exit 0
    fi
    tail -n +2 "$file" >"$work/want"
    diff -u "$work/want" "$work/out" || fail "output differs from $file"
    ;;
  bad-lesson)
    printf 'title: Broken\nimage: {pattern: {kind: vertical-bar}}\nfitler: vertical-edge\n' >"$work/broken.yaml"
    for stage in lesson compute storyboard scene document; do
      run 1 dump --stage "$stage" "$work/broken.yaml"
      [[ ! -s $work/out ]] || fail "a failed lesson printed a $stage dump"
      grep -qF "$work/broken.yaml:3:1: error: unknown key 'fitler'" "$work/err" ||
        fail "no located diagnostic: $(cat "$work/err")"
    done
    run 1 dump --stage lesson "$work/missing.yaml"
    [[ -s $work/err ]] || fail "a missing lesson printed no diagnostic"
    ;;
  bad-stage)
    usage_error dump --stage pixels "$lesson" "pixels"
    usage_error dump "$lesson" "--stage"
    usage_error dump --stage lesson "lesson"
    ;;
  unknown-variant)
    usage_error dump --stage compute "$lesson" --variant Diagonal "no variant labelled 'Diagonal'"
    grep -qxF "  Horizontal edge" "$work/err" || fail "the known labels are not listed"
    usage_error dump --stage scene "$lesson" --variant "" "no variant labelled ''"
    usage_error dump --stage document "$lesson" --variant "Vertical edge" "--variant does not apply to --stage document"
    ;;
  bad-beat)
    usage_error dump --stage scene "$lesson" --beat 24 "variant 'Vertical edge' has 23 beats; --beat must be 1 to 23, got 24"
    usage_error dump --stage scene "$lesson" --beat 0 "--beat must be 1 to 23, got 0"
    usage_error dump --stage scene "$lesson" --beat -3 "--beat must be 1 to 23, got -3"
    usage_error dump --stage scene "$lesson" --beat two "--beat"
    usage_error dump --stage storyboard "$lesson" --beat 2 "--beat applies only to --stage scene"
    usage_error dump --stage document "$lesson" --beat 2 "--beat applies only to --stage scene"
    ;;
  every-beat)
    # Each beat of each variant lays out, and its scene is the one the storyboard numbers.
    for variant in "Vertical edge" "Horizontal edge"; do
      for beat in $(seq 1 23); do
        run 0 dump --stage scene "$lesson" --variant "$variant" --beat "$beat"
        head -n 1 "$work/out" | grep -q '^scene width=' || fail "$variant beat $beat: no scene line"
        grep -q '^  group id=' "$work/out" || fail "$variant beat $beat: no groups"
      done
    done
    ;;
  every-lesson-has-goldens)
    # Every shipped lesson's words (captions, descriptions, titles, steps,
    # the animation plan) are pinned by a storyboard golden, and its
    # numbers by a compute golden.
    for yaml in lessons/*.yaml; do
      [[ $yaml == */course.yaml ]] && continue  # the course file, not a lesson
      id=$(basename "$yaml" .yaml)
      for stage in storyboard compute; do
        golden=tests/golden/dump/$stage-$id.txt
        [[ -f $golden ]] || fail "$yaml has no $golden"
        IFS= read -r command <"$golden"
        [[ $command == "% convlesson dump --stage $stage $yaml" ]] || fail "$golden does not dump all of $yaml: $command"
      done
    done
    ;;
  *)
    fail "unknown case '$case_name'"
    ;;
esac
